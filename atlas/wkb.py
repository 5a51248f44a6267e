"""Geometries as EWKB bytes, the form PostGIS takes as is in a binary COPY (the reference
loader's communes, the tile outlines)."""

from __future__ import annotations

import struct

import numpy as np
import shapely

_SRID_FLAG = 0x20000000


def ewkb(geoms, srid: int) -> list[bytes | None]:
    """EWKB of ``geoms`` (None stays None) with ``srid``.

    Little-endian WKB becomes EWKB by setting the SRID flag in the type word and putting
    the SRID after it; doing that on the bytes is several times faster than giving every
    geometry an SRID with shapely.set_srid (a copy of each geometry).
    """
    tag = struct.pack("<I", srid)
    out = []
    for wkb in shapely.to_wkb(np.asarray(geoms, dtype=object), byte_order=1):
        if wkb is None:
            out.append(None)
            continue
        kind = struct.unpack_from("<I", wkb, 1)[0] | _SRID_FLAG
        out.append(b"\x01" + struct.pack("<I", kind) + tag + wkb[5:])
    return out
