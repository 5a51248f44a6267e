"""The OpenAPI 3 description of the API, generated from the parameter declarations of
``atlas.filters`` so that the spec and the validation cannot drift apart."""

from __future__ import annotations

import atlas
from atlas.filters import FILTER_PARAMS, PAGE_PARAMS, PEERS_PARAMS, ZOOM, Param
from atlas.queries import figures

_ERROR = {"$ref": "#/components/schemas/Error"}


def _parameter(p: Param, required: bool = False) -> dict:
    out = {"name": p.name, "in": "query", "required": required, "schema": p.schema(),
           "description": p.description + (" Several values: repeat the parameter or "
                                            "separate them with commas." if p.many else "")}
    if p.many:
        out.update(style="form", explode=True)
    if p.example is not None:
        out["example"] = p.example.split(",") if p.many else p.example
    return out


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/parameters/{name}"}


def _ok(schema: str, media: str = "application/json", description: str = "OK") -> dict:
    return {"description": description,
            "content": {media: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
            "headers": {"ETag": {"schema": {"type": "string"}},
                        "Cache-Control": {"schema": {"type": "string"}}}}


def _responses(ok: dict, *errors: int) -> dict:
    out = {"200": ok, "304": {"description": "Not modified: the client's copy (If-None-"
                                             "Match) is current."}}
    # Every operation may refuse a parameter (unknown, or holding a control character)
    # and be unavailable for a while.
    for status in sorted({*errors, 400, 503}):
        text = {400: "Invalid parameter (unknown, malformed, or holding a control "
                     "character): the body names it and says why.",
                404: "Not found.", 301: "A former code: moved to the current commune.",
                503: "Unavailable for now (the database is down, or the request ran past "
                     "its time budget): retry after `Retry-After` seconds."}[status]
        out[str(status)] = ({"description": text} if status == 301 else
                            {"description": text,
                             "content": {"application/json": {"schema": _ERROR}}})
    return out


_NULLABLE_STRING = {"type": ["string", "null"]}
_POINT = {"type": "object", "required": ["type", "coordinates"],
          "properties": {"type": {"const": "Point"},
                         "coordinates": {"type": "array", "items": {"type": "number"},
                                         "minItems": 2, "maxItems": 2}}}

SCHEMAS = {
    "Error": {"type": "object", "required": ["error", "detail"],
              "properties": {"error": {"type": "string"}, "detail": {"type": "string"},
                             "param": _NULLABLE_STRING}},
    "Initiative": {"type": "object", "required": ["type", "id", "geometry", "properties"],
                   "properties": {
                       "type": {"const": "Feature"}, "id": {"type": "integer"},
                       "geometry": _POINT,
                       "properties": {"type": "object", "required": ["id", "title"],
                                      "properties": {
                                          "id": {"type": "integer"},
                                          "title": {"type": "string"},
                                          "year": {"type": ["integer", "null"]},
                                          "domains": {"type": "array",
                                                      "items": {"type": "string"}},
                                          "source": {"type": "string"},
                                          "synthetic": {"type": "boolean"}}}}},
    "Initiatives": {"type": "object",
                    "required": ["type", "numberMatched", "numberReturned", "links",
                                 "features"],
                    "properties": {
                        "type": {"const": "FeatureCollection"},
                        "numberMatched": {"type": "integer"},
                        "numberReturned": {"type": "integer"},
                        "limit": {"type": "integer"}, "offset": {"type": "integer"},
                        "links": {"type": "array", "items": {
                            "type": "object", "required": ["rel", "href"],
                            "properties": {"rel": {"enum": ["self", "next", "prev"]},
                                           "href": {"type": "string"}}}},
                        "features": {"type": "array",
                                     "items": {"$ref": "#/components/schemas/Initiative"}}}},
    "Stats": {"type": "object", "required": ["numberMatched", "facets"],
              "properties": {"numberMatched": {"type": "integer"},
                             "filters": {"type": "object"},
                             "facets": {"type": "object", "additionalProperties": {
                                 "type": "array", "items": {
                                     "type": "object", "required": ["value", "count"],
                                     "properties": {"count": {"type": "integer"}}}}}}},
    "CommuneMatches": {"type": "object", "required": ["communes"], "properties": {
        "q": {"type": "string"},
        "communes": {"type": "array", "items": {"type": "object",
                                                "required": ["insee", "name", "departement"],
                                                "properties": {
                                                    "insee": {"type": "string"},
                                                    "name": {"type": "string"},
                                                    "match": {"enum": ["prefix", "typo",
                                                                       "code"]}}}}}},
    "Commune": {"type": "object", "required": ["type", "id", "properties"],
                "properties": {"type": {"const": "Feature"}, "id": {"type": "string"},
                               "properties": {"type": "object",
                                              "required": ["insee", "name", "labels",
                                                           "initiatives"]}}},
    "Clusters": {"type": "object", "required": ["zoom", "numberMatched", "fields", "cells"],
                 "properties": {
                     "zoom": {"type": "integer"}, "numberMatched": {"type": "integer"},
                     "cellPixels": {"type": "integer"},
                     "fields": {"type": "array", "items": {"type": "string"}},
                     "cells": {"type": "array", "items": {
                         "type": "array", "minItems": 8, "maxItems": 8,
                         "items": {"type": ["number", "null"]}}}}},
    "LabelledCommunes": {"type": "object", "required": ["type", "features"], "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object", "required": ["type", "id", "properties", "geometry"],
            "properties": {"type": {"const": "Feature"}, "id": {"type": "string"},
                           "properties": {"type": "object",
                                          "required": ["insee", "name", "level", "year"]}}}}}},
    "Peer": {"type": "object", "required": ["type", "id", "geometry", "properties"],
             "properties": {
                 "type": {"const": "Feature"}, "id": {"type": "string"}, "geometry": _POINT,
                 "properties": {"type": "object",
                                "required": ["insee", "name", "population", "distance_km",
                                             "label", "initiatives"],
                                "properties": {
                                    "insee": {"type": "string"}, "name": {"type": "string"},
                                    "population": {"type": ["integer", "null"]},
                                    "distance_km": {"type": "number", "minimum": 0},
                                    "label": {"$ref": "#/components/schemas/Label"},
                                    "initiatives": {"type": "integer", "minimum": 0}}}}},
    "Label": {"oneOf": [{"type": "null"}, {
        "type": "object", "required": ["year", "level"],
        "properties": {"year": {"type": "integer"},
                       "level": {"type": "integer", "minimum": 1, "maximum": 5}}}]},
    "Peers": {"type": "object",
              "required": ["type", "reference", "parameters", "numberReturned", "features"],
              "properties": {
                  "type": {"const": "FeatureCollection"},
                  "reference": {
                      "type": "object", "required": ["type", "id", "geometry", "properties"],
                      "description": "The commune asked about: its point, population, "
                                     "label and the search radius.",
                      "properties": {
                          "type": {"const": "Feature"}, "geometry": _POINT,
                          "properties": {"type": "object",
                                         "required": ["insee", "name", "population",
                                                      "radius_km"]}}},
                  "parameters": {"type": "object"},
                  "numberReturned": {"type": "integer"},
                  "features": {"type": "array",
                               "items": {"$ref": "#/components/schemas/Peer"}}}},
    "LabelFigures": {
        "type": "object", "required": ["filters", "editions", "latest", "figures"],
        "properties": {
            "filters": {"type": "object"},
            "editions": {"type": "array", "items": {"type": "integer"}},
            "latest": {"type": ["integer", "null"]},
            "compared": {"oneOf": [{"type": "null"}, {
                "type": "array", "items": {"type": "integer"}, "minItems": 2,
                "maxItems": 2}]},
            "figures": {"type": "array", "items": {
                "type": "object", "required": ["key", "title", "summary", "columns", "rows"],
                "properties": {
                    "key": {"enum": ["labelled_commune", "labelled_epci", "population",
                                     "regions", "moves", "domains", "years", "places"]},
                    "title": {"type": "string"}, "summary": {"type": "string"},
                    "note": {"type": "string"},
                    "columns": {"type": "array", "items": {
                        "type": "object", "required": ["key", "label"]}},
                    "rows": {"type": "array", "items": {"type": "object"}}}}}}},
    "List": {"type": "object"},
    "OgcException": {"type": "object", "required": ["code", "description"],
                     "properties": {"code": {"type": "string"},
                                    "description": {"type": "string"}}},
    "TileJSON": {"type": "object",
                 "required": ["tilejson", "tiles", "minzoom", "maxzoom", "vector_layers"],
                 "properties": {"tilejson": {"const": "3.0.0"},
                                "tiles": {"type": "array", "items": {"type": "string"}},
                                "minzoom": {"type": "integer"},
                                "maxzoom": {"type": "integer"},
                                "vector_layers": {"type": "array"}}},
}

# The tile layers (tiles.layers.LAYERS), named here so the spec needs no import of tiles.
_TILE_LAYER = {"name": "layer", "in": "path", "required": True,
               "schema": {"type": "string",
                          "enum": ["regions", "departements", "communes", "initiatives",
                                   "map"]}}


def _export() -> dict:
    from atlas import exports  # here: atlas.exports imports atlas.openapi's neighbours

    def enum(name: str, values, text: str) -> dict:
        return {"name": name, "in": "path", "required": True, "description": text,
                "schema": {"type": "string", "enum": list(values)}}

    media = {m.split(";")[0]: {"schema": ({"type": "object"} if "json" in m else
                                          {"type": "string", "format": "binary"})}
             for m in exports.FORMATS.values()}
    crs = {"name": "crs", "in": "query", "required": False,
           "description": "CRS of gpkg, shp.zip and fgb files: 4326 (default) or 2154 "
                          "(Lambert-93); geojson and csv are WGS 84 only.",
           "schema": {"type": "string", "enum": ["4326", "2154", "EPSG:4326",
                                                 "EPSG:2154"]}}
    return {
        "summary": "The filtered view as a file: GeoJSON (RFC 7946), CSV (UTF-8, `;`), "
                   "GeoPackage, zipped Shapefile, FlatGeobuf; named after the layer, the "
                   "date and the filters (Content-Disposition); carries sources and "
                   "licence. limit and offset are refused: an export is never a page.",
        "operationId": "export",
        "parameters": [enum("layer", exports.LAYERS, "initiatives, communes (holding "
                            "matching records) or labels (awards of their collectivités)"),
                       enum("format", exports.FORMATS, "File format.")]
                      + [_ref(p.name) for p in FILTER_PARAMS] + [crs],
        "responses": {
            "200": {"description": "The file, streamed.", "content": media,
                    "headers": {"Content-Disposition": {"schema": {"type": "string"}}}},
            **{str(status): {"description": text,
                             "content": {"application/json": {"schema": _ERROR}}}
               for status, text in ((400, "Invalid parameter: the body names it and says "
                                          "why (crs not available for the format too)."),
                                    (404, "No such layer or format."),
                                    (503, "Unavailable for now (the database is down, or "
                                          "the export ran past its time budget): retry "
                                          "after `Retry-After` seconds."))}}}


def _ogc() -> dict:
    """The OGC API – Features paths (``atlas.web.ogc``). Items are declared per
    collection, with its queryables as query parameters: GDAL's OAPIF driver reads them
    (and ``limit``'s default and maximum) from here."""
    from atlas.queries import ogc

    html = {"text/html": {"schema": {"type": "string"}}}

    def answer(media: str, schema: dict, *errors: int) -> dict:
        out = {"200": {"description": "OK", "content": {media: {"schema": schema}, **html},
                       "headers": {"ETag": {"schema": {"type": "string"}}}},
               "304": {"description": "Not modified (If-None-Match is current)."}}
        for status in errors:
            out[str(status)] = {
                "description": {400: "Invalid parameter (the body says which and why; a "
                                     "filter: line and column).",
                                404: "No such collection or feature.",
                                503: "The query ran past the time limit."}[status],
                "content": {"application/json": {"schema": {
                    "$ref": "#/components/schemas/OgcException"}}, **html}}
        return out

    def query(name: str, schema: dict, text: str) -> dict:
        return {"name": name, "in": "query", "required": False, "schema": schema,
                "description": text}

    fmt = query("f", {"type": "string", "enum": ["json", "html"]},
                "json (default) or html; without it, the Accept header decides.")
    crs_values = {"type": "string", "enum": list(ogc.CRSS) + ["EPSG:4326", "EPSG:2154"]}
    crs = query("crs", crs_values, "CRS of the geometries: CRS84 (default, lon/lat), "
                "EPSG:4326 (lat/lon) or EPSG:2154 (Lambert-93, metres).")
    cid = {"name": "collectionId", "in": "path", "required": True,
           "schema": {"type": "string", "enum": list(ogc.COLLECTIONS)}}
    obj = {"type": "object"}
    collection_ = {"type": "object", "required": ["id", "links"]}
    paths = {
        "/ogc/": {"get": {"summary": "OGC API – Features: landing page",
                          "operationId": "ogcLanding", "parameters": [fmt],
                          "responses": answer("application/json", obj, 400)}},
        "/ogc/conformance": {"get": {
            "summary": "Conformance classes", "operationId": "ogcConformance",
            "parameters": [fmt], "responses": answer("application/json", {
                "type": "object", "required": ["conformsTo"]}, 400)}},
        "/ogc/collections": {"get": {
            "summary": "The collections: initiatives, communes, labels",
            "operationId": "ogcCollections", "parameters": [fmt],
            "responses": answer("application/json", {
                "type": "object", "required": ["collections", "links"],
                "properties": {"collections": {"type": "array", "items": collection_}}},
                400)}},
        "/ogc/collections/{collectionId}": {"get": {
            "summary": "A collection: extent, CRS, licence links",
            "operationId": "ogcCollection", "parameters": [cid, fmt],
            "responses": answer("application/json", collection_, 400, 404)}},
        "/ogc/collections/{collectionId}/queryables": {"get": {
            "summary": "The properties a filter may name (JSON Schema)",
            "operationId": "ogcQueryables", "parameters": [cid, fmt],
            "responses": answer("application/schema+json", obj, 400, 404)}},
        "/ogc/collections/{collectionId}/items/{featureId}": {"get": {
            "summary": "One feature", "operationId": "ogcFeature",
            "parameters": [cid, {"name": "featureId", "in": "path", "required": True,
                                 "schema": {"type": "string", "maxLength": 40}}, crs, fmt],
            "responses": answer("application/geo+json", {
                "type": "object", "required": ["type", "geometry", "properties"]},
                400, 404, 503)}},
    }
    features = {"type": "object", "required": ["type", "numberMatched", "numberReturned",
                                               "features", "links"],
                "properties": {"type": {"const": "FeatureCollection"},
                               "numberMatched": {"type": "integer", "minimum": 0},
                               "numberReturned": {"type": "integer", "minimum": 0},
                               "features": {"type": "array"}}}
    api_filters = [_ref(p.name) for p in FILTER_PARAMS if p.name != "bbox"]
    for name, c in ogc.COLLECTIONS.items():
        own = [query(q, {"type": {"int": "integer", "text": "string",
                                  "bool": "boolean"}[f.kind]},
                     f"Features whose `{q}` equals this value.")
               for q, f in ogc.queryables(name).items()
               if q not in {p.name for p in FILTER_PARAMS}]
        paths[f"/ogc/collections/{name}/items"] = {"get": {
            "summary": f"{c.title}: features (GeoJSON), ordered by {c.id_field}, paged by "
                       "the next and prev links",
            "operationId": f"ogcItems_{name}",
            "parameters": [
                query("limit", {"type": "integer", "minimum": 1, "maximum": ogc.MAX_LIMIT,
                                "default": ogc.DEFAULT_LIMIT},
                      f"Features per page (default {ogc.DEFAULT_LIMIT}, at most "
                      f"{ogc.MAX_LIMIT}; more is served as {ogc.MAX_LIMIT})."),
                query("offset", {"type": "integer", "minimum": 0,
                                 "maximum": ogc.MAX_OFFSET}, "Features to skip."),
                query("bbox", {"type": "string", "maxLength": 200},
                      "Bounding box x_min,y_min,x_max,y_max in bbox-crs (default CRS84: "
                      "lon,lat); the features intersecting it."),
                query("bbox-crs", crs_values, "CRS of bbox (EPSG:4326: lat,lon order)."),
                crs,
                query("datetime", {"type": "string", "maxLength": 60},
                      "A year, a date or an interval (2018/2020, ../2020): features of "
                      "those years." + ("" if c.temporal else " Not for this collection.")),
                query("filter", {"type": "string", "maxLength": 4000},
                      "CQL2 text on the queryables: = <> < <= > >=, AND, OR, NOT, LIKE, "
                      "BETWEEN, IN, IS NULL, CASEI, S_INTERSECTS(geometry, BBOX(...) | "
                      "POINT(...) | POLYGON(...))."),
                query("filter-lang", {"type": "string", "enum": ["cql2-text"]},
                      "Only cql2-text."),
                query("filter-crs", crs_values, "CRS of the filter's geometries."),
                fmt] + api_filters + own,
            "responses": answer("application/geo+json", features, 400, 503)}}
    return paths


def spec() -> dict:
    params = {p.name: _parameter(p) for p in FILTER_PARAMS + PAGE_PARAMS}
    params["zoom"] = _parameter(ZOOM, required=True)
    filter_refs = [_ref(p.name) for p in FILTER_PARAMS]
    insee = {"name": "insee", "in": "path", "required": True,
             "schema": {"type": "string", "pattern": "^(\\d{5}|2[AB]\\d{3})$"},
             "description": "INSEE code; a former code redirects (301) to the current one."}
    paths = {
        "/api/initiatives": {"get": {
            "summary": "Initiatives matching the filters (GeoJSON, paged, ordered by id)",
            "operationId": "listInitiatives",
            "parameters": filter_refs + [_ref("limit"), _ref("offset")],
            "responses": _responses(_ok("Initiatives", "application/geo+json"), 400)}},
        "/api/initiatives/{id}": {"get": {
            "summary": "One initiative (GeoJSON Feature)", "operationId": "getInitiative",
            "parameters": [{"name": "id", "in": "path", "required": True,
                            "schema": {"type": "integer", "minimum": 1,
                                       "maximum": 2**63 - 1}}],
            "responses": _responses(_ok("Initiative", "application/geo+json"), 404)}},
        "/api/stats": {"get": {
            "summary": "Counts by domain, région, département, level, year and source for "
                       "the filters (each facet ignores its own filter)",
            "operationId": "getStats", "parameters": filter_refs,
            "responses": _responses(_ok("Stats"), 400)}},
        "/api/stats/label": {"get": {
            "summary": "\"Le label en chiffres\": collectivités labelled per edition and "
                       "level (communes and EPCI apart), population covered per edition "
                       "(each commune once), per région for the latest edition, level moves "
                       "between two editions, initiatives per domain and year, places per "
                       "type; each figure a table (columns, rows) with a title and a "
                       "sentence. Takes `region`, `departement`, `source` (and `domain` for "
                       "the initiative figures); other filters are refused",
            "operationId": "getLabelFigures",
            "parameters": [_ref(n) for n in figures.APPLICABLE]
                          + [_parameter(p) for p in figures.EDITIONS],
            "responses": _responses(_ok("LabelFigures"), 400)}},
        "/api/clusters": {"get": {
            "summary": "The matching initiatives grouped for a web map: one row per "
                       "non-empty cell of a 64-pixel grid at `zoom` (count, mean position, "
                       "extent, and the id of a lone initiative); `bbox` is the view",
            "operationId": "getClusters", "parameters": filter_refs + [_ref("zoom")],
            "responses": _responses(_ok("Clusters"), 400)}},
        "/api/labels/communes": {"get": {
            "summary": "Communes with a label, with the level and year of their latest award "
                       "(or of `label_year`), geometry simplified for `zoom`; from zoom 9 "
                       "`bbox` is required and limits the answer, from zoom 11 communes "
                       "without a label come too (level null), as outlines",
            "operationId": "getLabelledCommunes",
            "parameters": [_ref("zoom"), _ref("label_year"), _ref("bbox")],
            "responses": _responses(_ok("LabelledCommunes", "application/geo+json"), 400)}},
        "/api/communes": {"get": {
            "summary": "Commune autocomplete: prefix of the name, accents ignored, typos "
                       "tolerated, homonyms with their département, former names pointing "
                       "to their current commune",
            "operationId": "searchCommunes",
            "parameters": [
                {"name": "q", "in": "query", "required": True,
                 "schema": {"type": "string", "minLength": 1, "maxLength": 100},
                 "example": "saint-eti"},
                {"name": "limit", "in": "query", "required": False,
                 "schema": {"type": "integer", "minimum": 1, "maximum": 50}}],
            "responses": _responses(_ok("CommuneMatches"), 400)}},
        "/api/communes/{insee}": {"get": {
            "summary": "A commune, its label history and its initiatives by domain",
            "operationId": "getCommune", "parameters": [insee],
            "responses": _responses(_ok("Commune", "application/geo+json"), 301, 400, 404)}},
        "/api/communes/{insee}/peers": {"get": {
            "summary": "Nearby peers: communes within the radius holding initiatives or "
                       "labels, nearest first by true distance, each with its distance, "
                       "latest label, matching initiatives and population. EPCI records "
                       "and places are not counted; the commune itself is left out and "
                       "described in `reference`",
            "operationId": "getCommunePeers",
            "parameters": [insee] + [
                _ref(p.name) if p in FILTER_PARAMS else _parameter(p) for p in PEERS_PARAMS],
            "responses": _responses(_ok("Peers", "application/geo+json"), 301, 400, 404)}},
        "/api/domains": {"get": {"summary": "The domain taxonomy", "operationId": "domains",
                                 "responses": _responses(_ok("List"))}},
        "/api/regions": {"get": {"summary": "Régions", "operationId": "regions",
                                 "responses": _responses(_ok("List"))}},
        "/api/departements": {"get": {"summary": "Départements", "operationId": "departements",
                                      "responses": _responses(_ok("List"))}},
        "/export/{layer}.{format}": {"get": _export()},
        "/tiles/{layer}/{z}/{x}/{y}.pbf": {"get": {
            "summary": "A Mapbox Vector Tile of a layer (communes from z7); `initiatives` "
                       "takes the filters, other layers refuse them (400). z/x/y outside "
                       "the grid or the layer's zooms: 400",
            "operationId": "getTile",
            "parameters": [_TILE_LAYER] + [
                {"name": n, "in": "path", "required": True,
                 "schema": {"type": "integer", "minimum": 0, "maximum": 65535}}
                for n in ("z", "x", "y")] + filter_refs,
            "responses": {
                **_responses({"description": "The tile",
                              "content": {"application/vnd.mapbox-vector-tile": {
                                  "schema": {"type": "string", "format": "binary"}}},
                              "headers": {"ETag": {"schema": {"type": "string"}}}},
                             400, 404),
                "204": {"description": "Empty tile: nothing to draw there."}}}},
        "/tiles/{layer}.json": {"get": {
            "summary": "TileJSON 3.0.0 of a layer (tile URL, zooms, bounds, fields, "
                       "attribution)", "operationId": "getTileJSON",
            "parameters": [_TILE_LAYER] + filter_refs,
            "responses": _responses(_ok("TileJSON"), 400, 404)}},
        **_ogc(),
        "/api/health": {"get": {"summary": "Liveness and schema revision",
                                "operationId": "health",
                                "responses": {"200": {"description": "OK"},
                                              "503": {"description": "Database unavailable"}}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Atlas des initiatives numériques",
            "version": atlas.__version__,
            "description": (
                "Local digital initiatives of French communes and their Villes Internet "
                "label levels. Coordinates are WGS 84 longitude, latitude. Every filter is "
                "shared by all endpoints that take filters. Unknown query parameters are "
                "refused with 400 naming the parameter. Responses carry a weak ETag (the "
                "data version and the URL) and Cache-Control; gzip when accepted."),
            "license": {"name": "Licence Ouverte 2.0 (data: COG INSEE, ADMIN EXPRESS IGN)",
                        "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}},
        "paths": paths,
        "components": {"parameters": params, "schemas": SCHEMAS},
    }


def ogc_spec(root: str) -> dict:
    """The OGC API part of ``spec()`` as its own document, served at ``/ogc/api``: paths
    relative to the landing page ``root`` (its ``servers`` entry), which is where OGC
    clients (GDAL's OAPIF driver) look up ``/collections/{id}/items``."""
    full = spec()
    paths = {path.removeprefix("/ogc") or "/": item for path, item in full["paths"].items()
             if path.startswith("/ogc/")}
    return {**full, "servers": [{"url": root}], "paths": paths}

