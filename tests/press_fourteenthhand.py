"""A fourteenth battery of press texts, a REPRESENTATIVE sample of what users would feed
the reader, written by a hand that read neither the rules of ``loaders/press/`` nor the
earlier batteries' texts (only the harness, the first lines of ``press_ninthhand.py`` for
the format, ``tests/test_press_batteries.py`` and the brief).

Round-ups as regional dailies, news sites, magazines and the association publish them
(by région, département or level), single-town pieces (a town's site, a municipal
magazine, a local daily's brief), and texts that award nothing (calls for applications,
candidates, statistics, a ceremony's programme, another label, a mention alone), 2000–2026,
mostly 2000–2013 and the north, the east and overseas. Every sentence is ours; the names
are real communes and EPCI of the COG (homonyms carry their département, which the text
gives).

``TEXTS``: (id, text, awards) where each award is (name as printed, département as the
text gives it or ``None``, edition, level); texts whose awards are empty award nothing.
``python -m tests.press_fourteenthhand`` prints the score.

Baseline, scored once before any rule was changed for these texts (and before reading
the rules or the other batteries): 150 / 171 right (88%), 4 invented, 0 from the 9 texts
awarding nothing; no truth error was found on checking the misses, so this is the only
figure. The inventions: "Saint-Dié" 2026 5 @ from the headline "Saint-Dié décroche cinq @"
(vosges-2026: a short form of Saint-Dié-des-Vosges, whose award is read right too), and
Issy-les-Moulineaux, Parthenay and Brest 2000 at 5 @ where "le plus haut niveau, quatre @"
gives 4 (national-2000-brief; those three are missed at 4 too). The 21 misses by cause:
- a count before a colon's list, "neuf obtiennent le niveau maximal de cinq @ : Brest,
  Issy-les-Moulineaux, ... et Ris-Orangis" (gazette-2007-five-at): 9;
- homonyms of La Réunion not placed by the text's "La Réunion" (Saint-Denis, Le Port,
  Saint-Paul, Saint-Pierre, reunion-2012): 4;
- "le plus haut niveau, quatre @" read as 5 (the three above): 3;
- a list broken by an apposition, "Charleville-Mézières, Épernay et Chaumont, en
  Haute-Marne, obtiennent deux @" (only Chaumont read): 2;
- "Besançon et Belfort obtiennent quatre @ ; Besançon, qui avait trois @ en 2009, ..."
  (Besançon 2011 lost, its 2009 level read): 1;
- Marly not placed by "Dix communes du Nord" in the headline (nord-2012-nordeclair): 1;
- a past year, "Depuis 2005, année où elle avait reçu sa première arobase"
  (luneville-2008-magazine): 1.

After the fixes ("le plus haut niveau, quatre @" keeps its four; "gagne ainsi une
arobase" is a gain; a prose line's colon opens the list on the next line; a short form in
the headline is the long name's, S8e; "six communes de La Réunion" places the text's
names, S8d; "Enfin Marly, ..."; "Depuis 2005, année où elle avait reçu sa première
arobase, Lunéville ..."): **169 / 171 (99%), 0 invented**; the text left is a strict
xfail in ``_WHY``.
"""

from __future__ import annotations

from tests.press_battery import Text, report


_RAW: list[tuple[str, str, list[tuple[str, str | None, int, int]]]] = [
    ("lorraine-2001-roundup", """Accueil > Région > Lorraine

Internet : huit villes lorraines labellisées

Le Républicain lorrain | Publié le 17/03/2001

La troisième édition du label Villes Internet a distingué huit communes de la région.
Metz et Nancy, déjà remarquées l'an passé pour leurs sites et leurs espaces publics
numériques, font partie des villes les mieux notées.

Le palmarès lorrain :
Trois @ : Metz, Nancy.
Deux @ : Vandœuvre-lès-Nancy, Épinal, Thionville.
Une @ : Lunéville, Verdun (Meuse), Toul.

Le label, créé en 1999, récompense les collectivités qui mettent l'internet au service
de leurs habitants.

Lire aussi : Le haut débit arrive dans les vallées vosgiennes
""", [("Metz", None, 2001, 3), ("Nancy", None, 2001, 3),
      ("Vandœuvre-lès-Nancy", None, 2001, 2), ("Épinal", None, 2001, 2),
      ("Thionville", None, 2001, 2), ("Lunéville", None, 2001, 1),
      ("Verdun", "55", 2001, 1), ("Toul", None, 2001, 1)]),

    ("alsace-2003-prose", """ALSACE
Les villes alsaciennes à l'heure du Net

Dernières Nouvelles d'Alsace – 6 février 2003

Remis hier à Paris, le label Villes Internet 2003 fait la part belle à l'Alsace.
Strasbourg obtient quatre @, tandis que Mulhouse et Colmar en reçoivent trois chacune.
Kingersheim, qui a ouvert l'un des premiers cyberespaces de la région, décroche elle
aussi trois @. Schiltigheim et Illkirch-Graffenstaden sont récompensées par deux @, et
Haguenau fait son entrée au palmarès avec une @.

« C'est la reconnaissance d'un travail de fond », se félicite l'adjoint strasbourgeois
chargé des nouvelles technologies.
""", [("Strasbourg", None, 2003, 4), ("Mulhouse", None, 2003, 3),
      ("Colmar", None, 2003, 3), ("Kingersheim", None, 2003, 3),
      ("Schiltigheim", None, 2003, 2), ("Illkirch-Graffenstaden", None, 2003, 2),
      ("Haguenau", None, 2003, 1)]),

    ("npdc-2004-december", """Nord-Pas-de-Calais : la région rafle les arobases

La Voix du Nord | Publié le 08/12/2004

Le palmarès du label Villes Internet 2005 a été dévoilé mardi à Paris. Les communes du
Nord - Pas-de-Calais y figurent en bonne place.

Villeneuve-d'Ascq et Lille obtiennent quatre @. Roubaix, Arras et Dunkerque en
décrochent trois. Wattrelos et Loos-en-Gohelle reçoivent deux @, et Calais une @.

PHOTO : la cyberbase de Loos-en-Gohelle, inaugurée au printemps.
""", [("Villeneuve-d'Ascq", None, 2005, 4), ("Lille", None, 2005, 4),
      ("Roubaix", None, 2005, 3), ("Arras", None, 2005, 3), ("Dunkerque", None, 2005, 3),
      ("Wattrelos", None, 2005, 2), ("Loos-en-Gohelle", None, 2005, 2),
      ("Calais", None, 2005, 1)]),

    ("gazette-2007-five-at", """Numérique
Label Villes Internet : les 5 @ de la 9e édition

Par la rédaction – 15 février 2007

Le palmarès de la neuvième édition du label Villes Internet a été proclamé la semaine
dernière. Sur 230 collectivités labellisées, neuf obtiennent le niveau maximal de cinq @ :
Brest, Issy-les-Moulineaux, Parthenay, Metz, Villeneuve-d'Ascq, Kingersheim, Lille,
Besançon et Ris-Orangis.

Parmi les progressions notables, Mulhouse gagne une arobase et passe à quatre @, comme
Arras. Amiens, labellisée pour la première fois, entre directement avec trois @.
""", [("Brest", None, 2007, 5), ("Issy-les-Moulineaux", None, 2007, 5),
      ("Parthenay", None, 2007, 5), ("Metz", None, 2007, 5),
      ("Villeneuve-d'Ascq", None, 2007, 5), ("Kingersheim", None, 2007, 5),
      ("Lille", None, 2007, 5), ("Besançon", None, 2007, 5), ("Ris-Orangis", None, 2007, 5),
      ("Mulhouse", None, 2007, 4), ("Arras", None, 2007, 4), ("Amiens", None, 2007, 3)]),

    ("picardie-2008", """Courrier picard
Société | Mercredi 6 février 2008

Sept villes picardes labellisées « Villes Internet »

Amiens conforte sa place avec quatre @. Beauvais et Compiègne obtiennent trois @,
Saint-Quentin et Creil deux @. Soissons et Abbeville décrochent leur première arobase.

La cérémonie s'est tenue hier au Sénat, en présence de plus de trois cents élus.

Lire aussi
> Amiens : le wifi gratuit dans les bibliothèques
""", [("Amiens", None, 2008, 4), ("Beauvais", None, 2008, 3), ("Compiègne", None, 2008, 3),
      ("Saint-Quentin", None, 2008, 2), ("Creil", None, 2008, 2),
      ("Soissons", None, 2008, 1), ("Abbeville", None, 2008, 1)]),

    ("champagne-ardenne-2009", """L'Union – Champagne-Ardenne

Label Villes Internet : Reims décroche quatre arobases

Publié le 31 janvier 2009

Pour cette 11e édition du label, Reims obtient quatre @.
Troyes et Châlons-en-Champagne sont récompensées par trois @. Charleville-Mézières,
Épernay et Chaumont, en Haute-Marne, obtiennent deux @, tandis que Sedan et
Saint-Dizier entrent au palmarès avec une @.
""", [("Reims", None, 2009, 4), ("Troyes", None, 2009, 3),
      ("Châlons-en-Champagne", None, 2009, 3), ("Charleville-Mézières", None, 2009, 2),
      ("Épernay", None, 2009, 2), ("Chaumont", "52", 2009, 2),
      ("Sedan", None, 2009, 1), ("Saint-Dizier", None, 2009, 1)]),

    ("franche-comte-2011", """L'Est Républicain
BESANÇON | 4 février 2011

Villes Internet : la Franche-Comté bien notée

Les résultats de la 12e édition du label Villes Internet ont été rendus publics hier.
Besançon et Belfort obtiennent quatre @ ; Besançon, qui avait trois @ en 2009, gagne
ainsi une arobase.

Dans le Doubs, Montbéliard et Audincourt obtiennent trois @, Pontarlier deux @. Dans le
Jura, Dole obtient deux @ et Lons-le-Saunier une @. En Haute-Saône, Vesoul reçoit une @.
""", [("Besançon", None, 2011, 4), ("Besançon", None, 2009, 3), ("Belfort", None, 2011, 4),
      ("Montbéliard", None, 2011, 3), ("Audincourt", None, 2011, 3),
      ("Pontarlier", None, 2011, 2), ("Dole", None, 2011, 2),
      ("Lons-le-Saunier", None, 2011, 1), ("Vesoul", None, 2011, 1)]),

    ("reunion-2012", """Le Quotidien de La Réunion
Actualités > Société

Six communes réunionnaises labellisées Villes Internet

03/02/2012

Le label Villes Internet 2012 distingue six communes de La Réunion. Saint-Denis obtient
trois @, tout comme Le Port. Saint-Paul et Le Tampon décrochent deux @, La Possession
et Saint-Pierre une @.

« Le numérique est un outil de désenclavement », souligne l'élue dionysienne chargée
du dossier.
""", [("Saint-Denis", "974", 2012, 3), ("Le Port", "974", 2012, 3),
      ("Saint-Paul", "974", 2012, 2), ("Le Tampon", None, 2012, 2),
      ("La Possession", None, 2012, 1), ("Saint-Pierre", "974", 2012, 1)]),

    ("antilles-guyane-2013", """France-Antilles
Publié le 07/02/2013

Label Villes Internet : les Antilles et la Guyane à l'honneur

La 14e édition du label Villes Internet a récompensé sept communes des Antilles et de
Guyane.

GUADELOUPE
Les Abymes : 3 @
Baie-Mahault : 2 @

MARTINIQUE
Fort-de-France : 3 @
Le Lamentin : 2 @
Schœlcher : 2 @

GUYANE
Cayenne : 2 @
Rémire-Montjoly : 1 @
""", [("Les Abymes", None, 2013, 3), ("Baie-Mahault", None, 2013, 2),
      ("Fort-de-France", None, 2013, 3), ("Le Lamentin", "972", 2013, 2),
      ("Schœlcher", None, 2013, 2), ("Cayenne", None, 2013, 2),
      ("Rémire-Montjoly", None, 2013, 1)]),

    ("moselle-2014", """MOSELLE
Label Villes Internet 2014 : Metz au sommet

Le Républicain lorrain – 05/02/2014

Metz conserve ses cinq @, le plus haut niveau du label. La Moselle compte cette année
neuf collectivités labellisées :
- Metz : 5 @
- Montigny-lès-Metz : 3 @
- Thionville : 3 @
- Sarreguemines : 3 @
- Metz Métropole : 3 @
- Forbach : 2 @
- Saint-Avold : 2 @
- Marly : 2 @
- Yutz : 1 @

Lire aussi : Fibre optique, où en est le déploiement en Moselle ?
""", [("Metz", None, 2014, 5), ("Montigny-lès-Metz", None, 2014, 3),
      ("Thionville", None, 2014, 3), ("Sarreguemines", None, 2014, 3),
      ("Metz Métropole", None, 2014, 3), ("Forbach", None, 2014, 2),
      ("Saint-Avold", None, 2014, 2), ("Marly", "57", 2014, 2), ("Yutz", None, 2014, 1)]),

    ("hauts-de-france-2016", """Hauts-de-France : 9 collectivités labellisées Villes Internet

La Voix du Nord | 04/02/2016 | Par Julie M.

Le 17e palmarès du label Villes Internet a été remis mercredi. Voici les lauréats de la
région, département par département.

Nord
Lille (4 @), Halluin (3 @), Bailleul (2 @), Wambrechies (2 @).

Pas-de-Calais
Arras (4 @), Loos-en-Gohelle (4 @), Saint-Omer (3 @), communauté urbaine d'Arras (3 @).

Somme
Amiens (4 @).
""", [("Lille", None, 2016, 4), ("Halluin", None, 2016, 3), ("Bailleul", "59", 2016, 2),
      ("Wambrechies", None, 2016, 2), ("Arras", None, 2016, 4),
      ("Loos-en-Gohelle", None, 2016, 4), ("Saint-Omer", "62", 2016, 3),
      ("Communauté urbaine d'Arras", None, 2016, 3), ("Amiens", None, 2016, 4)]),

    ("association-2019-by-level", """Villes Internet
Communiqué de presse – Paris, le 6 février 2019

20e édition du label : le palmarès

Le label national Territoires, Villes et Villages Internet a distingué cette année 252
collectivités. Voici les lauréats des deux niveaux les plus élevés.

@@@@@
Brest, Issy-les-Moulineaux, Metz, Mulhouse, Villeneuve-d'Ascq, Kingersheim,
Eurométropole de Strasbourg

@@@@
Amiens, Belfort, Loos-en-Gohelle, Nancy, Saint-Dié-des-Vosges, Fort-de-France,
Montbéliard, Les Abymes

Le palmarès complet est disponible sur le site de l'association.
Contact presse : 01 xx xx xx xx
""", [("Brest", None, 2019, 5), ("Issy-les-Moulineaux", None, 2019, 5),
      ("Metz", None, 2019, 5), ("Mulhouse", None, 2019, 5),
      ("Villeneuve-d'Ascq", None, 2019, 5), ("Kingersheim", None, 2019, 5),
      ("Eurométropole de Strasbourg", None, 2019, 5),
      ("Amiens", None, 2019, 4), ("Belfort", None, 2019, 4),
      ("Loos-en-Gohelle", None, 2019, 4), ("Nancy", None, 2019, 4),
      ("Saint-Dié-des-Vosges", None, 2019, 4), ("Fort-de-France", None, 2019, 4),
      ("Montbéliard", None, 2019, 4), ("Les Abymes", None, 2019, 4)]),

    ("haut-rhin-2006", """L'Alsace | Haut-Rhin
Mercredi 1er février 2006

Huit communes du Haut-Rhin « Villes Internet »

Mulhouse et Kingersheim obtiennent quatre @ à la 8e édition du label. Colmar reçoit
trois @. Wittenheim, Illzach et Saint-Louis décrochent deux @. Rixheim et Guebwiller
obtiennent leur première arobase.

Légende photo : l'espace multimédia de Wittenheim, ouvert à tous le samedi matin.
""", [("Mulhouse", None, 2006, 4), ("Kingersheim", None, 2006, 4), ("Colmar", None, 2006, 3),
      ("Wittenheim", None, 2006, 2), ("Illzach", None, 2006, 2), ("Saint-Louis", "68", 2006, 2),
      ("Rixheim", None, 2006, 1), ("Guebwiller", None, 2006, 1)]),

    ("grand-est-2022", """France 3 Grand Est
Publié le 10/02/2022 à 18h12

Label Villes Internet 2022 : quelles villes du Grand Est sont récompensées ?

Cinq collectivités de la région se distinguent. Saint-Dié-des-Vosges, Nancy et
Strasbourg obtiennent quatre @. Reims et Épinal décrochent trois @.

Le label récompense chaque année les politiques numériques locales.
""", [("Saint-Dié-des-Vosges", None, 2022, 4), ("Nancy", None, 2022, 4),
      ("Strasbourg", None, 2022, 4), ("Reims", None, 2022, 3), ("Épinal", None, 2022, 3)]),

    ("nord-2002-brief", """EN BREF
Lille métropole et Flandres – 23 avril 2002

Tourcoing : deux @ au label Villes Internet

Tourcoing a reçu deux @ lors de la quatrième édition du label Villes Internet.
Armentières obtient également deux @, Hazebrouck et Marcq-en-Barœul une @.
""", [("Tourcoing", None, 2002, 2), ("Armentières", None, 2002, 2),
      ("Hazebrouck", None, 2002, 1), ("Marcq-en-Barœul", None, 2002, 1)]),

    ("normandie-2004", """Ouest-France – Normandie
Caen, mardi 10 février 2004

Six villes normandes primées pour leur site internet

Le label Villes Internet, dont c'était la sixième édition, a récompensé six communes
normandes. Caen et Rouen obtiennent trois @. Le Havre et Évreux en reçoivent deux.
Lisieux et Alençon, nouvelles venues, en obtiennent une.
""", [("Caen", None, 2004, 3), ("Rouen", None, 2004, 3), ("Le Havre", None, 2004, 2),
      ("Évreux", None, 2004, 2), ("Lisieux", None, 2004, 1), ("Alençon", None, 2004, 1)]),

    ("vosges-2026", """Vosges Matin
6 février 2026

Villes Internet : Saint-Dié décroche cinq @

Pour la 27e édition du label, Saint-Dié-des-Vosges obtient cinq @, le niveau maximal.
Épinal conserve ses quatre @. La communauté d'agglomération de Saint-Dié-des-Vosges
reçoit trois @, Gérardmer deux @ et Remiremont une @.
""", [("Saint-Dié-des-Vosges", None, 2026, 5), ("Épinal", None, 2026, 4),
      ("Communauté d'agglomération de Saint-Dié-des-Vosges", None, 2026, 3),
      ("Gérardmer", None, 2026, 2), ("Remiremont", None, 2026, 1)]),

    ("nord-2012-nordeclair", """Nord Éclair
Vendredi 3 février 2012

Dix communes du Nord labellisées Villes Internet

Villeneuve-d'Ascq reste la seule commune du département à cinq @. Lille et Roubaix
obtiennent quatre @, Tourcoing et Wattrelos trois @. Halluin et Seclin reçoivent deux @.
Enfin Marly, Fourmies et Anzin font leur entrée au palmarès avec une @.

À lire aussi
Roubaix ouvre un fablab à la Condition publique
""", [("Villeneuve-d'Ascq", None, 2012, 5), ("Lille", None, 2012, 4),
      ("Roubaix", None, 2012, 4), ("Tourcoing", None, 2012, 3), ("Wattrelos", None, 2012, 3),
      ("Halluin", None, 2012, 2), ("Seclin", None, 2012, 2), ("Marly", "59", 2012, 1),
      ("Fourmies", None, 2012, 1), ("Anzin", None, 2012, 1)]),

    ("national-2000-brief", """Actualités | 22/03/2000

Villes Internet 2000 : le palmarès est connu

Le label Villes Internet 2000, qui en est à sa deuxième année, a été remis hier à
l'Assemblée nationale. Issy-les-Moulineaux, Parthenay et Brest reçoivent le plus haut
niveau, quatre @. Metz, Besançon et Villeneuve-d'Ascq obtiennent trois @.
Au total, une centaine de communes ont été labellisées.
""", [("Issy-les-Moulineaux", None, 2000, 4), ("Parthenay", None, 2000, 4),
      ("Brest", None, 2000, 4), ("Metz", None, 2000, 3), ("Besançon", None, 2000, 3),
      ("Villeneuve-d'Ascq", None, 2000, 3)]),

    ("luneville-2008-magazine", """LUNÉVILLE MAG – n° 48 – mars 2008

Vie de la cité

Deux @ pour Lunéville

Notre ville conserve ses deux @ au label Villes Internet 2008. Depuis 2005, année où
elle avait reçu sa première arobase, Lunéville n'a cessé d'étoffer ses services en
ligne : inscriptions scolaires, demandes d'actes d'état civil, paiement de la cantine.

Le label a été remis le 6 février à l'adjoint chargé du numérique.
""", [("Lunéville", None, 2008, 2), ("Lunéville", None, 2005, 1)]),

    ("loos-2013-townsite", """Ville de Loos-en-Gohelle
Accueil > Actualités

Label Villes Internet 2013 : quatre @ pour Loos-en-Gohelle !

Publié le 12 février 2013

La ville a obtenu quatre @ au label Villes Internet. Une belle récompense pour le
travail mené avec les habitants autour de la démocratie participative et de la
transition écologique.

Partager : Facebook | Twitter | Imprimer
""", [("Loos-en-Gohelle", None, 2013, 4)]),

    ("dole-2005-local", """Le Progrès – Jura
Dole, le 4 février 2005

Dole décroche sa deuxième arobase

La ville de Dole a obtenu mercredi une deuxième arobase au label Villes Internet 2005.
Le jury a salué la refonte du site municipal et l'ouverture d'un point d'accès public à
la médiathèque.
""", [("Dole", None, 2005, 2)]),

    ("mamoudzou-2021", """Mayotte la 1ère
Publié le 05/02/2021

Mamoudzou labellisée Ville Internet, une première pour Mayotte

La commune de Mamoudzou obtient une @ au label Villes Internet 2021. C'est la première
fois qu'une collectivité mahoraise est distinguée par l'association.
""", [("Mamoudzou", None, 2021, 1)]),

    ("cherbourg-2018", """La Presse de la Manche
Cherbourg-en-Cotentin | 3 février 2018

Numérique : Cherbourg-en-Cotentin passe de trois à quatre @

La commune nouvelle a été récompensée jeudi à Paris au label Villes Internet 2018. Elle
passe de trois à quatre @ grâce notamment à ses démarches en ligne.
""", [("Cherbourg-en-Cotentin", None, 2018, 4)]),

    ("saint-omer-2011-townsite", """Saint-Omer – Site officiel de la ville
Actualités | 08/02/2011

Trois @ pour Saint-Omer

Lors de la 12e édition du label Villes Internet, notre ville a obtenu trois @. Merci aux
services et aux associations audomaroises qui ont fait vivre nos outils numériques.

Ville de Saint-Omer (Pas-de-Calais) – Place Victor-Hugo – Mentions légales
""", [("Saint-Omer", "62", 2011, 3)]),

    ("cambrai-agglo-2012", """Agglomération
Publié le 09/02/2012

La communauté d'agglomération de Cambrai labellisée

La communauté d'agglomération de Cambrai obtient deux @ au label Villes Internet 2012,
qui s'ouvre désormais aux intercommunalités.
""", [("Communauté d'agglomération de Cambrai", None, 2012, 2)]),

    ("grande-synthe-2009", """Le Phare dunkerquois – 11/02/2009

Grande-Synthe confirme ses trois @

Label Villes Internet 2009 : Grande-Synthe obtient trois @ pour la deuxième année de
suite. La ville avait obtenu deux @ en 2007 et trois en 2008.
""", [("Grande-Synthe", None, 2009, 3), ("Grande-Synthe", None, 2007, 2),
      ("Grande-Synthe", None, 2008, 3)]),

    ("selestat-2000", """Dernières Nouvelles d'Alsace
Sélestat – 25 mars 2000

Sélestat parmi les Villes Internet

Sélestat a reçu deux @ au label Villes Internet 2000. La ville rejoint ainsi Strasbourg et
Mulhouse parmi les communes alsaciennes labellisées.
""", [("Sélestat", None, 2000, 2)]),

    ("meuse-2005", """L'Est Républicain – Meuse
Bar-le-Duc, le 3 février 2005

Deux villes meusiennes labellisées

Dans la Meuse, Bar-le-Duc obtient deux @ à la 7e édition du label Villes Internet.
Verdun reçoit une @ pour sa première participation.
""", [("Bar-le-Duc", None, 2005, 2), ("Verdun", "55", 2005, 1)]),

    ("guyane-2024", """Guyane la 1ère
Publié le 08/02/2024 à 07h45

Trois communes guyanaises labellisées Villes Internet

Cayenne obtient trois @ au label Villes Internet 2024. Matoury décroche deux @ et
Saint-Laurent-du-Maroni une @, une première pour l'Ouest guyanais.

Lire aussi : Le très haut débit progresse sur le littoral
""", [("Cayenne", None, 2024, 3), ("Matoury", None, 2024, 2),
      ("Saint-Laurent-du-Maroni", None, 2024, 1)]),

    ("aisne-2013", """L'Union – Aisne
Publié le 06/02/2013

Label Villes Internet : trois villes de l'Aisne distinguées

Laon obtient deux @. Château-Thierry et Chauny reçoivent chacune une @ au label
Villes Internet 2013.
""", [("Laon", None, 2013, 2), ("Château-Thierry", None, 2013, 1), ("Chauny", None, 2013, 1)]),

    ("haguenau-2024", """DNA – Haguenau
Publié le 09/02/2024

Haguenau et son agglomération récompensées

La ville de Haguenau obtient quatre @ au label Villes Internet 2024 et la communauté
d'agglomération de Haguenau trois @. Les deux collectivités mutualisent depuis 2019
leur service numérique.
""", [("Haguenau", None, 2024, 4), ("Communauté d'agglomération de Haguenau", None, 2024, 3)]),

    # --- texts that award nothing ---
    ("call-moselle-2008", """Le Républicain lorrain
Metz | 12 septembre 2008

Label Villes Internet : les candidatures sont ouvertes

Les communes mosellanes ont jusqu'au 31 octobre pour déposer leur dossier de candidature
au label Villes Internet 2009. Le questionnaire, disponible en ligne, porte sur les
services offerts aux habitants, l'accès public à l'internet et la démocratie locale.
Le palmarès sera dévoilé début 2009. Renseignements auprès de l'association.
""", []),

    ("candidates-ardennes-2012", """L'Ardennais
Publié le 14/11/2011

Quatre communes ardennaises candidates au label Villes Internet

Sedan, Rethel, Givet et Revin ont déposé un dossier pour le label Villes Internet 2012.
Le jury rendra son verdict fin janvier ; les communes peuvent obtenir de une à cinq
arobases.
""", []),

    ("stats-2006", """Le label Villes Internet en chiffres

Publié le 20 février 2006

Cette année, 214 collectivités ont été labellisées, dont 22 à cinq @ et 41 à quatre @.
La Lorraine compte douze communes labellisées, l'Alsace quatorze. Près de la moitié
des lauréats comptent moins de 10 000 habitants. Le nombre de candidatures a progressé
de 15 % par rapport à 2005.
""", []),

    ("ceremony-programme-2011", """12e édition du label Villes Internet
Cérémonie de remise des labels – jeudi 3 février 2011

Programme
9 h 30 : accueil des participants
10 h : ouverture par le président de l'association
10 h 30 : table ronde « Le numérique au service du lien social », avec des élus de
Brest, Metz et Villeneuve-d'Ascq
12 h : déjeuner
14 h 30 : remise des labels et des mentions
17 h : clôture

Inscription obligatoire avant le 28 janvier.
""", []),

    ("colmar-fleurs-2009", """L'Alsace | Colmar
Publié le 18/10/2009

Colmar conserve ses quatre fleurs

Le jury régional des Villes et Villages fleuris a confirmé les quatre fleurs de Colmar.
La ville avait été distinguée au début de l'année par le label Villes Internet pour son
site consacré au patrimoine.
""", []),

    ("dunkerque-mention-2013", """Actualités – Communauté urbaine de Dunkerque
07/02/2013

Une mention « démocratie locale » pour la Communauté urbaine de Dunkerque

La Communauté urbaine de Dunkerque a reçu jeudi la mention spéciale « démocratie locale »
du label Villes Internet 2013, qui salue sa plateforme de concertation en ligne.
""", []),

    ("luneville-council-2010", """Lunéville
Conseil municipal du 27 septembre 2010

Numérique : la ville se porte candidate

Le conseil municipal a approuvé à l'unanimité la candidature de la ville à la
12e édition du label Villes Internet. Le dossier sera déposé avant le 15 octobre.
""", []),

    ("jury-npdc-2009", """La Voix du Nord | 15/01/2009

Villes Internet : le jury a délibéré

Le jury du label Villes Internet s'est réuni cette semaine pour examiner les 280 dossiers
de la 11e édition, dont dix-neuf venus du Nord - Pas-de-Calais. Les résultats seront
annoncés le 29 janvier lors d'une cérémonie au Sénat.
""", []),

    ("mulhouse-meeting-2012", """Rencontre régionale Villes Internet à Mulhouse

L'Alsace | 22 mai 2012

Une soixantaine d'élus et d'agents du Grand Est se sont retrouvés hier à Mulhouse pour
la rencontre régionale de l'association Villes Internet. Au programme : l'accessibilité
des sites publics, l'open data et la médiation numérique dans les quartiers.
""", []),
]

_WHY: dict[str, str] = {
    "champagne-ardenne-2009": "'Charleville-Mézières, Épernay et Chaumont, en Haute-Marne, "
                              "obtiennent deux @': the place after the last name is read for "
                              "the whole list (as 'dans l'Eure' is), so the two others are "
                              "placed in Haute-Marne and lost (not invented)",
}

TEXTS = [Text(i, body, tuple((n, y, lv, d) if d else (n, y, lv) for n, d, y, lv in awards),
              _WHY.get(i, ""))
         for i, body, awards in _RAW]


if __name__ == "__main__":  # python -m tests.press_fourteenthhand: the total and each miss
    report(TEXTS)
