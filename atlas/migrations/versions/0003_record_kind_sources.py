"""Record kinds and sources: places beside initiatives, and where every record comes from.

A record is an ``initiative`` (what a collectivité did) or a ``place`` (a lieu open to the
public: a France Services, a structure hosting conseillers numériques), with the place's
type and the source-specific public fields in ``attributes``. The ``source`` table names
each source once, with its licence and the attribution line every page and export shows;
``initiative.source`` and ``label_award.source`` point to it.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_REFERRERS = ("initiative", "label_award")


def upgrade() -> None:
    op.create_table(
        "source",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("publisher", sa.Text),
        sa.Column("edition", sa.Text),
        sa.Column("licence", sa.Text),
        sa.Column("licence_url", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("attribution", sa.Text, nullable=False),
        sa.Column("synthetic", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("loaded_at", sa.DateTime(timezone=True)),
    )
    # Records loaded before this revision keep their source name; it becomes a source
    # row whose title and attribution are that name until a load describes it better.
    op.execute("""
        INSERT INTO source (name, title, attribution)
        SELECT s, s, s FROM (SELECT source FROM initiative
                             UNION SELECT source FROM label_award) AS used(s)""")
    # No extra index on the referring columns: initiative's (source, source_id) unique
    # index already leads with source, and label awards are a few thousand rows.
    for table in _REFERRERS:
        op.create_foreign_key(f"{table}_source_fkey", table, "source", ["source"], ["name"],
                              onupdate="CASCADE")

    op.add_column("initiative", sa.Column("kind", sa.Text, nullable=False,
                                          server_default="initiative"))
    op.add_column("initiative", sa.Column("place_type", sa.Text))
    op.add_column("initiative", sa.Column("attributes", JSONB, nullable=False,
                                          server_default=sa.text("'{}'::jsonb")))
    op.create_check_constraint("initiative_kind", "initiative",
                               "kind IN ('initiative', 'place')")
    op.create_check_constraint("initiative_place_type", "initiative",
                               "kind = 'place' OR place_type IS NULL")
    op.create_index("initiative_kind_idx", "initiative", ["kind", "place_type"])


def downgrade() -> None:
    op.drop_index("initiative_kind_idx", "initiative")
    op.drop_constraint("initiative_place_type", "initiative", type_="check")
    op.drop_constraint("initiative_kind", "initiative", type_="check")
    for column in ("attributes", "place_type", "kind"):
        op.drop_column("initiative", column)
    for table in _REFERRERS:
        op.drop_constraint(f"{table}_source_fkey", table, type_="foreignkey")
    op.drop_table("source")
