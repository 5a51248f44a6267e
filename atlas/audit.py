"""The audit journal (``audit_event``): every write made from the console or the
accounts commands, with who, when, what, the counts, and for an edit the values before
and after.

``record`` is called inside the write's own transaction, so a journal row exists if and
only if the write committed. The web's roles may add and read rows, never change them
(migration 0012); ``listing`` is what ``/admin/journal`` shows.
"""

from __future__ import annotations

import getpass
import json

import sqlalchemy as sa

_INSERT = sa.text("""
    INSERT INTO audit_event (user_id, actor, action, target, counts, before, after, job_id)
    VALUES (:user_id, :actor, :action, :target, CAST(:counts AS jsonb),
            CAST(:before AS jsonb), CAST(:after AS jsonb), :job_id)
    RETURNING id""")


def cli_actor() -> str:
    """Who runs a command on the server (no account: the system user)."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def record(conn, action: str, *, actor: str, user_id: int | None = None,
           target: str | None = None, counts: dict | None = None,
           before: dict | None = None, after: dict | None = None,
           job_id: int | None = None) -> int:
    def dump(value):
        return None if value is None else json.dumps(value, ensure_ascii=False, default=str)

    return conn.scalar(_INSERT, {"user_id": user_id, "actor": actor, "action": action,
                                 "target": target, "counts": dump(counts or {}),
                                 "before": dump(before), "after": dump(after),
                                 "job_id": job_id})


def listing(conn, limit: int = 200, before_id: int | None = None) -> list[dict]:
    """The newest events first (``before_id``: the page after the one ending there)."""
    return [dict(r._mapping) for r in conn.execute(sa.text(
        "SELECT id, at, actor, action, target, counts, before, after, job_id "
        "FROM audit_event WHERE (CAST(:before_id AS bigint) IS NULL OR id < :before_id) "
        "ORDER BY id DESC LIMIT :limit"), {"limit": limit, "before_id": before_id})]
