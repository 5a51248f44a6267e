"""Covering indexes for "Le label en chiffres" (``atlas.queries.figures``).

The figures count every initiative and every commune of the chosen area. Read from the
tables, each count deforms wide rows (the search vector and the point of each
initiative, the outline of each commune: 40 MB each) to reach three small columns.
These indexes carry just the columns the figures read, so the planner answers from
them (index-only scans: a few MB) and, for the initiatives, already ordered by the
groups counted.

Revision ID: 0011_figures_indexes
Revises: 0010_label_award_url
"""
from alembic import op

revision = "0011_figures_indexes"
down_revision = "0010_label_award_url"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX commune_place_idx ON commune (insee) "
               "INCLUDE (region_code, departement_code, population)")
    op.execute("CREATE INDEX initiative_search_figures_idx ON initiative_search "
               "(kind, place_type, year) "
               "INCLUDE (domain_bits, region_code, departement_code, source)")


def downgrade() -> None:
    op.execute("DROP INDEX initiative_search_figures_idx")
    op.execute("DROP INDEX commune_place_idx")
