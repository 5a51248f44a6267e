"""``atlas.bulk``: EWKB written from ragged arrays, and the garbage collector's pause."""

from __future__ import annotations

import gc
import struct

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon

from atlas import bulk


def _square(x, y, size=1.0, hole=False):
    shell = [(x, y), (x + size, y), (x + size, y + size), (x, y + size)]
    holes = [[(x + .2, y + .2), (x + .4, y + .2), (x + .4, y + .4)]] if hole else []
    return Polygon(shell, holes)


def test_multipolygons_are_the_bytes_shapely_would_write():
    """The outlines a tile row stores: the same EWKB as encoding the geometries that
    ``shapely.from_ragged_array`` makes of the same arrays, holes, several polygons and
    an empty outline included; ``keep`` gives None."""
    geoms = np.array([MultiPolygon([_square(0, 0, hole=True), _square(5, 5)]),
                      MultiPolygon([_square(2.5, -1.25, 0.5)]), MultiPolygon(),
                      MultiPolygon([_square(-3, 4, hole=True)])], dtype=object)
    kind, coords, offsets = shapely.to_ragged_array(geoms)
    ours = bulk.multipolygons(coords, offsets, 3857)
    assert ours == bulk.ewkb(shapely.from_ragged_array(kind, coords, offsets), 3857)
    assert struct.unpack_from("<II", ours[0], 1) == (6 | 0x20000000, 3857)
    assert shapely.equals_exact(shapely.from_wkb(ours[0]), geoms[0], 0)
    kept = bulk.multipolygons(coords, offsets, 4326, keep=np.array([True, False, True, True]))
    assert kept[1] is None and kept[0] != ours[0] and shapely.from_wkb(kept[3]) == geoms[3]


def test_the_collector_pause_nests_and_restores_what_it_found():
    assert gc.isenabled()
    with bulk.gc_paused():
        assert not gc.isenabled()
        with bulk.gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer step still runs
    assert gc.isenabled()

    @bulk.gc_paused()
    def load():  # as loaders.reference.run and Geocoder.from_db use it
        return gc.isenabled()

    assert load() is False and load() is False and gc.isenabled()
    gc.disable()
    try:
        with bulk.gc_paused():
            pass
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()
    try:
        with bulk.gc_paused():
            raise ValueError("a load that failed")
    except ValueError:
        pass
    assert gc.isenabled()
