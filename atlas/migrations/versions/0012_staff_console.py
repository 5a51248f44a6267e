"""The staff console: accounts (``app_user``), failed logins (``login_failure``), the
console's jobs (``console_job``) and the audit journal (``audit_event``); the console's
writer role ``atlas_writer``.

Privileges (least privilege, see README "Staff console"):

- ``atlas_web`` (the app's read-only role) may additionally do what sessions and logins
  need: update an account's password, token, session generation and login time, record
  and forget failed logins, and add audit rows (a password set or changed);
- ``atlas_writer`` (the console's writes, ``ATLAS_WRITER_DATABASE_URL``: the jobs a
  console request spawns, and the job rows the request queues) reads everything and may
  INSERT, UPDATE and DELETE only the published records, their sources, their derived
  rows, the data version and the job rows; no DDL, no reference tables, no accounts;
- nobody but the owner may UPDATE or DELETE ``audit_event``: the journal is never
  editable from the web.

Like 0008, roles are created NOLOGIN when missing (the server administrator gives them a
login; ``scripts/pg.sh`` does for its private cluster).

Revision ID: 0012_staff_console
Revises: 0011_figures_indexes
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0012_staff_console"
down_revision = "0011_figures_indexes"
branch_labels = None
depends_on = None

WEB, WRITER = "atlas_web", "atlas_writer"
# What a console import, removal or source edit writes (loaders.pipeline included).
WRITER_TABLES = ("initiative", "initiative_domain", "label_award", "source",
                 "initiative_search", "data_version", "console_job")
USER_COLUMNS = ("password_hash", "token_hash", "token_expires", "session_gen",
                "activated_at", "last_login_at")


# As in 0008: GRANT and REVOKE rewrite pg_class rows without locking the tables; taking
# autovacuum's lock first keeps an ANALYZE from deadlocking the migration run.
_LOCK_TABLES = """
            FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
                EXECUTE format('LOCK TABLE %I IN SHARE UPDATE EXCLUSIVE MODE', t);
            END LOOP;"""


def _ts(name, **kw):
    return sa.Column(name, sa.DateTime(timezone=True), **kw)


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("email", sa.Text(), nullable=False, unique=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("commune_insee", sa.String(5)),
        sa.Column("epci_siren", sa.String(9)),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("password_hash", sa.Text()),
        sa.Column("token_hash", sa.Text()),
        _ts("token_expires"),
        sa.Column("session_gen", sa.Integer(), nullable=False, server_default="0"),
        _ts("created_at", nullable=False, server_default=sa.func.now()),
        _ts("activated_at"),
        _ts("last_login_at"),
        sa.CheckConstraint("role IN ('contributor', 'moderator', 'admin')",
                           name="app_user_role"),
        sa.CheckConstraint("email = lower(email) AND email LIKE '%_@_%'",
                           name="app_user_email"),
        sa.CheckConstraint("num_nonnulls(commune_insee, epci_siren) = "
                           "CASE WHEN role = 'contributor' THEN 1 ELSE 0 END",
                           name="app_user_collectivite"),
    )
    op.create_table(
        "login_failure",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("account", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        _ts("at", nullable=False, server_default=sa.func.now()),
    )
    op.create_index("login_failure_account_idx", "login_failure", ["account", "at"])
    op.create_index("login_failure_address_idx", "login_failure", ["address", "at"])
    op.create_table(
        "console_job",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False, server_default="queued"),
        sa.Column("phase", sa.Text()),
        sa.Column("user_id", sa.BigInteger(), sa.ForeignKey("app_user.id"), nullable=False),
        sa.Column("kind", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.Column("params", JSONB(), nullable=False, server_default="{}"),
        sa.Column("file_name", sa.Text()),
        sa.Column("file_sha256", sa.Text()),
        sa.Column("file_size", sa.BigInteger()),
        sa.Column("confirmed", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("preview", JSONB()),
        sa.Column("result", JSONB()),
        sa.Column("error", sa.Text()),
        _ts("created_at", nullable=False, server_default=sa.func.now()),
        _ts("finished_at"),
        sa.CheckConstraint("action IN ('import', 'remove_source', 'edit_source')",
                           name="console_job_action"),
        sa.CheckConstraint("status IN ('queued', 'running', 'previewed', 'done', 'failed')",
                           name="console_job_status"),
    )
    op.create_index("console_job_created_idx", "console_job", ["created_at"])
    op.create_table(
        "audit_event",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        _ts("at", nullable=False, server_default=sa.func.now()),
        sa.Column("user_id", sa.BigInteger(), sa.ForeignKey("app_user.id")),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("target", sa.Text()),
        sa.Column("counts", JSONB(), nullable=False, server_default="{}"),
        sa.Column("before", JSONB()),
        sa.Column("after", JSONB()),
        sa.Column("job_id", sa.BigInteger(), sa.ForeignKey("console_job.id")),
    )
    op.create_index("audit_event_at_idx", "audit_event", ["at"])
    writer_tables = ", ".join(WRITER_TABLES)
    op.execute(f"""
        DO $$
        DECLARE t text;
        BEGIN
            {_LOCK_TABLES}
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{WRITER}')
               AND (SELECT rolsuper OR rolcreaterole FROM pg_roles
                    WHERE rolname = current_user) THEN
                CREATE ROLE {WRITER} NOLOGIN;
            END IF;
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{WRITER}') THEN
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO {WRITER}',
                               current_database());
                GRANT USAGE ON SCHEMA public TO {WRITER};
                GRANT SELECT ON ALL TABLES IN SCHEMA public TO {WRITER};
                GRANT INSERT, UPDATE, DELETE ON {writer_tables} TO {WRITER};
                GRANT INSERT ON audit_event TO {WRITER};
            ELSE
                RAISE NOTICE 'role {WRITER} missing and % may not create it: '
                             'no grants made', current_user;
            END IF;
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{WEB}') THEN
                GRANT UPDATE ({", ".join(USER_COLUMNS)}) ON app_user TO {WEB};
                GRANT INSERT, DELETE ON login_failure TO {WEB};
                GRANT INSERT ON audit_event TO {WEB};
            END IF;
        END $$""")


def downgrade() -> None:
    # The roles stay (they belong to the server); their rights go with the tables.
    op.execute(f"""
        DO $$
        DECLARE t text;
        BEGIN
            {_LOCK_TABLES}
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{WRITER}') THEN
                REVOKE INSERT, UPDATE, DELETE ON {", ".join(WRITER_TABLES[:-1])}
                    FROM {WRITER};
                REVOKE SELECT ON ALL TABLES IN SCHEMA public FROM {WRITER};
                REVOKE USAGE ON SCHEMA public FROM {WRITER};
                EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM {WRITER}',
                               current_database());
            END IF;
        END $$""")
    for table in ("audit_event", "console_job", "login_failure", "app_user"):
        op.drop_table(table)
