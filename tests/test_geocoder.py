"""The geocoder on the national reference: generated and hand-written cases."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest
import sqlalchemy as sa

from atlas.errors import InputError
from atlas.names import arrondissement, key
from loaders import cog as cog_reader
from loaders.geocoder import AMBIGUOUS, MATCHED, Geocoder, Reference, postal
from tests.geocoder_cases import TRICKY, cases, former_names, messy


@pytest.fixture(scope="module")
def geocoder(loaded):
    with loaded.connect() as conn:
        return Geocoder.from_db(conn)


@pytest.fixture(scope="module")
def the_cog(config):
    return cog_reader.read(config.geodata / "cog")


@pytest.mark.parametrize("name, expected", [
    ("Mureaux (Les)", "mureaux"), ("LES MUREAUX", "mureaux"), ("Mureaux, Les", "mureaux"),
    ("ST MAURICE LA CLOUERE", "saint maurice la clouere"),
    ("Marcq-en-Barœul", "marcq en baroeul"), ("Ste-Colombe", "sainte colombe"),
    ("Abergement-Clémenciat (L')", "abergement clemenciat"),
])
def test_name_keys(name, expected):
    assert key(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("Paris 15e", ("paris", 15)), ("PARIS XVe", ("paris", 15)), ("Lyon 3ème", ("lyon", 3)),
    ("Marseille 13e Arrondissement", ("marseille", 13)), ("Paris 1er", ("paris", 1)),
    ("Paris", None), ("Parisot", None),
])
def test_arrondissement_spellings(name, expected):
    assert arrondissement(name) == expected


@pytest.mark.parametrize("ref, insee, status", TRICKY,
                         ids=[str({k: v for k, v in r.__dict__.items() if v}) for r, _, _ in TRICKY])
def test_hand_written_cases(geocoder, ref, insee, status):
    m = geocoder.geocode(ref)
    assert (m.status, m.insee) == (status, insee), m


def test_generated_cases_are_right_and_never_wrong(geocoder, the_cog):
    results = defaultdict(Counter)
    wrong = []
    for kind, ref, insee, status in cases(the_cog, n=800, seed=1):
        m = geocoder.geocode(ref)
        if m.status == MATCHED and insee is not None and m.insee != insee:
            wrong.append((kind, ref, insee, m))
        elif status == AMBIGUOUS and m.status == MATCHED:
            wrong.append((kind, ref, insee, m))
        results[kind]["right" if (m.status, m.insee) == (status, insee) else "missed"] += 1
    total = sum(sum(c.values()) for c in results.values())
    right = sum(c["right"] for c in results.values())
    assert wrong == [], wrong[:5]
    assert total > 5000
    print({k: dict(v) for k, v in results.items()}, right / total)
    assert right / total >= 0.995, dict(results)


def test_ambiguous_answers_list_candidates_with_departement(geocoder):
    m = geocoder.geocode(Reference(commune="Saint-Denis"))
    assert m.status == AMBIGUOUS
    assert "Saint-Denis (93, 93066)" in m.candidates and "Saint-Denis (974, 97411)" in \
        m.candidates


def test_epci_by_name_and_siren(geocoder):
    for text in ("CA Amiens Métropole", "Communauté d'agglomération Amiens Métropole"):
        m = geocoder.geocode(Reference(commune=text))
        assert (m.status, m.epci_siren, m.insee) == (MATCHED, "248000531", None)
    assert geocoder.geocode(Reference(insee="248000531")).epci_siren == "248000531"


def test_coordinates_in_postgis_cross_checked(geocoder, loaded):
    refs = [Reference(lat="48.8049", lon="2.1204"),  # Versailles
            Reference(lat="2.1204", lon="48.8049"),  # swapped
            Reference(lat="40.0", lon="-30.0"),  # the Atlantic
            Reference(lat="n/c", lon="x"),
            Reference(commune="Versailles", lat="48.8049", lon="2.1204"),
            Reference(commune="Versailles", lat="48.99", lon="1.91")]  # point in Les Mureaux
    with loaded.connect() as conn:
        got = geocoder.geocode_many(refs, conn)
    assert (got[0].status, got[0].insee, got[0].method) == (MATCHED, "78646", "coordinates")
    assert got[1].status == "unmatched" and "swapped" in got[1].note
    assert got[2].status == "unmatched" and "in no commune" in got[2].note
    assert got[3].status == "unmatched" and "not numbers" in got[3].note
    assert (got[4].status, got[4].insee, got[4].score) == (MATCHED, "78646", 1.0)
    assert got[5].status == AMBIGUOUS and len(got[5].candidates) == 2


def test_geocode_csv_keeps_every_row_in_order(loaded, atlas_cli, tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes("ville;dep;note\nMureaux (Les);78;a\nSainte-Colombe;;b\n"
                    "Saint-Étienne;42;c\n;;d\n".encode("cp1252"))
    out = tmp_path / "out.csv"
    r = atlas_cli("geocode", str(src), "-o", str(out), "--map", "commune=ville",
                  "--map", "departement=dep")
    assert r.returncode == 0, r.stderr
    assert "read as Windows Latin-1" in r.stderr
    import csv

    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [row["note"] for row in rows] == ["a", "b", "c", "d"]
    assert [row["match_status"] for row in rows] == [MATCHED, AMBIGUOUS, MATCHED, "unmatched"]
    assert rows[2]["insee_code"] == "42218" and rows[2]["ville"] == "Saint-Étienne"
    assert "Sainte-Colombe (69, 69189)" in rows[1]["candidates"]


def test_disagreements_rejected_by_default_kept_with_the_majority_on_request(geocoder, loaded):
    from loaders.geocoder import (CODE_VS_NAME, POINT_FAR, POINT_NOWHERE,
                                  POSTCODE_ELSEWHERE)

    refs = [
        # Boitron (Orne) by code, name and postcode; the point is in Lot-et-Garonne.
        Reference(insee="61051", commune="Boitron", code_postal="61500",
                  lat="44.3796", lon="0.5254"),
        # The neighbour's name: the code and the point (both Oissel-sur-Seine) agree.
        Reference(insee="76484", commune="Saint-Étienne-du-Rouvray", lat="49.35997",
                  lon="1.097003"),
        # A postcode typo (06922 for 69220): code, name and point agree.
        Reference(insee="69019", commune="Belleville-en-Beaujolais", code_postal="06922",
                  lat="46.106372", lon="4.737135"),
        # At sea, 31 m off Audierne: within the tolerance.
        Reference(insee="29003", commune="Audierne", lat="48.0262405587251",
                  lon="-4.53627718232264"),
        # In the Atlantic, far from Ajaccio.
        Reference(insee="2A004", commune="Ajaccio", lat="40.0", lon="-30.0"),
    ]
    with loaded.connect() as conn:
        strict = geocoder.geocode_many(refs, conn)
        kept = geocoder.geocode_many(refs, conn, keep_disputed=True)
        tight = geocoder.geocode_many(refs[3:4], conn, tolerance=10, keep_disputed=True)
    assert [m.status for m in strict] == [AMBIGUOUS, AMBIGUOUS, MATCHED, MATCHED, "unmatched"]
    assert [(m.status, m.insee, m.disagreements, m.at_point) for m in kept] == [
        (MATCHED, "61051", (POINT_FAR,), False),
        (MATCHED, "76484", (CODE_VS_NAME,), True),
        (MATCHED, "69019", (POSTCODE_ELSEWHERE,), True),
        (MATCHED, "29003", (), True),
        (MATCHED, "2A004", (POINT_NOWHERE,), False)]
    assert strict[2].disagreements == (POSTCODE_ELSEWHERE,)  # listed in both modes
    assert "464.5 km from Boitron (61, 61051)" in kept[0].note
    assert "the point is in Le Temple-sur-Lot (47, 47306)" in kept[0].note
    assert tight[0].disagreements == (POINT_NOWHERE,)


def test_a_point_tells_homonyms_apart_but_not_a_contradiction_without_a_majority(geocoder,
                                                                                   loaded):
    refs = [Reference(commune="Sainte-Colombe", lat="45.5235", lon="4.8661"),  # 69189
            # The code says Versailles, the name Les Mureaux, the point Paris: no majority.
            Reference(insee="78646", commune="Les Mureaux", lat="48.8566", lon="2.3522")]
    with loaded.connect() as conn:
        got = geocoder.geocode_many(refs, conn, keep_disputed=True)
    assert (got[0].status, got[0].insee, got[0].disagreements) == (MATCHED, "69189", ())
    assert got[1].status == AMBIGUOUS and got[1].insee is None


# -- references as real files print them (issue 19) -----------------------------------

@pytest.mark.parametrize("name, clean, noise, postcode", [
    ("AMIENS CEDEX 1", "AMIENS", "CEDEX 1", None),
    ("Paris Cédex 07", "Paris", "Cédex 07", None),
    ("ROUEN CEDEX BP 434", "ROUEN", "CEDEX BP 434", None),
    ("TOURCOING CS 40012", "TOURCOING", "CS 40012", None),
    ("GUERET 23000", "GUERET", "23000", "23000"),
    ("Jugon-les-Lacs - Commune nouvelle", "Jugon-les-Lacs", "Commune nouvelle", None),
    ("Mureaux (Les)", "Mureaux (Les)", "", None),  # an article in brackets stays
    ("Bpuy", "Bpuy", "", None),  # only whole words with their number are postal
])
def test_postal_mentions_are_taken_off_the_name(name, clean, noise, postcode):
    assert postal.strip_noise(name) == (clean, noise, postcode)


# (reference, insee, method): each new rule, written the way address files write it.
POSTAL_CASES = [
    (Reference(commune="AMIENS CEDEX 1", code_postal="80094"), "80021",
     "name+postcode_departement+postal_noise"),  # a CEDEX postcode: no commune's
    (Reference(commune="PARIS CEDEX 07", code_postal="75340"), "75056",
     "name+postcode_departement+postal_noise"),
    (Reference(commune="GUERET 23000"), "23096", "postcode+name+postal_noise"),
    (Reference(commune="NANTES TSA 10717", code_postal="44000"), "44109",
     "postcode+name+postal_noise"),
    (Reference(commune="TOURCOING CS 40012", code_postal="59200"), "59599",
     "postcode+name+postal_noise"),
    (Reference(commune="PARIS 7", code_postal="75007"), "75056", "arrondissement"),
    (Reference(commune="LYON 3EME", code_postal="69003"), "69123", "arrondissement"),
    (Reference(commune="MARSEILLE 13E", code_postal="13013"), "13055", "arrondissement"),
    # Renamed Boyeux-Saint-Jérôme, written with its old name and its postcode: not
    # Joyeux, one letter away in the same département but under another postcode.
    (Reference(commune="BOYEUX", code_postal="01640"), "01056", "postcode+name_head"),
    (Reference(commune="Anizy", code_postal="02320"), "02018", "postcode+name_head"),
    (Reference(commune="Alliquerville", code_postal="76210"), "76715",
     "postcode+name_part"),  # merged into Trouville-Alliquerville
    (Reference(commune="Champdeniers-Saint-Denis", code_postal="79220"), "79066",
     "postcode+name_extends"),  # the commune nouvelle took back the name Champdeniers
    (Reference(commune="PUYRICARD", code_postal="13540"), "13001", "postcode+locality"),
    (Reference(commune="Puyricard", departement="13"), "13001", "departement+locality"),
    (Reference(commune="ST GEORGES DE L OYAPOCK", code_postal="97313"), "97308",
     "postcode+locality"),
    (Reference(commune="TONATE-MACOURIA", code_postal="97355"), "97305",
     "postcode+name_contains"),
    (Reference(commune="TONATE MACOURIA", departement="973"), "97305",
     "departement+name_contains"),
    (Reference(commune="JOYEU", code_postal="01800"), "01198", "fuzzy+postcode"),
    (Reference(commune="Champagné"), "72054", "name+exact_spelling"),
    (Reference(commune="CHAMPAGNE", departement="72"), "72054", "name+departement"),
]


@pytest.mark.parametrize("ref, insee, method", POSTAL_CASES,
                         ids=[r.commune + (f" {r.code_postal or r.departement}")
                              for r, _, _ in POSTAL_CASES])
def test_references_as_address_files_print_them(geocoder, ref, insee, method):
    m = geocoder.geocode(ref)
    assert (m.status, m.insee, m.method) == (MATCHED, insee, method), m


def test_the_arrondissement_and_the_postal_mentions_are_noted(geocoder):
    assert geocoder.geocode(Reference(commune="PARIS 7", code_postal="75007")).note == \
        "arrondissement 7"
    m = geocoder.geocode(Reference(commune="AMIENS CEDEX 1", code_postal="80094"))
    assert "postcode 80094 is no commune's" in m.note and "'CEDEX 1' ignored" in m.note


@pytest.mark.parametrize("ref, expected, note", [
    # One typo from Joyeux, but the postcode is Boyeux-Saint-Jérôme's: not guessed.
    (Reference(commune="JOYEU", code_postal="01640"), {"01198"}, "postcodes do not"),
    # "Villeneuve" heads two communes of Lot-et-Garonne.
    (Reference(commune="Villeneuve", departement="47"), {"47321", "47323"},
     "fits several communes"),
    # Dropped accents: Champagne (07), Champagne (17) or Champagné (72).
    (Reference(commune="Champagne"), {"07051", "17083", "72054"}, "homonyms"),
    # Only an overseas locality is read as "locality-commune".
    (Reference(commune="Tonate-Macouria"), set(), "no commune of that name"),
])
def test_what_the_looser_rules_never_guess(geocoder, ref, expected, note):
    m = geocoder.geocode(ref)
    assert m.status != MATCHED and m.candidate_codes() == expected, m
    assert note in m.note


def test_an_unaccented_name_is_ambiguous_beside_its_accented_twin(geocoder):
    # "Vergne" spelt without its accent is as likely Vergné as a Vergne: both listed.
    twins = [(i, n) for i, n in geocoder.name.items() if n in ("Champagne", "Champagné")]
    assert len(twins) == 3
    m = geocoder.geocode(Reference(commune="CHAMPAGNE"))
    assert m.status == AMBIGUOUS and "Champagné (72, 72054)" in m.candidates


def test_a_very_long_name_skips_the_typo_index(geocoder, monkeypatch):
    from loaders.geocoder import loose as module

    def no_deletions(k):  # the one-typo neighbourhood must not be built for it
        raise AssertionError(f"deletions of a {len(k)}-character key")

    monkeypatch.setattr(module, "_deletions", no_deletions)
    long = "Saint-Quentin " * 600  # 8,400 characters
    for ref in (Reference(commune=long), Reference(commune=long, departement="02"),
                Reference(commune=long, code_postal="02100"),
                Reference(commune=long + " CEDEX", code_postal="02109")):
        assert geocoder.geocode(ref).status == "unmatched"


def test_postal_localities_are_loaded_with_the_reference(loaded):
    with loaded.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT postcode, name, commune_insee FROM postal_locality "
            "WHERE name_folded = 'puyricard'")).all()
        count = conn.scalar(sa.text("SELECT count(*) FROM postal_locality"))
    assert rows == [("13540", "PUYRICARD", "13001")]
    assert 500 < count < 2000  # only the names that differ from the commune's


def test_localities_file_read_and_brought_to_current_communes(tmp_path):
    import io
    import json
    import tarfile

    entries = [  # the package's shape, our own rows
        {"codePostal": "13540", "codeCommune": "13001", "nomCommune": "Aix-en-Provence",
         "libelleAcheminement": "PUYRICARD"},
        {"codePostal": "13090", "codeCommune": "13001", "nomCommune": "Aix-en-Provence",
         "libelleAcheminement": "AIX EN PROVENCE"},  # the commune's own name: dropped
        {"codePostal": "01350", "codeCommune": "01039", "nomCommune": "Béon",
         "libelleAcheminement": "BEON"},  # a former code: brought to Culoz-Béon
        {"codePostal": "13008", "codeCommune": "13208",
         "nomCommune": "Marseille 8e Arrondissement", "libelleAcheminement": "MARSEILLE"},
        {"codePostal": "9999", "codeCommune": "13001", "nomCommune": "X",
         "libelleAcheminement": "X"},  # not a postcode
    ]
    data = json.dumps(entries).encode()
    path = tmp_path / "codes-postaux.tgz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("package/codes-postaux.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    successor = {"13001": "13001", "01039": "01138", "01138": "01138", "13208": "13055",
                 "13055": "13055"}
    current = {"13001": "Aix-en-Provence", "01138": "Culoz-Béon", "13055": "Marseille"}
    rows = postal.read_localities(path, successor, current)
    assert [(r["postcode"], r["name_folded"], r["commune_insee"]) for r in rows] == [
        ("01350", "beon", "01138"), ("13540", "puyricard", "13001")]
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(InputError, match="not the codes-postaux package"):
        postal.read_localities(tmp_path / "bad.json", successor, current)


def test_offline_without_the_localities_file_the_load_goes_on_and_says_so(tmp_path,
                                                                          the_cog):
    from loaders import reference, sources

    report = reference.Report()
    offline = sources.Resolver(tmp_path, tmp_path / "cache", offline=True)
    assert reference._localities(offline, the_cog, report) is None
    assert report.localities.startswith("not loaded") and "--offline" in report.localities
    assert "postal localities: not loaded" in "\n".join(report.lines())


def test_messy_references_built_from_the_cog_are_right_and_never_wrong(geocoder, the_cog,
                                                                       config):
    old = former_names(config.geodata / "france-geojson-2018" / "communes.geojson.gz")
    results = defaultdict(Counter)
    wrong = []
    for kind, ref, insee, status in messy(the_cog, old, n=700, seed=3):
        m = geocoder.geocode(ref)
        if m.status == MATCHED and m.insee != insee:
            wrong.append((kind, ref, insee, m))
        results[kind]["right" if (m.status, m.insee) == (status, insee) else m.status] += 1
    assert wrong == [], wrong[:5]
    # Renamed communes written with their old name are counted apart: a commune
    # nouvelle named anew (Capavenir Vosges, now Thaon-les-Vosges) cannot be found.
    renamed = results.pop("renamed, old name+postcode")
    total = sum(sum(c.values()) for c in results.values())
    right = sum(c["right"] for c in results.values())
    assert total > 5000 and right / total >= 0.995, dict(results)
    assert renamed["right"] / sum(renamed.values()) >= 0.85, dict(renamed)
