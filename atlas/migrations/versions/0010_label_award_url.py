"""The page that states a label award: ``label_award.url``.

Awards read from press pages (``load press``, the declared source of press facts) cite
the page each one comes from; awards from the association's tables have none.

Revision ID: 0010_label_award_url
Revises: 0009_postal_locality
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_label_award_url"
down_revision = "0009_postal_locality"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("label_award", sa.Column("url", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("label_award", "url")
