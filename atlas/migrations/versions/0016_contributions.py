"""Contributions from collectivités: fiches and their revisions, account requests, error
reports (issue 21).

Privileges (least privilege, as in 0012):

- ``atlas_web`` reads them (0008's default grant) and may add what the public and the
  contributors send: a fiche and its revisions, an account request, an error report; and
  change a revision's status (a contributor withdraws a pending revision, a new edit
  supersedes it). It publishes nothing.
- ``atlas_writer`` (the moderators' decisions) reads and updates them, and creates the
  account of an accepted request (INSERT on ``app_user`` and its activation token,
  nothing else on accounts);
  publishing goes through the write path with its existing rights.

Revision ID: 0016_contributions
Revises: 0015_shared_outlines
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0016_contributions"
down_revision = "0015_shared_outlines"
branch_labels = None
depends_on = None

TABLES = ("fiche", "fiche_revision", "account_request", "error_report")


def _ts(name, **kw):
    return sa.Column(name, sa.DateTime(timezone=True), **kw)


def _user(name, **kw):
    return sa.Column(name, sa.BigInteger(), sa.ForeignKey("app_user.id"), **kw)


def upgrade() -> None:
    op.create_table(
        "fiche",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("commune_insee", sa.String(5)),
        sa.Column("epci_siren", sa.String(9)),
        _user("created_by", nullable=False),
        _ts("created_at", nullable=False, server_default=sa.func.now()),
        sa.Column("state", sa.Text(), nullable=False, server_default="draft"),
        sa.Column("published_revision_id", sa.BigInteger()),
        sa.CheckConstraint("num_nonnulls(commune_insee, epci_siren) = 1",
                           name="fiche_collectivite"),
        sa.CheckConstraint("state IN ('draft', 'published', 'unpublished')",
                           name="fiche_state"),
    )
    op.create_index("fiche_commune_idx", "fiche", ["commune_insee"])
    op.create_index("fiche_epci_idx", "fiche", ["epci_siren"])
    op.create_table(
        "fiche_revision",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("fiche_id", sa.BigInteger(), sa.ForeignKey("fiche.id", ondelete="CASCADE"),
                  nullable=False),
        _user("user_id", nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("content", JSONB()),
        sa.Column("status", sa.Text(), nullable=False, server_default="pending"),
        _ts("created_at", nullable=False, server_default=sa.func.now()),
        _ts("decided_at"),
        _user("decided_by"),
        sa.Column("message", sa.Text()),
        sa.CheckConstraint("kind IN ('publish', 'unpublish')", name="fiche_revision_kind"),
        sa.CheckConstraint("status IN ('pending', 'approved', 'rejected', 'changes', "
                           "'withdrawn', 'superseded')", name="fiche_revision_status"),
        sa.CheckConstraint("(kind = 'publish') = (content IS NOT NULL)",
                           name="fiche_revision_content"),
    )
    op.create_index("fiche_revision_fiche_idx", "fiche_revision", ["fiche_id"])
    op.create_index("fiche_revision_pending_idx", "fiche_revision", ["created_at"],
                    postgresql_where=sa.text("status = 'pending'"))
    op.create_index("fiche_revision_one_pending", "fiche_revision", ["fiche_id"],
                    unique=True, postgresql_where=sa.text("status = 'pending'"))
    op.create_foreign_key("fiche_published_revision_fk", "fiche", "fiche_revision",
                          ["published_revision_id"], ["id"])
    op.create_table(
        "account_request",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("position", sa.Text(), nullable=False),
        sa.Column("commune_insee", sa.String(5)),
        sa.Column("epci_siren", sa.String(9)),
        sa.Column("message", sa.Text()),
        sa.Column("requester", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False, server_default="pending"),
        _ts("created_at", nullable=False, server_default=sa.func.now()),
        _ts("decided_at"),
        _user("decided_by"),
        _user("user_id"),
        sa.CheckConstraint("num_nonnulls(commune_insee, epci_siren) = 1",
                           name="account_request_collectivite"),
        sa.CheckConstraint("status IN ('pending', 'accepted', 'rejected')",
                           name="account_request_status"),
    )
    op.create_index("account_request_requester_idx", "account_request",
                    ["requester", "created_at"])
    op.create_index("account_request_pending_idx", "account_request", ["created_at"],
                    postgresql_where=sa.text("status = 'pending'"))
    op.create_table(
        "error_report",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("initiative_id", sa.BigInteger(),
                  sa.ForeignKey("initiative.id", ondelete="SET NULL")),
        sa.Column("record_title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("requester", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False, server_default="open"),
        _ts("created_at", nullable=False, server_default=sa.func.now()),
        _ts("decided_at"),
        _user("decided_by"),
        sa.CheckConstraint("status IN ('open', 'fixed', 'dismissed')",
                           name="error_report_status"),
    )
    op.create_index("error_report_requester_idx", "error_report", ["requester", "created_at"])
    op.create_index("error_report_open_idx", "error_report", ["created_at"],
                    postgresql_where=sa.text("status = 'open'"))
    op.create_index("error_report_initiative_idx", "error_report", ["initiative_id"])
    tables = ", ".join(TABLES)
    op.execute(f"""
        DO $$ BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_web') THEN
                GRANT SELECT ON {tables} TO atlas_web;
                GRANT INSERT ON {tables} TO atlas_web;
                GRANT UPDATE (status, decided_at) ON fiche_revision TO atlas_web;
            END IF;
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_writer') THEN
                GRANT SELECT, INSERT, UPDATE ON {tables} TO atlas_writer;
                GRANT INSERT, UPDATE (token_hash, token_expires) ON app_user
                    TO atlas_writer;
            END IF;
        END $$""")


def downgrade() -> None:
    op.drop_constraint("fiche_published_revision_fk", "fiche", type_="foreignkey")
    for table in ("error_report", "account_request", "fiche_revision", "fiche"):
        op.drop_table(table)
    op.execute("""
        DO $$ BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_writer') THEN
                REVOKE INSERT, UPDATE (token_hash, token_expires) ON app_user
                    FROM atlas_writer;
            END IF;
        END $$""")
