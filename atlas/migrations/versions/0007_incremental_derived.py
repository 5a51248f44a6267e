"""Derived data kept in step row by row: ``initiative_search`` and ``tile_shape`` become
plain tables instead of materialized views.

A materialized view can only be refreshed whole: every write, even of one record, rebuilt
100,000 search rows and 35,000 outlines. As tables, the write path (``loaders.pipeline``)
deletes and re-inserts only the rows of what it changed (``atlas.search.sync``,
``tiles.shapes.sync``); ``python -m atlas rebuild`` rebuilds them whole, for repair.
Contents, columns and index names are kept, so readers see no difference.

Revision ID: 0007_incremental_derived
Revises: 0006_tiles
"""
import importlib.util
from pathlib import Path

from alembic import op

revision = "0007_incremental_derived"
down_revision = "0006_tiles"
branch_labels = None
depends_on = None


def _earlier(filename: str):
    """The migration that created the view: its VIEW and INDEXES, frozen there."""
    spec = importlib.util.spec_from_file_location(filename, Path(__file__).with_name(filename))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# (view, migration that made it, its primary key, the index standing for that key)
_DERIVED = [("initiative_search", "0004_search.py", "id", "initiative_search_id_uq"),
            ("tile_shape", "0006_tiles.py", "layer, code", "tile_shape_uq")]


def upgrade() -> None:
    for name, filename, key, unique_index in _DERIVED:
        # The view's rows are copied as they are: no rebuild during the migration.
        op.execute(f"CREATE TABLE {name}_t AS SELECT * FROM {name}")
        op.execute(f"DROP MATERIALIZED VIEW {name}")
        op.execute(f"ALTER TABLE {name}_t RENAME TO {name}")
        op.execute(f"ALTER TABLE {name} ADD CONSTRAINT {unique_index} PRIMARY KEY ({key})")
        for statement in _earlier(filename).INDEXES:
            if unique_index not in statement:
                op.execute(statement)


def downgrade() -> None:
    for name, filename, _, _ in _DERIVED:
        op.execute(f"DROP TABLE {name}")
        earlier = _earlier(filename)
        op.execute(earlier.VIEW)
        for statement in earlier.INDEXES:
            op.execute(statement)
