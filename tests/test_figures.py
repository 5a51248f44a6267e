""""Le label en chiffres": the figures (``atlas.queries.figures``), their CSV, the JSON
API and the commune page's label path, on the hand-checked records of ``api_data`` plus
a few awards and a place written here.

The awards, all told (commune or EPCI, edition, level):
  api-test:     Villejuif 94076 2018 3, 2019 4 · Alfortville 94002 2018 5, 2020 5 ·
                Ajaccio 2A004 2020 2 · Métropole du Grand Paris 200054781 2021 3
  figures-test: Métropole du Grand Paris 2019 4 (Villejuif, a member, is labelled too:
                counted once) · Annecy 74010 2020 1
"""

from __future__ import annotations

import csv
import io

import pytest
import sqlalchemy as sa

from atlas import charts
from atlas.errors import InvalidParameter
from atlas.filters import Filters
from atlas.queries import figures

MGP = "200054781"
HOSTILE = '=HYPERLINK("http://exemple.invalid","<b>clic</b>")'


@pytest.fixture(scope="module")
def data(api_data, with_domains):
    from loaders import initiatives, labels, pipeline
    from loaders.records import LoadReport

    awards = [dict(commune_insee=None, epci_siren=MGP, year=2019, level=4, mentions=[]),
              dict(commune_insee="74010", epci_siren=None, year=2020, level=1, mentions=[])]
    place = dict(title="Espace d'accueil numérique", summary=None, year=2020, url=None,
                 commune_insee="74010", epci_siren=None, lon=None, lat=None, source_id="p1",
                 geocode_method="test", geocode_score=1.0, domains=["mediation"],
                 kind="place", place_type=HOSTILE)
    with pipeline.transaction(with_domains) as w:
        labels.merge(w.conn, awards, "figures-test", LoadReport("figures-test"), w.changes)
        initiatives.merge(w.conn, [place], "figures-test", LoadReport("figures-test"),
                          w.changes)
    figures.clear_cache()
    return with_domains


def _compute(engine, **kw):
    with engine.connect() as conn:
        return figures.compute(conn, Filters(**{k: tuple(v) for k, v in kw.items()}))


def _rows(result, key):
    return {tuple(r.values())[0]: r for r in result["figures"][key].rows}


def test_labelled_per_edition_and_level_equal_sql_counts(data):
    result = _compute(data)
    assert result["editions"] == [2018, 2019, 2020, 2021] and result["latest"] == 2021
    with data.connect() as conn:
        sql = conn.execute(sa.text(
            "SELECT year, commune_insee IS NULL AS epci, level, count(*) FROM label_award "
            "GROUP BY 1, 2, 3")).all()
    for kind, is_epci in (("commune", False), ("epci", True)):
        rows = _rows(result, f"labelled_{kind}")
        for year, epci, level, n in sql:
            if epci == is_epci:
                assert rows[year][f"level_{level}"] == n
        assert sum(r["total"] for r in rows.values()) == sum(
            n for _, epci, _, n in sql if epci == is_epci)
    communes = _rows(result, "labelled_commune")
    assert (communes[2018]["level_3"], communes[2018]["level_5"], communes[2018]["total"]) \
        == (1, 1, 2)
    assert communes[2020]["total"] == 3 and communes[2021]["total"] == 0
    assert _rows(result, "labelled_epci")[2019]["level_4"] == 1


def test_population_covered_counts_an_epci_member_labelled_itself_once(data):
    rows = _rows(_compute(data), "population")
    with data.connect() as conn:
        members = conn.execute(sa.text(
            "SELECT count(*), sum(population) FROM epci_member m JOIN commune c "
            "ON c.insee = m.commune_insee WHERE m.epci_siren = :s"), {"s": MGP}).one()
        villejuif = conn.scalar(sa.text("SELECT population FROM commune WHERE insee = '94076'"))
        pop = dict(conn.execute(sa.text(
            "SELECT insee, population FROM commune WHERE insee IN "
            "('94076', '94002', '2A004', '74010')")).all())
    # 2019: Villejuif (labelled) is a member of the labelled Métropole: once, not twice.
    assert rows[2019]["population"] == members.sum != members.sum + villejuif
    assert rows[2019]["communes"] == members.count
    assert rows[2018]["population"] == pop["94076"] + pop["94002"]
    assert rows[2020]["population"] == pop["94002"] + pop["2A004"] + pop["74010"]
    assert rows[2021]["population"] == members.sum


def test_region_filter_counts_an_epci_where_its_most_populous_member_is(data):
    idf = _compute(data, region=["11"])
    assert _rows(idf, "labelled_epci")[2019]["total"] == 1  # Paris is in Île-de-France
    assert _rows(idf, "labelled_commune")[2020]["total"] == 1  # Alfortville only
    corse = _compute(data, region=["94"])
    assert _rows(corse, "labelled_epci")[2019]["total"] == 0
    assert _rows(corse, "labelled_commune")[2020]["level_2"] == 1
    assert _rows(corse, "population")[2020]["population"] == _rows(
        _compute(data, departement=["2A"]), "population")[2020]["population"] > 0
    assert set(_rows(corse, "regions")) == {"Corse"}


def test_regions_of_the_latest_edition_with_their_share_of_population(data):
    rows = {r["code"]: r for r in _compute(data)["figures"]["regions"].rows}
    with data.connect() as conn:
        idf = conn.scalar(sa.text("SELECT sum(population) FROM commune "
                                  "WHERE region_code = '11'"))
        mgp = conn.scalar(sa.text("SELECT sum(population) FROM epci_member m JOIN commune c "
                                  "ON c.insee = m.commune_insee WHERE m.epci_siren = :s"),
                          {"s": MGP})
    assert rows["11"]["epci"] == 1 and rows["11"]["communes"] == 0  # 2021: the Métropole
    assert rows["11"]["covered"] == mgp
    assert rows["11"]["share"] == round(100 * mgp / idf, 1)
    assert rows["94"]["total"] == 0 and rows["94"]["share"] == 0
    assert "975" not in rows and len(rows) == 18  # 13 metropolitan + 5 overseas régions


def test_level_moves_between_two_editions(data):
    with data.connect() as conn:
        moves = figures.compute(conn, Filters(), figures.Editions(2018, 2019))
        default = figures.compute(conn, Filters())
    rows = {r["code"]: r for r in moves["figures"]["moves"].rows}
    assert rows["up"]["communes"] == 1  # Villejuif 3 → 4
    assert rows["not_renewed"]["communes"] == 1  # Alfortville, not in 2019
    assert rows["new"]["epci"] == 1 and rows["kept"]["total"] == rows["down"]["total"] == 0
    assert default["compared"] == [2020, 2021]
    rows = {r["code"]: r for r in default["figures"]["moves"].rows}
    assert rows["not_renewed"]["communes"] == 3 and rows["new"]["epci"] == 1


def test_editions_must_be_both_given_and_in_order():
    assert figures.parse_editions({}) == figures.Editions()
    assert figures.parse_editions({"edition_from": ["2018"], "edition_to": ["2020"]}) == \
        figures.Editions(2018, 2020)
    for args, param in (({"edition_from": ["2018"]}, "edition_to"),
                        ({"edition_from": ["2020"], "edition_to": ["2020"]}, "edition_from"),
                        ({"edition_from": ["deux"], "edition_to": ["2020"]}, "edition_from")):
        with pytest.raises(InvalidParameter) as err:
            figures.parse_editions(args)
        assert err.value.param == param


def test_initiatives_per_domain_and_year_keep_places_apart(data):
    result = _compute(data)
    domains = {r["code"]: r["initiatives"] for r in result["figures"]["domains"].rows}
    with data.connect() as conn:
        sql = dict(conn.execute(sa.text(
            "SELECT x.domain_code, count(*) FROM initiative_domain x JOIN initiative i "
            "ON i.id = x.initiative_id WHERE i.kind = 'initiative' GROUP BY 1")).all())
    assert {k: v for k, v in domains.items() if v} == sql
    assert domains["mediation"] == 1  # the place in médiation is not an initiative
    years = {r["year"]: r["initiatives"] for r in result["figures"]["years"].rows}
    assert years == {2015: 1, 2018: 1, 2019: 1, 2020: 1, 2021: 1, 2022: 1, 2023: 1}
    assert [(r["place_type"], r["places"]) for r in result["figures"]["places"].rows] == \
        [(HOSTILE, 1)]
    education = _compute(data, domain=["education"])
    assert {r["year"]: r["initiatives"] for r in education["figures"]["years"].rows} == \
        {2015: 1, 2019: 1}


def test_source_filter_applies_to_awards_and_initiatives(data):
    result = _compute(data, source=["figures-test"])
    assert result["editions"] == [2019, 2020]
    assert _rows(result, "labelled_epci")[2019]["total"] == 1
    assert _rows(result, "labelled_commune")[2020]["total"] == 1
    assert result["figures"]["domains"].rows and not any(
        r["initiatives"] for r in result["figures"]["domains"].rows)
    assert len(result["figures"]["places"].rows) == 1


def test_csv_is_for_a_french_spreadsheet_and_neutralises_formulas(data, config):
    from atlas.web import create_app

    client = create_app(config).test_client()
    r = client.get("/chiffres/places.csv")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    assert r.data.startswith("\ufeff".encode())
    assert 'filename="chiffres-places_' in r.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(r.data.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["Type de lieu", "Lieux"], ["'" + HOSTILE, "1"]]
    r = client.get("/chiffres/population.csv?region=11")
    rows = list(csv.reader(io.StringIO(r.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Édition", "Habitants couverts", "Communes couvertes",
                       "Part de la population (%)"]
    assert "," in rows[2][3] and "." not in rows[2][3]  # decimal comma
    assert "region-11" in r.headers["Content-Disposition"]
    assert client.get("/chiffres/nothing.csv").status_code == 404
    assert client.get("/chiffres/places.csv?region=xx").status_code == 400


def test_api_gives_the_page_figures_and_refuses_other_filters(data, config):
    from atlas.web import create_app

    client = create_app(config).test_client()
    r = client.get("/api/stats/label?region=11&edition_from=2018&edition_to=2019")
    assert r.status_code == 200
    body = r.get_json()
    assert body["compared"] == [2018, 2019] and body["filters"] == {"region": "11"}
    by_key = {f["key"]: f for f in body["figures"]}
    assert list(by_key) == ["labelled_commune", "labelled_epci", "population", "regions",
                            "moves", "domains", "years", "places"]
    with data.connect() as conn:
        expected = figures.compute(conn, Filters(region=("11",)), figures.Editions(2018, 2019))
    assert by_key["population"]["rows"] == list(expected["figures"]["population"].rows)
    assert client.get(r.request.url, headers={"If-None-Match": r.headers["ETag"]}
                      ).status_code == 304
    bad = client.get("/api/stats/label?level=4")
    assert bad.status_code == 400 and bad.get_json()["param"] == "level"
    bad = client.get("/api/stats/label?edition_from=2019")
    assert bad.status_code == 400 and bad.get_json()["param"] == "edition_to"


def test_page_shows_each_chart_with_its_table_and_text_as_text(data, config):
    from atlas.web import create_app

    client = create_app(config).test_client()
    html = client.get("/chiffres?utm_source=x").get_data(as_text=True)
    assert html.count('role="img"') >= 8 and html.count('<table class="data"') == 8
    assert html.count("<desc id=") >= 8 and "<title id=\"chart-regions-map-title\">" in html
    assert "&lt;b&gt;clic&lt;/b&gt;" in html and "<b>clic</b>" not in html
    assert "style=" not in html.split("<main", 1)[1]  # nothing for 'unsafe-inline'
    assert "<script" not in html.split("<main", 1)[1]
    assert client.get("/chiffres?region=1").status_code == 400
    # The map's header links here with the filters that apply.
    index = client.get("/?region=11&level=4&domain=education").get_data(as_text=True)
    assert 'href="/chiffres?domain=education&amp;region=11"' in index


def test_commune_page_draws_its_label_path_with_gaps_and_its_epci(data, config):
    from atlas.web import create_app

    client = create_app(config).test_client()
    html = client.get("/communes/94002").get_data(as_text=True)
    assert "Parcours dans le label : Alfortville" in html
    assert "pas de label en 2019, 2021" in html  # Alfortville: 2018, 2020; latest 2021
    assert "Label de l'intercommunalité : Métropole du Grand Paris" in html
    assert "2019 4 @, 2021 3 @" in html
    plain = client.get("/communes/75056").get_data(as_text=True)  # Paris: no own label
    assert "Pas de label enregistré pour cette commune." in plain


def test_charts_write_escaped_text_and_whole_axis_steps():
    svg = charts.bars("t", "Titre <x>", "Résumé & co", ["<b>a</b>"], [3])
    assert "<b>a</b>" not in svg and "&lt;b&gt;a&lt;/b&gt;" in svg
    assert 'aria-labelledby="t-title t-desc"' in svg and "Résumé &amp; co" in svg
    assert [charts._nice_max(v) for v in (0, 2, 5, 9, 33, 180, 7_142_540)] == \
        [4, 4, 8, 20, 40, 200, 8_000_000]
    assert [charts.share_class(v) for v in (None, 0, 0.4, 3, 12, 49.9, 50)] == \
        [0, 0, 1, 2, 3, 4, 5]
    steps = charts.steps("s", "t", "d", [2018, 2019, 2020], {2018: 3, 2020: 5})
    assert steps.count("3 @</text>") == 2 and "–" in steps  # axis label + step; the gap
