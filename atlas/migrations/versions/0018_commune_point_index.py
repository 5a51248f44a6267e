"""``commune_point_gist`` dropped: no query reads it.

The communes' points are searched by true distance (``point::geography``, the peers'
``commune_point_geog_gist`` of 0005_peers); the degrees' index beside it served no
statement of the application, and cost every first reference load its build (0.08 s,
in the chain of server work the load waits for).

Down: the index comes back as 0001_initial made it.

Revision ID: 0018_commune_point_index
Revises: 0017_outline_bands
"""
from alembic import op

revision = "0018_commune_point_index"
down_revision = "0017_outline_bands"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS commune_point_gist")


def downgrade() -> None:
    op.execute("CREATE INDEX commune_point_gist ON commune USING gist (point)")
