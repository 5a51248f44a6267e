"""Latency of ``/api/initiatives`` and ``/api/stats`` with 100,000 synthetic initiatives,
through the WSGI app (Flask's test client: routing, validation, SQL, JSON, no network).

A fixed mix of filter sets, each requested several times; no ``If-None-Match`` is sent,
so every request runs its queries (the ETag shortcut is not measured here).

``/api/stats`` computed: the answer cache is emptied before each request, so each one
counts; the process's columnar copy of the facet columns (``atlas.queries.facets``) is
kept, as in production between two writes. The first request after a write, which
reads that copy again, is timed too (a data version bump, then a filtered request),
and written beside the figure.
"""

from __future__ import annotations

import statistics
import time

from atlas import search
from atlas.config import Config
from atlas.queries import stats
from bench import data
from bench.harness import Figure

MIX = [
    "", "domain=education", "domain=mediation,services-publics", "level=4,5",
    "level=5&region=11", "region=84&year_min=2020", "departement=2A",
    "departement=13,83,84&domain=culture-patrimoine", "commune=75056", "commune=94076",
    "q=tablettes%20%C3%A9cole", "q=rendez-vous", "q=budget%20participatif&level=3,4,5",
    "bbox=2.2,48.8,2.5,48.95", "bbox=-1.8,47.1,-1.4,47.3&domain=education",
    "year_min=2000&year_max=2010", "label_year=2020&level=5", "source=synthetic&level=1",
    "domain=education&level=4,5&year_min=2015&region=11",
    "bbox=4.7,45.6,5.0,45.9&q=numerique",
]


def _timed(client, url: str, repeat: int, cold: bool = False) -> list[float]:
    out = []
    for _ in range(repeat):
        if cold:
            stats.clear_cache()
        start = time.perf_counter()
        r = client.get(url)
        out.append(time.perf_counter() - start)
        if r.status_code != 200:
            raise RuntimeError(f"{url}: {r.status_code} {r.get_data()[:200]!r}")
    return out


def _after_write(engine, client, repeat: int) -> list[float]:
    """A filtered ``/api/stats`` right after a write (the version bumped): the columnar
    copy is read again."""
    out = []
    for _ in range(repeat):
        with engine.begin() as conn:
            search.bump(conn)
        out += _timed(client, "/api/stats?label_year=2020&level=5", 1, cold=True)
    return out


def run(engine, config: Config, n: int = 100_000, repeat: int = 5) -> list[Figure]:
    from atlas.web import create_app

    setup = data.ensure_synthetic(engine, n)
    client = create_app(config).test_client()
    figures = []
    for path, name, cold in (
            ("/api/initiatives", "/api/initiatives (100 features)", False),
            ("/api/stats", "/api/stats (6 facets), computed: cache emptied before each", True),
            ("/api/stats", "/api/stats (6 facets), as served: repeats hit the cache", False)):
        # One warm-up pass: the first request of a process pays for imports and plans.
        for query in MIX:
            client.get(f"{path}?{query}")
        runs = [t for query in MIX for t in _timed(client, f"{path}?{query}", repeat, cold)]
        slowest = max(MIX, key=lambda q: min(_timed(client, f"{path}?{q}", 1, cold)))
        after = ""
        if cold:
            first = _after_write(engine, client, repeat)
            after = (f"; the first request after a write (columnar copy read again): "
                     f"median {statistics.median(first) * 1000:.0f} ms, "
                     f"max {max(first) * 1000:.0f} ms")
        figures.append(Figure(
            f"{name}; {n:,} initiatives, {len(MIX)} filter sets × {repeat}",
            "p95 < 50 ms (issues 8, 26)" if cold else "p95 < 50 ms (issue 8)", runs=runs,
            unit="ms", note=f"slowest filter set: `{slowest or '(none)'}`{after}; data set "
                            f"up in {setup:.0f} s"))
    return figures
