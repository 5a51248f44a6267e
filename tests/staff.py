"""Accounts for the console's tests: one per role, activated with a known password, and
signing in through ``/connexion`` as a browser would."""

from __future__ import annotations

import re

import sqlalchemy as sa

from atlas import accounts

PASSWORD = "un mot de passe de test assez long"
ROLE_ACCOUNTS = {  # role → (e-mail, commune of a contributor)
    "contributor": ("agent@ville.test", "94076"),
    "moderator": ("moderation@asso.test", None),
    "admin": ("admin@asso.test", None),
}


def make_account(engine, email: str, role: str, commune: str | None = None):
    with engine.begin() as conn:
        account, token = accounts.add(conn, email, role, commune=commune)
        return accounts.activate(conn, token, PASSWORD)


def make_role_accounts(engine) -> dict:
    return {role: make_account(engine, email, role, commune)
            for role, (email, commune) in ROLE_ACCOUNTS.items()}


def remove_accounts(engine) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text("TRUNCATE audit_event, console_job, login_failure, error_report, "
                             "account_request, fiche_revision, fiche, app_user"))


def csrf_token(client, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def login(client, email: str, password: str = PASSWORD, csrf: bool = True):
    data = {"email": email, "password": password}
    if csrf:
        data["csrf_token"] = csrf_token(client, "/connexion")
    return client.post("/connexion", data=data)
