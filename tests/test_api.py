"""The JSON API on the real reference and a small hand-checked set of records
(``API_INITIATIVES`` and ``API_AWARDS`` in conftest)."""

import gzip
import json

import pytest

from tests.conftest import API_INITIATIVES

ALL = {t for t, *_ in API_INITIATIVES}
VILLEJUIF = {"Tablettes numériques à l'École Jules-Ferry", "Prise de rendez-vous en ligne"}
EPCI = "Observatoire métropolitain des données"


def titles(api, query: str) -> set[str]:
    r = api.get("/api/initiatives?" + query)
    assert r.status_code == 200, r.json
    body = r.json
    assert body["numberMatched"] == body["numberReturned"] == len(body["features"])
    return {f["properties"]["title"] for f in body["features"]}


@pytest.mark.parametrize("query, expected", [
    ("", ALL),
    ("domain=education", VILLEJUIF - {"Prise de rendez-vous en ligne"}
     | {"Médiathèque numérique"}),
    ("domain=education,solidarites", {"Tablettes numériques à l'École Jules-Ferry",
                                      "Médiathèque numérique", "Plateforme de troc citoyen"}),
    # Latest level: Villejuif 4 (2019), Alfortville 5, Ajaccio 2, the Métropole 3.
    ("level=4", VILLEJUIF),
    ("level=4&level=5", VILLEJUIF | {"Plateforme de troc citoyen"}),
    ("level=3", {EPCI}),
    ("level=3&label_year=2018", VILLEJUIF),
    ("level=5&label_year=2019", set()),
    ("region=94", {"Budget participatif numérique"}),
    ("departement=2A", {"Budget participatif numérique"}),
    ("departement=974", {"<img src=x onerror=alert(1)> atelier"}),
    # The Métropole's record lies in Paris (its most populous member).
    ("departement=75", {EPCI}),
    ("commune=94076", VILLEJUIF),
    ("commune=75076", VILLEJUIF),  # Villejuif's former code
    ("year_min=2020&year_max=2022", {"Prise de rendez-vous en ligne",
                                     "Budget participatif numérique",
                                     "<img src=x onerror=alert(1)> atelier"}),
    ("q=ecole", {"Tablettes numériques à l'École Jules-Ferry"}),
    ("q=TABLETTE", {"Tablettes numériques à l'École Jules-Ferry"}),
    ("q=villejuif", VILLEJUIF),  # the commune name is searched too
    ("q=%27%3B%20DROP%20TABLE%20initiative%3B--", set()),
    ("bbox=2.2,48.7,2.5,48.9", VILLEJUIF | {"Plateforme de troc citoyen", EPCI}),
    ("bbox=55.2,-21.4,55.9,-20.8", {"<img src=x onerror=alert(1)> atelier"}),
    ("source=api-test&domain=mediation", {"<img src=x onerror=alert(1)> atelier"}),
    ("source=elsewhere", set()),
    ("kind=initiative", ALL),
    ("kind=place", set()),
    ("place_type=France%20Services", set()),
])
def test_each_filter(api, query, expected):
    assert titles(api, query) == expected


def test_features_are_geojson_with_their_context(api, api_data):
    r = api.get(f"/api/initiatives/{api_data['Prise de rendez-vous en ligne']}")
    assert r.status_code == 200 and r.content_type.startswith("application/geo+json")
    f = r.json
    lon, lat = f["geometry"]["coordinates"]
    assert f["type"] == "Feature" and 2.3 < lon < 2.4 and 48.7 < lat < 48.9
    p = f["properties"]
    assert p["commune"] == {"insee": "94076", "name": "Villejuif"}
    assert p["departement"] == "94" and p["region"] == "11"
    assert p["label"] == {"year": 2019, "level": 4, "held_by": "commune", "epci": None}
    assert p["domains"] == ["services-publics"]
    assert p["source"] == "api-test" and p["synthetic"] is False
    assert p["attribution"] == "api-test" and p["kind"] == "initiative"
    assert p["place_type"] is None and p["attributes"] == {}
    # A label year gives that year's level.
    r = api.get("/api/initiatives?commune=94076&label_year=2018&limit=1")
    assert r.json["features"][0]["properties"]["label"] == {
        "year": 2018, "level": 3, "held_by": "commune", "epci": None}
    # In 2021 Villejuif has no award of its own: its record shows the Métropole's, said so.
    r = api.get("/api/initiatives?commune=94076&label_year=2021&limit=1")
    assert r.json["features"][0]["properties"]["label"] == {
        "year": 2021, "level": 3, "held_by": "epci",
        "epci": {"siren": "200054781", "name": "Métropole du Grand Paris"}}
    # An EPCI's own record carries the EPCI's own award.
    r = api.get(f"/api/initiatives/{api_data['Observatoire métropolitain des données']}")
    assert r.json["properties"]["label"]["held_by"] == "epci"
    assert api.get("/api/initiatives/999999").status_code == 404


def test_html_looking_titles_are_plain_json_text(api):
    r = api.get("/api/initiatives?departement=974")
    assert r.json["features"][0]["properties"]["title"] == "<img src=x onerror=alert(1)> atelier"


def test_paging_is_stable_and_complete(api):
    seen, url = [], "/api/initiatives?limit=2"
    while url:
        body = api.get(url).json
        assert body["limit"] == 2 and body["numberMatched"] == len(ALL)
        seen += [f["id"] for f in body["features"]]
        nxt = [link["href"] for link in body["links"] if link["rel"] == "next"]
        url = nxt[0].removeprefix("http://localhost") if nxt else None
    assert seen == sorted(seen) and len(set(seen)) == len(ALL)
    body = api.get("/api/initiatives?limit=2&offset=4").json
    prev = [link["href"] for link in body["links"] if link["rel"] == "prev"]
    assert prev == ["http://localhost/api/initiatives?limit=2&offset=2"]


@pytest.mark.parametrize("query, param", [
    ("limit=1000000000", "limit"), ("bbox=48.7,2.2,48.9,2.5", "bbox"),
    ("bbox=2,48,3,95", "bbox"), ("level=9", "level"), ("domaine=education", "domaine"),
    ("year_min=abc", "year_min"), ("departement=20", "departement"),
])
def test_bad_input_is_400_naming_the_parameter(api, query, param):
    for endpoint in ("/api/initiatives?", "/api/stats?"):
        if param in ("limit",) and endpoint == "/api/stats?":
            continue
        r = api.get(endpoint + query)
        assert r.status_code == 400 and r.json["param"] == param, (endpoint, r.json)
        assert r.json["error"] == "invalid_parameter" and r.json["detail"]


def test_stats_facets_ignore_their_own_filter(api):
    body = api.get("/api/stats?domain=education").json
    assert body["numberMatched"] == 2
    domains = {d["value"]: d["count"] for d in body["facets"]["domain"]}
    # Other domains still show what they would add, computed without the domain filter.
    assert domains["education"] == 2 and domains["services-publics"] == 1
    assert len(domains) == 16
    # Other facets are restricted by the domain filter.
    regions = {d["value"]: d["count"] for d in body["facets"]["region"] if d["count"]}
    assert regions == {"11": 1, "84": 1}
    levels = {d["value"]: d["count"] for d in body["facets"]["level"]}
    assert levels == {5: 0, 4: 1, 3: 0, 2: 0, 1: 0, None: 1}
    assert body["filters"] == {"domain": "education"}


@pytest.mark.parametrize("query", ["", "domain=education,mediation", "level=4,5&region=11",
                                   "q=numerique", "level=3&label_year=2018",
                                   "year_min=2019&bbox=2,48,3,49"])
def test_stats_and_list_agree(api, query):
    stats = api.get("/api/stats?" + query).json
    listed = api.get("/api/initiatives?" + query).json
    assert stats["numberMatched"] == listed["numberMatched"]
    years = {}
    for f in listed["features"]:
        years[f["properties"]["year"]] = years.get(f["properties"]["year"], 0) + 1
    if "year_min" not in query:
        assert {y["value"]: y["count"] for y in stats["facets"]["year"]} == years
    # Every facet the query does not filter counts the listed records (several facets
    # are counted in one grouping set, or read from facet_count without filters).
    features = api.get("/api/initiatives?limit=1000&" + query).json["features"]
    own = {"domain": "domain=", "region": "region=", "level": "level=",
           "year": "year_", "source": "source=", "kind": "kind=", "place_type": "place_type="}
    for facet, items in stats["facets"].items():
        if own.get(facet, "?") in query:
            continue
        counted = {}
        for feature in features:
            p = feature["properties"]
            if facet == "domain":
                values = p["domains"]
            else:
                values = [(p["label"] or {}).get("level") if facet == "level" else p[facet]]
            for value in values:
                counted[value] = counted.get(value, 0) + 1
        assert {i["value"]: i["count"] for i in items if i["count"]} == counted, facet


def test_etag_revalidation_and_gzip(api):
    r = api.get("/api/initiatives?domain=education")
    tag = r.headers["ETag"]
    assert tag.startswith('W/"') and "max-age" in r.headers["Cache-Control"]
    again = api.get("/api/initiatives?domain=education", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""
    other = api.get("/api/initiatives?domain=mediation", headers={"If-None-Match": tag})
    assert other.status_code == 200
    zipped = api.get("/api/initiatives", headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert json.loads(gzip.decompress(zipped.data))["numberMatched"] == len(ALL)
    plain = api.get("/api/initiatives")
    assert "Content-Encoding" not in plain.headers and plain.json["numberMatched"] == len(ALL)


def names(api, q: str) -> list[tuple]:
    r = api.get("/api/communes", query_string={"q": q})
    assert r.status_code == 200, r.json
    return [(c["insee"], c["name"], c["departement"]["code"], c.get("former", {}).get("name"),
             c["match"]) for c in r.json["communes"]]


def test_commune_autocomplete(api):
    assert names(api, "villej")[0][:2] == ("94076", "Villejuif")
    assert names(api, "SAINT-ETIENNE")[0][:2] == ("42218", "Saint-Étienne")
    assert names(api, "etienne")[0][:2] == ("42218", "Saint-Étienne")  # a word of the name
    assert names(api, "mureaux")[0][:2] == ("78440", "Les Mureaux")
    assert names(api, "Vilejuif") == [("94076", "Villejuif", "94", None, "typo")]
    # Homonyms come with their département, bigger first.
    homonyms = [c for c in names(api, "saint-denis") if c[1] == "Saint-Denis"]
    assert {c[2] for c in homonyms} >= {"93", "974"} and homonyms[0][2] in ("93", "974")
    # A former commune points to its commune nouvelle, after current communes.
    assert ("74010", "Annecy", "74", "Annecy-le-Vieux", "prefix") in names(api, "annecy-le-v")
    assert names(api, "94076")[0][:2] == ("94076", "Villejuif")
    assert api.get("/api/communes?q=").status_code == 400
    assert api.get("/api/communes?q=ab&limit=500").status_code == 400


def test_commune_detail_history_and_redirect(api):
    r = api.get("/api/communes/94076")
    assert r.status_code == 200
    p = r.json["properties"]
    assert [(a["year"], a["level"]) for a in p["labels"]] == [(2018, 3), (2019, 4)]
    assert p["label"]["level"] == 4 and p["initiatives"]["total"] == 2
    assert p["label"]["held_by"] == "commune" and p["label"]["source"] == "api-test"
    # Paris holds no award: its label is the Métropole du Grand Paris's, flagged.
    paris = api.get("/api/communes/75056").json["properties"]
    assert paris["labels"] == [] and paris["label"] == {
        "year": 2021, "level": 3, "held_by": "epci",
        "epci": {"siren": "200054781", "name": "Métropole du Grand Paris"}}
    page = api.get("/communes/75056").get_data(as_text=True)
    assert "Pas de label enregistré pour cette commune." in page
    assert ("celui de son intercommunalité (label de l&#39;intercommunalité "
            "Métropole du Grand Paris, 3 @, 2021)") in page
    counts = {d["code"]: d["count"] for d in p["initiatives"]["by_domain"]}
    assert counts["education"] == 1 and counts["services-publics"] == 1 and counts["emploi"] == 0
    moved = api.get("/api/communes/75076")
    assert moved.status_code == 301 and moved.headers["Location"].endswith("/api/communes/94076")
    missing = api.get("/api/communes/99999")
    assert missing.status_code == 404 and missing.json["error"] == "not_found"
    assert api.get("/api/communes/abcde").status_code == 400


def test_reference_lists(api):
    assert len(api.get("/api/domains").json["domains"]) == 16
    regions = api.get("/api/regions").json["regions"]
    # 13 metropolitan régions, 5 DROM, and the COM the COG lists as their own région.
    assert [r["zone"] for r in regions].count("metro") == 13
    assert [r["zone"] for r in regions].count("drom") == 5
    assert {"code": "94", "name": "Corse"} in [{"code": r["code"], "name": r["name"]}
                                               for r in regions]
    deps = {d["code"]: d for d in api.get("/api/departements").json["departements"]}
    assert len([d for d in deps.values() if d["zone"] != "com"]) == 101
    assert deps["2A"]["name"] == "Corse-du-Sud"
    assert deps["971"]["region_code"] == "01"


def test_a_load_changes_the_etag(api, api_data, loaded):
    from loaders import pipeline

    tag = api.get("/api/domains").headers["ETag"]
    with pipeline.transaction(loaded) as w:  # a write that changed something
        w.changes.every_initiative = True
    r = api.get("/api/domains", headers={"If-None-Match": tag})
    assert r.status_code == 200 and r.headers["ETag"] != tag
