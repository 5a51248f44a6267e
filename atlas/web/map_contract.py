"""What the map's script is told by the server: one contract, no hand copies in JS.

``atlas-map.js`` reads the page's ``#atlas-settings`` block. Everything it must agree on
with the server comes from the declarations the server itself validates with: the filter
names (``atlas.filters.FILTER_PARAMS``, so a filter declared there reaches the map's URL
state with no JS change), the peers radii and default, the largest view the API accepts,
the zoom thresholds of the choropleth, the map's own vector tiles, and every URL it fetches or links to, built with
``url_for`` (so a prefix such as ``SCRIPT_NAME`` is honoured).

URL templates carry ``{name}`` placeholders that the script fills with
``encodeURIComponent`` values (``urlFor`` in ``atlas-map.js``).
"""

from __future__ import annotations

from flask import url_for

from atlas import filters
from atlas.queries import choropleth
from atlas.web import vendor
from atlas.web.map_page import MAX_ZOOM, MIN_ZOOM
from tiles import layers as tile_layers

# An integer route segment cannot take "{id}": url_for is given this number, which the
# template then names. Nine nines: no real id comes close to colliding with the text.
_INT_SLOT = 999999999


def _template(endpoint: str, ints: tuple[str, ...] = (), **args: str) -> str:
    """``url_for(endpoint)`` with each route argument left as the ``{placeholder}`` it is
    mapped to (``initiative_id="id"`` gives ``/initiatives/{id}``); ``ints`` names the
    arguments of an integer route segment."""
    values = {k: (_INT_SLOT if k in ints else f"{{{v}}}") for k, v in args.items()}
    url = url_for(endpoint, **values)
    for k, v in args.items():
        url = url.replace(str(_INT_SLOT) if k in ints else f"%7B{v}%7D", f"{{{v}}}")
    return url


def settings() -> dict:
    """The contract's part of the settings block (the page adds its own data)."""
    return {
        # Every declared filter but bbox: the map's box is its view, never URL state.
        "filters": [p.declaration() for p in filters.FILTER_PARAMS if p.name != "bbox"],
        "pairs": {"radii": list(filters.PEERS_RADII),
                  "defaultRadius": filters.PeersQuery.radius_km},
        "view": {"maxTiles": filters.MAX_VIEW_TILES, "minZoom": MIN_ZOOM,
                 "maxZoom": MAX_ZOOM},
        "zoom": {"choroplethBands": [b[0] for b in choropleth.BANDS],
                 "choroplethBbox": choropleth.BBOX_ZOOM,
                 "choroplethOutlines": choropleth.OUTLINE_ZOOM},
        "urls": {
            "clusters": url_for("api.clusters_"),
            "initiatives": url_for("api.initiatives_list"),
            "initiative": _template("api.initiative", ("initiative_id",), initiative_id="id"),
            "stats": url_for("api.stats_"),
            "choropleth": url_for("api.labelled_communes"),
            "communes": url_for("api.communes_search"),
            "commune": _template("api.commune", code="insee"),
            "peers": _template("api.commune_peers", code="insee"),
            "communePage": _template("pages.commune", code="insee"),
            "initiativePage": _template("pages.initiative", ("initiative_id",),
                                        initiative_id="id"),
            "pairsPage": _template("peers_page.pairs", code="insee"),
            "home": url_for("pages.index"),
            "embed": url_for("pages.embed"),
            "export": url_for("exports.export", name="initiatives"),  # + ".csv"...
            "figures": url_for("figures.page"),
            "tile": _template("tiles.tile", name="layer", z="z", x="x", y="y"),
        },
        "mapTiles": map_tiles(),
    }


def map_tiles() -> dict:
    """The main map's outlines: the ``map`` tile layer (départements and the communes'
    label in one tile), drawn by Leaflet.VectorGrid (npm, served under /vendor/)."""
    layer = tile_layers.LAYERS["map"]
    return {"url": _template("tiles.tile", name="layer", z="z", x="x", y="y")
                   .replace("{layer}", layer.name),
            "maxNativeZoom": layer.maxzoom, "attribution": "IGN – ADMIN EXPRESS COG 2018",
            "script": vendor.url("leaflet-vectorgrid", "Leaflet.VectorGrid.bundled.min.js")}


def outlines() -> dict:
    """For a detail page's small map: the commune outlines from our own vector tiles
    (``communes`` layer), drawn by Leaflet.VectorGrid (npm, served under /vendor/), so
    the commune stays readable with no base map."""
    layer = tile_layers.LAYERS["communes"]
    return {"tiles": _template("tiles.tile", name="layer", z="z", x="x", y="y")
                     .replace("{layer}", layer.name),
            "minZoom": layer.minzoom, "maxNativeZoom": layer.maxzoom,
            "script": vendor.url("leaflet-vectorgrid", "Leaflet.VectorGrid.bundled.min.js")}
