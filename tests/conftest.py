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
from atlas.errors import InputError
from loaders import pipeline, reference, sources
from loaders.geocoder import postal
from loaders.progress import Progress
from atlas.config import PROJECT_ROOT, Config

# The web role's URL (scripts/with-db.sh sets it) names the demo's database: taken out of
# the environment so no test app reads that database; the session's app connects with
# the same role to the test database instead (see ``config``).
WEB_URL = os.environ.pop("ATLAS_WEB_DATABASE_URL", "")
# The same for the staff console's writer role (migration 0012).
WRITER_URL = os.environ.pop("ATLAS_WRITER_DATABASE_URL", "")

TABLES = ("error_report", "account_request", "fiche_revision", "fiche", "audit_event", "console_job", "login_failure", "app_user", "initiative_domain", "initiative", "label_award", "source", "domain", "epci_member",
          "epci", "postal_locality", "commune_alias", "commune", "departement", "region")


def _empty(engine) -> None:
    """Empty every table, through the write path (derived rows emptied, version moved)."""
    with pipeline.transaction(engine) as w:
        w.conn.execute(sa.text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
        w.changes.everything = True


def clear_records(engine) -> None:
    """Delete every initiative and label award, through the write path."""
    with pipeline.transaction(engine) as w:
        w.changes.initiatives |= set(w.conn.scalars(sa.text(
            "DELETE FROM initiative RETURNING id")))
        w.changes.holders |= set(w.conn.scalars(sa.text(
            "DELETE FROM label_award RETURNING coalesce(commune_insee, epci_siren)")))


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
    web_url = sa.engine.make_url(WEB_URL).set(database=name).render_as_string(
        hide_password=False) if WEB_URL else ""
    writer_url = sa.engine.make_url(WRITER_URL).set(database=name).render_as_string(
        hide_password=False) if WRITER_URL else ""
    cfg = Config.from_env(database_url=test_url, web_database_url=web_url,
                          writer_database_url=writer_url)
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
    _empty(eng)


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
    _empty(engine)
    # The postal localities file is the one reference file outside the data folder:
    # downloaded into the cache once (checksum checked), then read offline. Without a
    # network the load goes on without it, and the tests of the localities fail.
    try:
        sources.Resolver(config.geodata, config.cache_dir).path(postal.LOCALITIES_FILE)
    except InputError as e:
        print(f"postal localities unavailable: {e}")
    reference.run(engine, sources.Resolver(config.geodata, config.cache_dir, offline=True),
                  reference.Inputs(), Progress(quiet=True))
    yield engine
    _empty(engine)


@pytest.fixture(scope="module")
def with_domains(loaded):
    """The national reference and the domain taxonomy."""
    from loaders import domains

    with pipeline.transaction(loaded) as w:
        domains.merge(w.conn, domains.read(), w.changes)
    return loaded


@pytest.fixture()
def clean(with_domains):
    """``with_domains``, with the loaded initiatives and awards removed after the test."""
    yield with_domains
    clear_records(with_domains)


# A small, hand-checked set of records on the real reference: what the API tests assert.
API_INITIATIVES = [
    # title, commune INSEE, EPCI SIREN, year, domains
    ("Tablettes numériques à l'École Jules-Ferry", "94076", None, 2019, ["education"]),
    ("Prise de rendez-vous en ligne", "94076", None, 2021, ["services-publics"]),
    ("Plateforme de troc citoyen", "94002", None, 2018, ["cohesion-sociale", "solidarites"]),
    ("Budget participatif numérique", "2A004", None, 2022, ["democratie-locale"]),
    ("<img src=x onerror=alert(1)> atelier", "97411", None, 2020, ["mediation"]),
    ("Observatoire métropolitain des données", None, "200054781", 2023, ["cooperation"]),
    ("Médiathèque numérique", "74010", None, 2015, ["culture-patrimoine", "education"]),
]
API_AWARDS = [  # commune INSEE or EPCI SIREN, year, level
    ("94076", 2018, 3), ("94076", 2019, 4), ("94002", 2018, 5), ("94002", 2020, 5),
    ("2A004", 2020, 2), ("200054781", 2021, 3),
]


@pytest.fixture(scope="module")
def api_data(with_domains):
    """The national reference plus API_INITIATIVES and API_AWARDS, loaded through the
    loaders' merge path (source "api-test"); {title: id}."""
    from loaders import initiatives, labels
    from loaders.records import LoadReport

    records = [dict(title=t, summary=None, year=y, url=None, commune_insee=c, epci_siren=e,
                    lon=None, lat=None, source_id=str(n), geocode_method="test",
                    geocode_score=1.0, domains=d)
               for n, (t, c, e, y, d) in enumerate(API_INITIATIVES)]
    awards = [dict(commune_insee=None if len(who) == 9 else who,
                   epci_siren=who if len(who) == 9 else None, year=y, level=lv, mentions=[])
              for who, y, lv in API_AWARDS]
    with pipeline.transaction(with_domains) as w:
        initiatives.merge(w.conn, records, "api-test", LoadReport("api-test"), w.changes)
        labels.merge(w.conn, awards, "api-test", LoadReport("api-test"), w.changes)
    with with_domains.connect() as conn:
        return dict(conn.execute(sa.text("SELECT title, id FROM initiative")).all())


@pytest.fixture(scope="module")
def api(config, api_data):
    """A test client on an app over ``api_data`` (module-scoped: tests must not write)."""
    from atlas.web import create_app

    app = create_app(config)
    app.config["TESTING"] = True
    return app.test_client()
