"""Built tiles on disk, keyed by the data version, so a load invalidates them.

Layout: ``<folder>/atlas-tiles/v<version>/<layer>/<z>/<x>/<y>.pbf``. The configured
folder may hold anything else (``ATLAS_TILE_CACHE=$HOME``): the cache only ever writes
and deletes inside the ``atlas-tiles`` subfolder it creates, and prunes only the
``v<number>`` folders in it. A tile of another data version is never read: the version
is part of the path. When a tile of a new version is first written, the folders of
older versions are removed. Writes go to a temporary file renamed into place, so a
reader never sees a half-written tile, and two processes writing the same tile both
succeed.

What is kept is bounded, whatever visitors ask: only unfiltered tiles (filters, ``q``
above all, would make the keys unbounded; ``tiles.serve`` decides), only tiles that
touch the territories, never an empty tile, and at most ``max_bytes`` per version
(counted per process from a scan of the folder, rescanned when the count reaches the
cap, since other workers write too).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

SUBFOLDER = "atlas-tiles"
_VERSION = re.compile(r"v\d{1,20}")
RESCAN_SECONDS = 60  # a full cache is re-measured at most this often


def _folder_bytes(folder: Path) -> int:
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.stat(os.path.join(root, name)).st_size
            except FileNotFoundError:
                pass
    return total


class TileCache:
    def __init__(self, folder: Path, max_bytes: int = 2**30):
        self.root = Path(folder) / SUBFOLDER
        self.max_bytes = max_bytes
        self._pruned_for: int | None = None
        self._bytes: dict[int, int] = {}  # version → bytes it holds, as last counted
        self._scanned: dict[int, float] = {}
        self._lock = threading.Lock()

    def path(self, version: int, layer: str, z: int, x: int, y: int) -> Path:
        return self.root / f"v{int(version)}" / layer / str(z) / str(x) / f"{y}.pbf"

    def get(self, version: int, layer: str, z: int, x: int, y: int) -> bytes | None:
        """The cached tile, or None if it was never built at this version."""
        try:
            return self.path(version, layer, z, x, y).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None

    def _room_for(self, version: int, size: int) -> bool:
        with self._lock:
            now = time.monotonic()
            if version not in self._bytes or (
                    self._bytes[version] + size > self.max_bytes
                    and now - self._scanned.get(version, 0) > RESCAN_SECONDS):
                self._bytes[version] = _folder_bytes(self.root / f"v{int(version)}")
                self._scanned[version] = now
            if self._bytes[version] + size > self.max_bytes:
                return False
            self._bytes[version] += size
            return True

    def put(self, version: int, layer: str, z: int, x: int, y: int, data: bytes) -> bool:
        """Keep the tile; False (nothing written) for an empty tile or a full cache."""
        if not data or not self._room_for(version, len(data)):
            return False
        target = self.path(version, layer, z, x, y)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        if self._pruned_for != version:
            self.prune(version)
        return True

    def prune(self, keep: int) -> list[str]:
        """Remove the version folders (``v<number>`` in the cache's own subfolder) of
        every version but ``keep``; returns their names. Nothing else is touched."""
        self._pruned_for = keep
        removed = []
        if not self.root.is_dir():
            return removed
        for child in self.root.iterdir():
            if (_VERSION.fullmatch(child.name) and child.name != f"v{int(keep)}"
                    and child.is_dir() and not child.is_symlink()):
                shutil.rmtree(child, ignore_errors=True)
                removed.append(child.name)
        with self._lock:
            self._bytes = {v: n for v, n in self._bytes.items() if v == keep}
        return removed
