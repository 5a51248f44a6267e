"""A sixteenth battery of press texts, a REPRESENTATIVE sample (not an adversarial one),
written blind by a hand that read neither the rules of ``loaders/press/`` nor the earlier
batteries' texts (only the harness, the first lines of ``press_ninthhand.py`` for the
format, ``tests/test_press_batteries.py`` and the brief).

About two thirds round-ups (agencies, national and regional dailies, the tech press, the
association's releases, by région, département or level), one third single-town pieces
(a town's site, a municipal magazine, a short local item), and texts awarding nothing
(calls for applications, candidates, statistics, a ceremony's programme, other labels),
2000-2026, weighted towards Île-de-France, Auvergne-Rhône-Alpes and Provence-Alpes-Côte
d'Azur. Every sentence is ours; every name is a real commune or EPCI of the COG, homonyms
carry their département and the text places them.

``TEXTS``: (id, text, awards) where each award is (name as printed, département as the
text gives it or ``None``, edition, level); texts whose awards are empty award nothing.
``python -m tests.press_sixteenthhand`` prints the score.

Baseline, scored once before any rule was changed for these texts: 92 / 99 right (93%),
2 invented, both in gazette-communes-2020 and both from our truth's spelling, not the
reader: the truth wrote "CA du Pays Voironnais" and "CC du Pays de Fayence" where the
text prints "communauté d'agglomération du Pays voironnais" and "communauté de communes
du Pays de Fayence"; the reader gave the printed names, so each counted once invented and
once missed. 5 genuine misses: the three five-@ towns of afp-national-2024 named after
"Parmi les collectivités distinguées du niveau maximal, cinq @, figurent ..." (the level
before the names, in an apposition); Niort "passe de deux à trois @" (zdnet-palmares-
2011); Pertuis given without the département that the headline "Vaucluse : ..." gives
(vaucluse-2006, a homonym with Haute-Loire).

Truth corrected after the baseline (our error, not the reader's): the two EPCI of
gazette-communes-2020 are now written as printed. Scored again: 94 / 99 right (95%),
0 invented; the 5 genuine misses above are left as they were (no rule changed).

After the fixes ("du niveau maximal, cinq @," restated; "la progression de Niort, qui passe
de deux à trois @"; "Vaucluse : Avignon, Orange et Pertuis labellisées", a département
also a commune's name heading a list): **99 / 99, 0 invented**.
"""

from __future__ import annotations

from tests.press_battery import Text, report


_RAW: list[tuple[str, str, list[tuple[str, str | None, int, int]]]] = [
    ("afp-national-2024", """Villes Internet : 240 collectivités labellisées pour l'édition 2024
Par l'AFP, publié le 01/02/2024 à 18h12

Le palmarès du label Villes Internet a été dévoilé jeudi à Paris. Parmi les collectivités
distinguées du niveau maximal, cinq @, figurent Issy-les-Moulineaux, Villeurbanne et
Brest, fidèles au rendez-vous. Grenoble, Montpellier et Mérignac (Gironde) obtiennent quatre @.

Chez les plus petites communes, Labastide-Saint-Pierre (Tarn-et-Garonne) décroche
trois @, comme Trébeurden dans les Côtes-d'Armor.

Lire aussi : Le numérique, enjeu des municipales
""", [("Issy-les-Moulineaux", None, 2024, 5), ("Villeurbanne", None, 2024, 5),
      ("Brest", None, 2024, 5), ("Grenoble", None, 2024, 4), ("Montpellier", None, 2024, 4),
      ("Mérignac", "33", 2024, 4), ("Labastide-Saint-Pierre", None, 2024, 3),
      ("Trébeurden", None, 2024, 3)]),

    ("leprogres-rhone-2019", """Rhône : sept communes labellisées Villes Internet
Le Progrès - 08/02/2019

Le label Villes Internet 2019 a été remis mercredi au Sénat. Dans le département,
sept communes ont été distinguées :
- Villeurbanne : 5 @
- Bron : 4 @
- Écully : 3 @
- Saint-Priest : 3 @
- Villefranche-sur-Saône : 3 @
- Chassieu : 2 @
- Vénissieux : 2 @

Une belle moisson pour le Rhône, qui confirme sa place parmi les départements les plus
actifs.
""", [("Villeurbanne", None, 2019, 5), ("Bron", None, 2019, 4), ("Écully", None, 2019, 3),
      ("Saint-Priest", "69", 2019, 3), ("Villefranche-sur-Saône", None, 2019, 3),
      ("Chassieu", None, 2019, 2), ("Vénissieux", None, 2019, 2)]),

    ("dauphine-isere-2016", """Isère
Label Villes Internet : Meylan et Crolles à l'honneur

Le Dauphiné Libéré, le 05/02/2016

Les résultats de la 17e édition du label Villes Internet sont tombés. En Isère, Meylan
obtient quatre arobases, tout comme Échirolles. Crolles et Fontaine décrochent trois
arobases. Voiron fait son entrée au palmarès avec sa première arobase.

Grenoble-Alpes-Métropole, qui candidatait pour la première fois en tant
qu'intercommunalité, reçoit trois arobases.
""", [("Meylan", None, 2016, 4), ("Échirolles", None, 2016, 4), ("Crolles", None, 2016, 3),
      ("Fontaine", "38", 2016, 3), ("Voiron", None, 2016, 1),
      ("Grenoble-Alpes-Métropole", None, 2016, 3)]),

    ("nicematin-alpes-maritimes-2022", """Alpes-Maritimes
Numérique : six villes azuréennes labellisées
Nice-Matin | Publié le 11/02/2022

Le label national Villes Internet 2022 récompense cette année six collectivités des
Alpes-Maritimes. Nice conserve ses cinq @, Antibes et Cagnes-sur-Mer en obtiennent
quatre. Mougins, Vence et Mandelieu-la-Napoule sont récompensées de trois @.

La Métropole Nice Côte d'Azur reçoit pour sa part quatre @.

Photo : la délégation niçoise lors de la remise des labels. (DR)
""", [("Nice", None, 2022, 5), ("Antibes", None, 2022, 4), ("Cagnes-sur-Mer", None, 2022, 4),
      ("Mougins", None, 2022, 3), ("Vence", None, 2022, 3),
      ("Mandelieu-la-Napoule", None, 2022, 3),
      ("Métropole Nice Côte d'Azur", None, 2022, 4)]),

    ("laprovence-bdr-2013", """Bouches-du-Rhône : les villes connectées récompensées
La Provence, 31 janvier 2013

Le palmarès 2013 du label Villes Internet a été proclamé hier. Aix-en-Provence obtient
quatre @, Martigues et Aubagne trois @, Gardanne et Vitrolles deux @. Istres fait son
entrée avec une @.
""", [("Aix-en-Provence", None, 2013, 4), ("Martigues", None, 2013, 3),
      ("Aubagne", None, 2013, 3), ("Gardanne", None, 2013, 2), ("Vitrolles", "13", 2013, 2),
      ("Istres", None, 2013, 1)]),

    ("villesinternet-release-2008", """Communiqué de presse
Palmarès Villes Internet 2008 : les lauréats
Paris, le 14 décembre 2007

L'association Villes Internet a remis ce jeudi les labels de sa dixième édition.
Niveau 5 @ : Issy-les-Moulineaux, Parthenay, Brest, Marly (Moselle).
Niveau 4 @ : Ivry-sur-Seine, Lannion, Castres (Tarn), Hyères.
Niveau 3 @ : Sannois, Ploemeur, Lons-le-Saunier.

La liste complète des 236 collectivités labellisées est disponible sur le site de
l'association.
""", [("Issy-les-Moulineaux", None, 2008, 5), ("Parthenay", None, 2008, 5),
      ("Brest", None, 2008, 5), ("Marly", "57", 2008, 5), ("Ivry-sur-Seine", None, 2008, 4),
      ("Lannion", None, 2008, 4), ("Castres", "81", 2008, 4), ("Hyères", None, 2008, 4),
      ("Sannois", None, 2008, 3), ("Ploemeur", None, 2008, 3),
      ("Lons-le-Saunier", None, 2008, 3)]),

    ("town-site-sannois-2021", """Accueil > Actualités > Vie municipale

Sannois obtient 4 @ au label Villes Internet

Publié le 04/02/2021

Bonne nouvelle pour notre ville : Sannois a obtenu quatre arobases au label national
Villes Internet 2021. Ce label récompense l'engagement de la commune en faveur d'un
numérique accessible à tous : démarches en ligne, ateliers pour les seniors, équipement
des écoles.

Partager : Facebook | Twitter | E-mail
""", [("Sannois", None, 2021, 4)]),

    ("town-mag-chambery-2018", """Chambéry Magazine - n°112 - mars 2018

NUMÉRIQUE
Trois @ pour Chambéry

Le 8 février dernier, Chambéry a reçu le label Villes Internet avec trois arobases,
après deux arobases en 2017. Ce résultat salue notamment le portail citoyen lancé en 2017.
""", [("Chambéry", None, 2018, 3), ("Chambéry", None, 2017, 2)]),

    ("ouestfrance-lannion-2015", """Lannion. Cinq arobases pour la ville

Ouest-France, publié le 06/02/2015

Lannion a décroché la note maximale, cinq @, au label Villes Internet 2015, remis mardi
à Paris. La ville avait obtenu quatre @ en 2014.
""", [("Lannion", None, 2015, 5), ("Lannion", None, 2014, 4)]),

    ("zdnet-palmares-2011", """Villes Internet 2011 : le palmarès complet des territoires connectés
ZDNet.fr - Actualités - 27/01/2011

La 12e édition du label Villes Internet a récompensé 210 collectivités. Cinq @ pour
Issy-les-Moulineaux, Rennes et Metz ; quatre @ pour Mulhouse, Limoges et Poitiers. Le
jury a également salué la progression de Niort, qui passe de deux à trois @.

A lire aussi : Haut débit, les collectivités montent au créneau
""", [("Issy-les-Moulineaux", None, 2011, 5), ("Rennes", None, 2011, 5), ("Metz", None, 2011, 5),
      ("Mulhouse", None, 2011, 4), ("Limoges", None, 2011, 4), ("Poitiers", None, 2011, 4),
      ("Niort", None, 2011, 3)]),

    ("lemonde-2003", """Le label « Villes Internet » distingue 120 communes
LE MONDE | 20.11.2002

L'association Villes Internet a remis mardi à Marseille les labels de l'édition 2003.
Parthenay, Issy-les-Moulineaux et Brest obtiennent la note maximale de quatre @ ; Hyères
et Castres (Tarn) en reçoivent trois.
""", [("Parthenay", None, 2003, 4), ("Issy-les-Moulineaux", None, 2003, 4),
      ("Brest", None, 2003, 4), ("Hyères", None, 2003, 3), ("Castres", "81", 2003, 3)]),

    ("leparisien-95-2017", """Val-d'Oise. Les villes labellisées Villes Internet
Le Parisien, 03 février 2017

Le label Villes Internet 2017 récompense plusieurs communes du Val-d'Oise. Cergy reçoit
quatre @, Argenteuil, Ermont et Sannois trois @, Pontoise deux @.
""", [("Cergy", None, 2017, 4), ("Argenteuil", None, 2017, 3), ("Ermont", None, 2017, 3),
      ("Sannois", None, 2017, 3), ("Pontoise", None, 2017, 2)]),

    ("gazette-communes-2020", """Label Villes Internet 2020 : les intercommunalités entrent au palmarès
La Gazette des communes - 07/02/2020

Par Laura Martin

Parmi les 260 collectivités labellisées, une quinzaine d'EPCI. La communauté
d'agglomération du Pays voironnais obtient trois @, le Sicoval quatre @, et la
communauté de communes du Pays de Fayence deux @. Lannion-Trégor Communauté reçoit
quatre @.
""", [("communauté d'agglomération du Pays voironnais", None, 2020, 3),
      ("Sicoval", None, 2020, 4), ("communauté de communes du Pays de Fayence", None, 2020, 2), ("Lannion-Trégor Communauté", None, 2020, 4)]),

    ("ledauphine-hautesavoie-2023", """Haute-Savoie : Annecy, Cluses et Rumilly labellisées
Le Dauphiné Libéré | 03/02/2023

Trois communes haut-savoyardes figurent au palmarès du label Villes Internet 2023.
Annecy obtient quatre @, Cluses trois @ et Rumilly deux @.
""", [("Annecy", None, 2023, 4), ("Cluses", "74", 2023, 3), ("Rumilly", "74", 2023, 2)]),

    ("lamontagne-auvergne-2014", """Auvergne : quatre villes labellisées Villes Internet
La Montagne, le 07/02/2014

Clermont-Ferrand obtient quatre @ au label Villes Internet 2014. Riom et Issoire
décrochent trois @, Aurillac deux @.
""", [("Clermont-Ferrand", None, 2014, 4), ("Riom", None, 2014, 3), ("Issoire", None, 2014, 3),
      ("Aurillac", None, 2014, 2)]),

    ("varmatin-2025", """Var. Le numérique récompensé à Hyères et Brignoles
Var-Matin - 06/02/2025

Hyères conserve ses cinq @ au label Villes Internet 2025. Brignoles obtient trois @,
Toulon quatre @.
""", [("Hyères", None, 2025, 5), ("Brignoles", None, 2025, 3), ("Toulon", None, 2025, 4)]),

    ("vaucluse-2006", """Vaucluse : Avignon, Orange et Pertuis labellisées
Vaucluse Matin, 15 décembre 2005

Le label Villes Internet 2006 a été remis mardi. Avignon obtient trois @, Orange et
Pertuis deux @, Sorgues une @.
""", [("Avignon", None, 2006, 3), ("Orange", None, 2006, 2), ("Pertuis", "84", 2006, 2),
      ("Sorgues", None, 2006, 1)]),

    ("town-site-manosque-2026", """Ville de Manosque
Manosque labellisée Villes Internet 2026

Publié le 10 février 2026

Pour la première fois, Manosque obtient le label Villes Internet, avec deux @.
""", [("Manosque", None, 2026, 2)]),

    ("leprogres-loire-2012", """Loire : Saint-Chamond et Firminy décrochent leurs @
Le Progrès, 03/02/2012

Saint-Chamond obtient trois @ au label Villes Internet 2012 et Firminy deux @.
Saint-Étienne reste à quatre @.
""", [("Saint-Chamond", None, 2012, 3), ("Firminy", None, 2012, 2),
      ("Saint-Étienne", None, 2012, 4)]),

    ("iledefrance-93-2018", """Seine-Saint-Denis : Montreuil et Saint-Denis labellisées
Le Parisien - 09/02/2018

En Seine-Saint-Denis, Montreuil obtient quatre @ au label Villes Internet 2018 et
Saint-Denis trois @.
""", [("Montreuil", "93", 2018, 4), ("Saint-Denis", "93", 2018, 3)]),

    ("valence-drome-2009", """Drôme : Valence labellisée Villes Internet
Le Dauphiné Libéré, 12 décembre 2008

Valence (Drôme) obtient trois @ au label Villes Internet 2009. Pierrelatte reçoit une @.
""", [("Valence", "26", 2009, 3), ("Pierrelatte", None, 2009, 1)]),

    ("94-2015", """Val-de-Marne : Cachan, Ivry-sur-Seine et Saint-Maur-des-Fossés labellisées
94.citoyens.com - 06/02/2015

Label Villes Internet 2015 : Ivry-sur-Seine obtient quatre @, Cachan trois @,
Saint-Maur-des-Fossés deux @.
""", [("Ivry-sur-Seine", None, 2015, 4), ("Cachan", None, 2015, 3),
      ("Saint-Maur-des-Fossés", None, 2015, 2)]),

    ("alpes-05-2021", """Hautes-Alpes : Gap et Embrun labellisées Villes Internet
Le Dauphiné Libéré, 05/02/2021

Gap obtient trois @ au label Villes Internet 2021, Embrun deux @.
""", [("Gap", None, 2021, 3), ("Embrun", None, 2021, 2)]),

    ("leparisien-vincennes-2026", """Vincennes. La ville obtient quatre arobases
Le Parisien, le 5 février 2026 à 17h40

Val-de-Marne. Vincennes a obtenu mercredi quatre @ au label Villes Internet 2026. La
municipalité met en avant la dématérialisation des inscriptions scolaires et les
permanences d'aide aux démarches en ligne ouvertes l'an dernier à l'hôtel de ville.

« C'est la reconnaissance du travail des agents », s'est félicitée l'adjointe au
numérique.
""", [("Vincennes", None, 2026, 4)]),

    ("call-2025", """Label Villes Internet 2025 : les candidatures sont ouvertes
Publié le 15/09/2024

Les collectivités ont jusqu'au 15 novembre pour déposer leur dossier. Le label
récompense de une à cinq @ les politiques numériques locales.
""", []),

    ("candidates-2019", """Villes Internet : Vienne et Moirans candidates
Le Dauphiné Libéré, 10/11/2018

Vienne et Moirans ont déposé leur candidature au label Villes Internet 2019. Les
résultats seront connus en février.
""", []),

    ("stats-2022", """Villes Internet : 1 200 collectivités labellisées depuis 1999
La Gazette des communes - 15/03/2022

Le label Villes Internet a distingué 1 200 collectivités depuis sa création. En 2022,
260 collectivités ont été labellisées, dont 30 à cinq @.
""", []),

    ("programme-2020", """Cérémonie de remise des labels Villes Internet 2020
Programme
9 h 30 : accueil des participants
10 h : table ronde sur l'inclusion numérique
14 h : remise des labels par niveau, de une à cinq @
""", []),

    ("mention-2023", """Mention démocratie locale pour Grenoble
Le Dauphiné Libéré - 03/02/2023

Grenoble a reçu la mention démocratie locale du label Villes Internet 2023.
""", []),

    ("arobase-verte-2021", """Arobase verte pour Crolles
Le Dauphiné Libéré, 05/02/2021

Crolles a reçu l'arobase verte du label Villes Internet 2021, qui salue un numérique
sobre.
""", []),

    ("other-label-2024", """Territoire d'excellence numérique : Chambéry distinguée
Le Dauphiné Libéré, 15/06/2024

Chambéry a reçu le label Territoire d'excellence numérique 2024.
""", []),

    ("fleurs-2019", """Villes et villages fleuris : Hyères garde ses quatre fleurs
Var-Matin, 20/10/2019

Hyères conserve ses quatre fleurs au label Villes et villages fleuris 2019.
""", []),
]

_WHY: dict[str, str] = {}

TEXTS = [Text(i, body, tuple((n, y, lv, d) if d else (n, y, lv) for n, d, y, lv in awards),
              _WHY.get(i, ""))
         for i, body, awards in _RAW]


if __name__ == "__main__":  # python -m tests.press_sixteenthhand: the total and each miss
    report(TEXTS)
