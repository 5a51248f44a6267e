"""Round-ups (``loaders/press/roundup.py``): one test per rule, on sentences written for
these tests in the forms the press uses (invented names such as "Aville" where the
geocoder is not involved, real commune names where it is)."""

from __future__ import annotations

import csv
import io
import time

import pytest
import sqlalchemy as sa

from loaders import press
from loaders.press import release, review

HEAD = "Palmarès 2024 du label Territoires, Villes et Villages Internet.\n"


def got(text: str, head: str = HEAD) -> set[tuple[str, int, int]]:
    return {(a.collectivite, a.year, a.level) for a in press.extract(head + text, {}).awards}


def deps(text: str) -> dict[str, str]:
    return {a.collectivite: a.departement for a in press.extract(HEAD + text, {}).awards}


# -- R1: entries with marks ---------------------------------------------------------------

def test_R1_entries_with_marks_one_a_line():
    assert got("- Aville (62) @@@\n- Beville (@@@@)\n- Ceville : 4 @\n- Deville : 2 arobases") \
        == {("Aville", 2024, 3), ("Beville", 2024, 4), ("Ceville", 2024, 4),
            ("Deville", 2024, 2)}


def test_R1_entries_run_together_once_the_html_is_gone():
    text = "Les labellisés du Nord :Aville (59) @Beville (62) @@Ceville (59)@@@Deville (59) @@@@@"
    assert got(text) == {("Aville", 2024, 1), ("Beville", 2024, 2), ("Ceville", 2024, 3),
                         ("Deville", 2024, 5)}
    assert deps(text)["Beville"] == "62"


def test_R1_a_handle_an_address_or_a_word_with_an_at_is_no_entry():
    assert got("Suivez (@Aville_officiel) et écrivez à mairie@aville.fr. Br@vo Beville !") \
        == set()


def test_R1_entries_within_a_sentence_under_a_place():
    assert got("Côté Calvados : Aville (@@), Beville (@@@).") == {("Aville", 2024, 2),
                                                                 ("Beville", 2024, 3)}
    assert deps("Côté Calvados : Aville (@@), Beville (@@@).") == {"Aville": "Calvados",
                                                                   "Beville": "Calvados"}
    assert got("Parmi les lauréats, Aville (3 @) et Beville (4 @).") == {
        ("Aville", 2024, 3), ("Beville", 2024, 4)}


def test_R1_a_lone_entry_counts_only_as_a_bullet():
    assert got("Bravo Aville @") == set()
    assert got("- Aville (@@)") == {("Aville", 2024, 2)}


# -- R2: level headings -------------------------------------------------------------------

def test_R2_a_level_heading_with_its_names_on_the_line():
    assert got("Cinq arobases @@@@@ : Aville, Beville et Ceville\n3 arobases @@@: Deville") \
        == {("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 5),
            ("Deville", 2024, 3)}


def test_R2_a_level_heading_then_names_one_a_line_until_the_next_heading():
    text = "Quatre arobases\nAville\nBeville (27)\nDeux arobases\nCeville, Deville\n" \
           "Le jury s'est réuni en décembre."
    assert got(text) == {("Aville", 2024, 4), ("Beville", 2024, 4), ("Ceville", 2024, 2),
                         ("Deville", 2024, 2)}


def test_R2_marks_as_headings_and_a_level_word_before_them():
    assert got("@@@@@ Aville, Beville\n@@@@ Ceville\nNiveau 2 @ : Deville") == {
        ("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 4), ("Deville", 2024, 2)}


# -- R3: several laureates in a sentence --------------------------------------------------

def test_R3_each_group_gets_the_level_that_follows_it():
    text = ("Aville, Beville et la communauté de communes du Pays de Ceville obtiennent "
            "quatre arobases, Deville trois @ et Eville deux.")
    assert got(text) == {("Aville", 2024, 4), ("Beville", 2024, 4),
                         ("communauté de communes du Pays de Ceville", 2024, 4),
                         ("Deville", 2024, 3), ("Eville", 2024, 2)}


def test_R3_en_ont_eu_and_a_count_in_words():
    assert got("Aville (27), Beville (76) en ont eu deux, Ceville a eu une arobase.") == \
        {("Aville", 2024, 2), ("Beville", 2024, 2), ("Ceville", 2024, 1)}


def test_R3_the_communes_of_aville_and_of_beville():
    assert got("Les communes d'Aville et de Beville obtiennent trois arobases.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 3)}
    assert got("Aville et les territoires de Beville, Ceville, et Deville obtiennent "
               "trois arobases.") == {(n, 2024, 3) for n in ("Aville", "Beville", "Ceville",
                                                           "Deville")}


def test_R3_a_bare_count_needs_a_level_in_arobases_in_the_sentence():
    assert got("Aville en a eu deux.") == set()
    assert got("Quinze communes en ont reçu quatre et Aville cinq arobases.") == \
        {("Aville", 2024, 5)}


def test_R3_the_words_between_names_and_level_must_say_an_award():
    assert got("Aville, dont le maire préside le jury, parle des 4 @ des autres.") == set()
    assert got("Aville vise les cinq arobases l'an prochain.") == set()
    assert got("Aville n'a pas obtenu quatre arobases.") == set()


def test_R3_a_place_is_not_a_laureate():
    text = ("La communauté de communes du Pays d'Aville, entre Beville et Ceville, a gagné "
            "une quatrième arobase. À Deville, Eville affiche trois @.")
    assert got(text) == {("communauté de communes du Pays d'Aville", 2024, 4),
                         ("Eville", 2024, 3)}


def test_R3_a_plural_subject_or_a_statistic_names_nobody():
    assert got("En Normandie, 12 villes obtiennent 5 @ et 20 communes en ont eu trois.") \
        == set()
    assert got("L'Île-de-France et la Bretagne accueillent le plus de villes avec cinq "
               "arobases.") == set()


def test_R3_the_sentence_s_own_edition_beats_the_text_s():
    assert got("Aville et Beville avaient obtenu 3 @.") == set()
    assert got("Au palmarès 2019, Aville et Beville ont obtenu 3 @.") == \
        {("Aville", 2019, 3), ("Beville", 2019, 3)}


# -- R4: one laureate through another -----------------------------------------------------

def test_R4_tout_comme_and_contre_pour():
    assert got("Aville affiche trois arobases, tout comme Beville.") == \
        {("Aville", 2024, 3), ("Beville", 2024, 3)}
    assert got("C'est la commune d'Aville qui est en tête et qui s'est vu donner cinq @ "
               "contre quatre pour Beville.") == {("Aville", 2024, 5), ("Beville", 2024, 4)}


@pytest.mark.parametrize("text", [
    "Le label 4 @ a été attribué à Aville et à Beville.",
    "Avec quatre arobases, Aville et Beville rejoignent le club des villes connectées.",
    "Quatre arobases pour Aville et Beville !",
    # a complement in lower-case words before the comma; "la petite commune de"
    "Avec quatre arobases à ajouter à son palmarès de ville connectée, la petite commune "
    "d'Aville (Meuse) et Beville ont été mises à l'honneur hier à Lille.",
])
def test_R4_names_after_their_level(text):
    assert got(text) == {("Aville", 2024, 4), ("Beville", 2024, 4)}


def test_R4_an_opening_level_with_an_aim_or_figures_before_the_comma_names_nobody():
    assert got("Avec quatre arobases au maximum, la commune d'Aville vise haut.") == set()
    assert got("Avec quatre arobases en 2019, Aville et Beville rejoignent le club.") <= {
        ("Aville", 2019, 4), ("Beville", 2019, 4)}


def test_R4_a_level_for_a_name_only_when_it_opens_its_clause():
    assert got("Quatre arobases pour Aville et trois pour Beville.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 3)}
    assert got("Aville vise désormais 5 @ pour Beville.") == set()


def test_R10_they_are_the_names_that_end_the_sentence_before():
    assert got("Dans la Loire, les deux communes labellisées sont Aville et Beville. Elles "
               "ont reçu quatre arobases.") == {("Aville", 2024, 4), ("Beville", 2024, 4)}
    assert got("Le jury a félicité Aville. Elles ont reçu quatre arobases.") == set()


def test_R11_ordinals_point_to_the_group_named_the_sentence_before():
    text = ("Les villes d'Aville et de Beville ont été récompensées le 1er février. La "
            "première a reçu une mention, et la seconde a reçu le label 5 arobases.")
    assert got(text) == {("Beville", 2024, 5)}
    assert got("Aville et Beville ont été distinguées. La première obtient 4 @, la dernière "
               "en obtient trois.") == {("Aville", 2024, 4), ("Beville", 2024, 3)}
    # no group of names before: nothing
    assert got("Le jury a siégé à Paris. La seconde a reçu le label 5 arobases.") == set()
    # an aim is no award
    assert got("Aville et Beville ont été récompensées. La seconde vise désormais 5 @.") \
        == set()


def test_R12_the_subject_of_a_superlative_before_a_level():
    text = ("Aville (07) est la plus petite collectivité (159 habitants) et Beville la plus "
            "grande ville à obtenir cinq arobases.")
    assert got(text) == {("Aville", 2024, 5), ("Beville", 2024, 5)}
    assert deps(text)["Aville"] == "07"
    assert got("Ceville est la seule commune du département à recevoir 4 @.") == {
        ("Ceville", 2024, 4)}
    # a place is no subject, and the clause must end with the verb right before the level
    assert got("À Deville, la seule commune à obtenir cinq arobases est en fête.") == set()
    assert got("Eville est la seule commune du canton à avoir un site qui affiche 4 @.") \
        == set()


def test_R13_dans_le_meme_cas_que_copies_the_one_award_of_the_other():
    text = ("Aville a obtenu un rang de plus, portant son total d'arobases à 3. Beville "
            "(Loire-Atlantique) est dans le même cas qu'Aville.")
    assert got(text.replace("qu'Aville", "que Aville")) == {("Aville", 2024, 3),
                                                           ("Beville", 2024, 3)}
    # Aville with no award, or two: nothing for Beville
    assert got("Beville est dans le même cas que Aville. Ceville obtient 2 @.") == {
        ("Ceville", 2024, 2)}


def test_R14_names_joining_the_club_of_a_level_earlier_in_the_paragraph():
    text = ("Le club des 5 arobases s'agrandit. Il compte désormais huit villes. Aville, "
            "Beville et Ceville rejoignent Deville et Eville, déjà distinguées l'an dernier.")
    assert got(text) == {(n, 2024, 5) for n in ("Aville", "Beville", "Ceville", "Deville",
                                                "Eville")} | {("Deville", 2023, 5),
                                                              ("Eville", 2023, 5)}
    # without the club, "rejoignent" gives nothing; nor in another paragraph
    assert got("Aville et Beville rejoignent Ceville.") == set()
    assert got("Le club des 5 arobases s'agrandit.\nAville et Beville rejoignent Ceville.") \
        == set()


def test_quotes_are_paired_in_order():
    # a short quote before a long one: the prose between them is read
    text = ('Les labels "Internet" ont été remis ce jeudi. Aville obtient quatre @ et '
            'Beville trois. Le jury cite "exemplaire".')
    assert got(text) == {("Aville", 2024, 4), ("Beville", 2024, 3)}
    assert got('Le maire dit "Aville obtient 4 @ et nous en sommes tous très fiers".') == set()


# -- R5: counts before names --------------------------------------------------------------

def test_R5_names_listed_after_the_level_of_a_counted_subject():
    text = ("Douze villes reçoivent cinq arobases (Aville, Beville…), quinze en obtiennent "
            "quatre. Vingt-quatre villes ont reçu le nombre maximal d'arobases, dont Ceville "
            "et Deville.")
    assert got(text) == {("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 5),
                         ("Deville", 2024, 5)}


def test_R5_a_list_after_a_colon_and_the_year_before_for_a_second_year():
    text = ("Seize villes montent sur la plus haute marche du podium : Aville, Beville et "
            "Ceville. Trois villes obtiennent cinq @ pour la deuxième année consécutive "
            "(Aville, Beville, Deville).")
    assert got(text) == {("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 5),
                         ("Deville", 2024, 5), ("Aville", 2023, 5), ("Beville", 2023, 5),
                         ("Deville", 2023, 5)}


def test_R5_a_bracket_that_is_not_a_list_of_names_gives_nothing():
    assert got("Douze villes reçoivent cinq arobases (8 % du total), dont la moitié en "
               "Bretagne.") == set()


def test_R15_the_counted_subject_named_in_the_sentence_after():
    text = ("Le record tombe, avec 16 villes recevant les «5 arobases». Il s'agit des "
            "villes suivantes : Aville, Beville, Ceville.")
    assert got(text) == {("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 5)}
    assert got("Neuf communes obtiennent quatre @. Ce sont Aville et Beville, entre "
               "autres.") == {("Aville", 2024, 4), ("Beville", 2024, 4)}
    # no counted subject with its level the sentence before: nothing
    assert got("Le jury a siégé à Paris. Il s'agit des villes suivantes : Aville, "
               "Beville.") == set()
    # two levels the sentence before: whose list it is is unsure
    assert got("Neuf villes ont cinq @ et douze en ont quatre. Il s'agit d'Aville et de "
               "Beville.") == set()
    # a count, not names
    assert got("Neuf communes obtiennent quatre @. Ce sont 9 villes de plus qu'en 2023.") \
        == set()


def test_R16_comme_aville_the_others_got_the_level():
    assert got("Comme Aville, 9 autres villages ont été labellisés 5@ en 2021.") == {
        ("Aville", 2021, 5)}
    assert got("Tout comme Beville (62), douze autres communes obtiennent quatre "
               "arobases.") == {("Beville", 2024, 4)}
    # not "the others": a comparison gives nothing
    assert got("Comme Aville, la commune vise désormais 5@.") == set()
    assert got("Comme Aville, Beville et Ceville ont reçu 3 @.") == {
        ("Beville", 2024, 3), ("Ceville", 2024, 3)}


def test_R17_examples_of_a_group_given_a_level():
    # a level restated in brackets, the list after "dont", continued by "mais aussi ... comme"
    assert got("Dix-huit d'entre elles décrochent la plus haute distinction (cinq @) dont "
               "Aville, Beville et Ceville, mais aussi de petits villages comme Deville (12) "
               "ou Eville.") == {(n, 2024, 5) for n in ("Aville", "Beville", "Ceville",
                                                         "Deville", "Eville")}
    assert got("La plupart des communes primées se situent à deux @, comme Fleury, "
               "Gorville et Hautville.") == {(n, 2024, 2) for n in ("Fleury", "Gorville",
                                                                     "Hautville")}
    # the example later in the sentence, no other name or level between
    assert got("Pour les collectivités ayant reçu 1 arobase, c'est souvent un premier pas, "
               "à l'instar de Jolieville (Val de Jolie), nouvelle venue.") == {
        ("Jolieville", 2024, 1)}


@pytest.mark.parametrize("text", [
    "Les villes labellisées 5 @ restent rares, comme Aville l'a rappelé.",  # not a list
    "Les communes à 4 @, selon Beville, sont nombreuses, comme Ceville.",  # a name between
    "Aville obtient 4 @, comme Beville avant elle.",  # no group: a comparison
    "Comme les villes fleuries, les communes reçoivent de une à cinq arobases.",
])
def test_R17_a_comparison_or_a_name_between_gives_no_example(text):
    assert got(text) <= {("Aville", 2024, 4)}


def test_R18_a_mayor_in_apposition_stands_for_the_commune_never_for_a_laureate():
    # the mayor's name before or after "maire de X", even after a preposition
    assert got("Tel est le vœu de Jeanne Martin, maire de Beville, qui s'est vu décerner "
               "4 @ par l'association.") == {("Beville", 2024, 4)}
    assert got("Jeanne Martin, maire de Beville, a reçu 3 @ pour sa commune.") == {
        ("Beville", 2024, 3)}
    assert got("Le maire de Ceville, Paul Durand, qui s'est vu décerner 2 @, était "
               "présent.") == {("Ceville", 2024, 2)}
    assert got("Jeanne Martin, maire de Beville, et Paul Durand, maire de Ceville, ont "
               "reçu 4 @.") == {("Beville", 2024, 4), ("Ceville", 2024, 4)}
    # a deputy's commune is a complement; the one the mayor hands the level to is no award
    assert got("Selon Jeanne Martin, adjointe au maire de Beville, Ceville a reçu 4 @.") == {
        ("Ceville", 2024, 4)}
    assert got("Jeanne Martin, maire de Beville, a remis 4 @ à Ceville.") == set()


# -- R6: places ---------------------------------------------------------------------------

def test_R6_places_give_the_departement_of_the_names_under_them():
    text = ("Guadeloupe\n- Aville (@@@@)\n- Beville (@@)\nMartinique\n- Ceville (@)\n"
            "Dans l'Eure, Deville et Eville obtiennent deux @.\n"
            "Fville dans le Calvados, Gville, Hville et Iville dans l'Orne obtiennent cinq "
            "arobases.\nJville en Seine-Maritime a eu une arobase.")
    assert deps(text) == {"Aville": "Guadeloupe", "Beville": "Guadeloupe",
                          "Ceville": "Martinique", "Deville": "Eure", "Eville": "Eure",
                          "Fville": "Calvados", "Gville": "Orne", "Hville": "Orne",
                          "Iville": "Orne", "Jville": "Seine-Maritime"}


def test_R6_a_region_is_not_a_departement():
    assert deps("Aville (Normandie) obtient trois arobases.") == {"Aville": ""}


# -- R7: intercommunalités ----------------------------------------------------------------

def test_R7_intercommunalities_as_written():
    text = ("CA Amiens Métropole (80) @@@@Aville (80) @@\n"
            "La communauté d'agglomération de Lisieux, dans le Calvados, a reçu trois "
            "arobases, quand la communauté de communes du Vexin normand, dans l'Eure, en a "
            "eu quatre.")
    assert got(text) == {("CA Amiens Métropole", 2024, 4), ("Aville", 2024, 2),
                         ("communauté d'agglomération de Lisieux", 2024, 3),
                         ("communauté de communes du Vexin normand", 2024, 4)}


# -- R8: the year -------------------------------------------------------------------------

@pytest.mark.parametrize("head, year", [
    ("date 2024-02\nUne cérémonie a eu lieu jeudi 8 février.\n", 2024),
    ("Publié le 3 février 2022\nLes labels ont été remis hier.\n", 2022),
    ("La 25e édition du label a récompensé 200 communes.\n", 2024),
    ("La dixième remise des labels Villes Internet a eu lieu le 24 novembre.\n", 2008),
    ("Les 18es labels nationaux ont été remis le 1er février 2017.\n", 2017),
    ("En attendant la remise des labels pour l'année 2016, le maire visite l'exposition.\n",
     2016),
    ("Publié le 16/12/2009 - 18:33\nLe label a récompensé mardi soir les communes.\n", 2009),
])
def test_R8_the_edition_from_the_date_line_the_rank_or_the_ceremony(head, year):
    assert got("- Aville (@@@)\n- Beville (@@)", head=head) == {("Aville", year, 3),
                                                                 ("Beville", year, 2)}


def test_R8_editions_are_numbered_from_1999_then_from_2000_after_2010():
    assert release.edition_year(10) == 2008 and release.edition_year(11) == 2009
    assert release.edition_year(12) == 2011 and release.edition_year(24) == 2023


def test_R8_no_edition_no_award():
    assert got("Ce jeudi, Aville a obtenu la plus haute récompense avec 5 @.", head="") \
        == set()


@pytest.mark.parametrize("text", [
    "Les candidatures au label Villes Internet 2025 sont ouvertes jusqu'en novembre : "
    "toute commune participante reçoit au moins 1 @, de 1 à 5 @.",
    "Aville, Beville et Ceville sont candidates au label 2025, qui va de une à cinq "
    "arobases.",
    "Aville reçoit l'arobase verte et la mention démocratie locale.",
    "Aville est Territoire d'excellence numérique.",
    "« Aville, avec ses 4 @ et sa démarche citoyenne, accueille la remise cette année », "
    "a expliqué le maire.",
])
def test_R8_texts_that_award_nothing_give_nothing(text):
    assert got(text) == set()


def test_Y4b_comme_en_names_an_earlier_edition_at_the_same_level():
    assert got("Comme en 2023, la ville d'Aville a obtenu ses 5 arobases.") == {
        ("Aville", 2024, 5), ("Aville", 2023, 5)}
    assert got("Comme en 2023, Beville et Ceville affichent quatre @.") == {
        ("Beville", 2024, 4), ("Beville", 2023, 4), ("Ceville", 2024, 4),
        ("Ceville", 2023, 4)}
    assert got("Comme en 2023, la commune d'Eville a obtenu 3 @ lors de la cérémonie.",
               head="Publié le 2 février 2024\n") == {("Eville", 2024, 3),
                                                        ("Eville", 2023, 3)}


def test_Y4b_a_counted_subject_after_comme_en_names_no_one_for_that_year():
    assert got("Comme en 2023, douze villes reçoivent cinq arobases (Aville, Beville).") \
        == {("Aville", 2024, 5), ("Beville", 2024, 5)}
    assert got("Comme en 2010, la ville de Fleury a reçu 3 @.",
               head="Palmarès 2011 du label Villes Internet.\n") == {("Fleury", 2011, 3)}


# -- R9 -----------------------------------------------------------------------------------

def test_R9_a_sentence_the_readers_date_differently_gives_nothing():
    # "l'an dernier" belongs to Beville's clause; one reader dates Aville by it, the other
    # by the edition: unsure, nothing
    assert got("Aville obtient 4 @, comme Beville l'an dernier.") == set()
    assert got("Aville obtient 4 @ cette année.") == {("Aville", 2024, 4)}


def test_R9_two_levels_for_one_name_and_year_give_neither():
    assert got("- Aville (@@@)\n- Beville (@@)\nAville obtient cinq arobases.") == \
        {("Beville", 2024, 2)}


def test_initiatives_only_when_one_collectivite_is_awarded():
    text = HEAD + "La ville d'Aville obtient 4@.\n- Mise en place d'un portail famille\n" \
                  "- Beville (@@)"
    found = press.extract(text, {})
    assert {a.collectivite for a in found.awards} == {"Aville", "Beville"}
    assert found.initiatives == []


# -- hostile input: every step stays linear -----------------------------------------------

def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def test_a_long_paragraph_cut_in_lines_is_read_in_linear_time():
    text = "Label 2024 :\n" + "\n".join(["suite du texte de la ville"] * 20_000)
    assert _seconds(lambda: release.blocks(text)) < 2


def test_hostile_runs_of_digits_names_and_marks_finish_fast():
    hostile = ["1 " * 20_000 + "villes", "Aville, " * 2_000 + "obtiennent 4 @",
               "@" * 20_000, "a" * 50_000 + "@", "(" * 5_000 + "Aville (@@)"]
    for text in hostile:
        assert _seconds(lambda: press.extract(HEAD + text, {})) < 3, text[:20]


def test_a_mention_beside_the_level_is_kept_for_the_one_laureate_of_its_sentence():
    found = press.extract(HEAD + "Aville obtient cinq arobases et la mention Transition "
                                 "écologique.\nBeville et Ceville ont reçu trois @ et la "
                                 "mention démocratie locale.", {}).awards
    assert {a.collectivite: a.mentions for a in found} == {
        "Aville": ("Transition écologique",), "Beville": (), "Ceville": ()}
    assert press.rows(press.extract(HEAD + "Aville obtient 5 @ avec la mention « Numérique "
                                           "responsable et durable ».", {}), "x")[0][0][
        "mentions"] == "Numérique responsable et durable"


# -- load press: review file, files that disagree, size limit ------------------------------

def _review(path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: a French spreadsheet reads UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_review_file_and_files_that_disagree(clean, atlas_cli, tmp_path):
    folder = tmp_path / "palmares"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Palmarès 2024 du label Villes Internet.\n- Villejuif (94) (@@@@)\n- Cachan (94) (@@@)\n"
        "- Trifouillis-les-Oies (@@)\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Label Villes Internet 2024 : Villejuif (94) obtient 5 @. Alfortville affiche cinq "
        "arobases avec la mention Transition écologique.\n", encoding="utf-8")
    review_csv, rejects = tmp_path / "awards.csv", tmp_path / "rejects.csv"
    r = atlas_cli("load", "press", str(folder), "--review", str(review_csv),
                  "--rejects", str(rejects))
    assert r.returncode == 0, r.stderr
    rows = _review(review_csv)
    assert list(rows[0]) == ["commune", "departement", "year", "level", "mentions", "insee",
                             "status", "edition_from", "evidence", "file", "line"]
    status = {(row["file"], row["commune"]): (row["insee"], row["status"]) for row in rows}
    assert status[("a.txt", "Cachan")] == ("94016", "loaded")
    assert status[("b.txt", "Alfortville")] == ("94002", "loaded")
    assert status[("a.txt", "Trifouillis-les-Oies")][1].startswith("rejected: place not found")
    for file in ("a.txt", "b.txt"):
        assert status[(file, "Villejuif")] == (
            "", "rejected: files disagree on 94076 in 2024: a.txt says 4, b.txt says 5")
    assert "rejected, files disagree: 1" in r.stdout
    with clean.connect() as conn:
        assert conn.execute(sa.text(
            "SELECT commune_insee, year, level, mentions FROM label_award ORDER BY 1")).all() \
            == [("94002", 2024, 5, ["Transition écologique"]), ("94016", 2024, 3, [])]
    # staff drop what they reject and load the rest with `load labels`
    kept = [row for row in rows if not row["status"].startswith("rejected")]
    with open(review_csv, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(kept)
    r = atlas_cli("load", "labels", str(review_csv), "--rejects", str(rejects))
    assert r.returncode == 0 and "2 read, 0 loaded, 2 updated" in r.stdout, r.stdout


def test_dry_run_review_says_what_would_load(clean, atlas_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Palmarès 2024 du label Villes Internet.\n- Cachan (94) "
                                    "(@@@)\n- =HYPERLINK(\"x\") (@@)\n", encoding="utf-8")
    # a text stating no edition: dated by --edition, and the review file says so
    (tmp_path / "b.txt").write_text("La ville de Villejuif a reçu 4@ au label Villes "
                                    "Internet.\n", encoding="utf-8")
    review_csv = tmp_path / "awards.csv"
    r = atlas_cli("load", "press", str(tmp_path), "--dry-run", "--review", str(review_csv),
                  "--edition", "2019")
    assert r.returncode == 0, r.stderr
    rows = {row["commune"]: row for row in _review(review_csv)}
    assert {name: (row["year"], row["insee"], row["status"], row["edition_from"])
            for name, row in rows.items()} == {
        "Cachan": ("2024", "94016", "would load", "text"),
        "Villejuif": ("2019", "94076", "would load", "given")}
    with clean.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM label_award")) == 0


def test_a_spreadsheet_never_runs_a_cell_as_a_formula(tmp_path):
    path = tmp_path / "r.csv"
    row = dict(commune="Aville", departement="", year="2024", level="3", line=2,
               evidence="=HYPERLINK(\"http://x\")", mentions="")
    review.write_review(path, [("@a.txt", [row])], {}, loaded=False)
    [got] = _review(path)
    assert got["evidence"] == "'=HYPERLINK(\"http://x\")" and got["file"] == "'@a.txt"


def test_a_file_too_big_for_a_press_text_is_refused_before_reading(clean, atlas_cli,
                                                                    tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (review.MAX_BYTES + 1))
    r = atlas_cli("load", "press", str(tmp_path))
    assert r.returncode == 1 and "big.txt" in r.stderr and "at most 2,000,000 bytes" in r.stderr


def test_R1_a_year_written_in_the_entry_is_its_edition():
    assert got("- Aville (4 @ en 2023)\n- Beville (@@)") == {("Aville", 2023, 4),
                                                          ("Beville", 2024, 2)}


def test_R1_entries_after_a_comma_and_a_departement_heading_with_a_colon():
    assert got("Palmarès régional : Aville, 4 @ ; Beville, 3 @.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 3)}
    assert deps("Meuse : Aville (@@@@), Beville (@@)") == {"Aville": "Meuse",
                                                          "Beville": "Meuse"}


def test_L1_levels_as_a_level_number_and_as_at_robases():
    assert got("Aville obtient le niveau 4 du label.") == {("Aville", 2024, 4)}
    assert got("Aville et Beville obtiennent 5 @robases.") == {("Aville", 2024, 5),
                                                              ("Beville", 2024, 5)}
    assert got("Aville atteint 80 % de niveau 4 en anglais.") == set()


@pytest.mark.parametrize("text, expected", [
    ("Aville obtient 2 @, Beville 3 @ et Ceville 4 @.",
     {("Aville", 2024, 2), ("Beville", 2024, 3), ("Ceville", 2024, 4)}),
    ("Aville décroche sa quatrième arobase, Beville sa troisième.",
     {("Aville", 2024, 4), ("Beville", 2024, 3)}),
    ("Le label a été remis à Aville (4 @) et Beville (3 @).",
     {("Aville", 2024, 4), ("Beville", 2024, 3)}),
    ("Aville, commune de 3 000 habitants, décroche 2 @.", {("Aville", 2024, 2)}),
    ("4 @ pour la communauté d'agglomération du Grand Aville.",
     {("communauté d'agglomération du Grand Aville", 2024, 4)}),
])
def test_R3_more_ways_of_naming_several_laureates(text, expected):
    assert got(text) == expected


def test_R3_respectivement_pairs_nothing():
    assert got("Aville et Beville ont respectivement obtenu 3 et 4 @.") == set()


def test_a_question_states_nothing_and_elle_stands_for_the_one_town_named():
    assert got("Pourquoi Aville conserve-t-elle ses 5 @ ?") == set()
    assert got("La ville d'Aville a confirmé son excellence numérique. Elle s'est vue "
               "attribuer 5 @, pour la 2e année consécutive.") == {("Aville", 2024, 5),
                                                                  ("Aville", 2023, 5)}


def test_the_contact_details_check_stays_linear_on_a_long_run_of_letters():
    from loaders import mapping

    assert _seconds(lambda: mapping._EMAIL.search("a" * 100_000 + " b")) < 1
    assert mapping._EMAIL.search("écrire à mairie.contact@aville.fr").group() == \
        "mairie.contact@aville.fr"


# -- T1: the typography of a page once its HTML is gone -----------------------------------

def test_T1_spaced_marks_misspelt_arobases_and_postal_codes():
    text = ("- Aville (20167) @ @ @\n- Beville (20250) 2 arrobases\n- Ceville (97200) @\t@\n"
            "- Deville (62000) 1 arobase(s)")
    assert got(text) == {("Aville", 2024, 3), ("Beville", 2024, 2), ("Ceville", 2024, 2),
                         ("Deville", 2024, 1)}
    assert deps(text) == {"Aville": "2A", "Beville": "2B", "Ceville": "972", "Deville": "62"}


def test_T1_a_table_header_is_no_place_for_the_entries_under_it():
    assert deps("Commune\tNiveau\nAville\t4 @\nBeville\t3 @") == {"Aville": "", "Beville": ""}
    assert deps("VAL-DE-MARNE\nAville : @@@\nBeville : @@") == \
        {"Aville": "VAL-DE-MARNE", "Beville": "VAL-DE-MARNE"}


def test_T1b_html_entities_soft_hyphens_and_a_for_at():
    # what a page's HTML leaves: entities as text, a soft hyphen inside a name, "(a)"
    text = ("- Aville&nbsp;: 4&nbsp;@\n- Be\u00adville &laquo;&#64;&#64;&#64;&raquo;\n"
            "- Ceville (a)(a)\n- Deville : 2 (a)")
    assert got(text) == {("Aville", 2024, 4), ("Beville", 2024, 3), ("Ceville", 2024, 2),
                         ("Deville", 2024, 2)}
    # a lone "(a)" is a list's item, not a level; "&" alone stays
    assert got("Aville (a) et Beville (b) ont candidaté.") == set()
    assert release._normalise("Aville & Beville (a)") == "Aville & Beville (a)"


def test_T1c_a_table_flattened_with_runs_of_spaces():
    assert deps("Collectivité      Arobases\nAville       4 @\nBeville      3 @") == \
        {"Aville": "", "Beville": ""}
    assert got("Commune      Niveau\nAville       4 @\nBeville      3 @") == \
        {("Aville", 2024, 4), ("Beville", 2024, 3)}
    # two spaces are a typing slip, not a column gap
    assert release._normalise("Aville  obtient") == "Aville  obtient"


def test_T1d_marks_between_plain_or_smart_quotes():
    assert got("Aville obtient \u2018@@@\u2019 et Beville \u2018@@\u2019.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 2)}
    assert got('Aville obtient "@@@@" et Beville "@@".') == {
        ("Aville", 2024, 4), ("Beville", 2024, 2)}
    # quotes of two kinds, or a word glued to them, are no such pair
    assert release._normalise("l'@@' x") == "l'@@' x"


def test_T1e_a_level_out_of_five_is_the_level():
    assert got("Villes Internet : cinq @ sur cinq pour Aville.") == {("Aville", 2024, 5)}
    assert got("Beville obtient trois arobases sur 5.") == {("Beville", 2024, 3)}


def test_R23_the_line_above_a_table_places_its_rows():
    rows = "Commune\tArobases\nAville\t@@@\nBeville\t@@\n"
    assert deps("Lauréats de l'Essonne\n" + rows) == {"Aville": "Essonne", "Beville": "Essonne"}
    assert deps("Isère (38)\n" + rows) == {"Aville": "38", "Beville": "38"}
    # a région, or a line naming no place, places nothing
    assert deps("Lauréats de la Nouvelle-Aquitaine\n" + rows) == {"Aville": "", "Beville": ""}
    assert deps("Les communes de l'année\n" + rows) == {"Aville": "", "Beville": ""}


def test_T1e_the_top_level_restated_in_apposition_and_a_level_over_five():
    assert got("Avec la note maximale, 5/5 @, Aville rejoint le cercle des villes.") == {
        ("Aville", 2024, 5)}
    assert got("Avec le plus haut niveau (cinq arobases), Beville rejoint Ceville.") == {
        ("Beville", 2024, 5)}
    assert got("Ceville obtient 4/5 @.") == {("Ceville", 2024, 4)}


def test_S1_classee_at_a_level_is_an_award():
    assert got("Cette année encore, la ville d'Aville est classée 5@.") == {("Aville", 2024, 5)}
    # ranked without a level: nothing
    assert got("Aville est classée parmi les villes les mieux notées.") == set()


def test_R6_a_departement_with_its_number_before_a_colon_places_the_line():
    text = "Isère (38) : Aville @@@@, Beville @@.\nDrôme (26) : Ceville @@@"
    assert deps(text) == {"Aville": "38", "Beville": "38", "Ceville": "26"}
    assert got(text) == {("Aville", 2024, 4), ("Beville", 2024, 2), ("Ceville", 2024, 3)}


def test_the_label_named_only_by_a_level_in_words_and_marks_before_a_full_stop():
    # no "Villes Internet", no "arobases": "cinq @" says the label as surely as "5 @"
    assert got("Sept collectivités atteignent cinq @ : Aville, Beville et Ceville.",
               head="Palmarès 2018.\n") == {("Aville", 2018, 5), ("Beville", 2018, 5),
                                             ("Ceville", 2018, 5)}
    assert got("Aville décroche @@@@ et Beville @@.") == {("Aville", 2024, 4),
                                                          ("Beville", 2024, 2)}
    assert got("Écrire à contact@@aville.fr pour Beville.") == set()


def test_R3_present_tense_counts_and_a_bare_count_before_the_next_name():
    assert got("Aville garde ses quatre arobases ; Beville en obtient deux et Ceville une.") \
        == {("Aville", 2024, 4), ("Beville", 2024, 2), ("Ceville", 2024, 1)}
    assert got("Aville et Beville ont obtenu 3 arobases, Le Trait 2 et Ceville 1.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 3), ("Le Trait", 2024, 2), ("Ceville", 2024, 1)}
    # "tandis que" opens a clause: its name is a subject, not a place
    assert got("Aville décroche cinq @, tandis que Beville obtient deux arobases.") == {
        ("Aville", 2024, 5), ("Beville", 2024, 2)}


def test_R1_levels_in_brackets_after_a_sentence_and_a_lone_one_in_prose():
    assert got("Aville (4 @), Beville (3 @) et Ceville (2 @) complètent le palmarès.",
               head="Palmarès 2020 du label Villes Internet. ") == {
        ("Aville", 2020, 4), ("Beville", 2020, 3), ("Ceville", 2020, 2)}
    assert got("La Bretagne compte 40 villes labellisées, dont Aville (@@).") == {
        ("Aville", 2024, 2)}
    assert got("Onze communes sont récompensées. Il s'agit notamment de Aville (@@@), "
               "Beville (@@) et Ceville (@).") == {
        ("Aville", 2024, 3), ("Beville", 2024, 2), ("Ceville", 2024, 1)}
    # a lone entry in a sentence about the past, or a negation, gives nothing
    assert got("Aville (@@) avait déjà candidaté.") == set()
    assert got("Aville (@@) n'a pas été retenue.") == set()


def test_R8_a_negation_or_an_aim_is_its_clause_only():
    assert got("Aville obtient trois @, contrairement à Beville, la ville voisine, qui n'a "
               "pas candidaté.") == {("Aville", 2024, 3)}
    assert got("Aville n'a pas été labellisée cette année ; Beville obtient deux @.") == {
        ("Beville", 2024, 2)}
    assert got("Aville obtient quatre @ ; Beville, qui n'a pas candidaté, n'en a aucune.") \
        == {("Aville", 2024, 4)}
    assert got("Aville et Beville, qui n'étaient pas labellisées, obtiennent 2 @.") == {
        ("Aville", 2024, 2), ("Beville", 2024, 2)}
    # one clause: nothing, as before
    assert got("Aville ambitionne d'obtenir trois @ l'an prochain.") == set()
    assert got("Aville ne conserve pas ses 5 @ et obtient 4 @.") == set()


def test_R19_the_same_level_for_another_name_in_the_next_clause_or_sentence():
    assert got("Aville décroche quatre arobases. Beville aussi.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 4)}
    assert got("Aville passe à quatre @ ; même résultat pour Beville.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 4)}
    assert got("Aville obtient 3 @, à l'image de Beville.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 3)}
    # a sentence before that gave two levels: whose is unsure
    assert got("Aville obtient 3 @ et Beville 2 @. Ceville aussi.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 2)}


def test_R20_a_gain_is_no_level_and_R21_respectively_in_order():
    assert got("Aville gagne une @ et passe à 3.") == {("Aville", 2024, 3)}
    assert got("Aville obtient une arobase supplémentaire.") == set()
    assert got("Aville et Beville obtiennent respectivement trois et deux arobases.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 2)}
    # as many names as levels, or nothing
    assert got("Aville, Beville et Ceville obtiennent respectivement trois et deux "
               "arobases.") == set()


def test_R2_R6_a_heading_saying_who_and_names_in_apposition_to_their_place():
    assert got("Les communes labellisées une arobase : Aville, Beville.\n"
               "Les communes labellisées deux arobases : Ceville.") == {
        ("Aville", 2024, 1), ("Beville", 2024, 1), ("Ceville", 2024, 2)}
    text = "Deux communes du Doubs, Aville et Beville, obtiennent chacune deux arobases."
    assert got(text) == {("Aville", 2024, 2), ("Beville", 2024, 2)}
    assert deps(text) == {"Aville": "Doubs", "Beville": "Doubs"}
    # places opening the sentence: not laureates ("Entre" is no part of a name)
    assert got("Entre Aville et Beville, Ceville obtient deux arobases.") == {
        ("Ceville", 2024, 2)}


def test_R1_a_name_with_en_in_an_entry_and_Y_an_article_date_line():
    assert got("Côté Calvados : Aville (@@@), Beville en Bocage (@).") == {
        ("Aville", 2024, 3), ("Beville en Bocage", 2024, 1)}
    assert got("La cérémonie s'est tenue le 8 février : Aville y a reçu quatre @.",
               head="Article du 3 mars 2015.\n") == {("Aville", 2015, 4)}


def test_a_sentence_of_several_laureates_is_the_roundup_readers():
    # the release reader gives "deux arobases" to the nearest name before it (Beville);
    # that disagreement used to void Beville's three
    assert got("Aville décroche cinq @, Beville et Ceville en reçoivent trois, tandis que "
               "Deville obtient deux arobases.") == {
        ("Aville", 2024, 5), ("Beville", 2024, 3), ("Ceville", 2024, 3), ("Deville", 2024, 2)}


# -- cases found by the held-out battery (tests/press_heldout.py) --------------------------

def test_R20_en_gagne_une_is_a_gain_not_the_level_one():
    assert got("Aville conserve ses quatre arobases, Beville en gagne une et passe à "
               "trois, et Ceville entre au palmarès avec deux @.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 3), ("Ceville", 2024, 2)}


def test_R8_contre_n_en_year_is_the_earlier_level_not_the_sentence_year():
    text = ("Aville rafle les cinq arobases. Beville et Ceville obtiennent 4 @ chacune ; "
            "Deville se voit attribuer trois arobases, contre deux en 2023.")
    assert got(text) == {("Aville", 2024, 5), ("Beville", 2024, 4), ("Ceville", 2024, 4),
                         ("Deville", 2024, 3), ("Deville", 2023, 2)}


def test_R5_parmi_lesquelles_opens_the_list_of_a_counted_subject():
    assert got("Onze villes obtiennent cinq arobases, parmi lesquelles Aville, Beville et "
               "Ceville. Vingt en décrochent quatre.") == {
        ("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 5)}


def test_R4_tout_comme_after_a_complement_and_a_level_that_goes_to_names():
    assert got("Aville obtient quatre @ au label, tout comme Beville.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 4)}
    assert got("Les cinq arobases vont cette année à Aville et à Beville.") == {
        ("Aville", 2024, 5), ("Beville", 2024, 5)}
    # a complement that names another place is no list of laureates
    assert got("Aville obtient quatre @ à la cérémonie de Paris.") == {("Aville", 2024, 4)}


def test_R3_reste_au_niveau_is_an_award_gap():
    assert got("Aville atteint le niveau 4. Beville reste au niveau 3.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 3)}
    assert got("Beville ne reste pas au niveau 3.") == set()


def test_R22_a_relative_aside_about_something_else_is_set_aside():
    assert got("Aville, qui a obtenu en décembre le label Territoire Numérique Libre, "
               "décroche cette année quatre arobases.") == {("Aville", 2024, 4)}
    assert got("Beville, qui avait trois arobases en 2023, en obtient quatre cette "
               "année.", head="Publié le 2 février 2024\n") == {
        ("Beville", 2024, 4), ("Beville", 2023, 3)}  # the aside's own: below
    # a present aside holds the award
    assert got("Ceville, qui décroche quatre @, rejoint le club.") == {("Ceville", 2024, 4)}


def test_R22_en_obtient_trois_after_a_sentence_in_arobases():
    assert got("Aville obtient quatre @. Beville en obtient trois.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 3)}
    # no level in @ before: a bare count is no level
    assert got("Aville est labellisée. Beville en obtient trois.") == set()
    # a sentence about the past between them: none either
    assert got("Aville obtient quatre @. Beville en avait deux. Ceville en obtient "
               "trois.") == {("Aville", 2024, 4)}


def test_Y2_les_labellises_year_and_a_date_line_opening_with_actualite():
    assert got("Les labellisés 2023 du Cantal : Aville (3 @), Beville (4 @).", head="") == {
        ("Aville", 2023, 3), ("Beville", 2023, 4)}
    text = ("La ville d'Aville a reçu le 31 janvier dernier le label avec 4 arobases sur 5.\n"
            "Actualité publiée le 4 février 2022\n")
    assert got(text, head="") == {("Aville", 2022, 4)}
    # without its date line the page states no edition: nothing
    assert got(text.split("Actualité")[0], head="") == set()


def test_R7_an_epci_before_a_bare_count_and_R6_an_island_after_a_heading():
    assert got("Aville obtient quatre @, la communauté de communes de Beville trois, et "
               "Ceville cinq arobases.") == {
        ("Aville", 2024, 4), ("communauté de communes de Beville", 2024, 3),
        ("Ceville", 2024, 5)}
    text = "Label 2024 : à La Réunion, Aville obtient 4 @, Beville et Ceville trois arobases."
    assert got(text) == {("Aville", 2024, 4), ("Beville", 2024, 3), ("Ceville", 2024, 3)}
    assert set(deps(text).values()) == {"La Réunion"}
    # a town after "À" is where, not the names' département
    assert deps("À Aville, Beville obtient 4 @.") == {"Beville": ""}


def test_R3_the_label_name_in_the_gap_is_no_new_subject():
    assert got("Aville rafle encore la mise au label Villes Internet 2024 avec cinq "
               "arobases.", head="") == {("Aville", 2024, 5)}
    assert got("Beville décroche au label « Territoires, Villes et Villages Internet » "
               "quatre arobases.") == {("Beville", 2024, 4)}
    # a person before the subject is no laureate
    assert got("En présence de la ministre Jeanne Martin, Aville a vu renouveler son label "
               "« Ville Internet @@@@@» avec cinq arobases.") == {("Aville", 2024, 5)}


def test_R23_a_table_whose_cells_the_page_kept_apart():
    tabs = "Commune\tDépartement\tArobases\nAville\tManche\t4\nBeville\tCalvados\t@@@\n"
    assert got(tabs) == {("Aville", 2024, 4), ("Beville", 2024, 3)}
    assert deps(tabs) == {"Aville": "Manche", "Beville": "Calvados"}
    assert got("| Ville | Niveau |\n|---|---|\n| Aville | 5 @ |\n| Beville | quatre |\n") == {
        ("Aville", 2024, 5), ("Beville", 2024, 4)}
    # rows end at the first line that does not fit; no header, no table
    assert got("Commune\tArobases\nAville\t2\nLe jury a salué Beville\t3 fois.\n") == {
        ("Aville", 2024, 2)}
    assert got("Aville\tManche\t4\n") == set()


def test_R22_a_past_aside_gives_its_own_edition():
    assert got("Aville obtient trois @. Beville, qui avait deux arobases en 2023, en "
               "obtient quatre cette année.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 4), ("Beville", 2023, 2)}
    # negated, or without its year: not that award
    assert got("Beville, qui n'avait pas deux arobases en 2023, obtient quatre @.") == {
        ("Beville", 2024, 4)}
    assert got("Beville, qui avait deux arobases, obtient quatre @.") == {("Beville", 2024, 4)}


def test_R22_comme_after_a_named_subject():
    assert got("Aville a obtenu cinq @ au label 2024, comme Beville dans les Deux-Sèvres.",
               head="") == {("Aville", 2024, 5), ("Beville", 2024, 5)}
    # another edition's comparison: that edition's, never the sentence's year
    assert got("Aville obtient cinq @, comme Beville en 2022.") == {
        ("Aville", 2024, 5), ("Beville", 2022, 5)}
    # a list that does not close its clause is no list
    assert got("Aville obtient cinq @, comme le souligne Jeanne Martin.") == {
        ("Aville", 2024, 5)}
    assert ("Beville", 2024, 5) not in got("Aville obtient cinq @, comme Beville l'an dernier.")


def test_T2_a_link_to_another_article_gives_nothing():
    page = ("Publié le 05/02/2019\nAville obtient trois @ au label.\n"
            "Lire aussi : Villes Internet : Beville décroche la cinquième arobase\n"
            "À lire également : Label 2011 : Ceville obtient deux @\n"
            "> Voir aussi : Deville garde ses quatre arobases\n")
    assert got(page, head="") == {("Aville", 2019, 3)}
    # a sentence that merely opens with "lire" is no link
    assert got("Lire la liste : Aville obtient trois @.") == {("Aville", 2024, 3)}


def test_R7_an_epci_name_with_en_or_et_de_is_one_name():
    assert got("Aville et la communauté de communes du Val de Beville en Cevallée obtiennent "
               "quatre @.") == {("Aville", 2024, 4),
                                ("communauté de communes du Val de Beville en Cevallée",
                                 2024, 4)}
    assert got("La CC du Bevillois et de Pays de Ceville obtient 2 @ pour sa première "
               "candidature.") == {("CC du Bevillois et de Pays de Ceville", 2024, 2)}
    # "en" before a département stays its place, not part of the name
    found = press.extract(HEAD + "La communauté de communes de Beville en Seine-Maritime "
                          "obtient trois @.", {}).awards
    assert [(a.collectivite, a.departement) for a in found] == [
        ("communauté de communes de Beville", "Seine-Maritime")]


def test_T_a_line_cut_before_a_name_goes_on_with_its_sentence():
    # a page that kept the lines of its print layout: the list goes on after the comma
    assert got("Douze villes reçoivent cinq arobases (Aville, Beville,\nCeville…), quinze "
               "en obtiennent quatre, parmi lesquelles\nDeville et Eville.") == {
        ("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 5),
        ("Deville", 2024, 4), ("Eville", 2024, 4)}
    # a headline (no comma, no cut word at its end) stays apart from the line under it
    assert got("Aville en tête\nBeville obtient trois @.") == {("Beville", 2024, 3)}


def test_R6_a_place_line_with_its_number_above_entries():
    found = press.extract(HEAD + "Indre-et-Loire (37)\n- Aville (@@@@)\n- Beville (@@)\n"
                          "Loiret (45)\n- Ceville (@@@)\n", {}).awards
    assert {(a.collectivite, a.departement, a.level) for a in found} == {
        ("Aville", "37", 4), ("Beville", "37", 2), ("Ceville", "45", 3)}


def test_R3_a_rank_after_an_earlier_level_with_its_determiner_alone():
    assert got("Aville reçoit sa première arobase, Beville une cinquième @ et Ceville passe "
               "de trois à quatre arobases.") == {
        ("Aville", 2024, 1), ("Beville", 2024, 5), ("Ceville", 2024, 4)}
    # a gain is still no level
    assert got("Aville obtient trois @, Beville une @ de plus.") == {("Aville", 2024, 3)}


def test_R3_la_commune_nouvelle_de_is_that_commune():
    assert got("La commune nouvelle de Aville-Armor a reçu trois arobases.") == {
        ("Aville-Armor", 2024, 3)}


def test_R17_parmi_les_villes_a_level_on_retrouve_a_list():
    assert got("Parmi les territoires distingués par cinq @, on retrouve Aville, Beville et "
               "Ceville.") == {("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 5)}
    # a list that does not close its clause is no list
    assert got("Parmi les villes à cinq @, on retrouve Aville comme chaque année.") == set()


def test_S2_a_dateline_in_capitals_is_the_town_behind_la_ville():
    assert got("AVILLE. La ville a obtenu trois @ lors de la cérémonie.") == {
        ("Aville", 2024, 3)}
    found = press.extract(HEAD + "SAINT-BEVILLE-LÈS-CEVILLE (Manche). La commune a reçu "
                          "deux @.", {}).awards
    assert [(a.collectivite, a.departement, a.level) for a in found] == [
        ("Saint-Beville-lès-Ceville", "Manche", 2)]
    # two towns' datelines, or a région's: no one
    assert got("AVILLE. Travaux rue Haute.\nBEVILLE. La ville a obtenu trois @.") == set()
    assert got("BRETAGNE. La ville a obtenu trois @.") == set()


def test_R4_decerne_a_level_a_names_after_it():
    assert got("Le jury a décerné quatre @ à Aville et deux @ à Beville.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 2)}
    assert got("Le jury a attribué cinq @ à la ville de Ceville.") == {("Ceville", 2024, 5)}
    # a count of towns is no name; a place after an award of its own subject stays a place
    assert got("Le jury a décerné quatre @ à 12 villes.") == set()
    assert got("Aville a obtenu quatre @ à Paris.") == {("Aville", 2024, 4)}


def test_R1_a_name_holding_et_alone_between_separators_stays_whole():
    # "Thue et Mue" is one commune: its second word alone would be another's award; a
    # whole that names two is the geocoder's to reject, never half of it given
    assert got("Côté Calvados : Aville @@@@, Ceville et Deville @@, Eville @@@.") == {
        ("Aville", 2024, 4), ("Ceville et Deville", 2024, 2), ("Eville", 2024, 3)}
    # "et" after an entry's marks still separates two entries
    assert got("- Aville @@@ et Beville @@") == {("Aville", 2024, 3), ("Beville", 2024, 2)}


def test_Y2_laureates_in_the_plural_en_a_year_name_the_edition():
    text = "Le Département félicite les communes labellisées en 2025 :\nCinq arobases : Aville\n"
    assert got(text, head="") == {("Aville", 2025, 5)}
    # one town's "labellisée en 2018" is its history, no edition of this text
    assert got("Aville, labellisée en 2018, obtient cinq arobases.", head="") == set()


def test_R5_a_line_opening_a_bracket_goes_on_with_the_sentence_before():
    text = ("Label 2015. Quatre villes reçoivent cinq arobases\n(Aville, Beville, Ceville, "
            "Deville), deux en obtiennent trois (Eville, Fleury).")
    assert got(text, head="") == {(n, 2015, 5) for n in ("Aville", "Beville", "Ceville",
                                                          "Deville")} | {
        ("Eville", 2015, 3), ("Fleury", 2015, 3)}


def test_R1_leaders_between_an_entry_and_its_marks():
    assert got("Aville (59) ....... @@@@\nBeville (62) ....... @\n") == {
        ("Aville", 2024, 4), ("Beville", 2024, 1)}
    assert got("Ceville > @@@\nDeville > @@\n") == {("Ceville", 2024, 3), ("Deville", 2024, 2)}


def test_R3_a_bare_count_with_its_own_adverb():
    assert got("Aville obtient trois arobases, Beville deux et Ceville une seule.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 2), ("Ceville", 2024, 1)}
    assert got("Aville obtient cinq arobases, Beville trois et Ceville trois également.") == {
        ("Aville", 2024, 5), ("Beville", 2024, 3), ("Ceville", 2024, 3)}


def test_Y2_the_label_s_acronym_before_its_year():
    assert got("Label TVVI 2025 : Aville obtient deux arobases.", head="") == {
        ("Aville", 2025, 2)}


def test_R9_homonyms_placed_apart_are_two_collectivites():
    text = "Guadeloupe – Aville (@@)\nMartinique – Aville (@)\nMartinique – Beville (@@@)\n"
    assert sorted((a.collectivite, a.departement, a.level)
                  for a in press.extract(HEAD + text, {}).awards) == [
        ("Aville", "Guadeloupe", 2), ("Aville", "Martinique", 1), ("Beville", "Martinique", 3)]
    # one of them without its place could be either: two levels, none kept
    assert got("Guadeloupe – Aville (@@)\n\nAville (@)\n") == set()


def test_S1_becoming_a_labelled_town_is_the_award():
    # "devient Ville Internet 4@": the verb names its subject; without a level, nothing
    assert got("Bonne nouvelle : Aville devient Ville Internet 4@ cette année.") == {
        ("Aville", 2024, 4)}
    assert got("Aville devient la commune la plus connectée du canton.") == set()


def test_R9_a_title_naming_the_place_above_a_dated_list():
    # "Martinique – palmarès 2024", then the date line, then the list: the place is the
    # département of the names below it, the date line between does not end it
    text = "Martinique – palmarès 2024\nPublié le 8 février 2024\n– Aville : @@\n– Beville : @\n"
    assert sorted((a.collectivite, a.departement, a.level)
                  for a in press.extract(text, {}).awards) == [
        ("Aville", "Martinique", 2), ("Beville", "Martinique", 1)]
    # a title that is no place gives no département
    assert {a.departement for a in press.extract(
        "Nos lauréats – palmarès 2024\nPublié le 8 février 2024\n– Aville : @@\n– Beville : @\n",
        {}).awards} == {""}


def test_R1_a_year_opening_a_line_of_entries_is_their_edition():
    text = ("Nos lauréats année par année\n2008 : Aville @@@, Beville @@\n"
            "2012 : Ceville @ ; Deville @@@@\n")
    assert got(text, head="") == {("Aville", 2008, 3), ("Beville", 2008, 2),
                                  ("Ceville", 2012, 1), ("Deville", 2012, 4)}
    # 2010 had no edition: its line gives nothing, not the text's own edition
    assert got("2010 : Aville @@\n") == set()


# -- R25: forms of the sixth battery (tests/press_sixthhand.py) --------------------------

def test_R25_parmi_a_group_at_a_level_figurent_without_its_comma():
    assert got("Parmi les communes distinguées de quatre arobases figurent Aville, Beville "
               "et Ceville.") == {("Aville", 2024, 4), ("Beville", 2024, 4),
                                  ("Ceville", 2024, 4)}
    assert got("Parmi les villes à cinq @ figurent Aville comme chaque année.") == set()


def test_R25_a_bare_count_given_to_a_name_after_a_level():
    assert got("Le jury attribue cinq arobases à Aville et deux à Beville.") == {
        ("Aville", 2024, 5), ("Beville", 2024, 2)}
    assert got("Le jury décerne trois @ à Aville, et une à la commune de Beville.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 1)}
    # no level in @ in the sentence: a count is no level
    assert got("Le jury attribue le label à Aville et deux à Beville.") == set()


def test_R25_names_after_the_verb_each_with_de_and_its_level():
    assert got("Le jury a récompensé Aville de trois arobases et Beville de deux.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 2)}
    # "de" alone is no gap without the verb taking a name as its object
    assert ("Beville", 2024, 2) not in got(
        "Aville, récompensée de trois arobases, et Beville de deux.")


def test_R25_a_level_heading_list_with_changes_noted_in_brackets():
    found = press.extract(HEAD + "Quatre @ : Aville (+1), Beville (=), Ceville (nouveau)\n"
                          "Trois @ : Deville (-1), Eville (62)\n", {}).awards
    assert {(a.collectivite, a.departement, a.level) for a in found} == {
        ("Aville", "", 4), ("Beville", "", 4), ("Ceville", "", 4), ("Deville", "", 3),
        ("Eville", "62", 3)}


def test_R25_a_loss_then_the_level_and_counts_after_a_verb_of_level():
    assert got("- Aville perd une arobase et redescend à 2 @") == {("Aville", 2024, 2)}
    assert got("Aville passe à quatre, Beville se maintient à trois et Ceville fait son "
               "entrée avec une arobase.") == {("Aville", 2024, 4), ("Beville", 2024, 3),
                                               ("Ceville", 2024, 1)}
    # a loss alone is no level, and without a level in @ a count is none
    assert got("Aville perd une arobase.") == set()
    assert got("Aville passe à quatre, Beville se maintient à trois.") == set()


def test_R25_the_subject_after_a_contrast_when_its_relative_clause_awards():
    assert got("Aville n'a pas été relabellisée, contrairement à Beville, qui obtient deux "
               "arobases.") == {("Beville", 2024, 2)}
    assert got("Aville obtient trois @, contrairement à Beville, qui n'a pas candidaté.") \
        == {("Aville", 2024, 3)}
    assert got("Aville obtient trois @, contrairement à Beville.") == {("Aville", 2024, 3)}


def test_R25_a_past_relative_aside_dated_by_the_labels_year():
    assert got("Aville, qui avait reçu cinq arobases au label 2022, ne s'est pas "
               "représentée.") == {("Aville", 2022, 5)}
    # two years in the aside: whose level is which is unsure
    assert got("Aville, qui avait reçu cinq arobases au label 2022 et en 2021, organise "
               "un forum.") == set()


def test_R25_a_timeline_after_a_colon_gives_its_one_name_each_step():
    assert got("Aville n'a cessé de progresser : deux @ en 2015, trois en 2017 et quatre "
               "en 2020.") == {("Aville", 2015, 2), ("Aville", 2017, 3), ("Aville", 2020, 4)}
    # two names before the colon: whose steps they are is unsure; 2010 had no edition
    assert got("Aville et Beville progressent : deux @ en 2015 et trois en 2017.") == set()
    assert got("Aville progresse : deux @ en 2009 et trois en 2010.") == {("Aville", 2009, 2)}
    # steps with no level in @ are no timeline of the label
    assert got("Aville a ouvert : deux écoles en 2015, trois en 2017.") == set()


def test_R26_a_line_opened_by_an_arrondissement_keeps_the_titles_departement():
    found = press.extract("Haute-Savoie – palmarès Villes Internet 2022\n"
                          "Arrondissement de Bonneville : Cluses (3 @), Sallanches (2 @).\n"
                          "Canton de Thonon-les-Bains : Thonon-les-Bains (4 @).\n",
                          {}).awards
    assert {(a.collectivite, a.departement, a.year, a.level) for a in found} == {
        ("Cluses", "Haute-Savoie", 2022, 3), ("Sallanches", "Haute-Savoie", 2022, 2),
        ("Thonon-les-Bains", "Haute-Savoie", 2022, 4)}
    # a département opening the line still places its names
    assert deps("Savoie : Aville (3 @), Beville (2 @).") == {"Aville": "Savoie",
                                                            "Beville": "Savoie"}


def test_Y2a_a_pages_address_alone_on_its_line_dates_the_text():
    body = "\nAville décroche trois arobases au label Villes Internet.\n"
    assert got(body, "https://www.exemple.fr/region/2019/02/01/aville-trois-arobases")\
        == {("Aville", 2019, 3)}
    assert got(body, "www.exemple.fr/actualite/2017-01-27-aville-labellisee") == {
        ("Aville", 2017, 3)}
    # an address inside a sentence, or without a day in its path, dates nothing
    assert got(body, "Lire sur https://www.exemple.fr/region/2019/02/01/aville la suite.") \
        == set()
    assert got(body, "https://www.exemple.fr/region/2019/aville") == set()


def test_R26_entries_after_the_verb_or_link_that_opens_them_in_prose():
    assert got("Les lauréats sont Aville (@@@@@), Beville (@@@) et Ceville (@), tandis que "
               "Deville (@@@) fait son entrée, ainsi que la CC du Pays de Feville (@@).") == {
        ("Aville", 2024, 5), ("Beville", 2024, 3), ("Ceville", 2024, 1),
        ("Deville", 2024, 3), ("CC du Pays de Feville", 2024, 2)}
    assert got("Aville (4 @) arrive en tête, devant Beville (3 @) et Ceville (2 @).") == {
        ("Aville", 2024, 4), ("Beville", 2024, 3), ("Ceville", 2024, 2)}
    # the link alone with lower-case words before the marks gives no name
    assert got("Les lauréats sont nombreux (@@@) et Aville (@@) aussi.") == {
        ("Aville", 2024, 2)}


def test_R26_last_years_level_beside_this_years():
    assert got("Aville obtient quatre @, contre trois l'an dernier.") == {
        ("Aville", 2024, 4), ("Aville", 2023, 3)}
    assert got("Aville, qui avait trois @ l'an dernier, en obtient quatre cette année.") \
        == {("Aville", 2024, 4), ("Aville", 2023, 3)}
    assert got("Aville conserve ses quatre arobases, qu'elle détenait déjà en 2023.") == {
        ("Aville", 2024, 4), ("Aville", 2023, 4)}
    # the year before 2011 is 2010, which had no edition: no earlier award
    assert got("Aville, qui avait trois @ l'an dernier, en obtient quatre.",
               "Label 2011.\n") == {("Aville", 2011, 4)}
    assert got("Aville obtient quatre @, contre trois l'an dernier.", "Label 2011.\n") \
        == {("Aville", 2011, 4)}
    # the past alone, without "déjà en" a year, still states nothing of this edition
    assert got("Aville détenait quatre arobases.") == set()


def test_R26_bare_counts_after_en_counting_in_at():
    assert got("Aville garde ses cinq arobases. Beville et Ceville en obtiennent quatre, "
               "Deville trois.") == {("Aville", 2024, 5), ("Beville", 2024, 4),
                                     ("Ceville", 2024, 4), ("Deville", 2024, 3)}
    # without a sentence in @ before, neither "en" nor the bare count is a level
    assert got("Aville garde ses cinq classes. Beville en obtient quatre, Deville trois.") \
        == set()


def test_R26_an_entrys_earlier_level_in_its_brackets():
    assert got("- Aville (3 @, contre 2 en 2016)\n- Beville (2 @)") == {
        ("Aville", 2024, 3), ("Aville", 2016, 2), ("Beville", 2024, 2)}
    # 2010 had no edition: the earlier level is dropped, the entry's own stays
    assert got("- Aville (3 @, contre 2 en 2010)\n- Beville (2 @)") == {
        ("Aville", 2024, 3), ("Beville", 2024, 2)}


def test_R26_en_counts_in_at_from_the_prose_line_before():
    assert got("Canton de Vitré : Aville obtient quatre arobases.\n"
               "Canton de Redon : Beville en reçoit deux.\n"
               "Canton de Fougères : Ceville en obtient trois.\n") == {
        ("Aville", 2024, 4), ("Beville", 2024, 2), ("Ceville", 2024, 3)}
    # a line of something else between: "en" points to it, not to the @
    assert got("Aville obtient quatre arobases.\nLe marché compte dix étals.\n"
               "Beville en reçoit deux.\n") == {("Aville", 2024, 4)}


# -- R27: the ninth battery (tests/press_ninthhand.py, aimed at inventions) -------------

def test_R27_a_line_opened_by_a_handle_is_no_level_heading():
    assert got("Renseignements sur le compte\n@Avillenumerique. Trois @ au moins.") == set()
    # marks that head a line still give their level to the names after them
    assert got("@@@ : Aville, Beville\n") == {("Aville", 2024, 3), ("Beville", 2024, 3)}


def test_R27_a_hard_wrapped_sentence_cut_before_its_year_or_its_at():
    assert got("Aville obtient quatre @ au label Villes Internet\n2023. La ville est "
               "ravie.") == {("Aville", 2023, 4)}
    assert got("Au label Villes Internet 2023, Aville obtient trois\n@.") \
        == {("Aville", 2023, 3)}
    # a year opening a list line stays that line's edition
    assert got("Palmarès du label Villes Internet\n2019 : Aville @@@\n2021 : Beville @@\n") \
        == {("Aville", 2019, 3), ("Beville", 2021, 2)}


# -- R29: the tenth battery (tests/press_tenthhand.py, round-ups after copy-paste) -------

def test_T1f_a_word_cut_by_hyphenation_at_a_line_end_is_made_whole():
    assert got("Lannion (22) dé-\ncroche 4 @, tout comme Vi-\ntré (35).") == {
        ("Lannion", 2024, 4), ("Vitré", 2024, 4)}
    # a compound name cut at its own hyphen keeps it, before a capital or a particle
    assert got("@@@@\nHérouville-Saint-\nClair (Calvados)\nMetz (Moselle)\n") == {
        ("Hérouville-Saint-Clair", 2024, 4), ("Metz", 2024, 4)}
    assert got("Villeneuve-\nlès-Maguelone obtient trois @.") == {
        ("Villeneuve-lès-Maguelone", 2024, 3)}


def test_T1g_a_page_marker_between_two_halves_of_a_sentence_is_no_line():
    assert got("Aville obtient trois\n— Page 7 —\narobases, Beville deux.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 2)}
    assert got("@@@\nAville\nPage 3/12\nBeville\n") == {("Aville", 2024, 3),
                                                       ("Beville", 2024, 3)}


def test_R29a_names_one_a_line_each_with_its_level_on_the_next():
    text = "Aville\n4 @\nBeville (38)\n3 @\nCeville\n2 @\n"
    assert got(text) == {("Aville", 2024, 4), ("Beville", 2024, 3), ("Ceville", 2024, 2)}
    assert deps(text)["Beville"] == "38"
    # after a level line, or with a name left over at the end, the levels head the names
    # under them (R2)
    assert got("@@@@@\nAville\n@@@@\nBeville\n") == {("Aville", 2024, 5), ("Beville", 2024, 4)}
    assert got("Aville\n@@@@\nBeville\n@@@\nCeville\n") == {("Beville", 2024, 4),
                                                         ("Ceville", 2024, 3)}


def test_R29b_entries_separated_by_slashes():
    assert got("Aville 5 @ / Beville 4 @ / Ceville 3 @") == {
        ("Aville", 2024, 5), ("Beville", 2024, 4), ("Ceville", 2024, 3)}


def test_R29c_the_top_level_restated_in_figures_and_a_prize_after_un():
    assert got("Deux villes déjà récompensées par un Net d'Or obtiennent la note maximale "
               "de quatre @ : Aville et Beville.") == {("Aville", 2024, 4),
                                                      ("Beville", 2024, 4)}
    # the top level alone still says five
    assert got("Aville obtient la note maximale.") == {("Aville", 2024, 5)}


def test_R29d_a_verb_heading_its_names_after_the_colon_semicolons_too():
    assert got("Obtiennent deux @ : Aville ; Beville ; Ceville.\n"
               "Ils obtiennent 5 @ : Deville, Eville et Fleury.\n") == {
        ("Aville", 2024, 2), ("Beville", 2024, 2), ("Ceville", 2024, 2),
        ("Deville", 2024, 5), ("Eville", 2024, 5), ("Fleury", 2024, 5)}
    assert got("Quatre @ : Aville ; Beville.") == {("Aville", 2024, 4), ("Beville", 2024, 4)}


def test_R29e_a_retrospective_table_one_column_an_edition():
    assert got("Commune   2019   2021   2023\nAville   3   4   4\nBeville   –   2   @@@\n") \
        == {("Aville", 2019, 3), ("Aville", 2021, 4), ("Aville", 2023, 4),
            ("Beville", 2021, 2), ("Beville", 2023, 3)}
    # a row that is no name ("Nombre de labellisés") is none of the table's
    assert got("Commune | 2019 | 2021\nNombre de labellisés | 3 | 4\n") == set()
    assert got("Commune | 2019 | 2021\nNombre | 3 | 4\nMoyenne | 2 | 2\n") == set()
    # a column for 2010 (no edition): no table of editions
    assert got("Ville | 2009 | 2010\nAville | 3 | 4\n") == set()


def test_R29f_a_count_out_of_five_after_en():
    assert got("Aville obtient trois arobases, Beville en obtient 4 sur 5.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 4)}
    assert got("Aville obtient trois arobases, tandis que Beville en reçoit quatre sur "
               "cinq.") == {("Aville", 2024, 3), ("Beville", 2024, 4)}


def test_R29g_a_lead_counting_the_names_of_a_departement_places_the_list_under_it():
    text = "Trois communes du Finistère ont été distinguées hier.\nAville @@@\nBeville @@\n"
    assert got(text) == {("Aville", 2024, 3), ("Beville", 2024, 2)}
    assert deps(text) == {"Aville": "Finistère", "Beville": "Finistère"}
    # a région places nothing, nor two counted places
    assert deps("Trois communes de Bretagne ont été distinguées.\nAville @@@\nBeville @@\n") \
        == {"Aville": "", "Beville": ""}
    assert deps("Deux communes du Finistère et deux du Morbihan ont été distinguées.\n"
                "Aville @@@\nBeville @@\n") == {"Aville": "", "Beville": ""}


def test_R29h_a_timeline_opening_the_sentence_its_one_name_after_the_colon():
    assert got("Deux @ en 2019, trois en 2021, et quatre cette année : Aville confirme sa "
               "progression.") == {("Aville", 2019, 2), ("Aville", 2021, 3),
                                   ("Aville", 2024, 4)}
    # an aim after the colon: nothing
    assert got("Deux @ en 2019, trois en 2021 : Aville vise désormais la quatrième.") == set()


def test_R29i_a_first_participation_in_an_aside_does_not_stop_the_gap():
    assert got("Aville obtient trois arobases, tandis que Beville, pour sa première "
               "participation, en obtient quatre.") == {("Aville", 2024, 3),
                                                       ("Beville", 2024, 4)}


def test_R29j_a_name_then_its_level_au_label_in_apposition():
    assert got("La mairie d'Aville (Finistère), 3 @ au label Villes Internet 2023.") == {
        ("Aville", 2023, 3)}
    assert got("Beville (Finistère), 2 @ au palmarès 2023.") == {("Beville", 2023, 2)}


# -- R28: the label in apposition; a date between the verb and the level ------------------

def test_R28_the_label_in_apposition_after_a_name():
    assert got("La commune d'Aville (label Villes Internet 2023 : 4 @) recrute un "
               "technicien.") == {("Aville", 2023, 4)}
    assert got("Beville, label@@@ Villes Internet, ouvre un espace numérique.") \
        == {("Beville", 2024, 3)}
    assert got("Ceville (3 @ au label Villes Internet 2022) accueille le forum.") \
        == {("Ceville", 2022, 3)}
    # "depuis 2019": that year's level; the sentence's own award read apart
    assert got("Deville, Ville Internet @@@ depuis 2019, a reçu sa quatrième arobase.") \
        == {("Deville", 2019, 3), ("Deville", 2024, 4)}
    # a label aimed at, a level of the past, two levels, brackets left open: nothing
    assert got("Aville (Ville Internet @@@@) vise la cinquième arobase.") == set()
    assert got("Aville, Ville Internet @@@ @@@@, ouvre un espace.") == set()
    assert got("Aville, qui avait le label (Villes Internet : 3 @, obtient.") == set()


def test_R28_a_date_between_the_verb_and_the_level():
    assert got("Aville a reçu le 2 février 2023 sa quatrième arobase au label Villes "
               "Internet.") == {("Aville", 2023, 4)}
    assert got("Aville et Beville ont reçu jeudi 8 février trois arobases.") \
        == {("Aville", 2024, 3), ("Beville", 2024, 3)}


# -- the eleventh battery (tests/press_eleventhhand.py: town sites and local papers) --------

def test_a_vocative_names_the_readers_not_a_laureate():
    assert got("Chères Avillaises, chers Avillais,\nAville conserve ses quatre @.") \
        == {("Aville", 2024, 4)}


def test_an_epci_writing_its_kind_after_its_name_in_lower_case():
    assert got("Brest métropole confirme ses cinq @ au label Villes Internet.") \
        == {("Brest métropole", 2024, 5)}
    assert got("Aville obtient quatre @, tout comme Mauges communauté.") \
        == {("Aville", 2024, 4), ("Mauges communauté", 2024, 4)}


def test_a_subject_after_et_que_is_no_comparison():
    assert got("Agde conserve ses trois @, quand Beville obtient deux @ et que Ceville se "
               "voit attribuer une @.") == {("Agde", 2024, 3), ("Beville", 2024, 2),
                                           ("Ceville", 2024, 1)}
    # a comparison's "que" still places its name
    assert got("Aville obtient plus d'arobases que Beville : quatre @.") == {("Aville", 2024, 4)}


def test_joining_the_club_of_five_in_the_same_sentence():
    assert got("Aville rejoint le cercle très fermé des villes 5 @.") == {("Aville", 2024, 5)}


def test_en_compte_with_an_adverb():
    assert got("Aville, qui avait décroché 2 @ en 2017, en compte désormais trois.") \
        == {("Aville", 2024, 3), ("Aville", 2017, 2)}


def test_a_level_kept_since_a_year():
    assert got("Aville confirme les quatre @ obtenues en 2019.") \
        == {("Aville", 2024, 4), ("Aville", 2019, 4)}
    assert got("Beville renouvelle ses trois @, obtenues pour la première fois en 2020.") \
        == {("Beville", 2024, 3), ("Beville", 2020, 3)}
    # without a verb of keeping, the participle's year is the level's own
    assert got("C'est le cas de Ceville et ses quatre @ également décrochés en 2018.") \
        == {("Ceville", 2018, 4)}


def test_a_by_lines_date_with_its_times_and_arobace():
    assert got("Aville a reçu sa 4e arobace au label Villes Internet.",
               head="Publié le 01/02/2023 à 07:45, mis à jour à 09:10\n") \
        == {("Aville", 2023, 4)}


def test_S9_a_towns_own_history_one_edition_a_line():
    assert got("Ville d'Aville\nNotre label Villes Internet\n2015 : 2 @\n2017 : @@@\n"
               "En 2019 : quatre arobases\n") == {
        ("Aville", 2015, 2), ("Aville", 2017, 3), ("Aville", 2019, 4)}
    # a title naming two, or none: the lines stand for no one
    assert got("Aville et Beville\nNotre label\n2015 : 2 @\n") == set()
    assert got("Notre label Villes Internet\n2015 : 2 @\n") == set()


def test_R28_a_level_alone_in_apposition_after_a_name():
    assert got("Aville, 4 arobases au compteur, fait partie des lauréats.") \
        == {("Aville", 2024, 4)}
    assert got("Beville, deux @ l'an dernier, en obtient trois.") \
        == {("Beville", 2023, 2), ("Beville", 2024, 3)}
    # a list of entries reads the same; an aim leaves the sentence unread
    assert got("Aville, 3 @, Beville, 2 @, Ceville, 1 @.") == {
        ("Aville", 2024, 3), ("Beville", 2024, 2), ("Ceville", 2024, 1)}
    assert got("Deville, deux @ en 2019, vise la quatrième.") == set()


def test_R25_a_change_noted_in_prose_is_no_gap():
    assert got("Aville (+1) obtient trois @, Beville (=) garde ses deux @.") \
        == {("Aville", 2024, 3), ("Beville", 2024, 2)}


# -- the thirteenth battery (tests/press_thirteenthhand.py: the daily's narrative) ----------

def test_a_photos_caption_is_no_part_of_the_text():
    assert got("Aville obtient quatre @.\nPhoto : les élus avec le panneau aux cinq "
               "arobases. © Le Journal") == {("Aville", 2024, 4)}


def test_an_epcis_kind_cut_from_its_name_by_the_lines_end():
    assert got("Beville obtient deux @. Lannion-Trégor\nCommunauté, de son côté, garde ses "
               "trois @.") == {("Beville", 2024, 2), ("Lannion-Trégor Communauté", 2024, 3)}


def test_lauréate_is_no_name_and_pays_basque_is_one():
    assert got("Lauréate du label Villes Internet avec trois arobases, Aville ouvre un "
               "espace.") == set()
    assert got("La communauté d'agglomération du Pays basque décroche trois @.") \
        == {("communauté d'agglomération du Pays basque", 2024, 3)}


def test_grimpe_and_only_and_a_past_aside_with_brackets():
    assert got("Aville grimpe à quatre @. Beville grimpe de deux à trois @.") \
        == {("Aville", 2024, 4), ("Beville", 2024, 3)}
    assert got("Ceville, qui détenait quatre arobases en 2023, n'en garde que trois.") \
        == {("Ceville", 2023, 4), ("Ceville", 2024, 3)}
    assert got("Deville, qui affichait trois @ au label 2023, grimpe à quatre.") \
        == {("Deville", 2023, 3), ("Deville", 2024, 4)}


def test_a_dateline_closed_by_a_dash():
    assert got("Aville décroche cinq arobases.", head="LYON, 18 mars 2005 -\n") \
        == {("Aville", 2005, 5)}


def test_an_asides_year_never_dates_the_other_names_of_its_sentence():
    # the release reader dated the sentence by the aside's "en 2020"; the round-up
    # reader's evidence is now the same printed sentence, so the two readings meet
    assert got("Aville obtient quatre arobases, tandis que Beville, qui en avait deux en "
               "2020, passe à trois.") == {("Aville", 2024, 4), ("Beville", 2024, 3)}


def test_R29d_a_verb_heading_only_with_names_that_close_the_line():
    assert got("Ils obtiennent 5 @ : Aville s'en félicite.") == set()


# -- the twelfth battery (tests/press_twelfthhand.py: long round-ups, names as printed) -----

def test_level_headings_with_an_article_or_a_bracket():
    assert got("Les 5 @ : Aville (62), Beville (79).\nQuatre @ (le niveau maximal) : "
               "Ceville.\nTrois @ (sélection) : Deville, Eville.") == {
        ("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 4),
        ("Deville", 2024, 3), ("Eville", 2024, 3)}


def test_a_share_menu_and_names_alone_after_a_level_give_nothing():
    assert got("1 @\nAville\n\nPartager Facebook Twitter Mail") == {("Aville", 2024, 1)}
    # names alone after a level are no "aussi" (a line cut before its verb)
    assert got("Aville obtient quatre @. Beville, Ceville") == {("Aville", 2024, 4)}
    assert got("Aville obtient quatre @. Beville aussi.") == {("Aville", 2024, 4),
                                                             ("Beville", 2024, 4)}


def test_a_page_without_accents_and_names_as_printed():
    assert got("La 20e edition du label Villes Internet a ete devoilee.\n"
               "Niveau 4 @ : Marcq en Baroeul, Bourg en Bresse", head="") == {
        ("Marcq en Baroeul", 2019, 4), ("Bourg en Bresse", 2019, 4)}
    assert got("Aix - les - Bains : 3 @ ; Grand Annecy (agglomération) : 3 @.") == {
        ("Aix-les-Bains", 2024, 3), ("Grand Annecy", 2024, 3)}
    # "en" before a région or a département still places the name
    assert got("Aville en Bretagne obtient deux @.") == {("Aville", 2024, 2)}


def test_R23_a_table_copied_one_cell_a_line():
    assert got("Commune\nDépartement\nNiveau\nLE HAVRE\n76\n@@@@@\nCAEN\n14\n@@@@\n"
               "VERNON\n27\n@\nSource : l'association") == {
        ("LE HAVRE", 2024, 5), ("CAEN", 2024, 4), ("VERNON", 2024, 1)}


def test_names_that_have_their_level_and_a_bare_count_subject():
    assert got("Aville, Beville et Ceville ont chacune quatre @ ; Deville et Eville trois.") \
        == {("Aville", 2024, 4), ("Beville", 2024, 4), ("Ceville", 2024, 4),
            ("Deville", 2024, 3), ("Eville", 2024, 3)}
    assert got("Quatre obtiennent quatre @ : Aville, Beville (44), Ceville et Deville.") \
        == {("Aville", 2024, 4), ("Beville", 2024, 4), ("Ceville", 2024, 4),
            ("Deville", 2024, 4)}
    # a level missed is no level had
    assert got("Aville a raté la quatrième @ de peu.") == set()


def test_lines_going_on_after_a_conjunction_or_a_semicolon():
    assert got("Aville obtient quatre @. Beville (17)\net Ceville reçoivent trois @.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 3), ("Ceville", 2024, 3)}
    assert got("Aville et Beville ont quatre @ ;\nCeville et Deville trois.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 4), ("Ceville", 2024, 3),
        ("Deville", 2024, 3)}


def test_a_level_for_epci_named_with_their_article():
    assert got("Quatre @ pour la Communauté d'agglomération du Pays Basque, la CU Caen la "
               "Mer et Vitré Communauté.") == {
        ("Communauté d'agglomération du Pays Basque", 2024, 4), ("CU Caen la Mer", 2024, 4),
        ("Vitré Communauté", 2024, 4)}


def test_R29k_a_population_beside_the_name_and_a_bar_before_the_level():
    assert got("Aville (22 000 hab.) 4 @, Beville (18 000 hab.) 3 @") == {
        ("Aville", 2024, 4), ("Beville", 2024, 3)}
    assert got("• Aville | 4 @\n• Beville (1 200 hab.) | 3 @") == {
        ("Aville", 2024, 4), ("Beville", 2024, 3)}


def test_R29l_a_page_number_or_running_head_inside_a_heading_s_list():
    assert got("@@@@\nAville\n12\nBeville\n@@@\nCeville\n") == {
        ("Aville", 2024, 4), ("Beville", 2024, 4), ("Ceville", 2024, 3)}
    assert got("@@@@\nAville\nVILLES INTERNET – PALMARÈS 2024 – 3\nBeville\n") == {
        ("Aville", 2024, 4), ("Beville", 2024, 4)}


def test_R29m_a_heading_s_names_between_dashes_bullets_or_bars():
    assert got("4 @ : Aville – Beville – Ceville\nTrois @ : Deville • Eville | Fleury\n") == {
        ("Aville", 2024, 4), ("Beville", 2024, 4), ("Ceville", 2024, 4),
        ("Deville", 2024, 3), ("Eville", 2024, 3), ("Fleury", 2024, 3)}


def test_the_same_level_as_last_year():
    assert got("Aville obtient trois @, comme l'an dernier.") == {
        ("Aville", 2024, 3), ("Aville", 2023, 3)}
    # 2010 had no edition: "comme l'an dernier" in 2011 gives that year only
    assert got("Aville obtient trois @, comme l'an dernier.",
               head="Publié le 8 février 2011\n") == {("Aville", 2011, 3)}


# -- the fourteenth battery (tests/press_fourteenthhand.py: a representative sample) -------

def test_the_top_level_restated_with_its_count():
    assert got("Aville, Beville et Ceville reçoivent le plus haut niveau, quatre @.",
               head="Actualités | 22/03/2000\nLe label Villes Internet 2000.\n") == {
        ("Aville", 2000, 4), ("Beville", 2000, 4), ("Ceville", 2000, 4)}


def test_a_gain_with_an_adverb_is_no_level():
    assert got("Aville et Beville obtiennent quatre @ ; Aville, qui avait trois @ en "
               "2022, gagne ainsi une arobase.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 4), ("Aville", 2022, 3)}


def test_a_prose_lines_colon_opens_the_list_below_it():
    assert got("Sur 230 collectivités labellisées, neuf obtiennent le niveau maximal de "
               "cinq @ :\nAville, Beville et Ceville.") == {
        ("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 5)}


def test_another_labels_level_and_a_rubric_give_nothing():
    assert got("Aville reçoit le niveau 3 du label Territoire Numérique Libre.") == set()
    assert got("Aville atteint le niveau 4 du label Villes Internet.") == {("Aville", 2024, 4)}
    assert got("Numérique : quatre arobases pour Aville\nAville obtient quatre @.") == {
        ("Aville", 2024, 4)}

def test_R29n_a_departement_s_number_then_a_dash_opens_its_line():
    text = "Finistère (29) – Aville @@@@@, Beville @@@\nMorbihan (56) – Ceville @@@@\n"
    assert got(text) == {("Aville", 2024, 5), ("Beville", 2024, 3), ("Ceville", 2024, 4)}
    assert deps(text) == {"Aville": "29", "Beville": "29", "Ceville": "56"}


def test_R29o_a_level_heading_counting_its_names_then_the_names_under_it():
    assert got("@@@@@ – 2 villes\nAville\nBeville\n@@@@ (1 commune)\nCeville\n"
               "3 @ : 1 lauréat\nDeville\n") == {
        ("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 4),
        ("Deville", 2024, 3)}


def test_R29p_they_are_twelve_to_obtain_a_level_then_the_list():
    assert got("Ils sont douze à obtenir quatre @ : Aville, Beville, Ceville.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 4), ("Ceville", 2024, 4)}
    assert got("Ils sont douze à viser quatre @ : Aville, Beville.") == set()


def test_R28_the_first_at_in_an_opening_phrase():
    assert got("Depuis sa première arobase en 2013, Aville n'a cessé de progresser.") == {
        ("Aville", 2013, 1)}
    assert got("Depuis 2005, année où elle avait reçu sa première arobase, Beville étoffe "
               "ses services.") == {("Beville", 2005, 1)}
    assert got("Depuis sa première arobase en 2013, Aville vise la cinquième.") == set()


# -- the sixteenth battery (tests/press_sixteenthhand.py: national titles, representative) --

def test_the_top_level_restated_after_du():
    assert got("Parmi les collectivités distinguées du niveau maximal, cinq @, figurent "
               "Aville, Beville et Ceville, fidèles au rendez-vous.") == {
        ("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 5)}


def test_a_name_after_a_noun_about_it_then_its_relative_clause():
    assert got("Le jury a salué la progression d'Aville, qui passe de deux à trois @.") == {
        ("Aville", 2024, 3)}
    # a neighbour's is not its own
    assert got("La voisine de Beville, qui obtient trois @, ouvre un espace.") == set()


# -- the seventeenth battery (tests/press_seventeenthhand.py: small towns, representative) --

def test_a_place_opening_after_a_short_lead():
    assert deps("Plus au nord, dans le Lot, Figeac reçoit trois @.") == {"Figeac": "Lot"}


def test_a_counted_list_in_brackets_after_the_labels_name():
    assert got("Trois villes reçoivent quatre arobases au label Villes Internet (Aville, "
               "Beville et Ceville, dans la Meuse). Deville obtient trois @.") == {
        ("Aville", 2024, 4), ("Beville", 2024, 4), ("Ceville", 2024, 4),
        ("Deville", 2024, 3)}


def test_R28_earlier_levels_in_an_opening_phrase():
    assert got("Après deux @ en 2021 et en 2022, Aville obtient trois @ au label Villes "
               "Internet 2024.") == {("Aville", 2021, 2), ("Aville", 2022, 2),
                                     ("Aville", 2024, 3)}


# -- the eighteenth battery (tests/press_eighteenthhand.py: regional dailies) --------------

def test_a_colon_after_among_the_towns_that_get_a_level_and_notamment_pour():
    assert got("Parmi les villes qui obtiennent cinq @ : Aville, Beville et Ceville. Trois @ "
               "notamment pour Deville et Eville.") == {
        ("Aville", 2024, 5), ("Beville", 2024, 5), ("Ceville", 2024, 5),
        ("Deville", 2024, 3), ("Eville", 2024, 3)}


# -- the nineteenth battery (tests/press_nineteenthhand.py: collectivités' own pages) ------

def test_a_common_noun_after_l_is_no_name_and_elided_verbs_with_par():
    assert got("L'agglomération obtient quatre @ au label Villes Internet.") == set()
    assert got("Aville et Beville sont récompensées par trois @, Ceville et Deville par "
               "deux @.") == {("Aville", 2024, 3), ("Beville", 2024, 3), ("Ceville", 2024, 2),
                              ("Deville", 2024, 2)}


def test_the_labels_name_cut_by_the_lines_end_and_two_places_opening():
    assert got("Aville obtient quatre @ au label Villes\nInternet 2023, Beville trois @.") == {
        ("Aville", 2023, 4), ("Beville", 2023, 3)}
    assert deps("En Aveyron et dans le Lot, Rodez et Figeac reçoivent deux @.") == {
        "Rodez": "", "Figeac": ""}
