"""Tile outlines with one generalisation for every layer: ``tile_shape`` rows redone.

The schema does not change; the rows do (``tiles.shapes``): a département's outline
becomes the union of its communes' (the official département file sits up to 230 m off
its communes' borders, leaving grey slivers on the map), a région's the union of its
départements', and each zoom band is snapped to the tile grid instead of simplified per
outline, so shared borders stay shared. The data version moves, so no cached tile or
ETag of the former outlines is served again.

Down: nothing to undo in the schema; the rows stay valid for the former code, which
reads the same columns (``python -m atlas rebuild`` there redoes them its way).

Revision ID: 0015_shared_outlines
Revises: 0014_facet_count
"""
from alembic import op

revision = "0015_shared_outlines"
down_revision = "0014_facet_count"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The write path's own code, so a fresh database and a migrated one hold the same
    # rows (tests/test_pipeline.py checks tile_shape against a rebuild).
    from atlas import search
    from tiles import shapes

    bind = op.get_bind()
    if bind.exec_driver_sql("SELECT count(*) FROM commune").scalar():
        shapes.rebuild(bind)
        search.bump(bind)


def downgrade() -> None:
    pass
