""""Le label en chiffres": the key figures of the label and of the initiatives, for the
current filters, as ``Figure`` tables that the page draws, the CSV downloads write and
``/api/stats/label`` serialises: one computation, three outputs.

What the filters mean here (the others do not apply and are refused by the API):

- ``region``, ``departement``: a commune is where it is; an EPCI is where its most
  populous member is (as in the labels export), so it is counted in one région only.
  The population covered is that of the communes in the area.
- ``source``: awards and initiatives of these sources only.
- ``domain``: the initiative figures only (a label is not given per domain).

The population covered by an edition is the sum of the populations of the communes that
are labelled themselves or belong to a labelled EPCI, each commune counted once (a
labelled commune inside a labelled EPCI is not counted twice). EPCI membership is the
current one (COG), for every edition.

Answers are cached per data version (``queries.cache``): the page, the CSV and the API
ask the same figures.
"""

from __future__ import annotations

import dataclasses
import json

import sqlalchemy as sa

from atlas.errors import InvalidParameter
from atlas.filters import YEARS, Filters, Param, _int, one
from atlas.queries.cache import VersionedCache
from atlas.queries.initiatives import matching
from atlas.search import DOMAIN_BITS, initiative_search as s

LEVELS = (1, 2, 3, 4, 5)
KINDS = {"commune": "Communes", "epci": "Intercommunalités (EPCI)"}
NONE = {"commune": "commune", "epci": "intercommunalité (EPCI)"}  # "Aucune ..."
MOVES = {"kept": "Niveau maintenu", "up": "Niveau en hausse", "down": "Niveau en baisse",
         "new": "Nouvelles labellisées", "not_renewed": "Non renouvelées"}
APPLICABLE = ("region", "departement", "domain", "source")  # the filters used here
EDITIONS = [
    Param("edition_from", "integer", "The earlier of the two label editions whose levels "
          "are compared (`moves`); give `edition_to` too. Default: the two latest "
          "editions.", minimum=YEARS[0], maximum=YEARS[1], example="2021"),
    Param("edition_to", "integer", "The later of the two editions compared (after "
          "`edition_from`).", minimum=YEARS[0], maximum=YEARS[1], example="2022"),
]
EDITION_PARAMS = tuple(p.name for p in EDITIONS)


@dataclasses.dataclass(frozen=True)
class Figure:
    """One figure: what the chart draws, the table shows and the CSV holds.

    ``columns`` are (key, heading) pairs; each row is a dict keyed by them. The first
    column names the row (a year, a région, a domain...)."""

    key: str
    title: str
    summary: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[dict, ...]
    note: str = ""

    def as_json(self) -> dict:
        return {"key": self.key, "title": self.title, "summary": self.summary,
                "note": self.note, "columns": [{"key": k, "label": h} for k, h in self.columns],
                "rows": list(self.rows)}


@dataclasses.dataclass(frozen=True)
class Editions:
    """The two editions compared by the level moves (``from`` earlier than ``to``)."""

    before: int | None = None
    after: int | None = None


def parse_editions(args) -> Editions:
    """``edition_from`` and ``edition_to`` from request ``args``: both or neither, years,
    the first before the second."""
    raw = {name: one(args, name) for name in ("edition_from", "edition_to")}
    given = {k: v for k, v in raw.items() if v is not None}
    if not given:
        return Editions()
    if len(given) == 1:
        missing = ({"edition_from", "edition_to"} - set(given)).pop()
        raise InvalidParameter(f"{missing}: give both editions to compare, or neither "
                               "(then the two latest)", param=missing)
    before = _int("edition_from", raw["edition_from"], *YEARS)
    after = _int("edition_to", raw["edition_to"], *YEARS)
    if before >= after:
        raise InvalidParameter(f"edition_from: {before} is not before edition_to {after}",
                               param="edition_from")
    return Editions(before, after)


# ---- SQL ------------------------------------------------------------------------------

# Every award with the kind of its collectivité and where it counts. Bound arrays are
# empty when the filter is not set.
_AWARDS = """
    WITH seat AS (  -- each labelled EPCI's most populous member
        SELECT DISTINCT ON (m.epci_siren) m.epci_siren, pc.region_code, pc.departement_code
        FROM epci_member m JOIN commune pc ON pc.insee = m.commune_insee
        WHERE m.epci_siren IN (SELECT epci_siren FROM label_award
                               WHERE epci_siren IS NOT NULL)
        ORDER BY m.epci_siren, pc.population DESC NULLS LAST, pc.insee)
    SELECT a.year, a.level, coalesce(a.commune_insee, a.epci_siren) AS holder,
           CASE WHEN a.commune_insee IS NULL THEN 'epci' ELSE 'commune' END AS kind,
           coalesce(c.region_code, seat.region_code) AS region,
           coalesce(c.departement_code, seat.departement_code) AS departement
    FROM label_award a
    LEFT JOIN commune c ON c.insee = a.commune_insee
    LEFT JOIN seat ON seat.epci_siren = a.epci_siren
    WHERE (cardinality(CAST(:sources AS text[])) = 0 OR a.source = ANY(CAST(:sources AS text[])))
"""
_AREA = """(cardinality(CAST(:regions AS text[])) = 0 OR {region} = ANY(CAST(:regions AS text[])))
      AND (cardinality(CAST(:deps AS text[])) = 0 OR {departement} = ANY(CAST(:deps AS text[])))"""
_AWARD_AREA = _AREA.format(region="aw.region", departement="aw.departement")
_COMMUNE_AREA = _AREA.format(region="c.region_code", departement="c.departement_code")
# The communes covered by each edition: labelled, or members of a labelled EPCI; UNION
# keeps each (edition, commune) once.
_COVERED = """
    SELECT a.year, a.commune_insee AS insee FROM label_award a
    WHERE a.commune_insee IS NOT NULL
      AND (cardinality(CAST(:sources AS text[])) = 0 OR a.source = ANY(CAST(:sources AS text[])))
    UNION
    SELECT a.year, m.commune_insee FROM label_award a
    JOIN epci_member m ON m.epci_siren = a.epci_siren
    WHERE (cardinality(CAST(:sources AS text[])) = 0 OR a.source = ANY(CAST(:sources AS text[])))
"""
# Awards counted in one pass, two ways: per edition, kind and level in the chosen area
# (``per_region`` = 0), and per edition, kind and région whatever the area (= 1: the
# per-région figure shows whole régions). A few hundred rows, whatever the filters.
_BY_LEVEL = sa.text(f"""
    SELECT year, kind, level, region, GROUPING(level) = 1 AS per_region,
           count(*) FILTER (WHERE {_AWARD_AREA}) AS in_area, count(*) AS n
    FROM ({_AWARDS}) aw
    GROUP BY GROUPING SETS ((year, kind, level), (year, kind, region))""")

# The communes covered, per edition in the chosen area (``per_region`` = 0) and per
# edition and région whatever the area (= 1). Commune columns come from
# commune_place_idx (migration 0011), not from the wide commune rows and their outlines.
_COVER = sa.text(f"""
    SELECT cov.year, c.region_code AS region, GROUPING(c.region_code) = 0 AS per_region,
           count(*) FILTER (WHERE {_COMMUNE_AREA}) AS communes,
           coalesce(sum(c.population) FILTER (WHERE {_COMMUNE_AREA}), 0) AS population,
           coalesce(sum(c.population), 0) AS population_all
    FROM ({_COVERED}) cov JOIN commune c ON c.insee = cov.insee
    GROUP BY GROUPING SETS ((cov.year), (cov.year, c.region_code))""")

# Every commune's population, per région and in the chosen area (the shares' base), and
# whether the région has communes in the area (it is then listed).
_POPULATION = sa.text(f"""
    SELECT c.region_code AS region, coalesce(sum(c.population), 0) AS population,
           coalesce(sum(c.population) FILTER (WHERE {_COMMUNE_AREA}), 0) AS in_area,
           bool_or({_COMMUNE_AREA}) AS listed
    FROM commune c GROUP BY c.region_code""")

# Régions with communes (not the COM: 975, 977...), in code order.
_REGION_NAMES = sa.text("SELECT code, name FROM region WHERE length(code) = 2 ORDER BY code")

_MOVES = sa.text(f"""
    WITH pair AS (
        SELECT holder, kind, max(level) FILTER (WHERE year = :before) AS was,
               max(level) FILTER (WHERE year = :after) AS now
        FROM ({_AWARDS}) aw
        WHERE year IN (:before, :after) AND {_AWARD_AREA}
        GROUP BY holder, kind)
    SELECT kind, CASE WHEN was IS NULL THEN 'new' WHEN now IS NULL THEN 'not_renewed'
                      WHEN now > was THEN 'up' WHEN now < was THEN 'down'
                      ELSE 'kept' END AS move, count(*) AS n
    FROM pair GROUP BY 1, 2""")

_EDITIONS = sa.text("""
    SELECT DISTINCT year FROM label_award a
    WHERE (cardinality(CAST(:sources AS text[])) = 0 OR a.source = ANY(CAST(:sources AS text[])))
    ORDER BY year""")


def _params(f: Filters) -> dict:
    return {"regions": list(f.region), "deps": list(f.departement),
            "sources": list(f.source)}


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _fr(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


def _pct_fr(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",") + " %"


# ---- figures --------------------------------------------------------------------------

def _by_level(awards: list, editions: list[int]) -> list[Figure]:
    counts = {(r.year, r.kind, r.level): r.in_area for r in awards if not r.per_region}
    out = []
    for kind, label in KINDS.items():
        rows = []
        for year in editions:
            row = {"edition": year}
            for level in LEVELS:
                row[f"level_{level}"] = counts.get((year, kind, level), 0)
            row["total"] = sum(row[f"level_{lv}"] for lv in LEVELS)
            rows.append(row)
        if any(r["total"] for r in rows):
            best = max(rows, key=lambda r: (r["total"], r["edition"]))
            last = rows[-1]
            summary = (f"{label} labellisées par édition, de {rows[0]['edition']} à "
                       f"{last['edition']} : {_fr(last['total'])} en {last['edition']}"
                       f" (dont {_fr(last['level_5'])} à 5 @ et {_fr(last['level_4'])} à "
                       f"4 @) ; le plus grand nombre, {_fr(best['total'])}, en "
                       f"{best['edition']}.")
        else:
            summary = f"Aucune {NONE[kind]} labellisée pour ces filtres."
        out.append(Figure(
            f"labelled_{kind}", f"{label} labellisées par édition et par niveau", summary,
            (("edition", "Édition"),) + tuple((f"level_{lv}", f"{lv} @") for lv in LEVELS)
            + (("total", "Total"),), tuple(rows)))
    return out


def _coverage(cover: list, population: list, editions: list[int]) -> Figure:
    per_year = {r.year: r for r in cover if not r.per_region}
    area = sum(int(r.in_area) for r in population)
    rows = []
    for y in editions:
        r = per_year.get(y)
        people = int(r.population) if r else 0
        rows.append({"edition": y, "communes": r.communes if r else 0,
                     "population": people, "share": _pct(people, area)})
    rows = tuple(rows)
    if rows:
        last = rows[-1]
        summary = (f"En {last['edition']}, les collectivités labellisées couvrent "
                   f"{_fr(last['population'])} habitants ({_pct_fr(last['share'])} de la "
                   f"population du territoire choisi), dans {_fr(last['communes'])} commune"
                   + ("s." if last["communes"] > 1 else "."))
    else:
        summary = "Aucune population couverte par le label pour ces filtres."
    return Figure(
        "population", "Population couverte par le label, par édition", summary,
        (("edition", "Édition"), ("population", "Habitants couverts"),
         ("communes", "Communes couvertes"), ("share", "Part de la population (%)")),
        rows, note="Population des communes labellisées ou membres d'une intercommunalité "
                   "labellisée, chaque commune comptée une fois ; appartenance actuelle aux "
                   "EPCI.")


def _regions(names: list, awards: list, cover: list, population: list,
             latest: int | None) -> Figure:
    """Each région's own figures (whole régions, so a département filter lists the
    régions holding the chosen départements)."""
    held = {(r.region, r.kind): r.n for r in awards if r.per_region and r.year == latest}
    covered = {r.region: int(r.population_all) for r in cover
               if r.per_region and r.year == latest}
    whole = {r.region: int(r.population) for r in population}
    listed = {r.region for r in population if r.listed}
    rows = []
    for code, name in names:
        if code not in listed:
            continue
        communes, epci = held.get((code, "commune"), 0), held.get((code, "epci"), 0)
        rows.append({"region": name, "code": code, "communes": communes, "epci": epci,
                     "total": communes + epci, "covered": covered.get(code, 0),
                     "share": _pct(covered.get(code, 0), whole.get(code, 0))})
    shown = [r for r in rows if r["share"] is not None]
    if latest is None or not shown:
        summary = "Aucune édition du label pour ces filtres."
    elif not any(r["total"] or r["covered"] for r in rows):
        summary = f"Aucune collectivité labellisée en {latest} dans ces régions."
    else:
        top = max(shown, key=lambda r: (r["share"], r["total"]))
        many = max(rows, key=lambda r: r["total"])
        summary = (f"Édition {latest} : le plus de collectivités labellisées, "
                   f"{_fr(many['total'])}, en région {many['region']} ; la plus forte part "
                   f"de population couverte, {_pct_fr(top['share'])}, en région "
                   f"{top['region']}.")
    title = "Collectivités labellisées et population couverte par région"
    return Figure("regions", title + (f", édition {latest}" if latest else ""), summary,
                  (("region", "Région"), ("code", "Code"), ("communes", "Communes"),
                   ("epci", "EPCI"), ("total", "Collectivités labellisées"),
                   ("covered", "Habitants couverts"),
                   ("share", "Part de la population couverte (%)")), tuple(rows))


def _moves(conn, p: dict, editions: Editions) -> Figure:
    counts = {(r.kind, r.move): r.n for r in conn.execute(
        _MOVES, {**p, "before": editions.before, "after": editions.after})}
    rows = tuple({"move": label, "code": move, "communes": counts.get(("commune", move), 0),
                  "epci": counts.get(("epci", move), 0),
                  "total": counts.get(("commune", move), 0) + counts.get(("epci", move), 0)}
                 for move, label in MOVES.items())
    parts = [f"{r['move'].lower()} : {_fr(r['total'])}" for r in rows]
    summary = (f"De l'édition {editions.before} à {editions.after}, " + ", ".join(parts) + ".")
    return Figure("moves", f"Évolution des niveaux entre {editions.before} et "
                           f"{editions.after}", summary,
                  (("move", "Évolution"), ("communes", "Communes"),
                   ("epci", "EPCI"), ("total", "Total")), rows,
                  note="Nouvelles : labellisées en " f"{editions.after} et pas en "
                       f"{editions.before} ; non renouvelées : l'inverse.")


def _initiatives(conn, f: Filters) -> list[Figure]:
    names = dict(conn.execute(sa.text("SELECT code, label FROM domain "
                                      "ORDER BY position, code")).all())
    bits = dict(conn.execute(DOMAIN_BITS).all())  # code → its bit in domain_bits
    # The domain filter as a bit mask rather than the domains array: the same rows, but
    # every column read is then in initiative_search_figures_idx (migration 0011), so
    # the count is an index-only scan, already in group order.
    area = Filters(region=f.region, departement=f.departement, source=f.source)
    mask = sum(1 << bits[code] for code in f.domain if code in bits)
    # One scan: counts per kind, type and year, and per domain (a count per domain bit:
    # integer tests, no unnest of 100,000 arrays).
    per_bit = [sa.func.count().filter(s.c.domain_bits.op("&")(1 << bit) != 0)
               .label(f"d{bit}") for bit in sorted(set(bits.values()))]
    stmt = matching(area, s.c.kind, s.c.place_type, s.c.year, sa.func.count().label("n"),
                    *per_bit).group_by(s.c.kind, s.c.place_type, s.c.year)
    if f.domain:
        stmt = stmt.where(s.c.domain_bits.op("&")(sa.bindparam("mask", mask, sa.BigInteger))
                          != 0)
    per_year: dict = {}
    per_domain: dict = {}
    places: dict = {}
    for r in conn.execute(stmt):
        if r.kind == "initiative":
            per_year[r.year] = per_year.get(r.year, 0) + r.n
            for code, bit in bits.items():
                per_domain[code] = per_domain.get(code, 0) + r._mapping[f"d{bit}"]
        else:
            kind = r.place_type or "Autre lieu"
            places[kind] = places.get(kind, 0) + r.n
    total = sum(per_year.values())

    domain_rows = tuple({"domain": label, "code": code, "initiatives": per_domain.get(code, 0)}
                        for code, label in names.items()
                        if not f.domain or code in f.domain or per_domain.get(code))
    if total:
        top = max(domain_rows, key=lambda r: r["initiatives"])
        d_summary = (f"{_fr(total)} initiatives ; le domaine le plus représenté est "
                     f"« {top['domain']} » ({_fr(top['initiatives'])}). Une initiative peut "
                     "toucher plusieurs domaines.")
    else:
        d_summary = "Aucune initiative pour ces filtres."
    years = sorted(y for y in per_year if y is not None)
    year_rows = tuple({"year": y, "initiatives": per_year[y]} for y in years)
    undated = per_year.get(None, 0)
    if years:
        peak = max(year_rows, key=lambda r: (r["initiatives"], r["year"]))
        y_summary = (f"Initiatives par année, de {years[0]} à {years[-1]} ; le plus grand "
                     f"nombre en {peak['year']} ({_fr(peak['initiatives'])}).")
    else:
        y_summary = "Aucune initiative datée pour ces filtres."
    place_rows = tuple({"place_type": t, "places": n}
                       for t, n in sorted(places.items(), key=lambda kv: (-kv[1], kv[0])))
    p_summary = (" ; ".join(f"{r['place_type']} : {_fr(r['places'])}" for r in place_rows)
                 + "." if place_rows else "Aucun lieu pour ces filtres.")
    return [
        Figure("domains", "Initiatives par domaine", d_summary,
               (("domain", "Domaine"), ("code", "Code"), ("initiatives", "Initiatives")),
               domain_rows, note="Lieux (France Services, conseillers numériques) non "
                                 "comptés : voir « Lieux par type »."),
        Figure("years", "Initiatives par année", y_summary,
               (("year", "Année"), ("initiatives", "Initiatives")), year_rows,
               note=f"{_fr(undated)} initiatives sans année." if undated else ""),
        Figure("places", "Lieux par type", p_summary,
               (("place_type", "Type de lieu"), ("places", "Lieux")), place_rows,
               note="Des services accueillis dans une commune, pas des initiatives de la "
                    "collectivité."),
    ]


def editions(conn, f: Filters = Filters()) -> list[int]:
    """The label editions with at least one award (of ``f.source``), oldest first."""
    return list(conn.scalars(_EDITIONS, _params(f)))


def compute(conn, f: Filters, chosen: Editions = Editions()) -> dict:
    """Every figure of the page for ``f`` (its ``APPLICABLE`` filters only) and the
    editions compared: {"editions", "latest", "compared", "figures": {key: Figure}}."""
    p = _params(f)
    awards = conn.execute(_BY_LEVEL, p).all()
    years = sorted({r.year for r in awards})  # as ``editions``, without another query
    if chosen.before is None:
        chosen = Editions(*years[-2:]) if len(years) >= 2 else Editions()
    latest = years[-1] if years else None
    cover = conn.execute(_COVER, p).all()
    population = conn.execute(_POPULATION, p).all()
    figures = _by_level(awards, years)
    figures.append(_coverage(cover, population, years))
    figures.append(_regions(conn.execute(_REGION_NAMES).all(), awards, cover, population,
                            latest))
    if chosen.before is not None:
        figures.append(_moves(conn, p, chosen))
    figures += _initiatives(conn, f)
    return {"editions": years, "latest": latest,
            "compared": ([chosen.before, chosen.after] if chosen.before is not None else None),
            "figures": {fig.key: fig for fig in figures}}


_cache = VersionedCache(32 * 2**20)  # bytes (atlas.queries.cache)


def cached(conn, f: Filters, chosen: Editions = Editions()) -> dict:
    """``compute``, from the cache while the data version is unchanged."""
    f = Filters(region=f.region, departement=f.departement, domain=f.domain, source=f.source)
    return _cache.get(conn, ("label-figures", f, chosen), lambda: compute(conn, f, chosen))


def clear_cache() -> None:
    _cache.clear()
    _shapes_cache.clear()


# ---- one collectivité's history (commune page) ----------------------------------------

_HISTORY = sa.text("""
    SELECT year, level FROM label_award
    WHERE (commune_insee = :insee) OR (epci_siren = :siren) ORDER BY year""")


def history(conn, insee: str | None = None, siren: str | None = None) -> list[dict]:
    """The awards of one commune (``insee``) or one EPCI (``siren``), oldest first."""
    return [{"year": r.year, "level": r.level}
            for r in conn.execute(_HISTORY, {"insee": insee, "siren": siren})]


# ---- région outlines for the small choropleth -----------------------------------------

# The tiles' outlines (``tile_shape``, migration 0006), already simplified in Web
# Mercator: the zoom 0–2 band (about 2.4 km) for metropolitan France, the zoom 3–5 band
# for the overseas régions drawn larger in their insets. Back to lon/lat, 3 decimals.
_SHAPES = sa.text("""
    SELECT r.code, r.name, r.zone, ST_AsGeoJSON(g, 3) AS geometry,
           ST_X(ST_PointOnSurface(g)) AS lon, ST_Y(ST_PointOnSurface(g)) AS lat
    FROM region r
    JOIN LATERAL (SELECT ST_Transform(CASE WHEN r.zone = 'metro' THEN t.g0 ELSE t.g3 END,
                                      4326) AS g
                  FROM tile_shape t WHERE t.layer = 'regions' AND t.code = r.code) s
      ON s.g IS NOT NULL
    ORDER BY r.code""")
_shapes_cache = VersionedCache(32 * 2**20)  # région outlines, a few MB


def region_shapes(conn) -> list[dict]:
    """The régions' outlines (GeoJSON geometry, lon/lat) with a point to write a value
    on, for ``atlas.charts.choropleth``; cached per data version."""
    def compute():
        return [{"code": r.code, "name": r.name, "zone": r.zone,
                 "geometry": json.loads(r.geometry), "label_point": (r.lon, r.lat)}
                for r in conn.execute(_SHAPES)]

    return _shapes_cache.get(conn, "region-shapes", compute)
