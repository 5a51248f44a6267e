"""Bulk work: writes by binary COPY (the reference loader's tables, the tile outlines),
geometries as EWKB bytes, the form PostGIS takes as is in such a COPY, and the pause of
Python's cyclic garbage collector while a step makes millions of long-lived objects (a
national reference load, the geocoder's indexes)."""

from __future__ import annotations

import contextlib
import gc
import struct
import threading
from collections.abc import Iterable, Iterator, Sequence

import numpy as np
import shapely
from psycopg import sql

_SRID_FLAG = 0x20000000
_pause = {"count": 0, "was_enabled": True}  # bulk steps under way that paused the collector
_pause_lock = threading.Lock()


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a bulk step runs (a national
    reference load).

    Such a step makes millions of objects that live until it ends (rows, geometries,
    names, parsed JSON); each is tracked, and the collector walked them again and again
    as they piled up, finding nothing to free: about a third of a national load's CPU
    time. Reference counting still frees everything else at once, and the collector,
    back on, takes any cycle left. Nested and concurrent pauses count: the collector
    comes back when the last one ends, and stays off if it was off before.
    """
    with _pause_lock:
        _pause["count"] += 1
        if _pause["count"] == 1:
            _pause["was_enabled"] = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _pause_lock:
            _pause["count"] -= 1
            if _pause["count"] == 0 and _pause["was_enabled"]:
                gc.enable()


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


def multipolygons(coords: np.ndarray, offsets, srid: int,
                  keep: np.ndarray | None = None) -> list[bytes | None]:
    """EWKB MultiPolygons written straight from shapely's ragged arrays
    (``shapely.to_ragged_array``'s MULTIPOLYGON form: ``coords`` (n, 2), ``offsets`` =
    rings' points, polygons' rings, geometries' polygons), None where ``keep`` is False.

    The same bytes as ``ewkb`` of ``shapely.from_ragged_array`` of the same arrays,
    without making the geometries: a national load transforms 2.2 million vertices to
    Web Mercator, and building shapely geometries from them only to encode them again
    cost more than the transformation itself.
    """
    ring_off, poly_off, geom_off = (np.asarray(o).tolist() for o in offsets)
    points = memoryview(np.ascontiguousarray(coords, dtype="<f8").tobytes())
    head = struct.Struct("<BIII").pack
    kind = 6 | _SRID_FLAG  # MultiPolygon with an SRID
    polygon = struct.pack("<BI", 1, 3)
    count = struct.Struct("<I").pack
    keep = [True] * (len(geom_off) - 1) if keep is None else keep.tolist()
    out: list[bytes | None] = []
    for g, wanted in enumerate(keep):
        if not wanted:
            out.append(None)
            continue
        first, last = geom_off[g], geom_off[g + 1]
        parts = [head(1, kind, srid, last - first)]
        for p in range(first, last):
            parts += (polygon, count(poly_off[p + 1] - poly_off[p]))
            for r in range(poly_off[p], poly_off[p + 1]):
                start, end = ring_off[r], ring_off[r + 1]
                parts += (count(end - start), points[16 * start:16 * end])
        out.append(b"".join(parts))
    return out


def copy_rows(conn, table: str, columns: Sequence[str], types: Sequence[str],
              rows: Iterable[Sequence]) -> None:
    """COPY ``rows`` (values in ``columns`` order) into ``table`` in binary format, on
    the driver connection of SQLAlchemy's ``conn``. Binary COPY needs each column's exact
    type (``types``: psycopg type names; geometries and pre-encoded values as "bytea").
    ``table`` and ``columns`` are the caller's constants, quoted here: never input."""
    stmt = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT BINARY)").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns)))
    with conn.connection.driver_connection.cursor() as cur, cur.copy(stmt) as copy:
        copy.set_types(list(types))
        for row in rows:
            copy.write_row(row)
