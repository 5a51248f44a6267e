"""TileJSON 3.0.0 of a layer (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0):
what a map client needs to add it as a vector source."""

from __future__ import annotations

from tiles.layers import Layer

# lon_min, lat_min, lon_max, lat_max of the data: metropolitan France and the DROM.
BOUNDS = [-61.9, -21.5, 56.0, 51.2]
CENTER = [2.5, 46.6, 5]


def tilejson(layer: Layer, tiles_url: str, version: int) -> dict:
    """``tiles_url`` is the absolute URL template ``.../{z}/{x}/{y}.pbf`` (with the
    request's filters for ``initiatives``); ``version`` is the data version."""
    return {
        "tilejson": "3.0.0",
        "name": layer.name,
        "description": layer.description,
        "version": "1.0.0",
        "attribution": layer.attribution,
        "scheme": "xyz",
        "tiles": [tiles_url],
        "minzoom": layer.minzoom,
        "maxzoom": layer.maxzoom,
        "bounds": BOUNDS,
        "center": [CENTER[0], CENTER[1], max(layer.minzoom, CENTER[2])],
        "vector_layers": [{
            "id": part.name, "description": part.description,
            "minzoom": part.minzoom, "maxzoom": part.maxzoom,
            "fields": {f.name: f"{f.description} ({f.type})" for f in part.fields},
        } for part in (layer.parts or (layer,))],
        "data_version": version,
    }
