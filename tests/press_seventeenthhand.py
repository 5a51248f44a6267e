"""A seventeenth battery of press texts, a REPRESENTATIVE sample, written by a hand that
read neither the rules of ``loaders/press/`` nor the earlier batteries' texts (only the
harness, the first lines of ``press_ninthhand.py`` for the format, the batteries' test
and the brief).

The texts resemble what a user would really feed the loader about the Villes Internet
palmarès, 2002–2026: about two thirds round-ups (a regional daily's or a weekly's list of
its région's or département's laureates, a magazine's palmarès by level, a département
council's page), one third single-town pieces (a town's site, a municipal bulletin, a
local daily's brief), and eight texts awarding nothing (call for applications, statistics,
a ceremony's programme, candidates, a council vote, other labels, a mention alone). Small towns, rural
départements, a few EPCI and homonyms placed by their département as the press places
them. Every sentence is ours; the names are real communes and EPCI of the COG.

``TEXTS``: (id, text, awards) where each award is (name as printed, département as the
text gives it or ``None``, edition, level); texts whose awards are empty award nothing.
``python -m tests.press_seventeenthhand`` prints the score.

Baseline, scored once before any rule was changed for these texts: 103 / 111 right
(92.8%), 0 invented (nothing from the eight texts awarding nothing); 8 missed, from 5 texts:
- lorraine-counts-2018: a count before names in parentheses ("Trois villes lorraines
  reçoivent quatre arobases au label Villes Internet 2018 (Épinal, Saint-Dié-des-Vosges et
  Verdun, dans la Meuse)") gives nothing: Épinal, Saint-Dié-des-Vosges, Verdun (55) missed.
- pontivy-bulletin-2009: past years stated before the current one ("Après deux @ en 2007 et
  en 2008, Pontivy obtient trois @ ... 2009") give only 2009: Pontivy 2007 and 2008 missed.
- haute-garonne-daily-2016: Figeac is placed in the headline's département (31) although its
  sentence says "dans le Lot", so it does not match Figeac (46): missed (not counted invented).
- drome-council-2021: "Crest : 3 @" under the page's "Département de la Drôme" heading
  (and "lauréats drômois") is left without a département, so the homonym Crest (26 / 63) is
  unplaced: missed.
- lot-aveyron-weekly-2014: Gourdon (46) is left unplaced. This one is partly my own text's
  fault: the weekly only says "La Vie quercynoise" and names neighbouring Lot towns, never
  the Lot itself, so the homonym is not placeable by the brief's rule (a number, a heading
  or a name). Truth kept as written (the text is not changed after scoring); without this
  case the baseline is 103 / 110 (93.6%), 0 invented.

After the fixes ("Plus au nord, dans le Lot, Figeac reçoit ..." placed by its sentence;
"Département de la Drôme" heading its list, S8b; "reçoivent quatre arobases au label
Villes Internet 2018 (Épinal, ...)"; "Après deux @ en 2007 et en 2008, Pontivy obtient
trois @"): **110 / 111, 0 invented**; Gourdon is left, a strict xfail in ``_WHY``.
"""

from __future__ import annotations

from tests.press_battery import Text, report


_RAW: list[tuple[str, str, list[tuple[str, str | None, int, int]]]] = [
    ("bretagne-daily-2019", """Accueil > Bretagne > Numérique
Label Villes Internet : la Bretagne toujours bien placée
Sept collectivités bretonnes ont été distinguées mardi à Paris lors de la remise du label
Villes Internet.
Par Gwenaëlle Le Bihan
Publié le 07/02/2019 à 18h12
Lannion conserve ses cinq arobases, le niveau le plus élevé. Dans le Finistère, Plouhinec
obtient trois @, tout comme Loudéac dans les Côtes-d'Armor. Carhaix-Plouguer et Paimpol
reçoivent chacune deux arobases.
Côté intercommunalités, Questembert Communauté décroche trois @ pour sa première
candidature.
« C'est la reconnaissance du travail des agents », souligne l'adjoint au numérique de
Lannion.
Lire aussi : Fibre optique, le déploiement prend du retard dans le Trégor
""", [("Lannion", None, 2019, 5), ("Plouhinec", "29", 2019, 3), ("Loudéac", None, 2019, 3),
      ("Carhaix-Plouguer", None, 2019, 2), ("Paimpol", None, 2019, 2),
      ("Questembert Communauté", None, 2019, 3)]),

    ("haute-garonne-daily-2016", """Haute-Garonne. Cinq communes labellisées Villes Internet
Publié le 04/02/2016 à 07:45 | Mis à jour le 04/02/2016 à 09:10
Le palmarès 2016 du label Villes Internet a été dévoilé hier. En Haute-Garonne,
Ramonville-Saint-Agne confirme ses cinq @, Castanet-Tolosan en obtient quatre et Revel
décroche deux arobases.
Plus au nord, dans le Lot, Figeac reçoit trois @. Millau, dans l'Aveyron, obtient également
trois arobases.
Le label récompense les collectivités qui développent un internet citoyen, accessible à
tous.
""", [("Ramonville-Saint-Agne", None, 2016, 5), ("Castanet-Tolosan", None, 2016, 4),
      ("Revel", "31", 2016, 2), ("Figeac", None, 2016, 3), ("Millau", None, 2016, 3)]),

    ("magazine-palmares-2024", """Palmarès du label Villes Internet 2024 : les lauréats
Publié le 02 février 2024
La 25e édition du label a récompensé cette année plusieurs centaines de collectivités.
Voici une sélection des lauréats par niveau.
5 @
Villeurbanne
Brest
Mérignac (Gironde)
4 @
Lunel
Saint-Dié-des-Vosges
Annonay
3 @
Thouars
Ploërmel
Mende
Retrouvez le palmarès complet sur le site de l'association.
""", [("Villeurbanne", None, 2024, 5), ("Brest", None, 2024, 5), ("Mérignac", "33", 2024, 5),
      ("Lunel", None, 2024, 4), ("Saint-Dié-des-Vosges", None, 2024, 4),
      ("Annonay", None, 2024, 4), ("Thouars", None, 2024, 3), ("Ploërmel", None, 2024, 3),
      ("Mende", None, 2024, 3)]),

    ("limousin-2008", """LIMOUSIN
Internet : cinq villes du Limousin labellisées
Le palmarès 2008 du label Villes Internet a été dévoilé le 6 décembre 2007 à Paris.
Cinq communes de la région y figurent.
En Corrèze, Tulle obtient trois @ et Ussel deux @. En Creuse, Guéret reçoit deux @ et
Aubusson sa première arobase. En Haute-Vienne, Saint-Junien décroche trois @.
""", [("Tulle", None, 2008, 3), ("Ussel", "19", 2008, 2), ("Guéret", None, 2008, 2),
      ("Aubusson", "23", 2008, 1), ("Saint-Junien", None, 2008, 3)]),

    ("alsace-2012", """Région | Alsace
Villes Internet : Sélestat en tête
13 janvier 2012
Le label Villes Internet 2012 a été remis jeudi. Sélestat obtient quatre arobases,
Obernai trois, Haguenau et Guebwiller deux, Wissembourg une.
Photo : l'équipe municipale de Sélestat lors de la remise du label.
""", [("Sélestat", None, 2012, 4), ("Obernai", None, 2012, 3), ("Haguenau", None, 2012, 2),
      ("Guebwiller", None, 2012, 2), ("Wissembourg", None, 2012, 1)]),

    ("drome-council-2021", """Département de la Drôme
Accueil / Actualités / Territoires
Label Villes Internet 2021 : les lauréats drômois
Mis en ligne le 12 février 2021
Plusieurs collectivités drômoises ont été récompensées par le label Villes Internet :
- Crest : 3 @
- Dieulefit : 2 @
- Nyons : 2 @
- Die : 1 @
- Communauté de communes du Diois : 2 @
Le Département accompagne les communes rurales dans leur transition numérique.
""", [("Crest", "26", 2021, 3), ("Dieulefit", None, 2021, 2), ("Nyons", None, 2021, 2),
      ("Die", None, 2021, 1), ("Communauté de communes du Diois", None, 2021, 2)]),

    ("auvergne-2005", """AUVERGNE
Cinq villes auvergnates au palmarès Villes Internet
Clermont-Ferrand, le 3 décembre 2004
Le label Villes Internet 2005 vient d'être attribué. Aurillac obtient quatre @, Issoire et
Riom trois @, Thiers deux @. Murat, dans le Cantal, reçoit une arobase.
""", [("Aurillac", None, 2005, 4), ("Issoire", None, 2005, 3), ("Riom", None, 2005, 3),
      ("Thiers", None, 2005, 2), ("Murat", "15", 2005, 1)]),

    ("pays-de-la-loire-2023", """Pays de la Loire
Label Villes Internet : six collectivités de la région distinguées
Le 9 février 2023
Dans la Sarthe, Sablé-sur-Sarthe reçoit trois arobases et la communauté de communes du
Pays Fléchois deux. En Mayenne, Mayenne Communauté obtient trois @ et Craon deux @.
En Vendée, Challans décroche trois arobases et Fontenay-le-Comte deux.
""", [("Sablé-sur-Sarthe", None, 2023, 3),
      ("communauté de communes du Pays Fléchois", None, 2023, 2),
      ("Mayenne Communauté", None, 2023, 3), ("Craon", "53", 2023, 2),
      ("Challans", None, 2023, 3), ("Fontenay-le-Comte", None, 2023, 2)]),

    ("lot-aveyron-weekly-2014", """La Vie quercynoise — semaine du 6 février 2014
Internet : Figeac monte à quatre arobases
Figeac obtient quatre @ au label Villes Internet 2014. Cahors reçoit trois @. Gourdon
obtient deux arobases, tout comme Decazeville et Villefranche-de-Rouergue dans l'Aveyron
voisin. Espalion décroche sa première @.
Lire aussi : Le marché de Noël a attiré la foule
""", [("Figeac", None, 2014, 4), ("Cahors", None, 2014, 3), ("Gourdon", "46", 2014, 2),
      ("Decazeville", None, 2014, 2), ("Villefranche-de-Rouergue", None, 2014, 2),
      ("Espalion", None, 2014, 1)]),

    ("lorraine-counts-2018", """Grand Est
Villes Internet : la Lorraine et la Haute-Marne au palmarès
Publié le 01/02/2018
Trois villes lorraines reçoivent quatre arobases au label Villes Internet 2018 (Épinal,
Saint-Dié-des-Vosges et Verdun, dans la Meuse). Bar-le-Duc obtient trois @.
En Haute-Marne, Chaumont et Langres décrochent deux @.
""", [("Épinal", None, 2018, 4), ("Saint-Dié-des-Vosges", None, 2018, 4),
      ("Verdun", "55", 2018, 4), ("Bar-le-Duc", None, 2018, 3), ("Chaumont", "52", 2018, 2),
      ("Langres", None, 2018, 2)]),

    ("gironde-2020", """Gironde
Label Villes Internet 2020 : six communes girondines récompensées
Par la rédaction — 31 janvier 2020
Mérignac conserve ses cinq @. Arcachon et Libourne obtiennent trois arobases. Langon reçoit
deux @, Blaye et Lesparre-Médoc une @.
""", [("Mérignac", "33", 2020, 5), ("Arcachon", None, 2020, 3), ("Libourne", None, 2020, 3),
      ("Langon", "33", 2020, 2), ("Blaye", None, 2020, 1), ("Lesparre-Médoc", None, 2020, 1)]),

    ("manche-calvados-2011", """Manche / Calvados
Villes Internet : Saint-Lô obtient quatre arobases
La 12e édition du label Villes Internet a été célébrée mercredi. Dans la Manche, Saint-Lô
obtient quatre @, Coutances trois, Granville et Avranches deux. Dans le Calvados, Bayeux
reçoit deux @ et Falaise une @.
""", [("Saint-Lô", None, 2011, 4), ("Coutances", None, 2011, 3), ("Granville", None, 2011, 2),
      ("Avranches", None, 2011, 2), ("Bayeux", None, 2011, 2), ("Falaise", "14", 2011, 1)]),

    ("alpes-2026", """Hautes-Alpes / Alpes-de-Haute-Provence
Label Villes Internet 2026 : Gap décroche quatre arobases
Publié le 05/02/2026
Gap obtient quatre @. Briançon et Digne-les-Bains reçoivent trois @, Embrun et Sisteron
deux @, et Forcalquier sa première arobase.
""", [("Gap", None, 2026, 4), ("Briançon", None, 2026, 3), ("Digne-les-Bains", None, 2026, 3),
      ("Embrun", None, 2026, 2), ("Sisteron", None, 2026, 2), ("Forcalquier", None, 2026, 1)]),

    ("villages-2002", """Villes et villages Internet : le palmarès 2002
Le 4e palmarès du label Villes Internet consacre aussi les petites communes.
Dans l'Aveyron, Saint-Affrique obtient trois @ et Marcillac-Vallon deux @. Réquista reçoit
une @. En Pyrénées-Orientales, Prades décroche deux @ et Céret une @.
""", [("Saint-Affrique", None, 2002, 3), ("Marcillac-Vallon", None, 2002, 2),
      ("Réquista", None, 2002, 1), ("Prades", "66", 2002, 2), ("Céret", None, 2002, 1)]),

    ("deux-sevres-2022", """Deux-Sèvres
Six collectivités deux-sévriennes labellisées Villes Internet
10 février 2022
Niort conserve ses quatre @. Parthenay passe de trois à quatre @. Bressuire et Thouars
obtiennent trois @, Melle deux @. La communauté de communes du Thouarsais reçoit deux @.
""", [("Niort", None, 2022, 4), ("Parthenay", None, 2022, 4), ("Bressuire", None, 2022, 3),
      ("Thouars", None, 2022, 3), ("Melle", "79", 2022, 2),
      ("communauté de communes du Thouarsais", None, 2022, 2)]),

    ("cantal-haute-loire-2015", """Cantal / Haute-Loire
Villes Internet 2015 : le Puy en tête
Publié le 30/01/2015
Le Puy-en-Velay obtient quatre @, Brioude trois @. Yssingeaux reçoit deux @. Dans le
Cantal, Saint-Flour et Mauriac décrochent deux @.
""", [("Le Puy-en-Velay", None, 2015, 4), ("Brioude", None, 2015, 3),
      ("Yssingeaux", None, 2015, 2), ("Saint-Flour", None, 2015, 2),
      ("Mauriac", "15", 2015, 2)]),

    ("isere-2017", """Isère
Villes Internet : Échirolles et Meylan au sommet
Le 2 février 2017
Échirolles et Meylan obtiennent cinq @ au label Villes Internet 2017. Fontaine reçoit
quatre @, Crolles trois @, Voiron et Vizille deux @.
""", [("Échirolles", None, 2017, 5), ("Meylan", None, 2017, 5), ("Fontaine", "38", 2017, 4),
      ("Crolles", None, 2017, 3), ("Voiron", None, 2017, 2), ("Vizille", None, 2017, 2)]),

    ("marvejols-first-2017", """Ville de Marvejols — Actualités
Marvejols obtient sa première arobase
Publié le 3 février 2017
Pour sa première candidature, Marvejols obtient une arobase au label Villes Internet 2017.
La ville remercie les services et les habitants qui ont participé aux ateliers numériques.
""", [("Marvejols", None, 2017, 1)]),

    ("confolens-bulletin-2013", """Confolens Infos n° 42 — mars 2013
Numérique : la ville passe de deux à trois @
Confolens passe de deux à trois @ au label Villes Internet 2013. Une belle récompense pour
le nouveau site et l'espace public numérique.
""", [("Confolens", None, 2013, 3)]),

    ("vitre-communaute-2025", """Vitré Communauté obtient quatre @
Publié le 06/02/2025
Vitré Communauté obtient quatre @ au label Villes Internet 2025. L'agglomération est
récompensée pour ses services en ligne et son accompagnement des habitants.
""", [("Vitré Communauté", None, 2025, 4)]),

    ("pontivy-bulletin-2009", """Pontivy Mag — janvier 2009
Villes Internet : trois @ pour Pontivy
Après deux @ en 2007 et en 2008, Pontivy obtient trois @ au label Villes Internet 2009.
""", [("Pontivy", None, 2007, 2), ("Pontivy", None, 2008, 2), ("Pontivy", None, 2009, 3)]),

    ("aubenas-brief-2019", """Ardèche | Aubenas
Aubenas labellisée Villes Internet
08/02/2019
La ville d'Aubenas a reçu trois arobases au label Villes Internet 2019.
""", [("Aubenas", None, 2019, 3)]),

    ("sicoval-2020", """Le Sicoval obtient cinq @
Actualité — 6 février 2020
Le Sicoval obtient cinq @ au label Villes Internet 2020, la plus haute distinction.
""", [("Sicoval", None, 2020, 5)]),

    ("villard-de-lans-2007", """Villard-de-Lans — Actualités
Deux @ pour Villard-de-Lans
Lors de la 9e édition du label Villes Internet, Villard-de-Lans a obtenu deux @.
""", [("Villard-de-Lans", None, 2007, 2)]),

    ("oloron-2023", """Oloron-Sainte-Marie
Le label Villes Internet 2023 pour Oloron
Publié le 10/02/2023
Oloron-Sainte-Marie obtient quatre @ au label Villes Internet 2023.
""", [("Oloron-Sainte-Marie", None, 2023, 4)]),

    ("quimperle-history-2026", """Quimperlé — Actualités
Trois @ pour Quimperlé
Publié le 04/02/2026
Quimperlé obtient trois @ au label Villes Internet 2026. La ville avait obtenu une @ en 2018,
puis deux @ en 2021.
""", [("Quimperlé", None, 2026, 3), ("Quimperlé", None, 2018, 1), ("Quimperlé", None, 2021, 2)]),

    ("call-2025", """Label Villes Internet 2025 : les candidatures sont ouvertes
Publié le 15/09/2024
Par la rédaction
Les communes et intercommunalités peuvent candidater jusqu'au 15 novembre. Le dossier, en
ligne, décrit les services numériques proposés aux habitants. Le label compte cinq niveaux,
de une à cinq @, et les résultats seront annoncés lors d'une cérémonie début 2025.
Inscription gratuite pour les communes de moins de 1 000 habitants.
Partager : Facebook | X | LinkedIn | Courriel
""", []),

    ("statistics-2022", """Villes Internet 2022 : 300 collectivités labellisées
Publié le 10/02/2022
Le palmarès 2022 compte plus de 300 collectivités, dont un tiers de communes de moins
de 3 500 habitants. La Bretagne et l'Occitanie sont les régions les plus représentées.
Une trentaine de collectivités atteignent le niveau de cinq @, une centaine en ont trois.
Le nombre d'intercommunalités candidates a doublé en cinq ans.
Lire aussi : Le numérique, priorité des maires ruraux
""", []),

    ("ceremony-programme-2019", """Cérémonie du label Villes Internet 2019
Programme — 5 février 2019
14h00 : accueil des participants
14h30 : table ronde avec des élus d'Annonay, de Lannion et de Lunel
16h00 : remise des labels
""", []),

    ("candidates-2024", """Ambert et Billom candidates au label Villes Internet
Publié le 12/11/2023
Par notre correspondant
Les deux communes du Livradois-Forez, Ambert et Billom, ont déposé leur candidature au label
Villes Internet 2024. Elles présentent notamment leur portail citoyen et les permanences
du conseiller numérique. Les résultats seront connus en février.
""", []),

    ("ville-fleurie-2021", """Apt obtient sa troisième fleur
Vaucluse | Apt
Publié le 20/10/2021
Le jury régional a attribué à Apt une troisième fleur au label Villes et villages fleuris
2021, saluant le fleurissement du centre ancien et la gestion sans pesticides.
""", []),

    ("mention-alone-2023", """Guingamp reçoit la mention démocratie locale
Publié le 09/02/2023
Lors de la cérémonie du label Villes Internet 2023, Guingamp reçoit la mention démocratie
locale pour sa plateforme de budget participatif. La ville ne présentait pas de candidature
au niveau des arobases cette année.
""", []),

    ("council-vote-2018", """Conseil municipal de Gien
Séance du 12 octobre 2017
Compte rendu sommaire
Point 7 — Le conseil municipal, à l'unanimité, approuve la candidature de Gien au label
Villes Internet 2018 et autorise le maire à signer tout document afférent.
Point 8 — Tarifs de la médiathèque : adoptés.
""", []),

    ("excellence-label-2025", """Territoires d'excellence numérique : la Creuse à l'honneur
Publié le 27/03/2025
Le Département de la Creuse reçoit le label Territoire d'excellence numérique pour son
réseau de tiers-lieux. Guéret et Aubusson accueillent les premiers ateliers du programme.
""", []),
]

# Missed at the baseline, each for its reason (strict xfails: they fail the day it is read).
_WHY: dict[str, str] = {
    "lot-aveyron-weekly-2014": "Gourdon (46) is only placed by 'La Vie quercynoise': the text "
                               "never names the Lot (partly the battery's fault)",
}

TEXTS = [Text(i, body, tuple((n, y, lv, d) if d else (n, y, lv) for n, d, y, lv in awards),
              _WHY.get(i, ""))
         for i, body, awards in _RAW]


if __name__ == "__main__":  # python -m tests.press_seventeenthhand: the total and each miss
    report(TEXTS)
