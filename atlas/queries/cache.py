"""A small in-process LRU cache of query answers, keyed by database and data version.

The map asks the same few questions again and again (the landing view, a popular
filter), and data only changes when staff load files. Keys carry the database URL and
``search.version``: a load bumps the version, so stale answers are never read again and
simply age out of the LRU. Each process of gunicorn keeps its own copy.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from atlas import search


class VersionedCache:
    def __init__(self, size: int = 512):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, conn, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The answer for ``key`` at the current data version, computed once."""
        full = (conn.engine.url.render_as_string(hide_password=True), search.version(conn),
                key)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
        # Computed outside the lock: two requests may both compute a missing answer,
        # which costs a query but never blocks every other request behind a slow one.
        value = compute()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
