"""Loading the national commune file: our loader vs ``ogr2ogr`` (COPY mode) into PostGIS.

Both read the same gzipped GeoJSON into the same database. ogr2ogr only copies features
into a new table with a GiST index; our loader also reads the COG, remaps 493 old codes,
unions merged communes, repairs polygons, computes points on surface and merges
régions, départements, aliases, EPCI and postal localities, builds the tile outlines
of every commune (``tile_shape``) and commits, in one transaction. Each of our runs is
a first load (tables emptied before, untimed), like ogr2ogr's into a new table.

The figure's details list the median time of each phase of our load, as the loader
announces them. The commune file is parsed (one pass, ``loaders.boundaries``), reconciled
and encoded by a child process (``loaders.commune_worker``) while the loading process
reads the COG and the outlines, copies and indexes the small tables, and reads the postal
localities in a thread; "reading commune boundaries..." is what is still left to wait
for. Then the communes' COPY, their indexes and foreign keys restored once, and the
commit run one after the other on the server, while the child computes the tile outlines
and commits them into a twin of ``tile_shape``; "keeping the derived data in step" is
the wait for that twin and its swap. The load runs with Python's cyclic garbage collector
paused (``atlas.bulk.gc_paused``), and its empty tables are truncated first, which the
bench's cluster (``wal_level = minimal``, scripts/pg.sh) fills without WAL; ogr2ogr's
runs are timed on the same server.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import time
from collections import defaultdict

import sqlalchemy as sa

from bench.harness import Figure, timed
from loaders import pipeline, reference, sources
from loaders.progress import Progress

EMPTY = sa.text("TRUNCATE epci_member, epci, commune_alias, commune, departement, region "
                "CASCADE")


class _Phases(Progress):
    """A silent progress that keeps each step's time: the loader's phases. Steps run
    while the commune file is parsed in a child process; "reading commune boundaries"
    is only what the load still waits for after its other steps."""

    def __init__(self):
        super().__init__(quiet=True)
        self.times: dict[str, list[float]] = defaultdict(list)

    @contextlib.contextmanager
    def step(self, label):
        start = time.perf_counter()
        yield
        self.times[label].append(time.perf_counter() - start)

    def table(self) -> str:
        rows = [f"| {label} | {statistics.median(t):.2f} s |"
                for label, t in self.times.items()]
        return "\n".join(["| phase of our first load | median |", "|---|---|", *rows])


def _pg_connection_string(url: sa.engine.URL) -> str:
    parts = [f"dbname={url.database}", f"host={url.host or '127.0.0.1'}",
             f"port={url.port or 5432}", f"user={url.username or 'postgres'}"]
    if url.password:
        parts.append(f"password={url.password}")
    return "PG:" + " ".join(parts)


def run(engine: sa.Engine, geodata, cache, repeat: int = 3) -> list[Figure]:
    path = geodata / reference.DEFAULT_BOUNDARIES
    first = Figure("load reference, national commune file (first load)", "ratio ≤ 1.2",
                   reference="ogr2ogr")
    rerun = Figure("load reference again (nothing changed)", "—",
                   note="idempotent re-run: reads everything, writes nothing")
    ogr2ogr = shutil.which("ogr2ogr")
    cmd = [ogr2ogr, "-f", "PostgreSQL", _pg_connection_string(engine.url),
           f"/vsigzip/{path}", "-nln", "bench_ogr_communes", "-overwrite",
           "-nlt", "PROMOTE_TO_MULTI", "-lco", "GEOMETRY_NAME=geom",
           "-lco", "SPATIAL_INDEX=GIST", "--config", "PG_USE_COPY", "YES"]
    env = {**os.environ, "PG_USE_COPY": "YES"}
    if ogr2ogr is None:
        first.note = "ogr2ogr missing (Debian package gdal-bin): no reference run"

    resolver = sources.Resolver(geodata, cache, offline=True)
    quiet = Progress(quiet=True)

    def empty():
        with pipeline.transaction(engine) as w:
            w.conn.execute(EMPTY)
            w.changes.everything = True

    # Runs alternate (ogr2ogr, ours, ogr2ogr, ours...): on a shared machine both meet
    # the same load. Emptying the tables is the set-up of a first load, not timed
    # (ogr2ogr's run starts from no table too).
    phases = _Phases()
    for _ in range(repeat):
        if ogr2ogr is not None:
            first.reference_runs += timed(
                lambda: subprocess.run(cmd, check=True, env=env), 1)
            with engine.begin() as conn:
                conn.execute(sa.text("DROP TABLE IF EXISTS bench_ogr_communes"))
        empty()
        first.runs += timed(lambda: reference.run(engine, resolver, reference.Inputs(),
                                                  phases), 1)
    first.details = phases.table()
    rerun.runs = timed(lambda: reference.run(engine, resolver, reference.Inputs(), quiet),
                       repeat)
    return [first, rerun]
