"""Bulk writes by binary COPY (the reference loader's tables, the tile outlines), and
geometries as EWKB bytes, the form PostGIS takes as is in such a COPY."""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from psycopg import sql

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
