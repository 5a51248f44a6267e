"""Loading the national lists of ``geodata/sources/`` (France Services, structures of
conseillers numériques): about 4,300 rows, each geocoded and cross-checked (code, name,
postcode, point), in one transaction per list.

Each timed run is what ``python -m atlas load source --all`` does after its start-up:
build the geocoder's index from the database, then read, check and merge every list. The
first-load figure empties the lists' records before each run (not timed); the re-load
figure runs on loaded data, where nothing changes.
"""

from __future__ import annotations

import time

import sqlalchemy as sa

from bench.harness import Figure
from loaders import domains, mapping, pipeline
from loaders.geocoder import Geocoder

EMPTY = sa.text("TRUNCATE initiative, initiative_domain, source CASCADE")


def run(engine: sa.Engine, datasets, repeat: int = 3) -> list[Figure]:
    first = Figure("loading France Services + conseillers numériques (first load)",
                   "< 5 s (issue 13)")
    again = Figure("loading them again (nothing changed)", "—")
    if datasets is None:
        first.note = again.note = "ATLAS_DATASETS not set: the national lists are missing"
        return [first, again]
    mappings = [mapping.read(p) for p in mapping.every()]
    with pipeline.transaction(engine) as w:
        domains.merge(w.conn, domains.read(), w.changes)

    def load_all() -> tuple[float, list]:
        start = time.perf_counter()
        with engine.connect() as conn:
            geocoder = Geocoder.from_db(conn)
        outcomes = [mapping.load(engine, m, datasets, geocoder=geocoder) for m in mappings]
        return time.perf_counter() - start, outcomes

    for _ in range(repeat):
        with pipeline.transaction(engine) as w:
            w.conn.execute(EMPTY)
            w.changes.every_initiative = True
        seconds, outcomes = load_all()
        first.runs.append(seconds)
    for _ in range(repeat):
        seconds, _ = load_all()
        again.runs.append(seconds)
    rows = sum(o.report.read for o in outcomes)
    kept = sum(o.report.inserted + o.report.unchanged + o.report.updated for o in outcomes)
    first.note = f"{rows:,} rows ({', '.join(m.name for m in mappings)}), {kept:,} " \
                 "loaded, the rest rejected with a reason; geocoder index built in each run"
    again.note = "idempotent re-run: reads and checks everything, writes nothing"
    return [first, again]
