"""Initial schema: geography, EPCI, domains, label awards, initiatives.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import ARRAY

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _geom(kind):
    # Spatial indexes are created explicitly below, with names the models also declare.
    return Geometry(kind, srid=4326, spatial_index=False)


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS postgis")

    op.create_table(
        "region",
        sa.Column("code", sa.String(3), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type_liaison", sa.SmallInteger),
        sa.Column("chef_lieu", sa.String(5)),
        sa.Column("zone", sa.String(5), nullable=False),
        sa.Column("geom", _geom("MULTIPOLYGON")),
    )
    op.create_index("region_geom_gist", "region", ["geom"], postgresql_using="gist")

    op.create_table(
        "departement",
        sa.Column("code", sa.String(3), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("region_code", sa.String(3), sa.ForeignKey("region.code"), nullable=False),
        sa.Column("type_liaison", sa.SmallInteger),
        sa.Column("chef_lieu", sa.String(5)),
        sa.Column("zone", sa.String(5), nullable=False),
        sa.Column("geom", _geom("MULTIPOLYGON")),
    )
    op.create_index("departement_geom_gist", "departement", ["geom"], postgresql_using="gist")
    op.create_index("departement_region_idx", "departement", ["region_code"])

    op.create_table(
        "commune",
        sa.Column("insee", sa.String(5), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_folded", sa.Text, nullable=False),
        sa.Column("type_liaison", sa.SmallInteger),
        sa.Column("departement_code", sa.String(3), sa.ForeignKey("departement.code"),
                  nullable=False),
        sa.Column("region_code", sa.String(3), sa.ForeignKey("region.code"), nullable=False),
        sa.Column("zone", sa.String(5), nullable=False),
        sa.Column("siren", sa.String(9)),
        sa.Column("population", sa.Integer),
        sa.Column("postcodes", ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("former_codes", ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("geom", _geom("MULTIPOLYGON")),
        sa.Column("point", _geom("POINT")),
    )
    op.create_index("commune_geom_gist", "commune", ["geom"], postgresql_using="gist")
    op.create_index("commune_point_gist", "commune", ["point"], postgresql_using="gist")
    op.create_index("commune_departement_idx", "commune", ["departement_code"])
    op.create_index("commune_region_idx", "commune", ["region_code"])
    op.create_index("commune_name_folded_idx", "commune", ["name_folded"])
    op.create_index("commune_postcodes_gin", "commune", ["postcodes"], postgresql_using="gin")
    op.create_index("commune_former_codes_gin", "commune", ["former_codes"],
                    postgresql_using="gin")

    op.create_table(
        "epci",
        sa.Column("siren", sa.String(9), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_folded", sa.Text, nullable=False),
        sa.Column("type", sa.String(5), nullable=False),
        sa.Column("population", sa.Integer),
    )
    op.create_table(
        "epci_member",
        sa.Column("epci_siren", sa.String(9), sa.ForeignKey("epci.siren", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("commune_insee", sa.String(5),
                  sa.ForeignKey("commune.insee", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("epci_member_commune_idx", "epci_member", ["commune_insee"])

    op.create_table(
        "domain",
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("label", sa.Text, nullable=False, unique=True),
        sa.Column("keywords", ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("description", sa.Text),
        sa.Column("position", sa.SmallInteger, nullable=False),
    )

    op.create_table(
        "label_award",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("commune_insee", sa.String(5), sa.ForeignKey("commune.insee")),
        sa.Column("epci_siren", sa.String(9), sa.ForeignKey("epci.siren")),
        sa.Column("year", sa.SmallInteger, nullable=False),
        sa.Column("level", sa.SmallInteger, nullable=False),
        sa.Column("mentions", ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("source", sa.Text, nullable=False),
        sa.CheckConstraint("(commune_insee IS NULL) <> (epci_siren IS NULL)",
                           name="label_award_one_collectivite"),
        sa.CheckConstraint("level BETWEEN 1 AND 5", name="label_award_level_range"),
        sa.CheckConstraint("year BETWEEN 1990 AND 2100", name="label_award_year_range"),
    )
    op.create_index("label_award_commune_year_uq", "label_award", ["commune_insee", "year"],
                    unique=True, postgresql_where=sa.text("commune_insee IS NOT NULL"))
    op.create_index("label_award_epci_year_uq", "label_award", ["epci_siren", "year"],
                    unique=True, postgresql_where=sa.text("epci_siren IS NOT NULL"))
    op.create_index("label_award_year_level_idx", "label_award", ["year", "level"])

    op.create_table(
        "initiative",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("summary", sa.Text),
        sa.Column("year", sa.SmallInteger),
        sa.Column("url", sa.Text),
        sa.Column("commune_insee", sa.String(5), sa.ForeignKey("commune.insee")),
        sa.Column("epci_siren", sa.String(9), sa.ForeignKey("epci.siren")),
        sa.Column("geom", _geom("POINT"), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_id", sa.Text, nullable=False),
        sa.Column("geocode_method", sa.Text, nullable=False),
        sa.Column("geocode_score", sa.Float, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False,
                  server_default=sa.func.now()),
        sa.UniqueConstraint("source", "source_id", name="initiative_source_uq"),
        sa.CheckConstraint("year IS NULL OR year BETWEEN 1980 AND 2100",
                           name="initiative_year_range"),
        sa.CheckConstraint("geocode_score BETWEEN 0 AND 1", name="initiative_score_range"),
    )
    op.create_index("initiative_geom_gist", "initiative", ["geom"], postgresql_using="gist")
    op.create_index("initiative_commune_idx", "initiative", ["commune_insee"])
    op.create_index("initiative_epci_idx", "initiative", ["epci_siren"])
    op.create_index("initiative_year_idx", "initiative", ["year"])

    op.create_table(
        "initiative_domain",
        sa.Column("initiative_id", sa.BigInteger,
                  sa.ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("domain_code", sa.String(40),
                  sa.ForeignKey("domain.code", onupdate="CASCADE"), primary_key=True),
    )
    op.create_index("initiative_domain_domain_idx", "initiative_domain",
                    ["domain_code", "initiative_id"])


def downgrade() -> None:
    for table in ("initiative_domain", "initiative", "label_award", "domain", "epci_member",
                  "epci", "commune", "departement", "region"):
        op.drop_table(table)
    # The postgis extension is left in place: it may predate the atlas in this database.
