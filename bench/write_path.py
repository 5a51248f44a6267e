"""The write path (``loaders.pipeline``): a write costs what it changes, not the size of
the database.

- one press release, loaded as a user does (``python -m atlas load press FILE``, a fresh
  process each run), into a database holding ``n`` synthetic initiatives, against the
  same command's ``--dry-run`` there (target: ratio ≤ 1.3) and against the same load into
  a database holding no initiative (target: ratio ≤ 1.3). Each run is a first load of the
  release: its records are removed (through the pipeline) before;
- one record written through ``pipeline.put_initiative`` until ``/api/initiatives``
  shows it (target < 1 s), with a geocoder built beforehand, as a long-lived web process
  holds one;
- ``python -m atlas rebuild`` timed (the full rebuild of the derived rows, for repair).

The press release is synthetic (written here for the benchmark, saying so), about a real
commune: one award and six initiatives.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from atlas.config import PROJECT_ROOT, Config
from bench import data
from bench.harness import Figure, timed
from loaders import pipeline

RELEASE = """Communiqué synthétique, écrit pour les mesures de performance : ce n'est pas un \
vrai communiqué.

Le 4 février 2020, la Ville de Villejuif (Val-de-Marne) a obtenu 4@ au label Villes \
Internet 2020.

Parmi les actions récompensées :
- un atelier de médiation numérique pour les seniors.
- la prise de rendez-vous en ligne pour l'état civil.
- des tablettes numériques dans les écoles élémentaires.
- un budget participatif avec vote en ligne.
- un espace public numérique à la médiathèque.
- la retransmission en direct du conseil municipal.
"""
SOURCE = "bench-communique.txt"


def _forget_release(engine) -> None:
    """Remove what the release loaded, through the write path, so the next run is a
    first load again."""
    with pipeline.transaction(engine) as w:
        w.changes.initiatives |= set(w.conn.scalars(sa.text(
            "DELETE FROM initiative WHERE source = :s RETURNING id"), {"s": SOURCE}))
        w.changes.holders |= set(w.conn.scalars(sa.text(
            "DELETE FROM label_award WHERE source = :s "
            "RETURNING coalesce(commune_insee, epci_siren)"), {"s": SOURCE}))


def _press(config: Config, path: Path, *extra: str) -> None:
    env = {**os.environ, "ATLAS_DATABASE_URL": config.database_url}
    done = subprocess.run([sys.executable, "-m", "atlas", "load", "press", str(path),
                           "--rejects", str(path.with_suffix(".rejects.csv")), *extra],
                          env=env, cwd=PROJECT_ROOT, capture_output=True, text=True)
    if done.returncode != 0 or "awards: 1 read, 1 loaded" not in done.stdout + done.stderr:
        # Every run is a first load of the release, the dry run's too.
        raise RuntimeError(f"load press: {done.returncode} {done.stdout[-300:]} "
                           f"{done.stderr[-300:]}")


def _loads(engine, config: Config, path: Path, repeat: int, *extra: str) -> list[float]:
    out = []
    for _ in range(repeat):
        _forget_release(engine)
        out += timed(lambda: _press(config, path, *extra), 1)
    return out


def _visible(engine, config: Config, repeat: int) -> tuple[list[float], float]:
    from atlas.web import create_app
    from loaders.geocoder import Geocoder

    client = create_app(config).test_client()
    start = time.perf_counter()
    with engine.connect() as conn:
        geocoder = Geocoder.from_db(conn)
    build = time.perf_counter() - start
    runs = []
    for i in range(repeat + 1):  # the first is a warm-up (imports, plans)
        title = f"Café numérique synthétique numéro {i}"
        row = {"id": "bench-one", "title": title, "insee": "94076", "year": "2024",
               "domains": "médiation"}
        start = time.perf_counter()
        pipeline.put_initiative(engine, row, "bench-console", geocoder=geocoder)
        while True:
            got = client.get("/api/initiatives?source=bench-console").json
            if [f["properties"]["title"] for f in got["features"]] == [title]:
                break
        runs.append(time.perf_counter() - start)
    pipeline.delete_initiative(engine, "bench-console", "bench-one")
    return runs[1:], build


def run(engine, config: Config, n: int = 100_000, repeat: int = 5) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / SOURCE
        path.write_text(RELEASE, encoding="utf-8")
        data.ensure_domains(engine)
        data.remove_synthetic(engine)
        empty = _loads(engine, config, path, repeat)
        setup = data.ensure_synthetic(engine, n)
        full = _loads(engine, config, path, repeat)
        dry = _loads(engine, config, path, repeat, "--dry-run")
    visible, build = _visible(engine, config, repeat)
    start = time.perf_counter()
    derived = pipeline.rebuild(engine)
    rebuild = time.perf_counter() - start
    where = f"{n:,} initiatives in the database"
    return [
        Figure(f"load press, one release (1 award, 6 initiatives), {where}, vs its dry run",
               "ratio ≤ 1.3 (issue 18)", runs=full, reference="--dry-run, same database",
               reference_runs=dry, note="a fresh `python -m atlas` process per run, as a "
               f"user runs it; each run a first load of the release; data set up in "
               f"{setup:.0f} s"),
        Figure(f"load press, the same release, {where}, vs into a database without "
               "initiatives", "ratio ≤ 1.3 (issue 18)", runs=full,
               reference="no initiative in the database", reference_runs=empty,
               note="the write costs what it changes: derived rows synced for the "
                    "release's records only"),
        Figure(f"one record through the pipeline visible in /api/initiatives, {where}",
               "< 1 s (issue 18)", runs=visible, unit="ms",
               note=f"put_initiative then GET until it answers; geocoder built once "
                    f"beforehand in {build:.2f} s, as a web process holds it"),
        Figure(f"python -m atlas rebuild (search rows and tile outlines), {where}",
               "timed (issue 18)", runs=[rebuild],
               note=f"{derived.search_rows:,} search rows, {derived.shape_rows:,} outlines; "
                    "for repair only: writes keep them in step"),
    ]


def main() -> int:
    from atlas import db
    from bench.harness import write
    from loaders import reference, sources
    from loaders.progress import Progress

    config = Config.from_env()
    with data.scratch_database(config, "atlas_bench_write") as bench_config:
        engine = db.engine(bench_config)
        reference.run(engine, sources.Resolver(config.require_geodata(), config.cache_dir,
                                               offline=True),
                      reference.Inputs(), Progress(quiet=True))
        figures = run(engine, bench_config)
        engine.dispose()
    print(write(figures, Path(tempfile.gettempdir()) / "write-path-bench.md"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
