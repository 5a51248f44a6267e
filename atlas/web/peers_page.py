"""The page ``/communes/<insee>/pairs``: the communes near a commune that already do what
it wants to do (``atlas.queries.peers``), as a table and a small map.

The table is the page's content and the map's text alternative: every peer, its distance,
label, initiatives and population, with links to its initiatives on the main map and to
its commune page. The form is a GET, so a filtered view is a shareable URL. A former code
redirects (301, query kept) to the current commune's page; an unknown code or a name is a
404 page offering the closest communes.
"""

from __future__ import annotations

import html
import math

import folium
import sqlalchemy as sa
from flask import Blueprint, current_app, render_template, request

from atlas import filters
from atlas.errors import NotFound
from atlas.queries import peers
from atlas.web import engine
from atlas.web.map_page import build_map, render_parts
from atlas.web.templating import label_text

bp = Blueprint("peers_page", __name__)

_DOMAINS = sa.text("SELECT code, label FROM domain ORDER BY position, code")


def _js_html(text: str) -> str:
    """``text`` made safe inside the HTML of a JS template literal, which is where folium
    puts tooltip text: HTML-escaped, and ` $ \\ as entities so the literal cannot end or
    interpolate (a commune name is data)."""
    return (html.escape(str(text)).replace("\\", "&#92;").replace("`", "&#96;")
            .replace("$", "&#36;"))


def _map(result: dict):
    """A small folium map: the commune, its search radius, the peers (assets from
    /vendor only: ``render_parts`` refuses anything else)."""
    ref = result["reference"]
    lon, lat = ref["geometry"]["coordinates"]
    radius_m = ref["properties"]["radius_km"] * 1000
    m = build_map(current_app.config["ATLAS"])
    folium.Circle((lat, lon), radius=radius_m, color="#1d4e89", weight=1.5, fill=True,
                  fill_opacity=0.05, interactive=False).add_to(m)
    folium.CircleMarker((lat, lon), radius=8, color="#b3261e", fill=True, fill_opacity=0.9,
                        tooltip=folium.Tooltip(_js_html(ref["properties"]["name"]))
                        ).add_to(m)
    for f in result["features"]:
        plon, plat = f["geometry"]["coordinates"]
        p = f["properties"]
        label = f" · {label_text(p['label'])}" if p["label"] else ""
        folium.CircleMarker((plat, plon), radius=6, color="#1d4e89", fill=True,
                            fill_opacity=0.7,
                            tooltip=folium.Tooltip(_js_html(
                                f"{p['name']} · {p['distance_km']:.1f} km{label}"))).add_to(m)
    # The circle's bounds: 1° of latitude is 111 km; longitude shrinks with latitude.
    dlat = radius_m / 111_320
    dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
    m.fit_bounds([(lat - dlat, lon - dlon), (lat + dlat, lon + dlon)])
    return render_parts(m)


@bp.get("/communes/<code>/pairs")
def pairs(code: str):
    """The page; 301 for a former code, 404 page with suggestions for an unknown one,
    400 (error page) for an invalid parameter."""
    args = {k: request.args.getlist(k) for k in request.args}
    q = filters.parse_peers(args)
    with engine().connect() as conn:
        try:
            result = peers.peers(conn, code, q)  # a former code: 301 (atlas.web.errors)
        except NotFound as error:
            return render_template("peers.html", not_found=error, code=code), 404
        domains = conn.execute(_DOMAINS).all()
    domain_labels = dict(domains)
    return render_template(
        "peers.html", result=result, ref=result["reference"]["properties"], q=q,
        domains=domains, domain_labels=domain_labels, radii=filters.PEERS_RADII, map=_map(result),
        main_map_query=[("domain", ",".join(q.domain))] if q.domain else [])
