"""Fixtures: a fresh PostGIS database per test session, clean tables per test.

The server comes from ATLAS_DATABASE_URL (the Makefile's private cluster by default);
the session creates its own database on it, migrates it to head, and drops it at the end,
so tests never touch the data a developer loaded for the demo.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
import sqlalchemy as sa

from atlas import db, migrate
from loaders import reference, sources
from loaders.progress import Progress
from atlas.config import PROJECT_ROOT, Config

TABLES = ("initiative_domain", "initiative", "label_award", "source", "domain", "epci_member",
          "epci", "commune_alias", "commune", "departement", "region")


@pytest.fixture(scope="session")
def server_url() -> str:
    return Config.from_env().database_url


@pytest.fixture(scope="session")
def config(server_url) -> Config:
    name = f"atlas_test_{uuid.uuid4().hex[:8]}"
    url = sa.engine.make_url(server_url)
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    db.check(admin)
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    test_url = url.set(database=name).render_as_string(hide_password=False)
    cfg = Config.from_env(database_url=test_url)
    migrate.upgrade(cfg)
    yield cfg
    db.engine(cfg).dispose()
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture()
def engine(config):
    eng = db.engine(config)
    yield eng
    with eng.begin() as conn:
        conn.execute(sa.text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))


@pytest.fixture()
def app(config, engine):
    from atlas.web import create_app

    app = create_app(config)
    app.config["TESTING"] = True
    return app


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def cli_env(config) -> dict[str, str]:
    """Environment for running ``python -m atlas`` in a subprocess on the test database."""
    env = dict(os.environ)
    env["ATLAS_DATABASE_URL"] = config.database_url
    return env


@pytest.fixture()
def atlas_cli(cli_env):
    """Run ``python -m atlas ARGS`` on the test database; ``env`` entries override."""

    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "atlas", *args],
                              env={**cli_env, **(env or {})}, cwd=PROJECT_ROOT,
                              capture_output=True, text=True, timeout=300)

    return run


@pytest.fixture(scope="module")
def loaded(config):
    """The national reference, loaded once per module that asks (about 4 s)."""
    if config.geodata is None:
        pytest.fail("these tests need the reference data: set ATLAS_GEODATA")
    engine = db.engine(config)
    with engine.begin() as conn:
        conn.execute(sa.text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
    reference.run(engine, sources.Resolver(config.geodata, config.cache_dir, offline=True),
                  reference.Inputs(), Progress(quiet=True))
    yield engine
    with engine.begin() as conn:
        conn.execute(sa.text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
