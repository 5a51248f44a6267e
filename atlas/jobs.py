"""The console's jobs (``console_job``): a write asked in the browser, run by a detached
``python -m atlas jobs run ID`` process, never by a web worker.

An import is two runs of one job: first a preview (the load as a dry run through
``loaders.pipeline``: nothing written), then, when confirmed, the load itself (one
transaction). A source's records removed and a source's description edited are jobs
too, so every console write goes through the one write path (``loaders.console`` runs
them; this module, in the core, only queues, spawns and reads them) and is recorded in
the audit journal in the same transaction.

The job process connects with ``ATLAS_WRITER_DATABASE_URL`` (DML on the published
records, no DDL); its files (the upload, the reports) live in
``ATLAS_CACHE_DIR/console/<id>/``. Its progress is written to the row (``phase``), which
the job's page shows and polls.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from atlas.config import PROJECT_ROOT, Config

REPORTS = {"rejets.csv": "rows rejected, with their reason and candidates",
           "desaccords.csv": "rows kept although their fields disagree"}
STATUS_FR = {"queued": "en attente", "running": "en cours", "previewed": "aperçu prêt",
             "done": "terminé", "failed": "échoué"}


def folder(config: Config, job_id: int) -> Path:
    return config.cache_dir / "console" / str(int(job_id))


def upload_path(config: Config, job_id: int, file_name: str) -> Path:
    """Where the uploaded file is kept: the job's folder, under a name of ours (the
    visitor's file name is only shown, never used as a path); its suffix tells the table
    reader the format."""
    suffix = Path(file_name).suffix.lower()
    safe = suffix if suffix in (".csv", ".txt", ".tsv", ".json", ".geojson", ".xlsx",
                                ".md", ".zip") else ".dat"
    return folder(config, job_id) / f"upload{safe}"


def create(conn, action: str, user_id: int, *, kind: str | None = None,
           source: str | None = None, params: dict | None = None,
           file_name: str | None = None) -> int:
    return conn.scalar(sa.text(
        "INSERT INTO console_job (action, user_id, kind, source, params, file_name, phase) "
        "VALUES (:action, :user_id, :kind, :source, CAST(:params AS jsonb), :file_name, "
        "'en attente') RETURNING id"),
        {"action": action, "user_id": user_id, "kind": kind, "source": source,
         "params": json.dumps(params or {}, ensure_ascii=False), "file_name": file_name})


# A running job holds this session-level advisory lock (the pair LOCK_CLASS, job id) for
# its whole run, on a connection of its own: if the process dies (killed, machine
# restarted), PostgreSQL ends its session, rolls its write back and frees the lock, so
# whoever looks at the job can tell a job at work from one that will never finish.
LOCK_CLASS = 20_2612

INTERRUPTED = ("le traitement s'est interrompu (processus arrêté) : rien n'a été écrit, "
               "relancez l'import")


def hold(conn, job_id: int) -> None:
    """Take the job's lock on ``conn`` (the job process, before it claims the job)."""
    conn.execute(sa.text("SELECT pg_advisory_lock(:c, :id)"),
                 {"c": LOCK_CLASS, "id": int(job_id)})


def release(conn, job_id: int) -> None:
    """Give the lock back (a pooled connection outlives the job: closing it would not)."""
    conn.execute(sa.text("SELECT pg_advisory_unlock(:c, :id)"),
                 {"c": LOCK_CLASS, "id": int(job_id)})
    conn.commit()


def reap(conn, job_id: int) -> bool:
    """Mark the job failed if it is ``running`` while nobody holds its lock (its process
    is gone); True if it was. ``conn``: a writer connection in a transaction."""
    if not conn.scalar(sa.text("SELECT pg_try_advisory_xact_lock(:c, :id)"),
                       {"c": LOCK_CLASS, "id": int(job_id)}):
        return False  # its process is at work
    return conn.execute(sa.text(
        "UPDATE console_job SET status = 'failed', phase = 'échec', error = :error, "
        "finished_at = now() WHERE id = :id AND status = 'running' RETURNING id"),
        {"id": int(job_id), "error": INTERRUPTED}).first() is not None


def set_file(conn, job_id: int, sha256: str, size: int) -> None:
    conn.execute(sa.text("UPDATE console_job SET file_sha256 = :h, file_size = :n "
                         "WHERE id = :id"), {"h": sha256, "n": size, "id": job_id})


def confirm(conn, job_id: int) -> bool:
    """Queue the real load of a previewed import; False when it is not (or no longer)
    waiting for confirmation (a second click changes nothing)."""
    return conn.execute(sa.text(
        "UPDATE console_job SET confirmed = true, status = 'queued', phase = 'en attente' "
        "WHERE id = :id AND action = 'import' AND status = 'previewed' AND NOT confirmed "
        "RETURNING id"), {"id": job_id}).first() is not None


def get(conn, job_id: int) -> dict | None:
    row = conn.execute(sa.text(
        "SELECT j.*, u.email AS user_email FROM console_job j "
        "JOIN app_user u ON u.id = j.user_id WHERE j.id = :id"), {"id": job_id}).first()
    return dict(row._mapping) if row else None


def listing(conn, action: str | None = None, limit: int = 100) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(sa.text(
        "SELECT j.id, j.action, j.status, j.phase, j.kind, j.source, j.params, j.file_name, "
        "j.file_sha256, j.file_size, j.confirmed, j.preview, j.result, j.error, "
        "j.created_at, j.finished_at, u.email AS user_email FROM console_job j "
        "JOIN app_user u ON u.id = j.user_id "
        "WHERE CAST(:action AS text) IS NULL OR j.action = :action "
        "ORDER BY j.id DESC LIMIT :limit"), {"action": action, "limit": limit})]


def spawn(config: Config, job_id: int) -> None:
    """Start ``python -m atlas jobs run ID`` detached from the web worker (its own
    session: a worker restarted by gunicorn does not take it along), connected with the
    writer role; its output goes to the job's ``job.log``."""
    env = dict(os.environ, ATLAS_DATABASE_URL=config.writer_url,
               ATLAS_CACHE_DIR=str(config.cache_dir))
    env.pop("ATLAS_WRITER_DATABASE_URL", None)
    if config.geodata:
        env["ATLAS_GEODATA"] = str(config.geodata)
    where = folder(config, job_id)
    where.mkdir(parents=True, exist_ok=True)
    with open(where / "job.log", "ab") as log:
        subprocess.Popen([sys.executable, "-m", "atlas", "jobs", "run", str(int(job_id))],
                         cwd=PROJECT_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log,
                         stderr=subprocess.STDOUT, start_new_session=True)
