"""Vector tiles with 100,000 synthetic initiatives on the real reference: a fixed set of
200 tiles z5–z12 over metropolitan France, all four layers (communes from z7).

- uncached: over HTTP as a browser fetches them, from ``python -m atlas serve``'s
  gunicorn command (``atlas.serving``: threaded workers) on one kept-alive connection,
  the disk cache off, against the raw SQL of the same tiles (the same statement on a
  held connection), interleaved tile by tile in the same run: target ratio ≤ 1.25 at
  median and p95 (issue 26; issue 12 measured through Flask's test client);
- cached: the same tiles served from the disk cache (test client): target p95 < 5 ms.

No ``Accept-Encoding`` is sent (gzip is the client's choice, not the tile's cost) and no
``If-None-Match`` (the 304 shortcut is not measured).

Alone: ``python -m bench.tiles`` (a scratch database on ATLAS_DATABASE_URL's server,
loaded with the reference and the synthetic records, dropped at the end).
"""

from __future__ import annotations

import http.client
import os
import random
import socket
import statistics
import subprocess
import tempfile
import time

from atlas import serving
from atlas.config import PROJECT_ROOT, Config
from bench import data
from bench.harness import Figure
from tiles import layers, mvt
from tiles.serve import _tile_range

METRO = (-5.0, 42.4, 8.2, 51.0)  # lon/lat box of metropolitan France, Corsica included


def tile_set(n: int = 200, seed: int = 12) -> list[tuple[str, int, int, int]]:
    """``n`` tiles (layer, z, x, y), 25 per zoom 5..12, fixed by ``seed``."""
    rng = random.Random(seed)
    out = []
    per_zoom = n // 8
    for z in range(5, 13):
        candidates = list(_tile_range(z, *METRO))
        names = [l.name for l in layers.LAYERS.values() if l.minzoom <= z]
        for i in range(per_zoom):
            x, y = rng.choice(candidates)
            out.append((names[i % len(names)], z, x, y))
    return out


def _server(config: Config, app: str = "app:app") -> tuple[subprocess.Popen, int]:
    """gunicorn as ``python -m atlas serve`` runs it, the tile cache off."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ATLAS_DATABASE_URL": config.database_url,
           "ATLAS_WEB_DATABASE_URL": config.web_database_url, "ATLAS_TILE_CACHE": "off"}
    proc = subprocess.Popen(serving.argv(f"127.0.0.1:{port}", access_log=False, app=app),
                            cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("gunicorn did not start")


class _KeptAlive:
    """GET over one HTTP/1.1 connection, as a browser fetching a map's tiles."""

    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, url: str) -> tuple[int, bytes]:
        self.conn.request("GET", url)
        r = self.conn.getresponse()
        body = r.read()
        if (r.getheader("Connection") or "").lower() == "close":
            raise RuntimeError("the server closed the connection: no keep-alive")
        return r.status, body


def run(engine, config: Config, n: int = 100_000, rounds: int = 3, n_tiles: int = 200
        ) -> list[Figure]:
    from atlas.web import create_app

    setup = data.ensure_synthetic(engine, n)
    tiles = tile_set(n_tiles)
    server, port = _server(config)
    floor_server, floor_port = _server(config, "bench.floor:app")
    try:
        return _measure(engine, config, create_app, _KeptAlive(port), tiles, n, rounds,
                        setup, _KeptAlive(floor_port))
    finally:
        for proc in (server, floor_server):
            proc.terminate()
            proc.wait(15)


def _measure(engine, config, create_app, uncached, tiles, n, rounds, setup, floor):
    with tempfile.TemporaryDirectory() as folder:
        cached = create_app(Config.from_env(database_url=config.database_url,
                                            tile_cache=folder)).test_client()
        app_runs, sql_runs, cached_runs, sizes, floor_runs = [], [], [], [], []
        with engine.connect() as conn:
            mvt.begin(conn)
            # Warm-up pass: plans, imports, buffers; it also fills the disk cache.
            for name, z, x, y in tiles:
                cached.get(f"/tiles/{name}/{z}/{x}/{y}.pbf")
                uncached.get(f"/tiles/{name}/{z}/{x}/{y}.pbf")
                mvt.render(conn, layers.get(name), z, x, y)
            for _ in range(rounds):
                for name, z, x, y in tiles:
                    layer, url = layers.get(name), f"/tiles/{name}/{z}/{x}/{y}.pbf"
                    start = time.perf_counter()
                    tile = mvt.render(conn, layer, z, x, y)
                    sql_runs.append(time.perf_counter() - start)
                    start = time.perf_counter()
                    status, body = uncached.get(url)
                    app_runs.append(time.perf_counter() - start)
                    # Without ORDER BY, features (and so key indexes) may come in another
                    # order: the same tile may differ by a few bytes.
                    if (status not in (200, 204)
                            or abs(len(body) - len(tile)) > 16 + len(tile) // 100):
                        raise RuntimeError(f"{url}: {status}, not the SQL's tile")
                    sizes.append(len(tile))
                    start = time.perf_counter()
                    cached.get(url)
                    cached_runs.append(time.perf_counter() - start)
                    start = time.perf_counter()
                    floor.get(url)
                    floor_runs.append(time.perf_counter() - start)
            conn.rollback()
    # Where the ratio comes from: a fixed cost per request (HTTP and gunicorn's worker,
    # whose floor is an empty WSGI app's round trip; the lean tile path, pool checkout;
    # the tile's statement, the same as the reference's, also reads the data version),
    # told apart from SQL.
    overhead = statistics.median(a - r for a, r in zip(app_runs, sql_runs))
    floor_ms = statistics.median(floor_runs) * 1000
    heavy = [(a, r) for a, r in zip(app_runs, sql_runs) if r >= 0.010]
    heavy_note = ""
    if heavy:
        ha, hr = [a for a, _ in heavy], [r for _, r in heavy]
        heavy_note = (f"; on the {len(heavy)} runs whose SQL takes ≥ 10 ms: ratio "
                      f"{statistics.median(ha) / statistics.median(hr):.2f} (p95 "
                      f"{Figure._p95(ha) / Figure._p95(hr):.2f})")
    note = (f"fixed cost per request {overhead * 1000:.2f} ms (median), of which HTTP "
            f"and gunicorn alone (an empty WSGI app, `bench/floor.py`) {floor_ms:.2f} ms"
            f"{heavy_note}; "
            f"{len(tiles)} tiles × {rounds}, 4 layers, median tile "
            f"{statistics.median(sizes) / 1000:.0f} KB, largest {max(sizes) / 1000:.0f} KB; "
            f"{n:,} initiatives" + (f", set up in {setup:.0f} s" if setup else ""))
    return [
        Figure("vector tiles, 200 tiles z5–z12, uncached, over HTTP (gunicorn gthread, "
               "one kept-alive connection)", "ratio ≤ 1.25 at median and p95 (issues 12, "
               "26)", runs=app_runs, reference="raw SQL",
               reference_runs=sql_runs, unit="ms", note=note),
        Figure("vector tiles, same tiles, from the disk cache", "p95 < 5 ms (issue 12)",
               runs=cached_runs, unit="ms", note="through the app, no gzip"),
    ]


def main() -> int:
    from pathlib import Path

    from atlas import db
    from bench.harness import write
    from loaders import reference, sources
    from loaders.progress import Progress

    config = Config.from_env()
    with data.scratch_database(config, "atlas_bench_tiles") as bench_config:
        engine = db.engine(bench_config)
        reference.run(engine, sources.Resolver(config.require_geodata(), config.cache_dir,
                                               offline=True),
                      reference.Inputs(), Progress(quiet=True))
        figures = run(engine, bench_config)
        engine.dispose()
    print(write(figures, Path(tempfile.gettempdir()) / "tiles-bench.md"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
