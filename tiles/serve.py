"""What the disk cache may keep (``cacheable``, shared with the web layer), getting a
tile through it, and seeding it: ``python -m atlas tiles seed``."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from atlas.filters import TERRITORIES, Filters
from tiles import mvt
from tiles.cache import TileCache
from tiles.layers import Layer


def cacheable(cache: TileCache | None, z: int, x: int, y: int,
              f: Filters | None = None) -> bool:
    """Whether this tile may be kept on disk: unfiltered, over the territories (the
    oceans at z16 are billions of tiles anyone could ask for)."""
    return cache is not None and (f is None or f == Filters()) and covers(z, x, y)


def get(conn, cache: TileCache | None, version: int, layer: Layer, z: int, x: int, y: int,
        f: Filters | None = None) -> tuple[bytes, bool]:
    """(tile bytes, whether they came from the cache). ``version`` is what
    ``mvt.begin`` returned on ``conn``; see ``cacheable`` for what is kept."""
    keep = cacheable(cache, z, x, y, f)
    if keep:
        data = cache.get(version, layer.name, z, x, y)
        if data is not None:
            return data, True
    data = mvt.render(conn, layer, z, x, y, f)
    if keep:
        cache.put(version, layer.name, z, x, y, data)
    return data, False


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """The tile's lon_min, lat_min, lon_max, lat_max (WGS 84)."""
    n = 2**z

    def lat(row):
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))

    return x / n * 360 - 180, lat(y + 1), (x + 1) / n * 360 - 180, lat(y)


def covers(z: int, x: int, y: int) -> bool:
    """Whether the tile touches metropolitan France or a DROM (what ``seed`` builds)."""
    x1, y1, x2, y2 = tile_bounds(z, x, y)
    return any(x1 <= tx2 and tx1 <= x2 and y1 <= ty2 and ty1 <= y2
               for tx1, ty1, tx2, ty2 in TERRITORIES)


def _tile_range(z: int, lon1: float, lat1: float, lon2: float,
                lat2: float) -> Iterator[tuple[int, int]]:
    n = 2**z

    def tx(lon):
        return min(n - 1, max(0, int((lon + 180) / 360 * n)))

    def ty(lat):
        r = math.radians(max(-85.05, min(85.05, lat)))
        return min(n - 1, max(0, int((1 - math.asinh(math.tan(r)) / math.pi) / 2 * n)))

    for x in range(tx(lon1), tx(lon2) + 1):
        for y in range(ty(lat2), ty(lat1) + 1):
            yield x, y


def france_tiles(minzoom: int, maxzoom: int) -> list[tuple[int, int, int]]:
    """The z/x/y of every tile touching metropolitan France or a DROM, z ascending."""
    out = []
    for z in range(minzoom, maxzoom + 1):
        seen = set()
        for box in TERRITORIES:
            for xy in _tile_range(z, *box):
                if xy not in seen:
                    seen.add(xy)
                    out.append((z, *xy))
    return out


def seed(engine, cache: TileCache, layer: Layer, minzoom: int, maxzoom: int,
         progress: Callable[[int, int, int], None] | None = None) -> dict[str, int]:
    """Build every tile of ``layer`` over France from ``minzoom`` to ``maxzoom`` into the
    cache (tiles already there at the current version are kept). ``progress(done, total,
    written)`` is called every tile. Returns counts: tiles, written, empty, cached."""
    tiles = france_tiles(max(minzoom, layer.minzoom), min(maxzoom, layer.maxzoom))
    counts = {"tiles": len(tiles), "written": 0, "empty": 0, "cached": 0}
    with engine.connect() as conn:
        for done, (z, x, y) in enumerate(tiles, 1):
            version = mvt.begin(conn)
            data, hit = get(conn, cache, version, layer, z, x, y)
            conn.commit()  # one transaction (and timeout) per tile
            if hit:
                counts["cached"] += 1
            elif data and cache.path(version, layer.name, z, x, y).exists():
                counts["written"] += 1  # (not when the cache is full)
            counts["empty"] += not data
            if progress:
                progress(done, len(tiles), counts["written"])
    return counts
