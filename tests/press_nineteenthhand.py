"""A nineteenth battery of press texts, meant to be representative rather than
adversarial, written by a hand that read neither the rules of ``loaders/press/`` nor the
earlier batteries' texts (only the harness, the first lines of ``press_ninthhand.py`` for
the format, ``tests/test_press_batteries.py`` and the brief).

Texts as the press and the collectivités publish them about the Villes Internet palmarès,
2008–2026: regional and departmental round-ups, the association's and a national
magazine's palmarès by level, town sites, municipal and intercommunal magazines, a mayor's
blog; and texts awarding nothing (calls for applications, candidates, statistics, a
ceremony's programme, other labels, a mention alone). Every sentence is ours; the names are
real communes and EPCI of the COG (homonyms carry their département, given by the text).

``TEXTS``: (id, text, awards) where each award is (name as printed, département as the
text gives it or ``None``, edition, level); texts whose awards are empty award nothing.
``python -m tests.press_nineteenthhand`` prints the score.

Baseline, scored once before any rule was changed for these texts: 95 / 103 right (92%),
1 invented: "L'agglomération obtient quatre @" (Lannion-Trégor Communauté's site) read as
a collectivité named "L'agglomération" (the EPCI itself, named in the headline, is right).
8 missed: a second clause whose verb is elided or shared ("Talence et Bègles trois @";
"Saint-Égrève et Crolles par deux @"; "En Aveyron et dans le Lot, Rodez et Figeac
reçoivent deux @" after a département-opening phrase); Saint-Nazaire given without its
département (named in the headline, "Loire-Atlantique" only in the next sentence: a
homonym lost); Martigues "entre dans le club des quatre @". No truth error was found on
review (one round-up's wording was simplified before scoring: "Tourcoing et Arras en
reçoivent trois").

After the fixes ("L'agglomération" alone is no name; "..., Saint-Égrève et Crolles par deux
@"; "au label Villes" / "Internet 2021, ..." one sentence across the line; "En Aveyron et
dans le Lot, Rodez et Figeac ..."): **101 / 103 (98%), 0 invented**; the 2 texts left are
strict xfails in ``_WHY``.
"""

from __future__ import annotations

from tests.press_battery import Text, report


_RAW: list[tuple[str, str, list[tuple[str, str | None, int, int]]]] = [
    ("town-site-parthenay-2019", """Accueil > Actualités > Vie municipale
Parthenay conserve ses cinq @ au label Villes Internet
Publié le 5 février 2019
Pour la nouvelle édition du label Villes Internet, Parthenay garde la note maximale de
cinq @, après quatre @ en 2018. Le jury a salué le travail mené avec les associations du
quartier Saint-Paul et l'ouverture du tiers-lieu numérique.
Partager : Facebook Twitter Imprimer
""", [("Parthenay", None, 2019, 5), ("Parthenay", None, 2018, 4)]),

    ("magazine-lannion-2015", """LANNION MAG n°87 — mars 2015
NUMÉRIQUE
Quatre arobases pour la ville
Lannion a reçu le 3 février, à Paris, quatre @ au label Villes Internet 2015. Une
reconnaissance pour les services en ligne de la mairie et les ateliers d'initiation
proposés à la médiathèque. « C'est le travail de toutes les équipes », souligne l'adjoint
au numérique.
""", [("Lannion", None, 2015, 4)]),

    ("epci-sicoval-2022", """Le Sicoval labellisé Territoire Internet
Actualité | 18/02/2022
Le Sicoval obtient quatre @ au label Territoires, Villes et Villages Internet 2022. La
communauté d'agglomération a été distinguée pour sa plateforme de démarches en ligne et
son réseau de conseillers numériques présents dans les 36 communes.
Lire aussi : Fibre optique, où en est le déploiement ?
""", [("Sicoval", None, 2022, 4)]),

    ("roundup-bretagne-2012", """Internet. Les villes bretonnes toujours bien classées
Rennes, 3 février 2012
Le palmarès du label Villes Internet a été dévoilé hier à Paris. La Bretagne reste l'une
des régions les mieux représentées. Brest conserve ses cinq @, la note maximale. Rennes et
Lannion obtiennent quatre @. Quimper et Vannes décrochent trois @, tandis que Ploemeur et
Plouzané reçoivent deux @.
Au total, 23 communes bretonnes sont labellisées cette année.
""", [("Brest", None, 2012, 5), ("Rennes", None, 2012, 4), ("Lannion", None, 2012, 4),
      ("Quimper", None, 2012, 3), ("Vannes", None, 2012, 3), ("Ploemeur", None, 2012, 2),
      ("Plouzané", None, 2012, 2)]),

    ("roundup-isere-2017", """ISÈRE
Sept communes iséroises au palmarès Villes Internet
Par la rédaction | Publié le 04/02/2017
Le label Villes Internet 2017 a été remis jeudi. En Isère, Grenoble et Échirolles
obtiennent chacune quatre @. Meylan et Fontaine sont récompensées par trois @,
Saint-Égrève et Crolles par deux @. Voiron décroche sa première arobase.
Photo : la délégation échirolloise lors de la cérémonie.
""", [("Grenoble", None, 2017, 4), ("Échirolles", None, 2017, 4), ("Meylan", None, 2017, 3),
      ("Fontaine", "38", 2017, 3), ("Saint-Égrève", None, 2017, 2), ("Crolles", None, 2017, 2),
      ("Voiron", None, 2017, 1)]),

    ("roundup-gironde-2021", """Gironde : quatre villes labellisées Villes Internet
Sud Ouest — publié le 12 février 2021
Dans la métropole bordelaise, Mérignac et Pessac obtiennent quatre @ au label Villes
Internet 2021, Talence et Bègles trois @. La cérémonie s'est tenue en visioconférence en
raison du contexte sanitaire.
""", [("Mérignac", "33", 2021, 4), ("Pessac", None, 2021, 4), ("Talence", None, 2021, 3),
      ("Bègles", None, 2021, 3)]),

    ("association-palmares-2024", """Villes Internet — Palmarès 2024
Accueil | Le label | Palmarès | Candidater | Contact
Voici les collectivités labellisées lors de la 25e édition du label.
5 @
Issy-les-Moulineaux, Villeurbanne, Parthenay, Lannion
4 @
Rezé, Saint-Herblain, Orvault, Grenoble, Castres (Tarn)
3 @
Anglet, Colomiers, Ramonville-Saint-Agne
Retrouvez le palmarès complet dans la carte interactive.
""", [("Issy-les-Moulineaux", None, 2024, 5), ("Villeurbanne", None, 2024, 5),
      ("Parthenay", None, 2024, 5), ("Lannion", None, 2024, 5), ("Rezé", None, 2024, 4),
      ("Saint-Herblain", None, 2024, 4), ("Orvault", None, 2024, 4), ("Grenoble", None, 2024, 4),
      ("Castres", "81", 2024, 4), ("Anglet", None, 2024, 3), ("Colomiers", None, 2024, 3),
      ("Ramonville-Saint-Agne", None, 2024, 3)]),

    ("roundup-nord-2019", """Métropole lilloise
Label Villes Internet : sept communes de la région récompensées
Publié le 01/02/2019 à 18h05
Roubaix, Villeneuve-d'Ascq et Dunkerque obtiennent quatre @. Tourcoing et Arras en
reçoivent trois. Armentières et Wattrelos
entrent au palmarès avec deux @.
Le label, décerné chaque année par l'association Villes Internet, récompense les
politiques numériques locales.
""", [("Roubaix", None, 2019, 4), ("Villeneuve-d'Ascq", None, 2019, 4),
      ("Dunkerque", None, 2019, 4), ("Tourcoing", None, 2019, 3), ("Arras", None, 2019, 3),
      ("Armentières", None, 2019, 2), ("Wattrelos", None, 2019, 2)]),

    ("departement-deux-sevres-2018", """Département des Deux-Sèvres
Les communes deux-sévriennes labellisées Villes Internet 2018
Trois communes du département figurent au palmarès national :
- Parthenay : 4 @
- Niort : 4 @
- Bressuire : 2 @
Le Département accompagne les communes dans leurs projets numériques.
""", [("Parthenay", None, 2018, 4), ("Niort", None, 2018, 4), ("Bressuire", None, 2018, 2)]),

    ("mayor-blog-mulhouse-2014", """Le blog du maire
Mulhouse passe à quatre arobases
7 février 2014
Bonne nouvelle pour notre ville : Mulhouse passe de trois à quatre @ au label Villes
Internet. Merci aux agents et aux bénévoles des espaces publics numériques.
3 commentaires
""", [("Mulhouse", None, 2014, 4)]),

    ("magazine-saint-nazaire-2023", """Saint-Nazaire Magazine — février 2023
EN BREF
Villes Internet : trois @ pour Saint-Nazaire
La ville a obtenu trois @ au label Villes Internet 2023. Seules cinq communes de
Loire-Atlantique atteignent ce niveau ou le dépassent.
""", [("Saint-Nazaire", "44", 2023, 3)]),

    ("roundup-occitanie-2020", """Occitanie : 7 villes distinguées par le label Villes Internet
Publié le 31/01/2020
Lors de la 21e édition du label, Toulouse et Colomiers obtiennent quatre @, tout comme
Castres dans le Tarn. Blagnac et Albi décrochent trois @. En Aveyron et dans le Lot,
Rodez et Figeac reçoivent deux @.
""", [("Toulouse", None, 2020, 4), ("Colomiers", None, 2020, 4), ("Castres", "81", 2020, 4),
      ("Blagnac", None, 2020, 3), ("Albi", None, 2020, 3), ("Rodez", None, 2020, 2),
      ("Figeac", None, 2020, 2)]),

    ("roundup-ile-de-france-2009", """Île-de-France : le palmarès Villes Internet 2009
Par notre correspondant — 28 novembre 2008
La remise des labels a eu lieu jeudi. Issy-les-Moulineaux conserve ses cinq @.
Ivry-sur-Seine et Montreuil (Seine-Saint-Denis) obtiennent quatre @, Fontenay-sous-Bois,
Suresnes et Massy (Essonne) trois @. Grigny, dans l'Essonne également, reçoit deux @.
""", [("Issy-les-Moulineaux", None, 2009, 5), ("Ivry-sur-Seine", None, 2009, 4),
      ("Montreuil", "93", 2009, 4), ("Fontenay-sous-Bois", None, 2009, 3),
      ("Suresnes", None, 2009, 3), ("Massy", "91", 2009, 3), ("Grigny", "91", 2009, 2)]),

    ("town-site-chelles-2016", """Ville de Chelles (Seine-et-Marne)
Chelles décroche sa première arobase
Mis à jour le 10 février 2016
La ville fait son entrée au label Villes Internet 2016 avec une @. Une étape pour le
nouveau portail citoyen, qui permet de réaliser 40 démarches en ligne.
""", [("Chelles", "77", 2016, 1)]),

    ("roundup-alpes-maritimes-2025", """Alpes-Maritimes
Label Villes Internet 2025 : Nice obtient quatre @
Nice-Matin | 06/02/2025
Nice a reçu quatre @ mardi à Paris. Antibes et Cannes en obtiennent trois, Grasse et
Mougins deux. « Une belle reconnaissance », réagit l'adjoint niçois délégué au numérique.
""", [("Nice", None, 2025, 4), ("Antibes", None, 2025, 3), ("Cannes", None, 2025, 3),
      ("Grasse", None, 2025, 2), ("Mougins", None, 2025, 2)]),

    ("epci-lannion-tregor-2021", """Lannion-Trégor Communauté
Actualités
Lannion-Trégor Communauté labellisée quatre @
Publié le 22/01/2021
L'agglomération obtient quatre @ au label Territoires, Villes et Villages Internet 2021,
récompensant son schéma des usages numériques.
""", [("Lannion-Trégor Communauté", None, 2021, 4)]),

    ("roundup-reunion-2018", """La Réunion
Quatre communes réunionnaises labellisées Villes Internet
Publié le 3 février 2018
Saint-Denis obtient quatre @. Saint-Paul et Le Port reçoivent trois @, Saint-Pierre deux @.
C'est la première fois que quatre communes de l'île figurent au palmarès.
""", [("Saint-Denis", "974", 2018, 4), ("Saint-Paul", "974", 2018, 3),
      ("Le Port", "974", 2018, 3), ("Saint-Pierre", "974", 2018, 2)]),

    ("roundup-normandie-2022", """Normandie
Label Villes Internet 2022 : six villes normandes récompensées
Rouen et Le Havre obtiennent quatre @. Évreux et Vernon, dans l'Eure, en décrochent trois.
Fécamp et Dieppe, en Seine-Maritime, reçoivent deux @.
Lire aussi : Le Havre lance son application citoyenne
""", [("Rouen", None, 2022, 4), ("Le Havre", None, 2022, 4), ("Évreux", None, 2022, 3),
      ("Vernon", "27", 2022, 3), ("Fécamp", None, 2022, 2), ("Dieppe", None, 2022, 2)]),

    ("town-site-bayonne-2026", """Bayonne.fr > Actualités
Bayonne obtient trois @
Le 4 février 2026
À l'occasion de la 27e édition du label Villes Internet, Bayonne obtient trois @, après
deux @ obtenues en 2020. La ville avait fait son entrée au label cette année-là.
""", [("Bayonne", None, 2026, 3), ("Bayonne", None, 2020, 2)]),

    ("roundup-pays-de-la-loire-2013", """Nantes, 25 janvier 2013
Villes Internet : les Ligériens en bonne place
Rezé, Saint-Herblain et Angers obtiennent quatre @ cette année. Orvault, La Roche-sur-Yon
et Laval reçoivent trois @, Cholet deux @.
""", [("Rezé", None, 2013, 4), ("Saint-Herblain", None, 2013, 4), ("Angers", None, 2013, 4),
      ("Orvault", None, 2013, 3), ("La Roche-sur-Yon", None, 2013, 3), ("Laval", None, 2013, 3),
      ("Cholet", None, 2013, 2)]),

    ("roundup-moselle-meurthe-2023", """Lorraine
Label Villes Internet 2023 : Metz et Nancy à quatre @
Metz et Nancy obtiennent quatre @. Thionville reçoit trois @ et Forbach deux @.
""", [("Metz", None, 2023, 4), ("Nancy", None, 2023, 4), ("Thionville", None, 2023, 3),
      ("Forbach", None, 2023, 2)]),

    ("magazine-national-2016", """La Gazette | Numérique
Palmarès Villes Internet 2016 : 19 villes à cinq @
Publié le 05/02/2016
Dix-neuf collectivités obtiennent cette année la note maximale de cinq @. Parmi elles,
Issy-les-Moulineaux, Brest, Parthenay, Villeurbanne, Mulhouse et Rennes. Martigues entre
dans le club des quatre @.
""", [("Issy-les-Moulineaux", None, 2016, 5), ("Brest", None, 2016, 5),
      ("Parthenay", None, 2016, 5), ("Villeurbanne", None, 2016, 5), ("Mulhouse", None, 2016, 5),
      ("Rennes", None, 2016, 5), ("Martigues", None, 2016, 4)]),

    ("local-daily-vichy-2011", """VICHY
Trois arobases pour la ville
La Montagne — 29 janvier 2011
Vichy a reçu trois @ lors de la 12e édition du label Villes Internet, à Paris.
""", [("Vichy", None, 2011, 3)]),

    ("roundup-bourgogne-franche-comte-2008", """Palmarès Villes Internet 2008 : la région bien représentée
Publié le 14/12/2007
Dijon et Besançon obtiennent quatre @. Chalon-sur-Saône et Belfort en reçoivent trois,
Beaune deux.
""", [("Dijon", None, 2008, 4), ("Besançon", None, 2008, 4), ("Chalon-sur-Saône", None, 2008, 3),
      ("Belfort", None, 2008, 3), ("Beaune", None, 2008, 2)]),

    # Texts that award nothing.
    ("call-for-applications-2025", """Label Villes Internet 2025 : les candidatures sont ouvertes
Publié le 2 septembre 2024
Les communes et intercommunalités peuvent candidater jusqu'au 15 octobre. Le label
compte cinq niveaux, de une à cinq @. Vitré, qui avait tenté sa chance l'an dernier,
envisage de présenter un nouveau dossier.
""", []),

    ("candidates-ain-2022", """Ain
Neuf communes candidates au label Villes Internet 2022
Bourg-en-Bresse et Oyonnax figurent parmi les neuf communes de l'Ain qui ont déposé un
dossier. Le palmarès sera connu en février.
""", []),

    ("statistics-2020", """Label Villes Internet 2020 : les chiffres
286 collectivités labellisées, dont 18 à cinq @ et 61 à quatre @. Les communes de moins
de 3 500 habitants représentent un tiers des lauréats.
""", []),

    ("ceremony-programme-2024", """Programme de la cérémonie de remise des labels 2024
Mardi 6 février 2024, Paris
14h00 Accueil des délégations
14h30 Table ronde « Inclusion numérique », avec le maire de Rennes
16h00 Remise des labels @
17h30 Cocktail
""", []),

    ("other-label-fleurs-2023", """Annecy conserve ses quatre fleurs
Publié le 10 décembre 2023
Le label Villes et villages fleuris a confirmé les quatre fleurs d'Annecy. Chambéry
garde ses trois fleurs.
""", []),

    ("mention-alone-pau-2019", """Pau reçoit l'arobase verte
Publié le 8 février 2019
Lors de la cérémonie du label Villes Internet 2019, Pau a reçu la mention « arobase
verte » pour son plan de sobriété numérique.
""", []),

    ("mention-democratie-locale-2017", """Échirolles distinguée
Publié le 3 février 2017
Échirolles obtient la mention démocratie locale au label Villes Internet 2017.
""", []),

    ("workshop-limoges-2021", """Atelier Villes Internet à Limoges
Publié le 12 mai 2021
L'association Villes Internet organise le 3 juin à Limoges un atelier sur la médiation
numérique. Les élus de Tulle et de Guéret y témoigneront.
""", []),
]

# Missed after the fixes, each for its reason (strict xfails: they fail the day it is read).
_WHY: dict[str, str] = {
    "magazine-saint-nazaire-2023": "Saint-Nazaire (a homonym) named only in the headline, "
                                   "its département in a later sentence about something else",
    "magazine-national-2016": "'Martigues entre dans le club des quatre @': 'entre dans' "
                              "with the club is no award verb the reader knows",
}

TEXTS = [Text(i, body, tuple((n, e, lv, d) if d else (n, e, lv) for n, d, e, lv in awards),
              _WHY.get(i, ""))
         for i, body, awards in _RAW]


if __name__ == "__main__":
    report(TEXTS)
