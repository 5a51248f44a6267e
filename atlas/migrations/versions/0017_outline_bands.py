"""Tile outlines: the ``g6`` band dropped, the rows redone by ``tiles.shapes`` in Python.

``g6`` was each outline snapped to the z8 tile grid. The communes' outlines (mapshaper-
generalised ADMIN EXPRESS) have vertices tens of metres apart, so the snap removed 0.05%
of their vertices (2,183,664 → 2,182,632 nationally), and the départements' and régions'
outlines are made of their communes' vertices: the band was the outline again, 35 MB
written by every first load for nothing, since ``ST_AsMVTGeom`` snaps each tile to its
own grid. Zooms 6–8 now read ``g9`` (``tiles.layers.band``).

The rows are redone with the write path's code (its own projection and unions), so a
migrated database holds what a rebuild would, and the data version moves.

Down: ``g6`` comes back as ``g9`` snapped to the z8 grid, as the former code made it.

Revision ID: 0017_outline_bands
Revises: 0016_contributions
"""
from alembic import op

revision = "0017_outline_bands"
down_revision = "0016_contributions"
branch_labels = None
depends_on = None

_HALF_WORLD = 20037508.342789244
_Z8_UNIT = 2 * _HALF_WORLD / 2**8 / 4096


def upgrade() -> None:
    from atlas import search
    from tiles import shapes

    op.execute("ALTER TABLE tile_shape DROP COLUMN g6")
    bind = op.get_bind()
    if bind.exec_driver_sql("SELECT count(*) FROM commune").scalar():
        shapes.rebuild(bind)
        search.bump(bind)


def downgrade() -> None:
    op.execute("ALTER TABLE tile_shape ADD COLUMN g6 geometry")
    op.execute("ALTER TABLE tile_shape ALTER COLUMN g6 SET STORAGE EXTERNAL")
    op.execute(f"UPDATE tile_shape SET g6 = ST_SnapToGrid(g9, {-_HALF_WORLD!r}, "
               f"{-_HALF_WORLD!r}, {_Z8_UNIT!r}, {_Z8_UNIT!r})")
