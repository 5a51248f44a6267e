"""The web layer: ``create_app`` builds the Flask app; blueprints hold the routes.

Configuration is read when ``create_app`` is called, never at import time, so tests can
build several apps with different settings.
"""

from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from sqlalchemy.engine import Engine

from atlas import db
from atlas.config import Config
from atlas.errors import AtlasError


def engine() -> Engine:
    """The engine of the current app (valid inside a request or app context)."""
    return current_app.extensions["atlas_engine"]


def _handle(error: AtlasError):
    if request.path.startswith(("/api/", "/tiles/")):
        body = {"error": error.code, "detail": str(error)}
        if getattr(error, "param", None):
            body["param"] = error.param
        if getattr(error, "suggestions", None):
            body["suggestions"] = error.suggestions
        return jsonify(body), error.status
    return render_template("error.html", error=error), error.status


def create_app(config: Config | None = None) -> Flask:
    """Build the app from ``config`` (default: the environment, validated now).

    Raises ConfigError for a bad setting; the database is reached lazily, per request.
    """
    from atlas.web import api, exports, figures_page, http, ogc, pages, peers_page, tiles, vendor

    config = config or Config.from_env()
    app = Flask(__name__)
    app.config.from_mapping(config.as_flask())
    app.config["JSON_SORT_KEYS"] = False
    app.extensions["atlas_engine"] = db.engine(config)
    app.register_error_handler(AtlasError, _handle)
    http.init_app(app)
    for bp in (pages.bp, api.bp, peers_page.bp, exports.bp, tiles.bp, vendor.bp,
               figures_page.bp, ogc.bp):
        app.register_blueprint(bp)
    return app
