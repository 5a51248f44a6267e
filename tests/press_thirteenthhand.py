"""A thirteenth battery of press texts: the regional daily's narrative round-up, written
by a hand that read neither the rules of ``loaders/press/`` nor the earlier batteries'
texts (only the harness, the first lines of ``press_ninthhand.py`` for the format, the
batteries' test and the brief).

Regional dailies and news sites writing the palmarès as prose, 2005–2026: several
laureates a sentence with varied verbs ("décrochent", "se voient décerner", "raflent",
"sont distinguées", "complètent le tableau", "ferment la marche"), ranks and changes
("grimpe à quatre @", "perd une arobase", "garde ses trois"), earlier years in asides,
"respectivement", relative clauses, elected officials' quotes, editions given by number
("la 18e édition") or by the ceremony's date only (one ceremony held in December for the
next year's label), headlines and standfirsts restating the body, photo captions, "Lire
aussi" links, ads and cookie banners. Twelve texts award nothing: calls for applications,
a ceremony's programme, candidates, a mention alone, a town that did not apply, a
"Territoire d'excellence numérique", statistics without names. Every sentence is ours;
the names are real communes and EPCI of the COG (homonyms carry their département, which
the text gives).

``TEXTS``: (id, text, awards) where each award is (name as printed, département as the
text gives it or ``None``, edition, level); texts whose awards are empty award nothing.
``python -m tests.press_thirteenthhand`` prints the score.

Baseline, scored once before any rule was changed for these texts: 67 / 102 right (66%),
5 invented. One of the five was our truth error: the text prints "La communauté urbaine du
Grand Poitiers" and the truth had "Grand Poitiers" (not the name as printed); corrected,
the baseline is 68 / 102 right (67%), 4 invented, 0 from the 11 texts awarding nothing.
Inventions: "Photo" with four @ (a caption, "Photo : les élus paimpolais avec le panneau
aux quatre arobases"); "Lannion-Trégor" cut before "Communauté" and given Loudéac's two @
of the sentence before (the text: "garde ses trois @"); "Lauréate" read as a name ("Lauréate
du label Villes Internet 2016 avec trois arobases, Angoulême ..."); "communauté
d'agglomération du Pays" cut before a lower-case "basque".
Misses (34), by cause: names in the headline and levels "respectivement" in the body (Vitré,
Betton, Bruz); "qui en avait quatre l'an passé (label 2021), perd une arobase et redescend à
trois" (Cesson-Sévigné twice); a December ceremony naming "label 2014" (Lorient, Hennebont,
Ploemeur, Auray: the 2013 aside was read); a by-line "LYON, 18 mars 2005 -" as the only
date (4); "grimpe / grimpent à quatre @" (Châtellerault, Échirolles, Meylan) and "grimpe à
cinq\u00a0@" (Anglet); "Lauréate ... avec trois arobases, Angoulême fait jeu égal avec
Cognac, qui en obtient autant" (2); asides of earlier years, "qui en avait deux en 2020" and
a "Lire aussi : En 2017, Bergerac décrochait sa troisième arobase" (2); "Bordeaux /
Métropole" wrapped across a line; "Montélimar comme Romans-sur-Isère en décrochent trois"
(2); Moulins, a homonym placed by the section heading "La Montagne - Allier"; a town's
history before its name, "Trois @ en 2018, quatre en 2020, et désormais cinq :
Oloron-Sainte-Marie ..." (3); under "Label Villes Internet 2023" as a standfirst line,
"n'en garde que trois cette année", "grimpe de deux à trois @", "décroche trois arobases",
"sa première" (Cahors, Figeac, Auch, Condom: only Cahors's "quatre arobases en 2022" read);
"garde ses trois @" of an EPCI cut short (Lannion-Trégor Communauté); the communauté
d'agglomération du Pays basque, cut short (the invention above).

After the fixes (captions skipped; an EPCI's kind cut from its name by the line's end;
"Lauréate" no name; "Pays basque"; "grimpe à"; "n'en garde que trois"; "qui affichait";
asides holding brackets; a dateline closed by a dash; "Dans le Gers voisin,"; a sentence's
two readings compared on the sentence as printed, so an aside's year no longer dates its
neighbours): **88 / 102 (86%), 0 invented**; the 6 texts left are strict xfails in ``_WHY``.
"""

from __future__ import annotations

from tests.press_battery import Text, report

_RAW: list[tuple[str, str, list[tuple[str, str | None, int, int]]]] = [
    ("tregor-goelo-2019", """Accueil > Côtes-d'Armor > Lannion
Label Villes Internet : le Trégor et le Goëlo à l'honneur
Lannion et Paimpol décrochent quatre arobases, Ploufragan progresse.
Publié le 07/02/2019 à 18h42 | Par Gwenaëlle Le Bihan

Belle moisson costarmoricaine au palmarès 2019 du label Villes Internet, dévoilé ce jeudi
à Paris. Lannion et Paimpol décrochent chacune quatre arobases, tandis que Ploufragan se
voit décerner trois @. Loudéac complète le tableau avec deux arobases. Lannion-Trégor
Communauté, de son côté, garde ses trois @.
« C'est la reconnaissance d'un travail d'équipe », savoure l'adjointe au numérique de
Paimpol.
Photo : les élus paimpolais avec le panneau aux quatre arobases. © Le Télégramme
Lire aussi : Villes Internet, comment le jury note les dossiers
""", [("Lannion", None, 2019, 4), ("Paimpol", None, 2019, 4), ("Ploufragan", None, 2019, 3),
      ("Loudéac", None, 2019, 2), ("Lannion-Trégor Communauté", None, 2019, 3)]),

    ("ille-et-vilaine-respectivement-2022", """Ille-et-Vilaine
Vitré, Betton et Bruz en tête du label Villes Internet 2022
Nous utilisons des cookies pour améliorer votre expérience. Accepter | Paramétrer

Les trois communes brétiliennes obtiennent respectivement cinq, quatre et trois
arobases au label Villes Internet 2022. Cesson-Sévigné, qui en avait quatre l'an passé
(label 2021), perd une arobase et redescend à trois. « Nous avons moins communiqué sur nos
services en ligne, c'est une leçon », reconnaît le maire.
""", [("Vitré", None, 2022, 5), ("Betton", None, 2022, 4), ("Bruz", None, 2022, 3),
      ("Cesson-Sévigné", None, 2022, 3), ("Cesson-Sévigné", None, 2021, 4)]),

    ("morbihan-december-ceremony", """MORBIHAN
Numérique : Lorient grimpe à quatre @
Publié le 13/12/2013

La remise du label Villes Internet 2014 s'est tenue jeudi 12 décembre à Paris, avec
quelques semaines d'avance sur le calendrier habituel. Lorient, qui affichait trois @ au
label 2013, grimpe à quatre. Hennebont et Ploemeur raflent trois arobases chacune, et
Auray ferme la marche avec une @.
Publicité
""", [("Lorient", None, 2014, 4), ("Lorient", None, 2013, 3), ("Hennebont", None, 2014, 3),
      ("Ploemeur", None, 2014, 3), ("Auray", None, 2014, 1)]),

    ("gatine-ceremony-date-only", """Deux-Sèvres | Niort
Niort confirme, Parthenay progresse
Mis à jour le 05/02/2020 à 07h15

Le palmarès a été dévoilé mardi 4 février, lors de la cérémonie organisée à la Maison de
la Chimie. Niort conserve ses quatre arobases. Parthenay, elle, en décroche trois, et la
communauté de communes de Parthenay-Gâtine se voit décerner deux @ pour sa première
candidature.
Photo : le maire de Parthenay lors de la cérémonie, mardi.
""", [("Niort", None, 2020, 4), ("Parthenay", None, 2020, 3),
      ("communauté de communes de Parthenay-Gâtine", None, 2020, 2)]),

    ("vienne-eighteenth-edition", """La Vienne bien représentée au label Villes Internet
Pour la 18e édition du label, le département place cinq lauréats.

Poitiers garde ses cinq arobases, le niveau maximal. Châtellerault grimpe à quatre @ ;
Chauvigny décroche sa première arobase et Loudun en obtient deux. La communauté urbaine
du Grand Poitiers est distinguée, elle aussi, avec quatre arobases.
« On revient de loin », sourit l'adjoint châtelleraudais, qui rappelle que la ville
visait ce niveau depuis plusieurs années.
""", [("Poitiers", None, 2017, 5), ("Châtellerault", None, 2017, 4), ("Chauvigny", None, 2017, 1),
      ("Loudun", None, 2017, 2), ("communauté urbaine du Grand Poitiers", None, 2017, 4)]),

    ("charente-tout-comme-2016", """Charente Libre
Angoulême et Cognac sur la deuxième marche
Vendredi 5 février 2016

Lauréate du label Villes Internet 2016 avec trois arobases, Angoulême fait jeu égal avec
Cognac, qui en obtient autant. Le Grand Angoulême, tout comme la ville-centre, reçoit trois
@ pour sa plateforme de démarches en ligne.
Lire aussi : Numérique, les petites communes charentaises à la traîne
""", [("Angoulême", None, 2016, 3), ("Cognac", None, 2016, 3), ("Grand Angoulême", None, 2016, 3)]),

    ("perigord-asides-2021", """Dordogne
Périgueux et Bergerac sont distinguées
Par notre correspondant | 10 février 2021

Périgueux et Bergerac sont distinguées par quatre arobases au label Villes Internet 2021,
tandis que Sarlat-la-Canéda, qui en avait deux en 2020, passe à trois. « Le télétravail et
l'école à distance ont tout accéléré », commente l'élu sarladais.
Lire aussi : En 2017, Bergerac décrochait sa troisième arobase
""", [("Périgueux", None, 2021, 4), ("Bergerac", None, 2021, 4), ("Sarlat-la-Canéda", None, 2021, 3),
      ("Sarlat-la-Canéda", None, 2020, 2), ("Bergerac", None, 2017, 3)]),

    ("gironde-homonym-2023", """Sud Ouest > Gironde
Villes Internet 2023 : la métropole bordelaise rafle les arobases
Publié le 02/02/2023

En Gironde, Mérignac, Pessac et Talence raflent cinq\u00a0@, le niveau le plus élevé du label.
Gradignan décroche quatre arobases, Libourne en obtient trois et Arcachon deux. Bordeaux
Métropole, enfin, se voit décerner cinq @ pour son guichet unique en ligne.
Photo : la remise du panneau à Mérignac (Gironde). © Sud Ouest
""", [("Mérignac", "33", 2023, 5), ("Pessac", None, 2023, 5), ("Talence", None, 2023, 5),
      ("Gradignan", None, 2023, 4), ("Libourne", None, 2023, 3), ("Arcachon", None, 2023, 2),
      ("Bordeaux Métropole", None, 2023, 5)]),

    ("cote-basque-label-2024", """Pays basque
Anglet grimpe à cinq arobases
Label 2024 : la côte basque brille au palmarès de Villes Internet.

Anglet grimpe à cinq\u00a0@ au label 2024, une première pour la ville. Bayonne et Biarritz
gardent leurs quatre arobases, et la communauté d'agglomération du Pays basque décroche
trois @. Dans les Landes voisines, Dax obtient trois arobases et Mont-de-Marsan deux.
Pour ne rien manquer de l'actualité, abonnez-vous à notre newsletter.
""", [("Anglet", None, 2024, 5), ("Bayonne", None, 2024, 4), ("Biarritz", None, 2024, 4),
      ("communauté d'agglomération du Pays basque", None, 2024, 3), ("Dax", None, 2024, 3),
      ("Mont-de-Marsan", None, 2024, 2)]),

    ("tarn-palmares-2018", """La Dépêche du Midi - Tarn
Palmarès 2018 du label Villes Internet : Albi au sommet

Albi reçoit cinq arobases, le maximum. Castres (Tarn) se hisse à quatre @, Gaillac complète
le tableau avec deux. La communauté d'agglomération de l'Albigeois obtient trois
arobases. « Ces arobases, ce sont d'abord celles des agents », insiste la maire d'Albi.
""", [("Albi", None, 2018, 5), ("Castres", "81", 2018, 4), ("Gaillac", None, 2018, 2),
      ("communauté d'agglomération de l'Albigeois", None, 2018, 3)]),

    ("toulouse-26th-edition", """Haute-Garonne
Villes Internet : la banlieue toulousaine en force
La 26e édition du label a consacré huit collectivités du département.

Colomiers rafle cinq arobases. Blagnac en décroche quatre, comme Toulouse Métropole.
Tournefeuille et Balma se voient décerner trois @ chacune, de même que le Sicoval. Muret,
qui avait trois arobases, en perd une et descend à deux. Ramonville-Saint-Agne ferme la
marche avec une arobase, sa première.
Vous avez aimé cet article ? Partagez-le sur les réseaux sociaux.
""", [("Colomiers", None, 2025, 5), ("Blagnac", None, 2025, 4), ("Toulouse Métropole", None, 2025, 4),
      ("Tournefeuille", None, 2025, 3), ("Balma", None, 2025, 3), ("Sicoval", None, 2025, 3),
      ("Muret", None, 2025, 2), ("Ramonville-Saint-Agne", None, 2025, 1)]),

    ("alsace-thirteenth-edition", """DNA - Région
Label Villes Internet : six villes alsaciennes récompensées

Lors de la 13e édition du label Villes Internet, Mulhouse a obtenu cinq @,
Illkirch-Graffenstaden et Schiltigheim quatre, tandis que Haguenau et Sélestat décrochent
chacune trois arobases. Colmar ferme la marche avec deux @.
Photo : l'équipe numérique de Schiltigheim. Photo DNA
""", [("Mulhouse", None, 2012, 5), ("Illkirch-Graffenstaden", None, 2012, 4),
      ("Schiltigheim", None, 2012, 4), ("Haguenau", None, 2012, 3), ("Sélestat", None, 2012, 3),
      ("Colmar", None, 2012, 2)]),

    ("lorraine-ninth-edition", """Le Républicain lorrain
Moselle et Meuse au palmarès
La neuvième édition du label Villes Internet a distingué plusieurs villes lorraines.

Thionville obtient trois\u00a0@. Forbach et Sarreguemines sont distinguées par deux arobases
chacune. En Meuse, Verdun se voit décerner trois arobases. Dans les Vosges, Épinal fait
mieux encore avec quatre @.
""", [("Thionville", None, 2007, 3), ("Forbach", None, 2007, 2), ("Sarreguemines", None, 2007, 2),
      ("Verdun", "55", 2007, 3), ("Épinal", None, 2007, 4)]),

    ("lyon-dateline-2005", """LYON, 18 mars 2005 -
Villeurbanne décroche le niveau maximal du label Villes Internet, dont le palmarès
vient d'être publié : cinq arobases. Vaulx-en-Velin et Vénissieux en obtiennent trois,
Bron deux. « Une juste récompense pour nos espaces publics numériques », estime un élu
vaudais.
""", [("Villeurbanne", None, 2005, 5), ("Vaulx-en-Velin", None, 2005, 3),
      ("Vénissieux", None, 2005, 3), ("Bron", None, 2005, 2)]),

    ("drome-ardeche-2026", """Le Dauphiné libéré | Drôme - Ardèche
Valence garde ses quatre arobases, Aubenas progresse
Label Villes Internet 2026 : cérémonie le 3 février

Dans la Drôme, Valence garde ses quatre arobases et Montélimar comme Romans-sur-Isère en
décrochent trois. Côté Ardèche, Annonay obtient deux\u00a0@, Privas reçoit sa première arobase
et Aubenas passe de deux à trois @.
« Trois arobases, c'est une fierté pour une ville de notre taille », se félicite le maire
d'Aubenas.
""", [("Valence", "26", 2026, 4), ("Montélimar", None, 2026, 3), ("Romans-sur-Isère", None, 2026, 3),
      ("Annonay", None, 2026, 2), ("Privas", None, 2026, 1), ("Aubenas", None, 2026, 3)]),

    ("allier-eleventh-edition", """La Montagne - Allier
Vichy, Montluçon et Moulins au palmarès
Onzième édition du label Villes Internet

Vichy est la mieux classée du département avec quatre arobases. Montluçon en décroche
trois et Moulins deux. Dans le Puy-de-Dôme, Riom obtient deux @ et Issoire une.
""", [("Vichy", None, 2009, 4), ("Montluçon", None, 2009, 3), ("Moulins", "03", 2009, 2),
      ("Riom", None, 2009, 2), ("Issoire", None, 2009, 1)]),

    ("isere-savoie-ceremony-january", """Isère - Savoie
Échirolles et Meylan rejoignent le club des quatre @
28.01.2015

Le palmarès a été dévoilé hier, mardi 27 janvier, à Paris. Échirolles et Meylan
grimpent à quatre arobases. Voiron et Chambéry se voient décerner trois @, Albertville
deux.
Photo : Renaud Joubert / Le DL
""", [("Échirolles", None, 2015, 4), ("Meylan", None, 2015, 4), ("Voiron", None, 2015, 3),
      ("Chambéry", None, 2015, 3), ("Albertville", None, 2015, 2)]),

    ("oloron-history-2022", """Oloron-Sainte-Marie
Cinq arobases, la consécration
Le 9 février 2022

Trois @ en 2018, quatre en 2020, et désormais cinq : Oloron-Sainte-Marie atteint le
sommet du label Villes Internet 2022. « Nous ne pensions pas y arriver si vite »,
confie le maire, qui salue aussi Pau, voisine et amie.
""", [("Oloron-Sainte-Marie", None, 2018, 3), ("Oloron-Sainte-Marie", None, 2020, 4),
      ("Oloron-Sainte-Marie", None, 2022, 5)]),

    ("charente-maritime-14th", """Charente-Maritime
Rochefort, Saintes et Royan labellisées
La 14e édition du label Villes Internet récompense trois villes du département.

Rochefort décroche trois arobases. Saintes et Royan sont distinguées par deux @ chacune,
tout comme la communauté d'agglomération Rochefort Océan.
""", [("Rochefort", "17", 2013, 3), ("Saintes", None, 2013, 2), ("Royan", None, 2013, 2),
      ("communauté d'agglomération Rochefort Océan", None, 2013, 2)]),

    ("lot-gers-changes-2023", """Lot
Cahors perd une arobase, Figeac en gagne une
Label Villes Internet 2023

Cahors, qui détenait quatre arobases en 2022, n'en garde que trois cette année. Figeac,
à l'inverse, grimpe de deux à trois @. Dans le Gers voisin, Auch décroche trois arobases
et Condom sa première.
""", [("Cahors", None, 2022, 4), ("Cahors", None, 2023, 3), ("Figeac", None, 2023, 3),
      ("Auch", None, 2023, 3), ("Condom", None, 2023, 1)]),

    ("rance-emeraude-2011", """Côte d'Émeraude
Saint-Malo et Dinan à l'honneur
12e édition du label Villes Internet

Saint-Malo et Dinan raflent respectivement quatre et trois arobases. Dinard, qui se
présentait pour la première fois, obtient deux @. « L'émulation entre les villes de la
Rance a joué », se réjouit un élu dinannais.
""", [("Saint-Malo", None, 2011, 4), ("Dinan", None, 2011, 3), ("Dinard", None, 2011, 2)]),

    # Texts awarding nothing.
    ("call-for-applications-2025", """Label Villes Internet : les candidatures sont ouvertes
Publié le 02/09/2024

Les communes et intercommunalités ont jusqu'au 15 octobre pour déposer leur dossier au
label Villes Internet 2025. Le jury attribue de une à cinq arobases. À Lannion, le service
numérique prépare déjà sa candidature. Informations et inscriptions sur le site de
l'association.
""", []),

    ("ceremony-programme-2026", """Agenda
27e label Villes Internet : le programme de la cérémonie
La remise des labels aura lieu le 5 février 2026.

9 h : accueil des délégations. 10 h : table ronde « Inclusion numérique et services
publics », avec l'adjoint au numérique de Pessac et la maire de Ploufragan. 12 h :
annonce du palmarès, de une à cinq @. 14 h : ateliers.
Cookies : en poursuivant votre navigation, vous acceptez leur utilisation.
""", []),

    ("lot-candidates-2024", """Lot
Quatre communes candidates au label Villes Internet 2024

Cahors, Figeac, Gourdon (Lot) et Souillac ont déposé un dossier pour le label Villes
Internet 2024. Le palmarès sera dévoilé début février. « Nous visons trois arobases »,
avance le maire de Souillac.
""", []),

    ("millau-mention-alone", """Aveyron
Millau reçoit une mention spéciale démocratie locale
Le 7 février 2019

Le jury du label Villes Internet 2019 a décerné à Millau une mention spéciale démocratie
locale pour son budget participatif en ligne. La ville n'avait pas présenté de dossier
complet cette année.
""", []),

    ("rodez-did-not-apply", """Rodez
Pourquoi Rodez ne figure pas au palmarès
Le 3 février 2023

La ville, qui fut labellisée par le passé, n'a pas candidaté au label Villes Internet
2023. « Nous avons préféré consacrer nos moyens au déploiement de la fibre », explique
l'adjoint chargé du numérique.
""", []),

    ("foix-territoire-excellence", """Ariège
Foix, « Territoire d'excellence numérique »
Le 4 février 2021

Foix a été distinguée Territoire d'excellence numérique lors de la cérémonie du label
Villes Internet 2021, une reconnaissance à part, qui ne s'accompagne pas d'arobases.
Lire aussi : Pamiers vise les quatre arobases en 2022
""", []),

    ("nouvelle-aquitaine-statistics-2022", """Chiffres
Villes Internet 2022 : 31 collectivités néo-aquitaines labellisées
Le 4 février 2022

Trente et une collectivités de Nouvelle-Aquitaine ont été labellisées cette année, dont
quatre avec cinq arobases et neuf avec quatre. La moyenne régionale s'établit à 3,1 @,
contre 2,8 en 2021.
""", []),

    ("pamiers-vise-2025", """Pamiers
Pamiers vise les quatre arobases
Le 14 novembre 2024

Le conseil municipal a validé la candidature de la ville au label Villes Internet 2025.
« Quatre @, c'est notre objectif », martèle l'adjoint au numérique. Réponse en février.
Écrire à la rédaction : redaction.ariege@exemple.fr
""", []),

    ("auch-jury-visit-2017", """Gers
Le jury du label Villes Internet en visite à Auch
Le 18 novembre 2016

Trois membres du jury du label Villes Internet 2017 ont visité la médiathèque et le
guichet numérique d'Auch. Le verdict, de une à cinq arobases, sera rendu en février.
""", []),

    ("tarbes-council-vote-2022", """Hautes-Pyrénées
Tarbes candidate au label Villes Internet
Le 30 septembre 2021

Le conseil municipal de Tarbes a voté jeudi la candidature de la ville au label Villes
Internet 2022. Lourdes, voisine, réfléchit à en faire autant. Aucune des deux villes
n'a jamais reçu d'arobase.
""", []),

    ("opinion-chasing-arobases", """Tribune
Faut-il encore courir après les arobases ?
Le 12 février 2024

Chaque février, les villes affichent fièrement leurs trois, quatre ou cinq @ à l'entrée
de l'agglomération. Mais une ville à cinq arobases offre-t-elle vraiment de meilleurs
services qu'une autre ? À Carmaux comme à Mazamet, on s'interroge.
""", []),
]

_WHY: dict[str, str] = {
    "ille-et-vilaine-respectivement-2022": "'Les trois communes ... obtiennent respectivement "
                                           "cinq, quatre et trois' with the names only in the "
                                           "headline; 'qui en avait quatre' (a bare count) in "
                                           "the aside",
    "charente-tout-comme-2016": "'Lauréate ... avec trois arobases, Angoulême fait jeu égal "
                                "avec Cognac, qui en obtient autant': the level before its "
                                "name in an opening phrase, 'autant' for the same level",
    "perigord-asides-2021": "'qui en avait deux en 2020' (a bare count in the aside); "
                            "'Lire aussi' lines are left unread on purpose (T2)",
    "drome-ardeche-2026": "'Montélimar comme Romans-sur-Isère en décrochent trois': 'comme' "
                          "joining two subjects of one plural verb",
    "allier-eleventh-edition": "Moulins (a homonym) placed only by 'La Montagne - Allier': "
                               "Allier is also a commune's name, so no heading's département",
    "oloron-history-2022": "'Trois @ en 2018, quatre en 2020, et désormais cinq : "
                           "Oloron-Sainte-Marie ...': a timeline before its name",
}

TEXTS = [Text(i, body, tuple((n, y, lv, d) if d else (n, y, lv) for n, d, y, lv in awards),
              _WHY.get(i, ""))
         for i, body, awards in _RAW]


if __name__ == "__main__":
    report(TEXTS)
