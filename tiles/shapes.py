"""The pre-generalised outlines of the tile layers (``tile_shape``, migrations 0006, 0007,
and ``map_tiles_shared_outlines``).

Derived from ``region``, ``departement`` and ``commune``, kept in step by the write path
(``loaders.pipeline``) in the writer's transaction: ``sync`` redoes the outlines of the
codes whose row changed, ``rebuild`` every one (``python -m atlas rebuild``, a first load).

One generalisation per zoom band for every layer, so that borders coincide at every zoom:

- a département's outline is the union of its communes' outlines, a région's the union
  of its départements' (the official département and région files were generalised on
  their own and sit up to 230 m off their communes' borders: grey slivers on the map);
- each band is the outline snapped to the grid of one tile unit (extent 4096) at the
  band's highest zoom, anchored on the Web Mercator tile grid. Snapping moves each vertex
  on its own, so two outlines sharing a border still share it after snapping, which a
  per-outline simplification (Douglas-Peucker) does not guarantee; the error is at most
  half a unit, as before. ``g9`` is the outline itself (the mapshaper-generalised ADMIN
  EXPRESS outlines are finer than a unit from z11).
"""

from __future__ import annotations

from collections import defaultdict

import shapely
import sqlalchemy as sa

_HALF_WORLD = 20037508.342789244  # metres: Web Mercator spans ±this on both axes


def _snap(z: int) -> str:
    # One tile unit at zoom z (extent 4096): 2446 m at z2, 306 m at z5, 38 m at z8.
    unit = 2 * _HALF_WORLD / 2**z / 4096
    return f"ST_SnapToGrid(g, {-_HALF_WORLD!r}, {-_HALF_WORLD!r}, {unit!r}, {unit!r})"


# The bands' columns from ``g`` (the outline in EPSG:3857); communes start at z7, so
# their g0 and g3 stay empty.
_BANDS = f"""
           CASE WHEN layer <> 'communes' THEN {_snap(2)} END AS g0,
           CASE WHEN layer <> 'communes' THEN {_snap(5)} END AS g3,
           {_snap(8)} AS g6,
           g AS g9"""

# Communes and départements; a département from its communes (the union, in 4326).
_ROWS = f"""
    SELECT layer, code, name, parent, ST_Envelope(geom) AS bbox, {_BANDS}
    FROM (
        SELECT 'departements'::text AS layer, d.code::text AS code, d.name,
               d.region_code::text AS parent, u.geom, ST_Transform(u.geom, 3857) AS g
        FROM departement d JOIN _departement_union u ON u.code = d.code
        WHERE {{departements}}
        UNION ALL
        SELECT 'communes', insee, name, departement_code, geom, ST_Transform(geom, 3857)
        FROM commune WHERE geom IS NOT NULL AND {{communes}}
    ) s
"""

# Régions from their départements' rows just written (the union of unions: cheap).
_REGIONS = f"""
    SELECT layer, code, name, parent, ST_Envelope(geom) AS bbox, {_BANDS}
    FROM (
        SELECT 'regions'::text AS layer, r.code::text AS code, r.name, NULL::text AS parent,
               ST_Transform(u.g, 4326) AS geom, u.g
        FROM region r
        JOIN LATERAL (SELECT ST_Union(t.g9) AS g FROM tile_shape t
                      WHERE t.layer = 'departements' AND t.parent = r.code) u
          ON u.g IS NOT NULL
        WHERE {{regions}}
    ) s
"""
LAYERS = {"regions": "r.code", "departements": "d.code", "communes": "insee"}

_UNIONS = """CREATE TEMP TABLE IF NOT EXISTS _departement_union (
                 code text PRIMARY KEY, geom geometry) ON COMMIT DROP"""


def _unions(conn, departements: list[str] | None) -> None:
    """Fill ``_departement_union`` (this transaction's) with the union of the communes
    of ``departements`` (None: every one).

    The communes tile their département without overlap (a coverage), so GEOS's coverage
    union, which dissolves the shared edges instead of overlaying the polygons, does it
    in 0.5 s for the whole country where ST_Union takes 8 to 13 s. It is checked (a valid
    outline whose area is the sum of its communes'); a département whose communes do not
    form a clean coverage (an outline loaded from another source) gets the plain union.
    """
    conn.exec_driver_sql(_UNIONS)
    conn.exec_driver_sql("TRUNCATE _departement_union")
    rows = conn.execute(sa.text(
        "SELECT departement_code, ST_AsBinary(geom) FROM commune WHERE geom IS NOT NULL "
        "AND (CAST(:d AS text[]) IS NULL OR departement_code = ANY(:d)) "
        "ORDER BY departement_code, insee"), {"d": departements})
    parts = defaultdict(list)
    for code, wkb in rows:
        parts[code].append(shapely.from_wkb(wkb))
    values = []
    for code, polygons in parts.items():
        union = shapely.coverage_union_all(polygons)
        total = sum(p.area for p in polygons)
        if not shapely.is_valid(union) or abs(union.area - total) > 1e-9 * total:
            union = shapely.union_all(polygons)
        values.append({"code": code, "g": shapely.to_wkb(union)})
    if values:
        conn.execute(sa.text("INSERT INTO _departement_union VALUES "
                             "(:code, ST_SetSRID(ST_GeomFromWKB(:g), 4326))"), values)


def _widen(conn, codes: dict[str, list[str]]) -> dict[str, list[str]]:
    """Add the départements of the communes changed (their outline is their communes'
    union), and the régions of the départements changed; a deleted commune's
    département is read from its former outline row."""
    communes = codes.get("communes", [])
    deps = set(codes.get("departements", []))
    if communes:
        deps |= set(conn.scalars(sa.text("""
            SELECT departement_code FROM commune WHERE insee = ANY(:c)
            UNION SELECT parent FROM tile_shape WHERE layer = 'communes' AND code = ANY(:c)
        """), {"c": communes}))
    regions = set(codes.get("regions", []))
    if deps:
        regions |= set(conn.scalars(sa.text("""
            SELECT region_code FROM departement WHERE code = ANY(:d)
            UNION SELECT parent FROM tile_shape WHERE layer = 'departements'
                                                  AND code = ANY(:d)
        """), {"d": sorted(deps)}))
    out = {"communes": communes, "departements": sorted(d for d in deps if d),
           "regions": sorted(r for r in regions if r)}
    return {layer: keys for layer, keys in out.items() if keys}


def sync(conn, codes: dict[str, set[str]]) -> int:
    """Redo the outlines of ``codes`` ({layer: codes whose row changed or was deleted}),
    with the départements and régions their communes make up; returns how many codes
    were synced."""
    codes = {layer: sorted(c) for layer, c in codes.items() if c}
    if not codes:
        return 0
    codes = _widen(conn, codes)
    for layer, keys in codes.items():
        conn.execute(sa.text("DELETE FROM tile_shape WHERE layer = :l AND code = ANY(:c)"),
                     {"l": layer, "c": keys})
    _unions(conn, codes.get("departements", []))
    where = {layer: (f"{column} = ANY(:{layer})" if layer in codes else "false")
             for layer, column in LAYERS.items()}
    conn.execute(sa.text("INSERT INTO tile_shape " + _ROWS.format(**where)),
                 {layer: keys for layer, keys in codes.items() if layer != "regions"})
    if "regions" in codes:
        conn.execute(sa.text("INSERT INTO tile_shape " + _REGIONS.format(**where)),
                     {"regions": codes["regions"]})
    return sum(map(len, codes.values()))


def rebuild(conn) -> int:
    """Redo every outline; returns the row count."""
    conn.execute(sa.text("DELETE FROM tile_shape"))
    _unions(conn, None)
    everything = {layer: "true" for layer in LAYERS}
    return (conn.execute(sa.text("INSERT INTO tile_shape " + _ROWS.format(**everything)))
            .rowcount
            + conn.execute(sa.text("INSERT INTO tile_shape " + _REGIONS.format(**everything)))
            .rowcount)


def stale(conn) -> int:
    """How many outlines differ between the table and a rebuild (0 when in step)."""
    everything = {layer: "true" for layer in LAYERS}
    _unions(conn, None)
    fresh = _ROWS.format(**everything)
    # Régions are unions of the départements' rows: fresh ones from fresh départements.
    regions = _REGIONS.format(**everything).replace("FROM tile_shape t", "FROM fresh t")
    return conn.scalar(sa.text(f"""
        WITH fresh AS ({fresh}), fresh_regions AS ({regions}),
             every AS (SELECT * FROM fresh UNION ALL SELECT * FROM fresh_regions)
        SELECT count(*) FROM (
            (SELECT * FROM tile_shape EXCEPT ALL SELECT * FROM every)
            UNION ALL
            (SELECT * FROM every EXCEPT ALL SELECT * FROM tile_shape)) d"""))
