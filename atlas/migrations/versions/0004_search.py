"""Search: French accent-insensitive full text, trigram name search, and the derived
``initiative_search`` view the query core reads.

``initiative_search`` is a materialized view of one narrow row per initiative with what
every filter and facet needs (département and région, domain codes, the collectivité's
latest label, a French tsvector), so that counting 100,000 initiatives by facet is one
scan instead of four joins. It is derived data: loaders refresh it (``atlas.search``).

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The "french" configuration with accents removed before stemming: "éducation",
# "education" and "EDUCATION" give the same lexeme.
_CONFIG = """
    CREATE TEXT SEARCH CONFIGURATION atlas_fr (COPY = pg_catalog.french);
    ALTER TEXT SEARCH CONFIGURATION atlas_fr
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
"""

# Bit i of domain_bits is the domain of rank i in (position, code) order: facet counts
# group by one bigint instead of a text array (``atlas.queries.stats`` reads the same rank).
DOMAIN_BITS = "SELECT code, (row_number() OVER (ORDER BY position, code) - 1)::int AS bit " \
              "FROM domain"

VIEW = f"""
    CREATE MATERIALIZED VIEW initiative_search AS
    WITH bits AS ({DOMAIN_BITS})
    SELECT i.id, i.year, i.source, i.kind, i.place_type, i.commune_insee, i.epci_siren,
           -- The collectivité holding the initiative, keyed as label_award is.
           coalesce(i.commune_insee, i.epci_siren) AS holder,
           coalesce(c.departement_code, p.departement_code) AS departement_code,
           coalesce(c.region_code, p.region_code) AS region_code,
           coalesce(d.domains, '{{}}') AS domains,
           coalesce(d.domain_bits, 0) AS domain_bits,
           a.year AS label_year, a.level,
           setweight(to_tsvector('atlas_fr', i.title), 'A')
             || setweight(to_tsvector('atlas_fr', coalesce(i.summary, '')), 'B')
             || setweight(to_tsvector('atlas_fr', coalesce(c.name, '')), 'C') AS search,
           i.geom
    FROM initiative i
    LEFT JOIN commune c ON c.insee = i.commune_insee
    -- An EPCI's record has no commune: its département is the one its point lies in.
    LEFT JOIN LATERAL (
        SELECT cc.departement_code, cc.region_code FROM commune cc
        WHERE i.commune_insee IS NULL AND ST_Intersects(cc.geom, i.geom) LIMIT 1) p ON true
    LEFT JOIN LATERAL (
        SELECT array_agg(x.domain_code ORDER BY x.domain_code)::text[] AS domains,
               sum(1::bigint << b.bit)::bigint AS domain_bits
        FROM initiative_domain x JOIN bits b ON b.code = x.domain_code
        WHERE x.initiative_id = i.id) d ON true
    LEFT JOIN LATERAL (
        SELECT la.year, la.level FROM label_award la
        WHERE (i.commune_insee IS NOT NULL AND la.commune_insee = i.commune_insee)
           OR (i.commune_insee IS NULL AND la.epci_siren = i.epci_siren)
        ORDER BY la.year DESC LIMIT 1) a ON true
"""

INDEXES = [
    "CREATE UNIQUE INDEX initiative_search_id_uq ON initiative_search (id)",
    "CREATE INDEX initiative_search_geom_gist ON initiative_search USING gist (geom)",
    "CREATE INDEX initiative_search_domains_gin ON initiative_search USING gin (domains)",
    "CREATE INDEX initiative_search_text_gin ON initiative_search USING gin (search)",
    "CREATE INDEX initiative_search_departement_idx ON initiative_search (departement_code)",
    "CREATE INDEX initiative_search_region_idx ON initiative_search (region_code)",
    "CREATE INDEX initiative_search_commune_idx ON initiative_search (commune_insee)",
    "CREATE INDEX initiative_search_year_idx ON initiative_search (year)",
    "CREATE INDEX initiative_search_level_idx ON initiative_search (level)",
    "CREATE INDEX initiative_search_holder_idx ON initiative_search (holder)",
    "CREATE INDEX initiative_search_kind_idx ON initiative_search (kind, place_type)",
]


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(_CONFIG)
    # Typo-tolerant and prefix search of commune names (autocomplete).
    op.execute("CREATE INDEX commune_name_trgm ON commune USING gin (name_folded gin_trgm_ops)")
    op.execute("CREATE INDEX commune_name_prefix ON commune (name_folded text_pattern_ops)")
    op.execute("CREATE INDEX commune_alias_name_trgm ON commune_alias "
               "USING gin (name_folded gin_trgm_ops)")
    op.create_table(
        "data_version",
        sa.Column("id", sa.SmallInteger, primary_key=True),
        sa.Column("version", sa.BigInteger, server_default="0", nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), server_default=sa.func.now(),
                  nullable=False),
        sa.CheckConstraint("id = 1", name="data_version_one_row"),
    )
    # Start from the clock, not 0: after a downgrade and upgrade, old ETags never match.
    op.execute("INSERT INTO data_version (id, version) "
               "VALUES (1, extract(epoch FROM now())::bigint)")
    op.execute(VIEW)
    for statement in INDEXES:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP MATERIALIZED VIEW initiative_search")
    op.drop_table("data_version")
    op.execute("DROP INDEX commune_alias_name_trgm")
    op.execute("DROP INDEX commune_name_prefix")
    op.execute("DROP INDEX commune_name_trgm")
    op.execute("DROP TEXT SEARCH CONFIGURATION atlas_fr")
