"""Commune aliases: former codes, communes déléguées/associées, arrondissements municipaux.

Every code or name that once designated a place now inside a current commune, pointing to
that commune: the reference loader fills it from the COG, the geocoder and the API read it.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "commune_alias",
        sa.Column("code", sa.String(5), primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("name", sa.Text),
        sa.Column("name_folded", sa.Text),
        sa.Column("commune_insee", sa.String(5),
                  sa.ForeignKey("commune.insee", ondelete="CASCADE"), nullable=False),
        sa.CheckConstraint("kind IN ('ancien', 'deleguee', 'associee', 'arrondissement')",
                           name="commune_alias_kind"),
    )
    op.create_index("commune_alias_commune_idx", "commune_alias", ["commune_insee"])
    op.create_index("commune_alias_name_folded_idx", "commune_alias", ["name_folded"])


def downgrade() -> None:
    op.drop_table("commune_alias")
