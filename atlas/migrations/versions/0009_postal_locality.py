"""Postal localities: names La Poste routes mail by, per postcode, with their commune.

From the npm package ``codes-postaux`` (see ``geodata/codes-postaux.md``): the *libellé
d'acheminement* of each (postcode, commune) and the package's commune names, kept only
where they differ from the current commune's name ("PUYRICARD" 13540 → Aix-en-Provence).
The reference loader fills it; the geocoder reads it whole.

Revision ID: 0009_postal_locality
Revises: 0008_web_role
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_postal_locality"
down_revision = "0008_web_role"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "postal_locality",
        sa.Column("postcode", sa.String(5), primary_key=True),
        sa.Column("name_folded", sa.Text, primary_key=True),
        sa.Column("commune_insee", sa.String(5),
                  sa.ForeignKey("commune.insee", ondelete="CASCADE"), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_index("postal_locality_commune_idx", "postal_locality", ["commune_insee"])


def downgrade() -> None:
    op.drop_table("postal_locality")
