"""Nearby peers (issue 10) on the real reference: ``/api/communes/<insee>/peers`` and the
page ``/communes/<insee>/pairs``.

Around Villejuif (94076, 60,183 inhabitants), records placed by hand on top of
``api_data`` (conftest), with the distances between points on surface computed by hand
(Villejuif 2.35838, 48.79372):

| commune | pop. | km | what it holds |
|---|---|---|---|
| 94043 Le Kremlin-Bicêtre | 24,110 | 1.7 | 1 initiative médiation |
| 94016 Cachan | 31,103 | 1.9 | 1 initiative éducation, label 4 @ (2023) |
| 94081 Vitry-sur-Seine | 93,963 | 3.0 | 2 initiatives médiation, labels 5 @ (2016), 2 @ (2022) |
| 94041 Ivry-sur-Seine | 65,064 | 3.1 | a label only: 3 @ (2021) |
| 94002 Alfortville | 45,531 | 4.9 | api_data: 1 initiative, labels 5 @ (2018, 2020) |
| 94037 Gentilly | 19,963 | 2.2 | a France Services place only: not a peer |
| 75056 Paris | 2,103,778 | 7.7 | 1 initiative médiation |
| 13055 Marseille | | 660 | 1 initiative médiation: far away |

Villejuif holds two initiatives and a 4 @ label (2019) itself, and is never its own peer.
All of them but Marseille belong to the Métropole du Grand Paris, labelled 3 @ in 2021
(``api_data``): a commune without a label of its own shows the Métropole's, flagged.
"""

import json
import math

import pytest
import sqlalchemy as sa

from atlas import filters
from loaders import pipeline
from atlas.queries import peers

PEERS_INITIATIVES = [  # commune, domains, kind
    ("94043", ["mediation"], "initiative"),
    ("94016", ["education"], "initiative"),
    ("94081", ["mediation"], "initiative"),
    ("94081", ["mediation", "education"], "initiative"),
    ("94037", ["mediation", "services-publics"], "place"),
    ("75056", ["mediation"], "initiative"),
    ("13055", ["mediation"], "initiative"),
]
PEERS_AWARDS = [("94016", 2023, 4), ("94081", 2016, 5), ("94081", 2022, 2),
                ("94041", 2021, 3)]
NEAR = ["94043", "94016", "94081", "94041", "94002", "75056"]  # nearest first


@pytest.fixture(scope="module")
def peers_api(api_data, with_domains, api):
    from loaders import initiatives, labels
    from loaders.records import LoadReport

    records = [dict(title=f"Initiative {n} à {c}", summary=None, year=2020, url=None,
                    commune_insee=c, epci_siren=None, lon=None, lat=None,
                    source_id=f"p{n}", geocode_method="test", geocode_score=1.0, domains=d,
                    kind=k, place_type="France Services" if k == "place" else None)
               for n, (c, d, k) in enumerate(PEERS_INITIATIVES)]
    awards = [dict(commune_insee=c, epci_siren=None, year=y, level=lv, mentions=[])
              for c, y, lv in PEERS_AWARDS]
    with pipeline.transaction(with_domains) as w:
        initiatives.merge(w.conn, records, "peers-test", LoadReport("peers-test"), w.changes)
        labels.merge(w.conn, awards, "peers-test", LoadReport("peers-test"), w.changes)
    with with_domains.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("ANALYZE"))
    return api


def get(api, query: str = "", code: str = "94076") -> dict:
    r = api.get(f"/api/communes/{code}/peers" + (f"?{query}" if query else ""))
    assert r.status_code == 200, r.get_data(as_text=True)
    assert r.content_type.startswith("application/geo+json")
    return r.json


def codes(api, query: str = "") -> list[str]:
    return [f["id"] for f in get(api, query)["features"]]


def haversine_km(a, b) -> float:
    (lon1, lat1), (lon2, lat2) = map(lambda p: map(math.radians, p), (a, b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def test_nearest_first_with_true_distances(peers_api):
    body = get(peers_api)
    assert [f["id"] for f in body["features"]] == NEAR
    by = {f["id"]: f for f in body["features"]}
    # Hand-computed: Villejuif–Alfortville 4.9 km, Villejuif–Paris 7.7 km (points on
    # surface); in degrees they would be 0.066 and 0.075.
    assert by["94002"]["properties"]["distance_km"] == pytest.approx(4.86, abs=0.3)
    assert by["75056"]["properties"]["distance_km"] == pytest.approx(7.68, abs=0.3)
    ref = body["reference"]["geometry"]["coordinates"]
    for f in body["features"]:
        expected = haversine_km(ref, f["geometry"]["coordinates"])
        assert f["properties"]["distance_km"] == pytest.approx(expected, rel=0.006)
    distances = [f["properties"]["distance_km"] for f in body["features"]]
    assert distances == sorted(distances)


def own(year, level):
    return {"year": year, "level": level, "held_by": "commune", "epci": None}


MGP = {"year": 2021, "level": 3, "held_by": "epci",
       "epci": {"siren": "200054781", "name": "Métropole du Grand Paris"}}


def test_each_peer_says_what_it_holds(peers_api):
    by = {f["id"]: f["properties"] for f in get(peers_api)["features"]}
    assert by["94081"]["label"] == own(2022, 2)  # the latest, not the best
    assert by["94081"]["initiatives"] == 2 and by["94081"]["population"] == 93963
    assert by["94041"]["label"] == own(2021, 3)
    assert by["94041"]["initiatives"] == 0  # a label alone makes a peer
    # No label of its own: the Métropole's, said to be the Métropole's.
    assert by["94043"]["label"] == MGP and by["94043"]["initiatives"] == 1
    assert by["94002"]["label"] == own(2020, 5)
    assert by["94016"]["departement"] == {"code": "94", "name": "Val-de-Marne"}
    assert by["94043"]["name"] == "Le Kremlin-Bicêtre"


def test_the_reference_commune_is_described_not_listed(peers_api):
    body = get(peers_api, "population=similar&radius_km=12.5")
    ref = body["reference"]
    assert ref["id"] == "94076" and ref["geometry"]["type"] == "Point"
    assert ref["properties"]["population"] == 60183
    assert ref["properties"]["radius_km"] == 12.5
    assert ref["properties"]["label"] == own(2019, 4)
    assert ref["properties"]["population_range"] == [30091, 120366]
    assert "94076" not in [f["id"] for f in body["features"]]
    assert body["parameters"]["population"] == "similar"


@pytest.mark.parametrize("query, expected", [
    ("radius_km=2.5", ["94043", "94016"]),
    ("radius_km=6", NEAR[:5]),
    ("radius_km=200", NEAR),  # Marseille is 660 km away
    ("limit=2", ["94043", "94016"]),
    ("population=similar", ["94016", "94081", "94041", "94002"]),
    # Vitry's latest is 2 @ (its own wins over the Métropole's 3 @); Le Kremlin-Bicêtre
    # and Paris show the Métropole's 3 @.
    ("min_level=3", ["94043", "94016", "94041", "94002", "75056"]),
    ("min_level=5", ["94002"]),
    # A place (Gentilly's France Services) is not an initiative; a label alone is not
    # activity in a domain (Ivry).
    ("domain=mediation", ["94043", "94081", "75056"]),
    ("domain=mediation,education", ["94043", "94016", "94081", "75056"]),
    ("domain=mediation&min_level=2", ["94043", "94081", "75056"]),
    ("domain=mediation&min_level=4", []),
    ("domain=mediation&population=similar", ["94081"]),
    ("domain=emploi", []),
])
def test_filters(peers_api, query, expected):
    assert codes(peers_api, query) == expected


def test_domain_counts_only_matching_initiatives(peers_api):
    by = {f["id"]: f["properties"] for f in get(peers_api, "domain=education")["features"]}
    assert by == {"94016": by["94016"], "94081": by["94081"]}
    assert by["94081"]["initiatives"] == 1 and by["94016"]["initiatives"] == 1


def test_former_code_redirects_with_its_query(peers_api):
    r = peers_api.get("/api/communes/75076/peers?radius_km=5&domain=mediation")
    assert r.status_code == 301
    assert r.headers["Location"].endswith("/api/communes/94076/peers?radius_km=5&domain=mediation")


def test_unknown_code_is_404_with_the_closest_communes(peers_api):
    r = peers_api.get("/api/communes/94999/peers")
    assert r.status_code == 404 and r.json["error"] == "not_found"
    assert "94081" in [s["insee"] for s in r.json["suggestions"]]
    r = peers_api.get("/api/communes/villejuf/peers")  # a misspelt name instead of a code
    assert r.status_code == 404
    assert r.json["suggestions"][0]["insee"] == "94076"


@pytest.mark.parametrize("query, param", [
    ("radius_km=0", "radius_km"), ("radius_km=201", "radius_km"),
    ("radius_km=abc", "radius_km"), ("radius_km=nan", "radius_km"),
    ("radius_km=1e3", "radius_km"), ("radius_km=-5", "radius_km"),
    ("limit=0", "limit"), ("limit=101", "limit"), ("limit=5&limit=6", "limit"),
    ("min_level=6", "min_level"), ("min_level=x", "min_level"),
    ("population=big", "population"), ("domain=%3Cscript%3E", "domain"),
    ("rayon=10", "rayon"), ("level=4", "level"),
])
def test_invalid_parameters_are_400(peers_api, query, param):
    r = peers_api.get(f"/api/communes/94076/peers?{query}")
    assert r.status_code == 400 and r.json["param"] == param, r.json


def test_revalidation_is_304(peers_api):
    r = peers_api.get("/api/communes/94076/peers?limit=3")
    again = peers_api.get("/api/communes/94076/peers?limit=3",
                          headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304


def test_nearest_uses_the_knn_index(peers_api, with_domains):
    q = filters.parse_peers({"domain": ["mediation"], "population": ["similar"]})
    with with_domains.connect() as conn:
        ref = peers.reference(conn, "94076")
        plan = conn.execute(sa.text("EXPLAIN (FORMAT JSON) " + peers.statement(q).text),
                            peers.params(q, ref)).scalar()
    plan = plan if isinstance(plan, list) else json.loads(plan)
    nodes, todo = [], [plan[0]["Plan"]]
    while todo:
        node = todo.pop()
        nodes.append(node)
        todo += node.get("Plans", [])
    knn = [n for n in nodes if n.get("Index Name") == "commune_point_geog_gist"]
    assert knn, json.dumps(plan)[:2000]
    # Ordered by the index (`<->`), and the radius answered by it too.
    assert "<->" in knn[0]["Order By"] and "&&" in knn[0]["Index Cond"]
    assert "population" in knn[0]["Index Cond"]


def test_page_lists_the_peers_with_links_and_a_local_map(peers_api):
    r = peers_api.get("/communes/94076/pairs?domain=mediation&radius_km=10")
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    assert '<html lang="fr">' in page and "<h2>Communes pairs de Villejuif</h2>" in page
    for control in ("radius_km", "domain", "min_level", "population"):
        assert f'<label for="{control}">' in page and f'id="{control}"' in page
    assert '<form method="get"' in page
    assert '<th scope="row">Le Kremlin-Bicêtre' in page and "Marseille" not in page
    # Whose label each row shows: Vitry's own, Le Kremlin-Bicêtre's Métropole's.
    assert "<td>2 @ en 2022</td>" in page
    assert ("<td>label de l&#39;intercommunalité Métropole du Grand Paris, 3 @, 2021</td>"
            in page)
    assert 'href="/?commune=94081&amp;domain=mediation"' in page
    assert 'href="/communes/94081"' in page
    assert "/vendor/leaflet/" in page
    assert 'src="http' not in page and "cdn" not in page.lower()
    assert "L.circle(" in page  # the search radius


def test_page_redirects_former_codes_and_helps_with_unknown_ones(peers_api):
    r = peers_api.get("/communes/75076/pairs?radius_km=10")
    assert r.status_code == 301
    assert r.headers["Location"].endswith("/communes/94076/pairs?radius_km=10")
    r = peers_api.get("/communes/94999/pairs")
    assert r.status_code == 404
    assert 'href="/communes/94081/pairs"' in r.get_data(as_text=True)
    assert peers_api.get("/communes/94076/pairs?radius_km=900").status_code == 400


def test_page_escapes_names(peers_api, with_domains):
    evil = "<img src=x onerror=alert(1)>`${alert(2)}`"
    with with_domains.begin() as conn:
        conn.execute(sa.text("UPDATE commune SET name = :n WHERE insee = '94043'"),
                     {"n": evil})
    try:
        page = peers_api.get("/communes/94076/pairs").get_data(as_text=True)
    finally:
        with with_domains.begin() as conn:
            conn.execute(sa.text("UPDATE commune SET name = 'Le Kremlin-Bicêtre' "
                                 "WHERE insee = '94043'"))
    assert "<img" not in page
    assert '<th scope="row">&lt;img src=x onerror=alert(1)&gt;' in page
    # In the map's script, tooltips are JS template literals: no ` or ${ gets through.
    script = page[page.index("bindTooltip"):]
    assert "${alert" not in script and "&#96;&#36;{alert(2)}&#96;" in script
