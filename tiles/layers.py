"""The layers a tile can hold: name, attributes, zoom range, feature cap.

Layer, table and column names are constants of this module: a request only picks a
layer by name (an unknown one is a 404) and gives integers z/x/y, so no identifier of
the SQL ever comes from a request.

Zoom ranges follow what fits in a tile. Measured on the 34,868 real commune outlines: the
densest z5 tile holds 22,000 communes, 630 KB for their geometry alone even simplified
to a unit, and the densest z6 tile 10,800 communes, 1.7 MB with attributes; at z7 it is
2,700 communes, about 350 KB. So communes start at z7, and below it the map shows
régions and départements (whole France from z0) and thinned initiatives.
"""

from __future__ import annotations

import dataclasses

from atlas.errors import NotFound
from atlas.filters import FILTER_PARAMS

EXTENT = 4096  # tile units per side: the MVT default, what every client expects
BUFFER = 64  # units drawn beyond the edge, so strokes and markers are not cut


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    type: str  # TileJSON vector_layers field type: "Number" or "String"
    description: str


@dataclasses.dataclass(frozen=True)
class Layer:
    name: str
    description: str
    fields: tuple[Field, ...]
    minzoom: int
    maxzoom: int
    max_features: int  # per tile: a bound on work and size even if the data grows
    params: tuple[str, ...] = ()  # query parameters accepted (the API's filters)
    attribution: str = ""
    extent: int = EXTENT  # tile units per side
    parts: tuple["Layer", ...] = ()  # a tile of several MVT layers: those it holds

    @property
    def buffer(self) -> int:
        """Units drawn beyond the edge: the same share of the tile at every extent."""
        return BUFFER * self.extent // EXTENT


_ADMIN = ("IGN – ADMIN EXPRESS COG 2018, INSEE – Code officiel géographique 2026, "
          "Licence Ouverte / Open Licence (Etalab)")

LAYERS: dict[str, Layer] = {layer.name: layer for layer in (
    Layer("regions", "Régions (INSEE COG), outlines IGN ADMIN EXPRESS COG",
          (Field("code", "String", "INSEE code of the région"),
           Field("name", "String", "Official name")),
          minzoom=0, maxzoom=14, max_features=1000, attribution=_ADMIN),
    Layer("departements", "Départements (INSEE COG), outlines IGN ADMIN EXPRESS COG",
          (Field("code", "String", "INSEE code of the département (2A, 974...)"),
           Field("name", "String", "Official name"),
           Field("region", "String", "INSEE code of its région")),
          minzoom=0, maxzoom=14, max_features=1000, attribution=_ADMIN),
    Layer("communes", "Communes (INSEE COG), their Villes Internet label (their own, "
          "else their intercommunalité's) and initiative count",
          (Field("insee", "String", "INSEE code of the commune"),
           Field("name", "String", "Official name, with its article"),
           Field("level", "Number", "Label level (1 to 5 @): the commune's latest (or "
                 "that of the `label_year` edition), else its EPCI's; absent if none"),
           Field("label_year", "Number", "Edition year of that level"),
           Field("label_epci", "String", "Name of the EPCI when the label is the "
                 "intercommunalité's, not the commune's own; absent otherwise"),
           Field("initiatives", "Number", "Initiatives and places recorded in the "
                 "commune")),
          minzoom=7, maxzoom=14, max_features=10_000, params=("label_year",),
          attribution=_ADMIN),
    Layer("initiatives", "Initiatives and places, filtered as /api/initiatives is; below "
          "z12 one per 64×64-unit cell of the tile (the lowest id), so a tile stays small",
          (Field("id", "Number", "Initiative id (/api/initiatives/{id})"),
           Field("title", "String", "Title"),
           Field("domains", "String", "Domain codes, comma-separated"),
           Field("level", "Number", "Label level of its collectivité (1 to 5 @), as the "
                 "`level` filter means it")),
          minzoom=0, maxzoom=16, max_features=10_000,
          params=tuple(p.name for p in FILTER_PARAMS),
          attribution="Villes Internet; sources of each record: /api/stats `source`"),
)}

MAP_EXTENT = 512  # the map layer's extent: half a pixel of a 256-pixel tile
_MAP_COMMUNES = LAYERS["communes"]
LAYERS["map"] = Layer(
    "map", "The public map's outlines in one tile: départements (the land) and the "
    "communes with their label; z7–10 the labelled communes only, from z11 every one",
    (), minzoom=0, maxzoom=14, max_features=10_000, params=("label_year",),
    attribution=_ADMIN, extent=MAP_EXTENT,
    parts=(Layer("departements", "Départements: the land and its borders",
                 LAYERS["departements"].fields[:2], minzoom=0, maxzoom=14,
                 max_features=1000, extent=MAP_EXTENT),
           Layer("communes", "Communes and their label (their own, else their "
                 "intercommunalité's); z7–10 labelled ones only",
                 tuple(f for f in _MAP_COMMUNES.fields if f.name != "initiatives"),
                 minzoom=7, maxzoom=14, max_features=10_000, extent=MAP_EXTENT)))

THIN_BELOW = 12  # initiatives: zooms below this keep one point per cell
THIN_CELL = 64  # units: at most (4096/64)^2 = 4096 points per thinned tile


def get(name: str) -> Layer:
    """The layer named ``name``; NotFound (404) for any other name."""
    layer = LAYERS.get(name)
    if layer is None:
        raise NotFound(f"no tile layer {name!r} (layers: {', '.join(LAYERS)})")
    return layer


def band(z: int) -> str:
    """The column of ``tile_shape`` holding outlines generalised for zoom ``z``: bands
    0–2 and 3–5 snapped to their grid, the outline itself from 6 (``tiles.shapes``)."""
    return "g0" if z < 3 else "g3" if z < 6 else "g9"
