"""One declaration of access (``atlas.authz``), checked against every route of the app:
the URL map is walked, every rule and method, as anonymous, contributor, moderator and
admin, so a new route without a declaration fails here."""

from __future__ import annotations

import pytest
from flask import Flask

from atlas import authz
from atlas.web import create_app
from tests.staff import ROLE_ACCOUNTS, login, make_role_accounts, remove_accounts

ROLES = (None, "contributor", "moderator", "admin")

# Sample values of the routes' arguments, by name: real ones where they exist.
SAMPLES = {"code": "94076", "name": "api-test", "z": "0", "x": "0", "y": "0",
           "key": "levels", "package": "leaflet", "version": "1", "filename": "x.js",
           "collectionId": "initiatives", "featureId": "1", "job_id": "1",
           "initiative_id": "1"}

# What the console's pages answer to the role they are declared for (the declaration
# itself is checked here too, so a rule cannot drift to a lower role unnoticed).
STAFF = {  # (endpoint, method): {role: status}
    ("auth.login", "POST"): {None: 401, "contributor": 401, "moderator": 401,
                             "admin": 401},  # no e-mail, no password
    ("auth.logout", "POST"): {None: 302, "contributor": 302, "moderator": 302,
                              "admin": 302},
    ("auth.login", "GET"): {None: 200, "contributor": 200, "moderator": 200, "admin": 200},
    ("auth.account_page", "GET"): {None: 302, "contributor": 200, "moderator": 200,
                                   "admin": 200},
    ("admin.dashboard", "GET"): {None: 302, "contributor": 403, "moderator": 200,
                                 "admin": 200},
    ("admin.imports", "GET"): {None: 302, "contributor": 403, "moderator": 403,
                               "admin": 200},
    ("admin.sources", "GET"): {None: 302, "contributor": 403, "moderator": 403,
                               "admin": 200},
    ("admin.source", "GET"): {None: 302, "contributor": 403, "moderator": 403,
                              "admin": 200},
    ("admin.journal", "GET"): {None: 302, "contributor": 403, "moderator": 403,
                               "admin": 200},
    ("admin.job", "GET"): {None: 302, "contributor": 403, "moderator": 403,
                           "admin": 404},
    ("admin.source_remove", "POST"): {None: 302, "contributor": 403, "moderator": 403,
                                      "admin": 400},  # no typed confirmation
    ("admin.imports", "POST"): {None: 302, "contributor": 403, "moderator": 403,
                                "admin": 400},  # no file
    # Contributions (issue 21): the public reaches only the two forms.
    ("contribute.request_account", "GET"): {None: 200, "contributor": 200,
                                            "moderator": 200, "admin": 200},
    ("contribute.request_account", "POST"): {None: 400, "contributor": 400,
                                             "moderator": 400, "admin": 400},  # empty
    ("contribute.report", "POST"): {None: 400, "contributor": 400, "moderator": 400,
                                    "admin": 400},  # no text
    ("contribute.home", "GET"): {None: 302, "contributor": 200, "moderator": 200,
                                 "admin": 200},
    ("contribute.new", "POST"): {None: 302, "contributor": 400, "moderator": 404,
                                 "admin": 404},  # staff act for no collectivité
    ("contribute.fiche", "GET"): {None: 302, "contributor": 404, "moderator": 404,
                                  "admin": 404},  # no such fiche
    ("moderation.queue", "GET"): {None: 302, "contributor": 403, "moderator": 200,
                                  "admin": 200},
    ("moderation.bulk", "POST"): {None: 302, "contributor": 403, "moderator": 303,
                                  "admin": 303},  # nothing chosen: back to the queue
    ("moderation.revision", "POST"): {None: 302, "contributor": 403, "moderator": 404,
                                      "admin": 404},  # no such revision
}


@pytest.fixture(scope="module")
def app(config, api_data, with_domains):
    app = create_app(config)
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)  # CSRF: test_accounts
    make_role_accounts(with_domains)
    app.initiative_id = min(api_data.values())
    yield app
    remove_accounts(with_domains)


@pytest.fixture(scope="module")
def clients(app):
    out = {None: app.test_client()}
    for role, (email, _) in ROLE_ACCOUNTS.items():
        out[role] = app.test_client()
        assert login(out[role], email).status_code == 302, role
    return out


def _routes(app: Flask):
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def _url(app, rule) -> str:
    values = {name: SAMPLES.get(name, "1") for name in rule.arguments}
    if "initiative_id" in values:
        values["initiative_id"] = app.initiative_id
    with app.test_request_context():
        return app.url_for(rule.endpoint, **values)


def test_every_route_is_declared(app):
    missing = [f"{method} {rule.rule} ({rule.endpoint})" for rule, method in _routes(app)
               if authz.rule_for(rule.endpoint, method) is None]
    assert missing == []


def test_every_route_answers_every_role_as_declared(app, clients):
    seen = set()
    for rule, method in _routes(app):
        url = _url(app, rule)
        for role in ROLES:
            account = None if role is None else _account(app, role)
            expected = authz.decide(account, rule.endpoint, method)
            client = clients[role]
            if rule.endpoint == "auth.logout" and role is not None:
                client = app.test_client()  # signing out must not end the walk's session
                login(client, ROLE_ACCOUNTS[role][0])
            answer = client.open(url, method=method, data={})
            where = f"{role or 'anonymous'}: {method} {url}"
            if expected == authz.LOGIN:
                assert answer.status_code == 302, where
                assert answer.headers["Location"].startswith("/connexion?next="), where
            elif expected == authz.FORBIDDEN:
                assert answer.status_code == 403, where
            else:
                assert answer.status_code != 403 and answer.status_code < 500, (
                    where, answer.status_code)
                assert "/connexion?next=" not in answer.headers.get("Location", ""), where
            if (rule.endpoint, method) in STAFF:
                assert answer.status_code == STAFF[rule.endpoint, method][role], where
                seen.add((rule.endpoint, method))
    assert seen == set(STAFF)


_ACCOUNTS = {}


def _account(app, role):
    if role not in _ACCOUNTS:
        from atlas import accounts

        with app.extensions["atlas_engine"].connect() as conn:
            _ACCOUNTS[role] = accounts.by_email(conn, ROLE_ACCOUNTS[role][0])
    return _ACCOUNTS[role]


def test_a_route_without_declaration_is_refused_even_to_admins(app, clients):
    extra = create_app(app.config["ATLAS"])
    extra.config.update(TESTING=True)

    @extra.route("/admin/oubli", endpoint="admin_forgotten")
    def forgotten():
        return "secret"

    assert authz.rule_for("admin_forgotten") is None
    assert extra.test_client().get("/admin/oubli").status_code == 403
    # A public blueprint declared whole covers its GETs only: a form must be named.
    assert authz.rule_for("api.health", "GET") == authz.PUBLIC
    assert authz.rule_for("api.health", "POST") is None


def test_contributors_act_only_for_their_collectivite(app, with_domains):
    from atlas import accounts

    with with_domains.connect() as conn:
        contributor = accounts.by_email(conn, ROLE_ACCOUNTS["contributor"][0])
        moderator = accounts.by_email(conn, ROLE_ACCOUNTS["moderator"][0])
    assert authz.acts_for(contributor, "94076")
    assert not authz.acts_for(contributor, "94002")
    assert not authz.acts_for(contributor, None, "200054781")
    assert authz.acts_for(moderator, "94002")
    assert not authz.acts_for(None, "94076")
