"""The map's own API: clusters computed in PostGIS and the label choropleth, on the real
reference and the hand-checked records of ``api_data``."""

import pytest

from atlas.queries.choropleth import BANDS


def cells(api, query: str) -> list[list]:
    r = api.get("/api/clusters?" + query)
    assert r.status_code == 200, r.json
    assert r.json["fields"] == ["lon", "lat", "count", "id", "xmin", "ymin", "xmax", "ymax"]
    return r.json["cells"]


def test_clusters_count_every_matching_initiative_once(api):
    france = cells(api, "zoom=5&bbox=-5.5,41,10,51.5")
    assert sum(c[2] for c in france) == 6  # the seventh is in La Réunion
    assert sum(c[2] for c in cells(api, "zoom=3")) == 7
    assert sum(c[2] for c in cells(api, "zoom=5&bbox=-5.5,41,10,51.5&domain=education")) == 2


def test_clusters_split_as_the_map_zooms_in(api, api_data):
    # Villejuif (2 initiatives at its centre) and Alfortville, 4 km apart: one cluster
    # at zoom 6, three... at street level Villejuif's two share one point: one cell of 2.
    paris = "bbox=2.2,48.7,2.5,48.9"
    low = cells(api, "zoom=6&" + paris)
    high = cells(api, "zoom=14&" + paris)
    assert [c[2] for c in low if c[2] > 1] and len(high) > len(low)
    single = [c for c in high if c[2] == 1]
    assert {c[3] for c in single} >= {api_data["Plateforme de troc citoyen"]}
    for c in high:  # a cluster's position lies within its extent
        assert c[4] <= c[0] <= c[6] and c[5] <= c[1] <= c[7]
        assert (c[3] is None) == (c[2] > 1)


@pytest.mark.parametrize("query, param", [
    ("bbox=2,48,3,49", "zoom"),
    ("zoom=23", "zoom"),
    ("zoom=12", "bbox"),  # the whole world at street level
    ("zoom=14&bbox=-5,41,10,51", "bbox"),
    ("zoom=5&domaine=education", "domaine"),
])
def test_cluster_requests_sized_for_a_map_view(api, query, param):
    r = api.get("/api/clusters?" + query)
    assert r.status_code == 400 and r.json["param"] == param


def test_choropleth_levels_latest_or_of_a_label_year(api):
    def levels(query):
        r = api.get("/api/labels/communes?" + query)
        assert r.status_code == 200, r.json
        assert r.headers["Content-Type"].startswith("application/geo+json")
        return {f["id"]: (f["properties"]["level"], f["properties"]["year"])
                for f in r.json["features"]}

    # Awards of EPCI are not communes: the Métropole's is not drawn.
    assert levels("zoom=5") == {"94076": (4, 2019), "94002": (5, 2020), "2A004": (2, 2020)}
    assert levels("zoom=5&label_year=2018") == {"94076": (3, 2018), "94002": (5, 2018)}
    assert levels("zoom=5&bbox=0,0,1,1") == levels("zoom=5")  # one answer below zoom 9
    near = levels("zoom=10&bbox=2.3,48.75,2.45,48.85")
    assert set(near) == {"94076", "94002"}
    streets = levels("zoom=12&bbox=2.3,48.75,2.45,48.85")
    assert streets["94076"] == (4, 2019) and (None, None) in streets.values()


def test_choropleth_simplifies_by_zoom_band(api):
    def size(zoom):
        r = api.get(f"/api/labels/communes?zoom={zoom}&bbox=2.3,48.75,2.45,48.85")
        return len(r.get_data())

    assert [b[0] for b in BANDS] == sorted(b[0] for b in BANDS)
    assert size(5) < size(10)


@pytest.mark.parametrize("query, param", [
    ("", "zoom"), ("zoom=10", "bbox"), ("zoom=12&bbox=-5,41,10,51", "bbox"),
    ("zoom=5&domain=education", "domain")])
def test_choropleth_bad_requests(api, query, param):
    r = api.get("/api/labels/communes?" + query)
    assert r.status_code == 400 and r.json["param"] == param
