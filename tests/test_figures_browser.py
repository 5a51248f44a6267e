"""End-to-end: "Le label en chiffres" in a real headless Chromium, on the records of
``tests/test_figures.py`` (api_data plus a few awards and a place): the tables show the
counts SQL gives, with and without a région filter; axe-core (npm, locked by
package-lock.json, injected here only, never served by the app) finds no violation;
screenshots go to tests/screenshots/.
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from tests.browser import axe_violations, serve, shot_page
from tests.test_browser import ready
from tests.test_figures import data  # noqa: F401  (the module's records)


@pytest.fixture(scope="module")
def site(config, data):  # noqa: F811
    from atlas.web import create_app

    with serve(create_app(config)) as base:
        yield base


@pytest.fixture()
def page(chromium, site, request):
    with shot_page(chromium, site, request.node.name) as page:
        yield page


def _violations(page) -> list[str]:
    return axe_violations(page)


def _table(page, figure: str) -> dict[str, dict[str, str]]:
    """{row heading: {column key: cell text}} of the figure's table."""
    return page.evaluate("""key => {
        const out = {};
        for (const tr of document.querySelectorAll(`table[data-figure=${key}] tbody tr`)) {
            const row = {};
            for (const td of tr.querySelectorAll('td')) row[td.dataset.key] = td.textContent;
            out[tr.querySelector('th').textContent] = row;
        }
        return out; }""", figure)


def _number(text: str) -> int:
    return int(re.sub(r"\D", "", text) or 0)


def _sql_labelled(engine, region: str | None) -> dict[tuple[int, bool], int]:
    """(edition, held by an EPCI) → collectivités labelled, an EPCI in its most
    populous member's région (written independently of atlas.queries.figures)."""
    with engine.connect() as conn:
        rows = conn.execute(sa.text("""
            SELECT a.year, a.epci_siren IS NOT NULL AS epci,
                   coalesce(c.region_code, (SELECT pc.region_code FROM epci_member m
                     JOIN commune pc ON pc.insee = m.commune_insee
                     WHERE m.epci_siren = a.epci_siren
                     ORDER BY pc.population DESC LIMIT 1)) AS region
            FROM label_award a LEFT JOIN commune c ON c.insee = a.commune_insee""")).all()
    out: dict = {}
    for year, epci, where in rows:
        if region is None or where == region:
            out[(year, epci)] = out.get((year, epci), 0) + 1
    return out


@pytest.mark.parametrize("region", [None, "11"])
def test_figures_page_shows_sql_counts_and_passes_axe(page, site, data, region):  # noqa: F811
    page.goto(site + "/chiffres" + (f"?region={region}" if region else ""))
    expected = _sql_labelled(data, region)
    for figure, epci in (("labelled_commune", False), ("labelled_epci", True)):
        table = _table(page, figure)
        assert set(table) == {"2018", "2019", "2020", "2021"}
        for year, row in table.items():
            assert _number(row["total"]) == expected.get((int(year), epci), 0), (figure, year)
    with data.connect() as conn:
        covered_2019 = conn.scalar(sa.text(
            "SELECT sum(population) FROM commune WHERE insee IN (SELECT commune_insee FROM "
            "epci_member WHERE epci_siren = '200054781' UNION SELECT commune_insee FROM "
            "label_award WHERE year = 2019 AND commune_insee IS NOT NULL)"
            + (" AND region_code = :r" if region else "")), {"r": region})
    assert _number(_table(page, "population")["2019"]["population"]) == covered_2019
    regions = _table(page, "regions")
    assert ("Île-de-France" in regions) and (len(regions) == (1 if region else 18))
    assert _number(regions["Île-de-France"]["epci"]) == 1
    # Every chart has its name and description; the page needs no script.
    assert page.locator("svg[role=img] > title").count() == \
        page.locator("svg[role=img] > desc").count() >= 7
    assert page.locator("main script").count() == 0
    assert _violations(page) == []
    assert page.errors == [] and page.traffic.blocked == []


def test_figures_form_and_csv_keep_the_filters(page, site):
    page.goto(site + "/chiffres")
    page.get_by_label("Région", exact=True).select_option("94")
    page.get_by_role("button", name="Appliquer").click()
    page.wait_for_url(re.compile(r"region=94"))
    assert set(_table(page, "regions")) == {"Corse"}
    assert "region=94" in page.get_by_role("link", name="Voir ces filtres sur la carte"
                                           ).get_attribute("href")
    csv_link = page.locator("#population a.csv")
    assert "region=94" in csv_link.get_attribute("href")
    with page.expect_download() as info:
        csv_link.click()
    assert info.value.suggested_filename.startswith("chiffres-population_")


def test_map_header_link_follows_the_filters(page, site):
    ready(page, site + "/")
    link = page.get_by_role("link", name="Le label en chiffres")
    assert link.get_attribute("href") == "/chiffres"
    page.get_by_label(re.compile("^Éducation")).check()
    page.wait_for_function("document.getElementById('figures-link').href.includes('domain')")
    # The label level is a filter of the map, not of the figures: not passed on.
    page.locator("#level-4").check()
    page.wait_for_function("new URLSearchParams(location.search).get('level') === '4'")
    assert link.get_attribute("href") == "/chiffres?domain=education"
    link.click()
    page.wait_for_url(re.compile(r"/chiffres\?domain=education$"))
    assert page.locator("#f-domain").input_value() == "education"


def test_commune_page_label_path_passes_axe(page, site):
    page.goto(site + "/communes/94002")
    charts = page.locator("figure.path-chart svg[role=img]")
    assert charts.count() == 2  # the commune's and its EPCI's
    assert "pas de label en 2019, 2021" in page.locator("figure.path-chart figcaption"
                                                        ).first.text_content()
    assert _violations(page) == []
