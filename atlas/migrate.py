"""Schema migrations: Alembic driven from code, with the atlas configuration.

No alembic.ini: the script location is this package's ``migrations`` folder and the
database comes from ``Config``, so ``python -m atlas db upgrade`` needs nothing else.
"""

from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig

from atlas import db
from atlas.config import Config

SCRIPTS = Path(__file__).resolve().parent / "migrations"


def _alembic(config: Config, connection, stdout=None) -> AlembicConfig:
    cfg = AlembicConfig(stdout=stdout or io.StringIO())
    cfg.set_main_option("script_location", str(SCRIPTS))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(config: Config, revision: str = "head") -> None:
    with db.engine(config).begin() as conn:
        command.upgrade(_alembic(config, conn), revision)


def downgrade(config: Config, revision: str) -> None:
    with db.engine(config).begin() as conn:
        command.downgrade(_alembic(config, conn), revision)


def current(config: Config) -> str:
    out = io.StringIO()
    with db.engine(config).begin() as conn:
        command.current(_alembic(config, conn, out))
    return out.getvalue().strip() or "(empty database: no migration applied)"


def current_revision(eng) -> str | None:
    """The revision the database is at, or None before the first migration."""
    from alembic.runtime.migration import MigrationContext

    with eng.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head() -> str:
    """The newest revision the code knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(SCRIPTS)).get_current_head()


def history(config: Config) -> str:
    out = io.StringIO()
    command.history(_alembic(config, None, out))
    return out.getvalue().strip()
