"""Settings: declared once (name, default, help, parser), read from the environment on demand.

Nothing is read at import time: ``Config.from_env()`` is called by ``create_app`` and by
the CLI, so tests can build several configurations side by side. A wrong value raises
``ConfigError`` with one line that names the variable and what is wrong with it.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from atlas.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = PROJECT_ROOT.parent / "shared"


@dataclasses.dataclass(frozen=True)
class Setting:
    field: str
    env: str
    default: Callable[[], Any]
    help: str
    parse: Callable[[str, str], Any]


def _database_url(env: str, value: str) -> str:
    parts = urlsplit(value)
    scheme = parts.scheme.split("+")[0]
    if scheme not in ("postgresql", "postgres"):
        raise ConfigError(f"{env}: expected a postgresql:// URL, got {value!r}")
    if not parts.path.strip("/"):
        raise ConfigError(f"{env}: the URL names no database: {value!r}")
    # SQLAlchemy needs the driver named; psycopg 3 is the one we ship.
    return "postgresql+psycopg" + value[len(parts.scheme):]


def _existing_dir(env: str, value: str) -> Path:
    path = Path(value).expanduser()
    if not path.is_dir():
        raise ConfigError(f"{env}: folder {value!r} does not exist")
    return path.resolve()


def _optional_existing_dir(env: str, value: str) -> Path | None:
    return _existing_dir(env, value) if value else None


def _dir(env: str, value: str) -> Path:
    return Path(value).expanduser().resolve()


def _port(env: str, value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise ConfigError(f"{env}: expected a port number, got {value!r}") from None
    if not 0 < port < 65536:
        raise ConfigError(f"{env}: port {port} is outside 1..65535")
    return port


def _text(env: str, value: str) -> str:
    if not value.strip():
        raise ConfigError(f"{env}: must not be empty")
    return value


def _default_shared(name: str) -> str:
    path = DEFAULT_SHARED / name
    return str(path) if path.is_dir() else ""


SETTINGS: tuple[Setting, ...] = (
    Setting("database_url", "ATLAS_DATABASE_URL",
            lambda: "postgresql://postgres@127.0.0.1:54329/atlas",
            "PostgreSQL + PostGIS database URL (the Makefile's private cluster by default).",
            _database_url),
    Setting("geodata", "ATLAS_GEODATA", lambda: _default_shared("geodata"),
            "Reference data folder (COG, boundaries); ../shared/geodata when it exists.",
            _optional_existing_dir),
    Setting("datasets", "ATLAS_DATASETS", lambda: _default_shared("datasets"),
            "Folder of real national lists (France Services...); ../shared/datasets when it exists.",
            _optional_existing_dir),
    Setting("cache_dir", "ATLAS_CACHE_DIR", lambda: str(PROJECT_ROOT / ".cache"),
            "Where downloaded official files and built tiles are kept.", _dir),
    Setting("tile_cache", "ATLAS_TILE_CACHE", lambda: "",
            "Folder of the vector tile cache; empty: ATLAS_CACHE_DIR/tiles; `off`: no cache.",
            lambda env, v: v.strip()),
    Setting("tile_cache_control", "ATLAS_TILE_CACHE_CONTROL",
            lambda: "public, max-age=300",
            "Cache-Control header of vector tiles and TileJSON.", _text),
    Setting("host", "ATLAS_HOST", lambda: "127.0.0.1",
            "Address `python -m atlas serve` listens on.", _text),
    Setting("port", "ATLAS_PORT", lambda: "5000",
            "Port `python -m atlas serve` listens on.", _port),
    Setting("basemap_url", "ATLAS_BASEMAP_URL",
            lambda: "https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png",
            "Base-map tile URL template; empty for none (our own commune layer only).",
            lambda env, v: v),
    Setting("basemap_attribution", "ATLAS_BASEMAP_ATTRIBUTION",
            lambda: "&copy; OpenStreetMap France | &copy; contributeurs OpenStreetMap",
            "HTML attribution shown for the base map.", lambda env, v: v),
)


@dataclasses.dataclass(frozen=True)
class Config:
    database_url: str
    geodata: Path | None
    datasets: Path | None
    cache_dir: Path
    tile_cache: str
    tile_cache_control: str
    host: str
    port: int
    basemap_url: str
    basemap_attribution: str

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> "Config":
        """Build the configuration from ``environ`` (``os.environ`` by default).

        ``overrides`` are raw strings, as they would appear in the environment, keyed by
        field name; they win over the environment (used by tests and CLI options).
        Raises ``ConfigError`` on the first bad value.
        """
        environ = os.environ if environ is None else environ
        values = {}
        for s in SETTINGS:
            raw = overrides.get(s.field, environ.get(s.env))
            if raw is None:
                raw = s.default()
            values[s.field] = s.parse(s.env, str(raw))
        return cls(**values)

    def require_geodata(self) -> Path:
        """The reference data folder, or a ConfigError saying how to provide one."""
        if self.geodata is None:
            raise ConfigError(
                "ATLAS_GEODATA: no reference data folder (set it, or put shared/ beside the project)")
        return self.geodata

    def tile_cache_dir(self) -> Path | None:
        """Where built tiles are kept; None when the cache is off."""
        if self.tile_cache.lower() == "off":
            return None
        return Path(self.tile_cache).expanduser().resolve() if self.tile_cache else (
            self.cache_dir / "tiles")

    def as_flask(self) -> dict[str, Any]:
        return {"ATLAS": self}
