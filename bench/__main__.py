"""``python -m bench``: run every benchmark the issues name, write bench/RESULTS.md.

Runs in a scratch database created on the server of ATLAS_DATABASE_URL and dropped at
the end. A figure whose piece is not built yet is listed as such, never left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

from atlas import db
from atlas.config import Config
from atlas.errors import InputError
from bench import (api_latency, data, exports, geocoding, label_figures, map_browser,
                   ogc, peers, press_corpus, reference_load, source_load, tiles)
from bench.harness import Figure, write
from loaders import sources
from loaders.geocoder import postal

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"

# Figures of pieces not built yet, listed so that RESULTS.md says so (none at present).
NOT_BUILT: list[Figure] = []


def main() -> int:
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
        figures = reference_load.run(engine, geodata, config.cache_dir)
        figures += geocoding.run(engine, geodata, config.datasets)
        figures += source_load.run(engine, config.datasets)
        figures += api_latency.run(engine, bench_config)
        figures += map_browser.run(bench_config, 100_000)  # on api_latency's data
        figures += peers.run(engine, bench_config)  # on api_latency's synthetic records
        figures += label_figures.run(engine, bench_config)  # same records and awards
        figures += exports.run(engine, bench_config)  # on api_latency's 100,000 records
        figures += tiles.run(engine, bench_config)
        figures += ogc.run(engine, bench_config)  # on api_latency's 100,000 records
        engine.dispose()
    press, press_figures = press_corpus.run()  # no database: real articles, hand truth
    print(write(figures + press_figures + NOT_BUILT, RESULTS))
    press_corpus.write_section(press, RESULTS)
    print(press)
    return 0


if __name__ == "__main__":
    sys.exit(main())
