"""The press loader: one test per rule of ``loaders/press/release.py`` and
``initiatives.py``, driven by sentences of real releases (the seeds, in ``ATLAS_SEEDS``),
the five seeds in full, and ``load press``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from atlas.config import Config
from atlas.errors import ConfigError, InputError
from loaders import domains, press
from loaders.press import load as press_load

KEYWORDS = {d.code: d.keywords for d in domains.read()}
VILLEJUIF, MUREAUX, CHANTELOUP, ALFORTVILLE, NATIONAL = (
    "000_b2a07cc94a5e05f0", "001_e4f31ff127e658e0", "002_179e1212cd0f65b0",
    "003_43f0902c823896e8", "004_1995dada92822a09")


def seeds() -> Path:
    """The seed releases' folder (``ATLAS_SEEDS``, default ../shared/seeds)."""
    try:
        return Config.from_env().require_seeds()
    except ConfigError as e:
        pytest.fail(f"these tests need the seed releases: {e}")


def seed(stem: str) -> str:
    path = seeds() / f"{stem}.txt"
    if not path.is_file():
        pytest.fail(f"these tests need the seed releases: {path} is missing")
    return path.read_text(encoding="utf-8")


def awards(text: str) -> list[tuple[str, int, int]]:
    return [(a.collectivite, a.year, a.level) for a in press.extract(text, KEYWORDS).awards]


def levels(sentence: str) -> list[int]:
    return [lv.level for lv in press.levels(sentence) if not lv.earlier]


# -- L: levels ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, level", [
    ("La Ville de Villejuif, pour sa seconde participation, remporte une quatrième arobase", 4),
    ("la ville de Villejuif est de nouveau récompensée par l'obtention de 4@ (4/5)", 4),
    ("Ce jeudi 3 février 2022, la ville des Mureaux a reçu sont 5 arobases", 5),
    ("la ville de Chanteloup-les-Vignes a reçu 4 @ au cours de la Cérémonie", 5 - 1),
    ("La Ville des Mureaux a remporté cinq arobases, soit la plus haute distinction", 5),
    ("Alfortville vient une nouvelle fois d'obtenir le label 5@", 5),
    ("la ville de Cergy est « Ville Internet @@@ »", 3),
    ("Saint-Quentin décroche sa 4e arobase", 4),
    ("seules 8 collectivités atteignent le niveau de labélisation 4 arobas (@)", 4),
])
def test_L1_levels_as_the_releases_write_them(sentence, level):
    assert levels(sentence) == [level]


def test_L1_the_top_level_in_words_only_without_a_level_in_figures():
    assert levels("Depuis 2018, la Ville obtient chaque année cette distinction suprême") == [5]
    assert levels("la ville a reçu sont 5 arobases qui constitue le niveau de labellisation "
                  "le plus élevé") == [5]
    assert levels("la ville obtient 4@, le plus haut niveau jamais atteint par la commune") \
        == [4]


@pytest.mark.parametrize("sentence", [
    "une marque territoriale matérialisée par un panneau de @ à @@@@@ à afficher",
    "pour les organiser dans un référentiel entre une à cinq arobases",
    "(le plus haut niveau de distinction s'arrêtant à 5 @)",
    "« Cette confirmation de notre label 5 arobase est une belle reconnaissance du travail »",
    "la ville de Lyon gagne une arobase supplémentaire",
    "Elle progresse ainsi d'une arobase par rapport à 2022.",
])
def test_L2_scales_brackets_speech_and_increments_are_not_levels(sentence):
    assert levels(sentence) == []


def test_L2_an_aim_or_a_negation_awards_nothing():
    assert awards("Label Villes Internet 2020 : la ville de Rennes vise la cinquième arobase.") \
        == []
    assert awards("Label Villes Internet 2020 : la ville de Rennes n'a pas obtenu 4@.") == []


def test_L3_a_progression_gives_the_new_level_and_the_old_one_only_with_its_year():
    assert awards("Palmarès 2019 : la Ville de Brest passe de 3 à 4 arobases.") == \
        [("Brest", 2019, 4)]
    assert awards("Palmarès 2019 : la Ville de Brest passe de 3@ en 2018 à 4@.") == \
        [("Brest", 2019, 4), ("Brest", 2018, 3)]
    assert awards("Labels Villes Internet 2020 : Montreuil passe de 3 @ à 4 @ !") == \
        [("Montreuil", 2020, 4)]


# -- S: who is awarded --------------------------------------------------------------------

@pytest.mark.parametrize("text, who", [
    ("Ce jeudi 3 février 2022, la ville des Mureaux a reçu sont 5 arobases.", "Les Mureaux"),
    ("Label national Territoires, villes et villages Internet : Alfortville confirme ses 5@ "
     "le 4 février 2021", "Alfortville"),
    ("Le 21ème label national Territoires, Villes et Villages Internet a distingué la Ville de "
     "Chanteloup-les-Vignes pour ses initiatives numériques locales en lui attribuant la note "
     "de 4 @", "Chanteloup-les-Vignes"),
    ("Le label 4@ a été décerné à la ville de Nantes lors de la cérémonie du 29 janvier 2019.",
     "Nantes"),
    ("La Communauté d'agglomération du Pays Basque obtient 3@ au label 2022.",
     "Communauté d'agglomération du Pays Basque"),
    ("Palmarès 2022 : la mairie de Rodez a reçu le label 3@ lors de la cérémonie.", "Rodez"),
])
def test_S1_the_collectivite_named_before_the_level_or_granted_it(text, who):
    assert [a[0] for a in awards(text)] == [who]


def test_L4_a_running_total_is_the_level():
    assert levels("Aville a gagné un rang, portant son total d'arobases à 3.") == [3]
    assert levels("Beville progresse encore et porte son total à 4 @.") == [4]
    assert levels("Ceville a obtenu un rang supplémentaire.") == []
    assert awards("Label 2019 : la ville de Créteil a obtenu un rang de plus, portant son "
                  "total d'arobases à quatre.") == [("Créteil", 2019, 4)]
    # "en" for the level noun written before it: what the collectivité holds now
    assert levels("Aville gagne une arobase et en possède désormais quatre.") == [4]
    assert levels("Beville obtient une @ supplémentaire et en compte maintenant 3.") == [3]
    assert levels("Ceville en possède désormais quatre.") == []  # no level noun before
    assert levels("Deville gagne une place et en possède désormais quatre.") == []
    assert levels("Eville gagne une arobase et en possédait quatre.") == []  # the past
    assert awards("Label 2014 : la ville de Créteil gagne une arobase et en possède "
                  "désormais quatre.") == [("Créteil", 2014, 4)]


def test_S1_the_subject_after_an_opening_participle():
    assert awards("Label 2021 : la ville de Mérignac obtient 5@.\nDéjà labellisée 4@ en 2020, "
                  "la ville progresse.") == [("Mérignac", 2021, 5), ("Mérignac", 2020, 4)]


def test_S1_a_departement_written_beside_the_name_is_kept():
    found = press.extract("Label Villes Internet 2020 : la Ville de Villejuif (94) obtient 4@.",
                          KEYWORDS).awards
    assert [(a.collectivite, a.departement) for a in found] == [("Villejuif", "94")]


def test_S2_la_ville_stands_for_the_one_collectivite_the_text_awards():
    text = ("Alfortville confirme ses 5@ au label 2021.\n"
            "Depuis 2018, la Ville obtient chaque année cette distinction suprême.")
    assert awards(text)[0] == ("Alfortville", 2021, 5) and len(awards(text)) == 4
    assert awards("Label 2021.\nLa ville a obtenu 4@ au label 2021.") == []
    two = ("Label 2021 : la ville de Créteil obtient 4@ et la ville de Nantes obtient 3@.\n"
           "Depuis 2018, la Ville obtient chaque année cette distinction suprême.")
    assert sorted(awards(two)) == [("Créteil", 2021, 4), ("Nantes", 2021, 3)]


def test_S1_celebrating_its_level_is_holding_it():
    assert awards("Label 2021 : la municipalité de Rodez fête ses 4@.") == [("Rodez", 2021, 4)]
    assert awards("Label 2021 : Rodez célèbre ses cinq arobases.") == [("Rodez", 2021, 5)]
    # a feast is no award
    assert awards("Label 2021 : la ville de Rodez fête la science, 4@ en vue.") == []


def test_S2_elle_stands_for_the_one_bare_subject_of_an_award_verb():
    text = ("Rodez confirme son label\nLe 22e label Villes Internet a été remis hier. Elle "
            "conserve ses 4 @.")
    assert awards(text) == [("Rodez", 2021, 4)]
    # two such subjects: "Elle" stands for neither
    assert awards("Rodez confirme son label. Albi décroche le sien.\nLe 22e label Villes "
                  "Internet a été remis hier. Elle conserve ses 4 @.") == []
    # a "ville de X" elsewhere is the one "Elle" stands for, as before
    assert awards("Rodez confirme son label. La ville d'Albi est venue aussi.\nLe 22e label "
                  "Villes Internet a été remis hier. Elle conserve ses 4 @.") \
        == [("Albi", 2021, 4)]


def test_S2_notre_commune_is_the_publisher_even_beside_other_laureates():
    text = ("Label 2024 : la ville de Créteil reçoit cinq arobases, Nantes en obtient trois.\n"
            "Nos services en ligne ont permis à notre commune d'être récompensée d'une "
            "première @ en 2017.")
    assert ("Créteil", 2017, 1) in awards(text)
    # two towns named "ville de X": "notre commune" is unsure
    unsure = ("Label 2024 : la ville de Créteil et la ville de Nantes reçoivent 3 @.\n"
              "Cela a permis à notre commune d'obtenir une première @ en 2017.")
    assert all(a[1] != 2017 for a in awards(unsure))


def test_S3_a_permis_a_names_the_one_awarded():
    assert awards("Le budget participatif a permis à la ville de Créteil d'obtenir 4 @ au "
                  "label 2022.") == [("Créteil", 2022, 4)]
    assert awards("Le jury réuni à la ville de Créteil a décerné 4 @ au label 2022.") == []


def test_S3_the_agent_of_a_passive_award_verb_is_the_one_awarded():
    head = "Villes Internet 2022 : "
    assert awards(head + "la rare distinction de cinq @ a aussi été décrochée par la ville "
                  "de Créteil.") == [("Créteil", 2022, 5)]
    assert awards(head + "quatre @ ont été obtenues cette année par la commune de "
                  "Créteil.") == [("Créteil", 2022, 4)]
    # "décernées par", "attribuées par": the giver, never the one awarded
    assert awards(head + "quatre @ ont été décernées par la ville de Créteil.") == []
    assert awards(head + "4 @ attribuées par la commune de Créteil.") == []


def test_S3_a_place_or_a_plural_subject_is_not_awarded():
    sentence = ("Le mardi 4 février 2020, la ville de Chanteloup-les-Vignes a reçu 4 @ au "
                "cours de la Cérémonie de remise du 21ème label national qui s'est déroulée "
                "à Martigues.")
    assert awards(sentence) == [("Chanteloup-les-Vignes", 2020, 4)]
    assert awards("Label 2020. A l'échelle de l'Île-de-France, seules 8 collectivités "
                  "atteignent le niveau de labélisation 4 arobas (@).") == []
    assert awards("Labels 2019 : seules 3 villes atteignent 5@ en Bretagne dont la ville "
                  "de Brest.") == []
    # the label's own name is no plural subject
    assert awards("La Ville de Sèvres a reçu le 2 février 2023 le label Territoires, Villes "
                  "et Villages Internet avec 4 @.") == [("Sèvres", 2023, 4)]


def test_Y2b_a_coming_edition_does_not_date_the_awards():
    text = ("La ville de Créteil se distingue avec 4 arobases. Puis, du 3 au 5 mars 2031, se "
            "tiendra la cinquième édition du label.")
    assert awards(text) == []
    assert awards("La ville de Créteil se distingue avec 4 arobases à la cinquième édition "
                  "du label.") == [("Créteil", 2003, 4)]


def test_Y5_the_same_award_again_by_reference():
    text = ("La ville de Créteil a reçu les 4@ au label 2017. Elle avait déjà obtenu cette "
            "récompense en 2016.")
    assert sorted(awards(text)) == [("Créteil", 2016, 4), ("Créteil", 2017, 4)]
    # the sentence before gives no level: nothing; an aim: nothing
    assert awards("Label 2017 : la ville de Créteil est à l'honneur. Elle avait déjà obtenu "
                  "cette récompense en 2016.") == []
    assert sorted(awards("La ville de Créteil a reçu 4@ au label 2017. Elle n'avait pas "
                         "déjà obtenu cette récompense en 2016.")) == [("Créteil", 2017, 4)]


# -- Y: years -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, years", [
    ("lors de la cérémonie de remise des Labels Villes Internet 2019, qui s'est déroulée le "
     "mardi 29 janvier 2019", {2019}),
    ("l'obtention de 4@ (4/5) à l'occasion du palmarès 2019 du Label Villes Internet", {2019}),
    ("Le mardi 4 février 2020, la ville a reçu 4 @ au cours de la Cérémonie", {2020}),
    ("Près de 220 collectivités étaient à l'honneur lors de cette 22e cérémonie du Label.",
     {2021}),
    ("Cérémonie de remise du 21ème label national", {2020}),
    ("obtenir le label 5@ décerné par l'association Villes Internet le 4 février dernier",
     {2021}),
    ("la ville a connu une année 2021 riche de projets en faveur du digital.", set()),
    ("Le 12 octobre 2019, la ville a reçu le label", set()),
    ("Ce sont 140 communes qui ont été récompensées pour l'année 2016.", {2016}),
    ("La ville a été labellisée au titre de l'année 2018.", {2018}),
    ("La ville prépare pour l'année 2016 un nouveau site.", set()),
    # the event named with its month and year, no day
    ("Les 150 communes du concours organisé en mars 2000 ont reçu un panneau.", {2000}),
    ("Elle était à la cérémonie de février 2019 avec ses voisines.", {2019}),
    ("Le concours organisé en octobre 2019 a réuni des villages.", set()),
    ("La ville a ouvert un espace numérique en mars 2019.", set()),
])
def test_Y2_edition_years(sentence, years):
    assert press.edition_years(sentence, (2021, 2)) == years


def test_Y2_the_release_date_reads_le_4_fevrier_dernier():
    doc = press.blocks(seed(ALFORTVILLE))
    assert press.release_date(doc) == (2021, 2)
    assert press.current_edition(doc, (2021, 2)) == 2021


def test_Y2a_a_line_opening_with_a_numeric_date_dates_the_release():
    text = ("Rodez garde ses arobases\n14/02/2022 | 09h12\nLa ville de Rodez a reçu le "
            "label 3@ lors de la cérémonie.")
    assert press.release_date(press.blocks(text)) == (2022, 2)
    assert awards(text) == [("Rodez", 2022, 3)]
    # day first: 02/14/2022 is no date; a date late in the year names no edition
    assert press.release_date(press.blocks("02/14/2022\nLa ville de Rodez a reçu 3@.")) \
        is None
    assert awards("14/10/2022\nLa ville de Rodez a reçu le label 3@.") == []
    # a figure inside a sentence is not the release's date
    assert press.release_date(press.blocks(
        "La ville de Rodez compte 12/02/2022 visiteurs et a reçu 3@ lors de la cérémonie "
        "nationale du label.")) is None


def test_Y2a_publie_le_and_a_numeric_date_and_late_ceremonies_up_to_2009():
    text = ("Quatre arobases pour Lunel\nPublié le 03/12/2007 - 10:15\nLa ville de Lunel a "
            "reçu 4@ lors de la cérémonie de mardi soir.")
    assert press.release_date(press.blocks(text)) == (2007, 12)
    assert awards(text) == [("Lunel", 2007, 4)]  # editions up to 2009 closed their year
    # from 2011 on, December is the time of calls for applications: no edition
    assert awards("Publié le 03/12/2021 - 10:15\nLa ville de Lunel a reçu 4@.") == []


@pytest.mark.parametrize("line, dated", [
    ("Paris, le 02 février 2021", (2021, 2)),
    ("Saint-Jean-de-Luz, le 3 février 2022", (2022, 2)),
    ("Édition du jeudi 17 décembre 2009", (2009, 12)),
    ("Publié le 3 mai 2017 à 13h49 - par", (2017, 5)),
])
def test_Y2a_date_lines_of_releases_and_newsletters(line, dated):
    assert press.release_date(press.blocks(line + "\nLa ville de Lunel a reçu 4@.")) == dated
    # a sentence that merely holds a date is no date line
    assert press.release_date(press.blocks(
        "Paris a accueilli, le 02 février 2021, la remise des labels.")) is None


@pytest.mark.parametrize("line, dated", [
    ("Gers - 12 février 2016", (2016, 2)),
    ("Landes | 3 février 2022", (2022, 2)),
    ("Séance du 21 mars 2019", (2019, 3)),
    ("Par notre correspondante - 09/02/2018", (2018, 2)),
    ("Haute-Vienne. Publié le 28/01/2015", (2015, 1)),
    ("Le Petit Journal de Lunel - n° 41 - mai 2023", (2023, 5)),
])
def test_Y2d_a_short_line_closed_by_a_date_dates_the_release(line, dated):
    assert press.release_date(press.blocks(line + "\nLa ville de Lunel a reçu 4@.")) == dated
    # the date must close the line, and a month alone needs its dash: a heading "Mai
    # 2023" or a sentence that goes on after its date is no date line
    for line in ("Mai 2023", "Séance du 21 mars 2019 : la ville de Lunel a reçu 4@",
                 "La cérémonie aura lieu le 4 février 2027"):
        assert press.release_date(press.blocks(line + "\nLa ville de Lunel a reçu 4@.")) \
            is None


def test_S4_the_subject_after_a_verb_of_saying_and_que():
    assert awards("Publié le 9 février 2021\nLe maire rappelle que la commune de Lunel a "
                  "obtenu le label Villes Internet avec trois arobases.") == [("Lunel", 2021, 3)]
    assert awards("Publié le 9 février 2021\nMme la Maire informe l'assemblée que la ville "
                  "de Lunel a reçu 4@ au label.") == [("Lunel", 2021, 4)]
    # a comparison's "que" still names no laureate
    assert awards("Publié le 9 février 2021\nLa ville fait mieux que Lunel, avec 4@ au "
                  "label.") == []


def test_S5_a_level_after_another_clause_subject_is_not_the_nearest_mentions():
    # the reader cannot read "Les Herbiers font leur entrée" as a mention: Lunel's own
    # level is unsure then, never the other subject's one arobase
    got = awards("Label 2021.\nLunel se maintient à trois et Les Herbiers font leur "
                 "entrée avec une arobase.")
    assert ("Lunel", 2021, 1) not in got
    got = awards("Label 2021.\nLunel se maintient, Castries fait son entrée avec une @.")
    assert ("Lunel", 2021, 1) not in got
    # a label's words are no subject: the nearest mention keeps its level
    assert awards("Label 2021.\nLa ville de Lunel obtient, au label Villes Internet, "
                  "trois arobases.") == [("Lunel", 2021, 3)]


def test_S6_the_name_right_after_the_verb_its_level_right_after_it():
    head = "Publié le 9 février 2021\n"
    assert awards(head + "Le jury a récompensé Lunel de quatre arobases.") == [
        ("Lunel", 2021, 4)]
    assert awards(head + "Le jury du label a distingué Castries (34) avec trois @.") == [
        ("Castries", 2021, 3)]
    assert awards(head + "L'association a décerné à Lunel cinq arobases.") == [
        ("Lunel", 2021, 5)]
    # a name after the verb with no level next to it is no laureate
    assert awards(head + "Le jury a récompensé Lunel pour son site, lors de la remise des "
                  "labels à quatre arobases.") == []


def test_Y2_two_edition_years_leave_the_year_unknown():
    assert awards("Palmarès 2019 du label Villes Internet.\nPalmarès 2020 du label Villes "
                  "Internet.\nLa ville de Brest obtient 4@.") == []


def test_Y1_the_clause_year_goes_with_its_level():
    assert awards("La ville de Mérignac, déjà labellisée 3@ en 2019, obtient 4@ au label "
                  "2020.") == [("Mérignac", 2020, 4), ("Mérignac", 2019, 3)]


def test_Y3_a_past_level_needs_its_year():
    assert awards("Label 2021.\nLa ville de Créteil avait obtenu 3@.\n"
                  "La ville de Créteil obtient 4@.") == [("Créteil", 2021, 4)]
    assert awards("Label 2021.\nL'an dernier, la ville de Créteil avait obtenu 3@.\n"
                  "La ville de Créteil obtient 4@.") == [("Créteil", 2021, 4),
                                                         ("Créteil", 2020, 3)]


def test_Y4_earlier_years_stated_with_the_level():
    assert awards("La Ville des Mureaux a remporté cinq arobases, soit la plus haute "
                  "distinction pour la deuxième année consécutive, ce jeudi 3 février 2022.") \
        == [("Les Mureaux", 2022, 5), ("Les Mureaux", 2021, 5)]
    assert awards("Label Villes Internet 2024 : la ville de Tours labellisée 4@ depuis "
                  "2021.") == [("Tours", y, 4) for y in (2024, 2023, 2022, 2021)]
    assert awards("Au palmarès 2021 du label Villes Internet, la commune d'Issy-les-"
                  "Moulineaux conserve ses 5 arobases.") == [("Issy-les-Moulineaux", 2021, 5)]
    assert awards("La Ville de Villejuif, pour sa seconde participation, remporte une "
                  "quatrième arobase au label 2019.") == [("Villejuif", 2019, 4)]


def test_Y4_no_earlier_year_across_2010_which_had_no_edition():
    # 2014, 2013, 2012, 2011 then 2010 or 2009? the writer may count either: none given
    assert awards("Label Villes Internet 2014 : la ville de Sète obtient 5@ pour la "
                  "cinquième année consécutive.") == [("Sète", 2014, 5)]
    assert awards("Label Villes Internet 2012 : la ville de Sète obtient 5@ pour la "
                  "deuxième année consécutive.") == [("Sète", 2012, 5), ("Sète", 2011, 5)]
    # every year since 2008: 2010 left out
    assert awards("Label Villes Internet 2012 : la ville de Sète labellisée 4@ depuis "
                  "2008.") == [("Sète", y, 4) for y in (2012, 2011, 2009, 2008)]


def test_C_contradictory_levels_give_nothing_and_stated_beats_inferred():
    assert awards("Label 2020.\nLa ville de Niort obtient 4@.\nLa ville de Niort obtient "
                  "3@.") == []
    assert awards("Label 2020.\nLa ville de Niort obtient 4@ pour la deuxième année "
                  "consécutive.\nEn 2019, la ville de Niort avait obtenu 3@.") == \
        [("Niort", 2020, 4), ("Niort", 2019, 3)]


def test_S1_a_region_is_never_the_collectivite_awarded():
    # "la ville du Limousin" is a town of that région, unnamed: nobody, not even the
    # one town the text names
    assert awards("Label Villes Internet 2012.\nLa ville de Tulle présente ses services. "
                  "La ville du Limousin a obtenu 5 @.") == []
    assert awards("Label Villes Internet 2012.\nLa ville de Tulle a obtenu 3 @. La ville "
                  "du Limousin a obtenu 5 @.") == [("Tulle", 2012, 3)]


def test_Y2c_staff_edition_only_for_a_text_stating_none():
    undated = "La ville de Cahors a obtenu 4@ au label Villes Internet."
    found = press.extract(undated, KEYWORDS, edition=2015)
    assert [(a.collectivite, a.year, a.level) for a in found.awards] == [("Cahors", 2015, 4)]
    assert found.edition_given == 2015
    assert press.rows(found, "cahors")[0][0]["edition_from"] == "given"
    assert awards(undated) == []  # without it, nothing
    # a text stating its edition keeps it
    dated = press.extract("Label 2019.\n" + undated, KEYWORDS, edition=2015)
    assert [(a.year, dated.edition_given) for a in dated.awards] == [(2019, None)]
    assert press.rows(dated, "cahors")[0][0]["edition_from"] == "text"
    # a text stating two editions stays unsure: the staff edition does not settle it
    assert press.extract("Palmarès 2019.\nPalmarès 2020.\n" + undated, KEYWORDS,
                         edition=2015).awards == []


@pytest.mark.parametrize("year, message", [
    (2010, "there was no edition in 2010"), (1990, "not a label edition")])
def test_Y2c_the_staff_edition_must_be_an_edition(year, message):
    with pytest.raises(InputError, match=message):
        press_load.check_edition(year)
    assert press_load.check_edition(2014) == 2014


def test_A_a_text_not_about_the_label_gives_nothing():
    assert awards("Labels 2019 : la ville d'Angers atteint le plus haut niveau.") == []


# -- I: initiatives -----------------------------------------------------------------------

def titles(text: str) -> list[str]:
    doc = press.blocks(text)
    return [i.title for i in press.initiatives(doc, KEYWORDS)]


def test_I1_a_theme_and_its_list_of_actions_give_one_initiative_per_action():
    item = ("  • Accès au numérique pour tous : partenariat avec l'Institut médico-éducatif "
            "des Mureaux, atelier de sensibilisation des seniors aux outils numériques, mise "
            "en place d'un espace numérique au sein du Pôle Molière, création de l'évènement "
            "E-Tonomy pour mettre les nouvelles technologies au service de l'autonomie des "
            "personnes handicapées ou âgées, déploiement de la fibre optique intégrale…")
    assert titles(item) == [
        "Partenariat avec l'Institut médico-éducatif des Mureaux",
        "Atelier de sensibilisation des seniors aux outils numériques",
        "Espace numérique au sein du Pôle Molière", "Évènement E-Tonomy",
        "Fibre optique intégrale"]


def test_I1_pieces_that_open_no_action_stay_in_the_action_before():
    item = ("- Le numérique et l'accès à la culture : création de la Micro-Folie des Mureaux "
            "(en partenariat avec La Villette) avec un écran géant, des tablettes interactives, "
            "un Fab-Lab incluant des imprimantes 3D, création de « Les Mureaux Gaming Show », "
            "évènement fédérateur autour de l'e-sport.")
    assert titles(item) == ["Micro-Folie des Mureaux", "Les Mureaux Gaming Show"]


def test_I1_a_bullet_with_a_head_is_one_initiative():
    assert titles("- **Espace multimédia à la M2IE** : 15 postes dont 7 en accès libre, "
                  "réservés à la recherche d'emploi.") == ["Espace multimédia à la M2IE"]


def test_I2_initiatives_told_in_prose():
    text = ("A Alfortville, le site Internet a été adapté avec une nouvelle rubrique et "
            "l'information sur les réseaux sociaux a été renforcée. Le magazine municipal a "
            "été déployé en version numérique.\n"
            "Durant le confinement, dans le cadre d'Artistes au balcon, les habitants étaient "
            "invités à filmer leur prestation. Avec *#l'InstantCulture*, les habitants "
            "découvrent des captations vidéo de spectacles.\n"
            "Et plus récemment le lancement de l'application mobile et l'ouverture du Kiosque "
            "devant la gare équipé de totems tactiles pour effectuer des démarches.")
    assert titles(text) == ["Site Internet", "Information sur les réseaux sociaux",
                            "Magazine municipal", "Artistes au balcon", "#l'InstantCulture",
                            "Application mobile", "Kiosque devant la gare"]


def test_I3_figures_the_label_and_speech_are_not_initiatives():
    text = ("  • 2 200 collectivités labellisées\n"
            "- Le label national Territoires, Villes et Villages Internet est porté par "
            "l'association Villes Internet.\n"
            "« Nous avons mis en place le lancement de la plateforme citoyenne. »")
    assert titles(text) == []


@pytest.mark.parametrize("item, title", [
    ("- Via le portail des démarches **mon.villejuif.fr**, la Ville a étendu la possibilité "
     "de rendez-vous à l'hôtel de Ville, dans les mairies-annexes et dans les centres de "
     "santé.", "Portail des démarches mon.villejuif.fr"),
    ("- En décembre 2018, la Ville a mis en ligne une **plateforme de troc citoyen** pour "
     "échanger ses objets entre habitants. Objectif : redonner une seconde vie aux objets.",
     "Plateforme de troc citoyen"),
    ("- **Ateliers numériques** pour nos plus jeunes.", "Ateliers numériques pour nos plus jeunes"),
])
def test_I4_titles(item, title):
    assert titles(item) == [title]


# -- D: domains ---------------------------------------------------------------------------

def domains_of(item: str) -> set[str]:
    return {d for i in press.initiatives(press.blocks(item), KEYWORDS) for d in i.domains}


@pytest.mark.parametrize("item, expected", [
    ("- **Déploiement du Plan numérique à l'école** : toutes les classes de la ville seront "
     "équipées de tableaux numériques interactifs et de tablettes.", {"education"}),
    ("- Via le portail des démarches **mon.villejuif.fr**, la Ville a étendu la possibilité "
     "de rendez-vous à l'hôtel de Ville, dans les mairies-annexes et dans les centres de "
     "santé.", {"services-publics"}),
    ("- En décembre 2018, la Ville a mis en ligne une **plateforme de troc citoyen** pour "
     "échanger ses objets entre habitants.", {"cohesion-sociale"}),
    ("Modernisation des outils d'information et de communication : création d'un site "
     "Internet « responsive », développement accru de la présence de la Ville sur les "
     "réseaux sociaux...", {"identite"}),
])
def test_D_domains_from_the_taxonomy_keywords(item, expected):
    assert domains_of(item) == expected


def test_D_the_theme_decides_when_the_item_says_nothing():
    item = ("Mise en place de dispositifs numériques à visée éducative : déploiement de "
            "tablettes numériques, installation d'une Smart Academy (pilotée par un "
            "partenaire)")
    found = press.initiatives(press.blocks(item), KEYWORDS)
    assert [(i.title, i.domains) for i in found] == [
        ("Tablettes numériques", ("education",)), ("Smart Academy", ("education",))]


# -- the five seeds -----------------------------------------------------------------------

SEED_AWARDS = {
    VILLEJUIF: [("Villejuif", 2019, 4), ("Villejuif", 2018, 3)],
    MUREAUX: [("Les Mureaux", 2022, 5), ("Les Mureaux", 2021, 5)],
    CHANTELOUP: [("Chanteloup-les-Vignes", 2020, 4)],
    ALFORTVILLE: [("Alfortville", y, 5) for y in (2021, 2020, 2019, 2018)],
    NATIONAL: [],  # Martigues hosts the ceremony: no award
}

SEED_INITIATIVES = {
    VILLEJUIF: [
        ("Déploiement du Plan numérique à l'école", ("education",)),
        ("Bornes informatiques connectées en libre-service dans les lieux d'accueil",
         ("services-publics", "vie-quotidienne")),
        ("Portail des démarches mon.villejuif.fr", ("services-publics",)),
        ("Déploiement de la fibres optique", ("developpement-economique",)),
        ("Plateforme de troc citoyen", ("cohesion-sociale",)),
        ("Espace multimédia à la M2IE", ("emploi",)),
        ("Accessibilité", ("solidarites",)),
        ("Ateliers numériques pour nos plus jeunes", ("cohesion-sociale", "mediation")),
        ("Déploiement des nouveaux panneaux digitaux", ("identite",)),
        ("Modernisation des abris-bus", ("vie-quotidienne",)),
    ],
    MUREAUX: [
        ("Tableaux numériques interactifs au sein des salles de classe", ("education",)),
        ("Tablettes numériques", ("education",)),
        ("Concours collège", ("education",)),
        ("Micro-Folie des Mureaux", ("culture-patrimoine",)),
        ("Les Mureaux Gaming Show", ("culture-patrimoine",)),
        ("Le numérique au service de la participation citoyenne", ("democratie-locale",)),
        ("Partenariat avec l'Institut médico-éducatif des Mureaux",
         ("cooperation", "education")),
        ("Atelier de sensibilisation des seniors aux outils numériques",
         ("mediation", "solidarites")),
        ("Espace numérique au sein du Pôle Molière", ("mediation",)),
        ("Évènement E-Tonomy", ("attractivite",)),
        ("Fibre optique intégrale", ("developpement-economique",)),
    ],
    CHANTELOUP: [
        ("Site Internet « responsive » adapté aux écrans nomades", ("identite",)),
        ("Espace citoyen", ("services-publics",)),
        ("Présence de la Ville sur les réseaux sociaux", ("identite",)),
        ("Tablettes numériques", ("education",)),
        ("Smart Academy", ("education",)),
        ("MOOC's", ("education",)),
        ("Cyber-base", ("mediation",)),
        ("Fibre optique sur le territoire", ("attractivite", "developpement-economique")),
    ],
    ALFORTVILLE: [
        ("Site Internet", ("identite",)),
        ("Information sur les réseaux sociaux", ("identite",)),
        ("Magazine municipal", ("identite",)),
        ("Plateforme d'entre-aide", ("cohesion-sociale",)),
        ("Artistes au balcon", ("culture-patrimoine",)),
        ("#l'InstantCulture", ("culture-patrimoine",)),
        ("Plateforme Relation usagers", ("services-publics",)),
        ("Application mobile", ("identite",)),
        ("Kiosque devant la gare RER Maisons-Alfort/Alfortville", ("services-publics",)),
    ],
    NATIONAL: [],
}


@pytest.mark.parametrize("stem", sorted(SEED_AWARDS))
def test_each_seed_gives_exactly_its_awards(stem):
    assert awards(seed(stem)) == SEED_AWARDS[stem]


@pytest.mark.parametrize("stem", sorted(SEED_INITIATIVES))
def test_each_seed_gives_exactly_its_initiatives(stem):
    found = press.extract(seed(stem), KEYWORDS).initiatives
    assert [(i.title, i.domains) for i in found] == SEED_INITIATIVES[stem]


def test_the_earlier_years_are_marked_inferred():
    found = press.extract(seed(ALFORTVILLE), KEYWORDS).awards
    assert [a.inferred for a in found] == [False, True, True, True]


# -- never invent -------------------------------------------------------------------------

def test_a_commune_mentioned_in_passing_gets_nothing():
    text = seed(CHANTELOUP) + "\nLa ville de Martigues accueillait la cérémonie.\n"
    assert awards(text) == SEED_AWARDS[CHANTELOUP]
    # Alfortville's kiosk stands by the Maisons-Alfort/Alfortville station
    assert {a[0] for a in awards(seed(ALFORTVILLE))} == {"Alfortville"}


def test_a_level_without_a_collectivite_gives_nothing():
    text = ("Label Villes Internet 2020\n"
            "Cette année, 4@ ont été décernés lors de la cérémonie du 4 février 2020.\n"
            "- Déploiement de tablettes dans les écoles.")
    assert press.extract(text, KEYWORDS).awards == []
    assert press.extract(text, KEYWORDS).initiatives == []


def test_the_national_release_gives_nothing():
    found = press.extract(seed(NATIONAL), KEYWORDS)
    assert found.awards == [] and found.initiatives == []


def test_rows_for_the_loaders_have_stable_ids():
    award_rows, initiative_rows = press.rows(press.extract(seed(VILLEJUIF), KEYWORDS),
                                             VILLEJUIF)
    assert award_rows[0] | {"evidence": ""} == dict(
        commune="Villejuif", departement="", year="2019", level="4", mentions="", line=7,
        evidence="", edition_from="text")
    assert initiative_rows[4]["id"] == f"{VILLEJUIF}#plateforme-de-troc-citoyen"
    assert initiative_rows[4]["domains"] == "cohesion-sociale"


# -- load press ---------------------------------------------------------------------------

def test_dry_run_prints_what_would_be_loaded_and_writes_nothing(clean, atlas_cli):
    r = atlas_cli("load", "press", str(seeds() / f"{VILLEJUIF}.txt"), "--dry-run")
    assert r.returncode == 0, r.stderr
    [plan] = json.loads(r.stdout)
    assert [(a["commune"], a["year"], a["level"], a["commune_insee"]) for a in plan["awards"]] \
        == [("Villejuif", "2019", "4", "94076"), ("Villejuif", "2018", "3", "94076")]
    assert len(plan["initiatives"]) == 10
    assert {i["commune_insee"] for i in plan["initiatives"]} == {"94076"}
    with clean.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM label_award")) == 0
        assert conn.scalar(sa.text("SELECT count(*) FROM initiative")) == 0


def test_loading_the_seeds_twice_changes_nothing_the_second_time(clean, atlas_cli, tmp_path):
    rejects = tmp_path / "rejects.csv"
    r = atlas_cli("load", "press", str(seeds()), "--rejects", str(rejects))
    assert r.returncode == 0, r.stderr
    assert f"{VILLEJUIF}.txt, awards: 2 read, 2 loaded" in r.stdout
    assert f"{MUREAUX}.txt, initiatives: 11 read, 11 loaded" in r.stdout
    assert rejects.read_text(encoding="utf-8").count("\n") == 1  # header only: no rejects
    with clean.connect() as conn:
        got = conn.execute(sa.text(
            "SELECT commune_insee, year, level, source FROM label_award ORDER BY 1, 2")).all()
        assert got == [("78138", 2020, 4, f"{CHANTELOUP}.txt"),
                       ("78440", 2021, 5, f"{MUREAUX}.txt"), ("78440", 2022, 5, f"{MUREAUX}.txt")]\
            + [("94002", y, 5, f"{ALFORTVILLE}.txt") for y in (2018, 2019, 2020, 2021)] \
            + [("94076", 2018, 3, f"{VILLEJUIF}.txt"), ("94076", 2019, 4, f"{VILLEJUIF}.txt")]
        assert conn.scalar(sa.text("SELECT count(*) FROM initiative")) == 38
        troc = conn.execute(sa.text("""
            SELECT i.commune_insee, array_agg(d.domain_code) FROM initiative i
            JOIN initiative_domain d ON d.initiative_id = i.id
            WHERE i.source_id = :id GROUP BY 1"""),
            {"id": f"{VILLEJUIF}#plateforme-de-troc-citoyen"}).one()
        assert troc == ("94076", ["cohesion-sociale"])
    again = atlas_cli("load", "press", str(seeds()), "--rejects", str(rejects))
    assert again.stdout.count(" 0 loaded, 0 updated,") == 10, again.stdout
    assert "2 unchanged" in again.stdout and "11 unchanged" in again.stdout


def test_an_ambiguous_collectivite_goes_to_the_rejects_file(clean, atlas_cli, tmp_path):
    text = ("Label Villes Internet 2020 : la Ville de Saint-Denis obtient 4@.\n"
            "- **Bornes informatiques** dans les mairies annexes.\n")
    path = tmp_path / "saint-denis.txt"
    path.write_text(text, encoding="utf-8")
    rejects = tmp_path / "rejects.csv"
    r = atlas_cli("load", "press", str(path), "--rejects", str(rejects))
    assert r.returncode == 0, r.stderr
    assert "saint-denis.txt, awards: 1 read, 0 loaded" in r.stdout
    rows = list(csv.DictReader(rejects.open(encoding="utf-8")))
    assert [(row["kind"], row["commune"], row["line"]) for row in rows] == [
        ("award", "Saint-Denis", "1"), ("initiative", "Saint-Denis", "2")]
    assert all(row["reject_reason"].startswith("ambiguous place") for row in rows)
    assert "Saint-Denis (93, 93066)" in rows[0]["candidates"]
    path.write_text(text.replace("Saint-Denis", "Saint-Denis (93)"), encoding="utf-8")
    r = atlas_cli("load", "press", str(path), "--rejects", str(rejects))
    assert "awards: 1 read, 1 loaded" in r.stdout and "initiatives: 1 read, 1 loaded" in r.stdout


def test_a_folder_without_texts_is_refused(clean, atlas_cli, tmp_path):
    r = atlas_cli("load", "press", str(tmp_path))
    assert r.returncode == 1 and "no .txt or .md file" in r.stderr


def test_Y6_a_level_for_each_year_listed_after_it():
    from loaders import press
    got = {(a.collectivite, a.year, a.level) for a in press.extract(
        "Publié le 8 février 2022\nAville obtient quatre @ au label Villes Internet. La ville "
        "avait obtenu trois @ en 2020 et en 2021.", {}).awards}
    assert got == {("Aville", 2022, 4), ("Aville", 2021, 3), ("Aville", 2020, 3)}
    # 2010, no edition, is never given
    got = {(a.year, a.level) for a in press.extract(
        "Publié le 8 février 2012\nAville a obtenu deux @ en 2009, 2010 et 2011.", {}).awards}
    assert got == {(2009, 2), (2011, 2)}
