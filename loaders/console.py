"""The console's jobs, run: ``python -m atlas jobs run ID`` (spawned by the console's
request, see ``atlas.jobs``), every write through ``loaders.pipeline``.

- ``import`` of a table (initiatives, places, labels) or of press texts (one, or a zip
  of them: each text its own source, as ``load press``), not confirmed: the load as a dry run (same prepare, geocoding and merge,
  rolled back): counts read / would load / update / remove / reject by reason, the
  first rejects with their reason and candidates, the disagreements → ``preview``.
- ``import``, confirmed: the load, one transaction; the rejects and disagreements files
  in the job's folder, renamed there after the commit; an audit row in the same
  transaction → ``result``.
- ``remove_source``: every initiative and award of the source removed (sync rows,
  version; the contributions source's fiches marked unpublished with them);
  ``edit_source``: its attribution and licence changed, before/after audited.

Progress goes to the job's row (``phase``) on its own connection, so the page sees it
while the write's transaction is open. A failure marks the job ``failed`` with one
line and writes nothing (the transaction rolls back).
"""

from __future__ import annotations

import json
import traceback
import zipfile

import click
import sqlalchemy as sa

from atlas import audit, db, editions, jobs
from atlas import contributions as atlas_contributions
from atlas.cli import AtlasGroup, config_of
from atlas.config import Config
from atlas.errors import AtlasError, InputError
from loaders import contributions, initiatives, labels, pipeline, provenance, tables
from loaders.press import load as press_load
from loaders.press.release import EDITION_GIVEN
from loaders.records import LoadReport, missing_columns, report_files

PREVIEW_REJECTS = 50  # rejects shown on the preview page (all are in the file)


class PlaceColumns(initiatives.PlainColumns):
    """A plain file of places (France Services sites, médiathèques...): every row a
    ``place``, its type from the ``type`` or ``place_type`` column."""

    @staticmethod
    def fields(row: dict) -> dict:
        out = initiatives.PlainColumns.fields(row)
        kind = (row.get("place_type") or row.get("type") or "").strip() or None
        return dict(out, kind="place", place_type=kind, attributes={})


PLACES = PlaceColumns()


def _phase(engine, job_id: int, phase: str, status: str | None = None, **fields) -> None:
    sets = ["phase = :phase"] + (["status = :status"] if status else [])
    params = {"id": job_id, "phase": phase, "status": status}
    for name in ("preview", "result"):
        if name in fields:
            sets.append(f"{name} = CAST(:{name} AS jsonb)")
            params[name] = json.dumps(fields[name], ensure_ascii=False, default=str)
    if "error" in fields:
        sets.append("error = :error")
        params["error"] = fields["error"]
    if status in ("previewed", "done", "failed"):
        sets.append("finished_at = now()")
    with engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE console_job SET {', '.join(sets)} WHERE id = :id"),
                     params)


def _claim(engine, job_id: int) -> dict | None:
    with engine.begin() as conn:
        claimed = conn.execute(sa.text(
            "UPDATE console_job SET status = 'running', phase = 'démarrage', error = NULL "
            "WHERE id = :id AND status = 'queued' RETURNING id"), {"id": job_id}).first()
    if claimed is None:
        return None
    with engine.connect() as conn:
        return jobs.get(conn, job_id)


def _summary(report: LoadReport) -> dict:
    return {"read": report.read, "inserted": report.inserted, "updated": report.updated,
            "unchanged": report.unchanged, "removed": report.removed,
            "rejected": dict(report.rejected.most_common()),
            "rejected_total": sum(report.rejected.values()),
            "warnings": dict(report.warnings.most_common()),
            "methods": dict(report.methods.most_common()),
            "disagreements": dict(sorted(report.disagreements.items()))}


def _source_of(job: dict) -> provenance.Source | str:
    """The job's source: a new one described in the form, or an existing name."""
    new = job["params"].get("new_source")
    if new:
        return provenance.Source(name=new["name"], title=new["title"] or new["name"],
                                 attribution=new["attribution"] or new["name"],
                                 licence=new.get("licence") or None,
                                 url=new.get("url") or None)
    return job["source"]


def _import(engine, config: Config, job: dict) -> None:
    job_id, kind = job["id"], job["kind"]
    path = jobs.upload_path(config, job_id, job["file_name"])
    if kind == "press":
        return _import_press(engine, config, job, path)
    _phase(engine, job_id, "lecture du fichier")
    columns, rows, how = tables.read_table(path)
    module = labels if kind == "labels" else initiatives
    missing = missing_columns(columns, rows, module)
    if missing:
        raise InputError(f"colonne(s) manquante(s) : {', '.join(missing)} (colonnes du "
                         f"fichier : {', '.join(c for c in columns if c)})")
    batch = pipeline.Batch("labels" if kind == "labels" else "initiatives",
                           _source_of(job), rows,
                           reader=PLACES if kind == "places" else None,
                           keep_missing=bool(job["params"].get("keep_missing")))
    preview = not job["confirmed"]
    _phase(engine, job_id, f"géocodage et contrôle de {len(rows)} lignes ({how})"
           + (" : aperçu, rien n'est écrit" if preview else " puis écriture"))
    where = jobs.folder(config, job_id)
    with pipeline.transaction(engine, dry_run=preview) as w:
        pipeline.load(w, [batch])
        summary = _summary(batch.report)
        if not preview:
            report_files(w, [batch.report], [c for c in columns if c], batch.rejects,
                         where / "rejets.csv", where / "desaccords.csv")
            audit.record(w.conn, f"import.{kind}", actor=job["user_email"],
                         user_id=job["user_id"], target=batch.source_name,
                         counts=summary, job_id=job_id,
                         after={"file": job["file_name"], "sha256": job["file_sha256"]})
    _finish(engine, job_id, w, summary, columns, batch.rejects, batch.report.disputed,
            preview)


def _finish(engine, job_id: int, w, summary: dict, columns: list[str], rejects: list,
            disputed: list, preview: bool) -> None:
    """The preview (the first rejects and disagreements beside the counts) or the
    result, onto the job's row."""
    if preview:
        summary["rejects"] = [
            {"line": line, "reason": str(why),
             "candidates": list(getattr(why, "candidates", ())),
             "row": {c: row.get(c) for c in columns if c and row.get(c)}}
            for line, row, why in rejects[:PREVIEW_REJECTS]]
        summary["disputed"] = [
            {"line": line, "disagreements": list(m.disagreements), "note": m.note,
             "insee": m.insee} for line, _, m in disputed[:PREVIEW_REJECTS]]
        _phase(engine, job_id, "aperçu prêt", "previewed", preview=summary)
    else:
        summary["version"] = w.derived.version
        _phase(engine, job_id, "chargé", "done", result=summary)


def _import_press(engine, config: Config, job: dict, path) -> None:
    """Press texts (one, or a zip of them), read and loaded as ``load press`` does: each
    text is its own source, named after its file; the form's edition, if any, dates the
    texts that state none (``--edition``)."""
    job_id = job["id"]
    edition = job["params"].get("edition")
    if edition is not None:
        editions.check(edition)
    _phase(engine, job_id, "lecture des textes")
    texts = press_load.texts_of(path)
    if not zipfile.is_zipfile(path):  # one text: its name is the one it was sent with
        texts = [(job["file_name"], texts[0][1])]
    preview = not job["confirmed"]
    _phase(engine, job_id, f"lecture et géocodage de {len(texts)} texte(s)"
           + (" : aperçu, rien n'est écrit" if preview else " puis écriture"))
    where = jobs.folder(config, job_id)
    with pipeline.transaction(engine, dry_run=preview) as w:
        done = press_load.load(w, texts, edition)
        total = done.total(job["file_name"])
        summary = dict(_summary(total), texts=len(texts))
        if edition is not None:  # how many awards it dated (the others: their text)
            summary["edition"] = {"year": edition, "awards": sum(
                row.get("edition_from") == EDITION_GIVEN
                for _, award_rows, _ in done.extracted for row in award_rows)}
        if not preview:
            report_files(w, done.reports, press_load.REJECT_COLUMNS, done.rejects,
                         where / "rejets.csv", where / "desaccords.csv")
            audit.record(w.conn, "import.press", actor=job["user_email"],
                         user_id=job["user_id"], target=job["file_name"],
                         counts=summary, job_id=job_id,
                         after={"file": job["file_name"], "sha256": job["file_sha256"],
                                "sources": [name for name, _ in texts]})
    _finish(engine, job_id, w, summary, press_load.REJECT_COLUMNS, done.rejects,
            total.disputed, preview)


def _remove_source(engine, job: dict) -> None:
    name = job["source"]
    _phase(engine, job["id"], f"retrait des données de la source {name}")
    report = LoadReport(source=name)
    with pipeline.transaction(engine) as w:
        keys = list(w.conn.scalars(sa.text(
            "SELECT source_id FROM initiative WHERE source = :s"), {"s": name}))
        initiatives.remove(w.conn, name, keys, report, w.changes)
        labels.remove_missing(w.conn, name, [], report, w.changes)
        counts = {"removed": report.removed}
        if name == atlas_contributions.SOURCE:
            counts["fiches_unpublished"] = contributions.unpublish_every(w.conn)
        audit.record(w.conn, "source.remove_records", actor=job["user_email"],
                     user_id=job["user_id"], target=name, job_id=job["id"],
                     counts=counts)
    _phase(engine, job["id"], "terminé", "done", result={"removed": report.removed,
                                                          "version": w.derived.version})


EDITABLE = ("attribution", "licence", "licence_url")


def _edit_source(engine, job: dict) -> None:
    name, values = job["source"], job["params"].get("values", {})
    values = {k: (values.get(k) or "").strip() or None for k in EDITABLE}
    if not values["attribution"]:
        raise InputError("l'attribution ne peut pas être vide")
    with pipeline.transaction(engine) as w:
        before = w.conn.execute(sa.text(
            f"SELECT {', '.join(EDITABLE)} FROM source WHERE name = :n FOR UPDATE"),
            {"n": name}).first()
        if before is None:
            raise InputError(f"source {name!r} inconnue")
        before = dict(before._mapping)
        changed = {k: v for k, v in values.items() if before[k] != v}
        if changed:
            w.conn.execute(sa.text(
                f"UPDATE source SET {', '.join(f'{k} = :{k}' for k in EDITABLE)} "
                "WHERE name = :n"), {**values, "n": name})
            w.changes.other += 1  # no derived row reads it; cached answers do
            audit.record(w.conn, "source.edit", actor=job["user_email"],
                         user_id=job["user_id"], target=name, job_id=job["id"],
                         before={k: before[k] for k in changed}, after=changed)
    _phase(engine, job["id"], "terminé", "done", result={"changed": sorted(changed)})


def run(config: Config, job_id: int) -> str | None:
    """Run a queued job; returns its final status (None: it was not queued)."""
    engine = db.engine(config)
    # The job's lock, held until this process ends (``atlas.jobs.hold``), taken before
    # the claim: a job seen running always has a live holder.
    holder = engine.connect()
    jobs.hold(holder, job_id)
    holder.commit()
    try:
        return _run(engine, config, job_id)
    finally:
        jobs.release(holder, job_id)
        holder.close()


def _run(engine, config: Config, job_id: int) -> str | None:
    job = _claim(engine, job_id)
    if job is None:
        return None
    try:
        if job["action"] == "import":
            _import(engine, config, job)
        elif job["action"] == "remove_source":
            _remove_source(engine, job)
        else:
            _edit_source(engine, job)
    except AtlasError as e:
        _phase(engine, job_id, "échec", "failed", error=str(e))
        return "failed"
    except Exception as e:  # the page must say it failed; the detail goes to job.log
        traceback.print_exc()
        _phase(engine, job_id, "échec", "failed",
               error=f"erreur interne ({type(e).__name__}), consignée dans le journal "
                     "du serveur")
        return "failed"
    with engine.connect() as conn:
        return conn.scalar(sa.text("SELECT status FROM console_job WHERE id = :id"),
                           {"id": job_id})


@click.group("jobs", cls=AtlasGroup)
def jobs_() -> None:
    """The staff console's jobs (imports, source removals and edits)."""


@jobs_.command("run")
@click.argument("job_id", type=int)
@click.pass_context
def run_command(ctx: click.Context, job_id: int) -> None:
    """Run console job JOB_ID (spawned by the console; by hand, to retry nothing: a job
    runs only once, from the queued state)."""
    status = run(config_of(ctx), job_id)
    click.echo(f"job {job_id}: {status or 'not queued, nothing done'}")
