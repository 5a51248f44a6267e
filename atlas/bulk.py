"""Bulk work: writes by binary COPY (the reference loader's tables, the tile outlines),
geometries as EWKB bytes, the form PostGIS takes as is in such a COPY, and the pause of
Python's cyclic garbage collector while a step makes millions of long-lived objects (a
national reference load, the geocoder's indexes)."""

from __future__ import annotations

import contextlib
import gc
import struct
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence

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
    heads: dict[bytes, bytes] = {}  # a geometry type's WKB head → its EWKB head
    out = []
    for wkb in shapely.to_wkb(np.asarray(geoms, dtype=object), byte_order=1):
        if wkb is None:
            out.append(None)
            continue
        head = heads.get(wkb[:5])
        if head is None:
            kind = struct.unpack_from("<I", wkb, 1)[0] | _SRID_FLAG
            head = heads[wkb[:5]] = b"\x01" + struct.pack("<I", kind) + tag
        out.append(head + wkb[5:])
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
              rows: Iterable[Sequence], freeze: bool = False) -> None:
    """COPY ``rows`` (values in ``columns`` order) into ``table`` in binary format, on
    the driver connection of SQLAlchemy's ``conn``. Binary COPY needs each column's exact
    type (``types``: psycopg type names; geometries and pre-encoded values as "bytea").
    ``table`` and ``columns`` are the caller's constants, quoted here: never input.

    ``freeze``: the rows are written frozen (``COPY ... FREEZE``), so that no later
    reader or index build rewrites their pages to set hint bits; only for a table created
    or truncated in the caller's transaction (PostgreSQL refuses it otherwise). Rows so
    written are visible, once committed, even to snapshots taken before: fine for the
    tables a load fills whole while its locks hold every reader."""
    stmt = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT BINARY{})").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.SQL(", FREEZE" if freeze else ""))
    with conn.connection.driver_connection.cursor() as cur, cur.copy(stmt) as copy:
        copy.set_types(list(types))
        for row in rows:
            copy.write_row(row)


# -- a table filled beside the one it replaces, on a connection of its own ----------------

def _rows(conn, query: str, params: dict):
    with conn.connection.driver_connection.cursor() as cur:
        cur.execute(query, params)
        return cur.fetchall()


def _keyed(conn, table: str) -> list[tuple[str, str]]:
    """``table``'s index-backed constraints (primary key, unique, exclusion): name and
    definition (``pg_get_constraintdef``)."""
    return _rows(conn, """
        SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE conrelid = %(t)s::regclass AND contype IN ('p', 'u', 'x')
        ORDER BY conname""", {"t": table})


def _indexes(conn, table: str) -> list[tuple[str, bool, str]]:
    """``table``'s indexes that no constraint owns: name, uniqueness and definition
    (``pg_get_indexdef``: "CREATE [UNIQUE] INDEX name ON schema.table USING ...")."""
    return _rows(conn, """
        SELECT c.relname, i.indisunique, pg_get_indexdef(i.indexrelid)
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = %(t)s::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid
                                                          AND k.conrelid = i.indrelid)
        ORDER BY c.relname""", {"t": table})


def _run(conn, statements: Iterable[sql.Composable]) -> None:
    # On the driver's cursor without parameters: a "%" in a definition stays as it is.
    with conn.connection.driver_connection.cursor() as cur:
        for statement in statements:
            cur.execute(statement)


def fill_twin(conn, table: str, name: str, fill: Callable[[], object]) -> None:
    """Make ``name`` a twin of ``table`` (columns, defaults, checks, storage, comments),
    replacing any left by a run that failed, let ``fill()`` write its rows, then give it
    ``table``'s indexes and index-backed constraints, each named ``<its name>_twin``
    until ``swap`` renames them. A table with foreign keys has no twin (``swap`` could
    not restore them). ``table`` and ``name`` are the caller's constants, never input.

    Created in the caller's transaction, the twin takes a ``COPY ... FREEZE`` and, on a
    server with ``wal_level = minimal``, is written without WAL."""
    if _rows(conn, "SELECT 1 FROM pg_constraint WHERE contype = 'f' AND (conrelid = "
                  "%(t)s::regclass OR confrelid = %(t)s::regclass)", {"t": table}):
        raise ValueError(f"{table} has foreign keys: no twin")
    q = sql.Identifier
    _run(conn, [sql.SQL("DROP TABLE IF EXISTS {}").format(q(name)), sql.SQL(
        "CREATE TABLE {} (LIKE {} INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
        "INCLUDING STORAGE INCLUDING COMMENTS)").format(q(name), q(table))])
    out = [sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} {}").format(
               q(name), q(f"{con}_twin"), sql.SQL(definition))
           for con, definition in _keyed(conn, table)]
    for index, unique, definition in _indexes(conn, table):
        out.append(sql.SQL("CREATE {}INDEX {} ON {} {}").format(
            sql.SQL("UNIQUE " if unique else ""), q(f"{index}_twin"), q(name),
            sql.SQL(definition[definition.index(" USING ") + 1:])))
    fill()
    _run(conn, out)


def swap(conn, table: str, name: str) -> None:
    """Put the twin ``name`` (``fill_twin``, committed) in place of ``table``, in
    the caller's transaction: ``table`` is dropped, the twin renamed, its indexes and
    constraints given ``table``'s names, and its owner and privileges made ``table``'s.
    Catalog work only: the rows are not copied again."""
    q = sql.Identifier
    owner, = _rows(conn, "SELECT pg_get_userbyid(relowner) FROM pg_class "
                        "WHERE oid = %(t)s::regclass", {"t": table})[0]

    def grants(relation: str) -> set[tuple[str, str]]:
        return set(_rows(conn, """
            SELECT CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END,
                   a.privilege_type
            FROM pg_class c, aclexplode(c.relacl) a
            WHERE c.oid = %(t)s::regclass AND a.grantee <> c.relowner""", {"t": relation}))

    wanted = grants(table)
    constraints = [con for con, _ in _keyed(conn, table)]
    indexes = [index for index, _, _ in _indexes(conn, table)]
    statements = [sql.SQL("DROP TABLE {}").format(q(table)),
                  sql.SQL("ALTER TABLE {} RENAME TO {}").format(q(name), q(table))]
    statements += [sql.SQL("ALTER TABLE {} RENAME CONSTRAINT {} TO {}").format(
        q(table), q(f"{c}_twin"), q(c)) for c in constraints]
    statements += [sql.SQL("ALTER INDEX {} RENAME TO {}").format(q(f"{i}_twin"), q(i))
                   for i in indexes]
    have = grants(name)
    statements.append(sql.SQL("ALTER TABLE {} OWNER TO {}").format(q(table), q(owner)))

    def role(r: str) -> sql.Composable:
        return sql.SQL("PUBLIC") if r == "PUBLIC" else q(r)

    # privilege_type is one of PostgreSQL's privilege keywords, read from its catalog.
    statements += [sql.SQL("REVOKE {} ON {} FROM {}").format(sql.SQL(p), q(table), role(r))
                   for r, p in sorted(have - wanted)]
    statements += [sql.SQL("GRANT {} ON {} TO {}").format(sql.SQL(p), q(table), role(r))
                   for r, p in sorted(wanted - have)]
    _run(conn, statements)
