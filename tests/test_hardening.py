"""A public service that holds (issue 26): bad bytes, errors in the right format, time
budgets, headers and the addresses the app writes about itself."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from atlas.config import Config
from atlas.queries import reference, stats
from atlas.web import create_app


def make_client(config: Config, **settings):
    app = create_app(Config.from_env(database_url=config.database_url, **settings))
    app.config["TESTING"] = True
    return app.test_client()


# --- bad bytes -------------------------------------------------------------------------

@pytest.mark.parametrize("path, param", [
    ("/api/initiatives?q=a%00", "q"),
    ("/api/initiatives?source=x%00y", "source"),
    ("/api/initiatives?place_type=France%00Services", "place_type"),
    ("/api/stats?q=%1b[31m", "q"),
    ("/api/communes?q=Ville%7fjuif", "q"),
    ("/api/communes/9407%00", "code"),
    ("/api/communes/94076/peers?domain=a%0d%0ab", "domain"),
    ("/api/initiatives?utm%00=1", "utm\\x00"),
    ("/export/initiatives.csv?q=a%00", "q"),
    ("/tiles/initiatives/12/2074/1410.pbf?source=%00", "source"),
    ("/tiles/initiatives.json?place_type=%c2%85", "place_type"),  # C1 NEL, as UTF-8
])
def test_control_characters_are_a_json_400_naming_the_parameter(api, path, param):
    r = api.get(path)
    assert r.status_code == 400, r.text
    assert r.json["error"] == "invalid_parameter" and r.json["param"] == param
    assert "control character" in r.json["detail"]


@pytest.mark.parametrize("path", ["/?q=a%00", "/embed?source=%00", "/communes/9407%00",
                                  "/communes/94076/pairs?radius_km=1%00"])
def test_control_characters_on_pages_are_a_400_page(api, path):
    r = api.get(path)
    assert r.status_code == 400 and r.mimetype == "text/html"
    assert "Demande invalide" in r.text and "control character" in r.text


def test_a_database_error_is_a_clean_500_in_the_paths_format(api, monkeypatch, caplog):
    def broken(conn):
        return conn.scalar(sa.text("SELECT 1 / 0"))

    monkeypatch.setattr(reference, "domains", broken)
    r = api.get("/api/domains")
    assert r.status_code == 500 and r.json == {
        "error": "internal_error", "detail": "Une erreur interne est survenue ; elle a été consignée."}
    assert "division by zero" in caplog.text  # the detail is in the log, not the body
    page = api.get("/")
    assert page.status_code == 500 and page.mimetype == "text/html"
    assert "division" not in page.text and "Traceback" not in page.text


def test_unknown_routes_answer_in_the_paths_format(api):
    r = api.get("/api/nothing-here")
    assert r.status_code == 404 and r.json["error"] == "not_found"
    r = api.get("/nothing-here")
    assert r.status_code == 404 and "Page introuvable" in r.text


# --- one place for web-wide concerns ----------------------------------------------------

def test_blueprints_hold_routes_only(api):
    app = api.application
    for name in app.blueprints:
        assert not app.after_request_funcs.get(name), name
        assert not app.before_request_funcs.get(name), name
        handlers = app.error_handler_spec.get(name, {})
        assert not any(by_class for by_class in handlers.values()), name
    assert {"nombre", "arobases"} <= set(app.jinja_env.filters)


@pytest.mark.parametrize("path, target", [
    ("/api/communes/75076", "/api/communes/94076"),
    ("/api/communes/75076/peers?radius_km=5", "/api/communes/94076/peers?radius_km=5"),
    ("/communes/75076?utm_source=lettre", "/communes/94076?utm_source=lettre"),
    ("/communes/75076/pairs?radius_km=10", "/communes/94076/pairs?radius_km=10"),
])
def test_a_former_code_is_a_301_with_location_and_query(api, path, target):
    r = api.get(path)
    assert r.status_code == 301
    assert r.headers["Location"].endswith(target)


# --- time budgets ------------------------------------------------------------------------

def test_a_cancelled_statement_is_a_503_json_on_the_api_and_a_page_elsewhere(config, api):
    client = make_client(config, statement_timeout_ms="1")
    stats.clear_cache()
    # 1 ms is less than any of these statements takes on the national reference.
    r = client.get("/api/stats?q=numérique")
    assert r.status_code == 503 and r.json["error"] == "timeout"
    assert r.headers["Retry-After"].isdigit()
    page = client.get("/communes/94076/pairs?radius_km=200&min_level=5")
    assert page.status_code == 503 and page.mimetype == "text/html"
    assert "trop de temps" in page.text
    # The default budget holds the peers worst case (200 km, min_level, no population).
    assert api.get("/api/communes/94076/peers?radius_km=200&min_level=5").status_code == 200


def test_exports_have_their_own_budget(config, api):
    short = make_client(config, export_timeout_ms="1", statement_timeout_ms="60000")
    r = short.get("/export/communes.geojson")
    assert r.status_code == 503 and r.json["error"] == "timeout"
    long = make_client(config, export_timeout_ms="60000", statement_timeout_ms="60000")
    assert long.get("/export/communes.geojson").status_code == 200


# --- headers -----------------------------------------------------------------------------

def test_inline_scripts_run_only_with_the_requests_nonce(api):
    pages = ["/", "/embed", "/communes/94076", "/communes/94076/pairs"]
    nonces = set()
    for path in pages:
        r = api.get(path)
        assert r.status_code == 200, path
        csp = r.headers["Content-Security-Policy"]
        script_src = re.search(r"script-src ([^;]+)", csp).group(1)
        assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
        nonce = re.fullmatch(r"'self' 'nonce-([\w-]{20,})'", script_src).group(1)
        nonces.add(nonce)
        for tag in re.findall(r"<script\b[^>]*>", r.text):
            if "src=" in tag or 'type="application/json"' in tag:
                continue
            assert f'nonce="{nonce}"' in tag, (path, tag)
    assert len(nonces) == len(pages)  # one per request


@pytest.mark.parametrize("path", ["/api/domains", "/api/nothing", "/tiles/regions.json",
                                  "/tiles/regions/0/0/0.pbf", "/static/atlas.css",
                                  "/export/labels.csv", "/", "/nothing"])
def test_every_response_says_nosniff(api, path):
    assert api.get(path).headers["X-Content-Type-Options"] == "nosniff"


# --- addresses the app writes about itself -------------------------------------------

def test_absolute_urls_come_from_the_public_url_not_the_host_header(config, api):
    client = make_client(config, public_url="https://atlas.example.org/carte")
    evil = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
    tj = client.get("/tiles/communes.json", headers=evil).json
    assert tj["tiles"] == ["https://atlas.example.org/carte/tiles/communes/{z}/{x}/{y}.pbf"]
    links = client.get("/api/initiatives?limit=1", headers=evil).json["links"]
    assert {link["href"].split("?")[0] for link in links} == {
        "https://atlas.example.org/carte/api/initiatives"}


def test_proxy_headers_are_read_only_behind_declared_proxies(config, api):
    forwarded = {"X-Forwarded-Host": "atlas.example.org", "X-Forwarded-Proto": "https"}
    behind = make_client(config, proxy_hops="1").get("/tiles/regions.json", headers=forwarded)
    assert behind.json["tiles"][0].startswith("https://atlas.example.org/tiles/regions/")
    direct = make_client(config).get("/tiles/regions.json", headers=forwarded)
    assert direct.json["tiles"][0].startswith("http://localhost/tiles/regions/")


def test_bad_public_url_is_refused():
    from atlas.errors import ConfigError

    for value in ("atlas.example.org", "ftp://x.org", "https:///x", "https://x.org/?a=1"):
        with pytest.raises(ConfigError, match="ATLAS_PUBLIC_URL"):
            Config.from_env(public_url=value)
