"""Loading initiatives and labels: every row loaded or rejected with its reason."""

from __future__ import annotations

import csv
import json

import openpyxl
import pytest
import sqlalchemy as sa

from loaders.records import Rejected, parse_level, parse_year


INITIATIVES = (
    "id;titre;résumé;année;domaines;ville;dep;lat;lon\n"
    "1;Tablettes à l'école;Des tablettes;2019;Éducation;Mureaux (Les);78;;\n"
    "2;Budget participatif;Vote en ligne;2019-2020;démocratie locale;Versailles;78;;\n"
    "3;Conseillers numériques;;2021;Médiation;Sainte-Colombe;;;\n"
    "4;Portail citoyen;;2020;services publics;Versailles;78;48.8049;2.1204\n"
    "5;Fablab;;2018;innovation;Versailles;78;2.1204;48.8049\n"
    "6;Atelier;;2020;mediation;Hazebrouk;59;;\n"
    "6;Atelier;;2020;mediation;Hazebrouk;59;;\n"
    "7;Wifi;;2020;Wifi public;CA Amiens Métropole;;;\n"
    "8;<img src=x onerror=alert(1)>;;2022;cohésion sociale; Inconnu ;;;\n"
    "9;Ateliers seniors;;n/c;médiation;Vergné;17;;\n"
    "10;Carte;;2023;Éducation;Ajaccio;20;40.0;-30.0\n"
    "11;Réseau;;2021;Coopération;CA Amiens Métropole;;;\n"
    "12;Site;;2021;Identité; Unknown-Domain;;;\n"
)


def load(atlas_cli, tmp_path, kind, name, content, *extra, encoding="utf-8"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode(encoding))
    rejects = tmp_path / f"rejects-{kind}.csv"
    r = atlas_cli("load", kind, str(path), "--rejects", str(rejects), *extra)
    rows = list(csv.DictReader(rejects.open(encoding="utf-8"))) if rejects.exists() else []
    return r, rows


def test_every_initiative_row_is_loaded_or_rejected_with_its_reason(clean, atlas_cli,
                                                                   tmp_path):
    r, rejects = load(atlas_cli, tmp_path, "initiatives", "fiches.csv", INITIATIVES,
                      "--map", "commune=ville", "--map", "departement=dep", "--source", "test",
                      encoding="cp1252")
    assert r.returncode == 0, r.stderr
    assert "read as" in r.stderr
    reasons = {row["id"]: row["reject_reason"] for row in rejects}
    assert reasons["2"] == "year '2019-2020' is a range: give one year"
    assert reasons["3"].startswith("ambiguous place") and "Sainte-Colombe (69, 69189)" in \
        next(row["candidates"] for row in rejects if row["id"] == "3")
    assert "lat and lon look swapped" in reasons["5"]
    assert reasons["6"] == "duplicate of line 7"
    assert reasons["7"] == "no known domain among Wifi public"
    assert reasons["8"].startswith("place not found")
    assert reasons["9"] == "year 'n/c' is not a year"
    assert "in no commune" in reasons["10"]
    with clean.connect() as conn:
        loaded_ids = set(conn.scalars(sa.text("SELECT source_id FROM initiative")))
        assert loaded_ids | set(reasons) == {str(i) for i in range(1, 13)}
        assert len(loaded_ids) + len(rejects) == 13  # every row exactly once
        row = conn.execute(sa.text("""
            SELECT commune_insee, geocode_method, ST_Equals(i.geom, c.point),
                   ARRAY(SELECT domain_code FROM initiative_domain WHERE initiative_id = i.id)
            FROM initiative i JOIN commune c ON c.insee = i.commune_insee
            WHERE source_id = '1'""")).one()
        assert row == ("78440", "name+departement", True, ["education"])
        at_point = conn.execute(sa.text(
            "SELECT ST_X(geom), ST_Y(geom) FROM initiative WHERE source_id = '4'")).one()
        assert at_point == (2.1204, 48.8049)
        epci = conn.execute(sa.text(
            "SELECT epci_siren, commune_insee FROM initiative WHERE source_id = '11'")).one()
        assert epci == ("248000531", None)
        # A plain file's source row: its name, nothing more, registered by the merge.
        assert conn.execute(sa.text(
            "SELECT name, title, attribution, licence FROM source")).all() == [
            ("test", "test", "test", None)]
    assert "test: 13 read, 4 loaded, 0 updated, 0 unchanged, 9 rejected" in r.stdout

    again, _ = load(atlas_cli, tmp_path, "initiatives", "fiches.csv", INITIATIVES,
                    "--map", "commune=ville", "--map", "departement=dep", "--source", "test",
                    encoding="cp1252")
    assert "0 loaded, 0 updated, 4 unchanged" in again.stdout
    changed = INITIATIVES.replace("Des tablettes", "Des tablettes et des robots")
    third, _ = load(atlas_cli, tmp_path, "initiatives", "fiches.csv", changed,
                    "--map", "commune=ville", "--map", "departement=dep", "--source", "test")
    assert "0 loaded, 1 updated, 3 unchanged" in third.stdout


def test_json_geojson_and_xlsx_read_the_same(clean, atlas_cli, tmp_path):
    records = [{"id": "a", "title": "Tablettes", "year": 2019, "domains": ["education", "robotique"],
                "commune": "Les Mureaux", "departement": "78"}]
    r, _ = load(atlas_cli, tmp_path, "initiatives", "f.json", json.dumps(records),
                "--source", "json")
    assert r.returncode == 0 and "1 loaded" in r.stdout, r.stdout + r.stderr
    assert "warning, unknown domain 'robotique' (row kept with its other domains): 1" \
        in r.stdout
    geo = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "b", "title": "Point", "year": 2020,
                                           "domains": "innovation"},
         "geometry": {"type": "Point", "coordinates": [2.1204, 48.8049]}}]}
    r, _ = load(atlas_cli, tmp_path, "initiatives", "f.geojson", json.dumps(geo),
                "--source", "geojson")
    assert "1 loaded" in r.stdout and "coordinates: 1" in r.stdout, r.stdout + r.stderr
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "Titre", "Année", "Domaines", "Ville", "Code postal"])
    sheet.append([1, "Tableur", 2021, "Médiation; Emploi", "Versailles", 78000])
    book.save(tmp_path / "f.xlsx")
    r, _ = load(atlas_cli, tmp_path, "initiatives", "f.xlsx", (tmp_path / "f.xlsx").read_bytes(),
                "--map", "code_postal=Code postal", "--source", "xlsx")
    assert "1 loaded" in r.stdout and "postcode+name: 1" in r.stdout, r.stdout + r.stderr
    with clean.connect() as conn:
        assert conn.scalar(sa.text("""
            SELECT array_agg(domain_code ORDER BY domain_code) FROM initiative_domain d
            JOIN initiative i ON i.id = d.initiative_id WHERE i.source = 'xlsx'""")) == \
            ["emploi", "mediation"]


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"commune;annee\nVersailles;2020\n", "missing column(s) title"),
    (b"[]", "the file holds no record"),
    (b"{not json", "not valid JSON"),
])
def test_unusable_files_are_refused_in_one_line(clean, atlas_cli, tmp_path, content, message):
    r, _ = load(atlas_cli, tmp_path, "initiatives", "bad.csv" if b"{" not in content
                else "bad.json", content)
    assert r.returncode == 1 and message in r.stderr and "Traceback" not in r.stderr


def test_labels_with_every_way_of_writing_a_level(clean, atlas_cli, tmp_path):
    content = ("collectivite;departement;annee;niveau;mentions\n"
               "Villejuif;94;2020;4@;\n"
               "Villejuif;94;2018;3 @;\n"
               "Alfortville;94;2019;@@@@@;Mention spéciale\n"
               "CA Amiens Métropole;;2021;quatre arobases;\n"
               "Versailles;78;2021;7;\n"
               "Versailles;78;2019-2020;3;\n"
               "Villejuif;94;2020;5;\n")
    r, rejects = load(atlas_cli, tmp_path, "labels", "palmares.csv", content)
    assert r.returncode == 0, r.stderr
    assert "7 read, 4 loaded" in r.stdout
    assert [row["reject_reason"] for row in rejects] == [
        "label level 7 is outside 1..5", "year '2019-2020' is a range: give one year",
        "duplicate of line 2 (same collectivité and year)"]
    with clean.connect() as conn:
        got = conn.execute(sa.text(
            "SELECT coalesce(commune_insee, epci_siren), year, level, mentions "
            "FROM label_award ORDER BY 1, 2")).all()
    assert got == [("248000531", 2021, 4, []), ("94002", 2019, 5, ["Mention spéciale"]),
                   ("94076", 2018, 3, []), ("94076", 2020, 4, [])]
    again, _ = load(atlas_cli, tmp_path, "labels", "palmares.csv", content)
    assert "0 loaded, 0 updated, 4 unchanged" in again.stdout


@pytest.mark.parametrize("text, level", [("4", 4), ("4@", 4), ("4 @", 4), ("@@@@", 4),
                                         ("5 arobases", 5), ("cinq arobases", 5),
                                         ("4/5", 4), ("quatrième arobase", 4),
                                         ("une quatrième arobase", 4), ("sa 4e arobase", 4),
                                         ("4ème @", 4), ("4 arobas", 4)])
def test_levels(text, level):
    assert parse_level(text) == level


@pytest.mark.parametrize("text", ["7", "0", "beaucoup", "", "4e", "quatrième"])
def test_bad_levels(text):
    with pytest.raises(Rejected):
        parse_level(text)


@pytest.mark.parametrize("text, year", [("2019", 2019), ("2019.0", 2019), ("", None)])
def test_years(text, year):
    assert parse_year(text) == year
