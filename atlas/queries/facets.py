"""Facet counts from an in-process columnar copy of ``initiative_search`` (``/api/stats``).

Counting each filtered facet under the other filters in SQL scans the matching rows once
per facet: 60 to 120 ms for two filters at 100,000 initiatives. The facet columns are a
few bytes per initiative, so each process keeps them as numpy arrays (``Columns``), read
in one statement together with the data version they are, and counts with boolean masks
and ``bincount``: a few milliseconds whatever the filters. A write bumps the data
version; the next request reads the columns again (that first request's time is in
bench/RESULTS.md beside the figure).

What the arrays do not hold is asked of the database with the SQL path's own
conditions (``atlas.queries.initiatives.where``), in one query, and becomes a mask: the
ids matching ``q`` (full text), ``bbox`` (PostGIS's ``&&``, on its float boxes) and
``commune`` (former codes included); and each collectivité's level in ``label_year``.
``counts`` answers what ``atlas.queries.stats.sql_counts`` answers, value for value
(tests/test_api_stats.py compares them on many filter sets).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import pandas as pd
import sqlalchemy as sa

from atlas import search
from atlas.filters import Filters
from atlas.queries import initiatives as iq
from atlas.search import DOMAIN_BITS, initiative_search as s

_NO_YEAR = -1  # an initiative without a year (years are positive)
_NO_LEVEL = 0  # no label (levels are 1 to 5)
# Text columns, kept as int32 codes into their list of values (None is a value too).
_TEXT = ("region_code", "departement_code", "source", "kind", "place_type", "holder",
         "commune_insee")
# Integer columns (NULL as a sentinel), sent as the binary values end to end: one
# bytea per column, read by numpy without a Python object per row.
_INTEGERS = (("ids", "int8send", "s.id", ">i8", np.int64),
             ("domain_bits", "int8send", "coalesce(s.domain_bits, 0)", ">i8", np.int64),
             ("year", "int4send", "coalesce(s.year, -1)::int", ">i4", np.int32),
             ("level", "int2send", "coalesce(s.level, 0)::smallint", ">i2", np.int8))
_NULL, _SEP = "\x01", "\x1f"  # control characters: never in a stored value (loaders)
# One statement, so one snapshot: the rows are exactly the version's (a version read
# apart could be older than the rows, and stale arrays would be kept under a new key).
# One aggregate node feeds each row to every aggregate in turn, so the columns come in
# the same row order without sorting (an ORDER BY in each aggregate sorted 11 times).
_ROWS = sa.text("SELECT v.version, " + ", ".join(
    [f"string_agg({send}({expr}), ''::bytea) FILTER (WHERE s.id IS NOT NULL)"
     for _, send, expr, _, _ in _INTEGERS]
    + [f"string_agg(coalesce(s.{c}, E'\\x01'), E'\\x1f') "
       f"FILTER (WHERE s.id IS NOT NULL)" for c in _TEXT]) + """
    FROM (SELECT version FROM data_version WHERE id = 1) v
    LEFT JOIN initiative_search s ON true
    GROUP BY v.version""")
_AWARDS = sa.text("SELECT coalesce(commune_insee, epci_siren), level FROM label_award "
                  "WHERE year = :year")
# Filters the database answers (as ids, in one query): none is a facet's own filter.
_DB_FIELDS = ("q", "bbox", "commune")
# Filters (and facets) on a text column: the filter's field → the column.
_TEXT_FIELDS = {"region": "region_code", "departement": "departement_code",
                "source": "source", "kind": "kind", "place_type": "place_type"}


@dataclass(frozen=True)
class Columns:
    """The facet columns of one data version, one entry per initiative, by id."""

    version: int
    ids: np.ndarray  # int64, in the columns' order
    domain_bits: np.ndarray  # int64
    year: np.ndarray  # int32, _NO_YEAR for none
    level: np.ndarray  # int8, the latest label, _NO_LEVEL for none
    codes: dict[str, np.ndarray]  # text column → int32 codes
    values: dict[str, list]  # text column → its values, by code
    index: dict[str, dict]  # text column → {value: code}

    @classmethod
    def read(cls, conn) -> Columns:
        row = conn.execute(_ROWS).one()
        numbers = {name: np.frombuffer(bytes(row[i] or b""), dtype=wire).astype(dtype)
                   for i, (name, _, _, wire, dtype) in enumerate(_INTEGERS, start=1)}
        codes, values, index = {}, {}, {}
        for i, name in enumerate(_TEXT, start=1 + len(_INTEGERS)):
            column = row[i].split(_SEP) if row[i] is not None else []
            found, uniques = pd.factorize(pd.Series(column, dtype=object))
            values[name] = [None if v == _NULL else v for v in uniques]
            codes[name], index[name] = found.astype(np.int32), {
                v: code for code, v in enumerate(values[name])}
        return cls(version=row[0] or 0, codes=codes, values=values, index=index,
                   **numbers)

    def isin(self, column: str, wanted) -> np.ndarray:
        """Rows whose ``column`` is one of ``wanted`` (values never seen match nothing)."""
        found = [self.index[column][v] for v in wanted if v in self.index[column]]
        return np.isin(self.codes[column], np.array(found, dtype=np.int32))

    def count(self, column: str, mask: np.ndarray | None) -> dict:
        """{value: rows} of ``column`` among ``mask``'s rows, counts above zero only."""
        codes = self.codes[column] if mask is None else self.codes[column][mask]
        counted = np.bincount(codes, minlength=len(self.values[column]))
        return {self.values[column][i]: int(counted[i]) for i in np.flatnonzero(counted)}


_lock = threading.Lock()
_kept: dict[str, Columns] = {}  # database URL → its columns at the version last read


def columns(conn) -> Columns:
    """This database's columns at its current data version (read again after a write)."""
    key = conn.engine.url.render_as_string(hide_password=True)
    version = search.version(conn)
    kept = _kept.get(key)
    if kept is None or kept.version != version:
        with _lock:  # one reader per process; the others wait for its arrays
            kept = _kept.get(key)
            if kept is None or kept.version != version:
                kept = _kept[key] = Columns.read(conn)
    return kept


def clear() -> None:
    """Forget every process copy (tests; a benchmark of the first request)."""
    with _lock:
        _kept.clear()


def _masks(conn, cols: Columns, f: Filters, bits: dict[str, int]
           ) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """({filter field: rows it keeps} for the fields ``f`` sets, the level column that
    ``f`` means: the latest label, or the one of ``label_year``)."""
    masks: dict[str, np.ndarray] = {}
    level = cols.level
    if f.label_year is not None:
        lut = np.full(len(cols.values["holder"]), _NO_LEVEL, dtype=np.int8)
        for holder, value in conn.execute(_AWARDS, {"year": f.label_year}):
            if holder in cols.index["holder"]:
                lut[cols.index["holder"][holder]] = value
        level = lut[cols.codes["holder"]]
    if any(getattr(f, name) not in (None, ()) for name in _DB_FIELDS):
        only = Filters(**{name: getattr(f, name) for name in _DB_FIELDS})
        found = np.fromiter(conn.scalars(iq.matching(only, s.c.id)), dtype=np.int64)
        masks["db"] = np.isin(cols.ids, found)
    if f.domain:
        wanted = sum(1 << bits[code] for code in f.domain if code in bits)
        masks["domain"] = (cols.domain_bits & wanted) != 0
    if f.level:
        masks["level"] = np.isin(level, np.array(f.level, dtype=np.int8))
    for field, column in _TEXT_FIELDS.items():
        if getattr(f, field):
            masks[field] = cols.isin(column, getattr(f, field))
    if f.year_min is not None:
        masks["year_min"] = cols.year >= f.year_min  # _NO_YEAR is below any year
    if f.year_max is not None:
        masks["year_max"] = (cols.year <= f.year_max) & (cols.year != _NO_YEAR)
    return masks, level


def _all(masks: dict[str, np.ndarray], but: tuple[str, ...] = ()) -> np.ndarray | None:
    """The rows every mask keeps, those of ``but`` left out (None: every row)."""
    out = None
    for field, mask in masks.items():
        if field not in but:
            out = mask if out is None else out & mask
    return out


def counts(conn, f: Filters, facets: dict[str, tuple[str, ...]]
           ) -> tuple[int, dict[str, dict]]:
    """(the number of initiatives matching ``f``, {facet: {value: count}}), each facet
    of ``facets`` ({name: the filter fields it ignores}) counted under the others."""
    cols = columns(conn)
    bits = dict(conn.execute(DOMAIN_BITS).all())
    masks, level = _masks(conn, cols, f, bits)
    out: dict[str, dict] = {}
    for name, own in facets.items():
        mask = _all(masks, own)
        if name == "domain":
            kept = cols.domain_bits if mask is None else cols.domain_bits[mask]
            found = {code: int(np.count_nonzero(kept & (1 << bit)))
                     for code, bit in bits.items()}
            out[name] = {code: n for code, n in found.items() if n}
        elif name == "level":
            counted = np.bincount(level if mask is None else level[mask], minlength=6)
            out[name] = {(None if v == _NO_LEVEL else int(v)): int(counted[v])
                         for v in np.flatnonzero(counted)}
        elif name == "year":
            years, n = np.unique(cols.year if mask is None else cols.year[mask],
                                 return_counts=True)
            out[name] = {(None if y == _NO_YEAR else int(y)): int(c)
                         for y, c in zip(years, n)}
        else:
            out[name] = cols.count(_TEXT_FIELDS.get(name, name), mask)
    everything = _all(masks)
    total = len(cols.ids) if everything is None else int(np.count_nonzero(everything))
    return total, out
