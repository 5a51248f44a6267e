"""The benchmarks' data: 100,000 synthetic initiatives over the real communes, loaded
once into the scratch database and shared by every benchmark that needs them."""

from __future__ import annotations

import time

import sqlalchemy as sa

from atlas import search


def ensure_synthetic(engine, n: int) -> float:
    """Load ``n`` synthetic initiatives (seed 1) unless they are there; seconds spent."""
    start = time.perf_counter()
    with engine.connect() as conn:
        have = conn.scalar(sa.text("SELECT count(*) FROM initiative WHERE source = 'synthetic'"))
    if have != n:
        from loaders import domains, synth

        with engine.begin() as conn:
            domains.merge(conn, domains.read(domains.DEFAULT_FILE))
            synth.run(conn, n, 2_200, seed=1)
            search.refresh(conn)
        # Statistics now, committed (autovacuum would get there, but later).
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("ANALYZE"))
    return time.perf_counter() - start
