"""Moderation, ``/admin/moderation`` (moderators and admins): the queue, one item with
its diff, the decisions.

Routes only. Approving a fiche publishes it through the write path in this request (one
record's write costs what it changes: it is on the map when the answer arrives), with
the publisher the composition root gives ``create_app`` (``loaders.contributions``: the
core never imports the loaders). Rejections, requests for changes, account requests and
reports are decided with the writer's role (``atlas.contributions``). Every decision goes
to the audit journal in the same transaction.
"""

from __future__ import annotations

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request,
                   url_for)

from atlas import accounts, contributions, db
from atlas.errors import AtlasError, InputError
from atlas.queries import moderation
from atlas.web import engine
from atlas.web.contribute import point_map
from atlas.web.staff import account

bp = Blueprint("moderation", __name__, url_prefix="/admin/moderation")


class NotConfigured(AtlasError):
    status = 503
    code = "publisher_missing"


def _config():
    return current_app.config["ATLAS"]


def _writer():
    return db.writer_engine(_config())


def _publish(revision_ids: list[int]) -> list[int]:
    publisher = current_app.extensions.get("atlas_publisher")
    if publisher is None:
        raise NotConfigured("la publication n'est pas configurée (app.py)")
    config = _config()
    source = publisher.source(config.contribution_licence, config.contribution_licence_url)
    return publisher.approve(_writer(), account(), revision_ids, source)


def _domain_labels(conn) -> dict[str, str]:
    return {d["code"]: d["label"] for d in contributions.domains(conn)}


@bp.get("/")
def queue():
    kind = request.args.get("type") or None
    if kind is not None and kind not in contributions.KINDS:
        kind = None
    departement = (request.args.get("departement") or "").strip()[:3] or None
    code = (request.args.get("collectivite") or "").strip()[:9] or None
    with engine().connect() as conn:
        items = moderation.queue(conn, kind, departement, code)
        waiting = moderation.counts(conn)
    return render_template("moderation/queue.html", items=items, waiting=waiting,
                           kinds=contributions.KINDS, kind=kind, departement=departement,
                           code=code)


@bp.post("/lot")
def bulk():
    ids = [int(v) for v in request.form.getlist("revision") if v.isascii() and v.isdigit()]
    if not ids:
        flash("Cochez au moins une fiche à approuver.")
        return redirect(url_for("moderation.queue"), 303)
    done = _publish(ids)
    flash(f"{len(done)} proposition(s) approuvée(s) et publiée(s).")
    return redirect(url_for("moderation.queue"), 303)


def _revision_page(revision_id: int, error: str | None = None, status: int = 200):
    with engine().connect() as conn:
        item = moderation.revision(conn, revision_id)
        if item is None:
            abort(404)
        labels = _domain_labels(conn)
        history = contributions.history(conn, item["fiche_id"])
    rows = moderation.diff(item["published"], item["content"], labels)
    shown, place = item["content"] or item["published"] or {}, item["place"]
    where = point_map(
        insee=place.insee, centre=[place.lat, place.lon],
        point=[shown["lat"], shown["lon"]] if shown.get("lon") is not None else None
    ) if place is not None and place.lat is not None else None
    return render_template("moderation/revision.html", item=item, rows=rows, error=error,
                           point_map=where,
                           history=history, kinds=contributions.KINDS,
                           status_fr=contributions.STATUS_FR,
                           state_fr=contributions.STATE_FR), status


@bp.route("/fiches/<int:revision_id>", methods=["GET", "POST"])
def revision(revision_id: int):
    if request.method == "GET":
        return _revision_page(revision_id)
    decision = request.form.get("decision")
    if decision not in ("approve", "rejected", "changes"):
        return _revision_page(revision_id, "Choisissez une décision.", 400)
    with engine().connect() as conn:
        if moderation.revision(conn, revision_id) is None:
            abort(404)
    if decision == "approve":
        done = _publish([revision_id])
        flash("Approuvée et publiée." if done else "Cette proposition n'attendait plus.")
    else:
        try:
            with _writer().begin() as conn:
                done = contributions.decide_revisions(conn, account(), [revision_id],
                                                      decision, request.form.get("message"))
        except InputError as e:
            return _revision_page(revision_id, str(e), 400)
        flash("Décision envoyée au contributeur." if done
              else "Cette proposition n'attendait plus.")
    return redirect(url_for("moderation.queue"), 303)


@bp.route("/comptes/<int:request_id>", methods=["GET", "POST"])
def account_request(request_id: int):
    link = error = None
    status = 200
    if request.method == "POST":
        decision = request.form.get("decision")
        try:
            with _writer().begin() as conn:
                if decision == "accept":
                    made = contributions.accept_request(conn, account(), request_id)
                    if made is not None:
                        link = accounts.activation_link(_config(), made[1])
                elif decision == "reject":
                    contributions.reject_request(conn, account(), request_id)
                else:
                    raise InputError("Choisissez une décision.")
        except InputError as e:
            error, status = str(e), 400
    with engine().connect() as conn:
        item = moderation.account_request(conn, request_id)
    if item is None:
        abort(404)
    return render_template("moderation/account.html", item=item, link=link,
                           error=error), status


@bp.route("/signalements/<int:report_id>", methods=["GET", "POST"])
def report(report_id: int):
    error, status = None, 200
    with engine().connect() as conn:
        item = moderation.report(conn, report_id)
        labels = contributions.domains(conn)
    if item is None:
        abort(404)
    form = request.form
    if request.method == "POST":
        decision = form.get("decision")
        try:
            if decision == "dismiss":
                with _writer().begin() as conn:
                    contributions.close_report(conn, account(), report_id, "dismissed")
                flash("Signalement classé.")
                return redirect(url_for("moderation.queue"), 303)
            if decision != "fix":
                raise InputError("Choisissez une décision.")
            publisher = current_app.extensions.get("atlas_publisher")
            if publisher is None:
                raise NotConfigured("la publication n'est pas configurée (app.py)")
            fields = {**form.to_dict(), "domains": form.getlist("domains")}
            if not publisher.fix_record(_writer(), account(), report_id,
                                        item["initiative_id"], fields):
                raise InputError("la fiche signalée n'existe plus : classez le signalement")
            flash("Fiche corrigée, signalement clos.")
            return redirect(url_for("moderation.queue"), 303)
        except InputError as e:
            error, status = str(e), 400
    values = form if request.method == "POST" else item
    chosen = form.getlist("domains") if request.method == "POST" else item["domains"]
    return render_template("moderation/report.html", item=item, error=error, values=values,
                           chosen=chosen, domains=labels), status
