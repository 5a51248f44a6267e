"""Vector tiles: ``tile_shape``, the outlines of régions, départements and communes in
Web Mercator, pre-simplified once per zoom band, so a tile never simplifies or
reprojects polygons per request.

One row per (layer, code). ``bbox`` is the outline's envelope in EPSG:4326 with a GiST
index per layer: a tile's envelope is transformed to 4326 and compared with it, so the
index is used and no geometry is transformed in WHERE. ``g0``, ``g3``, ``g6`` serve the
zoom bands 0–2, 3–5, 6–8, simplified to one tile unit (extent 4096) at the band's
highest zoom, so the error is never more than a unit; ``g9`` (zoom 9 and above) is the
outline unsimplified: the ADMIN EXPRESS COG outlines are already generalised at ~5 m,
finer than a unit at z11. Communes start at z7 (see ``tiles.layers``), so their g0 and g3
are left empty. The reference loader refreshes the view in its transaction
(``tiles.shapes.refresh``).

Revision ID: 0006_tiles
Revises: 0005_peers
"""
from alembic import op

revision = "0006_tiles"
down_revision = "0005_peers"
branch_labels = None
depends_on = None

# metres per tile unit at zoom z, extent 4096: 40075016.686 / (2^z * 4096)
VIEW = """
    CREATE MATERIALIZED VIEW tile_shape AS
    SELECT layer, code, name, parent, ST_Envelope(geom) AS bbox,
           CASE WHEN layer <> 'communes' THEN ST_Simplify(g, 2446, true) END AS g0,
           CASE WHEN layer <> 'communes' THEN ST_Simplify(g, 306, true) END AS g3,
           ST_Simplify(g, 38, true) AS g6,
           g AS g9
    FROM (
        SELECT 'regions'::text AS layer, code::text AS code, name, NULL::text AS parent,
               geom, ST_Transform(geom, 3857) AS g
        FROM region WHERE geom IS NOT NULL
        UNION ALL
        SELECT 'departements', code, name, region_code, geom, ST_Transform(geom, 3857)
        FROM departement WHERE geom IS NOT NULL
        UNION ALL
        SELECT 'communes', insee, name, departement_code, geom, ST_Transform(geom, 3857)
        FROM commune WHERE geom IS NOT NULL
    ) s
"""

INDEXES = [
    # REFRESH ... CONCURRENTLY needs a unique index; readers never wait for a load.
    "CREATE UNIQUE INDEX tile_shape_uq ON tile_shape (layer, code)",
    # One partial index per layer: a tile reads one layer, and its index holds only it.
    "CREATE INDEX tile_shape_regions_gist ON tile_shape USING gist (bbox) "
    "WHERE layer = 'regions'",
    "CREATE INDEX tile_shape_departements_gist ON tile_shape USING gist (bbox) "
    "WHERE layer = 'departements'",
    "CREATE INDEX tile_shape_communes_gist ON tile_shape USING gist (bbox) "
    "WHERE layer = 'communes'",
]


def upgrade() -> None:
    op.execute(VIEW)
    for statement in INDEXES:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP MATERIALIZED VIEW tile_shape")
