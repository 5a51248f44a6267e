"""OGC API – Features under /ogc on the hand-checked records of conftest: the items are
the API's for every filter, paging loses nothing, the three CRS, CQL2 filters (and where
a malformed one fails), the standard's errors, caching and the HTML view."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from pyproj import Transformer

from tests.conftest import API_AWARDS, API_INITIATIVES

ITEMS = "/ogc/collections/initiatives/items"
ALL = {t for t, *_ in API_INITIATIVES}
VILLEJUIF = {"Tablettes numériques à l'École Jules-Ferry", "Prise de rendez-vous en ligne"}
EPCI = "Observatoire métropolitain des données"
LAMBERT = Transformer.from_crs("OGC:CRS84", "EPSG:2154", always_xy=True)


def ok(api, url: str) -> dict:
    r = api.get(url)
    assert r.status_code == 200, r.get_data(as_text=True)
    return r.json


def titles(api, query: str, collection: str = "initiatives") -> set[str]:
    body = ok(api, f"/ogc/collections/{collection}/items?{query}")
    assert body["numberMatched"] == body["numberReturned"] == len(body["features"])
    return {f["properties"]["title"] for f in body["features"]}


def test_landing_page_links_the_definition_conformance_and_collections(api):
    body = ok(api, "/ogc/")
    rels = {link["rel"]: link for link in body["links"]}
    assert {"self", "alternate", "service-desc", "conformance", "data"} <= set(rels)
    assert rels["service-desc"]["href"].endswith("/ogc/api")
    definition = api.get("/ogc/api")
    assert definition.headers["Content-Type"] == "application/vnd.oai.openapi+json;version=3.0"
    paths = definition.json["paths"]
    # Relative to the landing page, where OGC clients look the items operation up.
    assert "/collections/initiatives/items" in paths
    names = {p.get("name") or p["$ref"].rsplit("/", 1)[1]
             for p in paths["/collections/initiatives/items"]["get"]["parameters"]}
    assert {"bbox", "crs", "filter", "datetime", "domain", "level", "q", "year"} <= names
    conformance = ok(api, "/ogc/conformance")["conformsTo"]
    for part in ("ogcapi-features-1/1.0/conf/core", "ogcapi-features-2/1.0/conf/crs",
                 "ogcapi-features-3/1.0/conf/filter", "cql2/1.0/conf/cql2-text",
                 "cql2/1.0/conf/basic-spatial-functions"):
        assert any(c.endswith(part) for c in conformance), part


def test_collections_state_extent_crs_and_licences(api):
    body = ok(api, "/ogc/collections")
    by_id = {c["id"]: c for c in body["collections"]}
    assert list(by_id) == ["initiatives", "communes", "labels"]
    for c in by_id.values():
        assert "http://www.opengis.net/def/crs/EPSG/0/2154" in c["crs"]
        assert any(link["rel"] == "items" and link["type"] == "application/geo+json"
                   for link in c["links"])
        assert any(link["rel"] == "license" for link in c["links"])  # Licence Ouverte
        x1, y1, x2, y2 = c["extent"]["spatial"]["bbox"][0]
        assert -180 <= x1 <= x2 <= 180 and -90 <= y1 <= y2 <= 90
    # La Réunion to Paris; the records' years.
    assert by_id["initiatives"]["extent"]["spatial"]["bbox"][0][1] < -20
    assert by_id["initiatives"]["extent"]["temporal"]["interval"] == [
        ["2015-01-01T00:00:00Z", "2023-12-31T23:59:59Z"]]
    assert "temporal" not in by_id["communes"]["extent"]
    assert ok(api, "/ogc/collections/labels")["id"] == "labels"


@pytest.mark.parametrize("query", [
    "", "domain=education", "level=4,5", "departement=94&year_min=2019", "q=num%C3%A9rique",
    "bbox=2.2,48.7,2.5,48.9", "label_year=2018&level=5", "commune=75076",
    "region=11&domain=education,solidarites", "kind=place"])
def test_items_are_the_apis_answer_for_every_filter(api, query):
    expected = ok(api, f"/api/initiatives?{query}&limit=1000")
    body = ok(api, f"{ITEMS}?{query}&limit=1000")
    assert body["numberMatched"] == expected["numberMatched"]
    assert [f["id"] for f in body["features"]] == [f["id"] for f in expected["features"]]
    for ours, theirs in zip(body["features"], expected["features"]):
        assert ours["geometry"] == theirs["geometry"]
        p, q = ours["properties"], theirs["properties"]
        assert (p["title"], p["domains"], p["commune_insee"], p["label_level"]) == (
            q["title"], q["domains"], (q["commune"] or {}).get("insee"),
            (q["label"] or {}).get("level"))


def test_paging_follows_next_and_prev_without_loss_or_repeat(api):
    url, seen, pages = f"{ITEMS}?limit=2", [], 0
    while url:
        body = ok(api, url.removeprefix("http://localhost"))
        assert body["numberMatched"] == len(ALL)
        seen += [f["id"] for f in body["features"]]
        links = {link["rel"]: link["href"] for link in body["links"]}
        if pages:
            assert "prev" in links
        url, pages = links.get("next"), pages + 1
    assert pages == 4 and len(seen) == len(set(seen)) == len(ALL)
    assert seen == sorted(seen)


def test_limit_default_and_maximum(api):
    body = ok(api, ITEMS)
    assert "limit=100" in body["links"][0]["href"]
    # Part 1: above the maximum is served as the maximum, not refused.
    body = ok(api, f"{ITEMS}?limit=5000")
    assert "limit=1000" in body["links"][0]["href"] and body["numberReturned"] == len(ALL)
    for bad in ("limit=0", "limit=x", "offset=-1"):
        assert api.get(f"{ITEMS}?{bad}").status_code == 400


def test_lambert_93_agrees_with_pyproj_and_epsg_4326_is_latitude_first(api):
    crs84 = ok(api, ITEMS)["features"]
    r = api.get(f"{ITEMS}?crs=http://www.opengis.net/def/crs/EPSG/0/2154")
    assert r.status_code == 200
    assert r.headers["Content-Crs"] == "<http://www.opengis.net/def/crs/EPSG/0/2154>"
    lambert = r.json["features"]
    mainland = [f for f in crs84 if f["properties"]["departement"] in ("94", "75", "74", "2A")]
    assert mainland
    for f in mainland:
        (lon, lat), = [f["geometry"]["coordinates"]]
        (x, y), = [g["geometry"]["coordinates"] for g in lambert if g["id"] == f["id"]]
        ex, ey = LAMBERT.transform(lon, lat)
        # 6 decimals of a degree are ~0.1 m: the two agree to well under a metre.
        assert abs(x - ex) < 0.5 and abs(y - ey) < 0.5
        assert 100_000 < x < 1_300_000 and 6_000_000 < y < 7_200_000  # metres
    r = api.get(f"{ITEMS}?crs=EPSG:4326")
    assert r.headers["Content-Crs"] == "<http://www.opengis.net/def/crs/EPSG/0/4326>"
    swapped = {f["id"]: f["geometry"]["coordinates"] for f in r.json["features"]}
    for f in crs84:
        assert swapped[f["id"]] == f["geometry"]["coordinates"][::-1]
    one = api.get(f"/ogc/collections/initiatives/items/{mainland[0]['id']}?crs=EPSG:2154")
    assert one.headers["Content-Crs"] == "<http://www.opengis.net/def/crs/EPSG/0/2154>"
    assert one.json["geometry"]["coordinates"][0] > 100_000
    assert api.get(f"{ITEMS}?crs=EPSG:3857").status_code == 400


def test_bbox_in_each_crs(api):
    near_paris = VILLEJUIF | {"Plateforme de troc citoyen", EPCI}
    assert titles(api, "bbox=2.2,48.7,2.5,48.9") == near_paris
    assert titles(api, "bbox=48.7,2.2,48.9,2.5&bbox-crs=EPSG:4326") == near_paris
    x1, y1 = LAMBERT.transform(2.2, 48.7)
    x2, y2 = LAMBERT.transform(2.5, 48.9)
    assert titles(api, f"bbox={x1},{y1},{x2},{y2}&bbox-crs="
                       "http://www.opengis.net/def/crs/EPSG/0/2154") == near_paris
    assert api.get(f"{ITEMS}?bbox-crs=EPSG:2154").status_code == 400  # without bbox
    assert api.get(f"{ITEMS}?bbox=2.5,48.7,2.2,48.9").status_code == 400  # inverted
    # Communes: those whose outline meets the box.
    body = ok(api, "/ogc/collections/communes/items?bbox=2.35,48.78,2.36,48.80")
    assert [f["id"] for f in body["features"]] == ["94076"]


@pytest.mark.parametrize("query, expected", [
    ("datetime=2019", {"Tablettes numériques à l'École Jules-Ferry"}),
    ("datetime=2019-06-01T00:00:00Z", {"Tablettes numériques à l'École Jules-Ferry"}),
    ("datetime=2021/..", {"Prise de rendez-vous en ligne", "Budget participatif numérique",
                          EPCI}),
    ("datetime=../2015", {"Médiathèque numérique"}),
    ("datetime=2018-01-01/2018-12-31", {"Plateforme de troc citoyen"}),
])
def test_datetime_is_the_year(api, query, expected):
    assert titles(api, query) == expected


@pytest.mark.parametrize("cql, expected", [
    ("year >= 2021 AND departement = '94'", {"Prise de rendez-vous en ligne"}),
    ("NOT (year BETWEEN 2016 AND 2022)", {"Médiathèque numérique", EPCI}),
    ("year NOT BETWEEN 2016 AND 2022 AND epci_siren IS NULL", {"Médiathèque numérique"}),
    ("title LIKE 'Budget%'", {"Budget participatif numérique"}),
    ("title NOT LIKE '%num_rique%'", ALL - {"Tablettes numériques à l'École Jules-Ferry",
                                            "Budget participatif numérique",
                                            "Médiathèque numérique"}),
    ("commune_insee IN ('94076', '94002')", VILLEJUIF | {"Plateforme de troc citoyen"}),
    ("CASEI(commune_name) = 'villejuif'", VILLEJUIF),
    ("label_level IS NULL OR label_level < 3", {"<img src=x onerror=alert(1)> atelier",
                                                "Médiathèque numérique",
                                                "Budget participatif numérique"}),
    ("synthetic", set()),
    ("synthetic = false AND kind <> 'place' AND region = '94'",
     {"Budget participatif numérique"}),
    ("S_INTERSECTS(geometry, BBOX(2.2, 48.7, 2.5, 48.9)) AND year < 2020",
     {"Tablettes numériques à l'École Jules-Ferry", "Plateforme de troc citoyen"}),
    ("s_intersects(geometry, POLYGON((55.2 -21.4, 55.9 -21.4, 55.9 -20.8, 55.2 -20.8, "
     "55.2 -21.4)))", {"<img src=x onerror=alert(1)> atelier"}),
    ('"title" = \'Plateforme de troc citoyen\'', {"Plateforme de troc citoyen"}),
    # Quotes doubled inside a string: the whole text is one bound value, never SQL.
    ("title = 'x''; DROP TABLE commune; --'", set()),
])
def test_cql2_filters(api, cql, expected):
    assert titles(api, "filter=" + cql.replace("%", "%25").replace("&", "%26")
                  .replace("+", "%2B")) == expected


def test_cql2_on_communes_and_labels_in_other_crs(api, api_data):
    x, y = LAMBERT.transform(2.3583, 48.7937)  # a point in Villejuif
    body = ok(api, "/ogc/collections/communes/items?filter-crs=EPSG:2154&filter="
                   f"S_INTERSECTS(geometry,POINT({x} {y}))")
    assert [f["id"] for f in body["features"]] == ["94076"]
    body = ok(api, "/ogc/collections/communes/items?filter-crs=EPSG:4326&filter="
                   "S_INTERSECTS(geometry,POINT(48.7937 2.3583))")
    assert [f["id"] for f in body["features"]] == ["94076"]
    body = ok(api, "/ogc/collections/labels/items?filter=level = 5")
    assert sorted(f["properties"]["year"] for f in body["features"]) == [
        y for who, y, lv in API_AWARDS if lv == 5]


@pytest.mark.parametrize("cql, where", [
    ("year >= ", "line 1, column 8"),  # the end (surrounding blanks are trimmed)
    ("year >= 2020 AND", "line 1, column 17"),
    ("year = 'deux mille'", "line 1, column 6"),
    ("colour = 'red'", "line 1, column 1"),
    ("(year = 2020", "line 1, column 13"),
    ("year = 2020\nOR title LIKE 3", "line 2, column 10"),
    ("year = 2020 ; DROP TABLE initiative", "line 1, column 13"),
    ("S_INTERSECTS(geometry, BBOX(1, 2, 3))", "line 1, column 24"),
])
def test_a_malformed_filter_is_a_400_that_says_where(api, cql, where):
    r = api.get(f"{ITEMS}?filter=" + cql.replace("\n", "%0A").replace(";", "%3B"))
    assert r.status_code == 400
    assert r.json["code"] == "InvalidParameterValue" and r.json["param"] == "filter"
    assert where in r.json["description"], r.json


def test_queryables_and_queryables_as_parameters(api):
    schema = ok(api, "/ogc/collections/initiatives/queryables")
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["properties"]["year"] == {"type": "integer", "title": "year"}
    assert schema["properties"]["geometry"]["format"] == "geometry-point"
    assert "domains" not in schema["properties"]  # a list: the `domain` parameter
    assert titles(api, "commune_insee=94002") == {"Plateforme de troc citoyen"}
    assert titles(api, "year=2015&synthetic=false") == {"Médiathèque numérique"}
    assert api.get(f"{ITEMS}?year=deux").status_code == 400
    r = api.get(f"{ITEMS}?colour=red")
    assert r.status_code == 400 and r.json["param"] == "colour"


def test_one_feature_and_the_standards_404(api, api_data):
    fid = api_data["Budget participatif numérique"]
    body = ok(api, f"/ogc/collections/initiatives/items/{fid}")
    assert body["id"] == fid and body["properties"]["commune_insee"] == "2A004"
    assert any(link["rel"] == "collection" for link in body["links"])
    assert ok(api, "/ogc/collections/communes/items/94076")["properties"]["name"] == \
        "Villejuif"
    for url in ("/ogc/collections/initiatives/items/999999",
                "/ogc/collections/initiatives/items/abc", "/ogc/collections/communes/items/1",
                "/ogc/collections/roads", "/ogc/collections/roads/items"):
        r = api.get(url)
        assert r.status_code == 404, url
        assert r.json["code"] == "NotFound" and r.json["description"]


def test_errors_for_bad_parameters(api):
    for query, param in (("datetime=2020&bbox=1,2", "bbox"), ("datetime=20x0", "datetime"),
                         ("filter-lang=cql2-json&filter=year=2020", "filter-lang"),
                         ("level=9", "level"), ("f=xml", "f")):
        r = api.get(f"{ITEMS}?{query}")
        assert (r.status_code, r.json["param"]) == (400, param), query
    r = api.get("/ogc/collections/communes/items?datetime=2020")
    assert r.status_code == 400 and "no time" in r.json["description"]


def test_etag_and_304_per_format(api):
    first = api.get(f"{ITEMS}?domain=education")
    tag = first.headers["ETag"]
    assert tag.startswith('W/"') and "max-age" in first.headers["Cache-Control"]
    again = api.get(f"{ITEMS}?domain=education", headers={"If-None-Match": tag})
    assert again.status_code == 304 and not again.data
    html = api.get(f"{ITEMS}?domain=education", headers={"Accept": "text/html",
                                                         "If-None-Match": tag})
    assert html.status_code == 200 and html.headers["ETag"] != tag
    assert "Accept" in html.headers["Vary"]


def test_html_view_in_the_sites_style_with_text_escaped(api):
    r = api.get(ITEMS, headers={"Accept": "text/html,application/xhtml+xml"})
    assert r.status_code == 200 and r.mimetype == "text/html"
    page = r.get_data(as_text=True)
    assert "atlas.css" in page and 'lang="fr"' in page
    assert "&lt;img src=x onerror=alert(1)&gt; atelier" in page
    assert "<img src=x" not in page
    landing = api.get("/ogc/?f=html").get_data(as_text=True)
    assert "QGIS" in landing and "/ogc/" in landing
    for url in ("/ogc/collections?f=html", "/ogc/collections/communes?f=html",
                "/ogc/collections/labels/queryables?f=html", "/ogc/conformance?f=html",
                "/ogc/collections/communes/items/94076?f=html"):
        assert api.get(url).status_code == 200, url
    missing = api.get("/ogc/collections/roads?f=html")
    assert missing.status_code == 404 and missing.mimetype == "text/html"


def test_a_filter_never_reaches_sql_as_text(api, config):
    from atlas import db

    r = api.get(f"{ITEMS}?filter=title%20%3D%20%27%27%27)%3B%20DROP%20TABLE%20source%3B--%27")
    assert r.status_code == 200 and r.json["numberMatched"] == 0
    with db.engine(config).connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM source")) >= 1


def test_a_query_past_the_time_limit_is_a_503(api, monkeypatch):
    from atlas.queries import ogc

    # 1 ms: writing the outlines of the communes alone takes longer.
    monkeypatch.setattr(ogc, "STATEMENT_TIMEOUT_MS", 1)
    r = api.get("/ogc/collections/communes/items?crs=EPSG:2154&filter=S_INTERSECTS("
                "geometry,BBOX(-5,41,10,52))")
    assert r.status_code == 503, r.json
    assert r.json["code"] == "ServiceUnavailable" and "narrow" in r.json["description"]
