"""The JSON API (``/api/...``). Handlers parse, call one query, serialise."""

from __future__ import annotations

from flask import Blueprint

from atlas import db, migrate
from atlas.web import engine

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/health")
def health():
    """200 with the schema revision when the database answers; 503 (DatabaseUnavailable)
    otherwise, through the error handler."""
    db.check(engine(), need_schema=True)
    return {"status": "ok", "schema": migrate.current_revision(engine())}
