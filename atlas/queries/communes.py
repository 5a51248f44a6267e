"""Communes for people: autocomplete by name, and one commune with its label history and
its initiatives by domain.

Names are matched on ``name_folded`` (``atlas.names.fold``: lower case, no accents, no
punctuation), so "saint-etienne", "ST ETIENNE" and "Saint-Étienne" meet. A former code
answers ``Moved`` towards the current commune, an unknown one ``NotFound``.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from atlas import names
from atlas.errors import InvalidParameter, Moved, NotFound
from atlas.queries import labels

INSEE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
TYPO_SIMILARITY = 0.45  # trigram similarity below which a name is not offered

# Ranked: exact name, name starting with the text, a word of it starting with the text
# ("etienne" → Saint-Étienne); then bigger communes first, homonyms told apart by
# their département. Former names come after current ones, pointing to their commune.
_PREFIX = sa.text("""
    WITH found AS (
        SELECT c.insee, c.name, c.population, c.departement_code, NULL::text AS alias_kind,
               NULL::text AS alias_name, 0 AS tier,
               CASE WHEN c.name_folded = :q THEN 0
                    WHEN c.name_folded LIKE :prefix THEN 1 ELSE 2 END AS rank
        FROM commune c
        WHERE c.name_folded LIKE :prefix OR c.name_folded LIKE :word
        UNION ALL
        SELECT c.insee, c.name, c.population, c.departement_code, a.kind, a.name, 1,
               CASE WHEN a.name_folded = :q THEN 0
                    WHEN a.name_folded LIKE :prefix THEN 1 ELSE 2 END
        FROM commune_alias a JOIN commune c ON c.insee = a.commune_insee
        WHERE (a.name_folded LIKE :prefix OR a.name_folded LIKE :word)
          AND a.kind <> 'arrondissement' AND a.name_folded <> c.name_folded)
    SELECT f.*, d.name AS departement_name, 'prefix' AS matched
    FROM found f JOIN departement d ON d.code = f.departement_code
    ORDER BY f.tier, f.rank, f.population DESC NULLS LAST, f.insee
    LIMIT :limit""")

_TYPO = sa.text("""
    SELECT c.insee, c.name, c.population, c.departement_code, NULL::text AS alias_kind,
           NULL::text AS alias_name, d.name AS departement_name, 'typo' AS matched,
           similarity(c.name_folded, :q) AS score
    FROM commune c JOIN departement d ON d.code = c.departement_code
    WHERE c.name_folded % :q AND similarity(c.name_folded, :q) >= :min
    ORDER BY score DESC, c.population DESC NULLS LAST, c.insee
    LIMIT :limit""")

_KINDS = {"ancien": "ancienne commune", "deleguee": "commune déléguée",
          "associee": "commune associée"}


def _item(r) -> dict:
    item = {"insee": r.insee, "name": r.name,
            "departement": {"code": r.departement_code, "name": r.departement_name},
            "population": r.population, "match": r.matched}
    if r.alias_kind:
        # A former name: shown as itself, pointing to the commune it is part of now.
        item["former"] = {"name": r.alias_name, "kind": _KINDS.get(r.alias_kind, r.alias_kind)}
    return item


def autocomplete(conn, text: str, limit: int = 10) -> list[dict]:
    """Communes whose name, or a word of it, starts with ``text`` (accents and case
    ignored), current communes before former names; if none, close spellings (typos)."""
    q = names.fold(text)
    if not q:
        raise InvalidParameter("q: give at least one letter or digit of a commune name",
                               param="q")
    if INSEE.match(text.strip().upper()):
        try:
            return [summary(conn, text.strip().upper())]
        except (Moved, NotFound):
            return []
    like = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(_PREFIX, {"q": q, "prefix": like + "%", "word": "% " + like + "%",
                                  "limit": limit}).all()
    out, keys = [], set()
    for r in rows:
        # A former commune can be both "ancienne" and "déléguée": offer it once.
        if (r.insee, r.alias_name) not in keys:
            keys.add((r.insee, r.alias_name))
            out.append(_item(r))
    if not out and len(q) >= 3:
        # The `%` operator's threshold, for this transaction only (it is what the
        # trigram index can use; the similarity() condition alone could not).
        conn.execute(sa.text("SELECT set_config('pg_trgm.similarity_threshold', :min, true)"),
                     {"min": str(TYPO_SIMILARITY)})
        typos = conn.execute(_TYPO, {"q": q, "min": TYPO_SIMILARITY, "limit": limit}).all()
        out += [_item(r) for r in typos]
    return out


_CURRENT = sa.text(f"""
    SELECT c.insee, c.name, c.population, c.postcodes, c.former_codes, c.siren,
           c.departement_code, d.name AS departement_name, c.region_code,
           r.name AS region_name, e.siren AS epci_siren, e.name AS epci_name,
           ST_X(c.point) AS lon, ST_Y(c.point) AS lat,
           ST_XMin(c.geom) AS xmin, ST_YMin(c.geom) AS ymin,
           ST_XMax(c.geom) AS xmax, ST_YMax(c.geom) AS ymax, lbl.*
    FROM commune c
    JOIN departement d ON d.code = c.departement_code
    JOIN region r ON r.code = c.region_code
    LEFT JOIN epci_member m ON m.commune_insee = c.insee
    LEFT JOIN epci e ON e.siren = m.epci_siren
    {labels.latest_sql("c.insee")}
    WHERE c.insee = :insee""").bindparams(label_year=None)

_SUCCESSOR = sa.text("""
    SELECT commune_insee FROM commune_alias WHERE code = :code
    ORDER BY CASE kind WHEN 'ancien' THEN 0 WHEN 'deleguee' THEN 1
                       WHEN 'associee' THEN 2 ELSE 3 END LIMIT 1""")

_LABELS = sa.text("""
    SELECT year, level, mentions, url, source FROM label_award
    WHERE commune_insee = :insee ORDER BY year""")

_BY_DOMAIN = sa.text("""
    SELECT d.code, d.label, count(x.initiative_id) AS count
    FROM domain d
    LEFT JOIN initiative_domain x ON x.domain_code = d.code
         AND x.initiative_id IN (SELECT id FROM initiative WHERE commune_insee = :insee)
    GROUP BY d.code, d.label, d.position ORDER BY d.position, d.code""")


def current_code(conn, code: str) -> str:
    """``code`` if it is a current commune; Moved to its successor if it is a former code
    or an arrondissement; NotFound otherwise."""
    code = code.strip().upper()
    if not INSEE.match(code):
        raise InvalidParameter(f"insee: {code[:20]!r} is not an INSEE code (5 characters, "
                               "e.g. 75056 or 2A004)", param="insee")
    if conn.scalar(sa.text("SELECT 1 FROM commune WHERE insee = :c"), {"c": code}):
        return code
    successor = conn.scalar(_SUCCESSOR, {"code": code})
    if successor:
        raise Moved(f"{code} is a former code of {successor}", location=successor)
    raise NotFound(f"no commune has the INSEE code {code}: find it by name with "
                   "/api/communes?q=")


def summary(conn, code: str) -> dict:
    """The commune's identity, without its history (for lists)."""
    row = conn.execute(_CURRENT, {"insee": current_code(conn, code)}).first()
    return {"insee": row.insee, "name": row.name,
            "departement": {"code": row.departement_code, "name": row.departement_name},
            "population": row.population, "match": "code"}


def detail(conn, code: str) -> dict:
    """The commune as a GeoJSON Feature (its point on surface), with its label history
    and its initiatives counted by domain."""
    insee = current_code(conn, code)
    row = conn.execute(_CURRENT, {"insee": insee}).first()
    history = [{"year": r.year, "level": r.level, "mentions": list(r.mentions),
                "url": r.url, "source": r.source}
               for r in conn.execute(_LABELS, {"insee": insee})]
    by_domain = [dict(r._mapping) for r in conn.execute(_BY_DOMAIN, {"insee": insee})]
    total = conn.scalar(sa.text("SELECT count(*) FROM initiative WHERE commune_insee = :i"),
                        {"i": insee})
    # The label shown: its own latest, else its EPCI's, flagged (atlas.queries.labels);
    # its own carries the award's mentions, page and source too.
    label = labels.as_dict(row)
    if label and label["held_by"] == "commune":
        label = {**next(a for a in history if a["year"] == label["year"]), **label}
    has_point = row.lon is not None
    return {
        "type": "Feature", "id": insee,
        "geometry": ({"type": "Point", "coordinates": [round(row.lon, 6), round(row.lat, 6)]}
                     if has_point else None),
        "bbox": ([round(v, 6) for v in (row.xmin, row.ymin, row.xmax, row.ymax)]
                 if row.xmin is not None else None),
        "properties": {
            "insee": insee, "name": row.name, "population": row.population,
            "postcodes": list(row.postcodes), "former_codes": list(row.former_codes),
            "siren": row.siren,
            "departement": {"code": row.departement_code, "name": row.departement_name},
            "region": {"code": row.region_code, "name": row.region_name},
            "epci": {"siren": row.epci_siren, "name": row.epci_name} if row.epci_siren else None,
            "label": label,
            "labels": history,
            "initiatives": {"total": total, "by_domain": by_domain},
        },
    }


# The communes of the code's département whose codes come just before and after it: what
# someone mistyping one digit of a code most likely meant (a code has no name to compare).
_NEAR_CODES = sa.text("""
    SELECT * FROM (
        (SELECT c.insee, c.name, c.population, c.departement_code FROM commune c
         WHERE c.insee < :code AND c.insee LIKE :dep ORDER BY c.insee DESC LIMIT :half)
        UNION ALL
        (SELECT c.insee, c.name, c.population, c.departement_code FROM commune c
         WHERE c.insee > :code AND c.insee LIKE :dep ORDER BY c.insee LIMIT :half)) near
    JOIN LATERAL (SELECT d.name AS departement_name, NULL::text AS alias_kind,
                         NULL::text AS alias_name, 'code' AS matched
                  FROM departement d WHERE d.code = near.departement_code) d ON true
    ORDER BY near.insee""")


def near_codes(conn, code: str, limit: int = 6) -> list[dict]:
    """Suggestions for an unknown INSEE ``code``: the current communes of its
    département with the closest codes (as ``autocomplete`` items, ``match: "code"``)."""
    dep = code[:3] if code.startswith("97") else code[:2]
    rows = conn.execute(_NEAR_CODES, {"code": code, "dep": dep + "%", "half": limit // 2})
    return [_item(r) for r in rows]
