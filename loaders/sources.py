"""Where reference files come from: the data folder, else the cache, else a download.

``geodata/manifest.json`` lists each official file with its URL, SHA-256 and vintage. A
file found in the data folder is used as it is; one missing there is taken from the cache
folder when its checksum matches, or downloaded (unless offline), checked, then moved into
the cache in one rename, so a failed download never leaves a half file behind.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from atlas.config import PROJECT_ROOT
from atlas.errors import InputError

MANIFEST = PROJECT_ROOT / "geodata" / "manifest.json"


@dataclasses.dataclass(frozen=True)
class Entry:
    path: str
    url: str | None
    sha256: str
    vintage: str
    licence: str


def manifest(path: Path = MANIFEST) -> dict[str, Entry]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return {e["path"]: Entry(e["path"], e.get("url"), e["sha256"], e["vintage"], e["licence"])
            for e in data["files"]}


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclasses.dataclass
class Resolver:
    """Finds reference files; ``mirror`` replaces each URL by ``mirror/<path>``."""

    geodata: Path | None
    cache: Path
    offline: bool = False
    mirror: str | None = None
    entries: dict[str, Entry] = dataclasses.field(default_factory=manifest)

    def path(self, rel: str) -> Path:
        """The local path of ``rel``, downloading it if needed; InputError if impossible."""
        if self.geodata is not None and (self.geodata / rel).is_file():
            return self.geodata / rel
        entry = self.entries.get(rel)
        cached = self.cache / "geodata" / rel
        if entry is None:
            raise InputError(f"{rel}: not in the data folder ({self.geodata or 'none set'}) "
                             "and not in the download manifest")
        if cached.is_file() and sha256(cached) == entry.sha256:
            return cached
        where = f"not in the data folder ({self.geodata or 'none set'}) nor in the cache"
        if self.offline:
            raise InputError(f"{rel}: {where}, and --offline forbids downloading it")
        url = f"{self.mirror.rstrip('/')}/{rel}" if self.mirror else entry.url
        if not url:
            raise InputError(f"{rel}: {where}, and it has no download URL")
        self._download(url, entry, cached)
        return cached

    def _download(self, url: str, entry: Entry, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=60) as r:
                for block in iter(lambda: r.read(1 << 20), b""):
                    h.update(block)
                    out.write(block)
            if h.hexdigest() != entry.sha256:
                raise InputError(f"{entry.path}: downloaded from {url} but its SHA-256 "
                                 f"{h.hexdigest()} is not the manifest's {entry.sha256}")
            os.replace(tmp, target)
        except (urllib.error.URLError, OSError) as e:
            raise InputError(f"{entry.path}: download from {url} failed ({e})") from None
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
