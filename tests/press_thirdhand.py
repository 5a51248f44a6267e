"""A third held-out battery for the press reader: texts written by a third hand.

Written without reading the reader (``loaders/press/``) nor the two other batteries
(``tests/press_forms.py``, ``tests/press_heldout.py``): only issue 25, the README's
press section and ``bench/press_corpus.py`` (how ``press.extract`` is called and
scored). Each text imitates how a page really reads once its HTML is gone (headlines,
standfirsts, bylines, captions, "Lire aussi" links, share buttons, e-mail addresses and
social handles with their own "@"), in the manner of the association's releases, regional
dailies, town sites, magazines, weeklies, council minutes and social-media blurbs, 2003–2026.
The texts and the truth beside them are our own sentences; the names are real communes
and EPCI of the COG (``/work/shared/geodata/cog``), with the département when the text
prints it (homonyms need it).

The truth is what the text states, written before scoring: the collectivité as printed,
its département if printed, the edition, the level. An award stated only by arithmetic
("une de plus") is not counted; one stated with its year ("contre deux en 2014", "l'an
dernier" in a dated text) is. Links to other articles ("Lire aussi") state nothing.

``python -m tests.press_thirdhand`` prints the score per text and in total. Baseline,
scored once before any rule was changed for these texts: 85 / 127 right (67%), 7
invented: four from "Lire aussi" links (Niort 2019, Lorient and Vannes 2011, Fougères
2017), two EPCI names cut short ("... du Val de Drôme" without "en Biovallée", "CC du
Crestois" without "et de Pays de Saillans"), and "Sicoval" for "la communauté
d'agglomération du Sicoval" (which the headline does state under that name: its truth was
corrected after the baseline, 86 / 128 and 6 invented with it).
"""

from __future__ import annotations

import dataclasses

from tests.press_battery import report


@dataclasses.dataclass(frozen=True)
class Text:
    id: str
    form: str
    body: str
    # (collectivité as printed, edition, level), with the département's code fourth
    # when the text prints it (as ``tests/press_forms.score`` reads them)
    awards: tuple = ()
    why: str = ""  # when set: a case the reader is known not to read, and why


TEXTS = [
    Text("asso_ceremonie_2024", "association release", """\
COMMUNIQUÉ DE PRESSE
Paris, le 1er février 2024

Label Territoires, Villes et Villages Internet : le palmarès de la 25e édition

L'association Villes Internet a remis hier soir ses labels aux collectivités lauréates,
lors d'une cérémonie organisée au Palais du Luxembourg. Cette année, 248 collectivités ont
été labellisées.

Parmi les territoires distingués par cinq @, on retrouve Issy-les-Moulineaux, Brest,
Parthenay et Castelnau-le-Lez. Lannion, Chasseneuil-du-Poitou et la Communauté de communes
du Val de Drôme en Biovallée obtiennent quatre @.

Contact presse : Claire Dumoulin – presse@villes-internet.net – 01 40 00 00 00
""", (("Issy-les-Moulineaux", 2024, 5), ("Brest", 2024, 5),
      ("Parthenay", 2024, 5), ("Castelnau-le-Lez", 2024, 5),
      ("Lannion", 2024, 4), ("Chasseneuil-du-Poitou", 2024, 4),
      ("Communauté de communes du Val de Drôme en Biovallée", 2024, 4))),

    Text("quotidien_vienne_2019", "regional daily, département", """\
VIENNE
Label Villes Internet : la Vienne bien placée
Publié le 05/02/2019 à 06h12 | Mis à jour le 05/02/2019 à 08h40
Par Jean-Pierre Morel

Le palmarès 2019 du label a été dévoilé jeudi à Martigues. Dans la Vienne,
Chasseneuil-du-Poitou conserve ses 5 @, Jaunay-Marigny décroche 3 @ et Loudun obtient sa
première arobase. Grand Poitiers obtient 4 @.

Photo : le maire de Loudun reçoit le label des mains du jury. © Photo NR

Lire aussi : Châtellerault : la médiathèque fête ses vingt ans
Lire aussi : Villes Internet : Niort décroche la cinquième arobase
""", (("Chasseneuil-du-Poitou", 2019, 5), ("Jaunay-Marigny", 2019, 3),
      ("Loudun", 2019, 1), ("Grand Poitiers", 2019, 4))),

    Text("site_crest_2015", "town page", """\
Accueil > Actualités > Vie municipale
Crest labellisée Ville Internet @@@
Mis en ligne le 12 février 2015

La ville de Crest (Drôme) a reçu le 10 février à Paris le label Villes Internet avec trois
arobases, contre deux en 2014. Cette distinction récompense le nouveau portail famille et
les ateliers numériques de la médiathèque.

Partager : Facebook | Twitter | Imprimer
""", (("Crest", 2015, 3, "26"), ("Crest", 2014, 2, "26"))),

    Text("magazine_regions_2012", "magazine list by région", """\
Le palmarès complet, région par région
13e édition du label, remise des trophées le 2 février 2012 à Paris

BRETAGNE
Brest (29) : @@@@@
Lannion (22) : @@@@
Vitré (35) : @@@
PAYS DE LA LOIRE
Saint-Herblain (44) : @@@@
Cholet (49) : @@
Laval (53) : @@@
AQUITAINE
Pessac (33) : @@@@
Mérignac (33) : @@@
""", (("Brest", 2012, 5, "29"), ("Lannion", 2012, 4, "22"), ("Vitré", 2012, 3, "35"),
      ("Saint-Herblain", 2012, 4, "44"), ("Cholet", 2012, 2, "49"), ("Laval", 2012, 3, "53"),
      ("Pessac", 2012, 4, "33"), ("Mérignac", 2012, 3, "33"))),

    Text("hebdo_lisieux_2007", "weekly short item", """\
EN BREF
LISIEUX. Internet. La ville a obtenu, le 6 décembre dernier, le label Ville Internet 2007
avec trois @. Elle n'en avait qu'une l'an passé.
L'Éveil – 11 décembre 2007
""", (("Lisieux", 2007, 3), ("Lisieux", 2006, 1))),

    Text("conseil_saint_jean_de_braye_2022", "council minutes", """\
COMPTE RENDU DU CONSEIL MUNICIPAL DU 28 MARS 2022
Présents : M. le Maire, Mme Claire Bernard, M. Luc Moreau, Mme Anne Petit (23 conseillers)

Point 4 – Informations diverses
M. le Maire informe le conseil que la commune de Saint-Jean-de-Braye a obtenu 4 arobases
au label Territoires, Villes et Villages Internet 2022, remis le 17 mars.

Point 5 – Subvention à l'Union sportive abraysienne : adoptée à l'unanimité (23 voix pour).
""", (("Saint-Jean-de-Braye", 2022, 4),)),

    Text("reseau_herouville_2021", "social blurb", """\
Ville d'Hérouville-Saint-Clair @HerouvilleSC · 4 février 2021
🎉 Fiers ! Hérouville-Saint-Clair garde ses @@@@@ pour la 5e année consécutive au label
Villes Internet ! Merci aux équipes 👏 #VillesInternet #label2021 @VillesInternet
""", tuple(("Hérouville-Saint-Clair", y, 5) for y in range(2017, 2022))),

    Text("appel_candidatures_2025", "awards nothing: call", """\
Label Territoires, Villes et Villages Internet 2025 : les candidatures sont ouvertes
Publié le 15/09/2024

Les collectivités ont jusqu'au 30 novembre pour déposer leur dossier. L'an dernier, 250
collectivités avaient été labellisées, dont 34 avec cinq arobases. Renseignements auprès
du service numérique de la mairie de Niort : numerique@mairie-niort.fr
"""),

    Text("chiffres_label_2020", "awards nothing: statistics", """\
Le label en chiffres
Depuis 1999, plus de 1 500 communes ont reçu au moins une @. En 2020, 42 % des lauréats
avaient trois @ ou plus, et la Bretagne reste la région qui compte le plus de villes à
cinq @. Le niveau moyen est de 3,1 @.
"""),

    Text("mention_montpellier_2023", "awards nothing: mention alone", """\
Montpellier, 9 février 2023 – La Ville de Montpellier a reçu la mention « Démocratie
locale » du label Villes Internet pour sa plateforme de budget participatif.
"""),

    Text("candidats_finistere_2018", "awards nothing: candidates", """\
Label Villes Internet : quatre candidates dans le Finistère
Publié le 12/01/2018
Quimper, Brest, Landerneau et Morlaix ont déposé leur dossier pour le label 2018. Le jury
rendra son verdict le 8 février ; Brest espère conserver ses cinq @.
"""),

    Text("arobase_verte_niort_2016", "awards nothing: arobase verte", """\
Niort décroche l'arobase verte
Publié le 04/02/2016
Lors du palmarès 2016, Niort a reçu l'arobase verte pour son plan de sobriété numérique.
"""),

    Text("vannes_site_2014", "awards nothing: links only", """\
Vannes. Le nouveau site de la mairie est en ligne
Publié le 03/03/2014 à 07h00
Le site, refondu par le service communication, propose désormais le paiement en ligne de
la cantine et la réservation des salles.

Lire aussi : Villes Internet : Lorient décroche quatre arobases
Lire aussi : Label 2011 : Vannes obtient trois @
"""),

    Text("bayonne_ambition_2020", "awards nothing: aims", """\
Bayonne vise les cinq arobases
Publié le 20/01/2020
La ville a déposé sa candidature au label Villes Internet et espère obtenir cinq @ en
février. Anglet, elle, n'a pas candidaté cette année.
"""),

    Text("agen_depuis_2012", "awards nothing: no level", """\
Agen, labellisée Ville Internet depuis 2012, accueille le 14 juin 2023 la rencontre
régionale des élus au numérique. Inscriptions : contact@agen.fr
"""),

    Text("talence_noun_2023", "town page", """\
Talence (Gironde), Ville Internet @@@ depuis 2019, a reçu le 2 février 2023 sa quatrième
arobase, lors de la cérémonie du label organisée à Paris.
""", (("Talence", 2023, 4, "33"), ("Talence", 2019, 3, "33"))),

    Text("dieppe_personnes_2016", "regional daily, one town", """\
Dieppe rejoint le cercle des cinq @
Publié le 05/02/2016
Par Hélène Garnier

Dieppe a obtenu cinq arobases au label Villes Internet 2016. « C'est la reconnaissance de
dix ans de travail », souligne Paul Martel, adjoint au numérique, qui a reçu le trophée
des mains de Sophie Lenoir, présidente du jury.
Photo : Paul Martel et le trophée @@@@@.
""", (("Dieppe", 2016, 5),)),

    Text("rodez_sur_cinq_2018", "regional daily, one town", """\
RODEZ
4 @ sur 5 pour la ville
Publié le 09/02/2018
Rodez obtient 4 @ sur 5 au label Villes Internet 2018, une de plus que l'an dernier.
""", (("Rodez", 2018, 4),)),

    Text("millau_lettres_2014", "regional daily, one town", """\
Millau décroche quatre arobases sur cinq
Publié le 01/02/2014
Lors de la 15e édition du label Villes Internet, Millau a obtenu quatre arobases sur
cinq possibles.
""", (("Millau", 2014, 4),)),

    Text("albi_niveau_2021", "town page", """\
Albi confirme son niveau @@@@ au palmarès 2021 du label Villes Internet
La ville conserve ce niveau pour ses services en ligne et son réseau de médiateurs.
""", (("Albi", 2021, 4),)),

    Text("sete_classee_2022", "weekly short item", """\
SÈTE. Cette année encore, la ville est classée 5@ au palmarès 2022 du label Villes
Internet.
""", (("Sète", 2022, 5),)),

    Text("echirolles_compare_2019", "regional daily, one town", """\
ÉCHIROLLES
Une arobase de plus
Publié le 08/02/2019
En 2018, Échirolles avait obtenu 3 @ ; cette année, la ville en obtient 4.
""", (("Échirolles", 2018, 3), ("Échirolles", 2019, 4))),

    Text("moselle_respectivement_2015", "regional daily, département", """\
MOSELLE
Publié le 06/02/2015
Label Villes Internet : Sarreguemines et Forbach obtiennent respectivement 3 et 2
arobases. Thionville, deux @ l'an dernier, en obtient trois.
""", (("Sarreguemines", 2015, 3), ("Forbach", 2015, 2),
      ("Thionville", 2015, 3), ("Thionville", 2014, 2))),

    Text("meylan_decembre_2009", "regional daily, one town", """\
Publié le 12 janvier 2009
MEYLAN. Lors de la cérémonie du label Villes Internet 2008, en décembre dernier, Meylan a
obtenu quatre @.
""", (("Meylan", 2008, 4),)),

    Text("ifs_2009", "regional daily, one town", """\
Édition du mardi 1er décembre 2009
IFS (Calvados). La commune a reçu trois @ lors de la 11e édition du label Villes Internet, jeudi à
Paris.
""", (("Ifs", 2009, 3, "14"),)),

    Text("gers_liste_2020", "regional daily, département", """\
GERS
Villes Internet : sept communes gersoises labellisées
Publié le 07/02/2020 à 05h50

Le palmarès 2020 du label a été dévoilé mardi. Voici les lauréats du département :
Auch (32) : @@@@
Condom (32) : @@@
Fleurance (32) : @@
Lectoure (32) : @@
Samatan (32) : @
Eauze (32) : @@@
Gimont (32) : @

Lire aussi : Auch : la fibre arrive dans tous les quartiers
""", (("Auch", 2020, 4, "32"), ("Condom", 2020, 3, "32"), ("Fleurance", 2020, 2, "32"),
      ("Lectoure", 2020, 2, "32"), ("Samatan", 2020, 1, "32"), ("Eauze", 2020, 3, "32"),
      ("Gimont", 2020, 1, "32"))),

    Text("run_together_2017", "entries run together", """\
Palmarès 2017 – Hauts-de-France
Arras (62) @@@Lens (62) @@Béthune (62) @@@@Calais (62) @@Roubaix (59) @@@@@Tourcoing (59) @@@
""", (("Arras", 2017, 3, "62"), ("Lens", 2017, 2, "62"), ("Béthune", 2017, 4, "62"),
      ("Calais", 2017, 2, "62"), ("Roubaix", 2017, 5, "59"), ("Tourcoing", 2017, 3, "59"))),

    Text("dom_2013", "magazine list by région", """\
Outre-mer : le palmarès 2013
Guadeloupe – Baie-Mahault (@@@@)
Guadeloupe – Les Abymes (@@)
Martinique – Le Lamentin (@@@)
La Réunion – Saint-Pierre (@@@@)
La Réunion – Le Port (@@)
""", (("Baie-Mahault", 2013, 4), ("Les Abymes", 2013, 2),
      ("Le Lamentin", 2013, 3, "972"), ("Saint-Pierre", 2013, 4, "974"),
      ("Le Port", 2013, 2, "974"))),

    Text("metropoles_2025", "national press", """\
Publié le 30 janvier 2025
Numérique : les métropoles en tête du label Villes Internet
La Métropole de Lyon, Rennes Métropole et Brest Métropole décrochent cinq arobases au
palmarès 2025, tout comme la ville de Villeurbanne. Nantes Métropole obtient quatre @.
Par Marc Aubry
""", (("Métropole de Lyon", 2025, 5), ("Rennes Métropole", 2025, 5),
      ("Brest Métropole", 2025, 5), ("Villeurbanne", 2025, 5),
      ("Nantes Métropole", 2025, 4))),

    Text("historique_villeneuve", "town page, history", """\
Villeneuve-d'Ascq, Ville Internet
Notre label au fil des ans :
2009 : @@@
2011 : @@@@
2012 : @@@@
2013 : @@@@@
Contact : numerique@villeneuvedascq.fr
""", (("Villeneuve-d'Ascq", 2009, 3), ("Villeneuve-d'Ascq", 2011, 4),
      ("Villeneuve-d'Ascq", 2012, 4), ("Villeneuve-d'Ascq", 2013, 5))),

    Text("puy_en_velay_2011", "regional daily, one town", """\
HAUTE-LOIRE
Le Puy-en-Velay obtient trois @
Publié le 22/01/2011
Le Puy-en-Velay a obtenu trois @ lors de la 12e édition du label Villes Internet. La
commune de 19 000 habitants est la seule du département à être labellisée.
""", (("Le Puy-en-Velay", 2011, 3),)),

    Text("niveaux_titres_2016", "magazine list by level", """\
Label Villes Internet 2016 : la liste des lauréats d'Occitanie
Cinq arobases
Toulouse
Colomiers
Quatre arobases
Blagnac
Tournefeuille
Balma
Trois arobases
Cugnaux
Pibrac
""", (("Toulouse", 2016, 5), ("Colomiers", 2016, 5), ("Blagnac", 2016, 4),
      ("Tournefeuille", 2016, 4), ("Balma", 2016, 4), ("Cugnaux", 2016, 3),
      ("Pibrac", 2016, 3))),

    Text("comptes_2010_absente", "awards nothing: no edition", """\
Publié le 15/12/2010
Pas de palmarès Villes Internet cette année : l'association a décidé de décaler la
cérémonie à janvier. Issy-les-Moulineaux, cinq @ depuis des années, attendra.
"""),

    Text("comptes_avant_noms_2018", "counts before names", """\
Publié le 02/02/2018
Label Villes Internet : trente-deux villes à cinq arobases
Trente-deux collectivités reçoivent cette année cinq arobases (Mulhouse, Colmar,
Strasbourg…), quarante-sept en obtiennent quatre, parmi lesquelles Schiltigheim et Metz.
""", (("Mulhouse", 2018, 5), ("Colmar", 2018, 5), ("Strasbourg", 2018, 5),
      ("Schiltigheim", 2018, 4), ("Metz", 2018, 4))),

    Text("cotentin_2026", "regional daily, département", """\
MANCHE
Publié le 3 février 2026
Côté Manche : Cherbourg-en-Cotentin obtient quatre @, Saint-Lô trois @ et la communauté
d'agglomération du Cotentin deux @. Granville n'a pas été labellisée cette année.
""", (("Cherbourg-en-Cotentin", 2026, 4), ("Saint-Lô", 2026, 3),
      ("communauté d'agglomération du Cotentin", 2026, 2))),

    Text("valence_homonyme_2017", "regional daily, one town", """\
DRÔME
Valence : quatrième arobase pour la ville
Publié le 03/02/2017
La ville de Valence a décroché une quatrième @ au palmarès 2017 du label Villes Internet.
Romans-sur-Isère, sa voisine, conserve ses trois @.
""", (("Valence", 2017, 4, "26"), ("Romans-sur-Isère", 2017, 3))),

    Text("hebdo_2005", "weekly short item", """\
Vendredi 16 décembre 2005
Quimper dans le palmarès. La 7e édition du label Villes Internet, remise mardi à Paris, a
décerné quatre @ à Quimper et deux @ à Concarneau.
""", (("Quimper", 2005, 4), ("Concarneau", 2005, 2))),

    Text("asso_2003", "association release", """\
Communiqué – 28 novembre 2003
Le palmarès Villes Internet 2003 est connu. Parthenay et Issy-les-Moulineaux reçoivent
cinq @ ; Hérouville-Saint-Clair et Brest, quatre @ ; Ifs (14), trois @.
Pour toute question : contact@villes-internet.net
""", (("Parthenay", 2003, 5), ("Issy-les-Moulineaux", 2003, 5),
      ("Hérouville-Saint-Clair", 2003, 4), ("Brest", 2003, 4),
      ("Ifs", 2003, 3, "14"))),

    Text("tableau_pipes_2023", "magazine table", """\
Palmarès 2023 – Pays de la Loire
Commune | Département | Niveau
Angers | Maine-et-Loire | @@@@@
Trélazé | Maine-et-Loire | @@@
Rezé | Loire-Atlantique | @@@@
Vertou | Loire-Atlantique | @@
""", (("Angers", 2023, 5), ("Trélazé", 2023, 3), ("Rezé", 2023, 4),
      ("Vertou", 2023, 2))),

    Text("lamballe_armor_2020", "town page", """\
Actualités
Lamballe-Armor, Ville Internet @@@
Publié le 30/01/2020
La commune nouvelle de Lamballe-Armor a reçu le 28 janvier, pour la première fois, le label
Villes Internet avec trois arobases. Suivez-nous sur Instagram : @lamballearmor
""", (("Lamballe-Armor", 2020, 3),)),

    Text("sicoval_2024", "regional daily, one EPCI", """\
Publié le 02/02/2024
Le Sicoval obtient trois @
La communauté d'agglomération du Sicoval a reçu trois arobases au label Territoires, Villes
et Villages Internet 2024, et la mention « Inclusion numérique ».
""", (("communauté d'agglomération du Sicoval", 2024, 3),
      # the headline states it too, under the short name people use (the geocoder
      # decides): counted as invented in the baseline, a truth corrected since
      ("Le Sicoval", 2024, 3))),

    Text("deux_villes_tout_comme_2021", "regional daily, département", """\
HÉRAULT
Publié le 05/02/2021
Béziers obtient trois @, tout comme Narbonne, dans l'Aude voisine. Montpellier conserve ses
cinq arobases.
""", (("Béziers", 2021, 3), ("Narbonne", 2021, 3),
      ("Montpellier", 2021, 5))),

    Text("legende_caption_2019", "regional daily, one town", """\
Vitré garde ses quatre arobases
Publié le 08/02/2019
Le maire Pierre Lemaire (au centre) et son adjointe Nadia Roux, à Martigues.
Vitré conserve ses quatre @ au palmarès 2019 du label Villes Internet.
Lire aussi : Fougères : deux @ en 2017, une première pour la ville
""", (("Vitré", 2019, 4),)),

    Text("rennes_periph_2013", "several a sentence", """\
ILLE-ET-VILAINE
Publié le 25/01/2013
Au palmarès 2013, Rennes et Cesson-Sévigné obtiennent cinq arobases, Bruz quatre et
Betton trois. Saint-Malo progresse et passe de deux à trois @.
""", (("Rennes", 2013, 5), ("Cesson-Sévigné", 2013, 5), ("Bruz", 2013, 4),
      ("Betton", 2013, 3), ("Saint-Malo", 2013, 3))),

    Text("population_2022", "weekly short item", """\
Publié le 18/03/2022
Pavie (2 600 habitants) obtient deux @ au label 2022, Gimont (3 000 habitants) une @.
""", (("Pavie", 2022, 2), ("Gimont", 2022, 1))),

    Text("jury_pau_2019", "awards nothing: person", """\
Publié le 10/02/2019
Le maire de Pau, membre du jury du label Villes Internet 2019, a salué « la progression
des villes à quatre et cinq arobases ».
"""),

    Text("titre_et_chapo_2008", "regional daily, one town", """\
Édition du samedi 13 décembre 2008
CASTRES. Trois @ pour la ville
Castres (Tarn) a été distinguée jeudi par trois arobases lors de la 10e édition du label
Villes Internet.
""", (("Castres", 2008, 3, "81"),)),

    Text("premiere_et_cinquieme_2024", "regional daily, département", """\
CÔTES-D'ARMOR
Publié le 01/02/2024
Plérin reçoit sa première arobase, Ploufragan une cinquième @ et Langueux passe de trois à
quatre arobases.
""", (("Plérin", 2024, 1), ("Ploufragan", 2024, 5), ("Langueux", 2024, 4))),
    Text("touraine_puces_2012", "magazine list by département", """\
Label Villes Internet 2012 : les lauréats de la région Centre
Indre-et-Loire (37)
- Joué-lès-Tours (@@@@)
- Ballan-Miré (@@@)
- Saint-Avertin (@@)
Loiret (45)
- Olivet (@@@)
- Saran (@@)
""", (("Joué-lès-Tours", 2012, 4, "37"), ("Ballan-Miré", 2012, 3, "37"),
      ("Saint-Avertin", 2012, 2, "37"), ("Olivet", 2012, 3, "45"), ("Saran", 2012, 2, "45"))),

    Text("comme_lan_dernier_2012", "regional daily, one town", """\
Publié le 27/01/2012
CHAMBRAY-LÈS-TOURS. La commune obtient trois @, comme l'an dernier, au label Villes
Internet. Elle vise désormais la quatrième.
""", (("Chambray-lès-Tours", 2012, 3), ("Chambray-lès-Tours", 2011, 3))),

    Text("hebdo_2006", "weekly short item", """\
Jeudi 14 décembre 2006
Carnet numérique. Lors de la 8e édition du label Villes Internet, remise mardi,
Saint-Barthélemy-d'Anjou a reçu deux @ et Avrillé (Maine-et-Loire) trois @.
""", (("Saint-Barthélemy-d'Anjou", 2006, 2), ("Avrillé", 2006, 3, "49"))),

    Text("cc_crestois_2018", "regional daily, one EPCI", """\
Publié le 09/02/2018 à 11h05
La CC du Crestois et de Pays de Saillans obtient 2 @ pour sa première candidature au label
Villes Internet 2018. Son vice-président au numérique, Marc Daudet, s'en réjouit.
""", (("CC du Crestois et de Pays de Saillans", 2018, 2),)),
]

# The texts the reader does not read yet (strict xfails in tests/test_press_batteries.py),
# each with the reason found when scoring them; nothing they give is invented.
_WHY = {
    "site_crest_2015": "'contre deux en 2014' in a 'la ville de Crest' sentence that the "
                       "release reader reads alone: the earlier level is not given",
    "hebdo_lisieux_2007": "'l'an passé' is the past without its year (Y3): 2006 not given",
    "echirolles_compare_2019": "'la ville en obtient 4' after a clause in the past: 'la "
                               "ville' with a bare count",
    "comme_lan_dernier_2012": "'La commune obtient trois @, comme l'an dernier' under a "
                              "dateline: 2012 is read, the same level in 2011 only where "
                              "the commune is named in the sentence",
}
TEXTS = [dataclasses.replace(t, why=_WHY.get(t.id, "")) for t in TEXTS]


if __name__ == "__main__":  # python -m tests.press_thirdhand: the total and each miss
    report(TEXTS)
