"""Front-end libraries installed from registries, served by our app.

Leaflet and its marker clusters come from PyPI (``xstatic-*`` packages), Leaflet.VectorGrid
from npm (``package.json``, versions locked by ``package-lock.json``, installed by ``make
venv`` into the git-ignored ``node_modules/``). Never copied into the repository and never
loaded from a CDN: the files come from the installed packages, under
``/vendor/<package>/<version>/<file>``, with long-lived caching since the URL changes with
the package version.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from pathlib import Path

from flask import Blueprint, abort, send_from_directory, url_for
from xstatic.pkg import leaflet, leaflet_markercluster

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"


@dataclasses.dataclass(frozen=True)
class NpmPackage:
    """An npm package of ``node_modules``, its files served from ``folder`` within it."""

    name: str
    folder: str

    @property
    def BASE_DIR(self) -> str:  # noqa: N802 (the xstatic packages' attribute name)
        return str(NODE_MODULES / self.name / self.folder)

    @property
    def VERSION(self) -> str:  # noqa: N802
        return _npm_version(self.name)


@functools.lru_cache(maxsize=None)
def _npm_version(name: str) -> str:
    manifest = NODE_MODULES / name / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))["version"]
    except FileNotFoundError:
        raise RuntimeError(f"the npm package {name} is not installed in {NODE_MODULES}: "
                           "run `make venv` (npm ci)") from None


PACKAGES = {
    "leaflet": leaflet,
    "leaflet-markercluster": leaflet_markercluster,
    "leaflet-vectorgrid": NpmPackage("leaflet.vectorgrid", "dist"),
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
