"""Built tiles on disk, keyed by the data version, so a load invalidates them.

Layout: ``<folder>/v<version>/<layer>/<z>/<x>/<y>.pbf`` (an empty file is an empty
tile, answered 204). A tile of another data version is never read: the version is part of
the path. When a tile of a new version is first written, the folders of older versions
are removed. Writes go to a temporary file renamed into place, so a reader never sees a
half-written tile, and two processes writing the same tile both succeed.

Only unfiltered tiles are cached: filters (``q`` is free text) would make the cache
unbounded; filtered tiles are built per request and cached by HTTP (ETag).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class TileCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._pruned_for: int | None = None

    def path(self, version: int, layer: str, z: int, x: int, y: int) -> Path:
        return self.folder / f"v{int(version)}" / layer / str(z) / str(x) / f"{y}.pbf"

    def get(self, version: int, layer: str, z: int, x: int, y: int) -> bytes | None:
        """The cached tile, or None if it was never built at this version."""
        try:
            return self.path(version, layer, z, x, y).read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None

    def put(self, version: int, layer: str, z: int, x: int, y: int, data: bytes) -> None:
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

    def prune(self, keep: int) -> list[str]:
        """Remove the folders of every version but ``keep``; returns their names."""
        self._pruned_for = keep
        removed = []
        for child in self.folder.glob("v*"):
            if child.is_dir() and child.name != f"v{int(keep)}":
                shutil.rmtree(child, ignore_errors=True)
                removed.append(child.name)
        return removed
