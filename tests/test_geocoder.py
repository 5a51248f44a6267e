"""The geocoder on the national reference: generated and hand-written cases."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from loaders import cog as cog_reader
from loaders.geocoder import AMBIGUOUS, MATCHED, Geocoder, Reference
from atlas.names import arrondissement, key
from tests.geocoder_cases import TRICKY, cases


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
