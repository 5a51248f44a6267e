"""Mapbox Vector Tiles built by PostGIS, with an on-disk cache (issue 12).

``layers`` is the registry (names, attributes, zoom ranges: nothing of the SQL comes from
a request), ``mvt`` builds and runs one tile's statement, ``cache`` keeps built tiles on
disk per data version, ``tilejson`` describes a layer, ``shapes`` refreshes the
pre-simplified outlines. No Flask here: ``atlas.web.tiles`` is the thin HTTP layer, the
``tiles`` command group (``python -m atlas tiles seed``) the CLI.
"""
