"""S8 (``loaders/press/places.py``): the département a text gives its homonyms, from the
same name placed elsewhere in the text or from a département's heading line."""

from __future__ import annotations

import json

from atlas import names
from atlas.config import Config
from loaders import press
from loaders.press import places

HEAD = "Publié le 8 février 2024\n"


def got(text: str) -> set[tuple[str, str, int, int]]:
    return {(a.collectivite, a.departement, a.year, a.level)
            for a in press.extract(HEAD + text, {}).awards}


def _cog(name: str) -> list[dict]:
    cog = Config.from_env().require_geodata() / "cog"
    return json.loads((cog / name).read_text(encoding="utf-8"))


def test_the_departements_are_the_cogs():
    cog = {d["code"]: d["nom"] for d in _cog("departements.json")
           if d["zone"] in ("metro", "drom")}
    assert places.DEPARTEMENTS == cog


def test_the_departements_named_like_a_commune_are_those_of_the_cog():
    communes = {names.key(c["nom"]) for c in _cog("communes.json")
                if c.get("type") == "commune-actuelle"}
    also = {n for n in places.DEPARTEMENTS.values() if names.key(n) in communes}
    assert also - {"La Réunion"} == places.ALSO_COMMUNES


def test_S8a_a_name_placed_once_is_placed_wherever_the_text_names_it():
    assert got("Vitré (Ille-et-Vilaine). Trois arobases pour la ville\n"
               "La ville de Vitré décroche trois arobases au label Villes Internet.") \
        == {("Vitré", "35", 2024, 3)}
    # placed in two départements: each keeps what its own sentence says
    assert got("Valence (Drôme) obtient quatre @. Valence (Tarn-et-Garonne) en obtient "
               "deux. Valence garde son site.") == {
        ("Valence", "Drôme", 2024, 4), ("Valence", "Tarn-et-Garonne", 2024, 2)}


def test_S8b_a_departements_heading_places_the_names_under_it():
    assert got("Drôme\nValence obtient quatre arobases au label Villes Internet.\n") \
        == {("Valence", "26", 2024, 4)}
    assert got("GIRONDE. Les lauréats du département\nMérignac obtient quatre @.\n"
               "Charente\nCognac obtient deux @.\n") == {
        ("Mérignac", "33", 2024, 4), ("Cognac", "16", 2024, 2)}
    assert got("Tarn. Palmarès des Villes Internet : Castres (@@@), Albi (@@)") == {
        ("Castres", "81", 2024, 3), ("Albi", "81", 2024, 2)}
    # a name placed by its own sentence keeps its place
    assert got("Gironde\nCognac (Charente) obtient deux @.\n") == {
        ("Cognac", "Charente", 2024, 2)}


def test_S8b_no_place_from_two_departements_or_a_towns_dateline():
    assert got("Aveyron - Lozère\nMillau obtient trois @ et Mende deux @.\n") == {
        ("Millau", "", 2024, 3), ("Mende", "", 2024, 2)}
    # "Vienne" is a town too (Isère): its dateline is no département's heading
    assert got("VIENNE. La ville de Vienne obtient trois @.") == {("Vienne", "", 2024, 3)}
    assert places.heading_departement("Valence et Romans bien notées") == ""


def test_S8b_a_section_line_ending_with_a_departement():
    assert got("Dauphiné Numérique — Isère\n@@ Fontaine, Crolles") == {
        ("Fontaine", "38", 2024, 2), ("Crolles", "38", 2024, 2)}
    assert places.heading_departement("Accueil > Côtes-d'Armor > Lannion") == ""
    assert places.heading_departement("Isère - Savoie") == ""


def test_S8e_a_short_form_in_the_headline_is_the_long_names():
    assert got("Saint-Dié décroche cinq @\nSaint-Dié-des-Vosges obtient cinq @.") == {
        ("Saint-Dié-des-Vosges", "", 2024, 5)}
    # an EPCI after a commune's name is another collectivité
    assert got("Brest et Brest Métropole obtiennent cinq @.") == {
        ("Brest", "", 2024, 5), ("Brest Métropole", "", 2024, 5)}


def test_S8d_communes_counted_in_one_departement():
    assert got("Six communes de La Réunion labellisées\nSaint-Denis obtient trois @, "
               "Saint-Paul deux @.") == {("Saint-Denis", "974", 2024, 3),
                                         ("Saint-Paul", "974", 2024, 2)}
    # counted in two: none
    assert got("Deux communes du Nord et trois communes de l'Aisne.\nMarly obtient une @.") \
        == {("Marly", "", 2024, 1)}


def test_S8b_two_departements_one_also_a_towns_name_place_nothing():
    assert places.heading_departement("Vienne - Deux-Sèvres") == ""
    assert places.heading_departement("Le Courrier de l'Ouest > Deux-Sèvres") == "79"


def test_S8b_a_departement_also_a_communes_name_heading_a_list():
    assert got("Vaucluse : Avignon, Orange et Pertuis labellisées\nPertuis obtient deux "
               "@.") == {("Pertuis", "84", 2024, 2)}
    # as a town's own dateline it places nothing
    assert got("VIENNE. La ville de Vienne obtient trois @.") == {("Vienne", "", 2024, 3)}


def test_S8b_a_departements_council_heading_its_list():
    assert places.heading_departement("Département de la Drôme") == "26"
    assert places.heading_departement("Conseil départemental du Nord") == "59"


def test_S8b_a_heading_places_no_line_naming_another_departement():
    # "Dans le Tarn" in the line: its names are left to their own sentence's place
    assert got("Haute-Garonne. Les lauréats\nColomiers obtient quatre @. Dans le Tarn, Albi "
               "décroche trois @. Plus au nord, Rodez reçoit une @.") == {
        ("Colomiers", "", 2024, 4), ("Albi", "Tarn", 2024, 3), ("Rodez", "", 2024, 1)}


def test_S8c_the_common_noun_before_an_epcis_name():
    assert got("Lannion-Trégor Communauté obtient trois @\nL'agglomération Lannion-Trégor "
               "Communauté a obtenu trois arobases.") == {
        ("Lannion-Trégor Communauté", "", 2024, 3)}
