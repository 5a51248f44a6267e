"""``python -m bench``: run every benchmark the issues name, write bench/RESULTS.md.

Runs in a scratch database created on the server of ATLAS_DATABASE_URL and dropped at
the end. A figure whose piece is not built yet is listed as such, never left out.

``python -m bench --quick`` runs every benchmark once through the same code with tiny
sizes and writes no figure: ``make test`` runs it (``tests/test_bench.py``), so a broken
benchmark fails CI instead of the next ``make bench``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from atlas import db
from atlas.config import Config
from atlas.errors import InputError
from bench import (api_latency, contributions, data, exports, geocoding, label_figures, map_browser,
                   ogc, peers, press_corpus, reference_load, source_load, tiles,
                   write_path)
from bench.harness import Figure, write
from loaders import sources
from loaders.geocoder import postal

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"

# Figures of pieces not built yet, listed so that RESULTS.md says so (none at present).
NOT_BUILT: list[Figure] = []


def main(argv: list[str] | None = None) -> int:
    quick = "--quick" in (sys.argv[1:] if argv is None else argv)
    # Initiatives in the database, runs per figure; quick: the same paths, tiny sizes.
    n, repeat = (2_000, 1) if quick else (100_000, None)
    again = {"repeat": repeat} if quick else {}
    config = Config.from_env()
    geodata = config.require_geodata()
    with data.scratch_database(config) as bench_config:
        engine = db.engine(bench_config)
        # The postal localities file is fetched (once, into the cache) before the
        # offline reference loads; without it the geocoding figures say "0 postal
        # localities".
        try:
            sources.Resolver(geodata, config.cache_dir).path(postal.LOCALITIES_FILE)
        except InputError as e:
            print(f"postal localities unavailable: {e}", file=sys.stderr)
        figures = reference_load.run(engine, geodata, config.cache_dir, **again)
        figures += geocoding.run(engine, geodata, config.datasets, n=n, **again)
        figures += source_load.run(engine, config.datasets, **again)
        # Before the synthetic records: it measures a load into a database without any.
        figures += write_path.run(engine, bench_config, n, **again)
        figures += contributions.run(engine, bench_config, n, **again)
        figures += api_latency.run(engine, bench_config, n, **again)
        figures += map_browser.run(bench_config, n,  # on api_latency's data
                                   **({"runs": 1} if quick else {}))
        figures += peers.run(engine, bench_config, n, **again)  # on the synthetic records
        figures += label_figures.run(engine, bench_config, n, **again)  # same, with awards
        figures += exports.run(engine, bench_config, n, **again)
        figures += tiles.run(engine, bench_config, n, rounds=repeat or 3,
                             n_tiles=16 if quick else 200)
        # Quick: our server alone, small pages (pygeoapi is installed by the full run only).
        figures += (ogc.run(engine, bench_config, n, page=10, offsets=range(0, 30, 10),
                            reference=False) if quick else ogc.run(engine, bench_config, n))
        engine.dispose()
    press, press_figures = press_corpus.run()  # no database: real articles, hand truth
    if quick:
        print(f"bench --quick: {len(figures) + len(press_figures)} figures computed, "
              "none written")
        return 0
    print(write(figures + press_figures + NOT_BUILT, RESULTS))
    press_corpus.write_section(press, RESULTS)
    print(press)
    return 0


if __name__ == "__main__":
    sys.exit(main())
