"""An eleventh battery of press texts: town sites, municipal magazines and local papers,
written by a hand that read neither the rules of ``loaders/press/`` nor the earlier
batteries' texts (only the harness, the first lines of ``press_ninthhand.py`` for the
format, ``tests/test_press_batteries.py`` and the brief).

How a town or an intercommunality speaks of its own label, and how local dailies write it
up, 2004–2026: "notre ville", "nous avons obtenu", the town named only in the page's title,
its site name or its signature; variant spellings ("arobas", "arrobases", "@robases",
"arobace", "@ @ @", "4@", "4 @ sur 5", "4e arobase", "une @ de plus"); "conserve",
"maintient", "confirme", "renouvelle", "décroche", "se voit attribuer", "est labellisée",
"rejoint le cercle des villes 5 @"; a level restated across years in one text; neighbours
and rivals compared; EPCI speaking of themselves; and texts awarding nothing (a candidacy,
"nous visons la 4e @", a jury visit, a workshop, a town that lost its label without its new
level, an agenda item, a mention alone, statistics, a verdict still to come). Every
sentence is ours; the names are real communes and EPCI of the COG (homonyms carry their
département, which the text gives).

``TEXTS``: (id, text, awards) where each award is (name as printed, département as the
text gives it or ``None``, edition, level); texts whose awards are empty award nothing.
``python -m tests.press_eleventhhand`` prints the score.

Baseline, scored once before any rule was changed for these texts: 48 / 75 right (64%),
2 invented, 0 from the 9 texts awarding nothing. The inventions: "Lannionnais" (2016, 4),
the demonym of the magazine's greeting "chers Lannionnais" read as a laureate beside
Lannion; and the commune Brest (2026, 5) read from "Brest métropole confirme ses cinq @"
(the metropole missed). The 27 misses, by cause:
- 9 homonyms found without their département although the text gives it in a heading or a
  parenthesis ("Vitré (Ille-et-Vilaine)", "Drôme", "Chaumont (Haute-Marne)", "Rochefort
  (Charente-Maritime)", "Montreuil (Seine-Saint-Denis)" with Saint-Denis, "Pas-de-Calais"
  for Saint-Omer, "Verdun (Meuse)", "GIRONDE" for Mérignac);
- 4 earlier levels restated in a sentence: Lannion "trois @ en 2013 et en 2014, puis une
  quatrième l'an passé" (3), Mauges Communauté "ses trois @, obtenues pour la première
  fois en 2020";
- 4 Pessac, a "year : n @" list on a page titled "Ville de Pessac", nothing read;
- 2 a town named only in its site name or signature: Compiègne ("compiegne.fr", its level
  as "@ @ @ @"), Figeac ("Mairie de Figeac" in the footer, "Nous avons obtenu deux @");
- 3 ordinals: Tournefeuille "sa 4e arobase", Riom "une troisième arobace" and "sa première
  en 2006" (nothing read in either text);
- 2 verbs in a round-up sentence: Sète "rejoint le cercle très fermé des villes 5 @ ...
  obtient la plus haute distinction", Lunel "et que Lunel se voit attribuer deux @";
- 1 Muret 2018 "une @ de plus ... en compte désormais trois" (2017's two @ were read);
- 1 Saint-Dié-des-Vosges "confirme les quatre @ obtenues en 2019": read for 2019 only, the
  2021 label (the article's) missed;
- 1 Brest métropole (above).
No truth was corrected after scoring: every miss and invention was checked against its
text and the truth stands.

After the fixes (S8: a homonym placed once in the text, or under a département's heading
or dateline; S9: a town's own history, one edition a line; a vocative is no laureate; "Brest
métropole" one EPCI; "et que X"; "rejoint le cercle des villes 5 @"; "en compte désormais";
"confirme les quatre @ obtenues en 2019"; "arobace"; a by-line's date with its times):
**68 / 75 (91%), 0 invented**; the 5 texts left are strict xfails in ``_WHY``.
"""

from __future__ import annotations

from tests.press_battery import Text, report


_RAW: list[tuple[str, str, list[tuple[str, str | None, int, int]]]] = [
    ("title-only-notre-ville", """Ville de Plérin - Actualités
Accueil > Vie municipale > Actualités
Label Villes Internet : notre ville obtient 3 @
Publié le 04/02/2019
Bonne nouvelle pour les Plérinais ! Notre ville a obtenu trois arobases au label
Territoires, Villes Internet 2019. Le jury a salué la refonte du site, le portail famille
et les ateliers numériques proposés à la médiathèque.
« C'est la reconnaissance du travail de nos agents », souligne l'adjoint au numérique.
Partager : Facebook | Twitter | Imprimer
""", [("Plérin", None, 2019, 3)]),

    ("magazine-edito-robases", """LANNION MAG
N° 58 - Février 2016
ÉDITO
Chères Lannionnaises, chers Lannionnais,
Lannion conserve ses quatre @robases ! Après trois @ en 2013 et en 2014, puis une
quatrième l'an passé, notre ville confirme sa place parmi les collectivités les plus
engagées dans un numérique citoyen. Ce label récompense l'ensemble des services.
Le maire
""", [("Lannion", None, 2016, 4), ("Lannion", None, 2013, 3), ("Lannion", None, 2014, 3),
      ("Lannion", None, 2015, 4)]),

    ("daily-cotes-darmor-roundup", """Côtes-d'Armor
Villes Internet : cinq communes du département distinguées
Saint-Brieuc - Publié le 03 février 2018 à 18h12
Le palmarès 2018 du label Villes Internet a été dévoilé jeudi à Paris. Dans les
Côtes-d'Armor, Lannion décroche le niveau maximal de cinq arobases. Saint-Brieuc obtient
quatre arobases, tout comme Lamballe-Armor. Dinan et Paimpol reçoivent chacune deux
arobases.
Lire aussi : Fibre optique, où en est le déploiement dans le Trégor ?
""", [("Lannion", None, 2018, 5), ("Saint-Brieuc", None, 2018, 4),
      ("Lamballe-Armor", None, 2018, 4), ("Dinan", None, 2018, 2), ("Paimpol", None, 2018, 2)]),

    ("arrobases-homonym-vitre", """Vitré (Ille-et-Vilaine). Trois arrobases pour la ville
Le Journal de Vitré | 10 février 2022
La ville de Vitré décroche trois arrobases au label Villes Internet 2022. Elle n'en
comptait que deux lors de sa première candidature. Les élus visent désormais la
quatrième.
""", [("Vitré", "35", 2022, 3)]),

    ("quatre-sur-cinq", """La Dépêche - Haute-Garonne - Colomiers
Numérique. Colomiers obtient 4 @ sur 5
Publié le 28/01/2021
La commune obtient 4 @ sur 5 au label Villes Internet 2021, attribué cette année à
distance en raison de la crise sanitaire.
""", [("Colomiers", None, 2021, 4)]),

    ("quatrieme-arobase", """Tournefeuille décroche sa 4e arobase
Publié le 01/02/2023 à 07:45, mis à jour à 09:10
La ville de Tournefeuille a reçu jeudi, à Paris, sa 4e arobase au label Villes Internet.
Une distinction qui salue notamment l'ouverture des données municipales.
""", [("Tournefeuille", None, 2023, 4)]),

    ("une-de-plus", """MURET
Label Villes Internet : une @ de plus !
La Dépêche du Midi, 7 février 2018
Muret, qui avait décroché 2 @ en 2017, en compte désormais trois. La ville gagne ainsi
une @ de plus au palmarès 2018 grâce à ses démarches en ligne.
""", [("Muret", None, 2017, 2), ("Muret", None, 2018, 3)]),

    ("cercle-des-cinq", """Sète rejoint le cercle des villes 5 @
Midi Libre - Sète - 31 janvier 2020
Sète rejoint le cercle très fermé des villes 5 @. Au palmarès 2020 du label Villes
Internet, la ville obtient la plus haute distinction, quand Agde conserve ses trois @
et que Lunel se voit attribuer deux @.
""", [("Sète", None, 2020, 5), ("Agde", None, 2020, 3), ("Lunel", None, 2020, 2)]),

    ("epci-self-lorient", """Lorient Agglomération
Accueil > Actualités > Numérique
Notre agglomération labellisée « Territoire Internet »
Publié le 12 février 2024
Pour sa première candidature, Lorient Agglomération obtient trois @ au label
Territoires, Villes Internet 2024. Notre collectivité est récompensée pour son guichet
unique en ligne et son réseau de conseillers numériques.
""", [("Lorient Agglomération", None, 2024, 3)]),

    ("epci-notre-cc", """Communauté de communes Val d'Ille-Aubigné
Le mag' intercommunal - n° 21 - mars 2019
NUMÉRIQUE
La Communauté de communes Val d'Ille-Aubigné se voit attribuer deux @ au label Villes
Internet 2019. Notre communauté de communes est l'une des rares intercommunalités
d'Ille-et-Vilaine à être labellisée.
""", [("Communauté de communes Val d'Ille-Aubigné", None, 2019, 2)]),

    ("epci-renews-first-time", """Mauges Communauté renouvelle ses 3 @
Courrier de l'Ouest - Beaupréau-en-Mauges - 5 février 2022
Mauges Communauté renouvelle ses trois @, obtenues pour la première fois en 2020,
au label Villes Internet 2022.
""", [("Mauges Communauté", None, 2022, 3), ("Mauges Communauté", None, 2020, 3)]),

    ("homonym-valence-drome", """Drôme
Valence et Romans bien notées par Villes Internet
Le Dauphiné libéré, 6 février 2015
Valence obtient quatre arobases au label Villes Internet 2015, sa voisine
Romans-sur-Isère en obtient trois.
""", [("Valence", "26", 2015, 4), ("Romans-sur-Isère", None, 2015, 3)]),

    ("homonym-chaumont-confirme", """Chaumont (Haute-Marne)
Le Journal de la Haute-Marne - Édition du 3 février 2017
Chaumont confirme ses deux @
La préfecture de la Haute-Marne confirme ses deux @ au label Villes Internet 2017.
Le service informatique mise déjà sur une troisième pour l'an prochain.
""", [("Chaumont", "52", 2017, 2)]),

    ("december-ceremony-2005", """La Montagne - Issoire - 10 décembre 2004
Issoire se voit attribuer trois @
Le label Ville Internet 2005 a été remis jeudi, à Paris, lors de la 7e édition des
rencontres. Issoire se voit attribuer trois @ pour son espace public numérique.
""", [("Issoire", None, 2005, 3)]),

    ("arobace-riom", """RIOM
Une troisième arobace pour la ville
La Montagne, 14 mars 2008
Riom décroche une troisième arobace au label Ville Internet 2008. La commune avait
obtenu sa première en 2006.
""", [("Riom", None, 2008, 3), ("Riom", None, 2006, 1)]),

    ("at-icons-sidebar", """compiegne.fr
Accueil | Ma ville | Démarches | Agenda | Contact
Nos labels
Ville fleurie : 3 fleurs
Villes Internet 2021 : @ @ @ @
Ville amie des enfants (UNICEF)
Station verte
""", [("Compiègne", None, 2021, 4)]),

    ("first-arobase-uzes", """Uzès
Notre ville obtient sa première arobase
Publié le 6 février 2025
Uzès obtient sa première arobase au label Territoires, Villes Internet 2025. Une
belle récompense pour une commune de 8 000 habitants.
""", [("Uzès", None, 2025, 1)]),

    ("passe-de-deux-a-trois", """Alès
Villes Internet : la ville passe de deux à trois @
Midi Libre, 1er février 2014
Alès passe de deux à trois @ au label Villes Internet. La ville mise sur la
e-administration.
""", [("Alès", None, 2014, 3)]),

    ("aude-roundup-levels", """AUDE. Le palmarès Villes Internet 2016
L'Indépendant - 4 février 2016
Quatre @ : Narbonne.
Trois @ : Carcassonne.
Deux @ : Limoux.
Une @ : Castelnaudary.
""", [("Narbonne", None, 2016, 4), ("Carcassonne", None, 2016, 3),
      ("Limoux", None, 2016, 2), ("Castelnaudary", None, 2016, 1)]),

    ("rochefort-city-and-epci", """Rochefort (Charente-Maritime)
Sud Ouest - 29 janvier 2021
Rochefort maintient ses 4 @, l'agglo fait son entrée
Rochefort maintient ses quatre @ au label Villes Internet 2021. La Communauté
d'agglomération Rochefort Océan obtient pour sa part deux @.
""", [("Rochefort", "17", 2021, 4),
      ("Communauté d'agglomération Rochefort Océan", None, 2021, 2)]),

    ("est-labellisee-saintes", """Saintes est labellisée Ville Internet
Sud Ouest, 2 février 2023
Saintes est labellisée trois @ au palmarès 2023 du label Villes Internet. Sa voisine
Cognac obtient deux @, la CA Royan Atlantique en obtient trois.
""", [("Saintes", None, 2023, 3), ("Cognac", None, 2023, 2),
      ("CA Royan Atlantique", None, 2023, 3)]),

    ("history-list-pessac", """Ville de Pessac
Pessac, ville numérique
Notre label Villes Internet
2015 : 2 @
2017 : 3 @
2019 : 4 @
2024 : 5 @
Depuis 2015, Pessac est labellisée chaque année qu'elle candidate.
""", [("Pessac", None, 2015, 2), ("Pessac", None, 2017, 3), ("Pessac", None, 2019, 4),
      ("Pessac", None, 2024, 5)]),

    ("signature-only-figeac", """Actualités
Nous avons obtenu deux @ !
Publié le 10/02/2022
Nous avons obtenu deux arobases au label Villes Internet 2022. Merci à tous les
services qui ont préparé le dossier de candidature.
Mairie de Figeac - Place Vival - 46100 Figeac - Tél. 05 65 50 05 40
Mentions légales | Plan du site | Accessibilité
""", [("Figeac", None, 2022, 2)]),

    ("rivals-lorient-vannes", """Morbihan
Lorient devance Vannes au label Villes Internet
Le Télégramme - 21 janvier 2012
Lors de la 13e édition du label Villes Internet, Lorient obtient quatre @, devant
Vannes qui décroche trois @. Hennebont se voit attribuer deux @.
""", [("Lorient", None, 2012, 4), ("Vannes", None, 2012, 3), ("Hennebont", None, 2012, 2)]),

    ("thouars-and-cc", """Deux-Sèvres
Thouars et le Thouarsais labellisés
Le Courrier de l'Ouest, 8 février 2019
Thouars obtient trois @ au label Villes Internet 2019 et la CC du Thouarsais en
obtient deux.
""", [("Thouars", None, 2019, 3), ("CC du Thouarsais", None, 2019, 2)]),

    ("brest-metropole-cinq", """Brest métropole
Brest métropole confirme ses 5 @
Le Télégramme - Brest - 5 février 2026
Brest métropole confirme ses cinq @ au label Villes Internet 2026.
""", [("Brest métropole", None, 2026, 5)]),

    ("homonym-montreuil-93", """Montreuil (Seine-Saint-Denis)
Le Parisien - 93 - 9 février 2024
Montreuil décroche 4@ au label 2024
La ville de Montreuil décroche 4@ au label Villes Internet. Saint-Denis en obtient
trois.
""", [("Montreuil", "93", 2024, 4), ("Saint-Denis", "93", 2024, 3)]),

    ("homonym-saint-omer-62", """Pas-de-Calais
La Voix du Nord - Saint-Omer - 3 février 2017
Saint-Omer conserve ses trois arobases
Saint-Omer conserve ses trois arobases au label Villes Internet 2017. Arras en
obtient quatre.
""", [("Saint-Omer", "62", 2017, 3), ("Arras", None, 2017, 4)]),

    ("homonym-verdun-arobas", """Verdun (Meuse)
L'Est Républicain, 30 janvier 2013
Verdun : deux arobas au label
La ville obtient deux arobas au label Villes Internet 2013.
""", [("Verdun", "55", 2013, 2)]),

    ("gironde-roundup-numbers", """GIRONDE. Villes Internet : les lauréats du département
Sud Ouest - 6 février 2025
Quatre villes reçoivent quatre arobases (Talence, Mérignac, Libourne, Arcachon).
Lormont obtient trois arobases.
""", [("Talence", None, 2025, 4), ("Mérignac", "33", 2025, 4), ("Libourne", None, 2025, 4),
      ("Arcachon", None, 2025, 4), ("Lormont", None, 2025, 3)]),

    ("quimperle-town-and-epci", """Quimperlé
Ouest-France - 2 février 2022
Quimperlé Communauté et Quimperlé labellisées
Quimperlé obtient trois @ au label Villes Internet 2022. Quimperlé Communauté obtient,
elle, deux @.
""", [("Quimperlé", None, 2022, 3), ("Quimperlé Communauté", None, 2022, 2)]),

    ("restated-roundup-ariege", """Ariège
Foix et Pamiers labellisées
La Dépêche, 4 février 2020
Foix renouvelle ses deux @, qu'elle avait déjà obtenues en 2019. Pamiers obtient une @.
""", [("Foix", None, 2020, 2), ("Foix", None, 2019, 2), ("Pamiers", None, 2020, 1)]),

    ("odd-spacing-morbihan", """Centre-Bretagne
Villes Internet : Pontivy et Auray récompensées
Le Télégramme - 26 janvier 2024
Pontivy décroche 3 @ , Auray obtient 2@. Pontivy Communauté, qui candidatait pour la
première fois, se voit attribuer  une  @ au label 2024.
""", [("Pontivy", None, 2024, 3), ("Auray", None, 2024, 2),
      ("Pontivy Communauté", None, 2024, 1)]),

    ("vosges-restated", """VOSGES
Villes Internet : trois communes vosgiennes au palmarès 2021
Vosges Matin, 29 janvier 2021
Saint-Dié-des-Vosges confirme les quatre @ obtenues en 2019. Remiremont décroche deux
arobases et Épinal rejoint le label avec une @.
""", [("Saint-Dié-des-Vosges", None, 2021, 4), ("Saint-Dié-des-Vosges", None, 2019, 4),
      ("Remiremont", None, 2021, 2), ("Épinal", None, 2021, 1)]),

    ("eleventh-edition-2009", """Aveyron - Lozère
Midi Libre - 9 janvier 2009
Millau et Mende distinguées par Villes Internet
Lors de la 11e édition du label Ville Internet, Millau a obtenu trois @ et Mende
deux @.
""", [("Millau", None, 2009, 3), ("Mende", None, 2009, 2)]),

    # Texts that award nothing.
    ("candidacy-laval", """Ville de Laval
Notre ville candidate au label Villes Internet 2025
Publié le 14/10/2024
Laval a déposé sa candidature au label Territoires, Villes Internet 2025. Le palmarès
sera connu en février.
""", []),

    ("aim-fourth-cholet", """Cholet
« Nous visons la 4e @ »
Le Courrier de l'Ouest - 12 novembre 2023
« Nous visons la 4e @ », annonce l'adjoint au numérique de Cholet, qui prépare le dossier
de candidature au label Villes Internet 2024.
""", []),

    ("jury-visit-saumur", """Saumur
Le jury Villes Internet en visite
Publié le 15/11/2019
Le jury du label Villes Internet a visité jeudi l'espace numérique de Saumur. Le palmarès
2020 sera dévoilé en janvier.
""", []),

    ("workshop-bressuire", """Agenda
Atelier : candidater au label Villes Internet
Mardi 5 mars 2024, 14 h, salle du conseil, Bressuire
Un atelier pour les élus et les agents : comment préparer un dossier de candidature au label
Villes Internet, de une à cinq @ ? Inscription : numerique@ville-bressuire.fr
""", []),

    ("lost-label-soissons", """Soissons
Soissons perd ses arobases
L'Union, 5 février 2016
Soissons ne figure plus au palmarès 2016 du label Villes Internet. La ville n'a pas
renouvelé sa candidature.
""", []),

    ("agenda-council-epernay", """Conseil municipal d'Épernay - séance du 18 septembre 2019
Ordre du jour
1. Budget supplémentaire
2. Adhésion à l'association Villes Internet
3. Candidature de la ville au label Villes Internet 2020
4. Questions diverses
""", []),

    ("mention-alone-arras", """Arras
Une mention pour la ville
La Voix du Nord - 2 février 2018
Au label Villes Internet 2018, Arras reçoit la mention « démocratie locale ».
""", []),

    ("statistics-2023", """Label Villes Internet 2023 : les chiffres
Publié le 30 janvier 2023
298 collectivités sont labellisées cette année, dont 27 avec cinq @ et 61 avec quatre @.
""", []),

    ("verdict-to-come-bergerac", """Bergerac
Verdict le 6 février
Sud Ouest, 20 janvier 2022
Bergerac saura le 6 février si elle obtient une troisième @ au label Villes Internet 2022.
""", []),
]

# Missed after the fixes, each for its reason (strict xfails: they fail the day it is read).
_WHY: dict[str, str] = {
    "magazine-edito-robases": "'Après trois @ en 2013 et en 2014, puis une quatrième l'an "
                              "passé, notre ville confirme ...': earlier levels in an opening "
                              "phrase with no subject of their own (2016 is read)",
    "arobace-riom": "'La commune avait obtenu sa première en 2006': the past with 'la "
                    "commune' and a rank without its noun (2008 is read)",
    "at-icons-sidebar": "the town named only in the site's address ('compiegne.fr') above a "
                        "sidebar of labels: no name the reader can give the level",
    "signature-only-figeac": "'Nous avons obtenu deux @', the town named only in the page's "
                             "footer ('Mairie de Figeac - Place Vival'): 'nous' is left unread",
    "homonym-montreuil-93": "Saint-Denis, a homonym, placed only by the paper's edition "
                            "('Le Parisien - 93 -') and the heading of another town",
}

TEXTS = [Text(i, body, tuple((n, y, lv, d) if d else (n, y, lv) for n, d, y, lv in awards),
              _WHY.get(i, ""))
         for i, body, awards in _RAW]


if __name__ == "__main__":  # python -m tests.press_eleventhhand: the total and each miss
    report(TEXTS)
