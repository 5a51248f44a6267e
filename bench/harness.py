"""Timing helpers and the RESULTS.md writer shared by every benchmark."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path


@dataclasses.dataclass
class Figure:
    name: str
    target: str
    runs: list[float] = dataclasses.field(default_factory=list)  # seconds
    reference: str = ""
    reference_runs: list[float] = dataclasses.field(default_factory=list)
    note: str = ""
    unit: str = "s"  # "s" or "ms": how the runs (seconds) are printed; "MB": runs are sizes
    details: str = ""  # markdown printed under the table, in a section named after it

    @staticmethod
    def _p95(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    def _fmt(self, value: float) -> str:
        if self.unit == "MB":  # runs are megabytes, not seconds
            return f"{value:.2f} MB"
        return f"{value * 1000:.1f} ms" if self.unit == "ms" else f"{value:.2f} s"

    def cells(self) -> list[str]:
        if not self.runs:
            return [self.name, "—", "—", "—", self.target, self.note or "not built yet"]
        med, p95 = statistics.median(self.runs), self._p95(self.runs)
        cells = [self.name, f"{self._fmt(med)} / {self._fmt(p95)}"]
        if self.reference_runs:
            rmed, rp95 = statistics.median(self.reference_runs), self._p95(self.reference_runs)
            cells += [f"{self.reference}: {self._fmt(rmed)} / {self._fmt(rp95)}",
                      f"{med / rmed:.2f} (p95 {p95 / rp95:.2f})"]
        else:
            cells += ["—", "—"]
        return cells + [self.target, self.note]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def machine() -> str:
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB memory"
    except OSError:
        pass
    return f"{os.cpu_count()} cores{mem}, {platform.platform()}, Python {platform.python_version()}"


def write(figures: list[Figure], path: Path) -> str:
    lines = [
        "# Benchmark results", "",
        f"Run on {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, {machine()}.", "",
        "Times are median / p95 over the runs; a ratio divides our median (p95) by the "
        "reference run's, measured in the same process on the same data.", "",
        "| figure | ours (median / p95) | reference (median / p95) | ratio | target | note |",
        "|---|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(f.cells()) + " |" for f in figures]
    for f in figures:
        if f.details:
            lines += ["", f"## {f.name}", "", f.details]
    text = "\n".join(lines) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text
