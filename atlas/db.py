"""Database access: one SQLAlchemy engine per configuration, and the checks run at start-up.

``engine(config)`` is cached per database URL so that the app, the CLI and the loaders
share one connection pool in a process. ``check(engine)`` turns "connection refused",
"database does not exist" or "PostGIS missing" into one ``DatabaseUnavailable`` line.
"""

from __future__ import annotations

import functools

import psycopg
import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from atlas.config import Config
from atlas.errors import DatabaseUnavailable


class _BinaryCursor(psycopg.Cursor):
    """A cursor asking results in PostgreSQL's binary format: a ``bytea`` (a tile) comes
    as its bytes, not as hex text twice its size that both ends encode and decode."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.format = psycopg.pq.Format.BINARY


@functools.lru_cache(maxsize=8)
def _engine_for(url: str, statement_timeout_ms: int = 0,
                application_name: str = "atlas", autocommit: bool = False) -> Engine:
    connect_args = {"connect_timeout": 5, "application_name": application_name}
    if autocommit:
        # The one-statement requests (tiles) read bytes: binary results (see above).
        connect_args["cursor_factory"] = _BinaryCursor
    if statement_timeout_ms:
        # Session defaults, set when the connection opens: no round trip per request.
        # The time budget (tiles and exports set their own for their transaction, SET
        # LOCAL); JIT off: PostGIS functions' high declared costs make the planner
        # JIT-compile, for tens of milliseconds, scans that take a few (/api/stats).
        connect_args["options"] = (f"-c statement_timeout={int(statement_timeout_ms)} "
                                   "-c jit=off")
    # Autocommit (a pool of its own): each statement is its own transaction, so no
    # BEGIN before it and no ROLLBACK when the connection goes back to the pool, two
    # round trips saved; psycopg then also keeps its prepared statements (a ROLLBACK
    # deallocates them), so a statement run often is planned once per connection.
    extra = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
    return sa.create_engine(
        url, **extra,
        # The CLI pings a pooled connection before use (a long load after a restart).
        # The web engine does not: a round trip per request is a third of a small
        # tile's time, and a connection lost to a restart fails one request (a 503),
        # after which SQLAlchemy renews the whole pool.
        pool_pre_ping=not statement_timeout_ms,
        # The connection used last is handed out first: the busy few keep their
        # prepared statements and caches warm, the rest idle.
        pool_use_lifo=True,
        # A short connect timeout: an unreachable server must fail start-up quickly.
        connect_args=connect_args,
    )


def engine(config: Config) -> Engine:
    """The owner's engine: migrations, loaders, the CLI. No statement timeout."""
    return _engine_for(config.database_url)


def web_engine(config: Config, statement_timeout_ms: int | None = None,
               autocommit: bool = False) -> Engine:
    """The web app's engine: its own role when ``ATLAS_WEB_DATABASE_URL`` is set (read
    only on the published data), and the request time budget as every statement's
    default (``statement_timeout_ms``, default ``ATLAS_STATEMENT_TIMEOUT``).

    With ``autocommit``, a separate pool whose statements run each in its own
    transaction: for requests answered by one statement (a tile), where a transaction
    would cost two round trips and nothing else; its results come in binary format."""
    return _engine_for(config.web_database_url or config.database_url,
                       statement_timeout_ms or config.statement_timeout_ms,
                       "atlas-web-autocommit" if autocommit else "atlas-web", autocommit)


def writer_engine(config: Config) -> Engine:
    """The staff console's writes: ``ATLAS_WRITER_DATABASE_URL`` (role ``atlas_writer``:
    DML on the published records, no DDL), else the owner's URL. Used by the console's
    requests to queue jobs, and handed to the jobs they spawn."""
    return _engine_for(config.writer_url, config.statement_timeout_ms, "atlas-console")


def safe_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def check(eng: Engine, *, need_schema: bool = False) -> None:
    """Connect once; raise DatabaseUnavailable with one clear line if that fails.

    With ``need_schema``, also require the migrations to have been applied.
    """
    where = safe_url(eng.url.render_as_string(hide_password=False))
    try:
        with eng.connect() as conn:
            if need_schema:
                exists = conn.scalar(sa.text("SELECT to_regclass('public.alembic_version')"))
                if exists is None:
                    raise DatabaseUnavailable(
                        f"database {where} has no atlas schema: run `python -m atlas db upgrade`")
    except sa.exc.OperationalError as e:
        reason = str(e.orig).strip().splitlines()[0] if e.orig else str(e)
        raise DatabaseUnavailable(f"cannot connect to {where}: {reason}") from None
