"""The pre-simplified outlines of the tile layers (``tile_shape``, migration 0005).

Derived from ``region``, ``departement`` and ``commune``: whoever writes those refreshes
it in the same transaction (the reference loader does), before bumping the data version.
"""

from __future__ import annotations

import sqlalchemy as sa


def refresh(conn) -> None:
    """Rebuild ``tile_shape`` (about 2 s for the 35,000 communes); readers keep the old
    rows meanwhile (``CONCURRENTLY``) once it has been populated."""
    populated = conn.scalar(sa.text(
        "SELECT ispopulated FROM pg_matviews WHERE matviewname = 'tile_shape'"))
    conn.execute(sa.text("REFRESH MATERIALIZED VIEW "
                         + ("CONCURRENTLY " if populated else "") + "tile_shape"))
