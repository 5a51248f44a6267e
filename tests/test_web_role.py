"""Least privilege (issue 26, finding 12): the web app connects with a role that can
read the published data and write nothing; migrations and loaders stay the owner's."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from atlas.config import Config
from atlas.web import create_app
from tests.conftest import assert_refused

LOGIN = "atlas_web_test"


@pytest.fixture()
def web_url(config, api):
    """A login role member of ``atlas_web`` (what scripts/pg.sh sets up for the demo)."""
    owner = sa.create_engine(config.database_url, isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.execute(sa.text(f"DROP ROLE IF EXISTS {LOGIN}"))
        conn.execute(sa.text(f"CREATE ROLE {LOGIN} LOGIN PASSWORD 'only-for-this-test' "
                             "IN ROLE atlas_web"))
    url = sa.engine.make_url(config.database_url).set(username=LOGIN,
                                                      password="only-for-this-test")
    yield url.render_as_string(hide_password=False)
    with owner.connect() as conn:
        conn.execute(sa.text(f"DROP ROLE {LOGIN}"))
    owner.dispose()


def test_the_web_role_reads_published_data_and_writes_nothing(web_url):
    engine = sa.create_engine(web_url)
    try:
        with engine.connect() as conn:
            assert conn.scalar(sa.text("SELECT count(*) FROM initiative")) > 0
            assert conn.scalar(sa.text("SELECT count(*) FROM initiative_search")) > 0
            assert conn.scalar(sa.text("SELECT count(*) FROM tile_shape")) > 0
        assert_refused(engine, ("UPDATE initiative SET title = 'x'",
                                "DELETE FROM label_award",
                                "INSERT INTO source (name, title, attribution) "
                                "VALUES ('x', 'x', 'x')",
                                "REFRESH MATERIALIZED VIEW initiative_search",
                                "UPDATE data_version SET version = version + 1",
                                "CREATE TABLE public.intrus (id int)",
                                "DROP TABLE alembic_version",
                                # Contributions: it adds proposals, never publishes or rewrites
                                # them (migration 0016_contributions).
                                "UPDATE fiche SET state = 'published'",
                                "UPDATE fiche_revision SET content = NULL",
                                "DELETE FROM fiche_revision", "DELETE FROM error_report",
                                "UPDATE account_request SET email = 'x@y.z'"))
    finally:
        engine.dispose()


def test_the_app_serves_everything_with_the_web_role(config, web_url):
    app = create_app(Config.from_env(database_url=config.database_url,
                                     web_database_url=web_url, tile_cache="off"))
    client = app.test_client()
    for path in ("/api/health", "/api/stats", "/api/initiatives?q=tablettes",
                 "/api/communes/94076/peers", "/api/clusters?zoom=9&bbox=2,48,3,49",
                 "/tiles/communes/12/2074/1410.pbf", "/export/initiatives.csv",
                 "/export/communes.gpkg", "/", "/communes/94076", "/communes/94076/pairs"):
        assert client.get(path).status_code == 200, path
    engine = app.extensions["atlas_engine"]
    assert engine.url.username == LOGIN
