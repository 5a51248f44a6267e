"""The staff console, ``/admin``: dashboard, imports, sources, the audit journal.

Routes only. Who may see each page is declared in ``atlas.authz``; every write is a job
(``atlas.jobs``) that the request queues with the writer engine and spawns, so no web
worker runs a load, and every write goes through ``loaders.pipeline`` and the journal.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from flask import (Blueprint, abort, current_app, redirect, render_template, request,
                   send_file, url_for)

from atlas import audit, db, editions, jobs, texts, uploads
from atlas.errors import InputError
from atlas.queries import console, moderation
from atlas.web import engine
from atlas.web.staff import account

bp = Blueprint("admin", __name__, url_prefix="/admin")

def _config():
    return current_app.config["ATLAS"]


def _writer():
    return db.writer_engine(_config())


@bp.route("/")
def dashboard():
    with engine().connect() as conn:
        return render_template(
            "admin/dashboard.html", by_source=console.records_by_source(conn),
            by_edition=console.awards_by_edition(conn),
            imports=jobs.listing(conn, "import", limit=10),
            waiting=moderation.counts(conn))


def _text_field(name: str, label: str, required: bool = False, limit: int = 300) -> str:
    return texts.field(request.form.get(name), label, limit, required=required) or ""


def _url_field(name: str, label: str) -> str:
    return texts.link_field(request.form.get(name), label) or ""


def _import_form() -> dict:
    """The import's kind, source (existing or new) and options; InputError otherwise."""
    kind = request.form.get("kind", "")
    if kind not in uploads.KINDS:
        raise InputError("choisissez le type de données du fichier")
    edition = editions.field(request.form.get("edition"))
    if kind == "press":  # each text is its own source, named after its file
        return {"kind": kind, "source": None,
                "params": {} if edition is None else {"edition": edition}}
    if edition is not None:
        raise InputError("Édition : seulement pour des textes de presse (un tableau de "
                         "labels donne l'année de chaque ligne)")
    params = {"keep_missing": request.form.get("keep_missing") == "1"}
    choice = request.form.get("source", "")
    with engine().connect() as conn:
        known = {s["name"] for s in console.sources(conn)}
    if choice == "__new__":
        name = _text_field("new_name", "Nom de la nouvelle source", True, 100)
        if name in known:
            raise InputError(f"la source {name!r} existe déjà : choisissez-la dans la liste")
        params["new_source"] = {
            "name": name, "title": _text_field("new_title", "Titre"),
            "attribution": _text_field("new_attribution", "Attribution", True, 500),
            "licence": _text_field("new_licence", "Licence"),
            "url": _url_field("new_url", "Adresse de la source")}
        return {"kind": kind, "source": name, "params": params}
    if choice not in known:
        raise InputError("choisissez une source existante, ou créez-en une")
    return {"kind": kind, "source": choice, "params": params}


def _receive(upload, limit: int) -> tuple[Path, str, int]:
    """Copy the upload to a temporary file, hashing it; InputError past ``limit``."""
    where = _config().cache_dir / "console"
    where.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="upload-", dir=where)
    digest, size = hashlib.sha256(), 0
    with os.fdopen(fd, "wb") as out:
        while chunk := upload.stream.read(1 << 20):
            size += len(chunk)
            if size > limit:
                out.close()
                os.unlink(name)
                raise InputError(f"le fichier dépasse {uploads.size_fr(limit)} : découpez-le")
            digest.update(chunk)
            out.write(chunk)
    return Path(name), digest.hexdigest(), size


def _imports_page(error: str | None = None, status: int = 200):
    with engine().connect() as conn:
        body = render_template("admin/imports.html", error=error, kinds=uploads.KINDS,
                               sources=console.sources(conn),
                               history=jobs.listing(conn, "import"), form=request.form)
    return body, status


@bp.route("/imports", methods=["GET", "POST"])
def imports():
    if request.method == "GET":
        return _imports_page()
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return _imports_page("Choisissez un fichier.", 400)
    temp = None
    try:
        form = _import_form()
        temp, sha256, size = _receive(upload, _config().upload_max_bytes)
        uploads.check(temp, form["kind"])
    except InputError as e:
        if temp is not None:
            temp.unlink(missing_ok=True)
        return _imports_page(f"Fichier refusé : {e}.", 400)
    who = account()
    file_name = Path(upload.filename).name[:200]
    with _writer().begin() as conn:
        job_id = jobs.create(conn, "import", who.id, kind=form["kind"],
                             source=form["source"], params=form["params"],
                             file_name=file_name)
        jobs.set_file(conn, job_id, sha256, size)
    target = jobs.upload_path(_config(), job_id, file_name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(temp, target)
    jobs.spawn(_config(), job_id)
    return redirect(url_for("admin.job", job_id=job_id), 303)


def _job_or_404(job_id: int) -> dict:
    with engine().connect() as conn:
        job = jobs.get(conn, job_id)
    if job is None:
        abort(404)
    if job["status"] == "running":  # still at work, or its process died?
        with _writer().begin() as conn:
            if jobs.reap(conn, job_id):
                job = jobs.get(conn, job_id)
    return job


@bp.route("/taches/<int:job_id>")
def job(job_id: int):
    found = _job_or_404(job_id)
    reports = [name for name in jobs.REPORTS
               if (jobs.folder(_config(), job_id) / name).is_file()]
    return render_template("admin/job.html", job=found, reports=reports,
                           status_fr=jobs.STATUS_FR,
                           waiting=found["status"] in ("queued", "running"))


@bp.route("/taches/<int:job_id>/etat")
def job_state(job_id: int):
    """What the job's page polls while the job runs (``staff-job.js``)."""
    found = _job_or_404(job_id)
    return {"status": found["status"], "label": jobs.STATUS_FR[found["status"]],
            "phase": found["phase"]}


@bp.route("/taches/<int:job_id>/confirmer", methods=["POST"])
def job_confirm(job_id: int):
    _job_or_404(job_id)
    with _writer().begin() as conn:
        queued = jobs.confirm(conn, job_id)
    if queued:
        jobs.spawn(_config(), job_id)
    return redirect(url_for("admin.job", job_id=job_id), 303)


@bp.route("/taches/<int:job_id>/<name>")
def job_report(job_id: int, name: str):
    if name not in jobs.REPORTS:
        abort(404)
    path = jobs.folder(_config(), job_id) / name
    if not path.is_file():
        abort(404)
    return send_file(path, mimetype="text/csv", as_attachment=True,
                     download_name=f"import-{job_id}-{name}")


@bp.route("/sources")
def sources():
    with engine().connect() as conn:
        return render_template("admin/sources.html", sources=console.sources(conn))


def _source_or_404(name: str) -> dict:
    with engine().connect() as conn:
        found = console.source(conn, name)
    if found is None:
        abort(404)
    return found


def _queue(action: str, name: str, params: dict | None = None):
    with _writer().begin() as conn:
        job_id = jobs.create(conn, action, account().id, source=name, params=params)
    jobs.spawn(_config(), job_id)
    return redirect(url_for("admin.job", job_id=job_id), 303)


@bp.route("/sources/<name>", methods=["GET", "POST"])
def source(name: str):
    found = _source_or_404(name)
    if request.method == "GET":
        return render_template("admin/source.html", source=found, error=None)
    try:
        values = {"attribution": _text_field("attribution", "Attribution", True, 500),
                  "licence": _text_field("licence", "Licence"),
                  "licence_url": _url_field("licence_url", "Adresse de la licence")}
    except InputError as e:
        return render_template("admin/source.html", source=found, error=str(e)), 400
    return _queue("edit_source", name, {"values": values})


@bp.route("/sources/<name>/retirer", methods=["POST"])
def source_remove(name: str):
    found = _source_or_404(name)
    if request.form.get("confirm", "").strip() != name:
        return render_template(
            "admin/source.html", source=found,
            error="Pour retirer les données, recopiez exactement le nom de la source."), 400
    return _queue("remove_source", name)


@bp.route("/journal")
def journal():
    before = request.args.get("avant", type=int)
    with engine().connect() as conn:
        events = audit.listing(conn, before_id=before)
    return render_template("admin/journal.html", events=events)
