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
