"""An eighteenth battery of press texts, a REPRESENTATIVE sample of what the press and
local sites publish about the Villes Internet palmarès (2006-2026), written by a hand that
read neither the rules of ``loaders/press/`` nor the earlier batteries' texts (only the
harness, the first lines of ``press_ninthhand.py`` for the format, and the brief).

About two thirds round-ups (regional dailies by département or région, national lists by
level), one third single-town pieces (town sites, municipal magazines, EPCI releases),
and eight texts awarding nothing (call for applications, a candidate, statistics, a
ceremony's programme, a mention alone, another label, a workshop, a prize alone). Every
sentence is ours; the names are real communes and EPCI of the COG (homonyms carry their
département, which the text gives).

``TEXTS``: (id, text, awards) where each award is (name as printed, département as the
text gives it or ``None``, edition, level); texts whose awards are empty award nothing.
``python -m tests.press_eighteenthhand`` prints the score.

Baseline, scored once before any rule was changed for these texts (no truth corrected):
87 / 101 right (86%), 1 invented. 32 texts, 8 awarding nothing (none of them gave an award).
Invented (1): "L'agglomération Lannion-Trégor Communauté a obtenu trois arobases" gives,
besides the right Lannion-Trégor Communauté, a second award named "agglomération
Lannion-Trégor Communauté" (the common noun before the EPCI's name kept in the name).
Missed (14), by cause:
- a colon list after "Parmi les villes qui obtiennent cinq @ :" (5: Issy-les-Moulineaux,
  Brest, Rennes, Grenoble, Montpellier, national-palmares-2021-20);
- "Trois @ notamment pour A, B ... et F" (6: Chalon-sur-Saône, Niort, Poitiers, Limoges,
  Reims, Besançon, same text; "Quatre @ pour ..." and "Deux @ pour ..." there were read);
- "Plus au nord, Rodez reçoit une @." after a sentence naming the Tarn (1, depeche-occitanie);
- a homonym placed only by the région heading ("Ouest-France — Pays de la Loire"):
  Saint-Nazaire (44) given without its département, so lost (1, of-paysdelaloire-2020);
- a past level in a following sentence, "Elle en avait obtenu deux en 2017." (1: Valence
  (26) 2017, single-valence-26-2019).

After the fixes (a heading places no line naming another département; "L'agglomération
Lannion-Trégor Communauté" is the EPCI; "Parmi les villes qui obtiennent cinq @ : ...";
"Trois @ notamment pour ..."): **99 / 101 (98%), 0 invented**; the 2 texts left are
strict xfails in ``_WHY``.
"""

from __future__ import annotations

from tests.press_battery import Text, report


_RAW: list[tuple[str, str, list[tuple[str, str | None, int, int]]]] = [
    ("of-bretagne-roundup-2024", """Accueil > Bretagne > Numérique
Villes Internet : la Bretagne brille au palmarès 2024
Ouest-France | Publié le 02/02/2024 à 18h40
Huit collectivités bretonnes ont été labellisées jeudi à Paris lors de la remise du label
Villes Internet 2024.
Brest conserve ses cinq @, tout comme Rennes. Lannion obtient quatre @. Vitré et
Cesson-Sévigné décrochent trois @, Plérin et Concarneau deux @, tandis que Morlaix reçoit sa
première arobase.
Lire aussi : Fibre optique, où en est le déploiement dans le Finistère ?
""", [("Brest", None, 2024, 5), ("Rennes", None, 2024, 5), ("Lannion", None, 2024, 4),
      ("Vitré", None, 2024, 3), ("Cesson-Sévigné", None, 2024, 3), ("Plérin", None, 2024, 2),
      ("Concarneau", None, 2024, 2), ("Morlaix", None, 2024, 1)]),

    ("sudouest-gironde-2019", """Gironde : cinq communes labellisées Villes Internet
Par Julien Marchand
Publié le 08/02/2019
Le palmarès 2019 du label Villes Internet a été dévoilé jeudi. En Gironde, Pessac obtient
quatre arobases, Talence et Bègles trois, Mérignac (33) deux. Libourne fait son entrée avec
une @.
Partager  Tweeter  E-mail
""", [("Pessac", None, 2019, 4), ("Talence", None, 2019, 3), ("Bègles", None, 2019, 3),
      ("Mérignac", "33", 2019, 2), ("Libourne", None, 2019, 1)]),

    ("vdn-nord-2012", """LA VOIX DU NORD
Internet : les villes du Nord bien classées
Publié le 14/01/2012
Le label Villes Internet récompense chaque année les communes qui développent un internet
citoyen. Pour cette 13e édition, Roubaix et Villeneuve-d'Ascq obtiennent 4 @. Tourcoing
reçoit 3 @. Marcq-en-Barœul et Armentières sont labellisées avec 2 @.
""", [("Roubaix", None, 2012, 4), ("Villeneuve-d'Ascq", None, 2012, 4),
      ("Tourcoing", None, 2012, 3), ("Marcq-en-Barœul", None, 2012, 2),
      ("Armentières", None, 2012, 2)]),

    ("national-by-level-2016", """Palmarès Villes Internet 2016 : la liste des villes 5 @
La Gazette des communes – 04/02/2016
Le label 2016 a été remis mercredi à Paris. Voici les collectivités qui obtiennent la
distinction maximale.
5 @
Issy-les-Moulineaux
Brest
Parthenay
Villeurbanne
Montpellier
4 @
Grenoble
Nîmes
Angers
La liste complète est disponible sur le site de l'association.
""", [("Issy-les-Moulineaux", None, 2016, 5), ("Brest", None, 2016, 5),
      ("Parthenay", None, 2016, 5), ("Villeurbanne", None, 2016, 5),
      ("Montpellier", None, 2016, 5), ("Grenoble", None, 2016, 4), ("Nîmes", None, 2016, 4),
      ("Angers", None, 2016, 4)]),

    ("depeche-occitanie-2022", """La Dépêche du Midi
Haute-Garonne. Label Villes Internet : Colomiers et Blagnac récompensées
Publié le 11/02/2022 à 07:12
Colomiers a obtenu quatre @ au label Villes Internet 2022, Blagnac trois @. Dans le Tarn,
Castres décroche deux @ et Albi trois @. Plus au nord, Rodez reçoit une @.
Abonnez-vous pour lire la suite
""", [("Colomiers", None, 2022, 4), ("Blagnac", None, 2022, 3), ("Castres", "81", 2022, 2),
      ("Albi", None, 2022, 3), ("Rodez", None, 2022, 1)]),

    ("nicematin-alpes-maritimes-2018", """Nice-Matin
Antibes et Grasse récompensées pour leur politique numérique
Le 03/02/2018
Le label national Villes Internet 2018 a été décerné jeudi. Antibes obtient quatre arobases
et Grasse trois. Menton est labellisée pour la première fois avec deux @.
Photo : la délégation antiboise lors de la cérémonie.
""", [("Antibes", None, 2018, 4), ("Grasse", None, 2018, 3), ("Menton", None, 2018, 2)]),

    ("estrep-lorraine-2015", """L'Est Républicain
Lorraine | Label Villes Internet : Nancy conserve ses quatre @
Publié le 31/01/2015
Lors de la remise des labels Villes Internet 2015, Nancy a conservé ses quatre arobases.
Épinal obtient trois @, Lunéville deux @. Saint-Dié-des-Vosges progresse et passe de deux à
trois @.
""", [("Nancy", None, 2015, 4), ("Épinal", None, 2015, 3), ("Lunéville", None, 2015, 2),
      ("Saint-Dié-des-Vosges", None, 2015, 3)]),

    ("progres-rhone-2009", """Le Progrès
Rhône : Villeurbanne et Vénissieux distinguées
Publié le 24/01/2009
Le palmarès de la onzième édition du label Villes Internet a été proclamé. Villeurbanne
obtient 5 @, Vénissieux 3 @, Bron 2 @. Dans la Loire, Roanne reçoit 3 @.
""", [("Villeurbanne", None, 2009, 5), ("Vénissieux", None, 2009, 3), ("Bron", None, 2009, 2),
      ("Roanne", None, 2009, 3)]),

    ("telegramme-morbihan-2025", """Le Télégramme
Morbihan. Quatre communes labellisées Villes Internet
Publié le 07 février 2025 à 17h05
Le label Villes Internet 2025 a été remis à Paris. Dans le Morbihan, Vannes obtient quatre @,
Lorient et Saint-Avé trois @, Ploërmel deux @.
À lire sur le sujet : La ville de Vannes ouvre un nouvel espace numérique
""", [("Vannes", None, 2025, 4), ("Lorient", None, 2025, 3), ("Saint-Avé", None, 2025, 3),
      ("Ploërmel", None, 2025, 2)]),

    ("national-palmares-2021-20", """Villes Internet : le palmarès 2021
Acteurs publics — 12 février 2021
Le 22e label Villes Internet a distingué 215 collectivités. Parmi les villes qui obtiennent
cinq @ : Issy-les-Moulineaux, Brest, Rennes, Grenoble et Montpellier. Quatre @ pour Lyon,
Nantes, Strasbourg, Mulhouse, Angers et Dijon. Trois @ notamment pour Chalon-sur-Saône,
Niort, Poitiers, Limoges, Reims et Besançon. Deux @ pour Mâcon, Aurillac, Lisieux et
Alençon.
""", [("Issy-les-Moulineaux", None, 2021, 5), ("Brest", None, 2021, 5), ("Rennes", None, 2021, 5),
      ("Grenoble", None, 2021, 5), ("Montpellier", None, 2021, 5), ("Lyon", None, 2021, 4),
      ("Nantes", None, 2021, 4), ("Strasbourg", None, 2021, 4), ("Mulhouse", None, 2021, 4),
      ("Angers", None, 2021, 4), ("Dijon", None, 2021, 4), ("Chalon-sur-Saône", None, 2021, 3),
      ("Niort", None, 2021, 3), ("Poitiers", None, 2021, 3), ("Limoges", None, 2021, 3),
      ("Reims", None, 2021, 3), ("Besançon", None, 2021, 3), ("Mâcon", None, 2021, 2),
      ("Aurillac", None, 2021, 2), ("Lisieux", None, 2021, 2), ("Alençon", None, 2021, 2)]),

    ("of-paysdelaloire-2020", """Ouest-France — Pays de la Loire
Label Villes Internet 2020 : les lauréats de la région
Cholet obtient quatre @. La Roche-sur-Yon et Laval décrochent trois @. Saint-Nazaire
conserve ses quatre @. La communauté de communes Sud Retz Atlantique reçoit deux @.
Modifié le 06/02/2020 à 12h15
""", [("Cholet", None, 2020, 4), ("La Roche-sur-Yon", None, 2020, 3), ("Laval", None, 2020, 3),
      ("Saint-Nazaire", "44", 2020, 4), ("communauté de communes Sud Retz Atlantique", None, 2020, 2)]),

    ("reunion-2023", """Clicanoo — La Réunion
Saint-Paul et Saint-Denis labellisées Villes Internet
Publié le 10/02/2023
Deux communes réunionnaises figurent au palmarès du label Villes Internet 2023 : Saint-Paul
obtient trois arobases et Saint-Denis deux arobases.
""", [("Saint-Paul", "974", 2023, 3), ("Saint-Denis", "974", 2023, 2)]),

    ("seine-saint-denis-2014", """Le Parisien — Seine-Saint-Denis
Montreuil et Saint-Denis à l'honneur du label Villes Internet
Le 25/01/2014
Deux villes de Seine-Saint-Denis ont été distinguées lors du label Villes Internet 2014.
Montreuil obtient quatre @ et Saint-Denis trois @.
""", [("Montreuil", "93", 2014, 4), ("Saint-Denis", "93", 2014, 3)]),

    ("normandie-2017", """Tendance Ouest
Normandie : six villes labellisées Villes Internet 2017
Publié le 03/02/2017
Caen obtient quatre arobases, tout comme Rouen. Le Havre décroche trois arobases,
Cherbourg-en-Cotentin trois également, Évreux deux et Fécamp une.
""", [("Caen", None, 2017, 4), ("Rouen", None, 2017, 4), ("Le Havre", None, 2017, 3),
      ("Cherbourg-en-Cotentin", None, 2017, 3), ("Évreux", None, 2017, 2), ("Fécamp", None, 2017, 1)]),

    ("alsace-2013", """DNA — Dernières Nouvelles d'Alsace
Villes Internet : Mulhouse et Colmar distinguées
Publié le 20/01/2013
Au palmarès 2013 du label Villes Internet, Mulhouse obtient 4 @, Colmar 3 @ et Haguenau 2 @.
Strasbourg, qui n'avait pas candidaté, ne figure pas au palmarès.
""", [("Mulhouse", None, 2013, 4), ("Colmar", None, 2013, 3), ("Haguenau", None, 2013, 2)]),

    ("paca-2026", """La Provence
Numérique : les villes de la région récompensées
Publié le 06/02/2026
Label Villes Internet 2026 : Aix-en-Provence obtient quatre @, Avignon trois @, Gap et Hyères
deux @. Marseille fait son retour au palmarès avec trois @.
""", [("Aix-en-Provence", None, 2026, 4), ("Avignon", None, 2026, 3), ("Gap", None, 2026, 2),
      ("Hyères", None, 2026, 2), ("Marseille", None, 2026, 3)]),

    ("centre-2010-label2011", """La Nouvelle République
Tours et Blois récompensées par le label Villes Internet
Publié le 10/12/2010
Les labels Villes Internet 2011 ont été remis jeudi à Paris. Tours obtient quatre @, Blois
trois @ et Chartres deux @.
""", [("Tours", None, 2011, 4), ("Blois", None, 2011, 3), ("Chartres", None, 2011, 2)]),

    ("single-parthenay-2006", """Mairie de Parthenay — Actualités
Parthenay obtient 5 @ au label Villes Internet 2006
La ville a reçu une nouvelle fois la plus haute distinction du label Villes Internet, cinq
arobases, saluant son engagement pour le numérique citoyen.
""", [("Parthenay", None, 2006, 5)]),

    ("single-talence-magazine-2023", """Talence Mag n° 112 — mars 2023
Numérique : 4 @ pour Talence
Au label Villes Internet 2023, Talence obtient quatre arobases. Le jury a salué le
portail citoyen et les ateliers numériques des seniors. Une récompense pour le travail des services et des associations.
""", [("Talence", None, 2023, 4)]),

    ("single-plerin-2008", """Ouest-France
Plérin décroche une @ au label Villes Internet
Publié le 26/01/2008
Pour sa première candidature, la ville a obtenu une arobase au label Villes Internet 2008.
Le maire s'en est félicité lors du conseil municipal de lundi.
""", [("Plérin", None, 2008, 1)]),

    ("single-valence-26-2019", """Le Dauphiné libéré — Drôme
Valence obtient trois @ au label Villes Internet
Publié le 09/02/2019
La ville de Valence a reçu trois arobases lors de la cérémonie du label Villes Internet 2019,
à Paris. Elle en avait obtenu deux en 2017.
""", [("Valence", "26", 2019, 3), ("Valence", "26", 2017, 2)]),

    ("single-epci-val-ille-2018", """Communauté de communes Val d'Ille-Aubigné — Actualités
Le territoire labellisé Villes Internet
La communauté de communes Val d'Ille-Aubigné a obtenu deux @ au label Villes Internet 2018,
récompensant ses services en ligne et son réseau de tiers-lieux.
""", [("communauté de communes Val d'Ille-Aubigné", None, 2018, 2)]),

    ("single-brest-metropole-2022", """Brest métropole — Communiqué de presse
Brest, 10 février 2022
Brest métropole reçoit cinq @ au label Villes Internet 2022. Le jury a salué son réseau
d'espaces publics numériques et ses données ouvertes.
""", [("Brest Métropole", None, 2022, 5)]),

    ("single-lannion-agglo-2020", """Lannion-Trégor Communauté obtient trois @
Le Trégor, 08/02/2020
L'agglomération Lannion-Trégor Communauté a obtenu trois arobases au label Villes Internet
2020. Elle est la seule intercommunalité des Côtes-d'Armor distinguée cette année.
""", [("Lannion-Trégor Communauté", None, 2020, 3)]),

    ("nothing-call-2024", """Villes Internet : les candidatures sont ouvertes
Publié le 15/09/2023
L'association Villes Internet lance l'appel à candidatures pour le label 2024. Les
collectivités ont jusqu'au 30 novembre pour déposer leur dossier en ligne. Le jury
attribuera de une à cinq arobases.
""", []),

    ("nothing-candidates-2016", """Sud Ouest
Bayonne candidate au label Villes Internet
Publié le 12/10/2015
La ville de Bayonne a déposé sa candidature au label Villes Internet 2016. Les résultats
seront connus en février, lors de la cérémonie à Paris.
""", []),

    ("nothing-stats-2020", """Villes Internet : 20 ans de label en chiffres
Publié le 04/02/2020
Depuis sa création, le label a distingué plus de 2 000 collectivités. Cette année, 36 % des
labellisées sont des communes de moins de 5 000 habitants. Le nombre d'intercommunalités
candidates a doublé en cinq ans.
""", []),

    ("nothing-programme-2019", """Programme de la cérémonie du label Villes Internet 2019
Jeudi 7 février 2019, Paris
9h30 : accueil des délégations
10h00 : tables rondes « Territoires connectés »
14h00 : remise des labels et des mentions
17h00 : cocktail
""", []),

    ("nothing-mention-2021", """Bagnolet — Actualités
Label Villes Internet 2021 : Bagnolet reçoit la mention démocratie locale
La ville a été distinguée par la mention démocratie locale, qui salue sa plateforme de
budget participatif.
""", []),

    ("nothing-other-label-2022", """Le Progrès
Villages fleuris : Bourg-en-Bresse garde ses quatre fleurs
Publié le 12/12/2022
Le jury régional a confirmé les quatre fleurs de Bourg-en-Bresse. La ville vise désormais la
fleur d'or.
""", []),

    ("nothing-workshop-2025", """La Voix du Nord
Arras accueille un atelier sur l'inclusion numérique
Publié le 14/05/2025
Une quarantaine d'élus des Hauts-de-France se sont réunis à Arras pour un atelier organisé
par l'association Villes Internet sur l'inclusion numérique et l'accès aux droits.
""", []),

    ("nothing-territoire-excellence-2024", """Angoulême — Actualités
Angoulême distinguée « Territoire d'excellence numérique »
Publié le 01/02/2024
Lors de la cérémonie du label Villes Internet 2024, Angoulême a reçu le prix « Territoire
d'excellence numérique » pour son projet de maison du numérique.
""", []),
]


_WHY: dict[str, str] = {
    "of-paysdelaloire-2020": "Saint-Nazaire (a homonym) placed only by a région's heading "
                             "('Pays de la Loire'): a région places no name",
    "single-valence-26-2019": "'Elle en avait obtenu deux en 2017.' in the next sentence: "
                              "the pronoun and 'en' both stand for what the sentence before "
                              "named",
}

TEXTS = [Text(i, body, tuple((n, y, lv, d) if d else (n, y, lv) for n, d, y, lv in awards),
              _WHY.get(i, ""))
         for i, body, awards in _RAW]


if __name__ == "__main__":
    report(TEXTS)
