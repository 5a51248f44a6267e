"""Signed-in sessions and the access guard, installed once by the application factory.

- Session cookie: signed with ``Config.session_secret()`` (shared by every worker),
  ``HttpOnly``, ``SameSite=Lax``, ``Secure`` when ``ATLAS_PUBLIC_URL`` is https; the
  session ends after ``ATLAS_SESSION_IDLE`` minutes without a request.
- Flask-Login keeps ``accounts.Account.session_id`` ("id:generation") in the session;
  the user loader refuses a generation that is no longer the account's (after a reset, a
  disable or a password change every open session ends).
- The guard (``atlas.authz.decide``) runs before every request, before the CSRF check:
  an anonymous visitor of a staff page is sent to ``/connexion``, a role too low gets
  403, an undeclared endpoint 403 (fails closed).
- Flask-WTF's ``CSRFProtect`` checks every POST/PUT/PATCH/DELETE: without a valid token,
  400 and the view never runs.

Public pages never touch the session, so they keep no ``Vary: Cookie`` and stay
cacheable (Flask-Login's "remember me" cookie, which would read it on every answer, is
not used).
"""

from __future__ import annotations

import time

from flask import Flask, current_app, g, redirect, request, session, url_for
from flask_login import LoginManager, UserMixin, current_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect

from atlas import accounts, authz

csrf = CSRFProtect()


class StaffUser(UserMixin):
    """Flask-Login's view of an ``accounts.Account``."""

    def __init__(self, account: accounts.Account):
        self.account = account

    def get_id(self) -> str:
        return self.account.session_id

    @property
    def is_active(self) -> bool:
        return self.account.active


def account() -> accounts.Account | None:
    """The signed-in account of this request, or None (reads the session: staff pages
    only)."""
    return current_user.account if current_user.is_authenticated else None


def _load(session_id: str) -> StaffUser | None:
    from atlas.web import engine

    with engine().connect() as conn:
        found = accounts.from_session(conn, session_id)
    return StaffUser(found) if found else None


def _guard():
    rule = authz.rule_for(request.endpoint, request.method)
    if rule is not None and rule.level == "public":
        return None  # no session read: public answers stay cacheable
    who = account()
    if who is not None and _idle_expired():
        logout_user()
        session.clear()
        who = None
    outcome = authz.decide(who, request.endpoint, request.method)
    if outcome == authz.LOGIN:
        target = request.full_path if request.query_string else request.path
        return redirect(url_for("auth.login", next=target))
    if outcome == authz.FORBIDDEN:
        from atlas.web.errors import respond

        return respond(403, "forbidden", "Votre compte ne donne pas accès à cette page.")
    if who is not None:
        session["seen"] = int(time.time())
    g.account = who
    return None


def _idle_expired() -> bool:
    idle = current_app.config["ATLAS"].session_idle_minutes * 60
    return time.time() - session.get("seen", 0) > idle


def _csrf_refused(error: CSRFError):
    from atlas.web.errors import respond

    return respond(400, "csrf", "Le formulaire a expiré ou ne vient pas de ce site : "
                                 "rechargez la page et recommencez.")


def _too_large(error):
    from atlas.web.errors import respond

    from atlas.uploads import size_fr

    limit = size_fr(current_app.config["ATLAS"].upload_max_bytes)
    return respond(413, "too_large", f"Le fichier dépasse {limit} : découpez-le.")


def _no_store(response):
    # Staff pages hold personal and unpublished data: never cached anywhere.
    rule = authz.rule_for(request.endpoint, request.method)
    if rule is None or rule.level != "public" or request.blueprint in ("auth", "contribute"):
        response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    config = app.config["ATLAS"]
    app.config.update(
        SECRET_KEY=config.session_secret(),
        SESSION_COOKIE_NAME="atlas_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=config.public_url.startswith("https://"),
        PERMANENT_SESSION_LIFETIME=config.session_idle_minutes * 60,
        # Re-sent only when a staff page moves "seen" (see _guard): refreshing it on every
        # answer would put Set-Cookie and "Vary: Cookie" on public tiles and API answers.
        SESSION_REFRESH_EACH_REQUEST=False,
        MAX_CONTENT_LENGTH=config.upload_max_bytes + 1024 * 1024,  # the form's fields too
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session (idle limit)
        WTF_CSRF_SSL_STRICT=True,
    )
    manager = LoginManager()
    manager.session_protection = "strong"
    manager.user_loader(_load)
    manager.init_app(app, add_context_processor=False)
    # Flask-Login's after_request hook reads the session on every response (for its
    # "remember me" cookie), which would add "Vary: Cookie" to every public answer
    # (tiles, API) of a signed-in visitor. We never set that cookie (a session ends when
    # idle), so the hook has nothing to do: removed.
    app.after_request_funcs[None].remove(manager._update_remember_cookie)
    app.before_request(_guard)  # before the CSRF check: 302/403 first
    csrf.init_app(app)
    app.register_error_handler(CSRFError, _csrf_refused)
    app.register_error_handler(413, _too_large)
    app.after_request(_no_store)
