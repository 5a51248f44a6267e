"""A small in-process LRU cache of query answers, keyed by database and data version,
bounded by bytes.

The map asks the same few questions again and again (the landing view, a popular
filter), and data only changes when staff load files. Keys carry the database URL and
``search.version``: a load bumps the version, so stale answers are never read again and
simply age out of the LRU. Each process of gunicorn keeps its own copy.

The bound is in bytes (the answer's JSON size), not in entries: a few hundred large
answers (outlines at street zoom) would otherwise hold gigabytes per worker. An answer
larger than ``max_bytes / 8`` is computed every time, never kept, and callers do not
cache answers keyed by free text (``q``): their keys are unbounded.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from atlas import search

DEFAULT_MAX_BYTES = 32 * 2**20


def size_of(value: Any) -> int:
    """About how many bytes ``value`` holds: its length as text or JSON."""
    if isinstance(value, (str, bytes)):
        return len(value)
    return len(json.dumps(value, separators=(",", ":"), default=str))


class VersionedCache:
    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES):
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict = OrderedDict()  # key → (value, size)
        self._lock = threading.Lock()

    def get(self, conn, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The answer for ``key`` at the current data version, computed once."""
        full = (conn.engine.url.render_as_string(hide_password=True), search.version(conn),
                key)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full][0]
        # Computed outside the lock: two requests may both compute a missing answer,
        # which costs a query but never blocks every other request behind a slow one.
        value = compute()
        size = size_of(value)
        if size > self.max_bytes // 8:
            return value
        with self._lock:
            if full not in self._items:
                self._items[full] = (value, size)
                self.bytes += size
            while self.bytes > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self.bytes -= dropped
        return value

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.bytes = 0
