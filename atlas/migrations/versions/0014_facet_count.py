"""Facet counts of all the initiatives, kept in step by ``initiative_search``'s triggers.

``/api/stats`` without filters counted every facet over the whole table (100,000 rows,
eight hash aggregates: 125 ms), and every filtered answer still counted its own facet
over the whole table (a facet is counted without its own filter). ``facet_count`` holds
those unfiltered counts: one row per facet and value (the value as text, NULL for none),
updated by statement-level triggers from the rows each statement inserted or deleted, so
a write costs what it changes (one record: eight rows updated) and a whole rebuild one
aggregate. Reading them costs a look-up of a few hundred rows.

Revision ID: 0014_facet_count
Revises: 0013_geometry_storage
"""
from alembic import op

revision = "0014_facet_count"
down_revision = "0013_geometry_storage"
branch_labels = None
depends_on = None

# (facet, the initiative_search column as text): the facets of atlas.queries.stats.
_VALUES = """(VALUES ('domain', r.domain_bits::text), ('region', r.region_code::text),
                     ('departement', r.departement_code::text), ('level', r.level::text),
                     ('year', r.year::text), ('source', r.source), ('kind', r.kind),
                     ('place_type', r.place_type))"""


def _apply(rows: str, sign: str) -> str:
    # Ordered, so two writers update the counts in the same order (no deadlock).
    return f"""
        INSERT INTO facet_count (facet, value, n)
        SELECT v.facet, v.value, {sign}count(*) FROM {rows} r, LATERAL {_VALUES} v(facet, value)
        GROUP BY v.facet, v.value ORDER BY v.facet, v.value
        ON CONFLICT (facet, value) DO UPDATE SET n = facet_count.n + EXCLUDED.n"""


def upgrade() -> None:
    op.execute("""
        CREATE TABLE facet_count (
            facet text NOT NULL,
            value text,
            n bigint NOT NULL,
            CONSTRAINT facet_count_uq UNIQUE NULLS NOT DISTINCT (facet, value)
        )""")
    op.execute(_apply("initiative_search", ""))
    for event, table, body in (
            ("INSERT", "NEW TABLE AS added", _apply("added", "")),
            ("DELETE", "OLD TABLE AS removed", _apply("removed", "-")),
            ("UPDATE", "OLD TABLE AS removed NEW TABLE AS added",
             _apply("removed", "-") + ";" + _apply("added", ""))):
        name = f"facet_count_{event.lower()}"
        op.execute(f"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                {body};
                DELETE FROM facet_count WHERE n = 0;
                RETURN NULL;
            END $$""")
        op.execute(f"""
            CREATE TRIGGER {name} AFTER {event} ON initiative_search
            REFERENCING {table} FOR EACH STATEMENT EXECUTE FUNCTION {name}()""")
    # TRUNCATE has no transition table: every count goes.
    op.execute("""
        CREATE FUNCTION facet_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM facet_count;
            RETURN NULL;
        END $$""")
    op.execute("""
        CREATE TRIGGER facet_count_truncate AFTER TRUNCATE ON initiative_search
        FOR EACH STATEMENT EXECUTE FUNCTION facet_count_truncate()""")
    # The triggers run with the rights of whoever writes initiative_search: the console's
    # writer role (migration 0012) too. The web role reads it by 0008's default grant.
    op.execute("""
        DO $$ BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_writer') THEN
                GRANT SELECT, INSERT, UPDATE, DELETE ON facet_count TO atlas_writer;
            END IF;
        END $$""")


def downgrade() -> None:
    for event in ("insert", "delete", "update", "truncate"):
        op.execute(f"DROP TRIGGER facet_count_{event} ON initiative_search")
        op.execute(f"DROP FUNCTION facet_count_{event}()")
    op.execute("DROP TABLE facet_count")
