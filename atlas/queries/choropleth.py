"""Communes coloured by label level, for the map's choropleth (GeoJSON by zoom band).

Only communes with a label are coloured (their own, else their intercommunalité's:
``atlas.queries.labels``), a few thousand of them: at low zoom
the whole of France is one answer (cached per data version), simplified to what a pixel
can show and with coordinates rounded to match. From ``OUTLINE_ZOOM`` the answer is
limited to the view (``bbox``) and also carries the communes without a label, unfilled,
so that with no base map (offline, or a blocked tile server) the map still shows where
the visitor is.
"""

from __future__ import annotations

import sqlalchemy as sa

from atlas.errors import InvalidParameter
from atlas.filters import check_view, snap_view
from atlas.queries import labels
from atlas.queries.cache import VersionedCache

# (lowest zoom of the band, simplification tolerance in degrees, decimals kept)
BANDS = [(0, 0.01, 2), (7, 0.003, 3), (9, 0.0008, 4), (11, 0.0002, 5)]
BBOX_ZOOM = 9      # from here the answer is limited to the view
OUTLINE_ZOOM = 11  # from here unlabelled communes come too, as outlines
_cache = VersionedCache(64 * 2**20)

# Who may hold a label: a commune with an award of its own, or a member of an EPCI with
# one. Below OUTLINE_ZOOM only they are drawn, so the label rule runs for them alone.
_HOLDERS = """
    SELECT commune_insee FROM label_award WHERE commune_insee IS NOT NULL
    UNION
    SELECT m.commune_insee FROM epci_member m
    WHERE EXISTS (SELECT 1 FROM label_award a WHERE a.epci_siren = m.epci_siren)"""

_SQL = sa.text(f"""
    SELECT json_build_object('type', 'FeatureCollection', 'features',
             coalesce(json_agg(json_build_object(
               'type', 'Feature', 'id', c.insee,
               'properties', json_build_object(
                   'insee', c.insee, 'name', c.name,
                   'level', l.label_level, 'year', l.label_year,
                   'held_by', CASE WHEN l.label_epci_siren IS NOT NULL THEN 'epci'
                                   WHEN l.label_level IS NOT NULL THEN 'commune' END,
                   'epci_siren', l.label_epci_siren, 'epci_name', l.label_epci_name),
               'geometry', ST_AsGeoJSON(ST_Simplify(c.geom, :tolerance, true), :decimals)::json)
             ORDER BY c.insee), '[]'::json))::text
    FROM commune c
    {labels.latest_sql("c.insee", "l")}
    WHERE c.geom IS NOT NULL
      AND (CAST(:outlines AS boolean) OR c.insee IN ({_HOLDERS}))
      AND (l.label_level IS NOT NULL OR CAST(:outlines AS boolean))
      AND (CAST(:x1 AS float8) IS NULL
           OR c.geom && ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326))""")


def band(zoom: int) -> tuple[int, float, int]:
    return [b for b in BANDS if b[0] <= zoom][-1]


def labelled_communes(conn, zoom: int, label_year: int | None = None,
                      bbox: tuple[float, float, float, float] | None = None) -> str:
    """The FeatureCollection (as JSON text: it goes out as is) of the labelled communes
    with ``level`` and ``year`` of their label (``atlas.queries.labels``: their own, else
    their EPCI's, then ``held_by`` "epci" with ``epci_siren`` and ``epci_name``), the
    latest or that of the ``label_year`` edition."""
    if zoom >= BBOX_ZOOM and bbox is None:
        raise InvalidParameter(f"bbox: required from zoom {BBOX_ZOOM} (the map's view)",
                               param="bbox")
    if zoom < BBOX_ZOOM:
        bbox = None
    else:
        check_view(zoom, bbox)  # one answer for the whole of France, whatever the view
        bbox = snap_view(zoom, bbox)
    _, tolerance, decimals = band(zoom)
    x1, y1, x2, y2 = bbox or (None,) * 4
    params = {"tolerance": tolerance, "decimals": decimals, "label_year": label_year,
              "outlines": zoom >= OUTLINE_ZOOM, "x1": x1, "y1": y1, "x2": x2, "y2": y2}
    return _cache.get(conn, ("choropleth", band(zoom), zoom >= OUTLINE_ZOOM, label_year, bbox),
                      lambda: conn.scalar(_SQL, params))
