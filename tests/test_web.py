"""The web app: the map page with local assets only, health, errors as JSON."""

import re

import sqlalchemy as sa

from atlas.config import Config
from atlas.migrate import head as migrate_head
from atlas.web import create_app


def test_map_page_is_french_and_loads_nothing_from_other_hosts(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert '<html lang="fr">' in html
    # The map's code runs as a script, not as page text.
    assert re.search(r"<script nonce=\"[^\"]+\">\s*var map_\w+ = L\.map\(", html)
    assert "L.map(" not in re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)
    links = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert links and all(l.startswith(("/", "#")) for l in links), links
    for asset in (l for l in links if l.startswith("/vendor/")):
        assert client.get(asset).status_code == 200, asset


def test_vendor_serves_only_installed_packages(client):
    assert client.get("/vendor/jquery/3.7.1/jquery.js").status_code == 404
    assert client.get("/vendor/leaflet/0.0.1/leaflet.js").status_code == 404
    assert client.get("/vendor/leaflet/1.9.3/../../../../etc/passwd").status_code == 404


def test_map_page_lists_loaded_departements_with_names_as_text(client, engine):
    evil = "Paris</script><img src=x onerror=alert(1)>"
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO region (code, name, zone) VALUES ('11', 'Île-de-France', 'metro')"))
        conn.execute(sa.text(
            "INSERT INTO departement (code, name, region_code, zone, geom) VALUES "
            "('75', :name, '11', 'metro', "
            "ST_Multi(ST_MakeEnvelope(2.2, 48.8, 2.5, 48.9, 4326)))"), {"name": evil})
    html = client.get("/").get_data(as_text=True)
    assert "onerror=alert(1)" in html  # the name is on the page...
    assert "<img src=x" not in html and "</script><img" not in html  # ...only as text
    assert "Paris&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html  # the selector
    # France itself comes from the vector tiles (/tiles/map), not inlined in the page.
    assert "FeatureCollection" not in html and '"url": "/tiles/map/{z}/{x}/{y}.pbf"' in html


def test_health_reports_the_schema(client):
    r = client.get("/api/health")
    assert r.status_code == 200 and r.json == {"status": "ok", "schema": migrate_head()}


def test_unreachable_database_is_a_503_that_does_not_show_its_url(caplog, tmp_path):
    app = create_app(Config.from_env(database_url="postgresql://nobody:s3cret@127.0.0.1:1/atlas",
                                     tile_cache=str(tmp_path)))
    client = app.test_client()
    r = client.get("/api/health")
    assert r.status_code == 503 and r.headers["Retry-After"].isdigit()
    assert r.json["error"] == "database_unavailable"
    assert "nobody" not in r.text and "127.0.0.1" not in r.text and "s3cret" not in r.text
    assert "cannot connect to postgresql+psycopg://nobody:***@127.0.0.1:1/atlas" in caplog.text
    # Every route: JSON on the machine paths, a short French page elsewhere.
    for path in ("/api/stats", "/api/initiatives?q=école", "/api/communes/94076",
                 "/tiles/communes/8/130/90.pbf", "/tiles/communes.json",
                 "/export/initiatives.csv"):
        r = client.get(path)
        assert r.status_code == 503 and r.headers["Retry-After"].isdigit(), path
        assert r.json["error"] == "database_unavailable", path
    for path in ("/", "/embed", "/communes/94076", "/communes/94076/pairs", "/initiatives/1"):
        r = client.get(path)
        assert r.status_code == 503 and r.headers["Retry-After"].isdigit(), path
        assert r.mimetype == "text/html" and "momentanément indisponible" in r.text, path
        assert "Traceback" not in r.text and "psycopg" not in r.text


def test_create_app_does_not_read_config_at_import():
    import importlib

    import atlas.web

    importlib.reload(atlas.web)  # importing alone must not touch the environment or the db


def test_map_page_lists_sources_with_attribution_licence_and_counts_as_text(client, engine):
    evil = "Liste <script>alert(1)</script>, 2024"
    with engine.begin() as conn:
        conn.execute(sa.text("""
            INSERT INTO source (name, title, attribution, licence, licence_url, url)
            VALUES ('fs', 'ANCT – France Services',
                    'ANCT – France Services, 2024-08-01, Licence Ouverte 2.0',
                    'Licence Ouverte 2.0',
                    'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
                    'javascript:alert(2)'),
                   ('evil', 'evil', :evil, NULL, NULL, NULL),
                   ('unused', 'unused', 'Never shown', NULL, NULL, NULL)"""),
            {"evil": evil})
        conn.execute(sa.text("""
            INSERT INTO initiative (title, geom, source, source_id, geocode_method,
                                    geocode_score, kind, place_type)
            SELECT 'France services ' || g, ST_SetSRID(ST_MakePoint(2, 48), 4326), 'fs',
                   g::text, 'insee', 1, 'place', 'France Services'
            FROM generate_series(1, 1234) g;
            INSERT INTO initiative (title, geom, source, source_id, geocode_method,
                                    geocode_score)
            VALUES ('Fiche', ST_SetSRID(ST_MakePoint(2, 48), 4326), 'evil', '1', 'insee', 1)
            """))
    html = client.get("/").get_data(as_text=True)
    panel = re.search(r'<details class="sources".*?</details>', html, re.S).group(0)
    assert "Sources des données" in panel
    assert "ANCT – France Services, 2024-08-01, Licence Ouverte 2.0" in panel
    assert '<a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" ' \
           'rel="license">Licence Ouverte 2.0</a>' in panel
    assert "1\u00a0234 lieux" in panel and "1 initiatives" in panel
    assert "javascript:" not in panel  # a source URL that is not a web address: no link
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in panel and "<script>" not in panel
    assert "Never shown" not in panel  # a source without records
    assert re.search(r"1\u00a0235</strong> initiatives et lieux correspondent\s+"
                     r"<span class=\"count-detail\">· 0 communes", html)


def test_pages_forbid_other_hosts_and_only_embed_may_be_framed(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp
    assert "img-src 'self' data: https://*.tile.openstreetmap.fr" in csp
    assert "frame-ancestors 'self'" in csp
    assert "frame-ancestors *" in client.get("/embed").headers["Content-Security-Policy"]
    assert "Content-Security-Policy" not in client.get("/api/health").headers


def test_map_page_view_and_filters_from_the_url(client):
    html = client.get("/?lat=43.3&lon=5.4&z=11&domain=education&utm_source=lettre"
                      ).get_data(as_text=True)
    assert "center: [43.3, 5.4]" in html and '"zoom": 11' in html
    r = client.get("/?lat=nord")
    assert r.status_code == 400 and "lat" in r.get_data(as_text=True)
    assert client.get("/?level=9").status_code == 400
    assert client.get("/?z=40").status_code == 400
    assert client.get("/initiatives/123456").status_code == 404
