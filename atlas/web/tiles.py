"""Vector tiles over HTTP: ``/tiles/<layer>/<z>/<x>/<y>.pbf`` and ``/tiles/<layer>.json``.

A tile is usually one round trip to the database, since a tile's fixed cost is most of a
small tile's time: the layer and z/x/y are checked (404, 400) before the database is
reached; tiles use a pool of their own (``db.web_engine(autocommit=True)``) whose
connections carry the tiles' statement timeout, so no BEGIN, SET or ROLLBACK goes with
the tile's statement, which also returns the data version its bytes were built at (the
ETag and cache key). The version last seen by this process is a guess, confirmed by a
one-line query before it is used: for a revalidation (answered 304 before any tile is
built) and a tile in the disk cache. An empty tile is a 204 (nothing to draw), with the
same caching headers. While the database is down, tiles already in the disk cache (at
the last data version this process saw) are still served; others are a 503
(``atlas.web.errors``).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

import sqlalchemy as sa
from flask import Blueprint, Response, current_app, request, url_for

from atlas import db, filters, search
from atlas.web.headers import external_url
from atlas.web.http import etag, is_current, json_response
from tiles import layers, mvt, serve
from tiles.cache import TileCache
from tiles.tilejson import tilejson

bp = Blueprint("tiles", __name__, url_prefix="/tiles")

MVT_TYPE = "application/vnd.mapbox-vector-tile"


def _cache() -> TileCache | None:
    caches = current_app.extensions.setdefault("atlas_tile_cache", {})
    if "cache" not in caches:
        folder = current_app.config["ATLAS"].tile_cache_dir()
        caches["cache"] = TileCache(folder, current_app.config["ATLAS"].tile_cache_max_bytes
                                    ) if folder else None
    return caches["cache"]


def _engine() -> sa.Engine:
    """The tiles' pool: autocommit, the tiles' statement timeout on every connection."""
    ext = current_app.extensions
    if "atlas_tile_engine" not in ext:
        ext["atlas_tile_engine"] = db.web_engine(current_app.config["ATLAS"],
                                                 mvt.STATEMENT_TIMEOUT_MS, autocommit=True)
    return ext["atlas_tile_engine"]


def _headers(response: Response, tag: str) -> Response:
    response.headers["ETag"] = tag
    response.headers["Cache-Control"] = current_app.config["ATLAS"].tile_cache_control
    response.vary.add("Accept-Encoding")
    return response


def _filters(layer: layers.Layer) -> filters.Filters | None:
    args = {k: request.args.getlist(k) for k in request.args}
    filters.check_known(args, layer.params)
    return filters.parse(args) if layer.params else None


def _seen_version(version: int | None = None) -> int | None:
    """The data version the last tile was built at (set when ``version`` is given)."""
    if version is not None:
        current_app.extensions["atlas_tile_version"] = version
    return current_app.extensions.get("atlas_tile_version")


def _cached_while_down(layer, z, x, y, f) -> bytes | None:
    cache, version = _cache(), _seen_version()
    if version is None or not serve.cacheable(cache, z, x, y, f):
        return None
    return cache.get(version, layer.name, z, x, y)


def _current(conn, cache: TileCache | None, layer, z, x, y, f) -> tuple[bytes | None, int]:
    """(the tile's bytes, or None when the client's copy is current; the data version).

    One round trip when the tile must be built; a revalidation or a disk cache hit at
    the version last seen costs a one-line query instead, which confirms that version.
    """
    seen, revalidating = _seen_version(), bool(request.if_none_match)
    if seen is not None:
        current = revalidating and is_current(etag(seen))
        data = cache.get(seen, layer.name, z, x, y) if cache and not current else None
        if (current or data is not None) and search.version(conn) == seen:
            return data, seen
    data, version = mvt.build(conn, layer, z, x, y, f)
    if cache:
        cache.put(version, layer.name, z, x, y, data)
    return (None if revalidating and is_current(etag(version)) else data), version


@bp.get("/<name>/<z>/<x>/<y>.pbf")
def tile(name: str, z: str, x: str, y: str):
    layer = layers.get(name)
    z, x, y = mvt.check(layer, z, x, y)
    f = _filters(layer)
    cache = _cache()
    try:
        with _engine().connect() as conn:
            data, version = _current(conn, cache if serve.cacheable(cache, z, x, y, f)
                                     else None, layer, z, x, y, f)
        _seen_version(version)
    except sa.exc.OperationalError:
        # The database is down: a tile already built at the last version seen is still
        # served (the map keeps its outlines); anything else is the usual 503.
        data = _cached_while_down(layer, z, x, y, f)
        if data is None:
            raise
        version = _seen_version()
    tag = etag(version)
    if data is None:
        return _headers(Response(status=304), tag)
    if not data:
        return _headers(Response(status=204), tag)
    return _headers(Response(data, content_type=MVT_TYPE), tag)


@bp.get("/<name>.json")
def tilejson_(name: str):
    layer = layers.get(name)
    f = _filters(layer)
    with _engine().connect() as conn:
        version = search.version(conn)
    tag = etag(version)
    if is_current(tag):
        return _headers(Response(status=304), tag)
    url = external_url(url_for("tiles.tile", name=layer.name, z="{z}", x="{x}", y="{y}"))
    url = url.replace("%7B", "{").replace("%7D", "}")
    if f is not None and f.query():
        url += "?" + urlencode(f.query(), safe=",", quote_via=quote)
    response = json_response(tilejson(layer, url, version), tag)
    return _headers(response, tag)
