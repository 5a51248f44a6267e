"""``GET /export/<layer>.<format>?<the API's filters>``: the export as a download.

A thin layer over ``atlas.exports``: validation (404 unknown layer or format, 400 a bad
or unknown parameter, with the API's JSON error body), then the file streamed with its
name in ``Content-Disposition``. The whole request is checked before the response
starts: once streaming, a status can no longer change.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from atlas import exports
from atlas.web import engine

bp = Blueprint("exports", __name__, url_prefix="/export")


@bp.get("/<name>")
def export(name: str):
    # One segment split at the first dot: "shp.zip" is a format with a dot in it.
    layer, _, fmt = name.partition(".")
    args = {k: request.args.getlist(k) for k in request.args}
    job = exports.request(layer, fmt, args)
    # Exports have their own time budget, longer than a page's (ATLAS_EXPORT_TIMEOUT).
    chunks = exports.stream(engine(), job, current_app.config["ATLAS"].export_timeout_ms)
    # The first chunk now (connection, metadata, first rows): a failure there is still
    # an error status, not a truncated download.
    first = next(chunks)
    response = Response(_chain(first, chunks), content_type=job.media_type)
    # Streamed as produced: the gzip hook must not buffer the body (it skips these).
    response.direct_passthrough = True
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{exports.filename(job)}"')
    # The data change only when staff load files; a download is not worth caching.
    response.headers["Cache-Control"] = "no-store"
    return response


def _chain(first: bytes, rest):
    try:
        yield first
        yield from rest
    finally:
        rest.close()  # ends the query and frees the connection if the client goes away
