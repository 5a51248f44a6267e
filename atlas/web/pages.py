"""HTML pages for visitors: the map of France, with the sources of its data."""

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
           (SELECT count(*) FROM initiative WHERE kind = 'initiative') AS initiatives,
           (SELECT count(*) FROM initiative WHERE kind = 'place') AS places,
           (SELECT count(DISTINCT coalesce(commune_insee, epci_siren)) FROM label_award)
             AS labelled""")

# Sources with at least one record on the map, each with what it brings.
_SOURCES = sa.text("""
    SELECT * FROM (
        SELECT s.title, s.attribution, s.licence, s.licence_url, s.url, s.synthetic,
               count(*) FILTER (WHERE i.kind = 'initiative') AS initiatives,
               count(*) FILTER (WHERE i.kind = 'place') AS places,
               (SELECT count(*) FROM label_award a WHERE a.source = s.name) AS awards
        FROM source s LEFT JOIN initiative i ON i.source = s.name
        GROUP BY s.name) AS counted
    WHERE initiatives + places + awards > 0
    ORDER BY synthetic, title, attribution""")


def _web_link(url: str | None) -> str | None:
    # Only web addresses become links: a source row is data, and "javascript:" is a URL.
    return url if url and url.startswith(("https://", "http://")) else None


@bp.app_template_filter("nombre")
def nombre(n: int) -> str:
    """12345 → "12 345" (French thousands separator, a no-break space)."""
    return f"{n:,}".replace(",", "\u00a0")


@bp.get("/")
def index():
    with engine().connect() as conn:
        outlines = conn.scalar(_REGIONS)
        counts = conn.execute(_COUNTS).mappings().one()
        sources = [dict(s, url=_web_link(s["url"]), licence_url=_web_link(s["licence_url"]))
                   for s in conn.execute(_SOURCES).mappings()]
    if isinstance(outlines, str):
        outlines = json.loads(outlines)
    parts = render_parts(build_map(current_app.config["ATLAS"], outlines))
    return render_template("index.html", map=parts, counts=counts, sources=sources)
