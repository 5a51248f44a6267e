"""Every error of the web app answered in one place, in the format of the path asked.

``init_app`` (called by the application factory) installs the handlers; blueprints
raise ``AtlasError`` subclasses (or let the database raise) and never format errors
themselves. Machine paths (``/api``, ``/tiles``, ``/export``) answer JSON
(``{"error", "detail", "param"?, "suggestions"?}``); pages answer a short French page.

- ``Moved`` (a former commune code) is a 301 to the same route with the current code,
  the query string kept, whichever blueprint raised it.
- The database unreachable is a 503 with ``Retry-After``; a statement cancelled by its
  timeout (``atlas.web.guard``) a 503 too: the service is busy, not broken.
- Any other error is a 500 whose body says nothing of the server: the detail (SQL,
  URL, traceback) goes to the log, never to the visitor.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import Flask, jsonify, make_response, redirect, render_template, request, \
    url_for
from psycopg import errors as pg_errors
from werkzeug.exceptions import HTTPException

from atlas.errors import AtlasError, DatabaseUnavailable, Moved

log = logging.getLogger("atlas.web")

MACHINE_PATHS = ("/api/", "/tiles/", "/export/")
RETRY_AFTER = 30  # seconds: a restarting database or a burst of heavy queries

# Messages for visitors: what happened and what to do, never how the server is built.
UNAVAILABLE = "Le service est momentanément indisponible : réessayez dans un instant."
BUSY = "La requête a pris trop de temps : réessayez, ou restreignez les filtres."
INTERNAL = "Une erreur interne est survenue ; elle a été consignée."


class QueryTimeout(AtlasError):
    """A statement ran past the request's time budget and was cancelled."""

    status = 503
    code = "timeout"


# OGC API – Features answers errors with the standard's body (``code``, ``description``),
# in JSON unless the client asked for HTML.
OGC_PATH = "/ogc"
OGC_CODES = {400: "InvalidParameterValue", 404: "NotFound", 503: "ServiceUnavailable"}


def wants_json() -> bool:
    return request.path.startswith(MACHINE_PATHS)


def _ogc_json() -> bool:
    if request.path != OGC_PATH and not request.path.startswith(OGC_PATH + "/"):
        return False
    from atlas.web.ogc import wants_html

    return not wants_html(strict=False)


def respond(status: int, code: str, detail: str, **extra):
    if _ogc_json():
        body = {"code": OGC_CODES.get(status, "ServerError"), "description": detail}
        if extra.get("param"):
            body["param"] = extra["param"]
        response = jsonify(body)
    elif wants_json():
        body = {"error": code, "detail": detail}
        body.update({k: v for k, v in extra.items() if v})
        response = jsonify(body)
    else:
        response = make_response(render_template("error.html", status=status,
                                                 detail=detail))
    response.status_code = status
    if status == 503:
        response.headers["Retry-After"] = str(RETRY_AFTER)
        response.headers["Cache-Control"] = "no-store"
    return response


def _atlas_error(error: AtlasError):
    if isinstance(error, Moved):
        return _moved(error)
    if isinstance(error, DatabaseUnavailable):
        log.warning("database unavailable: %s", error)
        return respond(503, error.code, UNAVAILABLE)
    return respond(error.status, error.code, str(error),
                    param=getattr(error, "param", None),
                    suggestions=getattr(error, "suggestions", None))


def _moved(moved: Moved):
    """301 to this route with the current key, the query string kept (a shared link
    keeps its filters)."""
    args = {**(request.view_args or {}), moved.arg: moved.location}
    target = url_for(request.endpoint, **args)
    if request.query_string:
        target += "?" + request.query_string.decode("latin-1")
    return redirect(target, 301)


def _http_error(error: HTTPException):
    if error.code is None or error.code < 400:
        return error
    return respond(error.code, error.name.lower().replace(" ", "_"), error.description)


def _database_error(error: sa.exc.DBAPIError):
    orig = getattr(error, "orig", None)
    if isinstance(orig, pg_errors.QueryCanceled):
        log.warning("statement cancelled on %s: %s", request.path, orig)
        return respond(503, QueryTimeout.code, BUSY)
    if isinstance(error, sa.exc.OperationalError) or error.connection_invalidated:
        # Connection refused, server shutting down, connection lost mid-query.
        log.warning("database unavailable on %s: %s", request.path, orig or error)
        return respond(503, DatabaseUnavailable.code, UNAVAILABLE)
    return _internal(error)


def _internal(error: Exception):
    log.error("error on %s %s", request.method, request.full_path, exc_info=error)
    return respond(500, "internal_error", INTERNAL)


def init_app(app: Flask) -> None:
    app.register_error_handler(AtlasError, _atlas_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(sa.exc.DBAPIError, _database_error)
    app.register_error_handler(Exception, _internal)
