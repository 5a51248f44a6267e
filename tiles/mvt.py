"""One tile's statement, built the way pg_tileserv, martin and tipg build theirs.

- z/x/y are checked before any SQL (``check``) and bound as integers;
- the tile envelope (``ST_TileEnvelope``, with the buffer as margin) is transformed to
  EPSG:4326 and compared with the indexed 4326 column: the GiST index is used and no
  stored geometry is transformed to be filtered;
- outlines come pre-projected and pre-generalised per zoom band (``tile_shape``,
  ``tiles.shapes``); only ``ST_AsMVTGeom`` clips and quantises them;
- the ``map`` layer is several MVT layers in one tile (``_map_sql``);
- the ``initiatives`` layer reuses the API's filter SQL (``atlas.queries.initiatives``),
  and below z12 keeps one point per cell of the tile grid;
- every statement has a feature cap (``LIMIT``) and runs under a statement timeout (of
  the web's tile connections, or set for the transaction by ``begin``);
- every statement also answers the data version it read, in the same snapshot: a tile
  is one round trip, its ETag and cache key the version its bytes were built at.
"""

from __future__ import annotations

import functools
import re

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import distinct_on

from atlas.errors import InvalidParameter
from atlas.filters import Filters
from atlas.models import Initiative
from atlas.queries import initiatives as iq
from atlas.queries import labels
from atlas.queries.choropleth import OUTLINE_ZOOM
from atlas.search import initiative_search as s
from tiles.layers import BUFFER, EXTENT, THIN_BELOW, THIN_CELL, Layer, band

STATEMENT_TIMEOUT_MS = 10_000  # pg_tileserv's DbTimeout: a tile is never worth more

_Z, _X, _Y = (sa.cast(sa.bindparam(n, type_=sa.Integer), sa.Integer) for n in "zxy")
_CLIP = sa.func.ST_TileEnvelope(_Z, _X, _Y)
# Features whose buffer reaches into the tile are searched too; clipping uses the exact
# envelope (ST_AsMVTGeom). The margin is clipped to the world first: beyond ±180° the
# transform wraps round and the 4326 box of an edge tile would miss France.
_WORLD = "ST_MakeEnvelope(-20037508.342789244, -20037508.342789244, " \
         "20037508.342789244, 20037508.342789244, 3857)"
_SEARCH_SQL = (f"ST_Transform(ST_ClipByBox2D(ST_TileEnvelope(CAST(:z AS int), "
               f"CAST(:x AS int), CAST(:y AS int), margin => {BUFFER / EXTENT}), "
               f"{_WORLD}), 4326)")
_SEARCH = sa.text(_SEARCH_SQL)


def check(layer: Layer, z: str | int, x: str | int, y: str | int) -> tuple[int, int, int]:
    """z/x/y as integers, or InvalidParameter (400): each must be a plain non-negative
    integer, z within the layer's zoom range, x and y below 2^z."""
    values = []
    for name, raw in (("z", z), ("x", x), ("y", y)):
        text = str(raw)
        if not re.fullmatch(r"\d{1,10}", text):
            raise InvalidParameter(f"{name}: {text[:20]!r} is not a tile coordinate",
                                   param=name)
        values.append(int(text))
    z, x, y = values
    if not layer.minzoom <= z <= layer.maxzoom:
        raise InvalidParameter(f"z: layer {layer.name} is served from z{layer.minzoom} "
                               f"to z{layer.maxzoom}, not z{z}", param="z")
    if not (x < 2**z and y < 2**z):
        raise InvalidParameter(f"tile {z}/{x}/{y} is outside the grid (x and y < {2**z})",
                               param="x" if x >= 2**z else "y")
    return z, x, y


# The outline layers: (layer's attribute SQL, extra joins). Constants, never input.
_SHAPES = {
    "regions": ("t.code, t.name", ""),
    "departements": ("t.code, t.name, t.parent AS region", ""),
    "communes": ("t.code AS insee, t.name, l.label_level AS level, "
                 "l.label_year, l.label_epci_name AS label_epci, n.n AS initiatives",
                 # The commune's label (its own, else its EPCI's: one rule,
                 # atlas.queries.labels) and its record count; by index, per commune.
                 labels.latest_sql("t.code", "l") + """
                    LEFT JOIN LATERAL (
                        SELECT count(*) AS n FROM initiative_search i
                        WHERE i.commune_insee = t.code) n ON true"""),
}


# The data version, read by the tile's own statement (an InitPlan, run once).
_VERSION_SQL = "(SELECT version FROM data_version WHERE id = 1)"

# The map layer's communes: what the map draws and says (no initiative count).
_MAP_COMMUNES = ("t.code AS insee, t.name, l.label_level AS level, l.label_year, "
                 "l.label_epci_name AS label_epci", labels.latest_sql("t.code", "l"))


def _features_sql(name: str, z: int, extent: int, buffer: int, cap: int,
                  shape: tuple[str, str], where: str = "") -> str:
    """One MVT layer of ``tile_shape`` outlines: the band of zoom ``z``, clipped and
    quantised to ``extent`` by ``ST_AsMVTGeom``."""
    columns, joins = shape
    return f"""
        SELECT ST_AsMVT(f, '{name}', {extent}, 'geom') FROM (
            SELECT {columns},
                   ST_AsMVTGeom(t.{band(z)}, ST_TileEnvelope(CAST(:z AS int),
                       CAST(:x AS int), CAST(:y AS int)), {extent}, {buffer}) AS geom
            FROM tile_shape t {joins}
            WHERE t.layer = '{name}'
              AND t.bbox && {_SEARCH_SQL} {where}
            LIMIT {int(cap)}
        ) f"""


def _shape_sql(layer: Layer, z: int) -> sa.TextClause:
    features = _features_sql(layer.name, z, layer.extent, layer.buffer,
                             layer.max_features, _SHAPES[layer.name])
    return sa.text(f"SELECT ({features}), {_VERSION_SQL}")


def _map_sql(layer: Layer, z: int) -> sa.TextClause:
    # Several MVT layers in one tile: a tile is a sequence of layers, so the layers'
    # encodings concatenated are one valid tile.
    parts = []
    for part in layer.parts:
        if not part.minzoom <= z <= part.maxzoom:
            continue
        if part.name == "communes":
            # Below OUTLINE_ZOOM an unlabelled commune is drawn as nothing: not sent.
            where = "" if z >= OUTLINE_ZOOM else "AND l.label_level IS NOT NULL"
            sql = _features_sql(part.name, z, part.extent, part.buffer,
                                part.max_features, _MAP_COMMUNES, where)
        else:
            sql = _features_sql(part.name, z, part.extent, part.buffer,
                                part.max_features, _SHAPES[part.name])
        parts.append(f"COALESCE(({sql}), ''::bytea)")
    return sa.text(f"SELECT {' || '.join(parts)}, {_VERSION_SQL}")


_i = Initiative.__table__


def _initiatives_sql(layer: Layer, z: int, f: Filters) -> sa.Select:
    # Chosen first on the narrow view (filters, cells, cap), then joined to their
    # titles: the join runs for the kept points only, not for every point of the tile.
    p = sa.func.ST_Transform(s.c.geom, 3857)
    chosen = (sa.select(s.c.id, s.c.domains, iq.level_column(f).label("level"),
                        p.label("p"))
              .select_from(iq.from_(f))
              .where(*iq.where(f), s.c.geom.op("&&")(_SEARCH)))
    if z < THIN_BELOW:
        # One point per THIN_CELL² cell, the lowest id: a z5 tile over France holds
        # 60,000 initiatives, about 6 MB; thinned, at most 4,096 points. The choice is
        # the same at every request, so a point does not jump between refreshes.
        cells = [sa.func.floor((sa.func.ST_X(p) + _HALF_WORLD) / _cell_size(z)),
                 sa.func.floor((sa.func.ST_Y(p) + _HALF_WORLD) / _cell_size(z))]
        chosen = chosen.ext(distinct_on(*cells)).order_by(*cells, s.c.id)
    c = chosen.limit(layer.max_features).subquery("c")
    geom = sa.func.ST_AsMVTGeom(c.c.p, _CLIP, EXTENT, BUFFER).label("geom")
    # A correlated lookup, not a join: the planner, misled by PostGIS functions' costs,
    # would hash-join the whole initiative table for a few hundred kept points.
    title = sa.select(_i.c.title).where(_i.c.id == c.c.id).scalar_subquery()
    features = sa.select(c.c.id, title.label("title"),
                         sa.func.array_to_string(c.c.domains, ",").label("domains"),
                         c.c.level, geom).subquery("f")
    return sa.select(sa.func.ST_AsMVT(sa.literal_column("f"),
                                      sa.literal_column(f"'{layer.name}'"),
                                      sa.literal_column(str(EXTENT)),
                                      sa.literal_column("'geom'")),
                     sa.literal_column(_VERSION_SQL)).select_from(features)


_HALF_WORLD = 20037508.342789244  # metres: Web Mercator spans ±this on both axes


def _cell_size(z: int) -> sa.ColumnElement:
    # Metres of THIN_CELL tile units at zoom z: cells counted from the world's corner
    # tile a tile exactly (4096 / 64 per side), whatever the tile.
    return sa.literal_column(repr(2 * _HALF_WORLD / 2**z / EXTENT * THIN_CELL))


@functools.lru_cache(maxsize=1024)
def statement(layer: Layer, z: int, f: Filters | None = None):
    """The statement of ``layer`` at zoom ``z``, to run with z, x, y bound. Kept per
    (layer, zoom, filters): building the initiatives' Select costs more than a small
    tile's SQL."""
    if layer.name == "initiatives":
        return _initiatives_sql(layer, z, f or Filters())
    if layer.name in ("communes", "map"):
        # The label edition is the one filter the outlines honour (the choropleth's).
        sql = _map_sql(layer, z) if layer.parts else _shape_sql(layer, z)
        if ":label_year" not in sql.text:  # the map below z7: départements only
            return sql
        return sql.bindparams(
            sa.bindparam("label_year", f.label_year if f else None, type_=sa.Integer))
    return _shape_sql(layer, z)


# JIT off: PostGIS functions' high declared costs make the planner JIT-compile tile
# statements, which costs 200 ms to save nothing on a few thousand rows.
_BEGIN = sa.text("SELECT set_config('statement_timeout', CAST(:ms AS text), true), "
                 "set_config('jit', 'off', true), "
                 "(SELECT version FROM data_version WHERE id = 1)")


def begin(conn, timeout_ms: int = STATEMENT_TIMEOUT_MS) -> int:
    """Set the statement timeout for the current transaction (``SET LOCAL``) and return
    the data version, in one round trip: the tile's cache key and ETag need the version
    before the tile is built, and the timeout must be set before its statement."""
    row = conn.execute(_BEGIN, {"ms": int(timeout_ms)}).one()
    return row[2] or 0


def build(conn, layer: Layer, z: int, x: int, y: int, f: Filters | None = None
          ) -> tuple[bytes, int]:
    """The tile's bytes (empty when no feature touches it) and the data version they
    were built at, in one statement. z/x/y must be ``check``-ed."""
    data, version = conn.execute(statement(layer, z, f), {"z": z, "x": x, "y": y}).one()
    return bytes(data or b""), version or 0


@functools.lru_cache(maxsize=1024)
def driver_statement(layer: Layer, z: int, f: Filters | None, dialect
                     ) -> tuple[str, dict] | None:
    """``statement`` as the driver's SQL text and its constant parameters (z, x and y
    to add), for a caller that runs it on the DBAPI connection: SQLAlchemy's execution
    costs a tenth of a small tile's time. None when a parameter is a list (a filter's
    values), which SQLAlchemy expands and processes."""
    compiled = statement(layer, z, f).compile(dialect=dialect)
    params = compiled.construct_params({"z": 0, "x": 0, "y": 0})
    if not all(isinstance(v, (int, float, str, type(None))) for v in params.values()):
        return None
    return str(compiled), params


def run_driver(cursor, driver: tuple[str, dict], z: int, x: int, y: int
               ) -> tuple[bytes, int]:
    """``build``'s answer, ``driver_statement``'s statement run on a DBAPI cursor."""
    sql, params = driver
    data, version = cursor.execute(sql, {**params, "z": z, "x": x, "y": y}).fetchone()
    return bytes(data or b""), version or 0


def render(conn, layer: Layer, z: int, x: int, y: int, f: Filters | None = None) -> bytes:
    """The tile's bytes alone (``build``)."""
    return build(conn, layer, z, x, y, f)[0]
