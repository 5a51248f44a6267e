"""The small reference lists: domains, régions, départements (with their counts of
initiatives), and code → name lookups for labelling facets."""

from __future__ import annotations

import sqlalchemy as sa

_DOMAINS = sa.text("""
    SELECT d.code, d.label, d.description, d.keywords,
           (SELECT count(*) FROM initiative_domain x WHERE x.domain_code = d.code) AS initiatives
    FROM domain d ORDER BY d.position, d.code""")

_REGIONS = sa.text("""
    SELECT r.code, r.name, r.zone, r.chef_lieu,
           (SELECT count(*) FROM departement d WHERE d.region_code = r.code) AS departements,
           (SELECT count(*) FROM commune c WHERE c.region_code = r.code) AS communes
    FROM region r ORDER BY r.code""")

_DEPARTEMENTS = sa.text("""
    SELECT d.code, d.name, d.region_code, r.name AS region_name, d.zone, d.chef_lieu,
           (SELECT count(*) FROM commune c WHERE c.departement_code = d.code) AS communes
    FROM departement d JOIN region r ON r.code = d.region_code
    ORDER BY d.code""")


def domains(conn) -> list[dict]:
    return [dict(r._mapping, keywords=list(r.keywords)) for r in conn.execute(_DOMAINS)]


def regions(conn) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(_REGIONS)]


def departements(conn) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(_DEPARTEMENTS)]


def names(conn) -> dict[str, dict[str, str]]:
    """{"domain"|"region"|"departement"|"source": {code: name}}, in display order."""
    out: dict[str, dict[str, str]] = {}
    for kind, stmt in (("domain", "SELECT code, label FROM domain ORDER BY position, code"),
                       ("region", "SELECT code, name FROM region ORDER BY code"),
                       ("departement", "SELECT code, name FROM departement ORDER BY code"),
                       ("source", "SELECT name, attribution FROM source ORDER BY name")):
        out[kind] = dict(conn.execute(sa.text(stmt)).all())
    return out



_TOTALS = sa.text("""
    SELECT (SELECT count(*) FROM commune) AS communes,
           (SELECT count(*) FROM initiative WHERE kind = 'initiative') AS initiatives,
           (SELECT count(*) FROM initiative WHERE kind = 'place') AS places,
           (SELECT count(DISTINCT coalesce(commune_insee, epci_siren)) FROM label_award)
             AS labelled""")

# Sources with at least one record on the map, each with what it brings.
_SOURCES = sa.text("""
    SELECT * FROM (
        SELECT s.title, s.attribution, s.licence, s.licence_url, s.url, s.synthetic,
               count(*) FILTER (WHERE i.kind = 'initiative') AS initiatives,
               count(*) FILTER (WHERE i.kind = 'place') AS places,
               (SELECT count(*) FROM label_award a WHERE a.source = s.name) AS awards
        FROM source s LEFT JOIN initiative i ON i.source = s.name
        GROUP BY s.name) AS counted
    WHERE initiatives + places + awards > 0
    ORDER BY synthetic, title, attribution""")


def totals(conn) -> dict:
    return dict(conn.execute(_TOTALS).mappings().one())


def sources(conn) -> list[dict]:
    return [dict(r) for r in conn.execute(_SOURCES).mappings()]


def label_years(conn) -> list[int]:
    """The editions of the label with at least one award, latest first."""
    return list(conn.scalars(sa.text(
        "SELECT DISTINCT year FROM label_award ORDER BY year DESC")))
