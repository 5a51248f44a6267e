"""Loading the national commune file: our loader vs ``ogr2ogr`` (COPY mode) into PostGIS.

Both read the same gzipped GeoJSON into the same database. ogr2ogr only copies features
into a new table with a GiST index; our loader also reads the COG, remaps 493 old codes,
unions merged communes, repairs polygons, computes points on surface and merges
régions, départements, aliases and EPCI, in one transaction. Each of our runs is a first
load (tables emptied before), like ogr2ogr's into a new table.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import sqlalchemy as sa

from bench.harness import Figure, timed
from loaders import pipeline, reference, sources
from loaders.progress import Progress

EMPTY = sa.text("TRUNCATE epci_member, epci, commune_alias, commune, departement, region "
                "CASCADE")


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
    if ogr2ogr is None:
        first.note = "ogr2ogr missing (Debian package gdal-bin): no reference run"
    else:
        cmd = [ogr2ogr, "-f", "PostgreSQL", _pg_connection_string(engine.url),
               f"/vsigzip/{path}", "-nln", "bench_ogr_communes", "-overwrite",
               "-nlt", "PROMOTE_TO_MULTI", "-lco", "GEOMETRY_NAME=geom",
               "-lco", "SPATIAL_INDEX=GIST", "--config", "PG_USE_COPY", "YES"]
        env = {**os.environ, "PG_USE_COPY": "YES"}
        first.reference_runs = timed(lambda: subprocess.run(cmd, check=True, env=env),
                                     repeat)
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS bench_ogr_communes"))

    resolver = sources.Resolver(geodata, cache, offline=True)
    quiet = Progress(quiet=True)

    def ours():
        with pipeline.transaction(engine) as w:
            w.conn.execute(EMPTY)
            w.changes.everything = True
        reference.run(engine, resolver, reference.Inputs(), quiet)

    first.runs = timed(ours, repeat)
    rerun.runs = timed(lambda: reference.run(engine, resolver, reference.Inputs(), quiet),
                       repeat)
    return [first, rerun]
