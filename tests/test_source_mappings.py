"""Declared sources: mapping validation, the two real national lists loaded end to end
(every row in the database or in the rejects file, disagreements counted and listed, no
contact detail imported, re-load idempotent), and a third source with no code."""

from __future__ import annotations

import csv
import json
import re

import pytest
import sqlalchemy as sa


from atlas.errors import InputError
from loaders import mapping, pipeline
from tests.cli import in_process

CODES = {"services-publics", "mediation", "education"}
MINIMAL = """
[source]
name = "test-source"
title = "Test"
attribution = "Test, 2024, Licence Ouverte 2.0"

[file]
path = "x.csv"

[records]
kind = "place"
place_type = "Médiathèque"
domains = ["mediation"]

[columns]
title = "nom"
"""


def write_mapping(tmp_path, text: str, name: str = "third.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_mappings_are_valid():
    found = {p.stem: mapping.read(p) for p in mapping.every()}
    assert set(found) == {"france-services", "conseillers-numeriques",
                          "label-awards-press-facts"}
    fs = found["france-services"]
    assert (fs.kind, fs.place_type, fs.source.licence) == (
        "place", "France Services", "Licence Ouverte 2.0")
    assert {"mail", "telephone", "commentaire"} <= set(fs.personal)


@pytest.mark.parametrize("change, message", [
    (("[records]", "[records]\nshape = 1"), "unknown key records.shape (known: kind,"),
    (("[columns]", "[colums]"), "unknown table [colums]"),
    (('title = "Test"\n', ""), "missing key source.title"),
    (('domains = ["mediation"]', 'domains = ["mediation", "robotique"]'),
     "unknown domain 'robotique'"),
    (('kind = "place"', 'kind = "lieu"'), "records.kind must be one of 'initiative', 'place', 'label'"),
    (('kind = "place"', 'kind = "initiative"'), "place_type is only for records.kind"),
    (('name = "test-source"', 'name = "Test Source"'), "lower-case words joined by '-'"),
    (('domains = ["mediation"]', 'domains = "mediation"'), "records.domains must be a list"),
    (('domains = ["mediation"]', "tolerance_m = -5"), "tolerance_m must be a positive"),
    (('domains = ["mediation"]', "keep_disagreements = 1"),
     "keep_disagreements must be true or false"),
    (("", '\n[date]\ncolumn = "d"\nformat = "%d/%m"\n'), "must contain %Y"),
    (("", '\n[attributes]\nouvert = { column = "o", type = "yesno" }\n'),
     "attributes.ouvert.type 'yesno' is not one of"),
    (("", '\n[attributes]\nquand = { column = "q", type = "date" }\n'),
     "a date needs a format"),
    (("", '\n[attributes]\nmail = "courriel"\n[personal]\ncolumns = ["courriel"]\n'),
     "'courriel' is listed under [personal] and also read"),
    (("", '\n[[reject]]\ncolumn = "nom"\npattern = "(("\nreason = "x"\n'),
     "is not a regular expression"),
    (("[file]", "[file"), "not valid TOML"),
])
def test_a_bad_mapping_is_refused_naming_the_key(tmp_path, change, message):
    old, new = change
    text = MINIMAL.replace(old, new, 1) if old else MINIMAL + new
    with pytest.raises(InputError, match=re.escape(message)):
        mapping.read(write_mapping(tmp_path, text), CODES)


def test_an_unknown_mapping_name_lists_the_known_ones():
    with pytest.raises(InputError, match="known: conseillers-numeriques, france-services, "
                                         "label-awards-press-facts"):
        mapping.find("france-service")


# -- the real national lists ------------------------------------------------------------

FS_FILE = "france-services-2024-08-01/liste-fs-20240801.csv"
CN_FILE = "conseillers-numeriques-structures-2021-06/cnfs.json"


@pytest.fixture(scope="module")
def real_load(with_domains, config, tmp_path_factory):
    """Both lists loaded once by the command make demo runs; (stdout, reports folder)."""
    if config.datasets is None:
        pytest.fail("these tests need the national lists: set ATLAS_DATASETS")
    reports = tmp_path_factory.mktemp("reports")
    r = in_process(["load", "source", "france-services", "conseillers-numeriques",
                    "--reports", str(reports)], {"ATLAS_DATABASE_URL": config.database_url})
    assert r.returncode == 0, r.stderr
    yield r.stdout, reports
    with pipeline.transaction(with_domains) as w:
        w.conn.execute(sa.text("TRUNCATE initiative, initiative_domain, source CASCADE"))
        w.changes.every_initiative = True


def _rows(path):
    return list(csv.DictReader(path.open(encoding="utf-8"))) if path.exists() else []


def test_every_row_of_both_lists_is_loaded_or_rejected_with_its_reason(real_load, config,
                                                                      with_domains):
    stdout, reports = real_load
    assert "anct-france-services-2024-08-01: 2845 read, 2845 loaded, 0 updated, " \
           "0 unchanged, 0 rejected" in stdout
    assert "anct-conseillers-numeriques-2021-06: 1450 read, 1441 loaded, 0 updated, " \
           "0 unchanged, 9 rejected" in stdout
    # Nothing rejected: the file has its header only, so an older one never lingers.
    assert (reports / "rejects-france-services.csv").read_text(
        encoding="utf-8").count("\n") == 1
    rejects = _rows(reports / "rejects-conseillers-numeriques.csv")
    reasons = {}
    for row in rejects:
        reasons.setdefault(row["reject_reason"], set()).add(row["id"])
    assert reasons == {
        "no title": {"7", "475", "539", "569", "570", "1189", "1324"},  # placeholder rows
        "a person's name (entrepreneur individuel): not published": {"523", "1340"}}

    with open(config.datasets / FS_FILE, encoding="utf-8") as f:
        fs_ids = {row["id_fs"] for row in csv.DictReader(f)}
    cn_ids = {str(r["id"]) for r in json.loads((config.datasets / CN_FILE).read_text())}
    with with_domains.connect() as conn:
        loaded = dict(conn.execute(sa.text(
            "SELECT source, array_agg(source_id) FROM initiative GROUP BY source")).all())
    assert len(fs_ids) == 2845 and set(loaded["anct-france-services-2024-08-01"]) == fs_ids
    rejected = {row["id"] for row in rejects}
    assert len(cn_ids) == 1450 and not rejected & set(
        loaded["anct-conseillers-numeriques-2021-06"])
    assert set(loaded["anct-conseillers-numeriques-2021-06"]) | rejected == cn_ids


def test_disagreements_are_counted_listed_and_answered_by_the_majority(real_load,
                                                                       with_domains):
    stdout, reports = real_load
    counts = {}
    for name in ("france-services", "conseillers-numeriques"):
        for row in _rows(reports / f"disagreements-{name}.csv"):
            for kind in row["disagreements"].split(" | "):
                counts[(name, kind)] = counts.get((name, kind), 0) + 1
    # The old names of renamed communes (Oissel for Oissel-sur-Seine) and La Poste's
    # localities agree with their code: only a commune nouvelle named anew (Capavenir
    # Vosges, now Thaon-les-Vosges) is left where code and name disagree.
    assert counts == {
        ("france-services", "postcode of another département"): 2,
        ("france-services", "point not checked (commune without outline)"): 2,
        ("conseillers-numeriques", "INSEE code and name disagree"): 1,
        ("conseillers-numeriques", "point outside its commune"): 7}
    assert "kept with a disagreement, point outside its commune: 7" in stdout
    assert "kept with a disagreement, postcode of another département: 2" in stdout
    with with_domains.connect() as conn:
        def place(source_id, source):
            return conn.execute(sa.text("""
                SELECT i.commune_insee, ST_Equals(i.geom, c.point), ST_X(i.geom), ST_Y(i.geom)
                FROM initiative i LEFT JOIN commune c ON c.insee = i.commune_insee
                WHERE i.source_id = :id AND i.source = :source"""),
                {"id": source_id, "source": source}).one()
        cn, fs = "anct-conseillers-numeriques-2021-06", "anct-france-services-2024-08-01"
        # Boitron's point lies 464 km away, in Lot-et-Garonne: the record sits in Boitron.
        assert place("874", cn)[:2] == ("61051", True)
        # Oissel is now Oissel-sur-Seine: code, old name and point agree, the point is kept.
        assert place("445", fs) == ("76484", False, 1.097003, 49.35997)
        # Saint-Martin has no outline to check against: the stated point is all there is.
        assert place("1684", fs)[0] == "97801" and place("1684", fs)[2] == -63.1008307167659


def test_places_carry_their_type_attributes_year_domains_and_source(real_load,
                                                                    with_domains):
    with with_domains.connect() as conn:
        kinds = conn.execute(sa.text("""
            SELECT source, kind, place_type, count(*), min(year), max(year) FROM initiative
            GROUP BY 1, 2, 3 ORDER BY 1""")).all()
        assert kinds == [
            ("anct-conseillers-numeriques-2021-06", "place", "Conseiller numérique", 1441,
             2021, 2021),
            ("anct-france-services-2024-08-01", "place", "France Services", 2845, 2020, 2024)]
        fs = conn.execute(sa.text("""
            SELECT title, year, attributes, ARRAY(SELECT domain_code FROM initiative_domain
                                                  WHERE initiative_id = i.id ORDER BY 1)
            FROM initiative i WHERE source_id = '1' AND kind = 'place'
              AND place_type = 'France Services'""")).one()
        assert fs[:2] == ("France services de Valserhône", 2020)
        assert fs[2]["date_labellisation"] == "2020-01-01"
        assert fs[2]["horaires_mardi"] == "09:00 - 12:00 / 13:30 - 17:00"
        assert fs[2]["prise_rdv"] is False and "horaires_samedi" not in fs[2]
        assert fs[3] == ["mediation", "services-publics"]
        cn = conn.scalar(sa.text("""
            SELECT attributes FROM initiative WHERE source_id = '1'
              AND source = 'anct-conseillers-numeriques-2021-06'"""))
        assert cn == {"siret": "20004293500011", "statut": "publique", "nb_postes": 5,
                      "financement_etat_estime": 274025, "zrr": False, "qpv": True,
                      "france_services": False, "date_validation": "2021-05-19",
                      "adresse": "57 RUE RENE NICOD\n01100 OYONNAX"}
        # A key the file lacks (qpv is only given when true) stays absent, not false.
        assert conn.scalar(sa.text("""
            SELECT count(*) FROM initiative WHERE place_type = 'Conseiller numérique'
              AND NOT attributes ? 'qpv'""")) > 700
        sources = conn.execute(sa.text(
            "SELECT name, title, edition, licence, attribution, synthetic, loaded_at IS NOT "
            "NULL FROM source ORDER BY name")).all()
    assert sources == [
        ("anct-conseillers-numeriques-2021-06",
         "ANCT – Conseiller numérique France Services, structures validées", "2021-06",
         "Licence Ouverte 2.0", "ANCT – Conseiller numérique France Services, structures "
         "validées, 2021-06, Licence Ouverte 2.0", False, True),
        ("anct-france-services-2024-08-01", "ANCT – France Services", "2024-08-01",
         "Licence Ouverte 2.0", "ANCT – France Services, 2024-08-01, Licence Ouverte 2.0",
         False, True)]


def test_no_e_mail_address_or_telephone_number_is_imported(real_load, config, with_domains):
    with open(config.datasets / FS_FILE, encoding="utf-8") as f:
        first = next(csv.DictReader(f))
    with with_domains.connect() as conn:
        texts = conn.scalars(sa.text(
            "SELECT concat_ws(' ', title, summary, url, attributes::text) FROM initiative")
        ).all()
    assert len(texts) == 2845 + 1441
    everything = "\n".join(texts)
    assert first["mail"] not in everything and first["telephone"] not in everything
    assert not mapping._EMAIL.search(everything)
    assert not mapping._PHONE.search(everything)
    _, reports = real_load
    header = next(csv.reader((reports / "disagreements-france-services.csv").open()))
    assert not {"mail", "telephone", "commentaire"} & set(header)


def test_reloading_both_lists_changes_nothing(real_load, atlas_cli, with_domains, tmp_path):
    state = sa.text("SELECT max(updated_at), (SELECT array_agg(loaded_at ORDER BY name) "
                    "FROM source), (SELECT version FROM data_version) FROM initiative")
    with with_domains.connect() as conn:
        before = conn.execute(state).one()
    again = atlas_cli("load", "source", "france-services", "conseillers-numeriques",
                      "--reports", str(tmp_path))
    assert again.returncode == 0, again.stderr
    assert "2845 read, 0 loaded, 0 updated, 2845 unchanged, 0 rejected, 0 removed" \
        in again.stdout
    assert "1450 read, 0 loaded, 0 updated, 1441 unchanged, 9 rejected, 0 removed" \
        in again.stdout
    with with_domains.connect() as conn:
        assert conn.execute(state).one() == before  # nor the data version


def test_a_plain_load_under_a_declared_name_keeps_its_description(real_load, atlas_cli,
                                                                  with_domains, tmp_path):
    extra = tmp_path / "extra.csv"
    extra.write_text("id;titre;ville;dep\nx1;Atelier;Versailles;78\n", encoding="utf-8")
    r = atlas_cli("load", "initiatives", str(extra), "--map", "commune=ville", "--map",
                  "departement=dep", "--source", "anct-france-services-2024-08-01",
                  "--keep-missing", "--rejects", str(tmp_path / "rejects.csv"))
    assert r.returncode == 0, r.stderr
    assert "1 read, 1 loaded, 0 updated, 0 unchanged, 0 rejected, 0 removed" in r.stdout
    with with_domains.begin() as conn:
        assert conn.scalar(sa.text(
            "SELECT attribution FROM source WHERE name = 'anct-france-services-2024-08-01'")
        ) == "ANCT – France Services, 2024-08-01, Licence Ouverte 2.0"
    removed = pipeline.delete_initiative(with_domains, "anct-france-services-2024-08-01", "x1")
    assert removed.removed == 1


# -- a third source, declared by a mapping file alone -------------------------------------

THIRD = MINIMAL.replace('path = "x.csv"', 'path = "mediatheques.csv"') + """
id = "code"
insee = "insee"
commune = "ville"
code_postal = "cp"
lat = "lat"
lon = "lon"

[date]
column = "ouverture"
format = "%d/%m/%Y"
attribute = "date_ouverture"

[attributes]
wifi = { column = "wifi", type = "boolean" }
postes = { column = "postes", type = "integer" }

[personal]
columns = ["responsable_tel"]
"""
THIRD_ROWS = (
    "code;nom;insee;ville;cp;lat;lon;ouverture;wifi;postes;responsable_tel\n"
    "m1;Médiathèque de Versailles;78646;Versailles;78000;48.8049;2.1204;01/03/2019;oui;12;"
    "06 12 34 56 78\n"
    "m2;Médiathèque des Mureaux;78440;Les Mureaux;87130;;;15/09/2021;non;4;\n"
    "m3;Point lecture;78646;Versailles;78000;;;2020;oui;2;\n"
    "m4;Bus numérique;78646;Versailles;78000;;;01/01/2022;peut-être;1;\n"
    "m5;Cyberbase;78440;Les Mureaux;78130;48.8566;2.3522;01/01/2022;oui;6;\n"
)


@pytest.mark.parametrize("keep", [True, False])
def test_a_third_source_needs_only_a_mapping_file(with_domains, atlas_cli, tmp_path, keep):
    path = write_mapping(tmp_path, THIRD.replace(
        'domains = ["mediation"]', f'domains = ["mediation"]\nkeep_disagreements = {keep}'
        .lower()))
    data = tmp_path / "mediatheques.csv"
    data.write_text(THIRD_ROWS, encoding="utf-8")
    r = atlas_cli("load", "source", str(path), "--reports", str(tmp_path),
                  env={"ATLAS_DATASETS": str(tmp_path)})
    assert r.returncode == 0, r.stderr
    rejects = {row["code"]: row["reject_reason"] for row in _rows(tmp_path /
                                                                   "rejects-third.csv")}
    disputed = {row["code"]: row["disagreements"] for row in _rows(
        tmp_path / "disagreements-third.csv")}
    assert {k: rejects.pop(k) for k in ("m3", "m4")} == {
        "m3": "date '2020' does not read as '%d/%m/%Y'",
        "m4": "wifi 'peut-être' is neither yes nor no"}
    # m2: 87130 is a postcode of the Haute-Vienne, listed either way; m5: the point is in
    # Paris, 33 km from Les Mureaux: kept there on request, else rejected as ambiguous.
    assert disputed.pop("m2") == "postcode of another département"
    if keep:
        assert "test-source: 5 read, 3 loaded, 0 updated, 0 unchanged, 2 rejected" in r.stdout
        assert (rejects, disputed) == ({}, {"m5": "point outside its commune"})
    else:
        assert "test-source: 5 read, 2 loaded, 0 updated, 0 unchanged, 3 rejected" in r.stdout
        assert disputed == {} and rejects["m5"].startswith("ambiguous place: the point is "
                                                           "in Paris (75, 75056), 33.3 km")
    assert "responsable_tel" not in (tmp_path / "rejects-third.csv").read_text()
    with with_domains.begin() as conn:
        got = conn.execute(sa.text("""
            SELECT source_id, kind, place_type, year, commune_insee, attributes
            FROM initiative WHERE source = 'test-source' ORDER BY source_id""")).all()
        conn.execute(sa.text("DELETE FROM initiative WHERE source = 'test-source'"))
        conn.execute(sa.text("DELETE FROM source WHERE name = 'test-source'"))
    assert got == [
        ("m1", "place", "Médiathèque", 2019, "78646",
         {"wifi": True, "postes": 12, "date_ouverture": "2019-03-01"}),
        ("m2", "place", "Médiathèque", 2021, "78440",
         {"wifi": False, "postes": 4, "date_ouverture": "2021-09-15"}),
        ("m5", "place", "Médiathèque", 2022, "78440",
         {"wifi": True, "postes": 6, "date_ouverture": "2022-01-01"})][:3 if keep else 2]


@pytest.mark.parametrize("change, message", [
    (('lon = "lon"', 'lon = "longitude"'), "has no column 'longitude'"),
    (("wifi = { column", 'contact = "responsable_tel"\nwifi = { column'),
     "is listed under [personal] and also read"),
    (('columns = ["responsable_tel"]', "columns = []"), None),
])
def test_a_mapping_that_does_not_fit_its_file_loads_nothing(with_domains, atlas_cli,
                                                           tmp_path, change, message):
    text = THIRD.replace(*change)
    if message is None:  # the telephone column kept as an attribute, by mistake
        text = text.replace("[attributes]", '[attributes]\ncontact = "responsable_tel"')
        message = "attribute contact holds what looks like an e-mail address or a " \
                  "telephone number ('06 12 34 56 78'"
    path = write_mapping(tmp_path, text)
    (tmp_path / "mediatheques.csv").write_text(THIRD_ROWS, encoding="utf-8")
    r = atlas_cli("load", "source", str(path), "--reports", str(tmp_path),
                  env={"ATLAS_DATASETS": str(tmp_path)})
    assert r.returncode == 1 and message in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text(
            "SELECT count(*) FROM initiative WHERE source = 'test-source'")) == 0


SHIPPED = [mapping.read(mapping.find(n)) for n in ("france-services", "conseillers-numeriques")]


def test_the_api_tells_places_from_initiatives_with_their_source(real_load, config):
    from atlas.web import create_app

    api = create_app(config).test_client()
    stats = api.get("/api/stats?source=" + ",".join(m.source.name for m in SHIPPED)).json
    kinds = {k["value"]: k["count"] for k in stats["facets"]["kind"]}
    types = {k["value"]: k["count"] for k in stats["facets"]["place_type"]}
    assert kinds == {"place": 2845 + 1441}
    assert types == {"France Services": 2845, "Conseiller numérique": 1441}
    page = api.get("/api/initiatives?place_type=France%20Services&departement=2A&limit=1").json
    p = page["features"][0]["properties"]
    assert p["kind"] == "place" and p["place_type"] == "France Services"
    assert p["attribution"] == "ANCT – France Services, 2024-08-01, Licence Ouverte 2.0"
    assert p["licence"] == "Licence Ouverte 2.0" and p["synthetic"] is False
    assert api.get("/api/initiatives?kind=lieu").json["param"] == "kind"
