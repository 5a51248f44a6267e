"""Nearby peers: a GiST index on the communes' points as geography.

``commune_point_gist`` indexes the points in degrees, so ``<->`` over it orders by
distance in degrees, which is not "nearest": a degree of longitude is 73 km in Lille and
80 km in Perpignan. Indexing ``point::geography`` lets the KNN operator order by true
distance in metres (on the sphere) and ``ST_DWithin`` bound the radius in metres, both
through one index, everywhere the atlas has communes (DROM included, where Lambert-93
would not apply). The population is the index's second column, for ``population=similar``.

Revision ID: 0005_peers
Revises: 0004
"""
from alembic import op

revision = "0005_peers"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # population as a second key (btree_gist): "half to twice our size" is then decided
    # inside the index, so a 200 km search does not fetch thousands of communes of the
    # wrong size from the table to reject them (78 ms → 7 ms, see bench/peers.py).
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.execute("CREATE INDEX commune_point_geog_gist ON commune "
               "USING gist ((point::geography), population)")


def downgrade() -> None:
    op.execute("DROP INDEX commune_point_geog_gist")
