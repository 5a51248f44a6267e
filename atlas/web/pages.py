"""HTML pages for visitors: the map of France."""

from __future__ import annotations

import json

import sqlalchemy as sa
from flask import Blueprint, current_app, render_template

from atlas.web import engine
from atlas.web.map_page import build_map, render_parts

bp = Blueprint("pages", __name__)

_REGIONS = sa.text("""
    SELECT json_build_object('type', 'FeatureCollection', 'features',
             coalesce(json_agg(json_build_object(
               'type', 'Feature',
               'properties', json_build_object('code', code, 'name', name),
               'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, 0.01), 4)::json)
             ORDER BY code), '[]'::json))
    FROM region WHERE geom IS NOT NULL""")

_COUNTS = sa.text("""
    SELECT (SELECT count(*) FROM commune) AS communes,
           (SELECT count(*) FROM initiative) AS initiatives,
           (SELECT count(DISTINCT coalesce(commune_insee, epci_siren)) FROM label_award)
             AS labelled""")


@bp.get("/")
def index():
    with engine().connect() as conn:
        outlines = conn.scalar(_REGIONS)
        counts = conn.execute(_COUNTS).mappings().one()
    if isinstance(outlines, str):
        outlines = json.loads(outlines)
    parts = render_parts(build_map(current_app.config["ATLAS"], outlines))
    return render_template("index.html", map=parts, counts=counts)
