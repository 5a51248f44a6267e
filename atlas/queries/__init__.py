"""The query core: plain functions taking a connection and validated arguments, returning
plain data (dicts, GeoJSON-shaped dicts) or raising ``AtlasError`` subclasses.

No Flask here: the API, the pages, the exports and the tiles all call these, so that
"which initiatives match these filters?" has one answer. Coordinates are WGS 84
(EPSG:4326), longitude first.
"""
