"""Account pages: ``/connexion``, ``/deconnexion``, ``/compte``, ``/activation/<token>``.

Routes only: the accounts' rules live in ``atlas.accounts``, the sessions in
``atlas.web.staff``. A failed login says one thing whatever failed (unknown e-mail,
wrong password, account disabled or not activated); after 10 failures in 15 minutes for
the account or from the address, 429 until the window has passed.
"""

from __future__ import annotations

import secrets
import time

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import login_user, logout_user

from atlas import accounts, audit
from atlas.errors import InputError
from atlas.web import engine
from atlas.web.staff import StaffUser, account

bp = Blueprint("auth", __name__)

FAILED = "Adresse électronique ou mot de passe incorrect."
THROTTLED = ("Trop de tentatives de connexion : pour protéger les comptes, la connexion "
             "est suspendue pendant 15 minutes.")


def _sign_in(who: accounts.Account) -> None:
    """A new session (nothing of the anonymous one survives: no fixation), then the
    account in it."""
    session.clear()
    login_user(StaffUser(who))
    session.permanent = True
    session["seen"] = int(time.time())
    session["sid"] = secrets.token_urlsafe(16)  # a new session id at every login


def _next_page(who: accounts.Account) -> str:
    target = request.values.get("next", "")
    # Only a path of this site: "//host" or "https://host" would be an open redirect.
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("admin.dashboard") if who.at_least("moderator") else url_for(
        "auth.account_page")


@bp.route("/connexion", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("auth/login.html", error=None, email="")
    email = request.form.get("email", "")[:254]
    password = request.form.get("password", "")
    address = request.remote_addr or "?"
    with engine().begin() as conn:
        if accounts.throttled(conn, email, address):
            return render_template("auth/login.html", error=THROTTLED, email=email), 429
        who = accounts.authenticate(conn, email, password, address)
    if who is None:
        return render_template("auth/login.html", error=FAILED, email=email), 401
    _sign_in(who)
    return redirect(_next_page(who))


@bp.route("/deconnexion", methods=["POST"])
def logout():
    logout_user()
    session.clear()
    flash("Vous êtes déconnecté.")
    return redirect(url_for("auth.login"))


def _set_password(template: str, who, new_field: str, mismatch: str, write):
    """The two password forms (activation, change): the new password typed twice, then
    ``write(conn, password)`` in one transaction (None: refused, the form says why);
    (the written account, None) or (None, the form again with its error)."""
    password = request.form.get(new_field, "")
    if password != request.form.get("confirm", ""):
        return None, (render_template(template, who=who, error=mismatch), 400)
    try:
        with engine().begin() as conn:
            return write(conn, password), None
    except InputError as e:
        return None, (render_template(template, who=who, error=str(e)), 400)


@bp.route("/activation/<token>", methods=["GET", "POST"])
def activate(token: str):
    with engine().connect() as conn:
        who = accounts.account_for_token(conn, token)
    if who is None:
        return render_template("auth/activate.html", who=None, error=None), 404
    if request.method == "GET":
        return render_template("auth/activate.html", who=who, error=None)

    def write(conn, password):
        done = accounts.activate(conn, token, password)
        if done is not None:
            audit.record(conn, "account.password_set", actor=done.email,
                         user_id=done.id, target=done.email)
        return done

    done, refused = _set_password("auth/activate.html", who, "password",
                                  "Les deux mots de passe diffèrent.", write)
    if refused:
        return refused
    if done is None:
        return render_template("auth/activate.html", who=None, error=None), 404
    flash("Votre mot de passe est enregistré : connectez-vous.")
    return redirect(url_for("auth.login"))


@bp.route("/compte", methods=["GET", "POST"])
def account_page():
    who = account()
    if request.method == "GET":
        return render_template("auth/account.html", who=who, error=None)

    def write(conn, password):
        changed = accounts.change_password(conn, who, request.form.get("current", ""),
                                           password)
        if changed is not None:
            audit.record(conn, "account.password_changed", actor=who.email,
                         user_id=who.id, target=who.email)
        return changed

    changed, refused = _set_password("auth/account.html", who, "new",
                                     "Les deux nouveaux mots de passe diffèrent.", write)
    if refused:
        return refused
    if changed is None:
        return render_template("auth/account.html", who=who,
                               error="Le mot de passe actuel est incorrect."), 400
    _sign_in(changed)  # the other sessions ended with the old generation
    flash("Mot de passe changé ; vos autres sessions sont fermées.")
    return redirect(url_for("auth.account_page"))
