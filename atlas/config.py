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


def _count(env: str, value: str, low: int = 0, high: int = 10**12) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{env}: expected a whole number, got {value!r}") from None
    if not low <= number <= high:
        raise ConfigError(f"{env}: {number} is outside {low}..{high}")
    return number


def _size(env: str, value: str) -> int:
    """Bytes: ``500M``, ``2G``, ``65536``."""
    units = {"K": 2**10, "M": 2**20, "G": 2**30}
    text = value.strip().upper().removesuffix("B")
    factor = units.get(text[-1:], 1)
    return _count(env, text[:-1] if factor > 1 else text) * factor


def _public_url(env: str, value: str) -> str:
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise ConfigError(f"{env}: expected an http(s):// URL with a host, got {value!r}")
    return value.rstrip("/")


def _optional_database_url(env: str, value: str) -> str:
    return _database_url(env, value) if value else ""


def _text(env: str, value: str) -> str:
    if not value.strip():
        raise ConfigError(f"{env}: must not be empty")
    return value


def _secret(env: str, value: str) -> str:
    if value and len(value) < 32:
        raise ConfigError(f"{env}: at least 32 characters, got {len(value)}")
    return value


def _default_shared(name: str) -> str:
    path = DEFAULT_SHARED / name
    return str(path) if path.is_dir() else ""


SETTINGS: tuple[Setting, ...] = (
    Setting("database_url", "ATLAS_DATABASE_URL",
            lambda: "postgresql://postgres@127.0.0.1:54329/atlas",
            "PostgreSQL + PostGIS database URL (the Makefile's private cluster by default).",
            _database_url),
    Setting("web_database_url", "ATLAS_WEB_DATABASE_URL", lambda: "",
            "Database URL the web app connects with: a role that may only read the "
            "published data (scripts/pg.sh makes `atlas_web`); empty: ATLAS_DATABASE_URL.",
            _optional_database_url),
    Setting("writer_database_url", "ATLAS_WRITER_DATABASE_URL", lambda: "",
            "Database URL of the staff console's writes (imports, sources, audit): a role "
            "with DML on the published records and no DDL (scripts/pg.sh makes "
            "`atlas_writer`); empty: ATLAS_DATABASE_URL.", _optional_database_url),
    Setting("secret_key", "ATLAS_SECRET_KEY", lambda: "",
            "Key signing the session cookies and CSRF tokens (32+ characters), the same "
            "for every worker; empty: generated once into ATLAS_CACHE_DIR/secret_key.",
            _secret),
    Setting("session_idle_minutes", "ATLAS_SESSION_IDLE", lambda: "30",
            "Minutes without a request after which a signed-in session ends.",
            lambda env, v: _count(env, v, 1, 24 * 60)),
    Setting("upload_max_bytes", "ATLAS_UPLOAD_MAX", lambda: "50M",
            "Largest file the console accepts for an import (`50M`).", _size),
    Setting("geodata", "ATLAS_GEODATA", lambda: _default_shared("geodata"),
            "Reference data folder (COG, boundaries); ../shared/geodata when it exists.",
            _optional_existing_dir),
    Setting("datasets", "ATLAS_DATASETS", lambda: _default_shared("datasets"),
            "Folder of real national lists (France Services...); ../shared/datasets when it exists.",
            _optional_existing_dir),
    Setting("seeds", "ATLAS_SEEDS", lambda: _default_shared("seeds"),
            "Folder of the seed press releases about the label (loaded by the demo, read "
            "by the press tests); ../shared/seeds when it exists.",
            _optional_existing_dir),
    Setting("cache_dir", "ATLAS_CACHE_DIR", lambda: str(PROJECT_ROOT / ".cache"),
            "Where downloaded official files and built tiles are kept.", _dir),
    Setting("tile_cache", "ATLAS_TILE_CACHE", lambda: "",
            "Folder of the vector tile cache; empty: ATLAS_CACHE_DIR/tiles; `off`: no cache.",
            lambda env, v: v.strip()),
    Setting("tile_cache_control", "ATLAS_TILE_CACHE_CONTROL",
            lambda: "public, max-age=300",
            "Cache-Control header of vector tiles and TileJSON.", _text),
    Setting("tile_cache_max_bytes", "ATLAS_TILE_CACHE_MAX", lambda: "1G",
            "Most bytes the tile cache may hold (`500M`, `2G`); tiles beyond are built "
            "per request.", _size),
    Setting("public_url", "ATLAS_PUBLIC_URL", lambda: "",
            "The site's public address (https://atlas.example.org), used for every absolute "
            "URL (TileJSON, API links); empty: taken from the request.", _public_url),
    Setting("proxy_hops", "ATLAS_PROXY_HOPS", lambda: "0",
            "Reverse proxies in front of the app whose X-Forwarded-* headers are trusted "
            "(0: none).", lambda env, v: _count(env, v, 0, 5)),
    Setting("statement_timeout_ms", "ATLAS_STATEMENT_TIMEOUT", lambda: "5000",
            "Time budget of a page or API request's SQL statements, in milliseconds.",
            lambda env, v: _count(env, v, 1, 600_000)),
    Setting("export_timeout_ms", "ATLAS_EXPORT_TIMEOUT", lambda: "300000",
            "Time budget of an export's SQL statements, in milliseconds.",
            lambda env, v: _count(env, v, 1, 3_600_000)),
    Setting("host", "ATLAS_HOST", lambda: "127.0.0.1",
            "Address `python -m atlas serve` listens on.", _text),
    Setting("port", "ATLAS_PORT", lambda: "5000",
            "Port `python -m atlas serve` listens on.", _port),
    Setting("contribution_licence", "ATLAS_CONTRIBUTION_LICENCE",
            lambda: "Licence Ouverte 2.0",
            "Licence under which the collectivités' contributions are published (stated "
            "on the contribution form and in the source `contributions`).", _text),
    Setting("contribution_licence_url", "ATLAS_CONTRIBUTION_LICENCE_URL",
            lambda: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            "Address of that licence's text.", lambda env, v: v.strip()),
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
    web_database_url: str
    writer_database_url: str
    secret_key: str
    session_idle_minutes: int
    upload_max_bytes: int
    geodata: Path | None
    datasets: Path | None
    seeds: Path | None
    cache_dir: Path
    tile_cache: str
    tile_cache_control: str
    tile_cache_max_bytes: int
    public_url: str
    proxy_hops: int
    statement_timeout_ms: int
    export_timeout_ms: int
    host: str
    port: int
    contribution_licence: str
    contribution_licence_url: str
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
        if "database_url" in overrides and "web_database_url" not in overrides:
            # Another database was asked for: the web role's URL in the environment
            # names the former one, so the app connects as the owner unless told.
            overrides["web_database_url"] = ""
        if "database_url" in overrides and "writer_database_url" not in overrides:
            overrides["writer_database_url"] = ""
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

    def require_seeds(self) -> Path:
        """The seed press releases' folder, or a ConfigError saying how to provide one."""
        if self.seeds is None:
            raise ConfigError(
                "ATLAS_SEEDS: no seed press releases folder (set it, or put shared/ beside "
                "the project)")
        return self.seeds

    def tile_cache_dir(self) -> Path | None:
        """Where built tiles are kept; None when the cache is off."""
        if self.tile_cache.lower() == "off":
            return None
        return Path(self.tile_cache).expanduser().resolve() if self.tile_cache else (
            self.cache_dir / "tiles")

    @property
    def writer_url(self) -> str:
        return self.writer_database_url or self.database_url

    def session_secret(self) -> str:
        """``ATLAS_SECRET_KEY``, or a key generated once into ``cache_dir/secret_key``
        (mode 600), which every worker and restart then shares."""
        if self.secret_key:
            return self.secret_key
        path = self.cache_dir / "secret_key"
        if not path.exists():
            import secrets

            path.parent.mkdir(parents=True, exist_ok=True)
            # Written whole beside the target, then linked into place: two workers
            # starting together never read a half-written key, and the first one wins.
            temp = path.with_name(f".secret_key.{os.getpid()}.tmp")
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(48))
            try:
                os.link(temp, path)
            except FileExistsError:
                pass
            finally:
                temp.unlink()
        key = path.read_text().strip()
        if len(key) < 32:
            raise ConfigError(f"ATLAS_SECRET_KEY: {path} holds no usable key: delete it")
        return key

    def as_flask(self) -> dict[str, Any]:
        return {"ATLAS": self}
