"""Accounts: the ``users`` commands, activation links, sign-in, sessions, the login
throttle shared through PostgreSQL, CSRF on every form."""

from __future__ import annotations

import re
import time

import pytest
import sqlalchemy as sa

from atlas import accounts
from atlas.config import Config
from atlas.errors import InputError
from atlas.web import create_app
from tests.staff import PASSWORD, csrf_token, login, make_account, remove_accounts


@pytest.fixture(scope="module")
def app(config, with_domains):
    app = create_app(config)
    app.config["TESTING"] = True
    yield app
    remove_accounts(with_domains)


@pytest.fixture()
def owner(with_domains):
    yield with_domains
    remove_accounts(with_domains)


def _link_token(output: str) -> str:
    return re.search(r"/activation/(\S+)", output).group(1)


def test_an_admin_created_by_the_cli_activates_signs_in_and_is_reset(app, owner,
                                                                     atlas_cli):
    refused = atlas_cli("users", "add", "agent@ville.test", "--role", "contributor")
    assert refused.returncode == 1 and "one collectivité" in refused.stderr
    made = atlas_cli("users", "add", "Marie@Asso.test", "--role", "admin", "--name",
                     "Marie")
    assert made.returncode == 0, made.stderr
    token = _link_token(made.stdout)
    assert "not activated" in atlas_cli("users", "list").stdout
    with owner.connect() as conn:
        stored = conn.execute(sa.text("SELECT token_hash, password_hash FROM app_user")).one()
    assert token not in stored.token_hash and stored.password_hash is None  # hashed

    client = app.test_client()
    page = client.get(f"/activation/{token}")
    assert page.status_code == 200 and "marie@asso.test" in page.get_data(as_text=True)
    short = client.post(f"/activation/{token}", data={
        "csrf_token": csrf_token(client, f"/activation/{token}"), "password": "court",
        "confirm": "court"})
    assert short.status_code == 400 and "12 caractères" in short.get_data(as_text=True)
    done = client.post(f"/activation/{token}", data={
        "csrf_token": csrf_token(client, f"/activation/{token}"), "password": PASSWORD,
        "confirm": PASSWORD})
    assert done.status_code == 302
    assert client.get(f"/activation/{token}").status_code == 404  # one use
    with owner.connect() as conn:
        assert conn.scalar(sa.text("SELECT password_hash FROM app_user")).startswith(
            "$argon2id$")

    signed = login(client, "marie@asso.test")
    assert signed.status_code == 302 and signed.headers["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    reset = atlas_cli("users", "reset", "marie@asso.test")
    assert reset.returncode == 0, reset.stderr
    # The open session ended, and the old password no longer opens the account.
    assert client.get("/admin/").status_code == 302
    assert login(app.test_client(), "marie@asso.test").status_code == 401
    new_token = _link_token(reset.stdout)
    assert new_token != token
    assert atlas_cli("users", "disable", "marie@asso.test").returncode == 0
    assert app.test_client().get(f"/activation/{new_token}").status_code == 404
    with owner.connect() as conn:
        actions = list(conn.scalars(sa.text("SELECT action FROM audit_event ORDER BY id")))
    assert actions == ["account.add", "account.password_set", "account.reset",
                       "account.disable"]


def test_accounts_refuse_bad_input(owner):
    with owner.begin() as conn:
        for args, message in [(("x", "admin"), "not an e-mail"),
                              (("a@b.test", "chef"), "role"),
                              (("a@b.test", "contributor", "", "99999"), "no such INSEE"),
                              (("a@b.test", "admin", "", "94076"), "only a contributor")]:
            with pytest.raises(InputError, match=message):
                accounts.add(conn, *args)
        accounts.add(conn, "a@b.test", "moderator")
        with pytest.raises(InputError, match="exists"):
            accounts.add(conn, "A@B.test", "admin")


def test_one_message_for_every_failed_login(app, owner):
    make_account(owner, "admin@asso.test", "admin")
    answers = [login(app.test_client(), email, password)
               for email, password in [("admin@asso.test", "pas le bon mot de passe"),
                                       ("inconnu@asso.test", PASSWORD)]]
    bodies = [re.search(r'role="alert"[^>]*>([^<]+)<', a.get_data(as_text=True)).group(1)
              for a in answers]
    assert [a.status_code for a in answers] == [401, 401]
    assert bodies[0] == bodies[1] == "Adresse électronique ou mot de passe incorrect."


def test_the_session_is_new_at_login_httponly_lax_and_ends_when_idle(app, owner):
    make_account(owner, "admin@asso.test", "admin")
    client = app.test_client()
    client.get("/connexion")
    with client.session_transaction() as s:
        s["planted"] = "by an attacker"
    signed = login(client, "admin@asso.test")
    cookie = signed.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    with client.session_transaction() as s:
        assert "planted" not in s and s["sid"]
        first_sid = s["sid"]
    login(client, "admin@asso.test")
    with client.session_transaction() as s:
        assert s["sid"] != first_sid
        s["seen"] = int(time.time()) - 31 * 60  # 31 minutes without a request
    away = client.get("/admin/journal")
    assert away.status_code == 302 and away.headers["Location"].startswith("/connexion")


def test_the_cookie_is_secure_behind_https(config, owner):
    app = create_app(Config.from_env(database_url=config.database_url,
                                     public_url="https://atlas.example.org"))
    make_account(owner, "admin@asso.test", "admin")
    client = app.test_client()
    page = client.get("/connexion", base_url="https://atlas.example.org")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True))[1]
    signed = client.post("/connexion", data={"email": "admin@asso.test",
                                             "password": PASSWORD, "csrf_token": token},
                         headers={"Referer": "https://atlas.example.org/connexion"},
                         base_url="https://atlas.example.org")
    assert "Secure" in signed.headers["Set-Cookie"]


def test_public_answers_read_no_session(app, owner):
    make_account(owner, "admin@asso.test", "admin")
    client = app.test_client()
    login(client, "admin@asso.test")
    for path in ("/api/health", "/api/domains", "/tiles/regions.json"):
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert "Cookie" not in answer.headers.get("Vary", ""), path
        assert "Set-Cookie" not in answer.headers, path


def test_the_eleventh_failure_is_429_for_the_account_and_for_the_address(app, owner):
    make_account(owner, "admin@asso.test", "admin")
    for _ in range(10):
        assert login(app.test_client(), "admin@asso.test", "mauvais").status_code == 401
    # The right password, from another address: the account is throttled.
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    answer = login(client, "admin@asso.test")
    assert answer.status_code == 429 and "15 minutes" in answer.get_data(as_text=True)
    # One address trying many accounts is throttled too.
    remove_accounts(owner)
    make_account(owner, "admin@asso.test", "admin")
    for n in range(10):
        assert login(client, f"essai{n}@asso.test", "mauvais").status_code == 401
    assert login(client, "admin@asso.test").status_code == 429
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "198.51.100.1"
    assert login(other, "admin@asso.test").status_code == 302


def test_a_post_without_csrf_token_is_refused_and_writes_nothing(app, owner):
    make_account(owner, "admin@asso.test", "admin")
    client = app.test_client()
    assert login(client, "admin@asso.test", "mauvais", csrf=False).status_code == 400
    with owner.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM login_failure")) == 0
    login(client, "admin@asso.test")
    refused = client.post("/compte", data={"current": PASSWORD, "new": "x" * 20,
                                           "confirm": "x" * 20})
    assert refused.status_code == 400
    assert "rechargez la page" in refused.get_data(as_text=True)
    assert login(app.test_client(), "admin@asso.test").status_code == 302  # unchanged


def test_changing_the_password_ends_the_other_sessions(app, owner):
    make_account(owner, "admin@asso.test", "admin")
    here, elsewhere = app.test_client(), app.test_client()
    login(here, "admin@asso.test")
    login(elsewhere, "admin@asso.test")
    new = "un tout autre mot de passe"
    changed = here.post("/compte", data={"csrf_token": csrf_token(here, "/compte"),
                                         "current": PASSWORD, "new": new, "confirm": new})
    assert changed.status_code == 302
    assert here.get("/compte").status_code == 200
    assert elsewhere.get("/compte").status_code == 302
    assert login(app.test_client(), "admin@asso.test", new).status_code == 302


def test_the_throttle_lifts_after_15_minutes(app, owner):
    make_account(owner, "admin@asso.test", "admin")
    for _ in range(10):
        login(app.test_client(), "admin@asso.test", "mauvais")
    assert login(app.test_client(), "admin@asso.test").status_code == 429
    with owner.begin() as conn:
        conn.execute(sa.text("UPDATE login_failure SET at = at - interval '15 minutes 1 second'"))
    assert login(app.test_client(), "admin@asso.test").status_code == 302


def test_a_disabled_account_gets_the_same_message_and_next_stays_on_the_site(app, owner):
    make_account(owner, "admin@asso.test", "admin")
    client = app.test_client()
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        answer = client.post("/connexion", data={
            "email": "admin@asso.test", "password": PASSWORD, "next": target,
            "csrf_token": csrf_token(client, "/connexion")})
        assert answer.headers["Location"] == "/admin/", target
    kept = client.post("/connexion", data={
        "email": "admin@asso.test", "password": PASSWORD, "next": "/admin/sources",
        "csrf_token": csrf_token(client, "/connexion")})
    assert kept.headers["Location"] == "/admin/sources"
    with owner.begin() as conn:
        accounts.set_active(conn, "admin@asso.test", False)
    assert client.get("/admin/").status_code == 302  # the session ended
    refused = login(app.test_client(), "admin@asso.test")
    assert refused.status_code == 401
    assert "Adresse électronique ou mot de passe incorrect." in refused.get_data(as_text=True)
