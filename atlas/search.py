"""The derived ``initiative_search`` view and the data version: what writers refresh.

The materialized view (created by migration 0004) holds one narrow row per initiative with
everything the filters and facets read. It is derived data, so every writer of
initiatives, label awards, communes or domains calls ``refresh(conn)`` in its own
transaction: the view is rebuilt and ``data_version`` bumped, which invalidates ETags and
the query caches. Readers never block on a refresh (``CONCURRENTLY``).
"""

from __future__ import annotations

import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR

# A separate MetaData: the view is created by its migration, not by the models' tables.
_meta = sa.MetaData()
initiative_search = sa.Table(
    "initiative_search", _meta,
    sa.Column("id", sa.BigInteger, primary_key=True),
    sa.Column("year", sa.SmallInteger),
    sa.Column("source", sa.Text),
    sa.Column("kind", sa.Text),  # initiative | place
    sa.Column("place_type", sa.Text),  # "France Services", "Conseiller numérique"...
    sa.Column("commune_insee", sa.String(5)),
    sa.Column("epci_siren", sa.String(9)),
    sa.Column("holder", sa.String(9)),  # commune_insee, else epci_siren
    sa.Column("departement_code", sa.String(3)),
    sa.Column("region_code", sa.String(3)),
    sa.Column("domains", ARRAY(sa.Text)),
    sa.Column("domain_bits", sa.BigInteger),  # bit i: the domain of rank i, see DOMAIN_BITS
    sa.Column("label_year", sa.SmallInteger),
    sa.Column("level", sa.SmallInteger),
    sa.Column("search", TSVECTOR),
    sa.Column("geom", Geometry("POINT", srid=4326, spatial_index=False)),
)

# The rank of each domain, the bit it has in domain_bits (same query as migration 0004).
DOMAIN_BITS = sa.text("SELECT code, (row_number() OVER (ORDER BY position, code) - 1)::int "
                      "AS bit FROM domain")

TEXT_CONFIG = "atlas_fr"  # french stemming after unaccent (migration 0004)

_BUMP = sa.text("UPDATE data_version SET version = version + 1, changed_at = now() "
                "WHERE id = 1 RETURNING version")


def refresh(conn) -> int:
    """Rebuild the view from the tables and bump the data version; returns the new
    version. Call it inside the writer's transaction, after its last write."""
    populated = conn.scalar(sa.text(
        "SELECT ispopulated FROM pg_matviews WHERE matviewname = 'initiative_search'"))
    conn.execute(sa.text("REFRESH MATERIALIZED VIEW "
                         + ("CONCURRENTLY " if populated else "") + "initiative_search"))
    return conn.scalar(_BUMP)


def version(conn) -> int:
    return conn.scalar(sa.text("SELECT version FROM data_version WHERE id = 1")) or 0
