"""A fifteenth battery of press texts, a representative sample, written by a hand that
read neither the rules of ``loaders/press/`` nor the earlier batteries' texts (only the
harness, the first lines of ``press_ninthhand.py`` for the format, and the brief).

Texts as the French press and local sites ordinarily publish the Villes Internet
palmarès, 2005-2026, mostly 2014-2026, mostly the west, the south, the centre and
Corsica: about two thirds round-ups (a regional daily's list of its région's or
département's laureates, the association's palmarès page, a national magazine's
palmarès by level), one third single-town pieces (a town's site, a municipal
magazine, a short local item), and texts that award nothing (calls for applications,
a candidate, statistics, a ceremony's programme, another label, a mention alone, a
workshop). No deliberately tricky constructions. Every sentence is ours; the names
are real communes and EPCI of the COG (homonyms carry their département, which the
text gives by a heading, a name or a number).

``TEXTS``: (id, text, awards) where each award is (name as printed, département as the
text gives it or ``None``, edition, level); texts whose awards are empty award nothing.
``python -m tests.press_fifteenthhand`` prints the score.

Truth convention: "conserve / garde ses quatre @" states this edition's level only (it
names no earlier edition); "passe de trois à quatre @" states the new level only; past
levels are truth only when their year is printed ("après trois @ en 2016").

Baseline, scored once before any rule was changed for these texts: 107 / 110 right
(97%), 2 invented, in 34 texts (26 awarding, 8 awarding nothing; 17 round-ups, 9
single-town pieces). No truth error was found, so there is one figure only.
Inventions:
- niort-magazine-2017: the headline "Numérique : quatre arobases pour Niort" gives a
  collectivité "Numérique" with 4 @ in 2017 (the rubric before the colon read as a name).
- other-label-tnl-2022 (awards nothing): Albi, 2023, 3, from "le niveau 3 du label
  Territoire Numérique Libre" followed by "participera aussi au label Villes Internet
  2023" (another label's level, and a future edition).
Misses:
- poitou-daily-2005 (Poitiers 3, Châtellerault 2): the two-département heading
  "Vienne - Deux-Sèvres" is read as Deux-Sèvres alone, so every laureate is placed in
  79, where no Poitiers or Châtellerault exists (Parthenay, in 79, is right).
- mont-de-marsan-local-2022 (2021, 3): "avait obtenu trois @ en 2020 et en 2021" gives
  the first year only.

After the fixes (a rubric before the headline's colon, "Numérique : quatre arobases pour
Niort", is no name; another label's "niveau 3" is no level; "Vienne - Deux-Sèvres" places
nothing; Y6, a level for each year listed after it, "trois @ en 2020 et en 2021"):
**110 / 110, 0 invented**.
"""

from __future__ import annotations

from tests.press_battery import Text, report


_RAW: list[tuple[str, str, list[tuple[str, str | None, int, int]]]] = [
    # ---------------------------------------------------------------- round-ups
    ("bretagne-daily-2024", """Accueil > Bretagne > Numérique
Label Villes Internet : dix communes bretonnes distinguées
Publié le 02/02/2024 à 18h12 | Par la rédaction

La 25e édition du label Villes Internet a été remise jeudi à Paris. En Bretagne, dix
collectivités repartent avec leurs arobases, qui récompensent une politique numérique
au service des habitants.

Cinq @ : Brest, Rennes.
Quatre @ : Lannion, Ploemeur, Cesson-Sévigné.
Trois @ : Vitré, Questembert, Plougastel-Daoulas.
Deux @ : Loudéac, Bruz.

Lire aussi : Fibre optique, le dernier kilomètre se fait attendre dans le Trégor
""", [("Brest", None, 2024, 5), ("Rennes", None, 2024, 5), ("Lannion", None, 2024, 4),
      ("Ploemeur", None, 2024, 4), ("Cesson-Sévigné", None, 2024, 4),
      ("Vitré", None, 2024, 3), ("Questembert", None, 2024, 3),
      ("Plougastel-Daoulas", None, 2024, 3), ("Loudéac", None, 2024, 2),
      ("Bruz", None, 2024, 2)]),

    ("gironde-daily-2019", """GIRONDE
Cinq communes girondines labellisées Villes Internet
Le 30 janvier 2019

Le palmarès 2019 du label Villes Internet a été dévoilé mardi. Mérignac conserve ses
cinq arobases, le niveau maximal. Pessac en obtient quatre, tout comme Talence. Gradignan
progresse et passe de deux à trois @, tandis que Bègles décroche sa première arobase.

« C'est la reconnaissance du travail de nos agents », se félicite l'adjoint au numérique
de Bègles.
""", [("Mérignac", "33", 2019, 5), ("Pessac", None, 2019, 4), ("Talence", None, 2019, 4),
      ("Gradignan", None, 2019, 3), ("Bègles", None, 2019, 1)]),

    ("haute-garonne-daily-2022", """Haute-Garonne : le Sud-Est toulousain en tête du palmarès Villes Internet
Publié le 04/02/2022 à 07:45

Numérique. Castanet-Tolosan obtient cinq @, la plus haute
distinction du label Villes Internet, dont la 23e édition a été remise cette semaine.
Ramonville-Saint-Agne et Colomiers reçoivent quatre @. Balma obtient trois @.
Tournefeuille passe de trois à quatre @ et rejoint le peloton de tête.

Dans le département, le label distingue des services en ligne, des ateliers de
médiation et des données ouvertes.
""", [("Castanet-Tolosan", None, 2022, 5), ("Ramonville-Saint-Agne", None, 2022, 4),
      ("Colomiers", None, 2022, 4), ("Balma", None, 2022, 3),
      ("Tournefeuille", None, 2022, 4)]),

    ("corse-daily-2023", """Corse
Villes Internet : Ajaccio garde ses quatre @, Bastia en décroche trois
Par notre correspondant | 3 février 2023

Le label Villes Internet 2023 sourit à l'île. Ajaccio garde ses quatre arobases.
Bastia obtient trois @, comme Porto-Vecchio. Biguglia fait son entrée au palmarès
avec deux @.

Les élus ont salué les démarches en ligne et les espaces publics numériques ouverts
l'an dernier.
""", [("Ajaccio", None, 2023, 4), ("Bastia", None, 2023, 3),
      ("Porto-Vecchio", None, 2023, 3), ("Biguglia", None, 2023, 2)]),

    ("indre-et-loire-daily-2020", """Indre-et-Loire
Quatre communes de la métropole tourangelle labellisées Villes Internet
Publié le 07/02/2020

Le label Villes Internet 2020 a été décerné mercredi. Joué-lès-Tours obtient quatre
arobases. Tours et Saint-Cyr-sur-Loire en obtiennent trois. Chambray-lès-Tours reçoit
deux @ pour sa deuxième participation.

Photo : la remise du label, mercredi, en présence des élus tourangeaux.
""", [("Joué-lès-Tours", None, 2020, 4), ("Tours", None, 2020, 3),
      ("Saint-Cyr-sur-Loire", None, 2020, 3), ("Chambray-lès-Tours", None, 2020, 2)]),

    ("pays-de-la-loire-2026", """Label Villes Internet 2026 : les lauréats des Pays de la Loire
Mis à jour le 6 février 2026

Voici la liste des collectivités de la région labellisées cette année, par département.

Loire-Atlantique : Nantes (5 @), Rezé (4 @), Orvault (3 @).
Maine-et-Loire : Angers (5 @), Avrillé (3 @), Trélazé (2 @).
Vendée : La Roche-sur-Yon (4 @), Challans (2 @).
Mayenne : Laval (4 @).

Partager sur Facebook | Partager sur X | Imprimer
""", [("Nantes", None, 2026, 5), ("Rezé", None, 2026, 4), ("Orvault", None, 2026, 3),
      ("Angers", None, 2026, 5), ("Avrillé", "49", 2026, 3), ("Trélazé", None, 2026, 2),
      ("La Roche-sur-Yon", None, 2026, 4), ("Challans", None, 2026, 2),
      ("Laval", None, 2026, 4)]),

    ("national-magazine-2018", """Collectivités
Villes Internet 2018 : le palmarès complet des cinq arobases
Publié le 26 janvier 2018

Le label Villes Internet a distingué cette année plus de 250 collectivités. Six villes
reçoivent cinq arobases : Angers, Brest, Castanet-Tolosan, Mérignac (Gironde), Niort et
Rennes. Chez les intercommunalités, Lannion-Trégor Communauté et le Sicoval décrochent
quatre @.

Le jury a particulièrement remarqué les démarches de médiation numérique et
l'ouverture des données publiques.
""", [("Angers", None, 2018, 5), ("Brest", None, 2018, 5),
      ("Castanet-Tolosan", None, 2018, 5), ("Mérignac", "33", 2018, 5),
      ("Niort", None, 2018, 5), ("Rennes", None, 2018, 5),
      ("Lannion-Trégor Communauté", None, 2018, 4), ("Sicoval", None, 2018, 4)]),

    ("herault-gard-daily-2016", """Hérault - Gard
Villes Internet : Alès en tête des communes de la région
Le 29 janvier 2016

Pour la 17e édition du label Villes Internet, Alès obtient quatre @. Nîmes et Lunel
reçoivent trois @, Sète deux @. Dans l'Hérault, Lunel est ainsi la commune la mieux
classée.

Lire aussi : Montpellier lance son nouveau portail de démarches en ligne
""", [("Alès", None, 2016, 4), ("Nîmes", None, 2016, 3), ("Lunel", None, 2016, 3),
      ("Sète", None, 2016, 2)]),

    ("auvergne-daily-2021", """PUY-DE-DÔME - CANTAL - ALLIER
Label Villes Internet : cinq villes auvergnates récompensées
Publié le 12/02/2021

Le palmarès 2021 du label Villes Internet a été annoncé lors d'une cérémonie en ligne.
Cournon-d'Auvergne obtient quatre arobases. Riom et Aurillac en reçoivent trois.
Issoire obtient deux @, tout comme Moulins (Allier), qui entre au palmarès.
""", [("Cournon-d'Auvergne", None, 2021, 4), ("Riom", None, 2021, 3),
      ("Aurillac", None, 2021, 3), ("Issoire", None, 2021, 2), ("Moulins", "03", 2021, 2)]),

    ("charentes-daily-2025", """Charente-Maritime
Villes Internet : La Rochelle et Rochefort distinguées
Par Élodie M. | 31/01/2025

Le label Villes Internet 2025 a été remis jeudi. En Charente-Maritime, La Rochelle obtient
quatre @ et Rochefort trois @. En Charente, Angoulême reçoit trois @ et Cognac deux @.

Légende : l'équipe numérique de la ville de Rochefort lors de la remise du label.
""", [("La Rochelle", "17", 2025, 4), ("Rochefort", "17", 2025, 3),
      ("Angoulême", None, 2025, 3), ("Cognac", None, 2025, 2)]),

    ("bearn-pays-basque-2015", """Béarn et Pays basque
Pau obtient quatre arobases au label Villes Internet
Le 5 février 2015

Le label Villes Internet 2015 distingue quatre communes du département. Pau obtient
quatre @. Billère et Anglet reçoivent trois @. Lescar décroche deux @.

Les candidatures pour l'édition suivante ouvriront à l'automne.
""", [("Pau", None, 2015, 4), ("Billère", None, 2015, 3), ("Anglet", None, 2015, 3),
      ("Lescar", None, 2015, 2)]),

    ("limousin-daily-2014", """Limousin
Villes Internet : Limoges garde ses quatre arobases
Publié le 31/01/2014

Quatre villes limousines figurent au palmarès 2014 du label Villes Internet. Limoges
conserve ses quatre @. Brive-la-Gaillarde en obtient trois, Tulle deux. Saint-Junien
décroche sa première arobase.
""", [("Limoges", None, 2014, 4), ("Brive-la-Gaillarde", None, 2014, 3),
      ("Tulle", None, 2014, 2), ("Saint-Junien", None, 2014, 1)]),

    ("centre-val-de-loire-2023", """CENTRE-VAL DE LOIRE
Sept villes de la région labellisées Villes Internet
Publié le 03/02/2023 à 06h00

Le label Villes Internet 2023 a été remis à Paris. Dans la région, Saint-Jean-de-Braye
obtient cinq @, la note maximale. Orléans reçoit quatre @. Chartres, Blois et Bourges
obtiennent trois @. Vierzon en reçoit deux et Issoudun décroche sa première arobase.

Lire aussi : À Orléans, un nouveau guichet numérique à l'hôtel de ville
""", [("Saint-Jean-de-Braye", None, 2023, 5), ("Orléans", None, 2023, 4),
      ("Chartres", None, 2023, 3), ("Blois", None, 2023, 3), ("Bourges", None, 2023, 3),
      ("Vierzon", None, 2023, 2), ("Issoudun", None, 2023, 1)]),

    ("dordogne-lot-et-garonne-2017", """Dordogne / Lot-et-Garonne
Trois villes labellisées Villes Internet
Le 27 janvier 2017

Périgueux obtient trois @ au label Villes Internet 2017. Bergerac reçoit deux @.
Agen, de son côté, obtient trois @.
""", [("Périgueux", None, 2017, 3), ("Bergerac", None, 2017, 2), ("Agen", None, 2017, 3)]),

    ("aveyron-tarn-lot-2020", """Label Villes Internet 2020 : les lauréats de l'Aveyron, du Tarn et du Lot
Publié le 05/02/2020

Aveyron
Rodez : 3 @
Millau : 2 @

Tarn
Albi : 4 @
Castres : 4 @

Lot
Cahors : 3 @
Figeac : 2 @
""", [("Rodez", None, 2020, 3), ("Millau", None, 2020, 2), ("Albi", None, 2020, 4),
      ("Castres", "81", 2020, 4), ("Cahors", None, 2020, 3), ("Figeac", None, 2020, 2)]),

    ("association-palmares-2026", """Accueil | Le label | Palmarès | Actualités | Contact
Palmarès 2026
27e édition du label Villes Internet

5 @
Brest (29)
Castanet-Tolosan (31)
Rennes (35)
Angers (49)

4 @
Pacé (35)
Lannion (22)
Mérignac (33)
Niort (79)

3 @
Bastia (2B)
Cahors (46)
Vendôme (41)

2 @
Sartène (2A)
Quimperlé (29)

Télécharger le palmarès complet (PDF)
""", [("Brest", "29", 2026, 5), ("Castanet-Tolosan", "31", 2026, 5),
      ("Rennes", "35", 2026, 5), ("Angers", "49", 2026, 5), ("Pacé", "35", 2026, 4),
      ("Lannion", "22", 2026, 4), ("Mérignac", "33", 2026, 4), ("Niort", "79", 2026, 4),
      ("Bastia", "2B", 2026, 3), ("Cahors", "46", 2026, 3), ("Vendôme", "41", 2026, 3),
      ("Sartène", "2A", 2026, 2), ("Quimperlé", "29", 2026, 2)]),

    ("poitou-daily-2005", """Vienne - Deux-Sèvres
Internet : Parthenay toujours en pointe
Mis à jour le 28 janvier 2005

Le label Villes Internet 2005 a été remis la semaine dernière. Parthenay obtient quatre
@, Poitiers trois @ et Châtellerault deux @.
""", [("Parthenay", None, 2005, 4), ("Poitiers", None, 2005, 3),
      ("Châtellerault", None, 2005, 2)]),

    # ------------------------------------------------------- single-town pieces
    ("lannion-town-site-2025", """Ville de Lannion > Actualités
Lannion conserve ses 5 @
Publié le 7 février 2025

Pour la 26e édition du label Villes Internet, Lannion conserve ses cinq arobases, le
plus haut niveau du label. Une reconnaissance pour les services en ligne, le fablab
municipal et les ateliers numériques de la médiathèque.
""", [("Lannion", None, 2025, 5)]),

    ("niort-magazine-2017", """Vivre à Niort - Février 2017
Numérique : quatre arobases pour Niort

Niort obtient quatre @ au label Villes Internet 2017, après trois @ en 2016. Le jury a
salué le nouveau portail famille et l'ouverture des données de la ville.
""", [("Niort", None, 2017, 4), ("Niort", None, 2016, 3)]),

    ("pace-local-2024", """Ille-et-Vilaine
Pacé obtient trois arobases
Publié le 09/02/2024

La commune de Pacé, au nord-ouest de Rennes, obtient trois @ au label Villes Internet
2024. La municipalité met en avant son espace numérique et ses démarches en ligne.
""", [("Pacé", "35", 2024, 3)]),

    ("hyeres-local-2019", """Var
Hyères décroche trois @ au label Villes Internet
Le 1er février 2019

Hyères obtient trois arobases au label Villes Internet 2019. La ville avait présenté son
application citoyenne et ses ateliers pour les seniors.
""", [("Hyères", None, 2019, 3)]),

    ("calvi-local-2026", """Balagne
Calvi reçoit sa première arobase
Publié le 05/02/2026

Pour sa première candidature, Calvi reçoit sa première @ au label Villes Internet 2026.
Le maire salue le travail des services et promet de viser plus haut l'an prochain.
""", [("Calvi", None, 2026, 1)]),

    ("valence-local-2016", """Drôme
Valence conserve ses quatre @
Le 28 janvier 2016

Valence conserve ses quatre arobases au label Villes Internet 2016. La ville-préfecture
de la Drôme est récompensée pour ses services en ligne et son réseau d'espaces publics
numériques.
""", [("Valence", "26", 2016, 4)]),

    ("mont-de-marsan-local-2022", """Landes
Mont-de-Marsan passe à quatre @
Publié le 08/02/2022

Mont-de-Marsan obtient quatre @ pour la 23e édition du label Villes Internet. La ville
avait obtenu trois @ en 2020 et en 2021.
""", [("Mont-de-Marsan", None, 2022, 4), ("Mont-de-Marsan", None, 2021, 3),
      ("Mont-de-Marsan", None, 2020, 3)]),

    ("val-d-ille-aubigne-2023", """Actualités de la communauté de communes
La communauté de communes Val d'Ille-Aubigné labellisée Villes Internet
Le 10 février 2023

La communauté de communes Val d'Ille-Aubigné obtient deux @ au label Villes Internet 2023.
Une première pour l'intercommunalité, qui a ouvert trois points d'accès numériques.
""", [("Communauté de communes Val d'Ille-Aubigné", None, 2023, 2)]),

    ("digne-local-2014", """Alpes-de-Haute-Provence
Digne-les-Bains obtient deux arobases
Le 6 février 2014

Digne-les-Bains obtient deux @ lors de la 15e édition du label Villes Internet. La ville
candidatait pour la première fois.
""", [("Digne-les-Bains", None, 2014, 2)]),

    # ------------------------------------------------------ texts awarding nothing
    ("call-for-applications-2025", """Label Villes Internet 2025 : les candidatures sont ouvertes
Publié le 15/09/2024

Les communes et intercommunalités peuvent déposer leur dossier pour le label Villes
Internet 2025 jusqu'au 30 novembre. Le label distingue de une à cinq arobases les
collectivités qui développent un numérique citoyen. Le palmarès sera dévoilé début
février.
""", []),

    ("statistics-2021", """Numérique
Villes Internet : 280 collectivités labellisées en 2021
Le 15 février 2021

Le label Villes Internet 2021 compte 280 collectivités, dont 52 en Occitanie et 31 en
Bretagne. Près d'un quart des labellisées sont des communes de moins de 3 500 habitants.
Le nombre de collectivités à cinq arobases reste stable.
""", []),

    ("ceremony-programme-2026", """Cérémonie du label Villes Internet 2026 : le programme
Publié le 20/01/2026

La cérémonie de remise du label se tiendra le 3 février 2026. Au programme : accueil à
9 h, table ronde sur la médiation numérique à 10 h, puis annonce du palmarès à 14 h.
Inscription gratuite, places limitées.
""", []),

    ("other-label-tnl-2022", """Tarn
Albi obtient le label Territoire Numérique Libre
Publié le 18/11/2022

Albi reçoit le niveau 3 du label Territoire Numérique Libre, qui distingue les
collectivités utilisant des logiciels libres. La ville participera aussi au label Villes
Internet 2023, dont les résultats seront connus en février.
""", []),

    ("candidate-gueret-2024", """Creuse
Guéret candidate au label Villes Internet
Le 12 octobre 2023

La ville de Guéret a déposé son dossier pour le label Villes Internet 2024. La
municipalité espère obtenir une ou deux arobases et attend les résultats, prévus début
février.
""", []),

    ("mention-alone-reze-2024", """Loire-Atlantique
Rezé distinguée par une mention démocratie locale
Publié le 02/02/2024

Lors de la remise du label Villes Internet 2024, Rezé a reçu la mention démocratie locale
pour sa plateforme de participation citoyenne.
""", []),

    ("workshop-region-2025", """Région Nouvelle-Aquitaine
Atelier : préparer son dossier Villes Internet
Le 3 octobre 2024

La Région organise le 14 octobre un atelier à Poitiers pour aider les communes à préparer
leur candidature au label Villes Internet 2025. Le dossier doit être déposé avant fin
novembre.
""", []),

    ("association-news-2023", """Villes Internet : une nouvelle présidente pour l'association
Publié le 10/06/2023

L'association Villes Internet a élu sa nouvelle présidente lors de son assemblée
générale. Elle souhaite ouvrir davantage le label aux petites communes rurales et
prépare déjà l'édition 2024.
""", []),
]

# Missed after the fixes, for its reason (a strict xfail: it fails the day it is read):
# none left.
_WHY: dict[str, str] = {}

TEXTS = [Text(i, body, tuple((n, y, lv, d) if d else (n, y, lv) for n, d, y, lv in awards),
              _WHY.get(i, ""))
         for i, body, awards in _RAW]

if __name__ == "__main__":
    report(TEXTS)
