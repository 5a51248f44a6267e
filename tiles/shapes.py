"""The pre-generalised outlines of the tile layers (``tile_shape``, migrations 0006, 0007,
``map_tiles_shared_outlines`` and ``outline_bands``).

Derived from ``region``, ``departement`` and ``commune``, kept in step by the write path
(``loaders.pipeline``) in the writer's transaction: ``sync`` redoes the outlines of the
codes whose row changed, ``rebuild`` every one (``python -m atlas rebuild``, a first load,
which hands over the unions its worker threads computed from the outlines it wrote).

One generalisation per zoom band for every layer, so that borders coincide at every zoom:

- a département's outline is the union of its communes' outlines, a région's the union
  of its départements' (the official département and région files were generalised on
  their own and sit up to 230 m off their communes' borders: grey slivers on the map).
  The unions are made here, in Python (``unions``), the rest by the server;
- ``g0`` and ``g3`` are the outline snapped to the grid of one tile unit (extent 4096)
  at the band's highest zoom (z2, z5), anchored on the Web Mercator tile grid. Snapping
  moves each vertex on its own, so two outlines sharing a border still share it after
  snapping, which a per-outline simplification (Douglas-Peucker) does not guarantee; the
  error is at most half a unit. ``g9`` is the outline itself, served from z6: the
  mapshaper-generalised ADMIN EXPRESS outlines have vertices tens of metres apart, so
  snapping them to the z8 grid removed 0.05% of their vertices, and ``ST_AsMVTGeom``
  snaps every tile to its own grid anyway (the former ``g6`` band: 35 MB written for
  nothing, dropped by ``outline_bands``).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

import shapely
import sqlalchemy as sa
from psycopg import sql

from atlas import wkb

_HALF_WORLD = 20037508.342789244  # metres: Web Mercator spans ±this on both axes


def _snap(z: int) -> str:
    # One tile unit at zoom z (extent 4096): 2446 m at z2, 306 m at z5.
    unit = 2 * _HALF_WORLD / 2**z / 4096
    return f"ST_SnapToGrid(g, {-_HALF_WORLD!r}, {-_HALF_WORLD!r}, {unit!r}, {unit!r})"


# Communes from their table, départements and régions from this transaction's unions;
# communes start at z7, so their g0 and g3 stay empty.
_ROWS = f"""
    SELECT layer, code, name, parent, ST_Envelope(geom) AS bbox,
           CASE WHEN layer <> 'communes' THEN {_snap(2)} END AS g0,
           CASE WHEN layer <> 'communes' THEN {_snap(5)} END AS g3,
           g AS g9
    FROM (
        SELECT 'communes'::text AS layer, insee::text AS code, name,
               departement_code::text AS parent, geom, ST_Transform(geom, 3857) AS g
        FROM commune WHERE geom IS NOT NULL AND {{communes}}
        UNION ALL
        SELECT layer, code, name, parent, geom, ST_Transform(geom, 3857)
        FROM _outline_union
    ) s
"""
_COLUMNS = "layer, code, name, parent, bbox, g0, g3, g9"
_UNION_COLUMNS = ("layer", "code", "name", "parent", "geom")


@dataclasses.dataclass
class Places:
    """What the unions are made of. ``communes``: (insee, département, outline in
    EPSG:4326) sorted by département then INSEE code (a union's result depends on its
    order), every commune of each département wanted; ``departements``: code → (name,
    région); ``regions``: code → name."""

    communes: list[tuple[str, str, object]]
    departements: dict[str, tuple[str, str]]
    regions: dict[str, str]


def _union(parts: list) -> object:
    """The union of outlines that tile an area without overlapping (a coverage).

    GEOS's coverage union dissolves the shared edges instead of overlaying the polygons:
    0.5 s for the whole country where ``ST_Union`` took 8 to 13 s. It is checked (a
    valid outline whose area is the sum of its parts'); parts that do not form a clean
    coverage (an outline loaded from another source) get the plain union.
    """
    union = shapely.coverage_union_all(parts)
    total = sum(p.area for p in parts)
    if not shapely.is_valid(union) or abs(union.area - total) > 1e-9 * total:
        union = shapely.union_all(parts)
    return union


def unions(places: Places, departements: set[str] | None = None,
           regions: set[str] | None = None) -> list[tuple]:
    """The outlines of ``departements`` and ``regions`` (None: all that ``places``
    make) as rows of ``_outline_union`` (layer, code, name, parent, EWKB in EPSG:4326).
    A département's needs all its communes in ``places``, a région's all its
    départements' communes."""
    members = defaultdict(list)
    for _, departement, geom in places.communes:
        members[departement].append(geom)
    rows, of_region = [], defaultdict(list)
    for code in sorted(members):
        if code not in places.departements:
            continue
        name, region = places.departements[code]
        wanted = departements is None or code in departements
        if wanted or regions is None or region in regions:
            union = _union(members[code])
            of_region[region].append(union)
            if wanted:
                rows.append(("departements", code, name, region, union))
    for code in sorted(of_region):
        if code in places.regions and (regions is None or code in regions):
            rows.append(("regions", code, places.regions[code], None,
                         _union(of_region[code])))
    return [r[:4] + (g,) for r, g in zip(rows, wkb.ewkb([r[4] for r in rows], 4326))]


def _put_unions(conn, rows: list[tuple]) -> None:
    """``rows`` (from ``unions``) into ``_outline_union``, this transaction's own."""
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _outline_union (layer text, "
                         "code text, name text, parent text, geom geometry) ON COMMIT DROP")
    conn.exec_driver_sql("TRUNCATE _outline_union")
    stmt = sql.SQL("COPY _outline_union ({}) FROM STDIN (FORMAT BINARY)").format(
        sql.SQL(", ").join(map(sql.Identifier, _UNION_COLUMNS)))
    with conn.connection.driver_connection.cursor() as cur, cur.copy(stmt) as copy:
        copy.set_types(["text"] * 4 + ["bytea"])  # the outline as EWKB bytes
        for row in rows:
            copy.write_row(row)


def places(conn, departements: set[str] | None = None,
           regions: set[str] | None = None) -> Places:
    """What the unions of these départements and régions are made of, read from the
    tables (every one when both are None): every commune of each."""
    everything = departements is None and regions is None
    rows = conn.execute(sa.text("""
        SELECT c.insee, c.departement_code, ST_AsBinary(c.geom) FROM commune c
        WHERE c.geom IS NOT NULL
          AND (:everything OR c.departement_code = ANY(:d)
               OR c.departement_code IN (SELECT code FROM departement
                                         WHERE region_code = ANY(:r)))
        ORDER BY c.departement_code COLLATE "C", c.insee COLLATE "C"
        """), {"everything": everything, "d": sorted(departements or ()),
               "r": sorted(regions or ())}).all()
    geoms = shapely.from_wkb([r[2] for r in rows])
    return Places(
        [(r[0], r[1], g) for r, g in zip(rows, geoms)],
        {code: (name, region) for code, name, region in conn.execute(sa.text(
            "SELECT code, name, region_code FROM departement"))},
        {code: name for code, name in conn.execute(sa.text("SELECT code, name FROM region"))})


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
    deps, regions = set(codes.get("departements", ())), set(codes.get("regions", ()))
    _put_unions(conn, unions(places(conn, deps, regions), deps, regions)
                if deps or regions else [])
    communes = "insee = ANY(:communes)" if "communes" in codes else "false"
    conn.execute(sa.text(f"INSERT INTO tile_shape ({_COLUMNS}) "
                         + _ROWS.format(communes=communes)),
                 {"communes": codes.get("communes", [])})
    return sum(map(len, codes.values()))


def rebuild(conn, made: list[tuple] | None = None) -> int:
    """Redo every outline; returns the row count. ``made``: the unions of every
    département and région (``unions``), already made from exactly what the tables
    hold (a first reference load's workers)."""
    conn.execute(sa.text("DELETE FROM tile_shape"))
    _put_unions(conn, unions(places(conn)) if made is None else made)
    return conn.execute(sa.text(f"INSERT INTO tile_shape ({_COLUMNS}) "
                                + _ROWS.format(communes="true"))).rowcount


def stale(conn) -> int:
    """How many outlines differ between the table and a rebuild (0 when in step)."""
    _put_unions(conn, unions(places(conn)))
    return conn.scalar(sa.text(f"""
        WITH fresh AS ({_ROWS.format(communes="true")}),
             held AS (SELECT {_COLUMNS} FROM tile_shape)
        SELECT count(*) FROM (
            (SELECT * FROM held EXCEPT ALL SELECT * FROM fresh)
            UNION ALL
            (SELECT * FROM fresh EXCEPT ALL SELECT * FROM held)) d"""))
