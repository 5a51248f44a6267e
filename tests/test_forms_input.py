"""Every form of the site against bad bytes and oversized values: a clear 400 naming the
field, and nothing stored (no job, no request, no report, no journal row, no password
changed). The control characters are refused at the door (``atlas.web.guard``) for
every form; the lengths by each form's own rules (``atlas.texts``, ``atlas.accounts``)."""

from __future__ import annotations

import io

import pytest
import sqlalchemy as sa

from atlas import accounts
from atlas.web import create_app
from tests.staff import ROLE_ACCOUNTS, login, make_role_accounts, remove_accounts

COUNTED = ("console_job", "account_request", "error_report", "audit_event",
           "fiche_revision", "login_failure")
CSV = b"id,titre,ville,annee,domaines\nx1,Atelier,Villejuif,2024,mediation\n"


@pytest.fixture(scope="module")
def app(config, api_data, with_domains):
    app = create_app(config)
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    make_role_accounts(with_domains)
    with with_domains.begin() as conn:
        _, token = accounts.add(conn, "nouveau@asso.test", "moderator")
    app.token = token
    app.initiative_id = min(api_data.values())
    yield app
    remove_accounts(with_domains)


def _counts(engine) -> dict:
    with engine.connect() as conn:
        return {t: conn.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in COUNTED}


def _as(app, role):
    client = app.test_client()
    if role:
        assert login(client, ROLE_ACCOUNTS[role][0]).status_code == 302
    return client


LONG = "x" * 20_000
CASES = [  # (role, path, fields, words of the answer)
    (None, "/connexion", {"email": "admin@asso.test\x00", "password": "p"}, "email"),
    (None, "/connexion", {"email": "admin@asso.test", "password": "mot\x01de passe"},
     "password"),
    (None, "/activation/{token}", {"password": "un mot\x00de passe assez long",
                                   "confirm": "un mot\x00de passe assez long"}, "password"),
    (None, "/activation/{token}", {"password": LONG, "confirm": LONG}, "1024"),
    ("moderator", "/compte", {"current": "x", "new": "abc\x1bdef" * 3,
                              "confirm": "abc\x1bdef" * 3}, "new"),
    ("moderator", "/compte", {"current": "x", "new": LONG, "confirm": LONG}, ""),
    ("admin", "/admin/imports", {"kind": "initiatives", "source": "__new__",
                                 "new_name": "essai\x07", "new_attribution": "A"},
     "new_name"),
    ("admin", "/admin/imports", {"kind": "initiatives", "source": "__new__",
                                 "new_name": "essai", "new_attribution": "A" * 501},
     "Attribution"),
    ("admin", "/admin/imports", {"kind": "initiatives", "source": "__new__",
                                 "new_name": "essai", "new_attribution": "A",
                                 "new_url": "javascript:alert(1)"}, "Adresse"),
    ("admin", "/admin/sources/api-test", {"attribution": "Villes\x0bInternet"},
     "attribution"),
    ("admin", "/admin/sources/api-test", {"attribution": "A" * 501}, "Attribution"),
    ("admin", "/admin/sources/api-test", {"attribution": "A", "licence_url": "ftp://x"},
     "Adresse de la licence"),
    (None, "/contribuer/demande", {"name": "Nom\x00", "email": "a@b.test",
                                   "position": "agent", "collectivite": "94076"}, "name"),
    (None, "/contribuer/demande", {"name": "Nom", "email": "a@b.test", "position": "agent",
                                   "collectivite": "94076", "message": LONG}, "Message"),
    (None, "/contribuer/demande", {"name": "N" * 201, "email": "a@b.test",
                                   "position": "agent", "collectivite": "94076"}, "Nom"),
    (None, "/contribuer/demande", {"name": "Nom", "email": "pas une adresse",
                                   "position": "agent", "collectivite": "94076"},
     "Adresse électronique"),
    (None, "/initiatives/{initiative}/signaler", {"text": "\x1b[31mrouge"}, "text"),
    (None, "/initiatives/{initiative}/signaler", {"text": LONG}, "Votre message"),
]


@pytest.mark.parametrize("role, path, fields, words", CASES)
def test_a_bad_field_is_a_400_naming_it_and_nothing_is_stored(app, with_domains, role, path,
                                                              fields, words):
    client = _as(app, role)
    before = _counts(with_domains)
    data = dict(fields)
    if path == "/admin/imports":
        data["file"] = (io.BytesIO(CSV), "fiches.csv")
    url = path.format(token=app.token, initiative=app.initiative_id)
    answer = client.post(url, data=data, headers={"Accept": "text/html"},
                         content_type="multipart/form-data" if "file" in data else None)
    assert answer.status_code == 400, (url, answer.status_code)
    assert words in answer.get_data(as_text=True).replace("&#39;", "'")
    after = _counts(with_domains)
    # A failed login is counted (the throttle), whatever made it fail; nothing else.
    assert {k: v for k, v in after.items() if k != "login_failure"} == {
        k: v for k, v in before.items() if k != "login_failure"}
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT attribution FROM source WHERE name = 'api-test'")
                           ) == "api-test"
        assert accounts.account_for_token(conn, app.token) is not None  # still unused


def test_a_description_keeps_its_line_breaks_and_tabs(app, with_domains):
    client = _as(app, None)
    answer = client.post(f"/initiatives/{app.initiative_id}/signaler",
                         data={"text": "Ligne un\r\n\tLigne deux"},
                         environ_base={"REMOTE_ADDR": "203.0.113.50"})
    assert answer.status_code == 200
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT text FROM error_report ORDER BY id DESC LIMIT 1")
                           ) == "Ligne un\n\tLigne deux"
