"""End-to-end: the public map in a real headless Chromium, on the real reference and the
hand-checked records of ``api_data`` (7 initiatives, 6 awards).

Requests to any host but 127.0.0.1 are aborted; screenshots of each test's last state go
to tests/screenshots/ (git-ignored) to look at when a test fails.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import PHONE, SHOTS, axe_violations, new_page, serve


EVIL = "<img src=x onerror=alert(1)> atelier"


@pytest.fixture(scope="module")
def site(config, api_data):
    from atlas.web import create_app

    with serve(create_app(config)) as base:
        yield base


@pytest.fixture()
def page(chromium, site, request):
    page = new_page(chromium, site)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{request.node.name}.png"))
    page.context.close()


def ready(page, url: str):
    page.goto(url)
    page.wait_for_selector("body[data-ready]", timeout=20_000)
    return page


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def wait_count(page, text: str):
    page.wait_for_function(
        "t => document.getElementById('count-matched').textContent === t", arg=text)


def test_map_loads_with_clusters_counts_and_nothing_from_other_hosts(page, site):
    ready(page, site + "/")
    assert page.locator("#count-matched").text_content() == "7"
    assert int(page.get_attribute("body", "data-clusters")) >= 2
    # The metropolitan view holds 6 of the 7 (one is in La Réunion).
    assert page.get_attribute("body", "data-in-view") == "6"
    assert page.locator(".marker-cluster, .atlas-point").count() >= 2
    # Counts by domain come from /api/stats: education has two initiatives.
    assert page.locator("[data-facet=domain][data-value=education]").text_content() == "(2)"
    assert page.locator("#results button.result").count() == 6
    assert page.locator("#legend ul").is_visible()  # open on a wide screen
    assert page.errors == []
    hosts = {urlsplit(u).hostname for u in page.traffic.blocked}
    # Only base-map tiles were attempted elsewhere: no script, style or font from a CDN.
    assert all(h.endswith("tile.openstreetmap.fr") for h in hosts), hosts
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_domain_filter_changes_count_markers_and_url_and_survives_reload(page, site):
    ready(page, site + "/")
    page.get_by_label(re.compile("^Éducation")).check()
    wait_count(page, "2")
    assert query(page)["domain"] == ["education"]
    page.wait_for_function("document.body.dataset.inView === '2'")
    page.wait_for_function("document.querySelectorAll('#results button.result').length === 2")
    titles = page.locator("#results button.result .title").all_text_contents()
    assert sorted(titles) == ["Médiathèque numérique",
                              "Tablettes numériques à l'École Jules-Ferry"]
    view = {k: query(page)[k] for k in ("lat", "lon", "z")}

    page.reload()
    page.wait_for_selector("body[data-ready]")
    assert page.get_by_label(re.compile("^Éducation")).is_checked()
    assert page.locator("#count-matched").text_content() == "2"
    assert {k: query(page)[k] for k in ("lat", "lon", "z")} == view

    # Back: the view before the filter, form and counts included.
    page.go_back()
    wait_count(page, "7")
    assert not page.get_by_label(re.compile("^Éducation")).is_checked()
    page.go_forward()
    wait_count(page, "2")
    assert page.errors == []


def test_popup_shows_html_looking_title_as_text(page, site, api_data):
    evil_id = api_data[EVIL]
    ready(page, f"{site}/?lat=-21.1&lon=55.5&z=10&sel={evil_id}")
    popup = page.locator(".leaflet-popup-content .popup")
    popup.wait_for()
    assert popup.locator("h3").text_content() == EVIL
    assert popup.locator("img").count() == 0
    assert popup.get_by_role("link", name="Voir la fiche").get_attribute("href") == \
        f"/initiatives/{evil_id}"
    assert page.dialogs == [] and page.errors == []
    # The list shows the same title as text too.
    assert page.locator("#results img").count() == 0
    assert EVIL in page.locator("#results").text_content()


def test_clicking_a_marker_opens_its_popup_and_selects_it_in_the_url(page, site, api_data):
    ready(page, site + "/?lat=41.93&lon=8.74&z=11")  # Ajaccio: one initiative
    page.locator(".atlas-point").first.click()
    page.locator(".leaflet-popup-content h3").wait_for()
    assert page.locator(".leaflet-popup-content h3").text_content() == \
        "Budget participatif numérique"
    assert query(page)["sel"] == [str(api_data["Budget participatif numérique"])]
    assert "@@" in page.locator(".leaflet-popup-content .label").text_content()


def test_list_is_usable_with_the_keyboard_alone(page, site):
    ready(page, site + "/?lat=48.79&lon=2.38&z=12")  # Villejuif and Alfortville
    # Tab reaches the list (after the filters and the map's controls).
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('result')"):
            break
    else:
        pytest.fail("Tab never reached the list of initiatives")
    first = page.evaluate("document.activeElement.querySelector('.title').textContent")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.querySelector('.title').textContent")
    assert second != first
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup-content h3").wait_for()
    assert page.locator(".leaflet-popup-content h3").text_content() == second
    assert page.locator("button.result.selected .title").text_content() == second
    # Focus is visible: the ring is drawn.
    page.keyboard.press("ArrowUp")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_commune_search_zooms_to_the_commune(page, site):
    ready(page, site + "/")
    page.get_by_label("Aller à une commune").fill("villej")
    page.get_by_role("option", name=re.compile("^Villejuif")).wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("new URLSearchParams(location.search).get('z') >= '12'")
    lat, lon = float(query(page)["lat"][0]), float(query(page)["lon"][0])
    assert abs(lat - 48.79) < 0.05 and abs(lon - 2.36) < 0.05


def test_territory_selector_shows_an_overseas_departement(page, site):
    ready(page, site + "/")
    page.get_by_label("Territoire").select_option("974")
    page.wait_for_function("parseFloat(new URLSearchParams(location.search).get('lat')) < -20")
    page.wait_for_function("document.body.dataset.inView === '1'")


def test_embed_page_and_embed_dialog(page, site):
    ready(page, site + "/?domain=education")
    page.get_by_role("button", name="Intégrer cette carte").click()
    code = page.locator("#embed-code").input_value()
    src = re.search(r'src="([^"]+)"', code).group(1).replace("&amp;", "&")
    assert src.startswith(site + "/embed?") and "domain=education" in src

    ready(page, src)
    assert page.locator("header.site").count() == 0
    assert page.locator("#count-matched").text_content() == "2"
    assert page.get_attribute("body", "data-in-view") == "2"
    assert page.errors == []


def test_commune_and_initiative_pages_render(page, site, api_data):
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(site + "/communes/94076")
    assert page.locator("h1").text_content().startswith("Villejuif")
    assert page.locator("table.labels tbody tr").count() == 2
    assert page.locator(".leaflet-marker-icon").count() == 1
    # Its outline and its neighbours', from our own vector tiles (readable offline).
    page.wait_for_function("""document.querySelectorAll(
        '.leaflet-tile-container svg path, .leaflet-tile svg path, svg.leaflet-tile path'
        ).length > 5""", timeout=20_000)
    strokes = page.evaluate("""Array.from(document.querySelectorAll('.leaflet-pane svg path'))
        .map(p => p.getAttribute('stroke'))""")
    assert "#0b3a75" in strokes and "#8a96a3" in strokes  # the commune, its neighbours
    assert any("/tiles/communes/" in u for u in asked)
    assert any("/vendor/leaflet-vectorgrid/1.3.0/" in u for u in asked)
    page.get_by_role("link", name="Tablettes numériques à l'École Jules-Ferry").click()
    page.wait_for_url(re.compile(r"/initiatives/\d+$"))
    assert page.locator("h1").text_content() == "Tablettes numériques à l'École Jules-Ferry"
    assert page.errors == []
    page.goto(f"{site}/initiatives/{api_data[EVIL]}")
    assert page.locator("h1").text_content() == EVIL and page.dialogs == []


def test_a_filter_declared_on_the_server_reaches_the_map_url_state(page, site, monkeypatch):
    """The map's script holds no list of filters: it reads the declarations of
    atlas/filters.py from the page. A filter declared there (here a made-up one, which
    the API then accepts and ignores) is kept in the URL and sent to the API."""
    from atlas import filters

    extra = filters.Param("accessible", "string", "Test only: a newly declared filter.",
                          many=True)
    monkeypatch.setattr(filters, "FILTER_PARAMS", [*filters.FILTER_PARAMS, extra])
    monkeypatch.setitem(filters.PARAMS, "accessible", extra)
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/" in r.url else None)
    ready(page, site + "/?accessible=oui&z=7")
    settings = json.loads(page.locator("#atlas-settings").text_content())
    assert {"name": "accessible", "type": "string", "many": True} in settings["filters"]
    assert "bbox" not in [f["name"] for f in settings["filters"]]  # the view is the map's
    # A change of filter rewrites the URL: the declared filter stays in it...
    page.get_by_label(re.compile("^Éducation")).check()
    wait_count(page, "2")
    assert query(page)["accessible"] == ["oui"] and query(page)["domain"] == ["education"]
    # ...and goes to the API with the others.
    assert any("accessible=oui" in u and "/api/stats" in u for u in asked), asked
    # Reset drops it like any filter.
    page.locator("#reset").click()
    wait_count(page, "7")
    assert "accessible" not in query(page)
    assert page.errors == []


def test_urls_and_limits_come_from_the_server(page, site):
    ready(page, site + "/")
    settings = json.loads(page.locator("#atlas-settings").text_content())
    assert settings["urls"]["communePage"] == "/communes/{insee}"
    assert settings["urls"]["initiative"] == "/api/initiatives/{id}"
    assert settings["urls"]["tile"] == "/tiles/{layer}/{z}/{x}/{y}.pbf"
    assert settings["view"]["maxTiles"] == 24 and settings["pairs"]["defaultRadius"] == 30
    script = page.evaluate("fetch('/static/atlas-map.js').then(r => r.text())")
    # No hand copy of what the server declares.
    for copy in ('"domain", "level"', '"/communes/"', '"/initiatives/"', "= 24", '"30"'):
        assert copy not in script, copy


CHOROPLETH_PATHS = """Array.from(document.querySelectorAll('.leaflet-choropleth-pane path'))
    .map(p => [p.getAttribute('fill'), p.getAttribute('stroke-dasharray')])"""


def test_choropleth_is_drawn_from_our_map_tiles(page, site):
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    ready(page, site + "/?lat=48.80&lon=2.38&z=12")
    page.wait_for_function("document.querySelectorAll('.leaflet-choropleth-pane path')"
                           ".length > 20", timeout=20_000)
    colours = json.loads(page.locator("#atlas-settings").text_content())["levelColours"]
    paths = page.evaluate(CHOROPLETH_PATHS)
    assert [colours[3], None] in paths  # Villejuif: its own 4 @ (2019)
    # Its neighbours of the Métropole du Grand Paris: the EPCI's 3 @, dashed.
    assert [colours[2], "4 3"] in paths
    assert any("/tiles/map/12/" in u for u in asked)
    assert not any("/api/labels/communes" in u for u in asked)  # no GeoJSON outlines
    # A click on Ivry-sur-Seine (no initiative there) says whose label it is.
    point = page.evaluate("""() => {
        const s = JSON.parse(document.getElementById('atlas-settings').textContent);
        const p = window[s.map].latLngToContainerPoint([48.8125, 2.3890]);
        return [p.x, p.y]; }""")
    box = page.locator(".folium-map").bounding_box()
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])
    popup = page.locator(".leaflet-popup-content .popup")
    popup.wait_for()
    assert popup.locator("h3").text_content() == "Ivry-sur-Seine"
    assert "label de l'intercommunalité Métropole du Grand Paris, 3 @, 2021" in \
        popup.text_content()
    # The label edition redraws the tiles: in 2018 the Métropole had no label.
    page.select_option("#label_year", "2018")
    page.wait_for_function(f"""() => {{
        const paths = {CHOROPLETH_PATHS};
        return paths.length > 20 && !paths.some(p => p[1] === '4 3'); }}""", timeout=20_000)
    assert any("/tiles/map/12/" in u and "label_year=2018" in u for u in asked)
    assert [colours[2], None] in page.evaluate(CHOROPLETH_PATHS)  # Villejuif's 3 @ of 2018
    assert page.errors == []


@pytest.mark.parametrize("z", [6, 9, 12])
def test_offline_borders_coincide(page, site, z):
    """No base map (its host is blocked): the départements from our tiles are the land,
    the communes drawn over them from the same tiles; screenshots borders_z6/9/12."""
    ready(page, site + f"/?lat=48.84&lon=2.40&z={z}")
    page.wait_for_function("document.body.classList.contains('offline') && document"
                           ".querySelectorAll('.leaflet-choropleth-pane path').length > 3",
                           timeout=20_000)
    page.wait_for_load_state("networkidle")
    SHOTS.mkdir(exist_ok=True)
    page.locator(".folium-map").screenshot(path=str(SHOTS / f"borders_z{z}.png"))
    fills = [f for f, _ in page.evaluate(CHOROPLETH_PATHS)]
    assert "#f3f1ea" in fills  # the land
    assert page.errors == []


def test_communes_pairs_mode_on_the_map(page, site):
    ready(page, site + "/?lat=48.79&lon=2.38&z=12")
    page.locator("#results button.result", has_text="Tablettes numériques").click()
    page.get_by_role("button", name="Voir les communes pairs autour").click()
    page.locator("#pairs-list button.result").first.wait_for()
    assert page.locator("#pairs-name").text_content() == "Villejuif"
    assert query(page)["pairs"] == ["94076"] and query(page)["radius_km"] == ["30"]
    peers = page.locator("#pairs-list .title").all_text_contents()
    assert peers[0] == "Alfortville"  # the nearest commune with a label or an initiative
    page.get_by_label("Rayon de recherche").select_option("10")
    page.wait_for_function("new URLSearchParams(location.search).get('radius_km') === '10'")
    page.locator("#pairs-list button.result").first.click()
    popup = page.locator(".leaflet-popup-content .popup")
    assert popup.get_by_role("link", name="Alfortville").get_attribute("href") == \
        "/communes/94002"
    # The mode lives in the URL: a reload restores it.
    page.reload()
    page.locator("#pairs-list button.result").first.wait_for()
    assert page.locator("#pairs-name").text_content() == "Villejuif"
    page.get_by_role("button", name="Quitter ce mode").click()
    assert page.locator("#pairs").is_hidden() and "pairs" not in query(page)
    assert page.errors == []


def test_export_button_downloads_the_filtered_geojson(page, site):
    ready(page, site + "/")
    page.get_by_label(re.compile("^Éducation")).check()
    wait_count(page, "2")
    with page.expect_download() as info:
        page.get_by_role("link", name="Exporter (GeoJSON)").click()
    download = info.value
    assert download.suggested_filename.startswith("initiatives_")
    assert "domain-education" in download.suggested_filename
    collection = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert sorted(f["properties"]["title"] for f in collection["features"]) == [
        "Médiathèque numérique", "Tablettes numériques à l'École Jules-Ferry"]
    assert "crs" not in collection


@pytest.mark.parametrize("path", [
    "/", "/embed", "/communes/94076", "/initiatives/{id}", "/communes/94076/pairs",
    "/communes/99999",  # the error page (404)
    "/?lat=48.79&lon=2.38&z=12&pairs=94076",  # the map in pairs mode, peers listed
])
def test_every_page_type_passes_axe(page, site, api_data, path):
    page.goto(site + path.format(id=api_data["Prise de rendez-vous en ligne"]))
    if "communes/99999" not in path and not path.endswith("/pairs"):
        page.wait_for_selector("body[data-ready]", timeout=20_000)  # maps drawn
    assert axe_violations(page) == []


@pytest.fixture()
def phone(chromium, site, request):
    page = new_page(chromium, site, **PHONE)
    yield page
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{request.node.name}.png"))
    page.context.close()


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_phone_map_fills_the_first_screen(phone, site):
    ready(phone, site + "/")
    box = phone.locator("section.map").bounding_box()
    # Under the header (count and buttons), down to the bottom of the screen.
    assert box["y"] < 130 and box["y"] + box["height"] >= 840, box
    assert phone.locator("#count-matched").is_visible()
    assert not phone.locator("#filters").is_visible()
    assert not phone.locator("#results-panel").is_visible()
    assert phone.locator("#open-filters").text_content().startswith("Filtres (0)")
    assert phone.locator(".marker-cluster, .atlas-point").count() >= 1
    # The legend starts folded to its title, a line in the corner; a tap opens it.
    legend = phone.locator("#legend")
    assert legend.get_attribute("open") is None and not phone.locator("#legend ul").is_visible()
    assert legend.bounding_box()["height"] < 40, legend.bounding_box()
    phone.tap("#legend-title")
    assert phone.locator("#legend ul").is_visible()
    assert no_sideways_scroll(phone)
    assert axe_violations(phone) == []
    phone.tap("#legend-title")
    assert not phone.locator("#legend ul").is_visible()
    assert phone.errors == []


def test_phone_filter_list_popup_and_shared_view(phone, site):
    ready(phone, site + "/")
    phone.tap("#open-filters")
    assert phone.locator("#filters").is_visible()
    assert phone.get_attribute("#open-filters", "aria-expanded") == "true"
    assert phone.evaluate("document.activeElement.id") == "filters-title"
    assert phone.locator("#q").is_visible()  # the text search, reachable
    phone.get_by_label(re.compile("^Éducation")).tap()
    wait_count(phone, "2")
    assert phone.locator("#open-filters").text_content().startswith("Filtres (1)")
    assert no_sideways_scroll(phone)
    phone.screenshot(path=str(SHOTS / "phone_filters_open.png"))
    phone.keyboard.press("Escape")
    assert not phone.locator("#filters").is_visible()
    assert phone.evaluate("document.activeElement.id") == "open-filters"

    phone.tap("#open-list")
    phone.wait_for_function("document.querySelectorAll('#results button.result').length === 2")
    assert phone.locator("#results-panel").is_visible() and not phone.locator("#filters").is_visible()
    phone.locator("#results button.result").first.tap()
    phone.wait_for_selector(".leaflet-popup-content .popup")
    assert "sel" in query(phone)
    phone.tap("#open-list")  # closes the list: the popup shows on the map
    assert not phone.locator("#results-panel").is_visible()

    # Share the view: the URL holds it, and opens it the same on another phone.
    shared = phone.url
    assert query(phone)["domain"] == ["education"]
    other = new_page(phone.context.browser, site, **PHONE)
    ready(other, shared)
    assert other.locator("#count-matched").text_content() == "2"
    assert other.locator("#open-filters").text_content().startswith("Filtres (1)")
    other.wait_for_selector(".leaflet-popup-content .popup")
    other.context.close()
    assert phone.errors == []


def test_phone_embed_fills_the_screen(phone, site):
    ready(phone, site + "/embed?domain=education")
    box = phone.locator("section.map").bounding_box()
    assert box["height"] >= 840 and box["width"] >= 389
    assert no_sideways_scroll(phone)
    assert axe_violations(phone) == []
