"""Facet counts for the current filters (``/api/stats``): by domain, région, département,
label level, year, source, kind of record and type of place.

Facets are disjunctive, as in any search interface: a facet is counted with every filter
except its own, so the domain list keeps showing how many initiatives the other domains
would add. Counts without any filter (the landing view) are not scanned at all: they
are read from ``facet_count``, which triggers keep in step with ``initiative_search``
(migration 0014). Filtered counts come from the process's columnar copy of the facet
columns (``atlas.queries.facets``: masks and bincounts, a few milliseconds). The SQL
counts (``sql_counts``) remain the reference they are tested against: facets whose own
filter is unset share the same filters and are computed in one scan with GROUPING SETS;
a facet whose filter is set gets its own query.

A full scan of 100,000 initiatives costs tens of milliseconds, and the map asks the same
few filter sets again and again, so answers are also kept in a small in-process LRU cache
keyed by database, data version and filters: a load bumps the version, and the old
entries are never read again.
"""

from __future__ import annotations

import sqlalchemy as sa

from atlas.filters import Filters
from atlas.queries import facets as columnar, reference
from atlas.queries.cache import VersionedCache
from atlas.queries.initiatives import level_column, matching
from atlas.search import DOMAIN_BITS, initiative_search as s

# facet → (the filter fields it ignores, the column it groups by, for a Filters)
FACETS = {
    "domain": (("domain",), lambda f: s.c.domain_bits),
    "region": (("region",), lambda f: s.c.region_code),
    "departement": (("departement",), lambda f: s.c.departement_code),
    "level": (("level",), level_column),
    "year": (("year_min", "year_max"), lambda f: s.c.year),
    "source": (("source",), lambda f: s.c.source),
    "kind": (("kind",), lambda f: s.c.kind),
    "place_type": (("place_type",), lambda f: s.c.place_type),
}


# Unfiltered counts, the values as text (NULL for none): see migration 0014.
_FACET_COUNT = sa.text("SELECT facet, value, n FROM facet_count WHERE facet = ANY(:facets)")
_AS_INT = {"domain", "level", "year"}  # facets whose column is an integer
# Facets counted together: a département is in one région; levels, sources, kinds and
# place types make a few hundred combinations at most.
_TOGETHER = (("region", "departement"), ("level", "source", "kind", "place_type"))


def _grouped(conn, f: Filters, facets: list[str]) -> dict[str, dict]:
    """{facet: {value: count}} for ``facets``, all counted under the filters ``f``."""
    if f == Filters():
        rows = [(name, int(value) if value is not None and name in _AS_INT else value, n)
                for name, value, n in conn.execute(_FACET_COUNT, {"facets": facets})]
    else:
        columns = [FACETS[name][1](f).label(name) for name in facets]
        # Facets of few combined values share a grouping set (each row is hashed once
        # per set, which is most of the scan's cost), summed up per facet below.
        sets = [[n for n in group if n in facets] for group in _TOGETHER]
        sets = [g for g in sets if g] + [[n] for n in facets
                                          if not any(n in g for g in _TOGETHER)]
        stmt = matching(f, *columns, sa.func.count().label("n"),
                        sa.func.grouping(*columns).label("g"))
        stmt = stmt.group_by(sa.func.grouping_sets(
            *[sa.tuple_(*[columns[facets.index(n)] for n in g]) for g in sets]))
        # GROUPING() has a 0 bit for each column a row is grouped by.
        last = len(facets) - 1
        by_mask = {sum(1 << (last - i) for i, n in enumerate(facets) if n not in g): g
                   for g in sets}
        rows = [(name, row[facets.index(name)], row.n) for row in conn.execute(stmt)
                for name in by_mask[row.g]]
    out: dict[str, dict] = {name: {} for name in facets}
    bits = dict((b, code) for code, b in conn.execute(DOMAIN_BITS)) if "domain" in facets else {}
    for name, value, n in rows:
        if name == "domain":
            for bit, code in bits.items():
                if value & (1 << bit):
                    out[name][code] = out[name].get(code, 0) + n
        else:
            out[name][value] = out[name].get(value, 0) + n
    return out


def sql_counts(conn, f: Filters) -> tuple[int, dict[str, dict]]:
    """(the number of initiatives matching ``f``, {facet: {value: count}}) in SQL: the
    unfiltered view's answer (``facet_count``), and the reference the columnar counts
    of ``atlas.queries.facets`` are tested against."""
    shared = [name for name, (own, _) in FACETS.items()
              if all(getattr(f, field) == getattr(Filters(), field) for field in own)]
    counts = _grouped(conn, f, shared) if shared else {}
    for name, (own, _) in FACETS.items():
        if name not in shared:
            counts.update(_grouped(conn, f.without(*own), [name]))
    # A record has one value (or none, counted as None) in each facet but the domain:
    # the counts of any such facet counted under ``f`` sum to the total.
    single = [name for name in shared if name != "domain"]
    if single:
        total = sum(counts[single[0]].values())
    else:
        total = conn.scalar(matching(f, sa.func.count()))
    return total, counts


def stats(conn, f: Filters) -> dict:
    """The number of matching initiatives and every facet's counts, with labels.

    Unfiltered, the counts are read from ``facet_count``; filtered, they are counted on
    the process's columnar copy (``atlas.queries.facets``): each filtered facet would
    otherwise be one more scan."""
    if f == Filters():
        total, counts = sql_counts(conn, f)
    else:
        total, counts = columnar.counts(conn, f, {name: own for name, (own, _)
                                                  in FACETS.items()})
    names = reference.names(conn)
    facets = {}
    for name in FACETS:
        found = counts[name]
        if name in ("domain", "region", "departement"):
            # Every known value is listed, zeros included, in the reference's order.
            values = list(names[name]) + sorted(v for v in found if v not in names[name]
                                                and v is not None)
            facets[name] = [{"value": v, "label": names[name].get(v, v),
                             "count": found.get(v, 0)} for v in values]
        elif name == "level":
            facets[name] = [{"value": v, "label": f"{v} @" if v else "sans label",
                             "count": found.get(v, 0)} for v in (5, 4, 3, 2, 1, None)]
        elif name == "year":
            facets[name] = [{"value": v, "count": n} for v, n in
                            sorted(found.items(), key=lambda kv: (kv[0] is None, kv[0]))]
        else:
            ordered = sorted(found.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))
            facets[name] = [{"value": v, "count": n} for v, n in ordered]
            if name == "source":
                for item in facets[name]:
                    item["label"] = names["source"].get(item["value"], item["value"])
    return {"numberMatched": total, "facets": facets}


_cache = VersionedCache(8 * 2**20)


def cached_stats(conn, f: Filters) -> dict:
    """``stats(conn, f)``, from the cache when the data has not changed since (never
    for free text: every ``q`` would be an entry)."""
    if f.q:
        return stats(conn, f)
    return _cache.get(conn, f, lambda: stats(conn, f))


def clear_cache() -> None:
    _cache.clear()
