""""Le label en chiffres" uncached (issue 23): ``/chiffres`` through the WSGI app
(Flask's test client: validation, every figure's SQL, the région outlines, the SVG
charts, the template; no network) with 100,000 synthetic initiatives and the synthetic
label awards (about 2,200 communes over runs of editions), every cache emptied before
each request; beside it the figures' SQL alone (``figures.compute``).

A fixed mix of filter sets: none, a région, a département, a domain, a source, two
editions compared, and a combination.

``python -m bench`` runs it on api_latency's data; ``python -m bench.label_figures``
runs it alone on the database of ATLAS_DATABASE_URL, which must hold the reference:
point it at a scratch database, since it loads the synthetic records there when they
are missing.
"""

from __future__ import annotations

import os
import sys
import time

from atlas import db
from atlas.config import Config
from atlas.filters import Filters
from atlas.queries import figures
from bench import data
from bench.harness import Figure

QUERIES = ["", "region=11", "region=84", "departement=69", "domain=mediation",
           "source=synthetic", "edition_from=2015&edition_to=2020",
           "region=75&domain=education&edition_from=2018&edition_to=2024"]


def _filters(query: str) -> tuple[Filters, figures.Editions]:
    args: dict[str, list[str]] = {}
    for pair in filter(None, query.split("&")):
        k, v = pair.split("=")
        args.setdefault(k, []).append(v)
    kept = {k: tuple(v) for k, v in args.items() if k in figures.APPLICABLE}
    return Filters(**kept), figures.parse_editions(args)


def run(engine, config: Config, n: int = 100_000, repeat: int = 3) -> list[Figure]:
    from atlas.web import create_app

    setup = data.ensure_synthetic(engine, n)
    client = create_app(config).test_client()
    for query in QUERIES:  # warm-up: imports, templates, plans of a fresh process
        client.get(f"/chiffres?{query}")
    page, slowest = [], (0.0, "")
    for _ in range(repeat):
        for query in QUERIES:
            figures.clear_cache()  # uncached: every figure and outline computed again
            start = time.perf_counter()
            r = client.get(f"/chiffres?{query}")
            elapsed = time.perf_counter() - start
            if r.status_code != 200:
                raise RuntimeError(f"{query}: {r.status_code} {r.get_data()[:200]!r}")
            page.append(elapsed)
            slowest = max(slowest, (elapsed, query))
    raw = []
    with engine.connect() as conn:
        for _ in range(repeat):
            for query in QUERIES:
                f, chosen = _filters(query)
                start = time.perf_counter()
                figures.compute(conn, f, chosen)
                raw.append(time.perf_counter() - start)
    return [Figure(
        f"/chiffres uncached; {n:,} initiatives + synthetic awards, {len(QUERIES)} filter "
        f"sets × {repeat}", "p95 < 200 ms (issue 23)", runs=page, unit="ms",
        reference="figures SQL alone", reference_runs=raw,
        note=f"slowest: `?{slowest[1]}`; load average {os.getloadavg()[0]:.1f} at the end "
             f"(other work on the machine slows every query); synthetic data set up in "
             f"{setup:.0f} s")]


def main() -> int:
    config = Config.from_env()
    engine = db.engine(config)
    figure = run(engine, config)[0]
    engine.dispose()
    print(" | ".join(figure.cells()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
