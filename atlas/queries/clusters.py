"""Clusters of the matching initiatives for the web map, computed in PostGIS.

Sending 100,000 points to a browser (folium's one marker per point) would weigh tens of
megabytes and take seconds to draw. Instead the map asks, for its view and zoom, for the
initiatives grouped on a grid of ``CELL_PX`` pixel cells in Web Mercator: one row per
non-empty cell with its count, the mean position of its members (so a cluster sits where
its initiatives are, not at a grid corner), their extent (a click zooms to it) and, for a
cell of one, the initiative's id (a click opens it). The grid is anchored on the world,
not on the view, so panning never reshuffles clusters.

Longitude maps linearly to pixels; latitude goes through the Mercator formula
ln(tan(pi/4 + lat/2)), computed on the coordinates: no reprojection of geometries.
"""

from __future__ import annotations

import dataclasses
import math

import sqlalchemy as sa

from atlas.filters import Filters, check_view, snap_view
from atlas.queries.cache import VersionedCache
from atlas.queries.initiatives import matching
from atlas.search import initiative_search as s

CELL_PX = 64
TILE_PX = 256
_cache = VersionedCache(32 * 2**20)


def _cell_sizes(zoom: int) -> tuple[float, float]:
    """Cell width in degrees of longitude and height in Mercator radians at ``zoom``."""
    pixels = TILE_PX * 2 ** zoom
    return 360.0 * CELL_PX / pixels, 2 * math.pi * CELL_PX / pixels


def _statement(f: Filters, zoom: int) -> sa.Select:
    dx, dy = _cell_sizes(zoom)
    x, y = sa.func.ST_X(s.c.geom), sa.func.ST_Y(s.c.geom)
    mercator = sa.func.ln(sa.func.tan(sa.func.radians(45 + y / 2)))
    inner = matching(f, s.c.id, x.label("x"), y.label("y"),
                     sa.func.floor((x + 180) / sa.bindparam("dx", dx)).label("gx"),
                     sa.func.floor(mercator / sa.bindparam("dy", dy)).label("gy")
                     ).where(s.c.geom.is_not(None)).subquery()
    n = sa.func.count()
    return (sa.select(n.label("n"), sa.func.avg(inner.c.x).label("x"),
                      sa.func.avg(inner.c.y).label("y"),
                      sa.case((n == 1, sa.func.min(inner.c.id))).label("id"),
                      sa.func.min(inner.c.x).label("xmin"), sa.func.min(inner.c.y).label("ymin"),
                      sa.func.max(inner.c.x).label("xmax"), sa.func.max(inner.c.y).label("ymax"))
            .group_by(inner.c.gx, inner.c.gy)
            .order_by(n.desc(), inner.c.gx, inner.c.gy))


def clusters(conn, f: Filters, zoom: int) -> dict:
    """The clusters of the initiatives matching ``f`` (its bbox being the map's view).

    ``cells`` are compact arrays ``[lon, lat, count, id_or_null, xmin, ymin, xmax, ymax]``,
    biggest first: a France-wide view is a few hundred of them, a few kilobytes.
    """
    check_view(zoom, f.bbox)
    f = dataclasses.replace(f, bbox=snap_view(zoom, f.bbox))

    def compute():
        cells = [[round(r.x, 5), round(r.y, 5), r.n, r.id, round(r.xmin, 5),
                  round(r.ymin, 5), round(r.xmax, 5), round(r.ymax, 5)]
                 for r in conn.execute(_statement(f, zoom))]
        return {"zoom": zoom, "numberMatched": sum(c[2] for c in cells),
                "cellPixels": CELL_PX,
                "fields": ["lon", "lat", "count", "id", "xmin", "ymin", "xmax", "ymax"],
                "cells": cells}

    if f.q:  # free text: every query its own key, so never kept
        return compute()
    return _cache.get(conn, ("clusters", f, zoom), compute)


def clear_cache() -> None:
    _cache.clear()
