"""Front-end libraries installed from PyPI (``xstatic-*`` packages), served by our app.

Never copied into the repository and never loaded from a CDN: the files come from the
installed packages, under ``/vendor/<package>/<file>``, with long-lived caching since the
URL changes with the package version.
"""

from __future__ import annotations

from flask import Blueprint, abort, send_from_directory, url_for
from xstatic.pkg import leaflet, leaflet_markercluster

PACKAGES = {
    "leaflet": leaflet,
    "leaflet-markercluster": leaflet_markercluster,
}

bp = Blueprint("vendor", __name__)


@bp.get("/vendor/<package>/<version>/<path:filename>")
def asset(package: str, version: str, filename: str):
    pkg = PACKAGES.get(package)
    if pkg is None or version != pkg.VERSION:
        abort(404)
    return send_from_directory(pkg.BASE_DIR, filename, max_age=365 * 24 * 3600)


def url(package: str, filename: str) -> str:
    """The URL of ``filename`` from an installed front-end package."""
    return url_for("vendor.asset", package=package, version=PACKAGES[package].VERSION,
                   filename=filename)
