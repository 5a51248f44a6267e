"""The web layer: ``create_app`` builds the Flask app; blueprints hold the routes.

Configuration is read when ``create_app`` is called, never at import time, so tests can
build several apps with different settings. Web-wide concerns are installed once, by the
``init_app`` of their module (``SITE``): bad bytes refused, errors answered, headers and
CSP, HTTP caching, template filters. Blueprints hold routes only (``BLUEPRINTS``: add a
new one there).
"""

from __future__ import annotations

import importlib

from flask import Flask, current_app
from sqlalchemy.engine import Engine

from atlas import db
from atlas.config import Config

# Modules with an ``init_app(app)`` installing a web-wide concern, in this order; the
# last, ``tiles``, puts its lean path in front of the whole WSGI app (see its docstring).
SITE = ("guard", "errors", "headers", "http", "templating", "staff", "tiles")
# Modules with a blueprint ``bp``, registered in this order.
BLUEPRINTS = ("pages", "api", "peers_page", "exports", "tiles", "vendor", "figures_page", "ogc",
              "auth", "admin", "contribute", "moderation")


def engine() -> Engine:
    """The engine of the current app (valid inside a request or app context)."""
    return current_app.extensions["atlas_engine"]


def create_app(config: Config | None = None, publisher=None) -> Flask:
    """Build the app from ``config`` (default: the environment, validated now).

    ``publisher``: what publishes the moderators' approvals through the write path
    (``loaders.contributions``, given by the composition root ``app.py``: the core never
    imports the loaders); without it, approving answers 503.

    Raises ConfigError for a bad setting; the database is reached lazily, per request.
    """
    config = config or Config.from_env()
    app = Flask(__name__)
    app.config.from_mapping(config.as_flask())
    app.config["JSON_SORT_KEYS"] = False
    app.extensions["atlas_engine"] = db.web_engine(config)
    app.extensions["atlas_publisher"] = publisher
    for name in SITE:
        importlib.import_module(f"atlas.web.{name}").init_app(app)
    for name in BLUEPRINTS:
        app.register_blueprint(importlib.import_module(f"atlas.web.{name}").bp)
    return app
