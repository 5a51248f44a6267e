"""Fixtures: a fresh PostGIS database per test session, clean tables per test.

The server comes from ATLAS_DATABASE_URL (the Makefile's private cluster by default);
the session creates its own database on it, migrates it to head, and drops it at the end,
so tests never touch the data a developer loaded for the demo.
"""

from __future__ import annotations

import os
import subprocess as _subprocess
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
from tests.cli import in_process

# The web role's URL (scripts/with-db.sh sets it) names the demo's database: taken out of
# the environment so no test app reads that database; the session's app connects with
# the same role to the test database instead (see ``config``).
WEB_URL = os.environ.pop("ATLAS_WEB_DATABASE_URL", "")
# The same for the staff console's writer role (migration 0012).
WRITER_URL = os.environ.pop("ATLAS_WRITER_DATABASE_URL", "")

TABLES = ("error_report", "account_request", "fiche_revision", "fiche", "audit_event",
          "console_job", "login_failure", "app_user", "initiative_domain", "initiative",
          "label_award", "source", "domain", "epci_member", "epci", "postal_locality",
          "commune_alias", "commune", "departement", "region")


# What ``reference.run`` writes, and the tile outlines derived from it alone (label
# awards and records never change ``tile_shape``: see ``loaders.pipeline.apply``).
REFERENCE_TABLES = ("region", "departement", "epci", "epci_member", "commune",
                    "commune_alias", "postal_locality")
REFERENCE_DERIVED = ("tile_shape",)
RECORD_TABLES = tuple(t for t in TABLES if t not in REFERENCE_TABLES)


def _empty(engine) -> None:
    """Empty every table, through the write path (derived rows emptied, version moved)."""
    _kept.forget()
    with pipeline.transaction(engine) as w:
        w.conn.execute(sa.text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
        w.changes.everything = True


def _empty_but_reference(engine) -> None:
    """Empty every table but the reference's, through the write path: what ``_empty``
    then a reference load leave (search rows and facet counts emptied, version moved)."""
    with pipeline.transaction(engine) as w:
        w.conn.execute(sa.text(
            f"TRUNCATE {', '.join(RECORD_TABLES)} RESTART IDENTITY CASCADE"))
        w.changes.every_initiative = True


def _fingerprint(engine) -> tuple:
    """Rows, and the sum and newest of their writing transactions, of each reference
    table: any insert, update, delete or truncate after the load changes it (a row
    written later carries a later ``xmin``; a delete alone lowers the count)."""
    with engine.connect() as conn:
        return _fingerprint_of(conn)


def _fingerprint_of(conn, tables=REFERENCE_TABLES + REFERENCE_DERIVED) -> tuple:
    return tuple(tuple(conn.execute(sa.text(
        f"SELECT count(*), coalesce(sum(xmin::text::bigint), 0), "
        f"coalesce(max(xmin::text::bigint), 0) FROM {t}")).one()) for t in tables)


def pytest_collection_modifyitems(items):
    """The modules that ask for the reference run after the others, keeping their
    order: one load serves them in a row (``_Kept``), instead of a load after each
    module on an empty database."""
    uses = {}
    for item in items:
        uses[item.path] = uses.get(item.path, False) or "loaded" in item.fixturenames
    items.sort(key=lambda item: uses[item.path])


@pytest.fixture(scope="session", autouse=True)
def _one_geocoder_per_reference():
    """``Geocoder.from_db`` built once per state of the reference tables it reads (about
    2 s each, under load 12 s: every load, console write and CLI geocode builds one):
    the same rows give the same index. The reference's ``_fingerprint_of``, read in the
    caller's transaction, tells a changed reference, which gets a new build."""
    from loaders.geocoder import Geocoder

    build = Geocoder.from_db.__func__
    last: dict = {}

    def from_db(cls, conn):
        key = (cls, conn.engine.url.database, _fingerprint_of(conn, REFERENCE_TABLES))
        if last.get("key") != key:
            last["geocoder"], last["key"] = build(cls, conn), key
        return last["geocoder"]

    Geocoder.from_db = classmethod(from_db)
    yield
    Geocoder.from_db = classmethod(build)


class _Kept:
    """The national reference left in the test database by the last module that loaded
    it (about 4 s a load, 25 modules ask): the next module that asks for ``loaded``
    reuses it if no write touched it since, checked by ``_fingerprint``; a test that does
    not ask for it finds the database empty, as if each module had emptied it."""

    engine = None
    fingerprint: tuple | None = None

    def forget(self) -> None:
        self.engine = self.fingerprint = None

    def intact(self, engine) -> bool:
        return self.engine is engine and self.fingerprint == _fingerprint(engine)


_kept = _Kept()


def _needs_empty(item) -> bool:
    """A test on the database that did not ask for the reference."""
    return "config" in item.fixturenames and "loaded" not in item.fixturenames


@pytest.fixture(scope="module", autouse=True)
def _reference_only_for_its_modules(request):
    """Before a module's own fixtures: a module on the database that never asks for the
    reference starts empty, as it did when every module emptied the database after it."""
    if _kept.engine is not None:
        items = [i for i in request.session.items if i.path == request.node.path]
        if any(map(_needs_empty, items)) and not any(
                "loaded" in i.fixturenames for i in items):
            _empty(_kept.engine)


@pytest.fixture(autouse=True)
def _reference_only_where_asked(request):
    """The same for a test without the reference in a module where others have it."""
    if _kept.engine is not None and _needs_empty(request.node):
        _empty(_kept.engine)


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
def atlas_cli(config, cli_env):
    """Run ``python -m atlas ARGS`` on the test database; ``env`` entries override.

    In this process (``tests.cli.in_process``), answering as the subprocess would;
    ``subprocess=True``: a real ``python -m atlas``, where the entry point itself is
    under test."""

    def run(*args: str, env: dict[str, str] | None = None,
            subprocess: bool = False) -> _subprocess.CompletedProcess:
        if subprocess:
            return _subprocess.run([sys.executable, "-m", "atlas", *args],
                                   env={**cli_env, **(env or {})}, cwd=PROJECT_ROOT,
                                   capture_output=True, text=True, timeout=300)
        return in_process(args, {"ATLAS_DATABASE_URL": config.database_url, **(env or {})})

    return run


@pytest.fixture(scope="module")
def loaded(config):
    """The national reference, as a fresh load leaves it, with every other table empty
    (loaded once, about 4 s, then kept while no test writes it: see ``_Kept``)."""
    if config.geodata is None:
        pytest.fail("these tests need the reference data: set ATLAS_GEODATA")
    engine = db.engine(config)
    if _kept.intact(engine):
        _empty_but_reference(engine)
    else:
        _empty(engine)
        # The postal localities file is the one reference file outside the data folder:
        # downloaded into the cache once (checksum checked), then read offline. Without a
        # network the load goes on without it, and the tests of the localities fail.
        try:
            sources.Resolver(config.geodata, config.cache_dir).path(postal.LOCALITIES_FILE)
        except InputError as e:
            print(f"postal localities unavailable: {e}")
        reference.run(engine, sources.Resolver(config.geodata, config.cache_dir,
                                               offline=True),
                      reference.Inputs(), Progress(quiet=True))
        _kept.engine, _kept.fingerprint = engine, _fingerprint(engine)
    yield engine
    # Kept for the next module that asks, if the module's tests left it as loaded.
    if _kept.intact(engine):
        _empty_but_reference(engine)
    else:
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


@pytest.fixture(scope="module")
def chromium():
    """A headless Chromium (``tests.browser``) for a module's browser tests."""
    from tests.browser import browser

    with browser() as b:
        yield b


def assert_refused(engine, statements) -> None:
    """Each statement refused to ``engine``'s role for lack of rights (least privilege)."""
    for statement in statements:
        with engine.connect() as conn, pytest.raises(sa.exc.ProgrammingError):
            conn.execute(sa.text(statement))
