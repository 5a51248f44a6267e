"""Contributions, the collectivités' side: ``/contribuer`` (a contributor's fiches, new
fiche, edit, withdraw, unpublish request) and the public forms ``/contribuer/demande``
(an account request) and ``/initiatives/<id>/signaler`` (an error report).

Routes only: the rules live in ``atlas.contributions``. Who may reach each route is
declared in ``atlas.authz``; a fiche of another collectivité answers 404, as a fiche
that does not exist (nobody learns which fiches others prepare). Contributors' writes
use the web's role, which may add proposals but publish nothing. The public forms set a
session (their CSRF token) only on their own pages, so the atlas's pages stay cacheable.
"""

from __future__ import annotations

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request,
                   url_for)

from atlas import authz, contributions
from atlas.errors import InputError
from atlas.web import engine, map_contract, vendor
from atlas.web.staff import account

bp = Blueprint("contribute", __name__)


def _requester() -> str:
    config = current_app.config["ATLAS"]
    return contributions.requester(config.session_secret(), request.remote_addr or "?")


def _form() -> dict:
    return {**request.form.to_dict(), "domains": request.form.getlist("domains")}


# -- public forms -------------------------------------------------------------------------

@bp.route("/contribuer/demande", methods=["GET", "POST"])
def request_account():
    error, status = None, 200
    if request.method == "POST":
        try:
            with engine().begin() as conn:
                contributions.request_account(conn, request.form, _requester())
            return render_template("contribute/sent.html", what="request")
        except InputError as e:
            error, status = str(e), getattr(e, "status", 400)
    return render_template("contribute/request.html", error=error,
                           form=request.form), status


@bp.route("/initiatives/<int:initiative_id>/signaler", methods=["GET", "POST"])
def report(initiative_id: int):
    with engine().connect() as conn:
        title = conn.scalar(contributions.TITLE_OF, {"id": initiative_id})
    if title is None:
        abort(404)
    error, status = None, 200
    if request.method == "POST":
        try:
            with engine().begin() as conn:
                contributions.report_error(conn, initiative_id, request.form.get("text"),
                                           _requester())
            return render_template("contribute/sent.html", what="report",
                                   initiative_id=initiative_id, title=title)
        except InputError as e:
            error, status = str(e), getattr(e, "status", 400)
    return render_template("contribute/report.html", error=error, title=title,
                           initiative_id=initiative_id, form=request.form), status


# -- a contributor's space -----------------------------------------------------------------

def _own_fiche(conn, fiche_id: int) -> dict:
    fiche = contributions.get_fiche(conn, fiche_id)
    if fiche is None or not authz.acts_for(account(), fiche["commune_insee"],
                                             fiche["epci_siren"]):
        abort(404)
    return fiche


def _place_name(conn, who) -> str | None:
    if who.role != "contributor":
        return None
    place = contributions.collectivite(conn, who.commune_insee, who.epci_siren)
    return place["name"] if place else None


@bp.get("/contribuer")
def home():
    who = account()
    with engine().connect() as conn:
        fiches = contributions.fiches_of(conn, who) if who.role == "contributor" else []
        place = _place_name(conn, who)
    return render_template("contribute/home.html", fiches=fiches, place=place,
                           status_fr=contributions.STATUS_FR,
                           state_fr=contributions.STATE_FR)


def _fiche_form(conn, fiche: dict | None, values: dict, error: str | None, status: int):
    who = account()
    return render_template(
        "contribute/fiche_form.html", fiche=fiche, values=values, error=error,
        domains=contributions.domains(conn), places=contributions.places_of(conn, who),
        place=_place_name(conn, who), licence=current_app.config["ATLAS"].contribution_licence,
        point_map=point_map()), status


def point_map(**shown) -> dict:
    """What a page with the small commune map needs (the fiche form, a moderation item):
    the front-end files and the settings ``contribute.js`` reads (``shown``: the commune
    ``insee``, its ``centre`` and the ``point`` of a read-only map)."""
    outlines = map_contract.outlines()
    return {"leaflet_js": vendor.url("leaflet", "leaflet.js"),
            "leaflet_css": vendor.url("leaflet", "leaflet.css"),
            "vectorgrid_js": outlines["script"],
            "settings": {"outlines": outlines,
                         "commune": url_for("api.commune", code="CODE"), **shown}}


def _values(content: dict | None) -> dict:
    """A stored content as the form's fields."""
    if not content:
        return {"domains": []}
    return {**content, "commune": content.get("commune_insee"),
            "lon": "" if content.get("lon") is None else content["lon"],
            "lat": "" if content.get("lat") is None else content["lat"]}


@bp.route("/contribuer/fiches/nouvelle", methods=["GET", "POST"])
def new():
    who = account()
    if who.role != "contributor":
        abort(404)  # staff act for no collectivité
    with engine().begin() as conn:
        if request.method == "GET":
            return _fiche_form(conn, None, {"domains": []}, None, 200)
        form = _form()
        try:
            content = contributions.check_content(conn, who, form)
        except InputError as e:
            return _fiche_form(conn, None, form, str(e), 400)
        fiche_id = contributions.create_fiche(conn, who, content)
    flash("Fiche envoyée : elle sera publiée après relecture par l'association.")
    return redirect(url_for("contribute.fiche", fiche_id=fiche_id), 303)


@bp.get("/contribuer/fiches/<int:fiche_id>")
def fiche(fiche_id: int):
    with engine().connect() as conn:
        found = _own_fiche(conn, fiche_id)
        revisions = contributions.history(conn, fiche_id)
    return render_template("contribute/fiche.html", fiche=found, history=revisions,
                           status_fr=contributions.STATUS_FR,
                           state_fr=contributions.STATE_FR)


@bp.route("/contribuer/fiches/<int:fiche_id>/modifier", methods=["GET", "POST"])
def edit(fiche_id: int):
    with engine().begin() as conn:
        found = _own_fiche(conn, fiche_id)
        if request.method == "GET":
            # The contributor's last wording: waiting, refused or asked to change.
            return _fiche_form(conn, found, _values(found["latest"]), None, 200)
        form = _form()
        try:
            content = contributions.check_content(conn, account(), form)
        except InputError as e:
            return _fiche_form(conn, found, form, str(e), 400)
        contributions.revise(conn, account(), fiche_id, content)
    flash("Modification envoyée : la version publiée reste en ligne jusqu'à sa relecture."
          if found["state"] == "published" else "Modification envoyée pour relecture.")
    return redirect(url_for("contribute.fiche", fiche_id=fiche_id), 303)


@bp.post("/contribuer/fiches/<int:fiche_id>/retirer")
def withdraw(fiche_id: int):
    with engine().begin() as conn:
        _own_fiche(conn, fiche_id)
        done = contributions.withdraw(conn, fiche_id)
    flash("Proposition retirée." if done else "Aucune proposition n'attendait.")
    return redirect(url_for("contribute.fiche", fiche_id=fiche_id), 303)


@bp.post("/contribuer/fiches/<int:fiche_id>/depublier")
def unpublish(fiche_id: int):
    with engine().begin() as conn:
        _own_fiche(conn, fiche_id)
        try:
            contributions.ask_unpublish(conn, account(), fiche_id)
        except InputError as e:
            flash(str(e))
            return redirect(url_for("contribute.fiche", fiche_id=fiche_id), 303)
    flash("Demande de dépublication envoyée : la fiche reste en ligne jusqu'à sa relecture.")
    return redirect(url_for("contribute.fiche", fiche_id=fiche_id), 303)
