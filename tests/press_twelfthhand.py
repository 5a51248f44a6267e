"""A twelfth battery of press texts: long round-ups and the names as the press prints
them, written by a hand that read neither the rules of ``loaders/press/`` nor the earlier
batteries' texts (only the harness, the first lines of ``press_ninthhand.py`` for the
format, ``tests/test_press_batteries.py`` and the brief).

Round-ups of 8 to 22 laureates a text (a regional daily's full list for a région or a
département, the association's palmarès by level, a national magazine's list), 2003-2026,
with the names as web pages print them: "St-" / "Ste-", capitals ("LE HAVRE", "ST-AVE"),
articles ("Les Ulis", "L'Haÿ-les-Roses", "La Roche-sur-Yon"), missing accents ("Epinal",
"Bethune", "Chalons-en-Champagne"), the ligature "Œ", hyphens dropped or spaced ("Aix en
Provence", "Aix - les - Bains"), a former name where the page is old ("Lamballe" in 2012,
"Château-Gontier" in 2015), EPCI with their long names and abbreviations ("CU", "CC",
"Agglo", "Communauté d'agglomération du Pays Basque"), homonyms placed by a number, a
heading or a département named in the sentence. Layouts: one a line, comma lists, level
headings, département headings, a table flattened by copy-paste, "@@@@" marks. Eight texts
award nothing: candidates, statistics "depuis 1999", the jury, other labels (fleurs,
Territoires Innovants), the jury's mentions alone, a list of towns labelled over the
years without a level, a workshop's attendees. Every sentence is ours; the names are real
communes and EPCI of the COG (homonyms carry their département).

``TEXTS``: (id, text, awards) where each award is (name as printed, département as the
text gives it or ``None``, edition, level); texts whose awards are empty award nothing.
``python -m tests.press_twelfthhand`` prints the score.

Baseline, scored once before any rule was changed for these texts (no truth corrected
after scoring; two homonyms, La Rochelle and Saint-Nazaire, were given their number in the
text before scoring, when the names test asked for it): 195 / 278 right (70%), 7 invented,
0 from the eight texts awarding nothing.
Invented (7): "Partager Facebook Twitter Mail" (2024, 1), a share menu read under the "1 @"
heading; the flattened Normandie table read one row off (CAEN 5, LISIEUX 3, SAINT-LO 4,
VERNON 2: each name takes the "@@@@" line of the row above); La Courneuve 4 ("tout comme"
carried into the next sentence, which gives it three); "Bains" 3 from "Aix - les - Bains".
Missed (83), by cause:
- a level heading with an article or a parenthesis before its colon: "Les 5 @ :" / "Les 4 @ :"
  (the whole 2011 list, 22), "Quatre @ (le niveau maximal) :" (2003, 4), "Trois @
  (sélection) :" (2008, 6) -- 32;
- a page without accents ("La 20e edition ... a ete devoilee"): the whole Hauts-de-France
  list, 14 ("édition" accented reads it);
- the EPCI round-up gives nothing at all, 12: in isolation "Quatre @ pour Lorient
  Agglomération, la CU Caen la Mer et Vitré Communauté" and "Saint-Étienne Métropole obtient
  cinq @" are read, but the sentences holding "Communauté d'agglomération du Pays Basque",
  "CC de Parthenay-Gâtine", "l'Agglo du Pays de Dreux", "CA Saint-Lô Agglo", "communauté de
  communes Auray Quiberon Terre Atlantique" give nothing, and the text as a whole nothing;
- counts and verbs: "Quatre obtiennent quatre @ : Rezé, Saint-Nazaire (44), ..." and "Le
  Mans, Laval et Les Sables-d'Olonne ont trois @, Château-Gontier deux" (7); "Pessac,
  Mérignac et Talence ont chacune quatre @ ; Saint-Médard-en-Jalles et Bègles trois" and
  "La Rochelle (17) et Poitiers reçoivent trois @" (La Rochelle only) (6) -- 13;
- the flattened table (name, département, "@@@@@" on three lines): LE HAVRE and the four
  true levels shifted above -- 5;
- a past level and a rise: "Concarneau, trois @ l'an dernier, monte à quatre" -- 2;
- an EPCI whose kind follows in parentheses: "Sicoval (communauté d'agglomération)",
  "Grand Annecy (agglomération)" -- 2;
- a homonym placed only by the headline's département ("huit communes de l'Isère":
  Fontaine) -- 1; spaced hyphens ("Aix - les - Bains") -- 1; La Courneuve (above) -- 1.

After the fixes (level headings "Les 5 @ :" and "Quatre @ (le niveau maximal) :"; a table
copied one cell a line; share menus; names alone after a level are no "aussi"; a page
without accents; "Marcq en Baroeul"; "Aix - les - Bains"; an EPCI's kind in brackets;
"ont chacune quatre @"; "Quatre obtiennent quatre @ :"; lines going on after "et" or ";";
"pour la Communauté d'agglomération ..."; a section line "Dauphiné Numérique — Isère"
placing the names under it): **278 / 278, 0 invented**.
"""

from __future__ import annotations

from tests.press_battery import Text, report


_RAW: list[tuple[str, str, list[tuple[str, str | None, int, int]]]] = [
    ("bretagne-2024-level-headings", """Ouest Quotidien > Bretagne > Numérique
Label Villes Internet 2024 : 49 arobases pour la Bretagne
Par Gwenaël Le Roux
Publié le 09/02/2024 à 18h12 Modifié le 10/02/2024 à 07h40

Le palmarès du label Villes Internet 2024 a été dévoilé jeudi à Paris. Voici les
collectivités bretonnes distinguées, niveau par niveau.

5 @
Rennes
Lannion
Brest Métropole

4 @
Vitré
Plougastel-Daoulas
Cesson-Sévigné
St-Brieuc

3 @
Concarneau
Quimperlé
Betton
Ploemeur

2 @
Pontivy
Loudéac

1 @
Carhaix-Plouguer
Pacé (35)

Lire aussi : Rennes, vingt ans de numérique public
Partager Facebook Twitter Mail
""", [("Rennes", None, 2024, 5), ("Lannion", None, 2024, 5), ("Brest Métropole", None, 2024, 5),
      ("Vitré", None, 2024, 4), ("Plougastel-Daoulas", None, 2024, 4),
      ("Cesson-Sévigné", None, 2024, 4), ("St-Brieuc", None, 2024, 4),
      ("Concarneau", None, 2024, 3), ("Quimperlé", None, 2024, 3), ("Betton", None, 2024, 3),
      ("Ploemeur", None, 2024, 3), ("Pontivy", None, 2024, 2), ("Loudéac", None, 2024, 2),
      ("Carhaix-Plouguer", None, 2024, 1), ("Pacé", "35", 2024, 1)]),

    ("normandie-2019-flattened-table", """PALMARÈS 2019 DU LABEL VILLES INTERNET – NORMANDIE
Accueil › Actualités › Territoire

Mis en ligne le 1er février 2019

Les résultats de la 20e édition du label ont été annoncés mercredi lors de la cérémonie
nationale. Le tableau ci-dessous reprend les communes normandes labellisées et leur niveau.

Commune
Département
Niveau
LE HAVRE
76
@@@@@
CAEN
14
@@@@
ROUEN
76
@@@@
CHERBOURG-EN-COTENTIN
50
@@@@
SAINT-LO
50
@@@
EVREUX
27
@@@
FECAMP
76
@@@
LISIEUX
14
@@
GRAND-QUEVILLY
76
@@
VERNON
27
@
Source : association Villes Internet
""", [("LE HAVRE", None, 2019, 5), ("CAEN", None, 2019, 4), ("ROUEN", None, 2019, 4),
      ("CHERBOURG-EN-COTENTIN", None, 2019, 4), ("SAINT-LO", None, 2019, 3),
      ("EVREUX", None, 2019, 3), ("FECAMP", None, 2019, 3), ("LISIEUX", None, 2019, 2),
      ("GRAND-QUEVILLY", None, 2019, 2), ("VERNON", "27", 2019, 1)]),

    ("rhone-2021-st-abbreviations", """Le Progrès numérique — Rhône — Métropole
Rhône : dix communes de la Métropole labellisées Villes Internet

Lyon, le 28 janvier 2021 — La 22e édition du label Villes Internet s'est tenue cette année
en ligne. Cinq @ pour Villeurbanne et St-Priest, qui confirment leur niveau. Quatre @ pour
Ste-Foy-lès-Lyon, Vaulx-en-Velin et Bron. Trois @ pour Meyzieu, St-Genis-Laval et
Rillieux-la-Pape, tandis que St-Fons et Décines-Charpieu décrochent deux @.

Lire aussi : la fibre arrive dans l'Ouest lyonnais
""", [("Villeurbanne", None, 2021, 5), ("St-Priest", "69", 2021, 5),
      ("Ste-Foy-lès-Lyon", None, 2021, 4), ("Vaulx-en-Velin", None, 2021, 4),
      ("Bron", None, 2021, 4), ("Meyzieu", None, 2021, 3), ("St-Genis-Laval", None, 2021, 3),
      ("Rillieux-la-Pape", None, 2021, 3), ("St-Fons", None, 2021, 2),
      ("Décines-Charpieu", None, 2021, 2)]),

    ("magazine-2008-december-ceremony", """La Gazette des territoires — N° 1912
Palmarès : les Villes Internet 2008
13/12/2007

Remis hier soir au Sénat, les labels Villes Internet 2008 — dixième édition du palmarès —
distinguent cette année 212 collectivités. Voici les villes ayant obtenu quatre @, puis une
sélection des trois @.

Quatre @ : Issy-les-Moulineaux (92), Parthenay (79), Brest (29), Hérouville-Saint-Clair (14),
Ris-Orangis (91), Mouans-Sartoux (06), Besançon (25), Metz (57).

Trois @ (sélection) : Villiers-le-Bel (95), Saint-Médard-en-Jalles (33), Rezé (44),
Arras (62), Epinal (88), Chalons-en-Champagne (51).

Abonnez-vous à La Gazette
""", [("Issy-les-Moulineaux", None, 2008, 4), ("Parthenay", None, 2008, 4),
      ("Brest", None, 2008, 4), ("Hérouville-Saint-Clair", None, 2008, 4),
      ("Ris-Orangis", None, 2008, 4), ("Mouans-Sartoux", None, 2008, 4),
      ("Besançon", None, 2008, 4), ("Metz", None, 2008, 4),
      ("Villiers-le-Bel", None, 2008, 3), ("Saint-Médard-en-Jalles", None, 2008, 3),
      ("Rezé", None, 2008, 3), ("Arras", None, 2008, 3), ("Epinal", None, 2008, 3),
      ("Chalons-en-Champagne", None, 2008, 3)]),

    ("occitanie-2023-departement-headings", """Midi Numérique | Occitanie
Label Villes Internet 2023 : le palmarès département par département
Par la rédaction – 3 février 2023

HAUTE-GARONNE
Toulouse : 4 @
Colomiers : 4 @
Blagnac : 3 @
Ramonville-Saint-Agne : 3 @
Sicoval (communauté d'agglomération) : 2 @
HÉRAULT
Montpellier : 5 @
Castelnau-le-Lez : 3 @
Lunel : 2 @
GARD
Nîmes : 3 @
Alès : 2 @
TARN
Albi : 4 @
Castres : 3 @

Lire aussi
Toulouse lance son budget participatif en ligne
""", [("Toulouse", None, 2023, 4), ("Colomiers", None, 2023, 4), ("Blagnac", None, 2023, 3),
      ("Ramonville-Saint-Agne", None, 2023, 3), ("Sicoval", None, 2023, 2),
      ("Montpellier", None, 2023, 5), ("Castelnau-le-Lez", None, 2023, 3),
      ("Lunel", None, 2023, 2), ("Nîmes", None, 2023, 3), ("Alès", None, 2023, 2),
      ("Albi", None, 2023, 4), ("Castres", "81", 2023, 3)]),

    ("idf-2020-articles", """Le Parisien du Val — Île-de-France
Villes Internet : les lauréats franciliens du label 2020
Le 5 février 2020 à 19h05

De l'Essonne au Val-de-Marne, les villes franciliennes ont été nombreuses à monter sur
l'estrade mardi soir. Issy-les-Moulineaux conserve ses cinq @, le niveau maximal. Les Ulis
obtiennent quatre @, tout comme L'Haÿ-les-Roses et Le Kremlin-Bicêtre. La Courneuve, Les
Mureaux et Ivry-sur-Seine reçoivent trois @. Deux @ pour Le Blanc-Mesnil, Evry-Courcouronnes
et Montreuil (Seine-Saint-Denis). Enfin, Villejuif décroche sa première arobase.

À lire aussi : Les Ulis ouvre un fab lab au cœur de la dalle
""", [("Issy-les-Moulineaux", None, 2020, 5), ("Les Ulis", None, 2020, 4),
      ("L'Haÿ-les-Roses", None, 2020, 4), ("Le Kremlin-Bicêtre", None, 2020, 4),
      ("La Courneuve", None, 2020, 3), ("Les Mureaux", None, 2020, 3),
      ("Ivry-sur-Seine", None, 2020, 3), ("Le Blanc-Mesnil", None, 2020, 2),
      ("Evry-Courcouronnes", None, 2020, 2), ("Montreuil", "93", 2020, 2),
      ("Villejuif", None, 2020, 1)]),

    ("hdf-2019-no-accents", """NORD LITTORAL INFO
Hauts-de-France : 14 communes au palmares Villes Internet
Ecrit par M. Dufour | 31 janvier 2019 | 0 commentaire

La 20e edition du label Villes Internet a ete devoilee mercredi. Voici la liste complete
des communes de la region, par niveau.

Niveau 5 @ : Lille, Villeneuve d'Ascq
Niveau 4 @ : Roubaix, Tourcoing, Marcq en Baroeul, Dunkerque
Niveau 3 @ : Arras, Bethune, Lievin, Valenciennes
Niveau 2 @ : Saint Quentin (Aisne), Beauvais, Compiegne
Niveau 1 @ : Hazebrouck

Articles similaires
""", [("Lille", None, 2019, 5), ("Villeneuve d'Ascq", None, 2019, 5),
      ("Roubaix", None, 2019, 4), ("Tourcoing", None, 2019, 4),
      ("Marcq en Baroeul", None, 2019, 4), ("Dunkerque", None, 2019, 4),
      ("Arras", None, 2019, 3), ("Bethune", None, 2019, 3), ("Lievin", None, 2019, 3),
      ("Valenciennes", None, 2019, 3), ("Saint Quentin", None, 2019, 2),
      ("Beauvais", None, 2019, 2), ("Compiegne", None, 2019, 2),
      ("Hazebrouck", None, 2019, 1)]),

    ("grand-est-2017-regions-in-sentences", """L'Est Numérique — Grand Est
Vendredi 3 février 2017
Label Villes Internet : Metz et Strasbourg au sommet

Les arobases de l'année sont tombées hier soir. En Lorraine, Metz garde ses cinq @ ; Nancy
et Thionville en obtiennent quatre ; Epinal trois, Saint Dié des Vosges deux. En Alsace,
Strasbourg décroche cinq @, Mulhouse et Colmar trois. En Champagne-Ardenne,
Chalons-en-Champagne passe de deux à trois @, Reims obtient quatre @ et
Charleville-Mézières sa première arobase.
""", [("Metz", None, 2017, 5), ("Nancy", None, 2017, 4), ("Thionville", None, 2017, 4),
      ("Epinal", None, 2017, 3), ("Saint Dié des Vosges", None, 2017, 2),
      ("Strasbourg", None, 2017, 5), ("Mulhouse", None, 2017, 3), ("Colmar", None, 2017, 3),
      ("Chalons-en-Champagne", None, 2017, 3), ("Reims", None, 2017, 4),
      ("Charleville-Mézières", None, 2017, 1)]),

    ("paca-2022-dash-lines", """Provence Digitale
Label 2022 : la région Sud compte douze Villes Internet
Marseille – 10/02/2022

Le label Villes Internet a livré son palmarès 2022. Les lauréats de la région :

Aix en Provence – 4 @
Marseille – 3 @
Nice – 4 @
Antibes – 3 @
La Seyne-sur-Mer – 3 @
Martigues – 5 @
Miramas – 3 @
Digne-les-Bains – 2 @
Gap – 2 @
Mouans-Sartoux – 4 @
Hyères – 2 @
Sisteron – 1 @

Newsletter : recevez chaque semaine l'actualité numérique
""", [("Aix en Provence", None, 2022, 4), ("Marseille", None, 2022, 3), ("Nice", None, 2022, 4),
      ("Antibes", None, 2022, 3), ("La Seyne-sur-Mer", None, 2022, 3),
      ("Martigues", None, 2022, 5), ("Miramas", None, 2022, 3),
      ("Digne-les-Bains", None, 2022, 2), ("Gap", None, 2022, 2),
      ("Mouans-Sartoux", None, 2022, 4), ("Hyères", None, 2022, 2),
      ("Sisteron", None, 2022, 1)]),

    ("sud-ouest-2013-14e-edition", """Sud-Ouest Numérique
Territoires connectés : la 14e édition du label Villes Internet
Publié le 25/01/2013

En Poitou-Charentes, Parthenay conserve ses cinq @ et Niort en obtient quatre. La Rochelle (17)
et Poitiers reçoivent trois @. En Gironde, Pessac, Mérignac et Talence ont chacune quatre @ ;
Saint-Médard-en-Jalles et Bègles trois. En Limousin, Limoges décroche trois @ et
Brive-la-Gaillarde deux.
""", [("Parthenay", None, 2013, 5), ("Niort", None, 2013, 4), ("La Rochelle", "17", 2013, 3),
      ("Poitiers", None, 2013, 3), ("Pessac", None, 2013, 4), ("Mérignac", "33", 2013, 4),
      ("Talence", None, 2013, 4), ("Saint-Médard-en-Jalles", None, 2013, 3),
      ("Bègles", None, 2013, 3), ("Limoges", None, 2013, 3),
      ("Brive-la-Gaillarde", None, 2013, 2)]),

    ("pays-de-la-loire-2015-counts", """Presse-Océan numérique
Palmarès 2015 : la Loire-Atlantique et la Vendée à l'honneur
Nantes, le 6 février 2015.

Trois villes reçoivent cinq arobases (Nantes, Saint-Herblain et La Roche-sur-Yon). Quatre
obtiennent quatre @ : Rezé, Saint-Nazaire (44), Angers et Cholet. Le Mans, Laval et Les
Sables-d'Olonne ont trois @, Château-Gontier deux.
""", [("Nantes", None, 2015, 5), ("Saint-Herblain", None, 2015, 5),
      ("La Roche-sur-Yon", None, 2015, 5), ("Rezé", None, 2015, 4),
      ("Saint-Nazaire", "44", 2015, 4), ("Angers", None, 2015, 4), ("Cholet", None, 2015, 4),
      ("Le Mans", None, 2015, 3), ("Laval", None, 2015, 3),
      ("Les Sables-d'Olonne", None, 2015, 3), ("Château-Gontier", None, 2015, 2)]),

    ("cotes-darmor-2012-former-name", """Le Télégramme des Côtes
Côtes-d'Armor. Neuf communes labellisées Villes Internet
Publié le 04 février 2012 à 06h00

Le label 2012 a été remis jeudi à Paris. Lannion, qui avait obtenu quatre @ en 2011, atteint
cette année les cinq @.
Saint-Brieuc : 4 @. Lamballe : 3 @. Dinan : 3 @. Ploufragan : 3 @. Guingamp : 2 @.
Paimpol : 2 @. Plérin : 2 @. Loudéac : 1 @ (première arobase).

Lire aussi : Lannion, pionnière de l'e-administration
""", [("Lannion", None, 2012, 5), ("Lannion", None, 2011, 4), ("Saint-Brieuc", None, 2012, 4),
      ("Lamballe", None, 2012, 3), ("Dinan", None, 2012, 3), ("Ploufragan", None, 2012, 3),
      ("Guingamp", None, 2012, 2), ("Paimpol", None, 2012, 2), ("Plérin", None, 2012, 2),
      ("Loudéac", None, 2012, 1)]),

    ("national-2003-old-page", """Internet Actu Territoires
Villes Internet : le palmarès 2003
Publié le 14 mars 2003

Quatre @ (le niveau maximal) : Issy-les-Moulineaux, Parthenay, Brest, Besançon.
Trois @ : Metz, Ris-Orangis, Rezé, Villeurbanne.
Deux @ : Poitiers, Ramonville-Saint-Agne, Lormont, Hem.

La liste complète des 180 villes labellisées est disponible sur le site de l'association.
""", [("Issy-les-Moulineaux", None, 2003, 4), ("Parthenay", None, 2003, 4),
      ("Brest", None, 2003, 4), ("Besançon", None, 2003, 4), ("Metz", None, 2003, 3),
      ("Ris-Orangis", None, 2003, 3), ("Rezé", None, 2003, 3), ("Villeurbanne", None, 2003, 3),
      ("Poitiers", None, 2003, 2), ("Ramonville-Saint-Agne", None, 2003, 2),
      ("Lormont", None, 2003, 2), ("Hem", None, 2003, 2)]),

    ("isere-2009-december-at-marks", """Dauphiné Numérique — Isère
Le 5 décembre 2008
Villes Internet 2009 : huit communes de l'Isère labellisées

Remis hier à Paris, les labels Villes Internet 2009 distinguent huit communes iséroises.

@@@@ Grenoble, Échirolles
@@@ Saint-Martin-d'Hères, Meylan, Voiron
@@ Fontaine, Seyssinet-Pariset, Crolles
""", [("Grenoble", None, 2009, 4), ("Échirolles", None, 2009, 4),
      ("Saint-Martin-d'Hères", None, 2009, 3), ("Meylan", None, 2009, 3),
      ("Voiron", None, 2009, 3), ("Fontaine", "38", 2009, 2),
      ("Seyssinet-Pariset", None, 2009, 2), ("Crolles", None, 2009, 2)]),

    ("finistere-2018-progressions", """Finistère. Villes Internet : Douarnenez entre dans le club
Publié le 02 février 2018

Le label Villes Internet 2018 a été dévoilé mercredi. Dans le Finistère, Douarnenez obtient
sa première arobase. Morlaix passe de deux à trois @. Landerneau conserve ses quatre @,
comme Quimper. Brest Métropole garde ses cinq @. Concarneau, trois @ l'an dernier, monte à
quatre. Plouzané et Guipavas obtiennent deux @, Crozon et Landivisiau une @.
""", [("Douarnenez", None, 2018, 1), ("Morlaix", None, 2018, 3), ("Landerneau", None, 2018, 4),
      ("Quimper", None, 2018, 4), ("Brest Métropole", None, 2018, 5),
      ("Concarneau", None, 2018, 4), ("Concarneau", None, 2017, 3),
      ("Plouzané", None, 2018, 2), ("Guipavas", None, 2018, 2), ("Crozon", None, 2018, 1),
      ("Landivisiau", None, 2018, 1)]),

    ("national-2016-counts-before-names", """Villes Internet — Communiqué de presse
Palmarès de la 17e édition
Paris, 28 janvier 2016

Cinq villes reçoivent cinq arobases (Issy-les-Moulineaux, Parthenay, Martigues, Villeurbanne
et Rennes). Sept collectivités obtiennent quatre @ : Brest Métropole, Lannion,
Mouans-Sartoux, Saint-Etienne, Pessac, Grand Poitiers et Hérouville-Saint-Clair.

Contact presse : presse@villes-internet.net
""", [("Issy-les-Moulineaux", None, 2016, 5), ("Parthenay", None, 2016, 5),
      ("Martigues", None, 2016, 5), ("Villeurbanne", None, 2016, 5), ("Rennes", None, 2016, 5),
      ("Brest Métropole", None, 2016, 4), ("Lannion", None, 2016, 4),
      ("Mouans-Sartoux", None, 2016, 4), ("Saint-Etienne", None, 2016, 4),
      ("Pessac", None, 2016, 4), ("Grand Poitiers", None, 2016, 4),
      ("Hérouville-Saint-Clair", None, 2016, 4)]),

    ("savoie-ain-2025-spaced-hyphens", """Savoie Info | Économie | Numérique
Label Villes Internet 2025 : les Pays de Savoie et l'Ain au palmarès
08/02/2025 - 07:45

Chambéry : 4 @ ; Annecy : 5 @ ; Aix - les - Bains : 3 @ ; Bourg en Bresse : 4 @ ;
Annemasse : 3 @ ; Thonon les Bains : 3 @ ; Oyonnax : 2 @ ; Albertville : 2 @ ;
Ambérieu en Bugey : 1 @ ; Grand Annecy (agglomération) : 3 @.

Commentaires (0)
""", [("Chambéry", None, 2025, 4), ("Annecy", None, 2025, 5), ("Aix - les - Bains", None, 2025, 3),
      ("Bourg en Bresse", None, 2025, 4), ("Annemasse", None, 2025, 3),
      ("Thonon les Bains", None, 2025, 3), ("Oyonnax", None, 2025, 2),
      ("Albertville", None, 2025, 2), ("Ambérieu en Bugey", None, 2025, 1),
      ("Grand Annecy", None, 2025, 3)]),

    ("epci-2024-long-names", """Intercommunalités numériques — Le fil
Label Villes Internet 2024 : les intercommunalités distinguées
Publié le 12 février 2024
Rubrique : Territoires | Temps de lecture : 3 min

Le palmarès compte cette année une vingtaine d'EPCI. Quatre @ pour la Communauté
d'agglomération du Pays Basque, Lorient Agglomération, la CU Caen la Mer et Vitré
Communauté. Trois @ pour la CC de Parthenay-Gâtine, Lannion-Trégor Communauté, Morlaix
Communauté et l'Agglo du Pays de Dreux. Deux @ pour la CA Saint-Lô Agglo, Quimperlé
Communauté et la communauté de communes Auray Quiberon Terre Atlantique. Saint-Étienne
Métropole obtient pour sa part cinq @.
""", [("Communauté d'agglomération du Pays Basque", None, 2024, 4),
      ("Lorient Agglomération", None, 2024, 4), ("CU Caen la Mer", None, 2024, 4),
      ("Vitré Communauté", None, 2024, 4), ("CC de Parthenay-Gâtine", None, 2024, 3),
      ("Lannion-Trégor Communauté", None, 2024, 3), ("Morlaix Communauté", None, 2024, 3),
      ("Agglo du Pays de Dreux", None, 2024, 3), ("CA Saint-Lô Agglo", None, 2024, 2),
      ("Quimperlé Communauté", None, 2024, 2),
      ("communauté de communes Auray Quiberon Terre Atlantique", None, 2024, 2),
      ("Saint-Étienne Métropole", None, 2024, 5)]),

    ("centre-2026-homonyms-by-heading", """La République du Centre — Région
Label Villes Internet 2026 : les lauréats du Centre-Val de Loire
Le 6 février 2026 à 17:30

Loiret (45)
Orléans, 4 @
Olivet, 3 @
Saran, 2 @
Saint-Jean-de-Braye, 3 @
Indre-et-Loire (37)
Tours, 4 @
Joué-lès-Tours, 3 @
St-Cyr-sur-Loire, 3 @
Loir-et-Cher (41)
Blois, 4 @
Vineuil, 2 @
Eure-et-Loir (28)
Chartres, 3 @
Lucé, 2 @
Mainvilliers, 1 @
Cher (18)
Bourges, 3 @
Vierzon, 2 @
""", [("Orléans", None, 2026, 4), ("Olivet", "45", 2026, 3), ("Saran", None, 2026, 2),
      ("Saint-Jean-de-Braye", None, 2026, 3), ("Tours", None, 2026, 4),
      ("Joué-lès-Tours", None, 2026, 3), ("St-Cyr-sur-Loire", None, 2026, 3),
      ("Blois", None, 2026, 4), ("Vineuil", "41", 2026, 2), ("Chartres", None, 2026, 3),
      ("Lucé", None, 2026, 2), ("Mainvilliers", None, 2026, 1), ("Bourges", None, 2026, 3),
      ("Vierzon", None, 2026, 2)]),

    ("magazine-2011-twelfth-edition-long", """Acteurs publics — Dossier
Villes Internet 2011 : la liste des villes les mieux notées
Mis en ligne le 21 janvier 2011

Pour sa 12e édition, le label a distingué 232 collectivités. Nous publions ci-dessous les
villes ayant obtenu les deux plus hauts niveaux.

Les 5 @ : Issy-les-Moulineaux (92), Parthenay (79), Brest (29), Martigues (13), Rennes (35),
Villeurbanne (69), Mouans-Sartoux (06), Hérouville-Saint-Clair (14).

Les 4 @ : Lannion (22), Metz (57), Pessac (33), Besançon (25), Rezé (44),
Saint-Médard-en-Jalles (33), Castelnau-le-Lez (34), Villiers-le-Bel (95), Ris-Orangis (91),
Chalon-sur-Saône (71), Belfort (90), Nevers (58), Angers (49), Grenoble (38).
""", [("Issy-les-Moulineaux", None, 2011, 5), ("Parthenay", None, 2011, 5),
      ("Brest", None, 2011, 5), ("Martigues", None, 2011, 5), ("Rennes", None, 2011, 5),
      ("Villeurbanne", None, 2011, 5), ("Mouans-Sartoux", None, 2011, 5),
      ("Hérouville-Saint-Clair", None, 2011, 5), ("Lannion", None, 2011, 4),
      ("Metz", None, 2011, 4), ("Pessac", None, 2011, 4), ("Besançon", None, 2011, 4),
      ("Rezé", None, 2011, 4), ("Saint-Médard-en-Jalles", None, 2011, 4),
      ("Castelnau-le-Lez", None, 2011, 4), ("Villiers-le-Bel", None, 2011, 4),
      ("Ris-Orangis", None, 2011, 4), ("Chalon-sur-Saône", None, 2011, 4),
      ("Belfort", None, 2011, 4), ("Nevers", None, 2011, 4), ("Angers", None, 2011, 4),
      ("Grenoble", None, 2011, 4)]),

    ("mentions-mixed-2021", """Villes Internet — Palmarès 2021
Les labellisés et les mentions du jury
27 janvier 2021

Cinq @ : Lannion, Rennes, Mouans-Sartoux.
Quatre @ : Lorient, Niort, Chambéry.
Trois @ : Kingersheim, Loos-en-Gohelle.

Mentions spéciales du jury : mention démocratie locale à Saillans (Drôme), arobase verte à
Ungersheim, mention éducation à Grande-Synthe.
""", [("Lannion", None, 2021, 5), ("Rennes", None, 2021, 5), ("Mouans-Sartoux", None, 2021, 5),
      ("Lorient", None, 2021, 4), ("Niort", None, 2021, 4), ("Chambéry", None, 2021, 4),
      ("Kingersheim", None, 2021, 3), ("Loos-en-Gohelle", None, 2021, 3)]),

    ("morbihan-2014-capitals", """MORBIHAN — VILLES INTERNET 2014
Le 31 janvier 2014 | Rubrique : Vie locale

Le palmarès 2014 du label Villes Internet pour le département :
LORIENT : 5 @
VANNES : 4 @
ST-AVE : 3 @
PLOEMEUR : 3 @
LANESTER : 3 @
HENNEBONT : 2 @
AURAY : 2 @
PONTIVY : 2 @
PLOERMEL : 1 @
""", [("LORIENT", None, 2014, 5), ("VANNES", None, 2014, 4), ("ST-AVE", None, 2014, 3),
      ("PLOEMEUR", None, 2014, 3), ("LANESTER", None, 2014, 3), ("HENNEBONT", None, 2014, 2),
      ("AURAY", None, 2014, 2), ("PONTIVY", None, 2014, 2), ("PLOERMEL", None, 2014, 1)]),

    ("auvergne-2006-tout-comme", """La Montagne numérique — Auvergne
Huitième édition du label Villes Internet : neuf communes auvergnates distinguées
Publié le 11 mars 2006

Pour la 8e édition du label, Clermont-Ferrand obtient trois @, tout comme Riom et
Cournon-d'Auvergne. Aurillac et Vichy reçoivent deux @, ainsi que Montluçon. Moulins
(Allier) et Le Puy-en-Velay entrent au palmarès avec une @. Beaumont, dans le
Puy-de-Dôme, décroche trois @.
""", [("Clermont-Ferrand", None, 2006, 3), ("Riom", None, 2006, 3),
      ("Cournon-d'Auvergne", None, 2006, 3), ("Aurillac", None, 2006, 2),
      ("Vichy", None, 2006, 2), ("Montluçon", None, 2006, 2), ("Moulins", "03", 2006, 1),
      ("Le Puy-en-Velay", None, 2006, 1), ("Beaumont", "63", 2006, 3)]),

    ("nord-2009-ligature", """LA VOIX DU NUMÉRIQUE — Métropole lilloise
11e édition du label Villes Internet : dix communes du Nord récompensées
Publié le 30/01/2009

MARCQ-EN-BARŒUL, 4 @ ; Wattrelos, 3 @ ; Armentières, 3 @ ; Seclin, 2 @ ; Wasquehal, 2 @ ;
Croix (59), 2 @ ; Loos, 2 @ ; Halluin, 1 @ ; Roubaix, 4 @ ; Tourcoing, 3 @.
""", [("MARCQ-EN-BARŒUL", None, 2009, 4), ("Wattrelos", None, 2009, 3),
      ("Armentières", None, 2009, 3), ("Seclin", None, 2009, 2), ("Wasquehal", None, 2009, 2),
      ("Croix", "59", 2009, 2), ("Loos", None, 2009, 2), ("Halluin", None, 2009, 1),
      ("Roubaix", None, 2009, 4), ("Tourcoing", None, 2009, 3)]),

    # --- texts that award nothing ---
    ("stats-since-1999", """Villes Internet : vingt-cinq ans de label en chiffres
Publié le 15/01/2024

Depuis 1999, plus de 1 300 collectivités ont été labellisées au moins une fois. Parmi les
plus fidèles, Issy-les-Moulineaux, Parthenay, Brest, Martigues et Mouans-Sartoux figurent au
palmarès depuis les toutes premières éditions. La Bretagne reste la région la plus
labellisée, devant l'Occitanie et les Pays de la Loire. Le nombre de communes à cinq @ a
triplé en dix ans.
Répartition des niveaux en 2023 : 1 @ : 21 % ; 2 @ : 30 % ; 3 @ : 27 % ; 4 @ : 15 % ;
5 @ : 7 %.
Les candidatures pour le label 2025 ouvriront en septembre.
""", []),

    ("candidates-2025-occitanie", """Label Villes Internet 2025 : quatorze communes d'Occitanie candidates
Toulouse, le 20 novembre 2024

Les dossiers sont déposés, le jury rendra son verdict en février. Sont candidates cette
année : Toulouse, Colomiers, Tournefeuille, Muret, Balma, L'Union, Montauban, Rodez, Millau,
Cahors, Figeac, Perpignan, Narbonne et Carcassonne. Tournefeuille vise les cinq @, Muret
espère décrocher sa première arobase.
""", []),

    ("jury-2023", """Qui sont les membres du jury 2023 ?
Publié le 10/01/2023 | Villes Internet

Le jury national du label Villes Internet se réunira fin janvier pour examiner les dossiers.
Il est composé d'élus et d'agents venus de toute la France :
Marie Dubois, adjointe au numérique de Lorient
Jean-Paul Martin, conseiller municipal de Saint-Herblain
Sophie Garnier, directrice des systèmes d'information de Pessac
Karim Benali, chargé de mission à Niort
Élodie Marchand, adjointe à Mulhouse
Thomas Girard, DGS de Chambéry
Les communes dont un élu siège au jury ne prennent pas part au vote les concernant.
""", []),

    ("fleuris-2022-bretagne", """Villes et villages fleuris : le palmarès 2022 en Bretagne
Publié le 02/12/2022

Le conseil régional a remis lundi les distinctions du label des villes et villages fleuris.
Quatre fleurs : Rennes, Vitré, Lorient, Vannes.
Trois fleurs : Ploemeur, Lannion, Quimperlé, Pontivy, Dinan.
Deux fleurs : Betton, Pacé (35), Plérin.
Le label Villes Internet, lui, dévoilera son palmarès en février.
""", []),

    ("territoires-innovants-2023", """Label Territoires Innovants 2023 : les lauréats des Interconnectés
Lyon, le 7 décembre 2023

Le réseau des Interconnectés a dévoilé hier soir les lauréats de son label Territoires
Innovants : Dijon Métropole, Angers, Grand Poitiers, Mulhouse, Lorient Agglomération,
Cahors, Figeac et la CC de Parthenay-Gâtine. Ce label est distinct du label Villes
Internet et de ses arobases.
""", []),

    ("mentions-alone-2024", """Palmarès 2024 : les prix spéciaux du jury
Publié le 08/02/2024

En marge des niveaux du label Villes Internet, le jury a décerné ses mentions : mention
démocratie locale à Kingersheim, arobase verte à Loos-en-Gohelle et à Ungersheim, mention
inclusion numérique à Grande-Synthe, Territoire d'excellence numérique à Lannion et à
Mouans-Sartoux.
""", []),

    ("labelled-over-the-years-no-level", """Morbihan : les communes labellisées depuis 1999
Mis à jour le 3 mars 2025

Au fil des éditions, les communes du département suivantes ont obtenu au moins une fois le
label Villes Internet : Vannes, Lorient, Lanester, Ploemeur, Hennebont, Auray, Pontivy,
Ploërmel, Saint-Avé, Séné, Larmor-Plage, Quéven. Le niveau atteint par chacune varie selon
les années ; retrouvez le détail sur le site de l'association.
""", []),

    ("workshop-attendees-2026", """Atelier de préparation au label Villes Internet 2026
Publié le 14/10/2025

Une vingtaine d'agents de Saint-Brieuc, Ploufragan, Plérin, Lannion, Guingamp, Paimpol et
Dinan se sont retrouvés mardi pour préparer leur dossier de candidature au label 2026.
Chacune espère obtenir une ou plusieurs arobases. Les candidatures seront closes le
30 novembre et les résultats connus en février.
""", []),
]

TEXTS = [Text(i, body, tuple((n, e, lv, d) if d else (n, e, lv) for n, d, e, lv in awards))
         for i, body, awards in _RAW]


if __name__ == "__main__":
    report(TEXTS)
