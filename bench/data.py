"""The benchmarks' data: a scratch database on the server of ATLAS_DATABASE_URL, and
100,000 synthetic initiatives over the real communes, loaded once into it and shared by
every benchmark that needs them."""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Iterator

import sqlalchemy as sa

from atlas import db, migrate
from atlas.config import Config


def ensure_domains(engine) -> None:
    """The shipped taxonomy, through the write path (writes nothing when it is there)."""
    from loaders import domains, pipeline

    with pipeline.transaction(engine) as w:
        domains.merge(w.conn, domains.read(domains.DEFAULT_FILE), w.changes)


def remove_synthetic(engine) -> None:
    """No synthetic record left (a database as a real one starts)."""
    from loaders import pipeline, synth

    with pipeline.transaction(engine) as w:
        synth.run(w.conn, w.changes, 0, 0, seed=1)


def ensure_synthetic(engine, n: int) -> float:
    """Load ``n`` synthetic initiatives (seed 1) unless they are there; seconds spent."""
    start = time.perf_counter()
    with engine.connect() as conn:
        have = conn.scalar(sa.text("SELECT count(*) FROM initiative WHERE source = 'synthetic'"))
    if have != n:
        from loaders import pipeline, synth

        ensure_domains(engine)
        with pipeline.transaction(engine) as w:
            synth.run(w.conn, w.changes, n, 2_200, seed=1)
        # Statistics now, committed (autovacuum would get there, but later).
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("ANALYZE"))
    return time.perf_counter() - start


@contextlib.contextmanager
def scratch_database(config: Config, prefix: str = "atlas_bench") -> Iterator[Config]:
    """A new database migrated to head on ``config``'s server, dropped when the block
    ends; yields the configuration that points to it."""
    url = sa.engine.make_url(config.database_url)
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    db.check(admin)
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        # The web role (when there is one) reads the scratch database too, never the
        # database the environment names.
        web = config.web_database_url
        scratch = Config.from_env(
            database_url=url.set(database=name).render_as_string(hide_password=False),
            web_database_url=sa.engine.make_url(web).set(database=name).render_as_string(
                hide_password=False) if web else "")
        migrate.upgrade(scratch)
        yield scratch
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
