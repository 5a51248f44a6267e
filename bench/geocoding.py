"""Geocoding throughput: 100,000 references of mixed kinds, no coordinates.

The references come from the same generator as the tests (codes, former codes, names
with département or postcode, upper case, moved articles, typos, homonyms), repeated to
100,000. Start-up (building the index from the database) is timed apart.
"""

from __future__ import annotations

import time

from bench.harness import Figure
from loaders import cog as cog_reader
from loaders import geocoder as geocoder_module
from loaders.geocoder import Geocoder
from tests.geocoder_cases import cases


def run(engine, geodata, n: int = 100_000, repeat: int = 3) -> list[Figure]:
    refs = [ref for _, ref, _, _ in cases(cog_reader.read(geodata / "cog"), n=2000, seed=2)]
    refs = (refs * (n // len(refs) + 1))[:n]
    start = time.perf_counter()
    with engine.connect() as conn:
        geocoder = Geocoder.from_db(conn)
    build = time.perf_counter() - start
    rates = []
    for _ in range(repeat):
        # A fresh name cache each run: repeated names must not make the figure rosy.
        geocoder_module._key.cache_clear()
        start = time.perf_counter()
        for ref in refs:
            geocoder.geocode(ref)
        rates.append(time.perf_counter() - start)
    figure = Figure(f"geocoding {n:,} references (mixed kinds, no coordinates)",
                    "≥ 50,000 refs/s (issue 6)", runs=rates,
                    note=f"{n / sorted(rates)[len(rates) // 2]:,.0f} refs/s at the median; "
                         f"index built in {build:.2f} s")
    return [figure]
