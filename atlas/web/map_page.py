"""Build the folium map of the public page, with every asset served by our app.

folium's defaults load Leaflet, jQuery, Bootstrap and Font Awesome from CDNs; here the
map's JS/CSS lists are replaced by our ``/vendor`` URLs, and ``render_parts`` refuses to
emit a page that still links to another host (visitors' privacy, offline use).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import folium
from markupsafe import Markup

from atlas.config import Config
from atlas.web import headers, vendor

FRANCE_CENTER = (46.6, 2.4)
FRANCE_ZOOM = 6
_EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)


MIN_ZOOM, MAX_ZOOM = 2, 18


@dataclass(frozen=True)
class MapParts:
    name: str  # the map's JavaScript variable, for our static script to find it
    header: Markup
    body: Markup
    script: Markup


@dataclass(frozen=True)
class View:
    """Where the map looks: from the page URL (``lat``, ``lon``, ``z``)."""

    lat: float = FRANCE_CENTER[0]
    lon: float = FRANCE_CENTER[1]
    zoom: int = FRANCE_ZOOM


def build_map(config: Config, view: View = View()) -> folium.Map:
    """A Leaflet map at ``view``, with the base map when one is configured. France itself
    (départements, communes) is drawn by the pages' scripts from our vector tiles."""
    m = folium.Map(location=(view.lat, view.lon), zoom_start=view.zoom, tiles=None,
                   control_scale=True, prefer_canvas=True, min_zoom=MIN_ZOOM,
                   max_zoom=MAX_ZOOM)
    # Instance lists shadow folium's class-level CDN lists.
    m.default_js = [("leaflet", vendor.url("leaflet", "leaflet.js"))]
    m.default_css = [("leaflet_css", vendor.url("leaflet", "leaflet.css")),
                     ("markercluster_css",
                      vendor.url("leaflet-markercluster", "MarkerCluster.css")),
                     ("markercluster_default_css",
                      vendor.url("leaflet-markercluster", "MarkerCluster.Default.css"))]
    if config.basemap_url:
        folium.TileLayer(config.basemap_url, attr=config.basemap_attribution,
                         name="Fond de carte", max_zoom=19).add_to(m)
    return m


def render_parts(m: folium.Map) -> MapParts:
    """Render the map into header / body / script fragments for our own page template."""
    fig = m.get_root()
    fig.render()
    header = fig.header.render()
    # folium's header forces body margins and a viewport that forbids zooming the page
    # (an accessibility failure); our template sets both itself.
    header = re.sub(r'<meta name="viewport"[^>]*>', "", header)
    # folium's header holds inline scripts (Leaflet options): they run only with the
    # request's CSP nonce.
    parts = MapParts(m.get_name(), headers.nonce_scripts(header),
                     headers.nonce_scripts(fig.html.render()), Markup(fig.script.render()))
    for part in (parts.header, parts.body):
        found = _EXTERNAL.search(part)
        if found:
            raise RuntimeError(f"map page links to another host: {part[found.start():][:120]}")
    return parts
