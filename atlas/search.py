"""The derived ``initiative_search`` table and the data version.

``initiative_search`` (migrations 0004, 0007) holds one narrow row per initiative with
everything the filters and facets read: département and région, domain codes and bits,
the collectivité's latest label, a French tsvector. It is derived data, kept in step by
the one write path (``loaders.pipeline``), in the writer's transaction:

- ``sync(conn, ids)`` redoes the rows of those initiatives only (deleted ones vanish),
  the way sqlite-utils' triggers redo a full-text row: delete, then insert the query's
  row again; a write costs what it changed;
- ``rebuild(conn)`` redoes every row (``python -m atlas rebuild``, for repair, and when
  a write touches most rows anyway);
- ``bump(conn)`` moves the data version, which invalidates ETags, query caches and tile
  folders; the pipeline calls it only when something changed.
"""

from __future__ import annotations

import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR

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
_BITS_SQL = ("SELECT code, (row_number() OVER (ORDER BY position, code) - 1)::int AS bit "
             "FROM domain")
DOMAIN_BITS = sa.text(_BITS_SQL)

TEXT_CONFIG = "atlas_fr"  # french stemming after unaccent (migration 0004)

# One row per initiative, as the filters read it; WHERE is filled by sync or rebuild.
_ROWS = f"""
    WITH bits AS ({_BITS_SQL})
    SELECT i.id, i.year, i.source, i.kind, i.place_type, i.commune_insee, i.epci_siren,
           coalesce(i.commune_insee, i.epci_siren) AS holder,
           coalesce(c.departement_code, p.departement_code) AS departement_code,
           coalesce(c.region_code, p.region_code) AS region_code,
           coalesce(d.domains, '{{}}') AS domains,
           coalesce(d.domain_bits, 0) AS domain_bits,
           a.year AS label_year, a.level,
           setweight(to_tsvector('atlas_fr', i.title), 'A')
             || setweight(to_tsvector('atlas_fr', coalesce(i.summary, '')), 'B')
             || setweight(to_tsvector('atlas_fr', coalesce(c.name, '')), 'C') AS search,
           i.geom
    FROM initiative i
    LEFT JOIN commune c ON c.insee = i.commune_insee
    -- An EPCI's record has no commune: its département is the one its point lies in.
    LEFT JOIN LATERAL (
        SELECT cc.departement_code, cc.region_code FROM commune cc
        WHERE i.commune_insee IS NULL AND ST_Intersects(cc.geom, i.geom) LIMIT 1) p ON true
    LEFT JOIN LATERAL (
        SELECT array_agg(x.domain_code ORDER BY x.domain_code)::text[] AS domains,
               sum(1::bigint << b.bit)::bigint AS domain_bits
        FROM initiative_domain x JOIN bits b ON b.code = x.domain_code
        WHERE x.initiative_id = i.id) d ON true
    LEFT JOIN LATERAL (
        SELECT la.year, la.level FROM label_award la
        WHERE (i.commune_insee IS NOT NULL AND la.commune_insee = i.commune_insee)
           OR (i.commune_insee IS NULL AND la.epci_siren = i.epci_siren)
        ORDER BY la.year DESC LIMIT 1) a ON true
"""
_INSERT = "INSERT INTO initiative_search " + _ROWS
_SYNC_DELETE = sa.text("DELETE FROM initiative_search WHERE id = ANY(:ids)")
_SYNC_INSERT = sa.text(_INSERT + " WHERE i.id = ANY(:ids)")

# Past this share of the table, one full rebuild costs less than row-by-row work
# (pg_ivm's README says the same of incremental maintenance).
FULL_SHARE = 0.3

_BUMP = sa.text("UPDATE data_version SET version = version + 1, changed_at = now() "
                "WHERE id = 1 RETURNING version")


def sync(conn, ids) -> int:
    """Redo the search rows of initiatives ``ids`` (deleted ones are removed); returns how
    many ids were synced. A large share of the table is rebuilt whole instead."""
    ids = sorted(set(ids))
    if not ids:
        return 0
    if len(ids) > 1000 and len(ids) > FULL_SHARE * conn.scalar(
            sa.text("SELECT count(*) FROM initiative_search")):
        rebuild(conn)
        return len(ids)
    conn.execute(_SYNC_DELETE, {"ids": ids})
    conn.execute(_SYNC_INSERT, {"ids": ids})
    return len(ids)


def rebuild(conn) -> int:
    """Redo every row from the tables; returns the row count. DELETE rather than TRUNCATE:
    readers keep reading the old rows until the commit instead of waiting on a lock."""
    conn.execute(sa.text("DELETE FROM initiative_search"))
    # Statistics first (ANALYZE counts this transaction's own new rows): tables filled by
    # this very write look empty to the planner, which would then scan initiative_domain
    # and label_award once per initiative.
    conn.execute(sa.text("ANALYZE initiative, initiative_domain, label_award"))
    return conn.execute(sa.text(_INSERT)).rowcount


def stale(conn) -> int:
    """How many rows differ between the table and a rebuild (0 when in step): the check
    that incremental upkeep equals a full rebuild (tests, ``rebuild --check``)."""
    return conn.scalar(sa.text(f"""
        WITH fresh AS ({_ROWS})
        SELECT count(*) FROM (
            (SELECT * FROM initiative_search EXCEPT ALL SELECT * FROM fresh)
            UNION ALL
            (SELECT * FROM fresh EXCEPT ALL SELECT * FROM initiative_search)) d"""))


def holders_ids(conn, holders) -> set[int]:
    """Ids of the initiatives held by these collectivités (INSEE codes or SIRENs): their
    label columns follow the collectivité's latest award."""
    return set(conn.scalars(sa.text(
        "SELECT id FROM initiative_search WHERE holder = ANY(:h)"), {"h": sorted(holders)}))


def commune_ids(conn, communes) -> set[int]:
    """Ids of the initiatives whose row reads these communes (name, département, région):
    the communes' own records, and every EPCI record (placed by its point)."""
    return set(conn.scalars(sa.text(
        "SELECT id FROM initiative WHERE commune_insee = ANY(:c) OR commune_insee IS NULL"),
        {"c": sorted(communes)}))


def domain_ids(conn, domains) -> set[int]:
    """Ids of the initiatives holding one of these domains (their bits moved)."""
    return set(conn.scalars(sa.text(
        "SELECT DISTINCT initiative_id FROM initiative_domain WHERE domain_code = ANY(:d)"),
        {"d": sorted(domains)}))


def bump(conn) -> int:
    """Move the data version (inside the writer's transaction); returns the new one."""
    return conn.scalar(_BUMP)


def version(conn) -> int:
    return conn.scalar(sa.text("SELECT version FROM data_version WHERE id = 1")) or 0
