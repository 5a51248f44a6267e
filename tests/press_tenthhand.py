"""A tenth battery of press texts: round-ups as they reach a reader after copy-paste,
written by a hand that read neither the rules of ``loaders/press/`` nor the nine earlier
batteries' texts (only the harness, the first lines of ``press_ninthhand.py`` for the
format, and the brief).

The national and regional press relaying the palmarès, 2001–2026, as text copied out of
PDFs, old web pages and newsletters: lines hyphenated or cut at column ends, page headers,
footers and page numbers in the middle of a list, two-column lists read across, names
followed by a population "(12 400 hab.)" or a département "(Hérault)" / "(34)", separators
" – ", " / ", "•", "|", ";", dotted leaders, levels written "@@@@", "4@", "4 @", "quatre
arobases", "4 arobases sur 5", "niveau 4"; old editions ("3e édition", the "Net d'Or"
years, "label Ville Internet 2004", "palmarès 2006"); a national list by level; a région's
list by département; several editions in one retrospective table; intercommunalités among
communes; and texts awarding nothing (candidates, statistics, the jury, a call for
applications, the label's rules, mentions alone, a table of contents, a town that "vise"
its @). Every sentence is ours; the names are real communes and EPCI of the COG (homonyms
carry their département, which the text gives).

``TEXTS``: (id, text, awards) where each award is (name as printed, département as the
text gives it or ``None``, edition, level); texts whose awards are empty award nothing.
``python -m tests.press_tenthhand`` prints the score.

Baseline, scored once before any rule was changed for these texts: 68 / 107 right (64%),
6 invented, from 3 texts: "Net d'Or" read as a laureate with 5 @ (the 2001 text, where
the Net d'Or is another prize); a name hyphenated at a line end read as its first half
("Vi-" / "tré", "Lorient Agglomé-" / "ration"); and the Isère list where each name's
level sits on the line under it, read as level headings for the next name (Fontaine 4,
Saint-Égrève 3, Grenoble-Alpes-Métropole 2). 39 missed: the retrospective table (11,
years as columns), Libourne's years in prose (3), "Obtiennent deux @ : A ; B ; C." (5),
"Ils obtiennent 5 @ : ..." (4), the first of a " / " run (Rennes), the two-column
Gironde list's homonyms (Mérignac, Blanquefort: the département is only in the lead), a
name hyphenated over two lines and the one after it (Hérouville-Saint-Clair, Metz), "en
obtient 4 sur 5" (Cherbourg-en-Cotentin), a caption's "3 @ au label" (Melle), a sentence
cut by a page footer (Vandœuvre-lès-Nancy, Villers-lès-Nancy), Lannion before the
hyphenated "dé-/croche".
After the fixes (T1f: a word hyphenated at a line's end made whole; T1g: a PDF's page
marker is no line; R29a-j of ``loaders/press/roundup.py``: names one a line each with
its level on the next, " / " between entries, the top level restated in figures and a
prize after "un", a verb heading "Obtiennent deux @ :" and ";" in a heading's list, a
table whose columns are editions, "en obtient 4 sur 5", a lead counting a département's
names above the list, a timeline opening the sentence, "pour sa première participation"
in an aside, "Name, 3 @ au label 2018" in apposition; R29k-p, an entry's population and
a bar before its level, a page's furniture inside a heading's list, a heading's names
between dashes or bullets, "Finistère (29) – Brest @@@@@", "@@@@@ – 3 villes", "Ils sont
douze à obtenir", came from variants of the theme tried afterwards): 107 / 107 (100%), 0
invented, 0 from the texts awarding nothing. Merged with main, whose T2 now skips a
photo's caption line (thirteenth hand), the caption text lost its only edition: 105 /
107, 0 invented, that text a strict xfail in ``_WHY``. These rules were written for
these texts: the 105 no longer estimate anything (the 68 / 107 before them does). Main
as it stood after the eleventh to thirteenth hands' rules (commit 8d6e09f), without the
tenth's, scored this battery 67 / 107 with the same 6 inventions: their rules read none
of these forms (one award fewer: the caption now skipped). The other way round, these
rules read a text of the fourteenth hand's battery, written blind to them (R29c: "la
note maximale de quatre @" in 2000): 153 / 171 with 1 invented instead of 150 with 4.
(Before this scoring, a mistyped ``-k`` filter ran the one text then named
"...-count-before-names" and showed that it failed, nothing more; it was renamed.)
"""

from __future__ import annotations

from tests.press_battery import Text, report


_RAW: list[tuple[str, str, list[tuple[str, str | None, int, int]]]] = [
    ("national-2004-pdf-level-headings", """VILLES INTERNET
Dossier de presse
Label Ville Internet 2004 – 6e édition
Le palmarès national

@@@@@
Issy-les-Moulineaux (Hauts-de-Seine)
Parthenay (Deux-Sèvres)

@@@@
Brest (Finistère)
Hérouville-Saint-
Clair (Calvados)
Metz (Moselle)

Villes Internet – Dossier de presse 2004 – page 3/12

@@@
Lannion (Côtes-d'Armor)
Chenôve (Côte-d'Or)
""", [("Issy-les-Moulineaux", None, 2004, 5), ("Parthenay", None, 2004, 5),
      ("Brest", None, 2004, 4), ("Hérouville-Saint-Clair", None, 2004, 4),
      ("Metz", None, 2004, 4), ("Lannion", None, 2004, 3), ("Chenôve", None, 2004, 3)]),

    ("bretagne-newsletter-hyphenated-13e", """La lettre du numérique breton – n° 42 – février 2012

LABEL VILLES INTERNET : LA BRETAGNE EN BONNE PLACE

La 13e édition du label a rendu son verdict la semaine dernière. Lannion (22) dé-
croche 4 @, tout comme Vi-
tré (35), qui gagne une arobase. Quimper (29) obtient 3 @ et Lorient Agglomé-
ration en obtient trois également. Ploemeur (56) fait son entrée avec 2 @.

Lire aussi : Les communes rurales à l'heure de la fibre
""", [("Lannion", None, 2012, 4), ("Vitré", None, 2012, 4), ("Quimper", None, 2012, 3),
      ("Lorient Agglomération", None, 2012, 3), ("Ploemeur", None, 2012, 2)]),

    ("herault-2015-populations", """Accueil > Actualités > Numérique

Palmarès 2015 : cinq communes de l'Hérault labellisées

Publié le 4 février 2015

• Montpellier (275 000 hab.) – 4 @
• Castelnau-le-Lez (20 000 hab.) – 3 @
• Lattes (16 500 hab.) – 3 @
• Juvignac (8 600 hab.) – 2 @
• Grabels (7 800 hab.) – 1 @, sa première arobase

Les labels ont été remis mardi lors des rencontres nationales.
""", [("Montpellier", None, 2015, 4), ("Castelnau-le-Lez", None, 2015, 3),
      ("Lattes", None, 2015, 3), ("Juvignac", None, 2015, 2), ("Grabels", None, 2015, 1)]),

    ("occitanie-2023-by-departement", """OCCITANIE
Label Territoires, Villes et Villages Internet 2023
Les lauréats de la région, département par département

HAUTE-GARONNE (31)
Colomiers ........................ 5 @
Ramonville-Saint-Agne ........... 4 @
Tournefeuille .................... 3 @

GARD (30)
Alès ............................. 3 @
Bagnols-sur-Cèze ................. 2 @

HÉRAULT (34)
Lunel ............................ 3 @
Saint-Jean-de-Védas .............. 2 @

Source : association Villes Internet, janvier 2023
""", [("Colomiers", None, 2023, 5), ("Ramonville-Saint-Agne", None, 2023, 4),
      ("Tournefeuille", None, 2023, 3), ("Alès", None, 2023, 3),
      ("Bagnols-sur-Cèze", None, 2023, 2), ("Lunel", None, 2023, 3),
      ("Saint-Jean-de-Védas", None, 2023, 2)]),

    ("gironde-2017-two-columns", """LE COURRIER DE L'ESTUAIRE – Vendredi 3 février 2017 – 7

Numérique : les lauréats girondins du label Villes Internet 2017

Six communes de la Gironde ont été distinguées hier à Paris.

Pessac               4@        Talence              3@
Mérignac             4@        Bègles               3@
Saint-Médard-en-Jalles 2@      Blanquefort          2@
""", [("Pessac", None, 2017, 4), ("Talence", None, 2017, 3),
      ("Mérignac", "33", 2017, 4), ("Bègles", None, 2017, 3),
      ("Saint-Médard-en-Jalles", None, 2017, 2), ("Blanquefort", "33", 2017, 2)]),

    ("grand-est-2021-pipes", """Accueil | Actualités | Économie | Numérique | Contact

Villes Internet 2021 | Grand Est | les résultats

Metz : 5 @ | Metz Métropole : 4 @ | Nancy : 4 @ | Thionville : 3 @ | Épinal : 3 @ |
Vandœuvre-lès-Nancy : 2 @

Mis en ligne le 11/02/2021 | Partager | Imprimer
""", [("Metz", None, 2021, 5), ("Metz Métropole", None, 2021, 4), ("Nancy", None, 2021, 4),
      ("Thionville", None, 2021, 3), ("Épinal", None, 2021, 3),
      ("Vandœuvre-lès-Nancy", None, 2021, 2)]),

    ("poitou-retrospective-table", """Vingt ans d'arobases entre Gâtine et Vienne
(publié le 14 février 2019)

Nombre d'@ obtenus au label Villes Internet, selon les éditions :

Commune          2003   2008   2013   2019
Parthenay          5      5      4      4
Niort              2      3      3      4
Châtellerault      –      2      3      3

Tableau : rédaction, d'après les palmarès publiés par l'association.
""", [("Parthenay", None, 2003, 5), ("Parthenay", None, 2008, 5),
      ("Parthenay", None, 2013, 4), ("Parthenay", None, 2019, 4),
      ("Niort", None, 2003, 2), ("Niort", None, 2008, 3), ("Niort", None, 2013, 3),
      ("Niort", None, 2019, 4), ("Châtellerault", None, 2008, 2),
      ("Châtellerault", None, 2013, 3), ("Châtellerault", None, 2019, 3)]),

    ("manche-2016-count-before-list", """Saint-Lô, le 5 février 2016

Label Villes Internet 2016 : la Manche tient son rang

Trois villes de la Manche reçoivent trois arobases (Saint-Lô, Granville,
Coutances), tandis que Cherbourg-en-Cotentin, pour sa première participation sous
ce nom, en obtient 4 sur 5.
""", [("Saint-Lô", None, 2016, 3), ("Granville", None, 2016, 3),
      ("Coutances", None, 2016, 3), ("Cherbourg-en-Cotentin", None, 2016, 4)]),

    ("sicoval-2014-niveau", """Label Villes Internet 2014
Le Sicoval monte d'un cran

La communauté d'agglomération du Sicoval atteint le niveau 4 du label Villes Internet
2014, tandis que Castanet-Tolosan reste au niveau 3. Les deux collectivités ont
présenté un dossier commun sur l'ouverture des données publiques.
""", [("communauté d'agglomération du Sicoval", None, 2014, 4),
      ("Castanet-Tolosan", None, 2014, 3)]),

    ("old-2001-third-edition", """INTERNET MUNICIPAL
Les @ de la 3e édition du label Ville Internet

Réunis aux rencontres d'Autrans, les membres de l'association ont remis les
labels « Ville Internet » 2001. Deux villes déjà récompensées par un Net d'Or
obtiennent la note maximale de quatre @ : Hérouville-Saint-Clair et Parthenay.
Brest et Suresnes obtiennent @@@.
""", [("Hérouville-Saint-Clair", None, 2001, 4), ("Parthenay", None, 2001, 4),
      ("Brest", None, 2001, 3), ("Suresnes", None, 2001, 3)]),

    ("nord-2006-bullets-populations", """NEWSLETTER NORD NUMÉRIQUE – Mars 2006

Palmarès 2006 du label Ville Internet : le Nord à l'honneur

• Villeneuve-d'Ascq (62 000 hab.) – @@@@
• Roubaix (97 000 hab.) – @@@
• Tourcoing (93 000 hab.) – @@@
• Marcq-en-Barœul (39 000 hab.) – @@

Pour vous désabonner de cette lettre, cliquez ici.
""", [("Villeneuve-d'Ascq", None, 2006, 4), ("Roubaix", None, 2006, 3),
      ("Tourcoing", None, 2006, 3), ("Marcq-en-Barœul", None, 2006, 2)]),

    ("idf-2009-semicolons", """Paris, le 27 janvier 2009

11e édition du label Ville Internet : les lauréats franciliens

Obtiennent deux @ : Villiers-le-Bel ; Cergy ; Ivry-sur-Seine.
Obtiennent trois @ : Suresnes ; Nanterre.
Quatre @ : Montreuil (Seine-Saint-Denis).
""", [("Villiers-le-Bel", None, 2009, 2), ("Cergy", None, 2009, 2),
      ("Ivry-sur-Seine", None, 2009, 2), ("Suresnes", None, 2009, 3),
      ("Nanterre", None, 2009, 3), ("Montreuil", "93", 2009, 4)]),

    ("cote-dor-2008-page-break", """Palmarès 2008 du label Ville Internet : la Côte-d'Or confirme

Les communes de l'agglomération dijonnaise figurent en bonne place.
Dijon ..................... 4 @
Chenôve .................. 4 @
Talant ..................... 3 @

12
L'ÉCHO DIJONNAIS – JEUDI 24 JANVIER 2008

Quetigny .................. 3 @
Longvic .................... 2 @
Fontaine-lès-Dijon ......... 1 @
""", [("Dijon", None, 2008, 4), ("Chenôve", None, 2008, 4), ("Talant", None, 2008, 3),
      ("Quetigny", None, 2008, 3), ("Longvic", None, 2008, 2),
      ("Fontaine-lès-Dijon", None, 2008, 1)]),

    ("isere-2020-cut-lines", """Numérique
Isère : cinq lauréats pour la 21e édition du label

Échirolles
4 @
Fontaine (38)
3 @
Meylan
3 @
Saint-Égrève
2 @
Grenoble-Alpes-Métropole
4 @

Légende photo : la remise des labels, jeudi, au ministère.
""", [("Échirolles", None, 2020, 4), ("Fontaine", "38", 2020, 3), ("Meylan", None, 2020, 3),
      ("Saint-Égrève", None, 2020, 2), ("Grenoble-Alpes-Métropole", None, 2020, 4)]),

    ("pays-de-la-loire-2022-prose", """Nantes, 10 février 2022 – Le palmarès 2022 du label Villes Internet a été
dévoilé hier. Rezé conserve ses quatre arobases et Saint-Herblain passe de trois à
quatre @. Angers décroche 4 arobases sur 5, La Roche-sur-Yon se maintient au niveau 3,
et Cholet obtient sa première arobase.
""", [("Rezé", None, 2022, 4), ("Saint-Herblain", None, 2022, 4), ("Angers", None, 2022, 4),
      ("La Roche-sur-Yon", None, 2022, 3), ("Cholet", None, 2022, 1)]),

    ("bretagne-2025-slashes", """Label 2025 / Bretagne / les résultats

Rennes 5 @ / Saint-Brieuc 4 @ / Landerneau 3 @ / Plougastel-Daoulas 2 @

Lire aussi / Fibre : le Finistère raccordé à 90 %
Lire aussi / Cybersécurité : les mairies formées
""", [("Rennes", None, 2025, 5), ("Saint-Brieuc", None, 2025, 4),
      ("Landerneau", None, 2025, 3), ("Plougastel-Daoulas", None, 2025, 2)]),

    ("caption-melle-liguge-2018", """Photo : la mairie de Melle (Deux-Sèvres), 3 @ au label Villes Internet 2018.
Ligugé (Vienne) obtient de son côté 2 @ pour la même édition.
""", [("Melle", "79", 2018, 3), ("Ligugé", None, 2018, 2)]),

    ("epci-2024-bullets", """Intercommunalités : les lauréats du label 2024

Brest Métropole 5 @ • CA du Pays de Landerneau-Daoulas 3 @ • CC de
Parthenay-Gâtine 4 @ • Vitré Communauté 4 @ • Saint-Lô Agglo 3 @
""", [("Brest Métropole", None, 2024, 5), ("CA du Pays de Landerneau-Daoulas", None, 2024, 3),
      ("CC de Parthenay-Gâtine", None, 2024, 4), ("Vitré Communauté", None, 2024, 4),
      ("Saint-Lô Agglo", None, 2024, 3)]),

    ("libourne-2019-retrospective-prose", """Libourne, 8 février 2019 – Trois @ en 2014, quatre en 2016,
et cinq cette année : Libourne atteint le sommet du label Villes Internet 2019.
""", [("Libourne", None, 2014, 3), ("Libourne", None, 2016, 4), ("Libourne", None, 2019, 5)]),

    ("december-ceremony-2026", """Publié le 12 décembre 2025

La cérémonie du label Territoires, Villes et Villages Internet s'est tenue hier. Dans
le palmarès 2026, Toulouse obtient 5 @ et Blagnac 4 @.
""", [("Toulouse", None, 2026, 5), ("Blagnac", None, 2026, 4)]),

    ("february-ceremony-2013", """Publié le 7 février 2013 à 09h12

La remise des labels a eu lieu le 6 février à Paris. Saint-Brieuc et Ploemeur
obtiennent chacune trois @.
""", [("Saint-Brieuc", None, 2013, 3), ("Ploemeur", None, 2013, 3)]),

    ("lorraine-2007-footer-mid-sentence", """Label Ville Internet – 9e édition
Vandœuvre-lès-Nancy obtient trois

— Page 7 —

arobases, Villers-lès-Nancy deux.
""", [("Vandœuvre-lès-Nancy", None, 2007, 3), ("Villers-lès-Nancy", None, 2007, 2)]),

    ("national-2026-top-level", """Label 2026 : ils décrochent la note maximale

Ils obtiennent 5 @ : Issy-les-Moulineaux, Metz, Montpellier et Rennes.
""", [("Issy-les-Moulineaux", None, 2026, 5), ("Metz", None, 2026, 5),
      ("Montpellier", None, 2026, 5), ("Rennes", None, 2026, 5)]),

    # Texts awarding nothing
    ("candidates-2020", """Candidats bretons au label Villes Internet 2020

Ont déposé leur dossier : Lannion, Vitré, Quimper, Ploemeur, Landerneau.
Résultats le 4 février, lors de la cérémonie nationale.
""", []),

    ("statistics-since-1999", """Le label en chiffres (janvier 2018)

1 200 communes labellisées depuis 1999 | 35 villes à 5 @ | 4 niveaux intermédiaires
La Bretagne reste la région la plus représentée, devant l'Occitanie.
""", []),

    ("jury-2016", """Le jury du label Villes Internet 2016

Présidé par une ancienne adjointe au maire de Pessac, le jury réunit un chargé de
mission de Talence, une chercheuse de Grenoble et un directeur des systèmes
d'information de Niort. Il examinera 450 dossiers avant la cérémonie de février.
""", []),

    ("call-for-applications-2025", """APPEL À CANDIDATURES

Label Territoires, Villes et Villages Internet 2025 : les inscriptions sont ouvertes
jusqu'au 15 octobre 2024. Toutes les collectivités peuvent candidater, de la commune
rurale à la métropole. Renseignements auprès de la mairie de Coutances, relais local.
""", []),

    ("rules-1-to-5", """Comment lire le label ? (mis à jour le 2 février 2023)

@ : la commune a engagé une démarche
@@ : des services en ligne existent
@@@ : une politique numérique structurée
@@@@ : une politique exemplaire
@@@@@ : le plus haut niveau, de 1 à 5 @ au total
""", []),

    ("mentions-only-2022", """Palmarès 2022 : les mentions spéciales

Mention démocratie locale pour Grabels ; arobase verte pour Lattes ; Territoire
d'excellence numérique pour Sète.
""", []),

    ("regional-statistics-table-2021", """Label 2021 : les chiffres par région

Région        | labellisés | dont 5 @ | dont 4 @
Bretagne      |    87      |    6     |   14
Occitanie     |    79      |    4     |   11
Grand Est     |    52      |    3     |    9
""", []),

    ("press-kit-table-of-contents-2008", """DOSSIER DE PRESSE 2008 – SOMMAIRE

Le mot du président ...................... 2
Parthenay, ville pionnière .............. 4
Les chiffres du label ................... 6
Le palmarès ............................. 8
""", []),

    ("longvic-aims-2024", """Dijon, le 20 novembre 2023 – Longvic vise la quatrième arobase au label
2024. La commune, qui compte 8 900 habitants, présentera son dossier au jury le mois
prochain.
""", []),
]

# Texts the reader is known not to read: id → why (a strict xfail in the suite).
_WHY: dict[str, str] = {
    "caption-melle-liguge-2018": "the only edition is in a photo's caption line "
                                 "(\"Photo : ...\"), which main's T2 skips as no part of "
                                 "the text (thirteenth hand); the text is then undated",
}

TEXTS = tuple(Text(id, body, tuple((n, e, l, d) if d else (n, e, l) for n, d, e, l in awards),
                   why=_WHY.get(id, ""))
              for id, body, awards in _RAW)


if __name__ == "__main__":
    report(TEXTS)
