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
    def features(query):
        r = api.get("/api/labels/communes?" + query)
        assert r.status_code == 200, r.json
        assert r.headers["Content-Type"].startswith("application/geo+json")
        return {f["id"]: f["properties"] for f in r.json["features"]}

    def levels(query):
        return {k: (p["level"], p["year"]) for k, p in features(query).items()}

    # A commune's own label wins; a member of the Métropole du Grand Paris (3 @ in 2021)
    # without one of its own shows the Métropole's, flagged as the EPCI's.
    france = features("zoom=5")
    own = {k: (p["level"], p["year"]) for k, p in france.items() if p["held_by"] == "commune"}
    assert own == {"94076": (4, 2019), "94002": (5, 2020), "2A004": (2, 2020)}
    paris = france["75056"]
    assert (paris["level"], paris["year"], paris["held_by"], paris["epci_siren"]) == \
        (3, 2021, "epci", "200054781")
    assert paris["epci_name"].startswith("Métropole du Grand Paris")
    assert france["94076"]["epci_name"] is None  # its own label, not the Métropole's
    epci_held = {k for k, p in france.items() if p["held_by"] == "epci"}
    assert len(epci_held) > 100 and "94076" not in epci_held
    # An edition: the commune's award that year, else its EPCI's that year, else none.
    assert levels("zoom=5&label_year=2018") == {"94076": (3, 2018), "94002": (5, 2018)}
    edition = features("zoom=5&label_year=2021")
    # Villejuif has no award of its own in 2021: it shows the Métropole's of that year.
    assert (edition["94076"]["level"], edition["94076"]["held_by"]) == (3, "epci")
    assert "2A004" not in edition
    assert levels("zoom=5&bbox=0,0,1,1") == levels("zoom=5")  # one answer below zoom 9
    near = levels("zoom=10&bbox=2.3,48.75,2.45,48.85")
    assert {"94076", "94002", "94080"} <= set(near)  # 94080 Vitry-sur-Seine: the EPCI's
    streets = levels("zoom=12&bbox=2.3,48.75,2.45,48.85")
    assert streets["94076"] == (4, 2019) and streets["94080"] == (3, 2021)


def test_choropleth_simplifies_by_zoom_band(api):
    def size(zoom):  # bytes per commune: the answers hold different communes
        r = api.get(f"/api/labels/communes?zoom={zoom}&bbox=2.3,48.75,2.45,48.85")
        return len(r.get_data()) / len(r.json["features"])

    assert [b[0] for b in BANDS] == sorted(b[0] for b in BANDS)
    assert size(5) < size(10)


@pytest.mark.parametrize("query, param", [
    ("", "zoom"), ("zoom=10", "bbox"), ("zoom=12&bbox=-5,41,10,51", "bbox"),
    ("zoom=5&domain=education", "domain")])
def test_choropleth_bad_requests(api, query, param):
    r = api.get("/api/labels/communes?" + query)
    assert r.status_code == 400 and r.json["param"] == param


def test_shifted_boxes_share_one_cached_answer_and_caches_hold_bytes(api):
    from atlas.queries import choropleth, clusters

    clusters.clear_cache()
    choropleth._cache.clear()
    # 64 boxes each shifted by a hair, as a script would send: one grid cell, one entry.
    for i in range(64):
        x = 2.2 + i * 1e-5
        assert api.get(f"/api/clusters?zoom=11&bbox={x},48.7,{x + 0.3},48.9"
                       ).status_code == 200
        assert api.get(f"/api/labels/communes?zoom=11&bbox={x},48.7,{x + 0.3},48.9"
                       ).status_code == 200
    assert len(clusters._cache) <= 2 and len(choropleth._cache) <= 2
    # Free text is never kept: each q would be its own entry.
    for word in ("tablettes", "budget", "observatoire"):
        api.get(f"/api/clusters?zoom=6&q={word}")
    assert len(clusters._cache) <= 2
    assert clusters._cache.bytes <= clusters._cache.max_bytes


def test_snapped_box_contains_the_asked_one_and_keeps_grid_boxes():
    from atlas.filters import snap_view

    asked = (2.20001, 48.70003, 2.50002, 48.9)
    x1, y1, x2, y2 = snap_view(11, asked)
    assert x1 <= asked[0] and y1 <= asked[1] and x2 >= asked[2] and y2 >= asked[3]
    step = 180 / 2**11
    assert x2 - x1 <= asked[2] - asked[0] + 2 * step
    assert snap_view(11, (x1, y1, x2, y2)) == (x1, y1, x2, y2)  # the map's own boxes
    # Written with 6 decimals as the map does, a grid box is still itself.
    rounded = tuple(round(v, 6) for v in (x1, y1, x2, y2))
    assert snap_view(11, rounded) == pytest.approx((x1, y1, x2, y2), abs=1e-6)


def test_version_cache_is_bounded_by_bytes():
    from atlas.queries.cache import VersionedCache

    class Conn:  # what the cache reads of a connection
        class engine:
            class url:
                render_as_string = staticmethod(lambda hide_password: "db")

    import atlas.search

    cache = VersionedCache(max_bytes=8000)
    original = atlas.search.version
    atlas.search.version = lambda conn: 1
    try:
        for i in range(100):
            cache.get(Conn, i, lambda: "x" * 900)
        assert cache.bytes <= 8000 and len(cache) == 8
        big = cache.get(Conn, "big", lambda: "y" * 2000)  # over max_bytes / 8: not kept
        assert big == "y" * 2000 and "big" not in {k[2] for k in cache._items}
    finally:
        atlas.search.version = original
