"""A seventh battery of press texts, written by a hand that read neither the rules of
``loaders/press/`` nor the six earlier batteries' texts (only issue 25, the README's press
section and the shared harness).

Forms the earlier hands wrote little of: old editions (2000–2009, "label Ville Internet",
"@@@@", editions numbered "7e édition"), overseas collectivités (Guadeloupe, Martinique,
Guyane, La Réunion, Mayotte, Saint-Pierre-et-Miquelon), levels written in words only ("trois
arobases", "la note maximale", "cinq @ sur cinq"), tables flattened into text (columns cut
by tabs or runs of spaces), lists by région with the EPCI first, one town quoted for
several years, English or bilingual pages, typographic noise (non-breaking and thin
spaces, soft hyphens, "&nbsp;" and "&#64;" left in, "(a)" for "@", smart quotes), level
changes ("passe de 3 à 4 @", "conserve", "perd une arobase"), council minutes, a municipal
bulletin, an agency dispatch, an interview. Eight texts award nothing (a call for
applications, statistics, a candidate list, a mention alone, the "@" of an e-mail address,
another label's "fleurs", a hoped-for arobase before the results, a jury). Every sentence is
ours; every name is a real commune or EPCI of the COG, homonyms placed by the text.

``TEXTS``: ``Text`` records (``tests.press_battery``): awards are (name as printed,
edition, level) with the département's code fourth when the text gives it.
``python -m tests.press_seventhhand`` prints the score.

Baseline, scored once before any rule was changed for these texts: 50 / 70 right (71%),
1 invented (Grigny placed outside the Essonne its title names), 0 awards from the eight
texts awarding nothing; 9 texts missed something. After T1b–T1e (HTML entities, soft
hyphens, "(a)" for "@", a table flattened with runs of spaces, marks between plain or
smart quotes, "cinq @ sur cinq"), R6 ("Isère (38) : ...") and R23 (the line above a
table's header as its place): 64 / 70 (91%), 0 invented; the 3 texts left are strict
xfails (``why``): an idiom for the award verb, two editions in one undated sentence, an
English page.
"""

from __future__ import annotations

from tests.press_battery import Text, report

NBSP, NNBSP, SHY = "\u00a0", "\u202f", "\u00ad"

TEXTS: list[Text] = [
    Text("old-regional-brief-2003", """Trégor – Mercredi 12 mars 2003
Internet. Le label Ville Internet a été remis hier aux communes lauréates. Lannion
décroche @@@ et Morlaix obtient @@. Les deux villes étaient candidates pour la première fois.
""", (("Lannion", 2003, 3), ("Morlaix", 2003, 2))),

    Text("numbered-edition-2005", """Les Deux-Sèvres à l'honneur
La 7e édition du label « Ville Internet » s'est tenue au Sénat. Parthenay, pionnière de
l'internet citoyen, conserve ses quatre arobases.
""", (("Parthenay", 2005, 4),)),

    Text("old-list-by-level-2006", """Palmarès 2006 du label Ville Internet
@@@@ Castelnau-le-Lez
@@@ Pontivy, Vannes
@@ Lorient
""", (("Castelnau-le-Lez", 2006, 4), ("Pontivy", 2006, 3), ("Vannes", 2006, 3),
      ("Lorient", 2006, 2))),

    Text("one-town-several-years", """Brest, vingt ans de label
Labellisée dès 2001, Brest a gravi les marches une à une : @@@ en 2001, @@@@ en 2004,
puis @@@@@ en 2009. La ville n'a plus quitté le sommet depuis.
""", (("Brest", 2001, 3), ("Brest", 2004, 4), ("Brest", 2009, 5)),
         why="'a gravi les marches' is no award verb (an idiom): the list of levels each with "
             "its year after the colon is read only after one ('Brest a obtenu @@@ en 2001, "
             "@@@@ en 2004')"),

    Text("two-years-one-sentence", """Limoges progresse
En 2009, Limoges avait obtenu trois @ au label Villes Internet ; au palmarès 2013, la
ville en décroche quatre.
""", (("Limoges", 2009, 3), ("Limoges", 2013, 4)),
         why="two editions in one sentence and none in the title: the sentence's year is "
             "unsure, and its clauses (cut at ';') are not dated apart; written as two "
             "sentences under a dated title it is read"),

    Text("tab-table-2007", "Label Ville Internet – palmarès 2007\n"
         "Commune\tDép.\tNiveau\n"
         "Le Havre\t76\t@@@@\n"
         "Saint-Étienne-du-Rouvray\t76\t@@@\n"
         "Les Mureaux\t78\t@@\n",
         (("Le Havre", 2007, 4, "76"), ("Saint-Étienne-du-Rouvray", 2007, 3, "76"),
          ("Les Mureaux", 2007, 2, "78"))),

    Text("spaces-table-2012", """Villes Internet 2012 : les lauréats de l'Essonne
Collectivité          Arobases
Ris-Orangis           @@@
Grigny                @@
""", (("Ris-Orangis", 2012, 3), ("Grigny", 2012, 2, "91"))),

    Text("words-only-note-maximale", """Label Villes Internet 2016
Issy-les-Moulineaux obtient une nouvelle fois la note maximale : cinq arobases.
Sceaux, elle, reçoit trois arobases et Antony deux arobases.
""", (("Issy-les-Moulineaux", 2016, 5), ("Sceaux", 2016, 3), ("Antony", 2016, 2))),

    Text("cinq-sur-cinq", """Publié le 6 février 2020
Villes Internet : cinq @ sur cinq pour Antibes, qui rejoint le cercle des villes les
mieux notées. Cannes obtient quatre @ sur cinq.
""", (("Antibes", 2020, 5), ("Cannes", 2020, 4))),

    Text("guadeloupe-2016", """Label Villes Internet 2016 – Outre-mer
Guadeloupe – Les Abymes (@@@), Baie-Mahault (@@), Le Gosier (@)
""", (("Les Abymes", 2016, 3), ("Baie-Mahault", 2016, 2), ("Le Gosier", 2016, 1))),

    Text("reunion-homonyms", """Publié le 3 février 2017
La Réunion brille au label Villes Internet. À La Réunion, Le Tampon obtient trois
arobases et Saint-Paul deux ; Saint-Denis décroche sa première arobase.
""", (("Le Tampon", 2017, 3, "974"), ("Saint-Paul", 2017, 2, "974"),
      ("Saint-Denis", 2017, 1, "974"))),

    Text("martinique-homonym", """Palmarès 2019 des Villes Internet
Martinique : Fort-de-France @@@@, Schœlcher @@@, Le Lamentin @@.
""", (("Fort-de-France", 2019, 4, "972"), ("Schœlcher", 2019, 3, "972"),
      ("Le Lamentin", 2019, 2, "972"))),

    Text("guyane-epci", """Label Villes Internet 2021 : la Guyane représentée
La communauté d'agglomération du Centre Littoral obtient deux @, tout comme Cayenne.
Rémire-Montjoly reçoit une arobase.
""", (("Communauté d'agglomération du Centre Littoral", 2021, 2), ("Cayenne", 2021, 2),
      ("Rémire-Montjoly", 2021, 1))),

    Text("mayotte-first", """Mamoudzou, 28 janvier 2021 – La commune de Mamoudzou
décroche sa première arobase au label Villes Internet. Une première pour Mayotte.
""", (("Mamoudzou", 2021, 1),)),

    Text("english-page", """Le Havre – Digital city
The city of Le Havre has been awarded the "Villes Internet" label with 4 @ in the 2018
edition, rewarding its open data portal and its digital schools.
""", (("Le Havre", 2018, 4),),
         why="English: 'has been awarded' is no award verb the reader knows; English verbs "
             "were tried and read 'The' (of 'The city of') as a laureate, so they were "
             "left out rather than risk inventions"),

    Text("bilingual-page", """Label Villes Internet 2022 / Villes Internet label 2022
Biarritz obtient trois arobases. / Biarritz was awarded three @.
""", (("Biarritz", 2022, 3),)),

    Text("nbsp-entities", "Label Villes Internet 2015&nbsp;: "
         "Saint-Étienne-du-Rou" + SHY + "vray obtient 4" + NBSP + "@, "
         "Les" + NBSP + "Mureaux &laquo;&#64;&#64;&#64;&raquo; et Alfortville" + NNBSP
         + ": 2&nbsp;@.\n",
         (("Saint-Étienne-du-Rouvray", 2015, 4), ("Les Mureaux", 2015, 3),
          ("Alfortville", 2015, 2))),

    Text("a-in-parentheses", """Palmarès Villes Internet 2014 (texte brut)
Fontenay-sous-Bois (a)(a)(a)(a)
Alfortville (a)(a)
""", (("Fontenay-sous-Bois", 2014, 4), ("Alfortville", 2014, 2))),

    Text("arobases-spelt-out", """Label Villes Internet 2023
Pontarlier : 2 arobases ; Dole : 3 arobases ; Lons-le-Saunier : 1 arobase.
""", (("Pontarlier", 2023, 2), ("Dole", 2023, 3), ("Lons-le-Saunier", 2023, 1))),

    Text("smart-quotes", """Publié le 2 février 2024
“Villes Internet” : Montbéliard obtient ‘@@@’ et Audincourt ‘@@’.
""", (("Montbéliard", 2024, 3), ("Audincourt", 2024, 2))),

    Text("level-changes", """Label Villes Internet 2018 : la Gironde bouge
Pessac passe de 3 à 4 @. Talence conserve ses trois @. Mérignac (33) perd une arobase
et redescend à deux @.
""", (("Pessac", 2018, 4), ("Talence", 2018, 3), ("Mérignac", 2018, 2, "33"))),

    Text("region-epci-first", """Palmarès 2022 – Nouvelle-Aquitaine
Communauté d'agglomération du Pays Basque @@@@
Anglet @@@
Bayonne @@@
Biarritz @@
""", (("Communauté d'agglomération du Pays Basque", 2022, 4), ("Anglet", 2022, 3),
      ("Bayonne", 2022, 3), ("Biarritz", 2022, 2))),

    Text("departements-mixed-epci", """Villes Internet 2019 : le palmarès en Auvergne-Rhône-Alpes
Isère (38) : Grenoble-Alpes-Métropole @@@@, Échirolles @@@@, Meylan @@@, Voiron @@.
Drôme (26) : Crest @@@, Die @.
""", (("Grenoble-Alpes-Métropole", 2019, 4), ("Échirolles", 2019, 4, "38"),
      ("Meylan", 2019, 3, "38"), ("Voiron", 2019, 2, "38"), ("Crest", 2019, 3, "26"),
      ("Die", 2019, 1, "26"))),

    Text("council-minutes-2012", """Extrait du registre des délibérations
Séance du 20 février 2012
Point 7 – Communication. Le conseil municipal prend acte de l'attribution à la commune de
Ris-Orangis du label Villes Internet avec trois arobases pour l'année 2012.
Point 8 – Subventions aux associations sportives : adopté.
""", (("Ris-Orangis", 2012, 3),)),

    Text("agency-dispatch-2011", """PARIS, 2 février 2011 (Agence) – La 12e édition du label
Villes Internet a récompensé mercredi 220 collectivités. Cinq @ pour Issy-les-Moulineaux
et Parthenay ; quatre @ pour Villeneuve-d'Ascq et Hérouville-Saint-Clair.
""", (("Issy-les-Moulineaux", 2011, 5), ("Parthenay", 2011, 5),
      ("Villeneuve-d'Ascq", 2011, 4), ("Hérouville-Saint-Clair", 2011, 4))),

    Text("mayor-interview", """Publié le 5 février 2014
« Nous sommes fiers de ces quatre arobases », confie le maire. Hérouville-Saint-Clair
obtient en effet quatre @ au label Villes Internet.
""", (("Hérouville-Saint-Clair", 2014, 4),)),

    Text("ceremony-date-only", """Article du 2 février 2018
La cérémonie de remise des labels Villes Internet s'est tenue le 30 janvier. Aubagne y
reçoit trois arobases, La Ciotat deux.
""", (("Aubagne", 2018, 3), ("La Ciotat", 2018, 2))),

    Text("homonyms-by-departement-name", """Label Villes Internet 2020
Montreuil (Seine-Saint-Denis) obtient @@@@ ; Grigny (Essonne) obtient @@@.
""", (("Montreuil", 2020, 4, "93"), ("Grigny", 2020, 3, "91"))),

    # Texts that award nothing.
    Text("nothing-call-for-applications", """Label Villes Internet 2025 : à vos candidatures
Les inscriptions sont ouvertes jusqu'au 15 octobre. Toutes les communes, de Quimper à
Plougastel-Daoulas, peuvent candidater pour obtenir de 1 à 5 @.
""", ()),

    Text("nothing-statistics", """Villes Internet en chiffres
En 2019, 312 collectivités ont été labellisées, dont 24 avec cinq @ et 60 avec quatre @.
La Bretagne compte 41 villes labellisées, l'Occitanie 28.
""", ()),

    Text("nothing-candidates", """Label Ville Internet 2008 : les candidates lorraines
Belfort, Épinal, Nancy et Metz ont déposé leur dossier. Le jury dira en janvier combien
d'arobases chacune obtiendra.
""", ()),

    Text("nothing-mention-alone", """Villes Internet 2017
Thionville reçoit la mention « démocratie locale » du jury.
""", ()),

    Text("nothing-email-at", """Tulle Infos – janvier 2015
Pour joindre la mairie d'Ussel ou de Tulle, écrivez à contact@tulle.example : le signe
@ se lit « arobase ». Trois @ dans une adresse ne sont pas permis.
""", ()),

    Text("nothing-fleurs", """Villes et villages fleuris 2019
Annecy conserve ses quatre fleurs ; Chambéry obtient trois fleurs.
""", ()),

    Text("nothing-hope", """Label Villes Internet : les résultats seront dévoilés le 4 février.
Aix-les-Bains espère décrocher une troisième arobase cette année.
""", ()),

    Text("nothing-jury", """Label Villes Internet 2013 : le jury réuni à Grenoble
Le jury, présidé par une élue de Voiron, a examiné 250 dossiers. Les résultats seront
publiés en février.
""", ()),
]


if __name__ == "__main__":
    report(TEXTS)
