"""HTTP caching and compression for the API: ETags from the data version, Cache-Control,
gzip when the client accepts it.

An API answer is a function of the request URL and the data, so its ETag is the data
version (bumped by every load, see ``atlas.search``) plus a hash of the URL: a revalidation
(``If-None-Match``) is answered 304 before any query runs. The ETag is weak because the
same entity may be sent gzipped or not.
"""

from __future__ import annotations

import gzip
import hashlib
import json

from flask import Flask, Response, request
from werkzeug.wrappers import Request

import atlas

MAX_AGE = 60  # seconds: data changes only when staff load files
GZIP_MIN_BYTES = 1024


def etag(version: int, req: Request | None = None) -> str:
    """The weak ETag of the answer to ``req`` (default: the current request) at data
    ``version``."""
    path = (req or request).full_path
    url = hashlib.sha1(f"{atlas.__version__} {path}".encode()).hexdigest()[:16]
    return f'W/"{version}-{url}"'


def is_current(tag: str, req: Request | None = None) -> bool:
    """Whether the client's copy (``If-None-Match`` of ``req``, default: the current
    request) is the one ``tag`` names."""
    return bool(tag) and (req or request).if_none_match.contains_weak(
        tag.removeprefix("W/").strip('"'))


def not_modified(tag: str) -> Response | None:
    """A 304 if the client's copy is current."""
    if is_current(tag):
        response = Response(status=304)
        _cache_headers(response, tag, MAX_AGE)
        return response
    return None


def _cache_headers(response: Response, tag: str | None, max_age: int) -> None:
    if tag:
        response.headers["ETag"] = tag
    response.headers["Cache-Control"] = f"public, max-age={max_age}"
    response.vary.add("Accept-Encoding")


def json_response(payload, tag: str | None = None, max_age: int = MAX_AGE,
                  content_type: str = "application/json") -> Response:
    # Text is JSON already serialised by PostgreSQL: sent as is.
    body = payload if isinstance(payload, str) else json.dumps(
        payload, ensure_ascii=False, separators=(",", ":"), default=str)
    response = Response(body, content_type=f"{content_type}; charset=utf-8")
    _cache_headers(response, tag, max_age)
    return response


def _gzip(response: Response) -> Response:
    return compress(response, request)


def compress(response: Response, req: Request) -> Response:
    """``response`` gzipped when ``req`` accepts it and it is worth it (every answer
    through ``init_app``'s hook; the lean tile path calls it itself)."""
    if (response.status_code != 200 or response.direct_passthrough
            or "Content-Encoding" in response.headers
            or "gzip" not in req.headers.get("Accept-Encoding", "").lower()):
        return response
    data = response.get_data()
    if len(data) < GZIP_MIN_BYTES:
        return response
    response.set_data(gzip.compress(data, compresslevel=5))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    return response


def init_app(app: Flask) -> None:
    app.after_request(_gzip)
