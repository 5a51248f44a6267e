"""What the staff console's pages read: records per source and kind, awards per edition,
every source with its counts. Plain functions over a connection."""

from __future__ import annotations

import sqlalchemy as sa


def records_by_source(conn) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(sa.text("""
        SELECT s.name, s.title, s.synthetic,
               count(i.id) FILTER (WHERE i.kind = 'initiative') AS initiatives,
               count(i.id) FILTER (WHERE i.kind = 'place') AS places
        FROM source s LEFT JOIN initiative i ON i.source = s.name
        GROUP BY s.name ORDER BY s.name"""))]


def awards_by_edition(conn) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(sa.text("""
        SELECT year, count(*) AS awards,
               count(*) FILTER (WHERE commune_insee IS NOT NULL) AS communes,
               count(*) FILTER (WHERE epci_siren IS NOT NULL) AS epci
        FROM label_award GROUP BY year ORDER BY year DESC"""))]


_SOURCES = """
    SELECT s.name, s.title, s.attribution, s.licence, s.licence_url, s.url,
           s.synthetic, s.loaded_at,
           (SELECT count(*) FROM initiative i WHERE i.source = s.name) AS records,
           (SELECT count(*) FROM label_award a WHERE a.source = s.name) AS awards
    FROM source s WHERE CAST(:name AS text) IS NULL OR s.name = :name ORDER BY s.name"""


def sources(conn) -> list[dict]:
    """Every source with its attribution, licence, last load and counts."""
    return [dict(r._mapping) for r in conn.execute(sa.text(_SOURCES), {"name": None})]


def source(conn, name: str) -> dict | None:
    row = conn.execute(sa.text(_SOURCES), {"name": name}).first()
    return dict(row._mapping) if row else None
