"""Latency of nearby peers (issue 10): ``/api/communes/<insee>/peers`` on the full commune
layer with 100,000 synthetic initiatives, through the WSGI app (Flask's test client:
routing, validation, ETag, SQL, JSON, no network), beside the peers SQL alone.

A fixed mix: 20 communes (cities, small towns, rural chefs-lieux, Corsica, La Réunion)
× 6 parameter sets, from the default 30 km to 200 km with every filter, each requested
several times without ``If-None-Match`` (every request runs its queries).

``python -m bench`` runs it after ``api_latency`` (which loads the synthetic records);
``python -m bench.peers`` runs it alone on the database of ATLAS_DATABASE_URL, which must
hold the reference: point it at a scratch database, since it loads the synthetic records
there when they are missing (``atlas synth`` replaces any earlier synthetic set).
"""

from __future__ import annotations

import sys
import time


from atlas import db, filters
from atlas.config import Config
from atlas.queries import peers
from bench import data
from bench.harness import Figure

COMMUNES = ["75056", "13055", "69123", "31555", "44109", "33063", "59350", "67482",
            "35238", "94076", "23096", "48095", "2A004", "97411", "05061", "74010",
            "29019", "64445", "15014", "87085"]
PARAMETER_SETS = [
    "", "domain=mediation", "population=similar", "min_level=3&radius_km=50",
    "domain=education,services-publics&population=similar&radius_km=100",
    # The widest: 200 km, and filters that few communes pass, so the KNN scan goes far.
    "domain=mediation&min_level=4&population=similar&radius_km=200&limit=50",
]
MIX = [(code, query) for code in COMMUNES for query in PARAMETER_SETS]


def _args(query: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for pair in filter(None, query.split("&")):
        k, v = pair.split("=")
        out.setdefault(k, []).append(v)
    return out


def run(engine, config: Config, n: int = 100_000, repeat: int = 3) -> list[Figure]:
    from atlas.web import create_app

    setup = data.ensure_synthetic(engine, n)
    client = create_app(config).test_client()
    urls = [f"/api/communes/{code}/peers?{query}" for code, query in MIX]
    for url in urls:  # warm-up: imports, plans, caches of a fresh process
        client.get(url)
    http, slowest = [], (0.0, "")
    for url in urls:
        for _ in range(repeat):
            start = time.perf_counter()
            r = client.get(url)
            elapsed = time.perf_counter() - start
            if r.status_code != 200:
                raise RuntimeError(f"{url}: {r.status_code} {r.get_data()[:200]!r}")
            http.append(elapsed)
            slowest = max(slowest, (elapsed, url))
    # The peers statement alone (the commune already resolved), on one connection.
    raw = []
    with engine.connect() as conn:
        for code, query in MIX:
            q = filters.parse_peers(_args(query))
            ref = peers.reference(conn, code)
            stmt, params = peers.statement(q), peers.params(q, ref)
            conn.execute(stmt, params).all()
            for _ in range(repeat):
                start = time.perf_counter()
                conn.execute(stmt, params).all()
                raw.append(time.perf_counter() - start)
    return [Figure(
        f"peers query /api/communes/<insee>/peers; {n:,} initiatives, {len(COMMUNES)} "
        f"communes × {len(PARAMETER_SETS)} parameter sets × {repeat}",
        "p95 < 30 ms (issue 10)", runs=http, unit="ms", reference="peers SQL alone",
        reference_runs=raw,
        note=f"slowest: `{slowest[1]}`; synthetic data set up in {setup:.0f} s")]


def main() -> int:
    config = Config.from_env()
    engine = db.engine(config)
    figure = run(engine, config)[0]
    engine.dispose()
    print(" | ".join(figure.cells()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
