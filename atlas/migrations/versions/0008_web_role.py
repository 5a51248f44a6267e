"""The web app's own role, ``atlas_web``: it may read the published data, nothing more.

The app connects with it (``ATLAS_WEB_DATABASE_URL``); migrations and loaders keep
connecting as the owner. ``atlas_web`` gets ``SELECT`` on every table and view of the
schema, and, through default privileges, on those later migrations create; it writes
nothing (the coming staff console will grant its own tables). The role is created
``NOLOGIN`` when missing: roles belong to the server, so logging in and the password are
the server administrator's (``scripts/pg.sh`` gives it a generated one). An owner that
may not create roles gets the grants only when the administrator made the role first.

Revision ID: 0008_web_role
Revises: 0007_incremental_derived
"""
from alembic import op

revision = "0008_web_role"
down_revision = "0007_incremental_derived"
branch_labels = None
depends_on = None

ROLE = "atlas_web"

# GRANT and REVOKE rewrite every table's pg_class row without locking the table. An
# autovacuum ANALYZE of a table then waits for this transaction to update that row, while
# a later step of the same migration run (DROP TABLE, ALTER TABLE) waits for the
# autovacuum's lock on the table: a deadlock (seen in `db downgrade base`). Taking the
# autovacuum's lock on every table first breaks the cycle: a running autovacuum is
# cancelled by the server, and none starts until the commit.
_LOCK_TABLES = """
            FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
                EXECUTE format('LOCK TABLE %I IN SHARE UPDATE EXCLUSIVE MODE', t);
            END LOOP;"""


def upgrade() -> None:
    op.execute(f"""
        DO $$
        DECLARE t text;
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') THEN
                IF (SELECT rolsuper OR rolcreaterole FROM pg_roles
                    WHERE rolname = current_user) THEN
                    CREATE ROLE {ROLE} NOLOGIN;
                ELSE
                    RAISE NOTICE 'role {ROLE} missing and % may not create it: '
                                 'no grants made', current_user;
                    RETURN;
                END IF;
            END IF;
            {_LOCK_TABLES}
            EXECUTE format('GRANT CONNECT ON DATABASE %I TO {ROLE}', current_database());
            GRANT USAGE ON SCHEMA public TO {ROLE};
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO {ROLE};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {ROLE};
        END $$""")


def downgrade() -> None:
    # The role stays (other databases of the server may use it); its rights here go.
    op.execute(f"""
        DO $$
        DECLARE t text;
        BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') THEN
                {_LOCK_TABLES}
                ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM {ROLE};
                REVOKE SELECT ON ALL TABLES IN SCHEMA public FROM {ROLE};
                REVOKE USAGE ON SCHEMA public FROM {ROLE};
                EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM {ROLE}',
                               current_database());
            END IF;
        END $$""")
