"""``atlas.bulk``: EWKB written from ragged arrays, the garbage collector's pause, and a
table's twin swapped in."""

from __future__ import annotations

import gc
import struct

import numpy as np
import pytest
import shapely
import sqlalchemy as sa
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


_PROBE = "bulk_twin_probe"


def _describe(conn, table: str) -> dict:
    """What a swap must keep: index and constraint names and definitions (the table's
    name taken out), owner and privileges, and the rows."""
    def rows(query):
        return sorted(tuple(r) for r in conn.execute(sa.text(query), {"t": table}))
    return {
        "indexes": rows("SELECT indexname, replace(indexdef, :t, 'T') FROM pg_indexes "
                        "WHERE tablename = :t"),
        "constraints": rows("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                            "WHERE conrelid = CAST(:t AS regclass)"),
        "owner": rows("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = :t"),
        "privileges": rows("SELECT a.grantee, a.privilege_type FROM pg_class c, "
                           "aclexplode(c.relacl) a WHERE c.relname = :t"),
        "storage": rows("SELECT attname, attstorage FROM pg_attribute WHERE attnum > 0 "
                        "AND attrelid = CAST(:t AS regclass)"),
    }


def test_a_twin_takes_its_tables_place_names_privileges_and_all(engine):
    """``fill_twin`` on one connection, committed; ``swap`` in another transaction: the
    table then holds the twin's rows under its own index and constraint names (a
    partial index whose condition holds a "%" included), with its privileges, storage
    and checks, and no twin is left."""
    with engine.begin() as conn:
        conn.exec_driver_sql(f"""
            CREATE TABLE {_PROBE} (k text, n int CHECK (n > 0), g bytea,
                                   CONSTRAINT {_PROBE}_key PRIMARY KEY (k))""")
        conn.exec_driver_sql(f"ALTER TABLE {_PROBE} ALTER COLUMN g SET STORAGE EXTERNAL")
        conn.exec_driver_sql(f"CREATE INDEX {_PROBE}_a ON {_PROBE} (n) WHERE k LIKE 'a%%'")
        conn.exec_driver_sql(f"CREATE UNIQUE INDEX {_PROBE}_u ON {_PROBE} (n, k)")
        conn.exec_driver_sql(f"REVOKE ALL ON {_PROBE} FROM PUBLIC")
        conn.exec_driver_sql(f"GRANT SELECT ON {_PROBE} TO PUBLIC")
        conn.exec_driver_sql(f"INSERT INTO {_PROBE} VALUES ('old', 1, NULL)")
    try:
        with engine.connect() as conn:
            before = _describe(conn, _PROBE)
        with engine.begin() as conn:
            bulk.fill_twin(conn, _PROBE, f"{_PROBE}_next", lambda: conn.exec_driver_sql(
                f"INSERT INTO {_PROBE}_next VALUES ('a1', 2, 'x'), ('b', 3, NULL)"))
        with engine.begin() as conn:
            with pytest.raises(sa.exc.IntegrityError):  # the twin's checks hold
                with conn.begin_nested():
                    conn.exec_driver_sql(f"INSERT INTO {_PROBE}_next VALUES ('c', 0, '')")
            bulk.swap(conn, _PROBE, f"{_PROBE}_next")
        with engine.connect() as conn:
            assert _describe(conn, _PROBE) == before
            assert conn.execute(sa.text(f"SELECT k FROM {_PROBE} ORDER BY k")).scalars() \
                .all() == ["a1", "b"]
            assert conn.scalar(sa.text("SELECT to_regclass(:t)"),
                               {"t": f"{_PROBE}_next"}) is None
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {_PROBE}, {_PROBE}_next")


def test_a_table_with_foreign_keys_has_no_twin(engine):
    with engine.begin() as conn:
        with pytest.raises(ValueError, match="commune has foreign keys"):
            bulk.fill_twin(conn, "commune", "commune_twin", lambda: None)
