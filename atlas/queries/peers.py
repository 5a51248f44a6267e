"""Nearby peers: the communes near a commune that already do what it wants to do.

"Which communes around us, of a size like ours, run a digital initiative in médiation, and
how are they labelled?" A peer is a current commune, other than the commune asked about,
within ``radius_km`` of it, that holds at least one initiative (``kind = 'initiative'``)
or one label award. With ``domain``, it must hold an initiative of one of those domains;
with ``min_level``, its label (its own, else its EPCI's) must be at least that level; with
``population_similar``, its population must lie between half and twice the commune's.

What counts, and what does not (so the answer can be explained):

- peers are communes only. An initiative or a label held by an EPCI belongs to no single
  member commune, so it makes no commune a peer and is not counted (a peer shows its
  EPCI's label, flagged, when it has none of its own); places (France
  Services, conseillers numériques) are services hosted in a commune, not its own
  initiatives, so they are not counted either;
- distances are true distances on the ground between the communes' points on surface
  (``commune.point``, so the answer is about towns, not outlines touching): "nearest"
  is the KNN operator ``<->`` on ``point::geography`` through its GiST index (migration
  0005_peers), the radius is ``ST_DWithin`` on the same index (spheroid), and
  ``distance_km`` is ``ST_Distance`` on the spheroid. Never degrees.

Each peer carries its distance, its label (``atlas.queries.labels``: its own latest,
else its EPCI's, flagged ``held_by: "epci"``; ``min_level`` compares that one), the number of its initiatives
matching ``domain`` (all of them without it) and its population; the answer carries the
commune asked about (point, population, radius) as ``reference``. A former code raises
``Moved``; an unknown one ``NotFound`` with the closest communes as ``suggestions``.
"""

from __future__ import annotations

import sqlalchemy as sa

from atlas import names
from atlas.errors import InvalidParameter, NotFound
from atlas.filters import PeersQuery
from atlas.queries import communes, labels

_REFERENCE = sa.text(f"""
    SELECT c.insee, c.name, c.population, c.departement_code, d.name AS departement_name,
           ST_X(c.point) AS lon, ST_Y(c.point) AS lat, la.*
    FROM commune c
    JOIN departement d ON d.code = c.departement_code
    {labels.latest_sql("c.insee", "la")}
    WHERE c.insee = :insee""").bindparams(label_year=None)

# What makes a commune a peer, as conditions on ``c`` (one row of ``commune``). Constant
# fragments chosen by which filters are given; every value is a bound parameter. EXISTS
# stops at the first matching row: the candidates are tested before anything is counted.
_INITIATIVE = ("EXISTS (SELECT 1 FROM initiative_search s WHERE s.commune_insee = c.insee "
               "AND s.kind = 'initiative'{domain})")
_DOMAIN = " AND s.domains && CAST(:domains AS text[])"
_LABELLED = "EXISTS (SELECT 1 FROM label_award a WHERE a.commune_insee = c.insee)"
# The label a peer shows (its own, else its EPCI's) is the one min_level compares.
_MIN_LEVEL = ("(SELECT ml.label_level FROM (SELECT 1) one "
              + labels.latest_sql("c.insee", "ml") + ") >= :min_level")
_POPULATION = "c.population BETWEEN CAST(:pop_min AS integer) AND CAST(:pop_max AS integer)"

# The nearest candidates first (the inner query: the KNN index scan, bounded by the radius
# on the same index, stops once `limit` peers are found), then what each shows. The outer
# sort is by the spheroid distance shown; `<->` on geography orders on the sphere, which
# can swap two peers less than 0.5 % apart, never more.
_PEERS = """
    WITH ref AS (SELECT CAST(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) AS geography) AS g)
    SELECT n.insee, n.name, n.population, n.departement_code, d.name AS departement_name,
           ST_X(n.point) AS lon, ST_Y(n.point) AS lat,
           ST_Distance(CAST(n.point AS geography), (SELECT g FROM ref)) AS distance_m,
           la.*, k.initiatives
    FROM (
        SELECT c.insee, c.name, c.population, c.departement_code, c.point
        FROM commune c
        WHERE ST_DWithin(CAST(c.point AS geography), (SELECT g FROM ref), :radius_m)
          AND c.insee <> :insee AND {conditions}
        ORDER BY CAST(c.point AS geography) <-> (SELECT g FROM ref)
        LIMIT :limit) n
    JOIN departement d ON d.code = n.departement_code
    {label}
    CROSS JOIN LATERAL (
        SELECT count(*) AS initiatives FROM initiative_search s
        WHERE s.commune_insee = n.insee AND s.kind = 'initiative'{domain}) k
    ORDER BY distance_m, n.insee"""


def statement(q: PeersQuery) -> sa.TextClause:
    """The peers SQL for the filters of ``q`` (bind ``params(...)`` to run it)."""
    domain = _DOMAIN if q.domain else ""
    if q.domain:
        # A peer in a domain is a commune doing something in it: a label alone is not.
        conditions = [_INITIATIVE.format(domain=domain)]
    else:
        conditions = [f"({_INITIATIVE.format(domain='')} OR {_LABELLED})"]
    if q.min_level is not None:
        conditions.append(_MIN_LEVEL)
    if q.population_similar:
        # First: a column test, cheaper than the subqueries, and the planner keeps the
        # order of equally cheap conditions.
        conditions.insert(0, _POPULATION)
    return sa.text(_PEERS.format(conditions=" AND ".join(conditions), domain=domain,
                                 label=labels.latest_sql("n.insee", "la")))


def params(q: PeersQuery, ref) -> dict:
    """The bound values of ``statement(q)`` around the reference row ``ref``."""
    out = {"lon": ref.lon, "lat": ref.lat, "radius_m": q.radius_km * 1000.0,
           "insee": ref.insee, "limit": q.limit, "label_year": None}
    if q.domain:
        out["domains"] = list(q.domain)
    if q.min_level is not None:
        out["min_level"] = q.min_level
    if q.population_similar:
        out["pop_min"], out["pop_max"] = population_range(ref.population)
    return out


def population_range(population: int) -> tuple[int, int]:
    """Half to twice ``population``, both ends included (rounded outwards)."""
    return population // 2, population * 2


def resolve(conn, code: str) -> str:
    """The current INSEE code for ``code``: Moved for a former code; NotFound with the
    closest communes as suggestions for an unknown code, or for a name given instead of
    a code (``/api/communes/villejuif/peers``)."""
    text = code.strip()
    if not communes.INSEE.match(text.upper()):
        found = communes.autocomplete(conn, text, 5) if names.fold(text) else []
        raise NotFound(f"{text[:40]!r} is not an INSEE code: find the commune by name "
                       "with /api/communes?q=", suggestions=found)
    try:
        return communes.current_code(conn, text)
    except NotFound as error:
        raise NotFound(str(error), suggestions=communes.near_codes(conn, text.upper())) \
            from None


def reference(conn, code: str):
    """The row of the commune asked about (Moved, NotFound as ``resolve``)."""
    row = conn.execute(_REFERENCE, {"insee": resolve(conn, code)}).first()
    if row.lon is None:
        raise NotFound(f"{row.name} ({row.insee}) has no known location in the reference: "
                       "its nearby communes cannot be computed")
    return row


def _point(lon: float, lat: float) -> dict:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def peers(conn, code: str, q: PeersQuery) -> dict:
    """The peers of commune ``code`` as a GeoJSON FeatureCollection, nearest first, with
    the commune itself as ``reference`` (its point, population, label and the radius).

    Raises Moved (former code), NotFound (unknown code, suggestions attached), and
    InvalidParameter for ``population=similar`` when the commune's population is unknown.
    """
    ref = reference(conn, code)
    if q.population_similar and not ref.population:
        raise InvalidParameter(f"population: the population of {ref.name} is unknown, so "
                               "no size is similar to it", param="population")
    rows = conn.execute(statement(q), params(q, ref)).all()
    features = [{
        "type": "Feature", "id": r.insee, "geometry": _point(r.lon, r.lat),
        "properties": {
            "insee": r.insee, "name": r.name, "population": r.population,
            "departement": {"code": r.departement_code, "name": r.departement_name},
            "distance_km": round(r.distance_m / 1000.0, 2),
            "label": labels.as_dict(r),
            "initiatives": r.initiatives,
        }} for r in rows]
    reference_props = {
        "insee": ref.insee, "name": ref.name, "population": ref.population,
        "departement": {"code": ref.departement_code, "name": ref.departement_name},
        "label": labels.as_dict(ref), "radius_km": q.radius_km,
        "population_range": (list(population_range(ref.population))
                             if q.population_similar else None)}
    return {
        "type": "FeatureCollection",
        "reference": {"type": "Feature", "id": ref.insee,
                      "geometry": _point(ref.lon, ref.lat), "properties": reference_props},
        "parameters": {"radius_km": q.radius_km, "domain": list(q.domain),
                       "min_level": q.min_level,
                       "population": "similar" if q.population_similar else None,
                       "limit": q.limit},
        "numberReturned": len(features),
        "features": features,
    }

