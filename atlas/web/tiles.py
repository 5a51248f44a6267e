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

**The lean path.** Flask's request cycle (context, session, URL matching, the site's
before and after hooks) cost about 1 ms a tile, as much as a small tile's SQL, for
nothing a tile needs: ``init_app`` puts ``LeanTiles`` in front of the app, which answers
``GET /tiles/<layer>/<z>/<x>/<y>.pbf`` itself, with the same function as the route
(``answer``) and what the site's hooks would add to a tile (the control-character guard,
``nosniff``, gzip; a tile is public, never reads the session, never is HTML). Every
other request, and any error of a tile, goes through Flask: an error is raised again in
the route (``_ERROR``), so the site's handlers answer it (400, 404, 503) without the
tile being asked again.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import psycopg
import sqlalchemy as sa
from flask import Blueprint, Flask, Response, current_app, request, url_for
from werkzeug.wrappers import Request

from atlas import db, filters, search
from atlas.web import guard
from atlas.web.headers import NOSNIFF, external_url
from atlas.web.http import compress, etag, is_current, json_response
from tiles import layers, mvt, serve
from tiles.cache import TileCache
from tiles.tilejson import tilejson

bp = Blueprint("tiles", __name__, url_prefix="/tiles")

MVT_TYPE = "application/vnd.mapbox-vector-tile"


def _cache(app: Flask) -> TileCache | None:
    caches = app.extensions.setdefault("atlas_tile_cache", {})
    if "cache" not in caches:
        folder = app.config["ATLAS"].tile_cache_dir()
        caches["cache"] = TileCache(folder, app.config["ATLAS"].tile_cache_max_bytes
                                    ) if folder else None
    return caches["cache"]


def _engine(app: Flask) -> sa.Engine:
    """The tiles' pool: autocommit, the tiles' statement timeout on every connection."""
    ext = app.extensions
    if "atlas_tile_engine" not in ext:
        ext["atlas_tile_engine"] = db.web_engine(app.config["ATLAS"],
                                                 mvt.STATEMENT_TIMEOUT_MS, autocommit=True)
    return ext["atlas_tile_engine"]


def _headers(app: Flask, response: Response, tag: str) -> Response:
    response.headers["ETag"] = tag
    response.headers["Cache-Control"] = app.config["ATLAS"].tile_cache_control
    response.vary.add("Accept-Encoding")
    return response


def _filters(layer: layers.Layer, req: Request) -> filters.Filters | None:
    args = {k: req.args.getlist(k) for k in req.args}
    filters.check_known(args, layer.params)
    return filters.parse(args) if layer.params else None


def _seen_version(app: Flask, version: int | None = None) -> int | None:
    """The data version the last tile was built at (set when ``version`` is given)."""
    if version is not None:
        app.extensions["atlas_tile_version"] = version
    return app.extensions.get("atlas_tile_version")


def _cached_while_down(app, layer, z, x, y, f) -> bytes | None:
    cache, version = _cache(app), _seen_version(app)
    if version is None or not serve.cacheable(cache, z, x, y, f):
        return None
    return cache.get(version, layer.name, z, x, y)


def _current(app, req, conn, cache: TileCache | None, layer, z, x, y, f
             ) -> tuple[bytes | None, int]:
    """(the tile's bytes, or None when the client's copy is current; the data version).

    One round trip when the tile must be built; a revalidation or a disk cache hit at
    the version last seen costs a one-line query instead, which confirms that version.
    """
    seen, revalidating = _seen_version(app), bool(req.if_none_match)
    if seen is not None:
        current = revalidating and is_current(etag(seen, req), req)
        data = cache.get(seen, layer.name, z, x, y) if cache and not current else None
        if (current or data is not None) and search.version(conn) == seen:
            return data, seen
    data, version = _build(conn, layer, z, x, y, f)
    if cache:
        cache.put(version, layer.name, z, x, y, data)
    return (None if revalidating and is_current(etag(version, req), req) else data), version


def _build(conn, layer, z, x, y, f) -> tuple[bytes, int]:
    """``mvt.build``, run on the driver's connection when the statement allows it; its
    errors are SQLAlchemy's, as ``conn.execute`` raises them (the site's handlers answer
    503 for a cancelled statement or a lost database), and a lost connection is
    invalidated with the whole pool, as SQLAlchemy does, so service resumes by itself."""
    driver = mvt.driver_statement(layer, z, f, conn.dialect)
    if driver is None:
        return mvt.build(conn, layer, z, x, y, f)
    raw = conn.connection.driver_connection
    try:
        with raw.cursor() as cursor:
            return mvt.run_driver(cursor, driver, z, x, y)
    except psycopg.Error as error:
        lost = raw.closed or raw.broken
        if lost:
            conn.invalidate(error)
            conn.engine.dispose()  # the other pooled connections are lost too
        raise sa.exc.DBAPIError.instance(driver[0], None, error, psycopg.Error,
                                         connection_invalidated=lost,
                                         dialect=conn.dialect) from error


def answer(app: Flask, req: Request, name: str, z: str, x: str, y: str) -> Response:
    """The response to ``req``, a request of tile ``name``/``z``/``x``/``y``: 200 with
    the tile, 204 when empty, 304 when the client's copy is current. Raises what the
    site's error handlers answer: AtlasError (unknown layer, bad z/x/y or filter), the
    database's errors."""
    layer = layers.get(name)
    z, x, y = mvt.check(layer, z, x, y)
    f = _filters(layer, req)
    cache = _cache(app)
    try:
        with _engine(app).connect() as conn:
            data, version = _current(app, req, conn, cache if serve.cacheable(
                cache, z, x, y, f) else None, layer, z, x, y, f)
        _seen_version(app, version)
    except sa.exc.OperationalError:
        # The database is down: a tile already built at the last version seen is still
        # served (the map keeps its outlines); anything else is the usual 503.
        data = _cached_while_down(app, layer, z, x, y, f)
        if data is None:
            raise
        version = _seen_version(app)
    if data:
        response = Response(data, content_type=MVT_TYPE)
    else:  # 304 (None): the client's copy is current; 204 (b""): nothing to draw
        response = Response(status=304 if data is None else 204)
        del response.headers["Content-Type"]  # no body, no type
    return _headers(app, response, etag(version, req))


_ERROR = "atlas.tiles.error"  # the lean path's error, raised again by the route


@bp.get("/<name>/<z>/<x>/<y>.pbf")
def tile(name: str, z: str, x: str, y: str):
    error = request.environ.pop(_ERROR, None)
    if error is not None:
        raise error
    return answer(current_app, request, name, z, x, y)


# What the lean path answers: the route's URL with plain segments (anything else, such
# as a letter in z, is the route's 400 or 404).
_LEAN = re.compile(r"/tiles/([a-z_]{1,40})/(\d{1,10})/(\d{1,10})/(\d{1,10})\.pbf")


class LeanTiles:
    """WSGI middleware: tiles answered without Flask's request cycle (see the module's
    docstring); ``wsgi`` (the app's WSGI callable) answers everything else."""

    def __init__(self, app: Flask, wsgi):
        self.app, self.wsgi = app, wsgi

    def __call__(self, environ, start_response):
        match = _LEAN.fullmatch(environ.get("PATH_INFO", ""))
        if match is None or environ.get("REQUEST_METHOD") != "GET":
            return self.wsgi(environ, start_response)
        req = Request(environ)
        try:
            guard.check_args(req.args)  # the site's before_request hook (atlas.web.guard)
            response = answer(self.app, req, *match.groups())
        except Exception as error:  # noqa: BLE001 - answered by the site's handlers
            environ[_ERROR] = error
            return self.wsgi(environ, start_response)
        # What the site's after_request hooks add to a tile (atlas.web.headers, .http).
        response.headers[NOSNIFF[0]] = NOSNIFF[1]
        return compress(response, req)(environ, start_response)


def init_app(app: Flask) -> None:
    """Called by the application factory: the lean tile path in front of the app."""
    app.wsgi_app = LeanTiles(app, app.wsgi_app)


@bp.get("/<name>.json")
def tilejson_(name: str):
    layer = layers.get(name)
    f = _filters(layer, request)
    with _engine(current_app).connect() as conn:
        version = search.version(conn)
    tag = etag(version)
    if is_current(tag):
        return _headers(current_app, Response(status=304), tag)
    url = external_url(url_for("tiles.tile", name=layer.name, z="{z}", x="{x}", y="{y}"))
    url = url.replace("%7B", "{").replace("%7D", "}")
    if f is not None and f.query():
        url += "?" + urlencode(f.query(), safe=",", quote_via=quote)
    response = json_response(tilejson(layer, url, version), tag)
    return _headers(current_app, response, tag)
