"""GeoJSON export of 100,000 initiatives: our wall time through the WSGI app (Flask's test
client consuming the whole stream of ``/export/initiatives.geojson``) divided by
``ogr2ogr -f GeoJSON`` reading the same PostGIS query (the export's own SELECT, compiled)
and writing the same contract (RFC 7946, 6 decimals) to /vsistdout/, in the same run.

Both sessions run with JIT off, as the export does (``atlas.exports.stream``): the
planner would otherwise JIT-compile this query for a few hundred milliseconds in
ogr2ogr's session only. Runs on the benchmarks' synthetic records (``bench.data``).
"""

from __future__ import annotations

import os
import shutil
import subprocess

import sqlalchemy as sa

from atlas import filters
from atlas.config import Config
from atlas.exports import layers
from bench import data
from bench.harness import Figure, timed

QUERY = "source=synthetic"  # exactly the synthetic records, whatever else is loaded


def _ogr_source(url: sa.engine.URL) -> str:
    parts = {"host": url.host, "port": url.port, "dbname": url.database,
             "user": url.username, "password": url.password}
    return "PG:" + " ".join(f"{k}={v}" for k, v in parts.items() if v)


def _reference_sql(engine) -> str:
    f = filters.parse({"source": ["synthetic"]})
    t = layers.statement("initiatives", f).subquery("t")
    # The bare geometry column: ogr2ogr reads PostGIS geometry itself.
    q = sa.select(*[t.c[field.name] for field in layers.INITIATIVES],
                  sa.literal_column("t.geom"))
    return str(q.compile(engine, compile_kwargs={"literal_binds": True}))


def run(engine, config: Config, n: int = 100_000, repeat: int = 5) -> list[Figure]:
    from atlas.web import create_app

    name = f"GeoJSON export of {n:,} initiatives vs ogr2ogr"
    target = "ratio ≤ 1.5 (issue 11)"
    if shutil.which("ogr2ogr") is None:
        return [Figure(name, target, note="ogr2ogr missing: `make gdal`")]
    setup = data.ensure_synthetic(engine, n)
    client = create_app(config).test_client()
    sizes = {}

    def ours(fmt: str = "geojson") -> None:
        r = client.get(f"/export/initiatives.{fmt}?{QUERY}")
        if r.status_code != 200:
            raise RuntimeError(f"export: {r.status_code} {r.get_data()[:200]!r}")
        sizes[fmt] = sum(len(chunk) for chunk in r.response)
        r.close()

    command = ["ogr2ogr", "-f", "GeoJSON", "/vsistdout/", _ogr_source(engine.url),
               "-sql", _reference_sql(engine), "-nln", "initiatives",
               "-lco", "RFC7946=YES", "-lco", "COORDINATE_PRECISION=6"]
    env = {**os.environ, "PGOPTIONS": "-c jit=off"}

    def reference() -> None:
        done = subprocess.run(command, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"ogr2ogr: {done.stderr.decode()[-300:]}")
        sizes["ogr2ogr"] = len(done.stdout)

    ours(), reference()  # warm-up: imports, plans, the view's pages in cache
    runs, reference_runs = [], []
    for _ in range(repeat):  # interleaved: both see the same machine load
        runs += timed(ours, 1)
        reference_runs += timed(reference, 1)
    csv_runs = timed(lambda: ours("csv"), repeat)
    csv_median = sorted(csv_runs)[len(csv_runs) // 2]
    return [Figure(
        name, target, runs=runs, reference="ogr2ogr", reference_runs=reference_runs,
        note=f"through the WSGI app, stream consumed; {sizes['geojson'] / 1e6:.0f} MB "
             f"(ogr2ogr {sizes['ogr2ogr'] / 1e6:.0f} MB); CSV of the same: "
             f"{csv_median:.2f} s median, {sizes['csv'] / 1e6:.0f} MB; "
             f"data set up in {setup:.0f} s")]
