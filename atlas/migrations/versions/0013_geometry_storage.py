"""Outlines stored out of line without compression (``STORAGE EXTERNAL``).

PostGIS gives geometry columns ``MAIN`` storage: PostgreSQL tries to compress every value
over 2 kB with pglz before moving it out of line. Coordinates as doubles do not compress
(the national commune outlines: 36.6 MB stored for 36.6 MB of geometry), so each write of
an outline paid for a compression attempt that saved nothing: a third of the time of a
national ``tile_shape`` rebuild, and a part of the COPY of the communes. ``EXTERNAL``
skips the attempt; readers decompress nothing either. Only the columns that hold large
outlines change; rows already written stay as they are until rewritten.

Revision ID: 0013_geometry_storage
Revises: 0012_staff_console
"""
from alembic import op

revision = "0013_geometry_storage"
down_revision = "0012_staff_console"
branch_labels = None
depends_on = None

COLUMNS = {"region": ("geom",), "departement": ("geom",), "commune": ("geom",),
           "tile_shape": ("g0", "g3", "g6", "g9")}


def _set(storage: str) -> None:
    for table, columns in COLUMNS.items():
        op.execute(f"ALTER TABLE {table} "
                   + ", ".join(f"ALTER COLUMN {c} SET STORAGE {storage}" for c in columns))


def upgrade() -> None:
    _set("EXTERNAL")


def downgrade() -> None:
    _set("MAIN")  # PostGIS's default for geometry
