"""A held-out battery for the round-up reader: palmarès texts written by another hand.

``tests/press_forms.py`` was written by the helper who then tuned the rules on it, so its
score says little about texts the rules have never seen. The texts below were written
without reading the rules nor that battery, in the manner of French regional dailies, town
websites and magazines relaying the Villes Internet (from 2017 "Territoires, Villes et
Villages Internet") palmarès from 2005 to 2026: long paragraphs mixing context and
laureates, mayors' quotes, lists by département, tables flattened by the loss of the HTML,
intercommunalités, labels that are not levels, comparisons with earlier years, and texts
that award nothing (calls for applications, statistics, other prizes). The sentences are
ours; the collectivités are real communes and EPCI of the COG, so that the names are those
the reader will meet.

Each ``Text`` lists the awards its text states: the collectivité as printed, the edition
and the level. ``tests/test_press_batteries.py`` scores ``loaders.press.extract`` on them.
The baseline (before any rule was changed for these texts) is kept in bench/RESULTS.md.
"""

from __future__ import annotations

from tests.press_battery import Text, report

NBSP = "\u00a0"


TEXTS = [
    Text("daily-finistere-2016", """\
Publié le 4 février 2016
Label Villes Internet : le Finistère bien représenté
Jeudi, à Paris, l'association Villes Internet a dévoilé son palmarès 2016 devant plusieurs \
centaines d'élus. Brest conserve ses cinq arobases, la note maximale, qu'elle détient depuis \
plusieurs années. Plouzané décroche une quatrième @, tandis que Guipavas et Landerneau \
obtiennent trois arobases. « C'est la reconnaissance d'un travail de fond mené avec les \
associations du quartier », se félicite le maire de Plouzané.
""", (("Brest", 2016, 5), ("Plouzané", 2016, 4), ("Guipavas", 2016, 3),
      ("Landerneau", 2016, 3))),

    Text("bretagne-by-departement-2019", """\
Palmarès 2019 des Villes Internet en Bretagne
Côtes-d'Armor
Lannion @@@@
Plérin @@@
Langueux @@
Ille-et-Vilaine
Cesson-Sévigné @@@@
Bruz @@@
Betton @@@@@
Morbihan
Ploemeur @@@
Hennebont @@
""", (("Lannion", 2019, 4), ("Plérin", 2019, 3), ("Langueux", 2019, 2),
      ("Cesson-Sévigné", 2019, 4), ("Bruz", 2019, 3), ("Betton", 2019, 5),
      ("Ploemeur", 2019, 3), ("Hennebont", 2019, 2))),

    Text("town-site-fougeres-2013", """\
Fougères labellisée Ville Internet
La ville de Fougères a reçu le 31 janvier dernier, lors de la cérémonie nationale organisée \
au Sénat, le label « Ville Internet » avec 4 arobases sur 5. Cette distinction récompense la \
politique menée depuis plusieurs années : espace public numérique, démarches en ligne, \
ateliers pour les seniors.
Actualité publiée le 5 février 2013
""", (("Fougères", 2013, 4),)),

    Text("magazine-gironde-2020", """\
Le label Territoires, Villes et Villages Internet 2020 a été remis le 6 février. En Gironde, \
Saint-Médard-en-Jalles obtient 5 @ et la mention « Coopération », Mérignac décroche @@@@ et \
Pessac en obtient trois.
""", (("Saint-Médard-en-Jalles", 2020, 5), ("Mérignac", 2020, 4, "33"), ("Pessac", 2020, 3))),

    Text("call-for-applications-2022", """\
Les candidatures au label Villes Internet 2022 sont ouvertes jusqu'au 15 octobre. En 2021, \
219 collectivités avaient été labellisées, dont quatorze avec cinq arobases. Les communes de \
moins de 3 500 habitants peuvent désormais candidater gratuitement. Renseignements à la \
mairie de Quimper, service du numérique.
"""),

    Text("statistics-2018", """\
Le palmarès 2018 en chiffres : 242 labellisés, 37 nouveaux venus, 18 territoires à cinq @ et \
61 à quatre. La cérémonie s'est tenue à Martigues, qui accueillait pour la première fois les \
Rencontres nationales. L'Occitanie compte 25 labellisés, la Bretagne 31.
"""),

    Text("territoire-numerique-libre-only", """\
Publié le 12 décembre 2019
Échirolles labellisée Territoire Numérique Libre
La commune d'Échirolles a reçu le label Territoire Numérique Libre, niveau 4, pour son usage \
des logiciels libres dans les écoles et les services municipaux. Fontaine obtient le niveau 3 \
de ce même label.
"""),

    Text("tnl-beside-villes-internet-2020", """\
Date : 2020-02-07
Échirolles, qui a obtenu en décembre le label Territoire Numérique Libre, décroche cette \
année quatre arobases au label Villes Internet 2020. Meylan en obtient trois.
""", (("Échirolles", 2020, 4), ("Meylan", 2020, 3))),

    Text("intercommunalities-2017", """\
Palmarès 2017 : les intercommunalités entrent en force. La communauté d'agglomération \
Lannion-Trégor Communauté obtient quatre @, la communauté de communes de Parthenay-Gâtine \
trois, et Brest Métropole cinq arobases, comme Brest l'année précédente.
""", (("communauté d'agglomération Lannion-Trégor Communauté", 2017, 4),
      ("communauté de communes de Parthenay-Gâtine", 2017, 3),
      ("Brest Métropole", 2017, 5), ("Brest", 2016, 5)),
         why=("'comme Brest l'année précédente': a year relative to the edition, and a "
              "commune compared with its own EPCI; the reader dates no comparison it cannot "
              "read as a year")),

    Text("toulouse-rafle-2015", """\
Toulouse, le 30 janvier 2015
Toulouse rafle une nouvelle fois les cinq arobases du label Villes Internet. Dans \
l'agglomération, Blagnac et Colomiers obtiennent 4 @ chacune ; Tournefeuille se voit \
attribuer trois arobases, contre deux en 2014.
""", (("Toulouse", 2015, 5), ("Blagnac", 2015, 4), ("Colomiers", 2015, 4),
      ("Tournefeuille", 2015, 3), ("Tournefeuille", 2014, 2))),

    Text("gironde-2007-ninth-edition", """\
Sud Ouest, 7 décembre 2007
Hier soir à Bordeaux, lors de la 9e édition du label Ville Internet, Bègles a obtenu quatre \
@. Gradignan et Libourne repartent avec deux arobases. Le maire de Bègles a salué « le \
travail des animateurs multimédia ».
""", (("Bègles", 2007, 4), ("Gradignan", 2007, 2), ("Libourne", 2007, 2))),

    Text("normandie-flattened-table-2021", """\
Label Villes Internet 2021 : les résultats normands
Commune Département Arobases
Saint-Lô Manche 4
Cherbourg-en-Cotentin Manche 3
Lisieux Calvados 3
Hérouville-Saint-Clair Calvados 5
""", (("Saint-Lô", 2021, 4), ("Cherbourg-en-Cotentin", 2021, 3), ("Lisieux", 2021, 3),
      ("Hérouville-Saint-Clair", 2021, 5)),
         why=("a table run together with single spaces ('Saint-Lô Manche 4'): where the name "
              "ends and the département starts cannot be told without the reference (R23 "
              "reads tables whose cells stayed apart)")),

    Text("figeac-troisieme-2014", """\
La Dépêche, 8 février 2014
Figeac décroche une troisième arobase au label Villes Internet 2014. Avec ce nouveau \
niveau, la ville compte désormais parmi les communes les plus connectées du Lot.
""", (("Figeac", 2014, 3),)),

    Text("montauban-quote-2022", """\
Montauban, le 4 février 2022
Montauban est passée de trois à quatre arobases au palmarès des Territoires, Villes et \
Villages Internet. « Nous passons de trois à quatre arobases, c'est une fierté pour toute \
l'équipe », explique l'adjoint chargé du numérique.
""", (("Montauban", 2022, 4),)),

    Text("ramonville-recompensee-2012", """\
La commune de Ramonville-Saint-Agne est récompensée par quatre arobases au palmarès 2012 \
du label Villes Internet, remis le 26 janvier au Sénat.
""", (("Ramonville-Saint-Agne", 2012, 4),)),

    Text("castres-maintient-2018", """\
Publié le 9 février 2018
Castres (Tarn) maintient ses trois @ pour la troisième année consécutive au label Villes \
Internet.
""", (("Castres", 2018, 3, "81"), ("Castres", 2017, 3, "81"),
      ("Castres", 2016, 3, "81"))),

    Text("reunion-saint-denis-2023", """\
Label Territoires, Villes et Villages Internet 2023 : à La Réunion, Saint-Denis obtient \
4 @, Le Port et Saint-Paul trois arobases.
""", (("Saint-Denis", 2023, 4, "974"), ("Le Port", 2023, 3, "974"),
      ("Saint-Paul", 2023, 3, "974"))),

    Text("guadeloupe-heading-2024", """\
Palmarès 2024 Outre-mer
Guadeloupe – Les Abymes (@@@) ; Baie-Mahault (@@)
Martinique – Le Lamentin (@@@@)
""", (("Les Abymes", 2024, 3), ("Baie-Mahault", 2024, 2), ("Le Lamentin", 2024, 4, "972"))),

    Text("nord-run-together-2014", """\
Label Villes Internet 2014
Nord-Pas-de-Calais : Villeneuve-d'Ascq (59) @@@@@Roubaix (59) @@@@Arras (62) @@@Béthune \
(62) @@Calais (62) @
""", (("Villeneuve-d'Ascq", 2014, 5), ("Roubaix", 2014, 4), ("Arras", 2014, 3),
      ("Béthune", 2014, 2), ("Calais", 2014, 1))),

    Text("level-headings-2011", """\
Les lauréats du 12e label Villes Internet
5 arobases
Issy-les-Moulineaux
Parthenay
4 arobases
Voiron
Meylan
3 arobases
Grenoble
""", (("Issy-les-Moulineaux", 2011, 5), ("Parthenay", 2011, 5), ("Voiron", 2011, 4),
      ("Meylan", 2011, 4), ("Grenoble", 2011, 3))),

    Text("count-before-names-2016", """\
Palmarès 2016 : seize villes obtiennent cinq arobases, parmi lesquelles Metz, Brest et \
Issy-les-Moulineaux. Vingt-deux en décrochent quatre.
""", (("Metz", 2016, 5), ("Brest", 2016, 5), ("Issy-les-Moulineaux", 2016, 5))),

    Text("anjou-tout-comme-2013", """\
Angers, le 1er février 2013
Angers obtient quatre @ au label Villes Internet, tout comme Cholet. Saumur en obtient trois.
""", (("Angers", 2013, 4), ("Cholet", 2013, 4), ("Saumur", 2013, 3))),

    Text("plelo-premiere-2022", """\
Label 2022 : le village de Plélo (Côtes-d'Armor) reçoit sa première arobase. « Une belle \
surprise pour une commune de 3 300 habitants », sourit la maire.
""", (("Plélo", 2022, 1),)),

    Text("lunel-passe-2023", """\
Publié le 3 février 2023
Lunel passe de deux à trois @ au label Villes Internet.
""", (("Lunel", 2023, 3),)),

    Text("candidates-only", """\
Label Villes Internet 2025 : trois communes de l'Hérault candidates
Sont candidates cette année Alès, Sète et Béziers. Les résultats seront annoncés le \
6 février à Paris.
"""),

    Text("mention-alone-2016", """\
Hyères reçoit la mention « Démocratie locale » lors de la cérémonie du label Villes \
Internet 2016. Fréjus, elle, est distinguée par l'arobase verte.
"""),

    Text("chambery-sur-5-2009", """\
Chambéry : 4 arobases sur 5 pour la ville au label Villes Internet 2009
""", (("Chambéry", 2009, 4),)),

    Text("annecy-niveau-2019", """\
Le label Territoires, Villes et Villages Internet 2019 de niveau 4 a été attribué à Annecy, \
qui gagne ainsi une arobase.
""", (("Annecy", 2019, 4),)),

    Text("headline-year-drome-2025", """\
Villes Internet 2025 : Valence et Romans-sur-Isère à l'honneur
Valence (26) obtient cinq arobases ; Romans-sur-Isère en décroche quatre.
""", (("Valence", 2025, 5, "26"), ("Romans-sur-Isère", 2025, 4))),

    Text("negation-only-2021", """\
Publié le 5 février 2021
Montélimar n'a pas été labellisée cette année, faute de dossier déposé à temps. La \
municipalité promet de candidater au prochain label Villes Internet.
"""),

    Text("auvergne-paragraph-2012", """\
Clermont-Ferrand, le 27 janvier 2012
La cérémonie du label Villes Internet s'est tenue hier à Paris. Clermont-Ferrand conserve \
ses quatre arobases, Aurillac en gagne une et passe à trois, et Le Puy-en-Velay entre au \
palmarès avec deux @. Vichy{NBSP}: 4{NBSP}@. Montluçon n'a pas candidaté.
""".replace("{NBSP}", NBSP), (("Clermont-Ferrand", 2012, 4), ("Aurillac", 2012, 3),
                              ("Le Puy-en-Velay", 2012, 2), ("Vichy", 2012, 4))),

    Text("dash-list-allier-2015", """\
Label 2015 : l'Allier à l'honneur
- Montluçon (@@@)
- Moulins (@@)
- Yzeure (@@@@)
""", (("Montluçon", 2015, 3), ("Moulins", 2015, 2, "03"), ("Yzeure", 2015, 4)),
         why=("the département is in the headline's sentence ('Label 2015 : l'Allier à "
              "l'honneur'), not a place line nor an opening; Moulins, a homonym, stays "
              "without it (rejected, not invented)")),

    Text("cote-dor-comparison-2020", """\
Publié le 8 février 2020
Côte-d'Or : Dijon gagne une arobase et passe à cinq. Chenôve conserve ses quatre @. \
Beaune, qui avait trois arobases en 2019, en obtient quatre cette année.
""", (("Dijon", 2020, 5), ("Chenôve", 2020, 4), ("Beaune", 2020, 4), ("Beaune", 2019, 3))),

    Text("besancon-22e-edition", """\
Lors de la 22e édition du label Villes Internet, Besançon se voit attribuer cinq arobases, \
Montbéliard quatre.
""", (("Besançon", 2021, 5), ("Montbéliard", 2021, 4))),

    Text("date-line-slash-2006", """\
Publié le 15/12/2006 - 10:12
Le 8e label Ville Internet a été remis mardi. Belfort obtient trois @@@, Dole deux.
""", (("Belfort", 2006, 3), ("Dole", 2006, 2))),

    Text("eure-2024", """\
Publié le 2 février 2024
Dans l'Eure, Vernon et Louviers obtiennent deux @, Évreux trois.
""", (("Vernon", 2024, 2, "27"), ("Louviers", 2024, 2), ("Évreux", 2024, 3))),

    Text("strasbourg-interview-2015", """\
Interview. Le premier adjoint de Strasbourg revient sur la politique numérique de la \
ville, labellisée cinq arobases au palmarès 2015 des Villes Internet. « Le label n'est pas \
une fin en soi, c'est une boussole », dit-il.
""", (("Strasbourg", 2015, 5),),
         why=("the commune is named as the adjoint's ('Le premier adjoint de Strasbourg') and"
              " the award given to 'la ville' in an aside: no reader of 'la ville' across a "
              "person")),

    Text("alsace-sentence-2017", """\
Palmarès 2017 des Territoires, Villes et Villages Internet : Mulhouse, Colmar et Haguenau \
obtiennent quatre arobases, Schiltigheim trois et Illkirch-Graffenstaden deux.
""", (("Mulhouse", 2017, 4), ("Colmar", 2017, 4), ("Haguenau", 2017, 4),
      ("Schiltigheim", 2017, 3), ("Illkirch-Graffenstaden", 2017, 2))),

    Text("somme-parentheses-2024", """\
Les labellisés 2024 de la Somme : Abbeville (3 @), Amiens (4 @) et Albert (2 @).
""", (("Abbeville", 2024, 3), ("Amiens", 2024, 4), ("Albert", 2024, 2))),

    Text("other-prize-only", """\
Publié le 20 novembre 2019
Trophées de l'innovation numérique : le prix spécial du jury est allé à Compiègne pour son \
application de stationnement. Beauvais reçoit le prix du public.
"""),

    Text("champagne-heading-colon-2018", """\
Label Villes Internet 2018 – Grand Est
Quatre arobases : Reims, Troyes, Charleville-Mézières.
Trois arobases : Sedan (08), Chaumont (52).
""", (("Reims", 2018, 4), ("Troyes", 2018, 4), ("Charleville-Mézières", 2018, 4),
      ("Sedan", 2018, 3), ("Chaumont", 2018, 3, "52"))),

    Text("parthenay-retrospective", """\
Publié le 2 février 2012
Parthenay, pionnière : en 2005 la ville obtenait déjà quatre @, et en 2008 elle atteignait \
cinq arobases.
""", (("Parthenay", 2005, 4), ("Parthenay", 2008, 5)),
         why=("'la ville obtenait déjà' in the imperfect, the commune named before a colon: "
              "the past without a subject of its own stays unread")),

    Text("issy-rafle-2010s", """\
Issy-les-Moulineaux rafle encore la mise au label Villes Internet 2014 avec cinq arobases.
""", (("Issy-les-Moulineaux", 2014, 5),)),

    Text("nantes-metropole-2019", """\
Publié le 1er février 2019
Nantes Métropole décroche quatre @ au label Territoires, Villes et Villages Internet ; \
Saint-Herblain et Rezé obtiennent trois arobases.
""", (("Nantes Métropole", 2019, 4), ("Saint-Herblain", 2019, 3), ("Rezé", 2019, 3))),

    Text("corse-2025", """\
Label Villes Internet 2025 : en Corse, Ajaccio (2A) @@@ et Bastia (2B) @@.
""", (("Ajaccio", 2025, 3), ("Bastia", 2025, 2))),

    Text("tours-consecutive-2017", """\
Publié le 3 février 2017
Pour la deuxième année consécutive, Tours obtient quatre arobases. Blois décroche sa \
première @.
""", (("Tours", 2017, 4), ("Tours", 2016, 4), ("Blois", 2017, 1))),

    Text("rename-news-only", """\
Villes Internet change de nom et devient Territoires, Villes et Villages Internet, pour \
accueillir les intercommunalités et les départements. Le délégué général l'a annoncé à \
Issy-les-Moulineaux.
"""),

    Text("ceremony-date-2018", """\
13/02/2018
La cérémonie s'est tenue le 7 février à Paris. Orléans y a reçu quatre arobases, Saran deux.
""", (("Orléans", 2018, 4), ("Saran", 2018, 2))),

    Text("villages-2026", """\
Publié le 5 février 2026
Territoires, Villes et Villages Internet : les petites communes à l'honneur
Le palmarès 2026 fait la part belle aux villages. Dans le Finistère, Plougastel-Daoulas \
obtient trois arobases. Dans le Morbihan, Saint-Avé en décroche quatre, tandis que \
Pontivy, labellisée depuis 2019, conserve ses trois @.
""", (("Plougastel-Daoulas", 2026, 3), ("Saint-Avé", 2026, 4), ("Pontivy", 2026, 3))),

    Text("arobases-by-level-prose-2021", """\
Publié le 4 février 2021
Les cinq arobases vont cette année à Nice et à Antibes ; Cannes et Grasse reçoivent quatre \
arobases.
""", (("Nice", 2021, 5), ("Antibes", 2021, 5), ("Cannes", 2021, 4), ("Grasse", 2021, 4))),

    Text("vaucluse-semicolon-list-2019", """\
Label Villes Internet 2019 — Vaucluse : Avignon, 4 @ ; Orange, 2 @ ; Carpentras, 3 @.
""", (("Avignon", 2019, 4), ("Orange", 2019, 2), ("Carpentras", 2019, 3))),

    Text("quatre-arobases-word-2008", """\
Édition du vendredi 12 décembre 2008
Montpellier a décroché mercredi les quatre arobases du 10e label Ville Internet, et \
Castelnau-le-Lez deux.
""", (("Montpellier", 2008, 4), ("Castelnau-le-Lez", 2008, 2))),

    Text("la-rochelle-quote-2023", """\
La Rochelle, le 10 février 2023
« Cinq arobases, c'est la plus haute distinction », rappelle la maire. En Charente-Maritime, La \
Rochelle a en effet obtenu cinq @ au label 2023, comme Niort dans les Deux-Sèvres.
""", (("La Rochelle", 2023, 5, "17"), ("Niort", 2023, 5))),

    Text("limousin-epci-2024", """\
Label Territoires, Villes et Villages Internet 2024 : Limoges Métropole obtient trois \
arobases, Brive-la-Gaillarde quatre et la communauté d'agglomération Tulle Agglo deux.
""", (("Limoges Métropole", 2024, 3), ("Brive-la-Gaillarde", 2024, 4),
      ("communauté d'agglomération Tulle Agglo", 2024, 2))),

    Text("statistics-with-names-no-award", """\
Publié le 6 février 2025
Le palmarès des Territoires, Villes et Villages Internet compte cette année 230 \
collectivités, dont douze nouvelles. La cérémonie se tenait à Arles ; les Rencontres \
précédentes avaient eu lieu à Aubagne.
"""),

    Text("sarthe-niveau-2022", """\
Publié le 10 février 2022
Le Mans atteint le niveau 4 du label Villes Internet. Laval reste au niveau 3.
""", (("Le Mans", 2022, 4), ("Laval", 2022, 3))),
]


if __name__ == "__main__":  # python -m tests.press_heldout: the total and each miss
    report(TEXTS)
