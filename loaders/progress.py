"""Progress of long steps: a bar in a terminal, plain timed lines otherwise (logs, CI)."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

import click

T = TypeVar("T")


class Progress:
    def __init__(self, quiet: bool = False, stream=None):
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()

    def _say(self, text: str) -> None:
        if not self.quiet:
            click.echo(text, file=self.stream)

    @contextlib.contextmanager
    def step(self, label: str) -> Iterator[None]:
        """Announce ``label``, run the block, say how long it took."""
        start = time.perf_counter()
        self._say(f"{label}...")
        yield
        self._say(f"{label}: done in {time.perf_counter() - start:.1f} s")

    def iter(self, items: Iterable[T], length: int, label: str) -> Iterator[T]:
        """Iterate ``items`` with a progress bar in a terminal, two plain lines otherwise."""
        if self.quiet or not self.tty:
            with self.step(f"{label} ({length:,} rows)".replace(",", " ")):
                yield from items
            return
        with click.progressbar(items, length=length, label=label, file=self.stream) as bar:
            yield from bar
