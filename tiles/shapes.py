"""The pre-generalised outlines of the tile layers (``tile_shape``, migrations 0006, 0007,
``map_tiles_shared_outlines`` and ``outline_bands``).

Derived from ``region``, ``departement`` and ``commune``, kept in step by the write path
(``loaders.pipeline``) in the writer's transaction: ``sync`` redoes the outlines of the
codes whose row changed, ``rebuild`` every one (``python -m atlas rebuild``); a first
reference load computes every row from the outlines it writes, in its child process
(``loaders.commune_worker``), and ``stage``s them in a twin table that its transaction
swaps in (``swap_in``).

One generalisation per zoom band for every layer, so that borders coincide at every zoom:

- a département's outline is the union of its communes' outlines, a région's the union
  of its départements' (the official département and région files were generalised on
  their own and sit up to 230 m off their communes' borders: grey slivers on the map);
- ``g0`` and ``g3`` are the outline snapped to the grid of one tile unit (extent 4096)
  at the band's highest zoom (z2, z5), anchored on the Web Mercator tile grid. Snapping
  moves each vertex on its own, so two outlines sharing a border still share it after
  snapping, which a per-outline simplification (Douglas-Peucker) does not guarantee; the
  error is at most half a unit. ``g9`` is the outline itself, served from z6: the
  mapshaper-generalised ADMIN EXPRESS outlines have vertices tens of metres apart, so
  snapping them to the z8 grid removed 0.05% of their vertices, and ``ST_AsMVTGeom``
  snaps every tile to its own grid anyway (the former ``g6`` band: 35 MB written for
  nothing, dropped by ``outline_bands``).

The rows are computed here in Python (pyproj, GEOS through shapely, numpy) and COPYed:
the same code for a first load, a sync and a rebuild, so the table always equals a
rebuild (``stale``), and a first reference load can compute them in its child process
while the server copies and indexes the communes, and write them beside the table on a
connection of its own (``stage``).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

import numpy as np
import pyproj
import shapely
import sqlalchemy as sa

from atlas import bulk

_HALF_WORLD = 20037508.342789244  # metres: Web Mercator spans ±this on both axes
SNAPPED = {"g0": 2, "g3": 5}  # band column → the zoom whose tile unit it is snapped to
COLUMNS = ("layer", "code", "name", "parent", "bbox", "g0", "g3", "g9")
_COPY_TYPES = ["text"] * 4 + ["bytea"] * 4  # geometries travel as EWKB bytes


@dataclasses.dataclass
class Places:
    """What the outlines are made of. ``communes``: (insee, name, département, outline
    in EPSG:4326) sorted by département then INSEE code (a union's result depends on its
    order), every commune of each département wanted; ``departements``: code → (name,
    région); ``regions``: code → name."""

    communes: list[tuple[str, str, str, object]]
    departements: dict[str, tuple[str, str]]
    regions: dict[str, str]


def _ragged(geoms: np.ndarray) -> tuple[np.ndarray, tuple]:
    """``geoms`` (polygons, multipolygons) as shapely's ragged arrays, always in the
    MULTIPOLYGON form (coordinates; offsets of rings, polygons, geometries)."""
    kind, coords, offsets = shapely.to_ragged_array(geoms)
    if kind == shapely.GeometryType.POLYGON:  # no multipolygon: one polygon each
        offsets = (*offsets, np.arange(len(geoms) + 1))
    return coords, offsets


def _tail(coords: np.ndarray, offsets: tuple, first: int) -> tuple[np.ndarray, tuple]:
    """The ragged arrays of the geometries from index ``first`` on."""
    ring_off, poly_off, geom_off = offsets
    p0 = geom_off[first]
    r0 = poly_off[p0]
    c0 = ring_off[r0]
    return coords[c0:], (ring_off[r0:] - c0, poly_off[p0:] - r0, geom_off[first:] - p0)


def _mercator(coords: np.ndarray) -> np.ndarray:
    """EPSG:4326 coordinates (n, 2) in Web Mercator. Coordinates, not geometries: the
    outlines are encoded from the ragged arrays (``bulk.multipolygons``)."""
    # A transformer per call: pyproj's are not to be shared between threads.
    to_3857 = pyproj.Transformer.from_crs(4326, 3857, always_xy=True)
    return np.column_stack(to_3857.transform(coords[:, 0], coords[:, 1]))


def _snap(coords: np.ndarray, offsets: tuple, z: int) -> list[bytes | None]:
    """``ST_SnapToGrid`` on the tile grid of zoom ``z`` (one unit of extent 4096), for
    multipolygons given as ragged arrays (``_ragged``), as EWKB: each vertex rounded to
    the grid, repeated vertices dropped, a ring left with fewer than 4 vertices dropped,
    a polygon whose shell went dropped, an outline with nothing left None. Vectorised
    over the coordinates of all outlines."""
    unit = 2 * _HALF_WORLD / 2**z / 4096
    ring_off, poly_off, geom_off = offsets
    c = np.rint((coords + _HALF_WORLD) / unit) * unit - _HALF_WORLD
    keep = np.ones(len(c), dtype=bool)
    keep[1:] = np.any(c[1:] != c[:-1], axis=1)
    keep[ring_off[:-1]] = True  # a ring's first vertex repeats nothing of the ring before
    kept = np.concatenate(([0], np.cumsum(keep)))
    ring_len = kept[ring_off[1:]] - kept[ring_off[:-1]]
    ring_ok = ring_len >= 4
    rings_in = np.diff(poly_off)
    poly_ok = np.zeros(len(rings_in), dtype=bool)
    poly_ok[rings_in > 0] = ring_ok[poly_off[:-1][rings_in > 0]]
    ring_ok &= np.repeat(poly_ok, rings_in)  # a hole goes with its polygon's shell
    keep &= np.repeat(ring_ok, np.diff(ring_off))
    rings_kept = np.add.reduceat(np.append(ring_ok, False).astype(np.int64),
                                 poly_off[:-1]) * (rings_in > 0)
    polys_kept = np.bincount(np.repeat(np.arange(len(geom_off) - 1), np.diff(geom_off)),
                             weights=poly_ok, minlength=len(geom_off) - 1).astype(np.int64)
    return bulk.multipolygons(c[keep], (
        np.concatenate(([0], np.cumsum(ring_len[ring_ok]))),
        np.concatenate(([0], np.cumsum(rings_kept[poly_ok]))),
        np.concatenate(([0], np.cumsum(polys_kept)))), 3857, keep=polys_kept > 0)


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


def compute(places: Places, wanted: dict[str, set[str] | None] | None = None) -> list[tuple]:
    """The ``tile_shape`` rows (``COLUMNS``, geometries as EWKB) of ``wanted`` ({layer:
    codes, or None for all of that layer's}; None: every outline ``places`` make). A
    département's row needs all its communes in ``places``, a région's all its
    départements' communes."""
    def want(layer, code):
        return wanted is None or layer in wanted and (wanted[layer] is None
                                                      or code in wanted[layer])

    rows = []  # (layer, code, name, parent, outline in EPSG:4326)
    members = defaultdict(list)
    for insee, name, departement, geom in places.communes:
        members[departement].append(geom)
        if want("communes", insee):
            rows.append(("communes", insee, name, departement, geom))
    of_region = defaultdict(list)
    for code in sorted(members):
        if code not in places.departements:
            continue
        name, region = places.departements[code]
        if want("departements", code) or want("regions", region):
            union = _union(members[code])
            of_region[region].append(union)
            if want("departements", code):
                rows.append(("departements", code, name, region, union))
    for code in sorted(of_region):
        if code in places.regions and want("regions", code):
            rows.append(("regions", code, places.regions[code], None,
                         _union(of_region[code])))
    if not rows:
        return []
    outlines = np.array([r[4] for r in rows], dtype=object)
    coords, offsets = _ragged(outlines)
    mercator = _mercator(coords)
    bands = {"g9": bulk.multipolygons(mercator, offsets, 3857)}
    # The communes (drawn from z7) come first in ``rows``, the areas after them.
    first_area = sum(1 for r in rows if r[0] == "communes")
    area_coords, area_offsets = _tail(mercator, offsets, first_area)
    for column, z in SNAPPED.items():
        bands[column] = [None] * first_area + (
            _snap(area_coords, area_offsets, z) if first_area < len(rows) else [])
    columns = [bulk.ewkb(shapely.envelope(outlines), 4326)] + [
        bands[c] for c in COLUMNS[5:]]
    return [r[:4] + tuple(values) for r, *values in zip(rows, *columns)]


def write(conn, rows: list[tuple], table: str = "tile_shape", freeze: bool = False) -> int:
    """COPY ``rows`` (from ``compute``) into ``table``; returns their count."""
    bulk.copy_rows(conn, table, COLUMNS, _COPY_TYPES, rows, freeze)
    return len(rows)


def places(conn, communes: list[str] | None = None, departements: list[str] | None = None,
           regions: list[str] | None = None) -> Places:
    """What the outlines of these codes are made of, read from the tables (all of them
    when every argument is None): the communes themselves and every commune of their
    départements and régions."""
    everything = communes is None and departements is None and regions is None
    rows = conn.execute(sa.text("""
        SELECT c.insee, c.name, c.departement_code, ST_AsBinary(c.geom) FROM commune c
        WHERE c.geom IS NOT NULL
          AND (:everything OR c.insee = ANY(:c) OR c.departement_code = ANY(:d)
               OR c.departement_code IN (SELECT code FROM departement
                                         WHERE region_code = ANY(:r)))
        ORDER BY c.departement_code COLLATE "C", c.insee COLLATE "C"
        """),
        {"everything": everything, "c": communes or [], "d": departements or [],
         "r": regions or []}).all()
    geoms = shapely.from_wkb([r[3] for r in rows])
    return Places(
        [(r[0], r[1], r[2], g) for r, g in zip(rows, geoms)],
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
    made = places(conn, codes.get("communes", []), codes.get("departements", []),
                  codes.get("regions", []))
    write(conn, compute(made, {layer: set(keys) for layer, keys in codes.items()}))
    return sum(map(len, codes.values()))


def rebuild(conn) -> int:
    """Redo every outline; returns the row count."""
    empty = not conn.scalar(sa.text("SELECT EXISTS (SELECT 1 FROM tile_shape)"))
    if empty:
        # Outlines never made: TRUNCATE gives the table a new file in this transaction,
        # which a server with wal_level=minimal fills without writing it to the WAL (a
        # third of the COPY's time), with its rows frozen (no hint bits to set later).
        # Its lock holds readers of the empty table until the commit.
        conn.execute(sa.text("TRUNCATE tile_shape"))
    else:
        conn.execute(sa.text("DELETE FROM tile_shape"))  # readers keep the old rows
    return write(conn, compute(places(conn)), freeze=empty)


TWIN = "tile_shape_twin"


def stage(engine, rows: list[tuple]) -> int:
    """COPY ``rows`` (every outline, from ``compute``) into a twin of ``tile_shape``
    with its indexes (``atlas.bulk.fill_twin``), committed on a connection of its own;
    returns their count. A first reference load does this in its child process while its
    transaction builds the communes' indexes, then ``swap_in`` puts the twin in place in
    that transaction: the outlines cost the load's chain of server work nothing but the
    renames. The twin stays out of sight until then (no reader asks for it), and a load
    that fails drops it (``drop_twin``)."""
    with engine.begin() as conn:
        bulk.fill_twin(conn, "tile_shape", TWIN,
                       lambda: write(conn, rows, TWIN, freeze=True))
    return len(rows)


def swap_in(conn) -> None:
    """Put the twin ``stage`` committed in place of ``tile_shape``, in ``conn``'s
    transaction (``atlas.bulk.swap``)."""
    bulk.swap(conn, "tile_shape", TWIN)


def drop_twin(engine) -> None:
    """Drop the twin a failed load left (the next ``stage`` would replace it anyway)."""
    with engine.begin() as conn:
        conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{TWIN}"')


def stale(conn) -> int:
    """How many outlines differ between the table and a rebuild (0 when in step)."""
    conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _fresh_shape "
                         "(LIKE tile_shape) ON COMMIT DROP")
    conn.exec_driver_sql("TRUNCATE _fresh_shape")
    write(conn, compute(places(conn)), "_fresh_shape")
    return conn.scalar(sa.text("""
        SELECT count(*) FROM (
            (SELECT * FROM tile_shape EXCEPT ALL SELECT * FROM _fresh_shape)
            UNION ALL
            (SELECT * FROM _fresh_shape EXCEPT ALL SELECT * FROM tile_shape)) d"""))
