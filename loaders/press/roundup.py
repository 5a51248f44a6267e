"""Palmarès round-ups: the awards of many collectivités as the press relays them.

Pure Python, like ``release``: ``awards(doc)`` reads the lists and sentences of a text that
name several laureates and returns ``release.Award`` rows. A rule that is unsure gives
nothing; a name is only a candidate, the geocoder decides what it is (or rejects it).

- R1. Entries with marks: "Arville (62) @@@", "- Beville (@@@@)", "Ceville : 4 @",
  "Aville, 4 @ ; Beville, 3 @", "Guadeloupe – Deville (@@)", "Meuse : Aville (@@)",
  "Côté Calvados : Aville (@@), Beville (3 @)", "Aville (4 @ en 2023)", leaders
  ("Aville (59) ....... @@@@", "Beville > @@"), and entries
  run together once the HTML is gone ("...Deville (59) @@Eville (62) @@@...", "(59)
  4@Beuvrages"), "Ville de Hayange @@@@" / "Mairie de" / "Commune de" (the commune),
  "Souleuvre en Bocage (@)" ("en" joins a name in an entry), "Lunel (4 @), Pérols (3 @)
  et ..." (also after a sentence's full stop, after "dont", after "Il s'agit notamment
  de"). A lone entry counts as a bullet, or in prose with its level in brackets ("...,
  dont Cancale (@@).") in a sentence that is no past, aim nor negation. A line of
  column names ("Commune<tab>Niveau") is no place for the entries under it. A year
  opening the line ("2008 : Brest @@@@@, Morlaix @@") is its entries' edition; a year
  that had none (2010) leaves the line without awards.
- R2. Level headings: "Cinq arobases @@@@@ : Aville, Beville", "@@@@ Ceville", "Niveau
  2 @ : Deville", "Les communes labellisées une arobase : Eville, Fleury", or a line
  "Quatre arobases" followed by names (one a line, or a list) until the next heading or
  other text.
- R3. Several laureates in a sentence: each group of names ("Aville, Beville et la
  communauté de communes du Pays de Ceville") gets the level that follows it, up to the
  next level. Between a group and its level: a few lower-case words holding an award
  verb ("ont reçu", "en ont eu", "affiche quant à elle", "avec"), nothing else; with no
  words at all only after an earlier level of the sentence ("Deville trois @ et Eville
  deux"). A bare count ("en ont eu deux", "Eville deux", "Eville une seule", "contre
  quatre pour Eville", "Bruguières en obtient deux", "Le Trait 2 et Petit-Caux 1") is
  a level only in a sentence that states one in @ or arobases. "Aville : cinq @" (a
  colon alone between a name and its level) is an entry in words. A name after a
  preposition ("à", "entre", "par"...) or in an aside (", au nord de Laval,") is a place;
  "les communes d'Aville et de Beville", "les territoires de Beville, Ceville, et
  Deville" are names; "la petite commune de Aville" is Aville; after "tandis que",
  "alors que" a name is a clause's subject, not a place; "Entre Aville et Beville, ..."
  (a capitalised preposition) is no name "Entre Aville".
- R4. Names after their level: "Deville obtient trois @, tout comme Eville", "le label
  4 @ a été attribué à Aville et à Beville", "Avec quatre arobases, Aville ..." (a
  complement in lower-case words may come before the comma: "Avec quatre arobases à
  accrocher à son palmarès, Aville et Beville ..."), and a
  level opening its clause: "Quatre arobases pour Aville et trois pour Beville".
- R5. Counts before names: "Douze villes reçoivent cinq arobases (Aville, Beville…)",
  "14 villes ... la plus haute marche du podium : Aville, Beville", "..., dont Aville et
  Beville": the names listed right after the level of a counted subject. Count words
  ("Douze", "Vingt-quatre") are never names; a list cut with "…" gives what it shows.
- R6. Places: a line naming a place above entries ("Guadeloupe", "Martinique – palmarès
  2024", a date line between the title and its list allowed), or "Dans l'Eure,",
  "Côté Calvados :", "En Sarthe," opening a sentence, gives the département of the names
  under it; "(27)", "(Loire-Atlantique)", "dans le Calvados", "en Seine-Maritime" right
  after a name gives its own ("dans l'Eure" after a group: the names since the last
  hint); "Deux communes du Doubs, Ornans et Maîche, obtiennent ...": the place names
  the département of the names in apposition after it. Régions are not départements and
  are left out. "Isère (38) : Aville @@@@, Beville @@" (its number between the name and
  the colon, seventh battery) places the line's entries as "Meuse : ..." does.
- R7. Intercommunalités: "communauté de communes / d'agglomération / urbaine", "CC",
  "CA", "CU", "métropole" + name, kept as written: the geocoder finds the EPCI.
- R8. The year: the one edition year a sentence states, else the text's edition
  (``release.current_edition``); none, or several: nothing. Sentences about the past
  ("avait obtenu") and reported speech give nothing; an aim or a negation blanks its
  clause, from the "," ";" or ":" before it to the one after ("Audenge obtient trois
  @, contrairement à Biganos, ..., qui n'a pas candidaté": Audenge's award stays).
- R9. Two levels for one name and year in one text: neither is kept; nor a name's level
  that the two readers (``release`` and this one) date differently in one sentence.
  Homonyms each placed ("Guadeloupe – Sainte-Anne (@@)", "Martinique – Sainte-Anne (@)")
  are two names; one of them unplaced keeps the rule.
- R10. "Elles ont reçu quatre arobases" right after a sentence ending with two names or
  more ("... sont Aville et Beville."): those names.
- R11. Ordinals pointing back: "Aville et Beville ont été récompensées. La première ...,
  la seconde a reçu 5 @": "la première", "la seconde" / "la deuxième", "la dernière"
  are the names of the group of two or more the sentence before names (none: nothing).
- R12. Superlatives: "Aville (07) est la plus petite commune ... à obtenir cinq
  arobases", "Beville est la seule ville du département à recevoir 4 @": the subject
  of "est la seule / la plus ... / la première (commune, ville...)" when the clause ends
  with "à obtenir" (recevoir, décrocher, avoir obtenu...) right before the level.
- R13. "Beville est dans le même cas que Aville" (la même situation): Beville gets
  Aville's award, when the text gives Aville exactly one (``likewise``).
- R15. The counted subject named in the sentence after: "... avec 16 villes recevant
  cinq arobases. Il s'agit des villes suivantes : Aville, Beville, Ceville." (also "Il
  s'agit d'Aville, ...", "Ce sont Aville, ...", "Voici : Aville, ..."): the listed names
  get the level, when the sentence before states one level for a counted subject.
- R16. "Comme Aville, 9 autres villages ont été labellisés 5@ en 2021": the name that
  opens the sentence with "Comme" gets the one level the others got.
- R17. Examples of a group given a level: "Quatorze d'entre elles ont obtenu la
  distinction suprême (cinq @) dont Aville et Beville, mais aussi des communes plus
  modestes comme Ceville ou Deville" (a level restated in brackets is skipped; the list
  after "dont" goes on after "mais aussi ... comme"), "la moyenne des villes primées
  s'établit à trois @, comme Aville, Beville et Ceville", "les villes ayant obtenu 1
  arobase, ..., à l'instar de Deville (...)": the names after "comme", "à l'instar de",
  "tels que", "notamment", when the level's subject is a group ("les villes", "N d'entre
  elles"), no other name or level stands between, and the list closes its clause
  ("comme Aville l'a rappelé" is no list).
- R18. A mayor in apposition: "Jeanne Martin, maire de Beville, qui s'est vu décerner
  4 @" ("le maire de Beville, Jean Dupont, ..."): "maire de Beville" stands for the
  commune, as "la mairie de" does, and the mayor's name is a person, never a laureate
  nor a preposition's place that would drop the group ("l'ambition de Jeanne Martin,
  maire de Beville, qui ...").
- R14. A club: after "le club des 5 arobases" in a paragraph, a later sentence of it
  without a level of its own, "Aville et Beville rejoignent Ceville et Deville, déjà
  distinguées l'an dernier": all four get that level, the last two the year before too.
- R19. The same level for other names: "Valognes obtient trois @, tout comme Auray" (R4),
  "..., à l'image de Bidart", "Thiais passe à quatre @ ; même résultat pour Gentilly",
  and a sentence of names alone after one that gave a single level: "Manosque décroche
  quatre arobases. Cahors aussi." ("Idem pour ..."). "Comme Aville, Beville obtient
  3 @" gives Beville only (the comparison may be with another edition).
- R22. Forms the held-out battery (``tests/press_heldout.py``) showed: "parmi
  lesquelles" opens a counted subject's list as "dont" does (R5); "obtient quatre @ au
  label, tout comme Beville" (a complement before "tout comme", R4); "Les cinq arobases
  vont cette année à Aville et à Beville" (R4); "reste au niveau 3" (an award gap, R3);
  a relative aside about something else ("Aville, qui a obtenu le label Territoire
  Numérique Libre, décroche ...", "qui avait trois @ en 2019,") is set aside (a past
  one stating one level and one year gives the name before it that award); "Beville
  en obtient trois." counts in @ after a sentence stating a level in @; "la communauté
  de communes de Beville trois," (the count is no adjective of the EPCI's name, nor is
  "communes de" a plural subject); "À La Réunion," / "Label 2023 : à La Réunion, ..."
  opening a sentence (R6); the label's name between a subject and its level ("rafle la
  mise au label Villes Internet 2014 avec cinq arobases"), the subject alone then;
  "La Rochelle obtient cinq @, comme Niort." (R17's list after one named subject too);
  "comme Beville en 2022": Beville's 2022 level, never the sentence's year.
- R23. A table whose cells the page kept apart (tabs, "|") under a header of column
  names ("Commune<tab>Département<tab>Arobases"): each row's name, département and
  level ("4", "4 @", "@@@@", "quatre"), until a row that does not fit.
  The line right above the header, naming a département alone ("Isère (38)") or at
  its end ("les lauréats de l'Essonne", seventh battery), places rows without a
  département column; a région places nothing.
- R24. Forms the third-hand battery (``tests/press_thirdhand.py``) showed: an EPCI's
  name goes on through "en Biovallée" (not before a département's or région's first
  word: "en Seine-Maritime" stays its place) and "et de Pays de Saillans" (R7); a place
  line with its number, "Indre-et-Loire (37)" (R6); "Ploufragan une cinquième @" after
  an earlier level (R3); "la commune nouvelle de Aville"; "Parmi les territoires
  distingués par cinq @, on retrouve Aville, Beville et Ceville." (R17); "a décerné
  quatre @ à Quimper et deux @ à Concarneau" (R4).
- R20. A gain is no level: "gagne une @ et passe à 3" (3), "en gagne une et passe à
  trois" (3), "une arobase supplémentaire" (nothing alone); it still says the sentence
  counts in @. "Aville obtient trois @, contre deux en 2023": Aville's 2023 level, and no
  year of the sentence (R8).
- R21. "Saran et Chaingy obtiennent respectivement trois et deux arobases": in order,
  when there are as many names as levels; else nothing.
- R25. Forms the sixth battery (``tests/press_sixthhand.py``) showed: "Parmi les
  communes distinguées de quatre arobases figurent Aville, ..." (R17, no comma before
  the inverted verb); "attribue quatre arobases à Aville et trois à Beville" (a bare
  count given "à" a name after a level in @ or arobases, R4); "a récompensé Aville de
  trois arobases et Beville de deux" (the verb's objects, "de" their gap, R3); changes
  noted in brackets in a level heading's list ("Quatre @ : Aville (+1), Beville (=),
  Ceville (nouveau)", R2); "perd une arobase et redescend à 2 @" (a loss, then the
  level, R20); "Aville passe à quatre, Beville se maintient à trois et Ceville fait son
  entrée avec une arobase" (a count after a verb of level and "à", before the
  sentence's level in @, R3); "Aville n'a pas été relabellisée, contrairement à Beville,
  qui obtient deux arobases" (the name after a contrast is the subject of an awarding
  relative clause, not a place, R3); "Aville, qui avait reçu cinq arobases au label
  2022, ..." (a past relative aside dated by the label's year, R22); a timeline after a
  colon, one name before it: "Aville n'a cessé de progresser : deux @ en 2015, trois en
  2017 et quatre en 2020" (each step that year's level; the first step in @).
- R26. Forms the eighth battery (``tests/press_eighthhand.py``) showed: a line opened by
  a part of a département, "Arrondissement de Bonneville : Cluses (3 @)", "Canton de
  Vitré : ..." (R6): no département (the chief town's name is not the place of the
  names), the title's place above the list stands.
  An entry with its level inside running prose, after the verb or link that opens it
  (R1): "les lauréats sont Lannion (@@@@@), ...", "devant Montbrison (3 @)", "tandis que
  Dinan (@@@) fait son entrée", "ainsi que la CAPI (@@@@)".
  Last year's level beside this year's: "Aville en obtient quatre, contre trois l'an
  dernier" (R20, the edition before the level's), "Aville, qui avait trois @ l'an
  dernier, en obtient quatre" (R22's aside, the edition before the sentence's), "Aville
  conserve ses quatre arobases, qu'elle détenait déjà en 2023" (as "déjà obtenues en
  2023": that year too, and the past of the relative no longer blanks the sentence).
  None across 2010, the year without an edition.
  "Aville garde ses cinq arobases. Beville en obtient quatre, Ceville trois.": after
  "en" counting in @ (R22), the bare counts that follow in its sentence count too (R3).
  "Aville (3 @, contre 2 en 2016)": the entry's earlier level in its brackets (R1, R20).
  "en" counts in @ after the prose line before stated a level in @ ("Canton de Vitré :
  Vitré obtient quatre arobases." / "Canton de Redon : Redon en reçoit deux." / "...
  Fougères en obtient trois."), not after a list or heading line (R22).
- R27. The ninth battery (``tests/press_ninthhand.py``, aimed at inventions) showed: a
  line opened by an account's handle, "@VannesNumerique. Trois @ minimum ...", is no
  level heading (R2): a single "@" glued to a letter is a handle ("@@@ :" still heads).
  A hard-wrapped sentence cut before its year or its "@" ("... au label Villes
  Internet" / "2024. La commune ...", "... obtient trois" / "@.") is one block
  (``release.blocks``); "2008 : Brest @@" stays a list line.
- R28. Strict xfails of earlier hands, then the eleventh to fifteenth batteries
  (``tests/press_eleventhhand.py`` ... ``press_fifteenthhand.py``) showed: the label in
  apposition right after a name, no verb ("Brest (label Villes Internet 2023 : 4 @)
  recrute", "Anglet, label@@@ Villes Internet 2017 :", "Talence, Ville Internet @@@
  depuis 2019, ..."), or a level alone between commas ("Changé, 4 arobases au compteur,",
  "Thionville, deux @ l'an dernier, en obtient trois"); a ceremony's date between the
  verb and the level ("a reçu le 2 février 2023 sa quatrième arobase"); "si elle obtient",
  "a raté" stop a gap; a vocative ("chers Lannionnais") is no name; "Brest métropole"
  (the kind after the name in lower case) is one EPCI; a subject after "et que"; "rejoint
  le cercle des villes 5 @" in its own sentence; "en compte désormais trois", "n'en garde
  que trois", "grimpe à quatre"; "confirme les quatre @ obtenues en 2019" (that year too,
  after a verb of keeping); "obtient trois @, comme l'an dernier" (the edition before
  too); asides holding brackets or "qui affichait"; "Dans le Gers voisin,"; names alone
  after a level are no "aussi"; level headings "Les 5 @ :", "Quatre @ (le niveau
  maximal) :"; a table copied one cell a line (R23); "Aville, Beville et Ceville ont
  chacune quatre @"; "Quatre obtiennent quatre @ : ..."; "Quatre @ pour la Communauté
  d'agglomération ..."; "Marcq en Baroeul" ("en" joins a name unless a département or a
  région follows); "Enfin Marly, ..."; "le niveau 3 du label Territoire Numérique Libre"
  is another label's; "gagne ainsi une arobase" is a gain. The evidence of an award is
  the sentence as printed (not as blanked here), so that ``press.merge`` compares this
  reader's reading of a sentence with the release reader's.
- R29. The tenth battery (``tests/press_tenthhand.py``: round-ups copied out of PDFs,
  old pages and newsletters) showed: R29a, a list put one cell a line, each name then
  its level alone on the next line ("Échirolles" / "4 @" / "Fontaine (38)" / "3 @"): a
  strict alternation of two pairs or more, neither after a level line nor followed by a
  name line (those are R2's level headings). R29b, " / " between entries ("Rennes 5 @ /
  Saint-Brieuc 4 @", R1). R29c, the top level restated in figures ("la note maximale de
  quatre @") is the figures' level, not a 5 of its own; a name after "un", "une" ("par
  un Net d'Or") is another prize, never a laureate. R29d, a verb heading the names after
  its colon, "Obtiennent deux @ : Aville ; Beville.", "Ils obtiennent 5 @ : Aville, ..."
  (R2), names that close the line only; and ";" between a level heading's names as ","
  is. R29e, a retrospective table whose columns are editions
  ("Commune<tab>2003<tab>2008", "Parthenay<tab>5<tab>5"): each cell that edition's
  level, a dash none (R23). R29f, "Beville en obtient 4 sur 5" (R22's "en", out of five
  as T1e reads "4 arobases sur 5"); the "5" of "sur 5" is never a bare count of its own.
  R29g, the lead right above a list counting its names with their département ("Six
  communes de la Gironde ont été distinguées hier.") places the entries under it (R6; a
  région places nothing, two places neither). R29h, R25's timeline opening the sentence,
  its one name after the colon: "Trois @ en 2014, quatre en 2016, et cinq cette année :
  Libourne atteint le sommet" ("cette année": the sentence's edition). R29i, the noun
  "participation" in an aside ("Beville, pour sa première participation, en obtient
  quatre") does not stop R3's gap as the verb "participe" does. R29j, a name then its
  level in apposition, no verb and no closing comma (R28's): "la mairie de Melle
  (Deux-Sèvres), 3 @ au label Villes Internet 2018." (the level followed by "au label"
  or "au palmarès" is the name's award). R29k, an entry's population "Lannion (22 000
  hab.) 4 @" is no part of it, and a bar may stand between its name and its level
  ("Lannion | 4 @", R1). R29l, a level heading's names run on across a page's number
  alone or its running head in capitals with a year (R2). R29m, a heading's names
  between " – ", "•", " | ", " / " as between commas. R29n, "Finistère (29) – Brest
  @@@@@, Quimper @@@": a département's number then a dash opens its line as "Meuse :"
  does (R6). R29o, a level heading counting its names, "@@@@@ – 3 villes", "5 @ (12
  communes) :", its names under it (R2). R29p, "Ils sont douze à obtenir quatre @ :
  Aville, ..." is a counted subject (R5).

``press.extract`` lets this reader alone speak for a sentence in which it gives two
collectivités or more (the release reader's "nearest name before the level" is not
meant for them).
"""

from __future__ import annotations

import dataclasses
import functools
import re

from atlas import editions, names
from loaders.press import release as rel
from loaders.press.release import Award, Block

_UP = rel._UP
_LOW = "a-zàâäçéèêëîïôöùûüÿœ"
_CAPWORD = rf"[{_UP}][\wÀ-ÿœ]*(?:'[\wÀ-ÿœ]+)?"
_HYPHENED = r"(?:-[\wÀ-ÿœ']+)*"  # "Fleury-sur-orne", "Villeneuve-D'Ascq"
# Not "en" between spaces: "Le Trait en Seine-Maritime" is a name and its département.
_JOINER = r"(?:sur|sous|lès|lez|les|le|la|de|du|des|aux|au)"
# R7: "normand" in "communauté de communes du Vexin normand".
# "du pays Ajaccien"; never a count ("la communauté de communes de Parthenay-Gâtine
# trois, ...": "trois" ends in "ois" but is the level, held-out battery)
_ADJECTIVE = (rf"(?!(?:trois|quatre|deux|cinq|une?)\b)"
              rf"[{_LOW}]+(?:and|ande|ais|aise|ois|oise|ien|ienne|al|ale|ain|aine|asque)s?")
# The first words of départements and régions: "en Seine-Maritime" after an EPCI's name
# is its place (R6), while "en Biovallée" is part of its name.
_PLACE_FIRST = (r"(?:Ain|Aisne|Allier|Alpes|Ardennes|Ardèche|Ariège|Aube|Aude|Aveyron|Bas|"
                r"Bouches|Calvados|Cantal|Charente|Cher|Corrèze|Corse|Creuse|Côte|Côtes|Deux|"
                r"Dordogne|Doubs|Drôme|Essonne|Eure|Finistère|Gard|Gers|Gironde|Guadeloupe|"
                r"Guyane|Haut|Haute|Hautes|Hauts|Hérault|Ille|Indre|Isère|Jura|Landes|Loir|"
                r"Loire|Loiret|Lot|Lozère|Maine|Manche|Marne|Martinique|Mayenne|Mayotte|"
                r"Meurthe|Meuse|Morbihan|Moselle|Nièvre|Nord|Oise|Orne|Paris|Pas|Puy|"
                r"Pyrénées|Rhône|Sarthe|Savoie|Saône|Seine|Somme|Tarn|Territoire|Val|Var|"
                r"Vaucluse|Vendée|Vienne|Vosges|Yonne|Yvelines|Bretagne|Normandie|Occitanie|"
                r"Provence|Alsace|Aquitaine|Auvergne|Bourgogne|Champagne|Franche|Île|Ile|"
                r"Languedoc|Limousin|Lorraine|Midi|Picardie|Poitou|Nouvelle|Grand|Centre|Pays|"
                r"France|Réunion|La|Le|Les)(?![\wÀ-ÿ])")
# A place name as printed: capitalised words, joined by spaces, hyphens and particles
# ("Caux Vallée de Seine", "Val d'Isère", "L'Isle Adam"), a lower-case article allowed
# before it ("la Turballe").
# "Marcq en Baroeul", "Bourg en Bresse" (hyphens dropped, twelfth battery): "en" joins a
# name's words unless a département or a région follows ("Le Trait en Seine-Maritime").
_BARE = (rf"(?:(?:[Ll]es?|[Ll]a)\s|[Ll]')?{_CAPWORD}{_HYPHENED}"
         rf"(?:\s(?:{_JOINER}\s|en\s(?!{_PLACE_FIRST})|[dl]')?{_CAPWORD}{_HYPHENED})*"
         rf"{rel.EPCI_TAIL}")
_EPCI = (rf"(?:[Cc]ommunauté\s+(?:d'[Aa]gglomération|de\s+[Cc]ommunes|[Uu]rbaine)|"
         rf"[Mm]étropole|C[CAU])\s+(?:(?:de|du|des)\s+(?:la\s+|l')?|d')?"
         rf"(?:pays\s+(?:de\s+|d'|du\s+)?)?{_BARE}"  # "du pays Ajaccien", lower-case "pays"
         rf"(?:\s{_ADJECTIVE}\b)?"
         # R7: "du Val de Drôme en Biovallée", "du Crestois et de Pays de Saillans": one
         # name (cut at "en" or "et", the third-hand battery's EPCI were invented names)
         rf"(?:\sen\s(?!{_PLACE_FIRST}){_CAPWORD}{_HYPHENED})?"
         rf"(?:\set\s(?:de|du|des)\s(?:la\s|l')?{_BARE})?")
_EXPLICIT_COMMUNE = (rf"(?:[Ll]a\s+|[Ll]e\s+)?(?:(?:petite?|grande?|jeune|belle|modeste)\s+)?"
                     rf"(?:[Vv]ille|[Cc]ommune|[Vv]illage|maire|[Mm]airie)(?:\s+nouvelle)?\s+"
                     rf"(?P<prep>de\s+|d'|des\s+|du\s+)(?P<town>{_BARE})")
_ITEM = re.compile(rf"(?:[Ll]a\s+|[Ll]')?(?P<epci>{_EPCI})|{_EXPLICIT_COMMUNE}"
                   rf"|(?P<bare>{_BARE})")

_COUNT_WORDS = {names.fold(w) for w in (
    "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize vingt trente quarante cinquante soixante cent cents mille".split())}
# "Les Trois-Ilets" is a name; "Niveau 5 @", "Total : 3 @" are not entries.
_NOT_NAMES = rel._NOT_NAMES - _COUNT_WORDS | {names.fold(w) for w in (
    "Niveau Catégorie Palmarès Lauréat Lauréats Lauréate Lauréates Total Bilan Classement "
    "Résultat Résultats "
    "Liste Note Panneau Récompense Distinction Édition Elles Ils Toutes Tous Ensuite Puis "
    "Aussi Pourtant Néanmoins Toutefois Cependant Notamment Même Autre Autres Certaines "
    "Certains Plusieurs Chez Cet Après Parmi Côté Oui Non Bravo Félicitations Qui Quoi Quand "
    "Où Comment Pourquoi Selon Enfin Hier Demain Cette Ce "
    # R29e: a statistics table's rows ("Nombre | 3 | 4"), no communes
    "Nombre Moyenne Médiane Taux Évolution".split())}


@dataclasses.dataclass(frozen=True)
class Item:
    start: int
    end: int  # after the name and its own département hint
    name: str
    departement: str
    prose_hint: bool  # "dans l'Eure": also for the names before it in its group
    place: bool  # after a preposition: a place, never a laureate


@functools.lru_cache(maxsize=20_000)  # a round-up repeats its names
def _is_name(name: str) -> bool:
    """Not a common word, a count ("Vingt-quatre") or a région."""
    if re.match(r"^[LlDd]['’][a-zà-ÿœ]", name):
        return False  # "L'agglomération obtient ..." (nineteenth battery): a common noun
    words = [w for w in names.fold(name).split() if w not in ("le", "la", "les", "l")]
    if len(words) == 1 and words[0].endswith("ement"):
        return False  # "Premièrement, ...", "Finalement, ..."
    compound = "-" in re.sub(r"^(?:[Ll]es?|[Ll]a)\s+|^[Ll]'", "", name).split(" ")[0]
    if compound and words and not all(w in _COUNT_WORDS for w in words):
        return not rel.is_region(name)  # "Notre-Dame-de-Gravenchon"
    return bool(words) and words[0] not in _NOT_NAMES and len(words[0]) > 1 \
        and not all(w in _COUNT_WORDS for w in words) and not rel.is_region(name)


def _is_place(name: str) -> bool:
    """A line above entries that can be their place: not a table's header ("Commune
    Niveau", "Ville\tArobases"), whose words are columns, not a place."""
    return "\t" not in name and _is_name(name) and \
        not any(names.fold(w) in _NOT_NAMES - _PARTICLES
                for w in re.findall(rf"[{_UP}][\w]*", name))  # "VAL-DE-MARNE" is one


_PARTICLES = {"de", "du", "des", "la", "le", "les", "sur", "sous", "et", "en", "aux", "au"}


def _clean_name(match: re.Match) -> str:
    if match.group("epci"):
        return match.group("epci")
    if match.group("town"):
        return rel._restore_article(match.group("prep"), match.group("town"))
    name = match.group("bare")
    return name[:1].upper() + name[1:]  # "la Turballe" → "La Turballe"


def _departement(hint: str) -> str:
    """A hint kept as the département, unless it names a région."""
    return "" if rel.is_region(hint) else hint.strip()


_HINT = re.compile(
    rf"\s*\((?P<code>\d{{2,3}}|2[AB])\)|\s*\((?P<paren>{_BARE})\)"
    rf"|,?\s*(?:dans\s+(?:le\s+|la\s+|les\s+|l')|en\s+)(?P<prose>{_BARE})(?=\s*[,;.)]|\s+"
    rf"[{_LOW}]|\s*$)")
# R29c (tenth battery): nor after "un", "une": "déjà récompensées par un Net d'Or" names
# a prize (another one), never a collectivité ("une Marianne d'Or" too).
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:à|a|au|aux|dans|en|par|pour|sur|chez|vers|depuis|entre|près\s+de|de|d'|du|"
    r"des|contre|avec|sans|après|avant|parmi|que|qu'|devant|derrière|face\s+à|"
    r"comme|l'|un|une)\s*$)", re.I)
_FOLLOWER = re.compile(r"(?:suivie?s?\s+(?:de|d'|par)|tout\s+comme|talonnée?s?\s+par|"
                       r"(?:villes?|communes?|collectivités?|autres)\s+comme|"
                       r"(?:c'est|ainsi)\s+(?:aussi\s+|également\s+)?le\s+cas\s+(?:de|d')|"
                       # a clause's subject: "tandis que Arcachon obtient deux arobases"
                       r"(?:tandis|alors|pendant)\s+qu[e']|"
                       # a list: "Il s'agit notamment de Fécamp (@@@), Montville (@@)"
                       r"s'agit\s+(?:notamment\s+|surtout\s+)?(?:de|d'|des))\s*$",
                       re.I)
# R25: "Morlaix n'a pas été relabellisée, contrairement à Landivisiau, qui obtient deux
# arobases" (sixth battery): the name after the contrast is the subject of the relative
# clause that follows it, when that clause awards (a negation there blanks it, R8).
_CONTRAST = re.compile(r"\b(?:contrairement\s+à|à\s+la\s+différence\s+de|au\s+contraire\s+de)"
                       r"\s*$", re.I)
_WHO_GETS = re.compile(r"\s*,\s*qui\s+(?:\w+\s+){0,2}?(?:obt|re[çc]|décroch|remport|gard|"
                       r"conserv|pass|affich|décroch)\w*\b", re.I)
# Asides that name places: ", entre la Roche-sur-Yon et les Sables-d'Olonnes,".
_PLACE_ASIDE = re.compile(
    r",\s*(?:entre|près\s+de|non\s+loin\s+de|à\s+côté\s+de|au\s+(?:nord|sud|cœur|centre)|"
    r"à\s+l'(?:est|ouest)|situ\w+|voisine?s?\s+de|à\s+\d+\s*km)\b[^,;.]{0,80},")


# R18: "Jeanne Martin, maire de Beville, qui s'est vu décerner 4 @": the mayor's name in
# apposition is a person; "maire de Beville" stands for the commune (as "la mairie de").
_MAYOR = re.compile(r"(?:[Ll]e\s+)?maire\b")
_APPOSED = re.compile(r"\s*,\s*")


def items(text: str) -> list[Item]:
    """The names of ``text`` (R3, R6, R7, R18), each with the hint written after it."""
    out, pos = [], 0
    bare_last, mayor_end = False, -1  # the last item a bare name; where "maire de X" ended
    while True:
        m = _ITEM.search(text, pos)
        if not m:
            return out
        pos = m.end()
        name = _clean_name(m)
        lead = m.group("bare") and m.group("bare").split(" ")[0]
        if lead in _LEAD_PREPOSITIONS and " " in m.group("bare"):
            # "Entre Aville et Beville, ...": the capital is the sentence's, the
            # preposition no part of the name; read again after it (Aville: a place)
            pos = m.start() + len(lead)
            continue
        if not _is_name(name) and not m.group("epci"):
            continue
        start = m.start()
        if _VOCATIVE.search(text, max(0, start - 8), start):
            continue  # "Chères Lannionnaises, chers Lannionnais,": the readers, no laureate
        if m.group("town") and _MAYOR.match(m.group()):
            if out and bare_last and _APPOSED.fullmatch(text, out[-1].end, m.start()):
                start = out.pop().start  # R18: "Jeanne Martin, maire de Beville": one item
            mayor_end = m.end()
        elif m.group("bare") and out and out[-1].end == mayor_end and \
                _APPOSED.fullmatch(text, mayor_end, m.start()) and \
                text[m.end():m.end() + 1] == ",":  # R18: "le maire de Beville, Jean Dupont,"
            out[-1] = dataclasses.replace(out[-1], end=m.end())
            bare_last = False
            continue
        end, dep, prose = m.end(), "", False
        hint = _HINT.match(text, end)
        if hint:
            dep = hint.group("code") or hint.group("paren") or hint.group("prose")
            prose = bool(hint.group("prose"))
            end = pos = hint.end()  # the hint's name is no laureate
        before = rel._tail(text, m.start())
        place = bool(_PLACE_BEFORE.search(before)) and not _FOLLOWER.search(before) and \
            not _SUBJECT_QUE.search(before) and \
            not (_ABOUT_OF.search(before) and _WHO_DOES.match(text, end)) and \
            not (_CONTRAST.search(before) and _WHO_GETS.match(text, end))
        out.append(Item(start, end, name, _departement(dep or ""), prose, place))
        bare_last = bool(m.group("bare")) and not hint


# "quand Agde conserve ses trois @ et que Lunel se voit attribuer deux @" (eleventh
# battery): a clause's subject after "et que", "alors que", not a comparison's "que"
_SUBJECT_QUE = re.compile(r"\b(?:et|alors|tandis|pendant|bien|parce)\s+que\s*$", re.I)
# "la progression de Niort, qui passe de deux à trois @" (sixteenth battery): a name
# after a noun about it, then the relative clause whose subject it is
_ABOUT_OF = re.compile(r"\b(?:progression|montée|ascension|performance|entrée|arrivée|"
                       r"parcours|succès|exemple|cas)\s+(?:de\s+|d')$", re.I)
_WHO_DOES = re.compile(r"\s*,\s*qui\s+(?:\w+\s+){0,2}?(?:obt|re[çc]|décroch|remport|gard|"
                       r"conserv|pass|grimp|monte|rejoin|entre|accède|gagne)", re.I)
_VOCATIVE = re.compile(r"\b[Cc]h[eè]re?s?\s+$")
_LEAD_PREPOSITIONS = {"Entre", "Près", "Dans", "Pour", "Chez", "Vers", "Depuis", "Avec",
                      "Sans", "Après", "Avant", "Parmi", "Contre", "Selon", "Sur", "Hors",
                      # "Enfin Marly, Fourmies et Anzin font leur entrée" (fourteenth
                      # battery): a sentence's adverb, no part of the name after it
                      "Enfin", "Ensuite", "Puis", "Mais", "Et", "Aussi", "Désormais"}


# -- levels within sentences ------------------------------------------------------------

_NUMWORD = r"(?:un|une|deux|trois|quatre|cinq|[1-5])"
_COUNTED = (r"(?!\s*(?:villes?|communes?|collectivités?|territoires?|villages?|lauréats?|"
            r"%|\d|fois|ans?|années?|mois|jours?|sur|fleurs?|étoiles?)\b)")
# "en ont eu deux", and in the present the press writes palmarès in: "Bruguières en
# obtient deux", "Canéjan et Audenge en reçoivent trois".
_EN_ONT = re.compile(rf"\ben\s+(?:(?:a|ont)\s+(?:eu|obtenu|reçu|récolté|décroché|gagné)|"
                     rf"obtien(?:t|nent)|re[çc]oi(?:t|vent)|décroch(?:e|ent)|récolt(?:e|ent)|"
                     rf"rafl(?:e|ent)|affich(?:e|ent)|compt(?:e|ent)|gard(?:e|ent)|"
                     rf"conserv(?:e|ent))\s+"
                     # "en compte désormais trois" (eleventh battery)
                     rf"(?:(?:désormais|maintenant|aujourd'hui|donc|ainsi|également|aussi)\s+)?"
                     # R29f (tenth battery): "en obtient 4 sur 5", out of five (T1e)
                     rf"(?P<n>{_NUMWORD})\b(?:\s+sur\s+(?:5|cinq)\b)?{_COUNTED}", re.I)
# "Le Trait 2 et Petit-Caux 1": a bare count also before "et" and the next name.
# "Vignacourt une seule", "Saint-Leu trois également" (fourth battery): an adverb of
# the count's own before the clause's end.
_TRAILING_COUNT = re.compile(rf"(?<=[\w)])\s+(?P<n>{_NUMWORD})"
                             rf"(?:\s+(?:seule(?:ment)?|également|aussi))?"
                             rf"(?=\s*(?:[.;,!]|$)|\s+(?:et|puis)\s+"
                             rf"(?:(?:[Ll]es?|[Ll]a)\s+|[Ll]')?[{_UP}])", re.I)
_TRAILING_RANK = re.compile(
    r"(?<=[\w)])\s+(?:sa|une|la)\s+(?P<n>première|deuxième|troisième|quatrième|cinquième)"
    r"(?=\s*(?:[.;,!]|$))", re.I)
# "attribue quatre arobases à Aville et trois à Beville" (sixth battery): a bare count
# given "à" a name, after a level of the sentence.
_COUNT_TO = re.compile(rf"(?:\bet|,)\s+(?P<n>{_NUMWORD})\s+(?=(?:à|aux?)\s+"
                       rf"(?:(?:[Ll]es?|[Ll]a)\s+|[Ll]')?[{_UP}])", re.I)
_AGAINST = re.compile(rf"(?:\bcontre|\bet|,)\s+(?P<n>{_NUMWORD})(?:\s*(?:@|arobases?))?\s+"
                      rf"pour\s+(?P<who>{_BARE})", re.I)
# R25: "Les Sables-d'Olonne passent à quatre, Challans se maintient à trois et Les
# Herbiers font leur entrée avec une arobase" (sixth battery): a count after a verb of
# level and "à" is a level even before the sentence's first one in @, the count closing
# its clause.
_VERB_TO_COUNT = re.compile(rf"\b(?:pass|maintien|rest|redescend|descend|retomb|mont|grimp|"
                            rf"revien)\w*\s+à\s+(?P<n>{_NUMWORD})"
                            rf"(?=\s*(?:[.;,!]|$)|\s+(?:et|puis)\s)", re.I)
_AT_LEVEL = re.compile(r"@|arobas", re.I)
# not another label's level: "le niveau 3 du label Territoire Numérique Libre" (fifteenth
# battery gave Albi three @)
_LEVEL_NUMBER = re.compile(r"\bniveau\s+([1-5])\b(?!\s*(?:%|[,.]\d))(?:\s*(?:sur|/)\s*5)?"
                           r"(?!\s+(?:du|de\s+la)\s+(?:label|charte|certification|marque)\s+"
                           r"(?!(?:national\s+)?[«\"]?\s*(?:Territoires?,?\s+)?Villes))", re.I)
_BEFORE_LIST = re.compile(r"\s*[:(]")  # "la plus haute marche du podium : Aville, ..."


@dataclasses.dataclass(frozen=True)
class _Level:
    start: int
    end: int
    level: int


def _word_level(word: str) -> int:
    return rel._level_of(word + " arobases") or 0


def sentence_levels(sentence: str, at_before: bool = False) -> list[_Level]:
    """Levels of a sentence: those of ``release.levels`` and, when it has one in @ or
    arobases, the bare counts of R3; ``at_before``: the sentence before stated a level in
    @, so "Saumur en obtient trois." counts in @ too (R22: the pronoun "en" points back
    to them; other bare counts, "Beville deux.", stay unread without a level beside)."""
    found = [_Level(lv.start, lv.end, lv.level) for lv in rel.levels(sentence)
             if not lv.earlier]
    taken = [(lv.start, lv.end) for lv in found]
    taken = [(lv.start, lv.end) for lv in found]
    found += [_Level(m.start(), m.end(), int(m.group(1))) for m in _LEVEL_NUMBER.finditer(
        sentence) if not any(a <= m.start() < b for a, b in taken)]
    # "la note maximale" beside levels in figures: still a level of its own names
    # R29c (tenth battery): not when figures restate it ("la note maximale de quatre @",
    # "le plus haut niveau, soit 5 @"): the figures are the level, "maximale" the writer's
    # (in 2001 the top was four @); read as 5, it went to a name before it
    found += [_Level(m.start(), m.end(), 5) for m in rel._TOP_LEVEL.finditer(
        rel._blank(sentence, rel._ASIDE)) if not any(a <= m.start() < b for a, b in taken)
        and not any(_RESTATES.fullmatch(sentence, m.end(), a) for a, _ in taken)]
    found.sort(key=lambda lv: lv.start)
    gain = _GAIN.search(sentence)  # R20: "gagne une @" counts in @ too
    if not any(_AT_LEVEL.search(sentence[lv.start:lv.end]) for lv in found) and not gain:
        if not at_before or found:
            return found
        # "..., grimpe à quatre." after an aside in @ (thirteenth battery) too
        found = sorted((_Level(*m.span("n"), _word_level(m.group("n")))
                        for p in (_EN_ONT, _VERB_TO_COUNT) for m in p.finditer(sentence)),
                       key=lambda lv: lv.start)
        if not found:
            return found
        # R26: "Beville et Ceville en obtiennent quatre, Deville trois." (eighth battery):
        # the pronoun says the sentence counts in @, so the bare counts after it do too
    first = min([lv.start for lv in found] + ([gain.start()] if gain else []))
    taken = [(lv.start, lv.end) for lv in found]
    for pattern in (_EN_ONT, _TRAILING_COUNT, _TRAILING_RANK, _COUNT_TO, _VERB_TO_COUNT):
        for m in pattern.finditer(sentence):
            s, e = m.span("n")
            if pattern is _TRAILING_RANK:  # "Beville sa troisième": the level from "sa"
                s = m.start() + len(m.group()) - len(m.group().lstrip())
            after_first = s > first or pattern in (_EN_ONT, _VERB_TO_COUNT)
            if after_first and not any(a <= s < b for a, b in taken):
                found.append(_Level(s, e, _word_level(m.group("n"))))
                taken.append((s, e))
    gains = [m.span() for m in _GAIN.finditer(sentence)]
    return _joined(sorted((lv for lv in found if lv.level and not any(
        a <= lv.start < b for a, b in gains) and not _OUT_OF.search(sentence, 0, lv.start)),
        key=lambda lv: lv.start), sentence)


# R29f: the "5" of "4 sur 5" is the scale, no bare count of its own
_OUT_OF = re.compile(r"\b(?:[1-5]|un|une|deux|trois|quatre|cinq)\s+sur\s+$", re.I)


_RESTATES = re.compile(r"[a-z]*\s*(?:,\s*)?(?:\(\s*|(?:de|d'|à|avec|soit)\s*)?")


# R20: "gagne une @ et passe à 3", "perd une arobase": a change, not the level (it still
# says the sentence counts in @, so "passe à 3" is the level).
_GAIN = re.compile(r"\b(?:gagn|perd|pren)\w*\s+(?:(?:ainsi|donc|encore|également|aussi)\s+)?"
                   r"(?:une?|deux|[12])\s*(?:@|arobases?)"
                   r"(?:\s+(?:supplémentaires?|de\s+plus))?"
                   # "en gagne une et passe à trois": the pronoun stands for the @ (the
                   # held-out battery's "une" was read as the bare count 1)
                   r"|\ben\s+(?:gagn|perd)\w*\s+(?:une?|deux|[12])\b"
                   r"|\b(?:une?|deux|[12])\s*(?:@|arobases?)\s+(?:supplémentaires?|de\s+plus)",
                   re.I)


def _joined(found: list[_Level], sentence: str) -> list[_Level]:
    """"Cinq arobases @@@@@", "4 @ (@@@@)": one level written twice."""
    out: list[_Level] = []
    for lv in found:
        if out and out[-1].level == lv.level and \
                not sentence[out[-1].end:lv.start].strip(" ()"):
            out[-1] = _Level(out[-1].start, lv.end, lv.level)
        else:
            out.append(lv)
    return out


# -- R3: groups of names before their level ---------------------------------------------

_GAP_WORDS = re.compile(rf"^[\s,>:–]*((?:[{_LOW}'’-]+[\s,>:–]+){{0,10}})$")
_GAP_CUE = re.compile(
    r"\b(?:obt\w*|re[çc]\w*|décroch\w*|remport\w*|eu|écop\w*|affich\w*|avec|attribu\w*|"
    r"récolt\w*|rafl\w*|conserv\w*|gard\w*|maint\w*|atteint\w*|gagn\w*|donn\w*|"
    r"distingu\w*|récompens\w*|labell?is\w*|labélis\w*|décern\w*|hiss\w*|accèd\w*|"
    r"arbor\w*|détien\w*|totalis\w*|pass\w*|confirm\w*|renouvel\w*|empoch\w*|glan\w*|"
    r"offr\w*|vu|décroche|monte|valid\w*|prévaloir|prix|rest\w*|"
    r"redescend\w*|descend\w*|retomb\w*|revien\w*|compte|comptent|rejoin\w*|grimp\w*|"
    r"poss[eè]d\w*)\b", re.I)
# "Pessac, Mérignac et Talence ont chacune quatre @" (twelfth battery): "a" / "ont" alone
# before the level (not "a remis 4 @ à ...", whose verb gives the level away)
_HAVE_GAP = re.compile(r"(?:a|ont)(?:\s+(?:chacune|chacun|désormais|maintenant|"
                       r"aujourd'hui|déjà|également|aussi|toutes\s+deux|tous\s+deux))?")
# R29i (tenth battery): "pour sa première participation" (the noun, in an aside) says the
# name took part, and the verb after it what it got ("Cherbourg-en-Cotentin, pour sa
# première participation, en obtient quatre"); the verb "participe" still stops a gap.
_GAP_STOP = re.compile(
    r"\b(?:pas|ne|n'|jamais|vis\w*|esp[eè]r\w*|candidat\w*|particip(?!ation\b)\w*|postul\w*|"
    r"concour\w*|"
    r"sans|aura|auront|pourr\w*|devr\w*|souhait\w*|ambition\w*|objectif|lors|dont|avai\w*|"
    r"précédemment|auparavant|perd\w*|supplémentaire|villes|communes|collectivités|"
    r"territoires|lauréats|si|saur\w*|rat[ée]\w*|manqu\w*|échou\w*|loup[ée]\w*)\b",
    re.I)  # "saura le 6 février si elle obtient"; "a raté la quatrième @"
_ENTRY_COLON = re.compile(r"\s*[:–]\s*")
_SEP = re.compile(r"^\s*(?:,\s*(?:et\s+|ou\s+(?:encore\s+)?)?|\s+et\s+|\s+ou\s+(?:encore\s+)?"
                  r"|\s+ainsi\s+que\s+)(?:à\s+)?\s*$")


# "..., Saint-Égrève et Crolles par deux @" (nineteenth battery): "par", "avec" too
_ELLIPTIC_GAP = ("", "une", "sa", "son", "ses", "par", "avec")
_GAP_DATE = re.compile(rf"\b(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
                       rf"(?:1er|\d{{1,2}})\s+{rel._MONTH}(?:\s+(?:19|20)\d\d)?\b", re.I)
# R25: "a récompensé Lagord de trois arobases et Puilboreau de deux" (the names the
# verb's objects, each with "de" and its level): "de" is the gap once the verb has
# taken a name as its object.
_OBJECT_VERB = re.compile(rf"\b(?:récompens|distingu|gratifi|honor)\w*\s+[{_UP}]")


def _group_before(seg: str, found: list[Item], elliptic: bool, cue_after=None,
                  bracketed: bool = False, objects: bool = False) -> list[Item]:
    """R3: the names that end ``seg`` (the text before a level) with an award gap; a
    short gap may have its award verb right after the level ("et ses quatre @ également
    décrochés")."""
    if not found:
        return []
    last = found[-1]
    # "Issy-les-Moulineaux rafle encore la mise au label Villes Internet 2014 avec cinq
    # arobases": the label's name is no name in the gap, its capitals no new subject (R22)
    labelled = bool(_LABEL_NAME.search(seg[last.end:]))
    gap = _LABEL_NAME.sub("internet", seg[last.end:])  # one lower-case word
    # R28: "Talence a reçu le 2 février 2023 sa quatrième arobase": the ceremony's date
    # is no word of the gap (the sentence's year is read apart, R8)
    gap = _GAP_DATE.sub("date", gap)
    words = _GAP_WORDS.match(gap)
    # R25: "perd une arobase et redescend à 2 @": a loss is a change (R20), the level
    # after it is stated; "perd" stops a gap only outside such a change
    if not words or _GAP_STOP.search(rel._blank(gap, _GAIN)):
        return []
    short = len(words.group(1).split()) <= 3
    # "Arcachon : cinq @ ; Soyaux : trois @": a colon alone between a name and its level
    # is an entry written in words (R1's "Ceville : 4 @").
    entry = _ENTRY_COLON.fullmatch(gap)
    if bracketed and re.fullmatch(r"\s*\(\s*", gap):
        # "Lunel (4 @), Pérols (3 @)", "dont Cancale (@@)": the level in brackets is the
        # name's own, that one name's only (not its group's)
        return [] if last.place else [last]
    # "Plérin reçoit sa première arobase, Ploufragan une cinquième @": after an earlier
    # level, a rank's determiner alone is still no gap (third-hand battery)
    if not (_GAP_CUE.search(gap) or (elliptic and words.group(1).strip() in _ELLIPTIC_GAP)
            or _HAVE_GAP.fullmatch(words.group(1).strip(" ,"))
            or (cue_after and short) or entry or (
                words.group(1).strip() in ("de", "d'") and objects)):
        return []
    group = [last]
    # with the label's name in the gap, the sentence is a long one ("en présence de la
    # ministre Barbara Pompili, Aix-en-Provence a vu renouveler son label « Ville
    # Internet @@@@@»"): only the subject right before reads, no list through commas
    for prev in reversed(found[:-1]) if not labelled else ():
        if not _SEP.match(seg[prev.end:group[0].start]):
            break
        group.insert(0, prev)
    if any(it.place for it in group):
        return _apposed(seg, group)  # not "entre la Roche-sur-Yon et les Sables-d'Olonnes"
    return group


_LABEL_NAME = re.compile(r"(?:[«\"]\s*)?(?:Territoires?,\s+)?Villes?\s+(?:et\s+Villages\s+)?"
                         r"Internet(?:\s*[»\"])?(?:\s+(?:19|20)\d\d)?")
# "Deux communes du Doubs, Ornans et Maîche, obtiennent ...": the group's place.
_GROUP_OF_PLACE = re.compile(r"\b(?:villes?|communes?|villages?|collectivités?|territoires?)\s+"
                             r"(?:du|de\s+la|de\s+l'|des|de|d')\s*$", re.I)


def _apposed(seg: str, group: list[Item]) -> list[Item]:
    """R6: "Deux communes du Doubs, Ornans et Maîche, obtiennent chacune deux arobases":
    the place that opens the group names the département of the names set in apposition
    after it (a comma between); any other place in a group leaves it unsure (none)."""
    head = group[0]
    rest = group[1:]
    if not head.place or any(it.place for it in rest) or not rest or \
            not _GROUP_OF_PLACE.search(rel._tail(seg, head.start)) or \
            seg[head.end:rest[0].start].strip() != ",":
        return []
    dep = _departement(head.name)
    return [dataclasses.replace(it, departement=it.departement or dep) for it in rest]


def _with_departements(group: list[Item], default: str) -> list[tuple[str, str]]:
    """R6: each name with its own hint, a prose hint of a later name of the group, or the
    sentence's place."""
    out, carried = [], default
    for it in reversed(group):
        if it.prose_hint:
            carried = it.departement
        out.append((it.name, it.departement or carried))
    return list(reversed(out))


# -- R5: lists after the level of a counted subject -------------------------------------

_COUNT_SUBJECT = re.compile(
    r"\b(?:lauréats|labellisés|récompensés|intercommunalités)\b|"
    r"\b(?:nombre|plusieurs|certaines|quelques)\s+(?:de\s+)?(?:villes|communes|collectivités)\b|"
    r"\b(?:\d{1,4}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
    r"quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent)(?:[-\s]\w+){0,2}"
    r"\s+(?:autres\s+)?(?:villes|communes|collectivités|territoires|lauréats|villages)\b|"
    r"\b(?:\d{1,4}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
    r"quatorze|quinze|seize|vingt)(?:[-\s]\w+){0,2}\s+d'entre\s+(?:elles|eux)\b|"
    # "Quatre obtiennent quatre @ : Rezé, ..." (twelfth battery): a bare count, subject
    r"^\s*(?:\d{1,4}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
    r"quatorze|quinze|seize|vingt)\s+(?:obtiennent|reçoivent|décrochent|ont|en\s+ont)\b|"
    # R29p (tenth battery): "Ils sont douze à obtenir quatre @ : Aville, ..."
    r"\b(?:ils|elles)\s+sont\s+(?:\d{1,4}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|"
    r"onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante)"
    r"(?:[-\s]\w+){0,2}?\s+à\b",
    re.I)
_LIST_OPEN = re.compile(rf"^\s*,?\s*(?:[{_LOW}'’-]+\s*,?\s*){{0,7}}?(?:(?P<paren>\()|:|,?\s*"
                        # "parmi lesquelles" as "dont" (the held-out battery's "seize
                        # villes obtiennent cinq arobases, parmi lesquelles Metz, ...")
                        r"(?:dont|parmi\s+(?:lesquelles|lesquels|elles|eux))\s)\s*")
_AFTER_LEVEL = re.compile(
    r"^\s*,?\s*(?:tout\s+comme|de\s+même\s+que|ainsi\s+que|à\s+l'image\s+de|"  # R4
    r"au\s+même\s+titre\s+que)\s+"
    # "obtient quatre @ au label Villes Internet, tout comme Cholet": a complement of
    # the award first, closed by its comma
    r"|^[^,.;:@()]{1,50},\s*(?:tout\s+comme|de\s+même\s+que|au\s+même\s+titre\s+que)\s+"
    # R19: "Thiais passe à quatre @ ; même résultat pour Gentilly"
    r"|^\s*[;,]\s*(?:et\s+)?(?:même\s+(?:résultat|score|niveau|note|chose)|idem)\s+pour\s+"
    r"|^[^.;:]{0,40}?\b(?:attribu|décern|remis|octroy)\w*\s+(?:à|aux?)\s+"  # "attribué à"
    # "Les cinq arobases vont cette année à Nice et à Antibes"
    r"|^\s*(?:vont|reviennent|échoient)\s+(?:[a-zé]+\s+){0,3}?(?:à|aux?)\s+"
    # "Trois @ notamment pour A, B" (eighteenth battery)
    r"|^\s+(?:(?:notamment|aussi|également|entre\s+autres|enfin)\s+)?pour\s+"
    r"(?:la\s+(?:ville|commune)\s+(?:de\s+|d')|l'|"
    r"la\s+(?=[Cc]ommunauté|[Mm]étropole|C[ACU]\b)|le\s+(?=Grand\s))?"
    r"(?=[A-ZÀ-Ýcm])")  # "5 @ pour Aville", "4 @ pour la communauté de communes ..."
# "Avec cinq arobases, Aville rejoint ...", "Avec quatre arobases à accrocher à son
# palmarès, la petite commune de Aville et ..." (a complement in lower-case words)
_GIVEN_TO = re.compile(r"\b(?:décern|attribu|octroy|accord)\w*\s+(?:(?:également|aussi)\s+)?"
                       # "... quatre arobases à Aville et trois à Beville" (sixth battery)
                       r"(?:[^.;@]*(?:@|[Aa]robases?)[^.;@]*\bet\s+)?$")
_TO_NAME = re.compile(r"^\s+(?:à|aux?)\s+(?:la\s+(?:ville|commune)\s+(?:de\s+|d'))?(?=[A-ZÀ-Ý])")
_AFTER_OPENING = re.compile(rf"^(?:\s+[{_LOW}'’-]+){{0,12}}\s*,\s*")
_OPENING_WITH = re.compile(r"^\s*(?:[Aa]vec|[Gg]râce\s+à)\s*$")


def _list_from(text: str, start: int, closed: bool) -> list[Item]:
    """The names listed from ``start``: separated by commas and "et", to ")" when
    ``closed``, else to the first piece that is not a name; [] if ``closed`` and a piece
    is not a name."""
    out, pos = [], start
    for it in items(text[start:]):
        it = dataclasses.replace(it, start=it.start + start, end=it.end + start)
        between = text[pos:it.start]
        if out and not _SEP.match(between) or not out and between.strip():
            break
        out.append(it)
        pos = it.end
    rest = text[pos:]
    if closed and not re.match(r"^\s*(?:…|\.\.\.)?\s*\)", rest):
        return []
    return out


# -- the text ---------------------------------------------------------------------------

# "4@Beuvrages": entries run together once the HTML is gone; a capital right after "4@"
# is the next entry's name, as it is after "@@@" (lower case would be an address).
_MARKS = re.compile(r"(?<![\w@.])(?:\((?:(?P<paren>@{1,5})|(?P<pdigit>[1-5])\s*@)\)"
                    r"|(?P<bare>@{1,5})(?![@a-z0-9_])"
                    r"|(?P<digit>[1-5])\s*@(?![@a-z0-9_])|(?P<word>[1-5])\s+arobases?\b)")
# "Ville de Hayange @@@@", "Mairie de Uckange @@", "Commune de Saint-Avold (Moselle)
# @@@": the commune, its kind dropped (as R3's "la commune de Aville").
_ENTRY = re.compile(
    rf"^\s*[-–•*]?\s*(?:(?P<place>{_BARE})(?:\s*\((?P<pcode>\d{{2,3}}|2[AB])\))?\s+[–-]\s+)?"
    rf"(?:(?:[Vv]ille|VILLE|[Cc]ommune|COMMUNE|[Mm]airie|MAIRIE)\s+"
    rf"(?P<prep>de\s+|d'|du\s+|des\s+|DE\s+|D'|DU\s+|DES\s+))?"
    # "Souleuvre en Bocage (@)": in an entry, "en" joins the name (it is its whole line)
    rf"(?P<item>{_EPCI}|{_BARE}(?:\sen\s{_CAPWORD}{_HYPHENED})?)\s*"
    # "Fourmies (59) ....... @@@@", "Genas > @@" (fourth battery): leaders to the marks;
    # R29k: "Lannion | 4 @" (tenth battery: a bar between a row's two cells)
    rf"(?:\((?P<dep>\d{{2,3}}|2[AB]|{_BARE})\)\s*)?(?:[:–,>|-]|\.{{2,}}|…+)?\s*\(?$")
# "Les communes labellisées une arobase : Genlis, Decize, Ornans." too: a heading that
# says who before the level.
_LEVEL_HEADING = re.compile(
    rf"^\s*(?:(?:(?:les\s+)?(?:communes|villes|villages|collectivités|territoires|lauréats)"
    rf"\s+(?:labell?isées?|labélisées?|récompensées?|distinguées?)\s+(?:avec\s+|à\s+)?)"
    # "Les 5 @ :", "Quatre @ (le niveau maximal) :" (twelfth battery)
    rf"|(?:niveau|label|catégorie|villes?|villages?|les)\s+"
    # R29d (tenth battery): "Obtiennent deux @ : Aville ; Beville.", "Ils obtiennent 5 @ :
    # Aville, Beville et Ceville." (the verb of the names after the colon)
    rf"|(?P<verb>(?:(?:ils|elles)\s+)?(?:obtiennent|reçoivent|décrochent|remportent|ont\s+"
    rf"(?:obtenu|reçu|décroché))\s+(?:(?:également|aussi)\s+)?))?(?:(?P<n>{_NUMWORD})\s*"
    rf"(?:arobases?|@)\s*(?:\(?@{{1,5}}\)?)?\s*(?:\([^()@:]{{1,40}}\)\s*)?"
    rf"(?::\s*(?P<rest>.*))?"
    # R27 (ninth battery): a single "@" glued to a word ("@VannesNumerique", a line
    # opening on an account's handle) is no heading's level; "@@@ :" and "@@@Aville" are
    rf"|(?!@[^\W\d_])(?P<marks>@{{1,5}})\s*:?\s*(?P<after_marks>.*))$", re.I)
_PLACE_LINE = re.compile(rf"^\s*(?:Côté\s+|Dans\s+(?:le\s+|la\s+|les\s+|l')|En\s+)?"
                         # "Indre-et-Loire (37)": the number beside the name (R6)
                         rf"(?P<place>{_BARE})\s*(?:\((?P<code>\d{{2,3}}|2[AB])\))?"
                         # "Martinique – palmarès 2024" (fifth battery): a title naming the
                         # place of the list below it, the label's word after the dash
                         rf"(?:\s*[–-]\s*(?i:palmarès|label)\b[^:@]*)?"
                         rf"\s*[:–-]?\s*$")
# R29g (tenth battery): the lead right above a list, counting its names with their
# département ("Six communes de la Gironde ont été distinguées hier."): that place for
# the entries under it, as a place line's (R6). A département only (its first word one
# of theirs); a région places nothing.
_COUNTED_PLACE = re.compile(
    rf"\b(?i:\d{{1,3}}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
    rf"quatorze|quinze|seize|vingt)\s+(?:villes|communes|collectivités|lauréats|"
    rf"territoires)\s+(?:du|de\s+la|de\s+l'|des|de|d')\s*(?P<place>(?={_PLACE_FIRST}){_BARE})"
    rf"\s*(?:\((?P<code>\d{{2,3}}|2[AB])\))?")
_ANY_PLACE = re.compile(rf"\b(?:du|de\s+la|de\s+l'|des|d'|en|dans\s+(?:le|la|les|l'))\s*"
                        rf"(?P<place>(?={_PLACE_FIRST}){_BARE})")
# A date line between such a title and its list ("Publié le 8 février 2024") does not
# end the title's place: it dates the page, it is not another list.
_DATE_LINE = re.compile(r"^\s*(?:Publié|Mis\s+à\s+jour|Mise\s+à\s+jour)\b", re.I)
# "Meuse : Aville (@@)"; "Isère (38) : Aville @@@@, Beville @@" (seventh battery: a
# palmarès by département, its number beside its name, as a place line has it, R6)
# R29n (tenth battery): "Finistère (29) – Brest @@@@@, Quimper @@@": a dash after the
# département's number opens its line as a colon does (the number says it is a place).
_PLACE_COLON = re.compile(rf"^\s*(?P<place>{_BARE})\s*(?:(?:\((?P<code>\d{{2,3}}|2[AB])\)\s*)?:"
                          rf"|\((?P<dcode>\d{{2,3}}|2[AB])\)\s*[–—-])\s*(?=[{_UP}])")
_PLACE_WORDS = (r"(?:Côté\s+|Dans\s+(?:le\s+|la\s+|les\s+|l')|En\s+"
                # "À La Réunion, Saint-Denis obtient ...": islands take "à" (a town after
                # "À" stays a place of the sentence, never the names' département)
                r"|[ÀàA]\s+(?=(?:[Ll]a\s+)?Réunion\b|Mayotte\b))")
# "Dans le Gers voisin," (thirteenth battery): a neighbour's adjective after the place
_NEIGHBOUR = r"(?:\s+(?:voisine?s?|tout\s+proche|limitrophe|aussi|également))?"
_PLACE_OPENING = re.compile(rf"^\s*(?P<where>{_PLACE_WORDS}"
                            rf"(?P<place>{_BARE}){_NEIGHBOUR}\s*[:,]\s*)")
# "En Aveyron et dans le Lot, Rodez et Figeac reçoivent deux @" (nineteenth battery): two
# places open the sentence; where each name is, the reader cannot tell
_TWO_PLACES = re.compile(rf"^\s*(?P<where>{_PLACE_WORDS}{_BARE}\s+et\s+(?i:{_PLACE_WORDS})"
                         rf"{_BARE}\s*,\s*)")
# ... after a short lead: "Plus au nord, dans le Lot, Figeac reçoit trois @"
# (seventeenth battery)
_PLACE_AFTER_LEAD = re.compile(rf"^\s*[{_UP}][^,:;.@]{{0,30}},\s*(?P<where>(?i:{_PLACE_WORDS})"
                               rf"(?P<place>{_BARE}){_NEIGHBOUR}\s*[:,]\s*)")
# ... and after a heading's colon: "Label 2023 : à La Réunion, Saint-Denis obtient ..."
_PLACE_AFTER_HEAD = re.compile(rf"^[^:.@]{{0,80}}:\s*(?P<where>"
                               rf"(?i:{_PLACE_WORDS})"  # lower case after the colon
                               rf"(?P<place>{_BARE})\s*,\s*)")
# (never "communauté de communes de Aville": an EPCI's name, held-out battery)
_PLURAL_OF = re.compile(rf"(?<![Cc]ommunauté\sde\s)\b(?:[Ll]es\s+)?"
                        rf"(?:communes|villes|villages|territoires)\s+(?:de\s+|d')"
                        rf"(?=[{_UP}])")
_OF_AFTER_AND = re.compile(rf"((?:,|\bet)\s+)(de\s+|d')(?=[{_UP}])")
# Quotes paired in order: in 'les labels "Ville Internet" ... "dans la promotion ..."',
# the text between the first pair's closing mark and the second's opening one is prose.
_QUOTE_PAIRS = re.compile(r"«[^»]*»|\"[^\"]*\"")


def _unquoted(text: str) -> str:
    """The text with its long quotes (40 characters or more) blanked."""
    for m in _QUOTE_PAIRS.finditer(text):
        if m.end() - m.start() - 2 >= 40:
            text = rel._blank_span(text, m.start(), m.end())
    return text


# Not the "et" of "Seine-et-Marne": a hyphenated name is one piece.
# R29b (tenth battery): " / " between entries, as a page's breadcrumb-like run has them
# ("Rennes 5 @ / Saint-Brieuc 4 @"); a slash within a word ("5/5") is none.
_ENTRY_SEPARATOR = re.compile(rf"[:;•|,]|(?<=\s)/(?=\s)|(?<!-)\bet\b(?!-)|\bà\b|\bdont\b"
                              rf"|[.!?](?=\s+[{_UP}])"  # "... Villes Internet. Lunel (4 @)"
                              rf"|\bs'agit\s+(?:notamment\s+)?(?:de\b|d')"  # "de Fécamp (@@@)"
                              # R26: an entry inside running prose, after the verb or
                              # the link that opens it: "les lauréats sont Lannion (@@@@@)",
                              # "devant Montbrison (3 @)", "tandis que Dinan (@@@) fait
                              # son entrée", "ainsi que la CAPI (@@@@)"
                              rf"|\b(?:sont|devant|(?:tandis|ainsi|alors)\s+que)\b")
_ENTRY_YEAR = re.compile(r"\s*(?:en\s+)?((?:19|20)\d\d)\s*\)")
# "2008 : Brest @@@@@, Morlaix @@" (fifth battery: a blog listing a département's
# laureates year after year): a year opening the line, before a colon or a dash, is the
# edition of that line's entries, as "(4 @ en 2023)" is one entry's.
# R26: "Mazamet (3 @, contre 2 en 2016)" (eighth battery): the entry's earlier level
# inside its brackets, as R20's "contre deux en 2014" in a sentence.
_ENTRY_AGAINST = re.compile(r"\s*,\s*contre\s+([1-5])\s*(?:@|arobases?)?\s+en\s+"
                            r"((?:19|20)\d\d)\s*\)")
_LINE_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*[:–-]\s")


def _marks_level(m: re.Match) -> int:
    if m.group("paren") or m.group("bare"):
        return len(m.group("paren") or m.group("bare"))
    return int(m.group("digit") or m.group("word") or m.group("pdigit"))


# "Arrondissement de Bonneville : Cluses (3 @)", "Canton de Vitré : ..." (eighth
# battery): a part of a département named after its chief town opens the line as a
# département would; it is no département (read as one, Cluses was placed by the name
# "Bonneville"), so the place of the title above the list stands.
_SUBDIVISION = re.compile(r"(?i:arrondissement|canton|circonscription)\b")


def _entries(block: Block) -> list[tuple[int, int, str, str, int, int | None]]:
    """R1: (start, end, name, département, level, year written with it or None) of the
    entries of a block ("Côté Calvados : Aville (@@), Beville (@@@)": the place opening
    the block for all; "Aville (4 @ en 2023)": that year)."""
    # R29k (tenth battery): a population beside the name, "Lannion (22 000 hab.) 4 @", is
    # no part of the entry (blanked, the offsets kept)
    text, out, boundary = rel._blank(block.text, _POPULATION), [], 0
    line_year = _LINE_YEAR.match(text)
    year = int(line_year.group(1)) if line_year else None
    if year is not None and (not editions.in_range(year) or year == editions.NONE):
        return []  # "2010 : Aville @@" names no edition: not the text's either
    opening = _PLACE_OPENING.match(text) or _PLACE_COLON.match(text)
    place = _departement(opening.groupdict().get("code") or opening.groupdict().get("dcode")
                         or opening.group("place")) \
        if opening and _is_name(opening.group("place")) else ""
    if _SUBDIVISION.match(place):
        place = ""  # "Arrondissement de Bonneville :": the title's département stands
    for m in _MARKS.finditer(text):
        cut = boundary  # after the last separator that still leaves a name before m
        before, last = boundary, None
        for sep in _ENTRY_SEPARATOR.finditer(text, boundary, m.start()):
            if re.search(f"[{_UP}]", text[sep.end():m.start()]):
                before, cut, last = cut, sep.end(), sep
        entry = _ENTRY.match(text[cut:m.start()])
        # "Thue et Mue @@" (fourth battery): a commune whose name holds "et", alone
        # between two separators; "Mue" would be another commune's award, or none. The
        # whole is given: the geocoder places it, or rejects it if it names two.
        if entry and last is not None and last.group() == "et" and \
                re.fullmatch(rf"\s*[-–•*]?\s*{_CAPWORD}{_HYPHENED}\s*",
                             text[before:last.start()]):
            joined = text[before:last.start()].strip(" -–•*") + " et " + entry.group("item")
            if entry.group("prep") is None and entry.group("place") is None:
                name = joined
                dep = _departement(entry.group("dep") or "") or place
                own = _ENTRY_YEAR.match(text, m.end())
                out.append((before, m.end(), name, dep, _marks_level(m),
                            int(own.group(1)) if own else year))
                boundary = m.end()
                continue
        boundary = m.end()
        if not entry:
            continue
        name = rel._restore_article(entry.group("prep") or "", entry.group("item"))
        if not _is_name(name) and not re.match(_EPCI, name):
            continue
        dep = _departement(entry.group("dep") or entry.group("pcode") or
                           entry.group("place") or "") or place
        own = _ENTRY_YEAR.match(text, m.end())
        out.append((cut, m.end(), name, dep, _marks_level(m),
                    int(own.group(1)) if own else year))
        before_year = _ENTRY_AGAINST.match(text, m.end())  # R26, never 2010 (no edition)
        if before_year and editions.in_range(int(before_year.group(2))) and \
                int(before_year.group(2)) != editions.NONE:
            out.append((cut, m.end(), name, dep, int(before_year.group(1)),
                        int(before_year.group(2))))
    return out


def _lone_entries(text: str, here: list, dated, edition: int | None) -> list:
    out, at = [], 0
    for sentence in rel.sentences(text):
        start = text.index(sentence, at)
        at = start + len(sentence)
        if rel._EARLIER.search(sentence) or rel._NOT_AWARDED.search(sentence):
            continue
        year = _year(sentence, dated, edition)
        for cut, end, name, dep, level, own in here:
            if start <= cut and end <= at and text[end - 1] == ")" and year:
                out.append((cut, end, name, dep, level, own or year))
    return out


class _Collector:
    """Awards of one text, keyed by name and year (R9 is ``press.merge``'s)."""

    def __init__(self):
        self.found: dict[tuple[str, int], list[Award]] = {}
        self.added: list[Award] = []  # in order, so a sentence's own are a slice

    said: str | None = None  # the sentence being read, as printed (``_sentences``)

    def add(self, name: str, dep: str, year: int | None, level: int, evidence: str,
            line: int, inferred: bool = False) -> None:
        evidence = self.said or evidence
        if year and 1 <= level <= 5 and _is_name(name) or year and re.match(_EPCI, name):
            award = Award(name, dep, year, level, evidence.strip()[:400], line, inferred)
            self.found.setdefault((names.key(name), year), []).append(award)
            self.added.append(award)

    def awards(self) -> list[Award]:
        return [a for got in self.found.values() for a in got]


# R25: a change noted after a name in a level heading's list ("Quatre @ : Quimper (+1),
# Morlaix (=), Concarneau (nouveau)", sixth battery): no département, no level, blanked
# so that the list goes on.
_CHANGE_NOTE = re.compile(r"\((?:\s*[+=\-−–]\s*[1-4]?\s*|nouveau|nouvelle|nouvel\s+entrant|"
                          r"nouvelle\s+entrante|entrée|stable|maintien|idem|new)\)", re.I)


def awards(doc: list[Block], edition: int | None = None) -> list[Award]:
    """Every award the round-up parts of a text state (R1-R8), contradictions
    included: ``press.merge`` drops them (R9). ``edition``: staff's, for a text stating
    none (``release.current_edition``)."""
    text = "\n".join(b.text for b in doc)
    if not rel._GATE.search(text):
        return []
    dated = rel.release_date(doc)
    edition = rel.current_edition(doc, dated, edition)
    got = _Collector()
    table = _table_rows(doc)
    table.update(_name_level_pairs([b for b in doc if b.line not in table]))
    by_year = _year_columns([b for b in doc if b.line not in table])
    doc = [b for b in doc if b.line not in table and b.line not in by_year]  # read here
    for line, (name, dep, level, evidence) in sorted(table.items()):
        if level:
            got.add(name, dep, edition, level, evidence, line)
    for line, row in sorted(by_year.items()):
        for name, dep, year, level, evidence in row:
            got.add(name, dep, year, level, evidence, line)
    entries = {b.line: _entries(b) for b in doc}
    listed = sum(len(e) for e in entries.values())
    place, heading, at_before = "", 0, False
    for i, b in enumerate(doc):
        at_prev, at_before = at_before, False  # only a prose line passes it on (R26)
        here = entries[b.line]
        j = i + 1
        if j < len(doc) - 1 and _DATE_LINE.match(doc[j].text):
            j += 1
        nxt = entries.get(doc[j].line) if j < len(doc) else None
        place_line = _PLACE_LINE.match(b.text)
        if place_line and not here and nxt and _is_place(place_line.group("place")):
            place = place_line.group("code") or _departement(place_line.group("place"))
            continue
        counted = list(_COUNTED_PLACE.finditer(b.text)) if not here and nxt else []
        counted_place = counted[0] if len(counted) == 1 and len(
            {names.key(m.group("place")) for m in _ANY_PLACE.finditer(b.text)
             if not rel.is_region(m.group("place"))}) == 1 else None  # two places: unsure
        if counted_place and _is_place(counted_place.group("place")) and \
                not rel.is_region(counted_place.group("place")):
            place = counted_place.group("code") or counted_place.group("place")
        if listed < 2 and b.kind != "bullet":
            # A lone entry in prose only with its level in brackets ("La Bretagne compte
            # 40 villes labellisées, dont Cancale (@@)."), in a sentence that is no past,
            # aim or negation, dated as its sentence is.
            here = _lone_entries(b.text, here, dated, edition)
        for _, _, name, dep, level, year in here:
            got.add(name, dep or place, year or edition, level, b.text, b.line)
        if here:  # the rest of the block may still name laureates in sentences
            heading = 0
            rest = b.text
            for start, end, *_ in here:
                rest = rel._blank_span(rest, start, end)
            if rest.strip(" .,;:"):
                _sentences(dataclasses.replace(b, text=rest), dated, edition, got)
            continue
        lv_heading = _LEVEL_HEADING.match(b.text)
        if lv_heading and lv_heading.group("verb"):
            # R29d: after a verb, names that close the line only ("Ils obtiennent 5 @ :
            # Paris s'en félicite" is a sentence, read as one)
            rest = _as_commas(lv_heading.group("rest") or "").rstrip(" .")
            listed_here = _list_from(rest, 0, closed=False)
            if not listed_here or listed_here[-1].end < len(rest):
                lv_heading = None
        if lv_heading:
            heading = len(lv_heading.group("marks") or "") or \
                _word_level(lv_heading.group("n"))
            rest = lv_heading.group("rest") or lv_heading.group("after_marks")
            if rest and _HEADING_COUNT.fullmatch(rest):
                rest = ""  # R29o: "@@@@@ – 3 villes": the names follow, one a line
            if rest:  # R29d: "Quatre @ : Aville ; Beville ; Ceville." as with commas
                rest = _as_commas(rel._blank(rest, _CHANGE_NOTE))
                for it in _list_from(rest, 0, closed=False):
                    got.add(it.name, it.departement or place, edition, heading, b.text,
                            b.line)
                heading = 0
            continue
        if heading:
            listed_here = _list_from(_as_commas(rel._blank(b.text, _CHANGE_NOTE)).rstrip(" ."),
                                     0, closed=False)
            if listed_here and listed_here[-1].end >= len(b.text.rstrip(" .")):
                for it in listed_here:
                    got.add(it.name, it.departement or place, edition, heading, b.text,
                            b.line)
                continue
            if _FURNITURE.match(b.text):
                continue  # R29l: a page's number or running head inside the list
            heading = 0
        at_before = _sentences(b, dated, edition, got, at_prev)
    return got.awards()


# R29o (tenth battery): a national list by level counts each level's names after its
# marks, "@@@@@ – 3 villes", "@@@@ (12 communes)", "5 @ : 4 lauréats": a heading whose
# names follow on the lines under it (read as its list, the count named nobody and the
# names under it were lost).
_HEADING_COUNT = re.compile(r"\s*[–—:-]?\s*\(?\s*\d{1,4}\s+(?:villes?|communes?|"
                            r"collectivités?|lauréat(?:e)?s?|territoires?|villages?|"
                            r"labellisée?s?)\s*\)?\s*:?\s*", re.I)
# R29l (tenth battery): a level heading's names run on across the furniture of a page
# copied out of a PDF: a page number alone ("12") or a running head in capitals with its
# year ("VILLES INTERNET – PALMARÈS 2004 – 3", "L'ÉCHO DIJONNAIS – JEUDI 24 JANVIER 2008");
# read as the list's end, the names after it were lost.
_FURNITURE = re.compile(r"^\s*\d{1,3}\s*$"
                        r"|^(?=[^a-zà-ÿ]*$)(?=.*\b(?:19|20)\d\d\b)\s*(?:\S+\s+){2,}\S+\s*$")
# R29m (tenth battery): a level heading's names separated as pages print them, "4 @ :
# Brest – Metz – Lannion", "Quatre @ : Brest • Metz", "Brest / Metz", "Brest | Metz"
# (";" too, R29d): read as with commas (the offsets kept).
_LIST_MARKS = re.compile(r"\s[–—/|]\s|[;•·]")


def _as_commas(text: str) -> str:
    return _LIST_MARKS.sub(lambda m: m.group().replace(m.group().strip(), ","), text)


# R23: a table whose cells the page kept apart (tabs, "|"), under a header of column
# names: "Commune<tab>Département<tab>Arobases", then "Saint-Lô<tab>Manche<tab>4". Read
# as entries, "Saint-Lô Manche" was one name (the département column run into it), and a
# level in figures was no level at all. Cells run together with single spaces stay
# unread: the name's end cannot be told from the département's start.
_CELLS = re.compile(r"\s*(?:\t+|\|)\s*")
_NAME_COLUMN = {"commune", "communes", "ville", "villes", "collectivite", "collectivites",
                "nom", "laureat", "laureats", "territoire", "territoires"}
_DEP_COLUMN = {"departement", "dep", "dept", "departements"}
_LEVEL_COLUMN = {"arobases", "arobase", "niveau", "@", "label", "nombre d arobases"}
_CELL_LEVEL = re.compile(r"(?P<n>[1-5])\s*(?:@|arobases?)?(?:\s*(?:/|sur)\s*5)?|(?P<marks>@{1,5})")


def _cell_level(cell: str) -> int:
    m = _CELL_LEVEL.fullmatch(cell.strip())
    if m:
        return int(m.group("n")) if m.group("n") else len(m.group("marks"))
    return _word_level(cell.strip()) if re.fullmatch(r"[a-z]+", cell.strip()) else 0


def _lone_cell_key(b: Block) -> str:
    return names.fold(b.text.strip()) or b.text.strip()


def _stacked(doc: list[Block]) -> tuple[list[Block], set[int]]:
    """R23: a table copied one cell a line ("Commune" / "Département" / "Niveau" /
    "LE HAVRE" / "76" / "@@@@@" ..., twelfth battery) → its rows as lines of cells
    split by tabs, each on its first cell's line; and the lines folded into them. Read
    one cell a line, each name took the marks of the row above it as a level heading's."""
    out, folded, i = [], set(), 0
    columns = _NAME_COLUMN | _DEP_COLUMN | _LEVEL_COLUMN
    while i < len(doc):
        k = 0
        while i + k < len(doc) and k < 4 and _lone_cell_key(doc[i + k]) in columns and \
                "\t" not in doc[i + k].text:
            k += 1
        keys = [_lone_cell_key(b) for b in doc[i:i + k]]
        if k < 2 or keys[0] not in _NAME_COLUMN or not any(x in _LEVEL_COLUMN for x in keys):
            out.append(doc[i])
            i += 1
            continue
        level_at = next(j for j, x in enumerate(keys) if x in _LEVEL_COLUMN)
        rows = [doc[i:i + k]]
        j = i + k
        while j + k <= len(doc) and _cell_level(doc[j + level_at].text) and \
                _is_name(doc[j].text.strip()):
            rows.append(doc[j:j + k])
            j += k
        for row in rows:
            out.append(dataclasses.replace(row[0], text="\t".join(b.text.strip() for b in row),
                                           raw="\t".join(b.raw.strip() for b in row)))
            folded |= {b.line for b in row[1:]}
        i = j
    return out, folded


def _table_rows(doc: list[Block]) -> dict[int, tuple]:
    """R23: line → (name, département, level, evidence) of the rows under a header line
    (the header itself: a row with no level); a row that does not fit ends the table."""
    doc, folded = _stacked(doc)
    out: dict[int, tuple] = {line: ("", "", 0, "") for line in folded}
    header = None  # (cells, name column, département column or None, level column)
    place, before = "", None
    for b in doc:
        cells = [c.strip() for c in _CELLS.split(b.raw.strip().strip("|"))]
        keys = [names.fold(c) or c for c in cells]
        if len(cells) >= 2 and keys[0] in _NAME_COLUMN and \
                any(k in _LEVEL_COLUMN for k in keys):
            dep = next((i for i, k in enumerate(keys) if k in _DEP_COLUMN), None)
            level = next(i for i, k in enumerate(keys) if k in _LEVEL_COLUMN)
            header = (len(cells), dep, level)
            place = _table_place(before.text) if before is not None else ""
            out[b.line] = ("", "", 0, b.text)
            continue
        if header and all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
            out[b.line] = ("", "", 0, b.text)  # a markdown table's rule "|---|---|"
            continue
        if header and len(cells) == header[0] and _cell_level(cells[header[2]]) and \
                _is_name(cells[0]):
            dep = cells[header[1]] if header[1] is not None else ""
            out[b.line] = (cells[0], _departement(dep) or place,
                           _cell_level(cells[header[2]]), b.text)
            continue
        header = None
        before = b
    return out


# R29a (tenth battery): a list whose cells a PDF or a narrow column put one a line, each
# name on its line and its level alone on the next ("Échirolles" / "4 @" / "Fontaine
# (38)" / "3 @"): read as level headings, each level went to the name after it. Only a
# strict alternation of two pairs or more, not after a level line (then the levels head
# the names under them: "@@@@@" / "Aville" / "@@@@" / "Beville") and not followed by a
# name line (a name left over: the same), is read name then level.
def _level_line(text: str) -> int:
    m = _LEVEL_HEADING.match(text)
    if not m or m.group("rest") or m.group("after_marks"):
        return 0
    return len(m.group("marks") or "") or _word_level(m.group("n"))


def _name_line(text: str) -> Item | None:
    text = text.rstrip(" .")
    found = _list_from(text, 0, closed=False)
    return found[0] if len(found) == 1 and found[0].end >= len(text) and \
        not found[0].place and not text.lstrip().startswith(("(", "@")) else None


def _name_level_pairs(doc: list[Block]) -> dict[int, tuple]:
    """R29a: line → (name, département, level, evidence) of the lines read in pairs, name
    then level (the level's line: a row with no level)."""
    out: dict[int, tuple] = {}
    i = 0
    while i < len(doc):
        pairs, j = [], i
        while j + 1 < len(doc) and doc[j].kind == doc[j + 1].kind and \
                (it := _name_line(doc[j].text)) and (lv := _level_line(doc[j + 1].text)):
            pairs.append((j, it, lv))
            j += 2
        if len(pairs) >= 2 and not (i > 0 and _level_line(doc[i - 1].text)) and \
                not (j < len(doc) and _name_line(doc[j].text)):
            for k, it, lv in pairs:
                out[doc[k].line] = (it.name, it.departement, lv,
                                    f"{doc[k].text} {doc[k + 1].text}")
                out[doc[k + 1].line] = ("", "", 0, doc[k + 1].text)
            i = j
        else:
            i += 1
    return out


# R29e (tenth battery): a retrospective table, one column an edition ("Commune<tab>2003
# <tab>2008<tab>2013", then "Parthenay<tab>5<tab>5<tab>4"): each row's level under each
# year is that edition's; a dash or an empty cell is none (not labelled that year). Only
# under a header whose first cell names the communes and whose others are all editions
# (never 2010), each row as many cells, every cell a level or a dash.
_NO_CELL = re.compile(r"[-–—/x]?")


def _year_columns(doc: list[Block]) -> dict[int, list[tuple]]:
    """R29e: line → [(name, département, year, level, evidence)] of a table's rows under
    a header of editions (the header: an empty row)."""
    out: dict[int, list[tuple]] = {}
    years, place, before = None, "", None
    for b in doc:
        cells = [c.strip() for c in _CELLS.split(b.raw.strip().strip("|"))]
        keys = [names.fold(c) or c for c in cells]
        if len(cells) >= 2 and keys[0] in _NAME_COLUMN and all(
                re.fullmatch(r"(?:19|20)\d\d", c) and editions.in_range(int(c)) and
                int(c) != editions.NONE for c in cells[1:]):
            years = [int(c) for c in cells[1:]]
            place = _table_place(before.text) if before is not None else ""
            out[b.line] = []
            continue
        if years and len(cells) == len(years) + 1 and _is_name(cells[0]) and \
                re.fullmatch(rf"{_EPCI}|{_BARE}", cells[0]) and all(
                _cell_level(c) or _NO_CELL.fullmatch(c) for c in cells[1:]) and \
                any(_cell_level(c) for c in cells[1:]):
            out[b.line] = [(cells[0], place, year, _cell_level(c), b.text)
                           for year, c in zip(years, cells[1:]) if _cell_level(c)]
            continue
        years = None
        before = b
    return out


# R23: the line right above a table's header naming a département, alone ("Essonne",
# "Isère (38)") or at its end ("Villes Internet 2012 : les lauréats de l'Essonne",
# seventh battery), places the rows that have no département column. A région is no
# département; a line naming anything else ("Les communes de l'année") places nothing.
_TABLE_PLACE = re.compile(
    rf"(?:^\s*|\b(?:de\s+l'|de\s+la\s+|du\s+|des\s+|en\s+|dans\s+(?:le\s+|la\s+|les\s+|l')))"
    rf"(?P<place>(?={_PLACE_FIRST}){_BARE})\s*(?:\((?P<code>\d{{2,3}}|2[AB])\))?\s*[:.]?\s*$")


def _table_place(line: str) -> str:
    m = _TABLE_PLACE.search(line)
    if not m or not _is_place(m.group("place")) or rel.is_region(m.group("place")):
        return ""
    return m.group("code") or _departement(m.group("place"))


def _year(sentence: str, dated, edition: int | None) -> int | None:
    """R8."""
    own = rel.edition_years(sentence, dated) | {int(y) for y in
                                                rel._PLAIN_YEAR.findall(sentence)}
    if len(own) == 1:
        return own.pop()
    return None if own else edition


def _sentences(block: Block, dated, edition: int | None, got: _Collector,
               at_before: bool = False) -> bool:
    text = _QUOTED_MARKS.sub(lambda m: " " + m.group(1).center(len(m.group()) - 2) + " ",
                             block.text)  # "cinq « @ »": the marks without their quotes
    text = rel._blank(_unquoted(text), rel._SPEECH)
    # R25 in prose: "Lunel (+1) obtient trois @": the change noted is no gap
    text = rel._blank(text, _CHANGE_NOTE)
    closing: list[Item] = []  # the names that end the sentence before
    grouped: list[Item] = []  # R11: the first group of names of the sentence before
    among = 0  # the level of a counted subject in the sentence before ("Parmi elles")
    club = 0  # R14: "le club des 5 arobases" earlier in the paragraph
    last_level = None  # R19: the one (level, year) the sentence before gave its names
    # R22: the sentence before stated a level in @ (R26: the line before's last one, when
    # it was prose too: "Canton de Vitré : Vitré obtient quatre arobases." then "Canton
    # de Redon : Redon en reçoit deux."); returned for the next line
    at = 0
    for sentence in rel.sentences(text):
        # the evidence is the sentence as printed, not as blanked below: the release
        # reader's evidence for the same sentence, so that ``press.merge`` sees that two
        # readings of one sentence disagree (a year read from an aside, say)
        start = text.find(sentence, at)
        at = start + len(sentence) if start >= 0 else at
        got.said = block.text[start:start + len(sentence)] if start >= 0 else None
        ending, closing = closing, _closing_names(sentence)
        pointed, grouped = grouped, _first_group(sentence)
        previous_among, among = among, 0
        # "Aville, qui a obtenu en décembre le label Territoire Numérique Libre, décroche
        # quatre @", "Beville, qui avait trois arobases en 2019, en obtient quatre": a
        # relative clause set between commas speaks of something else (another label, an
        # earlier year); without it the sentence's own award reads (R22).
        _timeline(sentence, block.line, got)
        _first_since(sentence, block.line, got)
        sentence = _after_earlier(sentence, block.line, got)
        this = rel.edition_years(sentence, dated)  # R29h: the steps' own years aside
        _timeline_first(sentence, block.line, got,
                        (this.pop() if len(this) == 1 else None) if this else edition)
        in_at = bool(_AT_LEVEL.search(sentence))  # the aside's @ still say what "en" counts
        sentence = _label_apposed(sentence, _year(sentence, dated, edition), block.line,
                                  got)
        for m in _RELATIVE_ASIDE.finditer(sentence):  # "Beville, qui avait trois @ en 2019,"
            # R26: "qui avait trois @ l'an dernier,": the edition before the sentence's
            this = _year(_RELATIVE_ASIDE.sub(lambda a: " " * len(a.group()), sentence),
                         dated, edition)
            _aside_award(sentence, m, block.line, got, this, in_at)
        sentence = _RELATIVE_ASIDE.sub(_aside_blank, sentence)
        if rel._EARLIER.search(rel._blank(sentence, _ALREADY)) or \
                sentence.rstrip().endswith("?"):  # "qu'elle détenait déjà en 2023": R26
            last_level, at_before = None, False
            continue  # the past without its year; a question states nothing
        if _RESPECTIVELY.search(sentence):
            _respectively(sentence, dated, edition, block.line, got)
            continue
        # "n'en garde que trois": "only", no negation (thirteenth battery)
        sentence = _RESTRICTIVE.sub(lambda r: " " * 2 + r.group(1) + " " * 4, sentence)
        unsaid = _unsaid(sentence)
        too = _TOO.match(unsaid)  # "Cahors aussi." after "Manosque décroche quatre @."
        if too and last_level and (too.group("idem") or too.group("too")):
            for it in _list_from(unsaid, too.start("who"), closed=False):
                got.add(it.name, it.departement, last_level[1], last_level[0], sentence,
                        block.line)
        last_level, before = None, len(got.added)
        clean = rel._blank(rel._blank(rel._blank(rel._blank(unsaid, rel._SINCE),
                                                 rel._AS_IN), _PLACE_ASIDE), _POPULATION)
        found_gains = _GAIN.search(clean)
        already = [(m.start(), int(m.group(1))) for m in _ALREADY.finditer(clean)]
        clean = rel._blank(clean, _ALREADY)  # "déjà obtenus en 2017": another edition
        for m in list(_KEPT_SINCE.finditer(clean)) if _KEEPS.search(clean) else ():
            if _KEEPS.search(clean, 0, m.start()):
                already.append((m.start(), int(m.group(1))))
                clean = rel._blank_span(clean, m.start(), m.end())
        against = [(m.start(), int(m.group("y")) if m.group("y") else None,
                    _word_level(m.group("n")))
                   for m in _AGAINST_YEAR.finditer(clean)]
        clean = rel._blank(clean, _AGAINST_YEAR)
        likes = [(m.start(), m.group("who"), int(m.group("y")))
                 for m in _LIKE_YEAR.finditer(clean) if _is_name(m.group("who"))]
        clean = rel._blank(clean, _LIKE_YEAR)
        same_last = [m.start() for m in _LIKE_LAST.finditer(clean)]
        clean = rel._blank(clean, _LIKE_LAST)
        found = sentence_levels(clean, at_before or in_at)
        # R26: counts read in @ because of the sentence before still count in @ for the
        # next ("Redon en reçoit deux." then "Fougères en obtient trois.")
        at_before = any(_AT_LEVEL.search(clean[lv.start:lv.end]) for lv in found) or \
            bool(found) and at_before
        if found_gains:  # R20: its words are no gap between a name and the level
            clean = rel._blank(clean, _GAIN)
        year = _year(clean, dated, edition)
        joined = _CLUB.search(clean)
        if joined:
            club = next((lv.level for lv in found if lv.start >= joined.start()), 0)
            # "Sète rejoint le cercle très fermé des villes 5 @": the club's words are
            # no gap between the one who joins it and its level (eleventh battery)
            clean = rel._blank_span(clean, joined.start(), joined.end())
        elif club and not found:
            _joining(clean, club, year, edition, sentence, block.line, got)
        if previous_among and _AMONG.match(clean):  # R10: "Parmi elles, Aville (47) ..."
            listing = _OF_AFTER_AND.sub(lambda m: m.group(1) + " " * len(m.group(2)), clean)
            for it in _list_from(listing, _AMONG.match(clean).end(), closed=False):
                got.add(it.name, it.departement, year, previous_among, sentence, block.line)
        if not found:
            continue
        if len(found) == 1 and _COUNT_SUBJECT.search(clean[:found[0].start]):
            among = found[0].level
        like = _LIKE_OPENING.match(clean)
        if like and len(found) == 1 and _is_name(like.group("who")) and \
                _OTHERS.search(clean[like.end():found[0].start]):  # R16
            got.add(like.group("who"), _departement(like.group("dep") or ""), year,
                    found[0].level, sentence, block.line)
        they = _THEY.match(clean)
        if they and len(ending) >= 2:  # R10
            gap = clean[they.end():found[0].start]
            if _GAP_WORDS.match(gap) and _GAP_CUE.search(gap) and not _GAP_STOP.search(gap):
                for it in ending:
                    got.add(it.name, it.departement, year, found[0].level, sentence,
                            block.line)
        opening = _PLACE_OPENING.match(clean) or _PLACE_AFTER_HEAD.match(clean) or \
            _PLACE_AFTER_LEAD.match(clean)
        default = _departement(opening.group("place")) if opening else ""
        if opening:  # "Dans l'Eure," is where, not who
            clean = rel._blank_span(clean, *opening.span("where"))
        elif two := _TWO_PLACES.match(clean):  # "En Aveyron et dans le Lot, ..." (19th)
            clean = rel._blank_span(clean, *two.span("where"))
        if _PLURAL_OF.search(clean):  # "les communes d'Aville et de Beville"
            clean = rel._blank(clean, _PLURAL_OF)
            clean = _OF_AFTER_AND.sub(lambda m: m.group(1) + " " * len(m.group(2)), clean)
        if _CASE_OF.search(clean):  # "C'est le cas de Trappes ..., de Magny ..."
            clean = _OF_AFTER_AND.sub(lambda m: m.group(1) + " " * len(m.group(2)), clean)
        names_in = items(clean)
        single = len({lv.level for lv in found}) == 1
        previous_end = 0
        for k, lv in enumerate(found):
            nxt = found[k + 1].start if k + 1 < len(found) else len(clean)
            after = clean[lv.end:nxt]
            own = _LEVEL_YEAR.match(after)  # "passée à quatre @ en 2018"
            lv_year = int(own.group(1)) if own else year
            seg_items = [it for it in names_in if previous_end <= it.start and
                         it.end <= lv.start]
            seg_items = [dataclasses.replace(it, start=it.start - previous_end,
                                             end=it.end - previous_end) for it in seg_items]
            seg = clean[previous_end:lv.start]
            group = _group_before(seg, seg_items, elliptic=k > 0,
                                  cue_after=_CUE_AFTER.match(after),
                                  bracketed=after.lstrip().startswith(")"),
                                  objects=bool(_OBJECT_VERB.search(clean[:lv.start])))
            if not group:
                group = _pointed(seg, pointed)  # R11
            group = group + [it for it in _superlatives(seg) if it.name not in
                             {g.name for g in group}]  # R12
            earlier = rel.earlier_years(sentence, rel.Level(lv.start, lv.end, lv.level),
                                        lv_year) if lv_year and single else []
            for name, dep in _with_departements(group, default):
                got.add(name, dep, lv_year, lv.level, sentence, block.line)
                for y in earlier:
                    got.add(name, dep, y, lv.level, sentence, block.line, inferred=True)
                for at, y in already:
                    if at >= lv.end and (k + 1 == len(found) or at < found[k + 1].start):
                        got.add(name, dep, y, lv.level, sentence, block.line)
                for at, y, n in against:
                    if y is None:  # "l'an dernier": the edition before (none in 2010)
                        y = lv_year - 1 if lv_year and lv_year - 1 != editions.NONE \
                            else None
                    if y and at >= lv.end and (k + 1 == len(found) or
                                               at < found[k + 1].start):
                        got.add(name, dep, y, n, sentence, block.line)
            for at, who, y in likes if group else ():
                if at >= lv.end and (k + 1 == len(found) or at < found[k + 1].start):
                    got.add(who, "", y, lv.level, sentence, block.line)
            for at in same_last if lv_year and lv_year - 1 != editions.NONE else ():
                if at >= lv.end and (k + 1 == len(found) or at < found[k + 1].start):
                    for name, dep in _with_departements(group, default):
                        got.add(name, dep, lv_year - 1, lv.level, sentence, block.line)
            _after_level(clean, lv, after, lv_year, sentence, block.line, got, default,
                         opens=not group)
            previous_end = lv.end
        given = {(a.level, a.year) for a in got.added[before:]}
        last_level = given.pop() if len(given) == 1 else None
        for m in _AGAINST.finditer(clean) if any(
                _AT_LEVEL.search(clean[lv.start:lv.end]) for lv in found) else ():
            if _is_name(m.group("who")):
                got.add(m.group("who"), default, year, _word_level(m.group("n")), sentence,
                        block.line)
    got.said = None
    return at_before


# R25: a timeline after a colon, one name before it: "Depuis 2013, Lannion n'a cessé de
# progresser : deux @ en 2015, trois en 2017 et quatre en 2020" (sixth battery); the
# first step written in @ or arobases, each step its own year.
_STEP = rf"{_NUMWORD}\s*(?:@|arobases?)?\s+en\s+(?:19|20)\d\d"
_TIMELINE = re.compile(rf":\s*(?P<steps>{_NUMWORD}\s*(?:@|arobases?)\s+en\s+(?:19|20)\d\d"
                       rf"(?:\s*(?:,|\bet\b|\bpuis\b)\s*{_STEP})+)\s*[.;]?\s*$", re.I)


def _timeline(sentence: str, line: int, got: "_Collector") -> None:
    """R25: each step of a timeline is the one name before its colon's level that year."""
    m = _TIMELINE.search(sentence)
    if not m:
        return
    subjects = {names.key(it.name): it for it in items(sentence[:m.start()]) if not it.place}
    if len(subjects) != 1 or rel._NOT_AWARDED.search(sentence[:m.start()]):
        return
    it = next(iter(subjects.values()))
    for n, year in re.findall(rf"({_NUMWORD})\s*(?:@|arobases?)?\s+en\s+((?:19|20)\d\d)",
                              m.group("steps"), re.I):
        if int(year) != rel.NO_EDITION and _word_level(n):
            got.add(it.name, it.departement, int(year), _word_level(n), sentence, line)


# R29h (tenth battery): the same timeline opening the sentence, its one name after the
# colon: "Trois @ en 2014, quatre en 2016, et cinq cette année : Libourne atteint le
# sommet" (a lead; after a dateline's dash too). The last step "cette année" (aujourd'hui,
# désormais) is the sentence's edition.
_TIMELINE_FIRST = re.compile(
    rf"(?:^|[–—]\s+)(?P<steps>{_NUMWORD}\s*(?:@|arobases?)\s+en\s+(?:19|20)\d\d"
    rf"(?:\s*(?:,|\bet\b|\bpuis\b)\s*(?:et\s+|puis\s+)?{_STEP})*)"
    rf"(?:\s*(?:,|\bet\b|\bpuis\b)\s*(?:et\s+|puis\s+)?(?P<now>{_NUMWORD})\s*(?:@|arobases?)?"
    rf"\s+(?:cette\s+année|aujourd'hui|désormais))?\s*:\s*", re.I)


def _timeline_first(sentence: str, line: int, got: "_Collector", year: int | None) -> None:
    """R29h: each step of a timeline opening the sentence is the one name that opens the
    clause after its colon, as the subject of an award verb."""
    m = _TIMELINE_FIRST.search(sentence)
    if not m or rel._NOT_AWARDED.search(sentence[m.end():]):
        return
    after = sentence[m.end():]
    found = items(after)
    if not found or found[0].start != 0 or found[0].place or \
            not rel._BARE_SUBJECT.match(after[found[0].end:]):
        return
    it = found[0]
    steps = re.findall(rf"({_NUMWORD})\s*(?:@|arobases?)?\s+en\s+((?:19|20)\d\d)",
                       m.group("steps"), re.I)
    if m.group("now") and year:
        steps.append((m.group("now"), str(year)))
    for n, y in steps:
        if int(y) != rel.NO_EDITION and _word_level(n):
            got.add(it.name, it.departement, int(y), _word_level(n), sentence, line)


# R28: the label in apposition right after a name, no verb: "Brest (label Villes Internet
# 2023 : 4 @) recrute", "Anglet, label@@@ Villes Internet 2017 : ...", "Talence (Gironde),
# Ville Internet @@@ depuis 2019, a reçu ..." (fifth, third and eighth batteries). The
# level is the name's for the year written inside ("depuis 2019": that year), else the
# sentence's edition; the apposition is then blanked so that the sentence's own verb
# does not read its level again.
_APPOSED_LEVEL = rf"(?:@{{1,5}}|[1-5]\s*@|{_NUMWORD}\s+arobases?)"
_APPOSED_LABEL_NAME = (r"(?:«\s*)?(?:Territoires?,\s+)?Villes?\s+(?:et\s+Villages\s+)?"
                       r"Internet(?:\s*»)?")
_LABEL_APPOSITION = re.compile(
    rf"(?P<open>\s*\(\s*|\s*,\s*)(?:(?P<lv0>{_APPOSED_LEVEL})\s+(?:au\s+)?label\s*"
    rf"(?:{_APPOSED_LABEL_NAME})?|label(?:lisée?)?\s*(?P<lv1>{_APPOSED_LEVEL})?\s*"
    rf"{_APPOSED_LABEL_NAME}|{_APPOSED_LABEL_NAME}\s*(?P<lv2>{_APPOSED_LEVEL})?)"
    rf"\s*(?:(?P<y>(?:19|20)\d\d)\s*)?(?:[:,]\s*|\s)?(?P<lv3>{_APPOSED_LEVEL})?"
    rf"(?:\s+depuis\s+(?P<since>(?:19|20)\d\d))?\s*(?P<close>\)|,|:)", re.I)


# R28 too: a level alone between commas right after a name, "Changé, 4 arobases au
# compteur, ...", "Thionville, deux @ l'an dernier, en obtient trois": this edition's, or
# the one its words say.
_LEVEL_APPOSITION = re.compile(
    rf"(?P<open>\s*,\s*)(?P<lv0>@{{1,5}}|[1-5]\s*@|{_NUMWORD}\s+(?:@|arobases?))"
    rf"(?:\s+(?:au\s+compteur|en\s+poche))?(?:\s+(?:(?P<last>l'(?:an|année)\s+"
    rf"(?:derni(?:er|ère)|passée?))|en\s+(?P<y>(?:19|20)\d\d)))?\s*(?P<close>,)", re.I)


def _name_ending_at(sentence: str, at: int) -> Item | None:
    """The name (no place) that ends right at ``at``: an apposition's or an aside's."""
    found = [it for it in items(sentence[:at]) if it.end == at]
    return found[-1] if found and not found[-1].place else None


def _name_starting_at(sentence: str, at: int) -> Item | None:
    """The name (no place) right at ``at``: the subject after an opening phrase."""
    found = items(sentence[at:])
    return found[0] if found and found[0].start == 0 and not found[0].place else None


def _label_apposed(sentence: str, year: int | None, line: int, got: "_Collector") -> str:
    """R28: the award of a name the label's apposition follows; the sentence returned
    with each apposition read blanked."""
    sentence = _level_apposed(sentence, year, line, got)
    for m in _LABEL_APPOSITION.finditer(sentence):
        marks = [g for g in (m.group("lv0"), m.group("lv1"), m.group("lv2"), m.group("lv3"))
                 if g]
        if len(marks) != 1 or ("(" in m.group("open")) != (m.group("close") == ")"):
            continue
        who = _name_ending_at(sentence, m.start())
        when = int(m.group("since") or m.group("y") or 0) or year
        level = sentence_levels(marks[0], True)
        if len(level) != 1 or not who or not when or when == rel.NO_EDITION or \
                rel._NOT_AWARDED.search(sentence) or rel._EARLIER.search(sentence):
            continue
        got.add(who.name, who.departement, when, level[0].level, sentence, line)
        sentence = rel._blank_span(sentence, m.start("open") + len(m.group("open")),
                                   m.start("close"))
    return sentence


def _level_apposed(sentence: str, year: int | None, line: int, got: "_Collector") -> str:
    """R28: a level alone in apposition after a name (``_LEVEL_APPOSITION``)."""
    if rel._NOT_AWARDED.search(sentence) or rel._EARLIER.search(sentence):
        return sentence
    for m in _LEVEL_APPOSITION.finditer(sentence):
        who = _name_ending_at(sentence, m.start())
        found = sentence_levels(m.group("lv0"), True)
        when = int(m.group("y")) if m.group("y") else \
            year - 1 if m.group("last") and year else year
        if not who or len(found) != 1 or not when or when == rel.NO_EDITION:
            continue
        got.add(who.name, who.departement, when, found[0].level, sentence, line)
        sentence = rel._blank_span(sentence, m.start("lv0"), m.start("close"))
    return sentence


# R28 too: "Depuis sa première arobase en 2013, Lannion ...", "Depuis 2005, année où elle
# avait reçu sa première arobase, Lunéville ..." (sixth and fourteenth batteries): the
# subject right after the opening phrase had one @ that year.
_FIRST_SINCE = re.compile(
    r"^\s*Depuis\s+(?:(?:sa|son)\s+premi[eè]re?\s+(?:@|arobase)\s+(?:obtenue\s+|reçue\s+)?"
    r"en\s+(?P<y1>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)\s*,\s*(?:l')?année\s+où\s+"
    r"(?:elle|il)\s+(?:avait|a)\s+(?:reçu|obtenu|décroché)\s+(?:sa|son)\s+premi[eè]re?\s+"
    r"(?:@|arobase))\s*,\s*", re.I)


_AFTER_EARLIER = re.compile(
    rf"^\s*Après\s+(?P<n>{_NUMWORD})\s*(?:@|arobases?)\s+en\s+(?P<years>(?:19|20)\d\d"
    rf"(?:\s*(?:,|et)\s*(?:en\s+)?(?:19|20)\d\d)*)\s*,\s*", re.I)


def _after_earlier(sentence: str, line: int, got: "_Collector") -> str:
    """R28: "Après deux @ en 2007 et en 2008, Pontivy obtient trois @" (seventeenth
    battery): the subject right after the opening phrase had that level those years; the
    sentence returned with the phrase blanked, so that its own level is read alone."""
    m = _AFTER_EARLIER.match(sentence)
    if not m or rel._NOT_AWARDED.search(sentence):
        return sentence
    who = _name_starting_at(sentence, m.end())
    if not who or not _word_level(m.group("n")):
        return sentence
    for y in {int(y) for y in re.findall(r"(?:19|20)\d\d", m.group("years"))}:
        if y != rel.NO_EDITION:
            got.add(who.name, who.departement, y, _word_level(m.group("n")), sentence, line)
    return rel._blank_span(sentence, 0, m.end())


def _first_since(sentence: str, line: int, got: "_Collector") -> None:
    """R28: the first @ of the subject after "Depuis sa première arobase en 2013,"."""
    m = _FIRST_SINCE.match(sentence)
    if not m or rel._NOT_AWARDED.search(sentence):
        return
    who = _name_starting_at(sentence, m.end())
    year = int(m.group("y1") or m.group("y2"))
    if who and year != rel.NO_EDITION:
        got.add(who.name, who.departement, year, 1, sentence, line)


# "Cesson-Sévigné, qui en avait quatre l'an passé (label 2021), perd ..." (thirteenth
# battery): brackets inside the aside too
_RELATIVE_ASIDE = re.compile(r"(?<=[\w)]),\s*qui\s+(?:[^,;:.()]|\([^,;:.()]*\)){3,100},")


def _aside_award(sentence: str, m: re.Match, line: int, got: "_Collector",
                 this: int | None = None, in_at: bool = False) -> None:
    """R22: "Beville, qui avait trois arobases en 2019, en obtient quatre": the earlier
    edition's level for the name right before the aside, when the aside is in the past
    and states one level and one year."""
    aside = m.group()
    # "qui en avait deux en 2020," in a sentence counting in @ (thirteenth battery)
    levels = sentence_levels(aside, in_at and bool(re.search(r"\ben\s+\w+\s+(?:deux|trois|"
                                                             r"quatre|cinq|une?|[1-5])\b",
                                                             aside)))
    # "qui avait reçu cinq arobases au label 2023," (sixth battery): the label's year too
    years = {int(y) for y in rel._PLAIN_YEAR.findall(aside)} | rel.edition_years(aside, None)
    if not years and this and rel._LAST_YEAR.search(aside) and this - 1 != editions.NONE:
        years = {this - 1}  # R26: "qui avait trois @ l'an dernier," in the 2024 edition
    if not rel._EARLIER.search(aside) or rel._NOT_AWARDED.search(aside) or \
            len(levels) != 1 or len(years) != 1:
        return
    who = _name_ending_at(sentence, m.start())
    if who:
        got.add(who.name, who.departement, int(years.pop()), levels[0].level, sentence, line)


def _aside_blank(m: re.Match) -> str:
    """R22: a relative aside blanked, when it gives no level or speaks of the past (a
    present one, "Aville, qui décroche quatre @, rejoint ...", holds the award)."""
    aside = m.group()
    if sentence_levels(aside) and not rel._EARLIER.search(aside) and \
            not rel._PLAIN_YEAR.search(aside):
        return aside
    return "," + " " * (len(aside) - 2) + ","


_RESTRICTIVE = re.compile(r"\bn'(en\s+(?:\w+\s+){1,2}?)que\s")
_QUOTED_MARKS = re.compile(r"«\s*((?:[1-5]\s*)?@{1,5}|[1-5]?\s*arobases?)\s*»")
_CLAUSE_MARK = re.compile(r"[,;:]")


def _unsaid(sentence: str) -> str:
    """R8: the sentence with its clauses of aims and negations blanked, from the mark
    before (",", ";", ":") to the mark after: "Audenge obtient trois @, contrairement à
    Biganos, la ville voisine, qui n'a pas candidaté." keeps Audenge's award; "Rennes
    n'a pas été labellisée ; Betton obtient deux @" keeps Betton's. A sentence that is
    one clause is blanked whole, as the whole sentence was before."""
    out = sentence
    for m in rel._NOT_AWARDED.finditer(sentence):
        marks = [c.end() for c in _CLAUSE_MARK.finditer(sentence, 0, m.start())]
        start = marks[-1] if marks else 0
        after = _CLAUSE_MARK.search(sentence, m.end())
        out = rel._blank_span(out, start, after.start() if after else len(sentence))
    return out


# R19: "Manosque décroche quatre arobases. Cahors aussi.": the sentence before's level.
# Only with its "aussi" or its "idem pour": names alone after a level ("La Courneuve,
# Les", a line cut before the rest of its sentence, twelfth battery) are no "too".
_TOO = re.compile(rf"^\s*(?P<idem>(?:[Ii]dem|[Mm]ême\s+(?:chose|résultat))\s+pour\s+)?"
                  rf"(?P<who>(?:{_BARE})(?:\s*(?:,|et)\s*{_BARE})*)"
                  rf"\s*(?P<too>aussi|également|de\s+même|itou)?\s*[.!]?\s*$")
# R21: "Saran et Chaingy obtiennent respectivement trois et deux arobases".
_RESPECTIVELY = re.compile(r"\brespectivement\b", re.I)
_RESPECTIVE_LEVELS = re.compile(
    rf"\brespectivement\s+(?P<list>(?:{_NUMWORD}\s*(?:@|arobases?)?\s*(?:,|et)\s*)+"
    rf"{_NUMWORD})\s*(?:@|arobases?)", re.I)


def _respectively(sentence: str, dated, edition: int | None, line: int,
                  got: _Collector) -> None:
    """R21: the names before "respectivement" get the levels after it, in order, when
    they are as many; else nothing (whose is which is unsure)."""
    m = _RESPECTIVE_LEVELS.search(sentence)
    if not m or rel._NOT_AWARDED.search(sentence.replace("respectivement", "")):
        return
    levels = [_word_level(n) for n in re.findall(rf"\b{_NUMWORD}\b", m.group("list"), re.I)]
    before = sentence[:m.start()]
    group = _group_before(before, items(before), elliptic=False)
    year = _year(sentence, dated, edition)
    if group and len(group) == len(levels) and all(levels) and year:
        for it, level in zip(group, levels):
            got.add(it.name, it.departement, year, level, sentence, line)


# R11: "la seconde a reçu le label 5 @" → the second name of the group before.
_ORDINAL_REF = re.compile(
    r"(?:^|[,;:]\s*|\bet\s+)\s*(?:[Ll]a|[Ll]e)\s+(?P<o>premi[eè]re?|seconde?|deuxi[eè]me|"
    r"derni[eè]re?)\s+(?P<gap>(?:[a-zàâçéèêëîïôûù'’-]+\s+){0,6})$")
_ORDINAL_INDEX = {"premiere": 0, "premier": 0, "seconde": 1, "second": 1, "deuxieme": 1,
                  "derniere": -1, "dernier": -1}
# R12: "Aville (07) est la plus petite collectivité ... à obtenir cinq arobases".
_TO_OBTAIN = re.compile(r"\bà\s+(?:obtenir|recevoir|décrocher|remporter|se\s+voir\s+"
                        r"(?:attribuer|décerner)|avoir\s+(?:obtenu|reçu|décroché|remporté))"
                        r"\s+(?:les?\s+|la\s+)?$")
_SUPERLATIVE = re.compile(
    rf"(?P<who>{_BARE})\s*(?:\((?P<dep>\d{{2,3}}|2[AB]|{_BARE})\)\s*)?,?\s*(?:est|reste|"
    rf"devient|était|fut)\s+(?:aussi\s+|également\s+|alors\s+)?(?:la|le)\s+(?:seule?|plus\s+"
    rf"[{_LOW}]+|premi[eè]re?)\s+(?:[{_LOW}]+\s+)?(?:collectivités?|communes?|villes?|"
    rf"villages?|territoires?)\b")
_POPULATION = re.compile(r"\(\s*[\d\s.,]+\s*(?:habitants|hab\.?)\s*\)|,\s*(?:une\s+|la\s+)?"
                         r"(?:commune|ville|village)\s+de\s+[\d\s.]+\s*habitants\s*(?=,)")
# R26: "conserve ses quatre arobases, qu'elle détenait déjà en 2023" (eighth battery):
# the relative that keeps the level says the same of an earlier edition.
_ALREADY = re.compile(r",?\s*(?:qu'(?:elles?|ils?)\s+(?:avai|détenai|possédai)(?:t|ent)\s+)?"
                      r"déjà\s+(?:(?:obtenu|décroché|reçu|attribué|atteint)e?s?\s+)?en\s+"
                      r"((?:19|20)\d\d)\b", re.I)
# "confirme les quatre @ obtenues en 2019", "renouvelle ses trois @, obtenues pour la
# première fois en 2020" (eleventh battery): after a verb of keeping, the level held then
# too, as with "déjà" (not "et ses quatre @ également décrochés en 2018": that year's)
_KEPT_SINCE = re.compile(r",?\s*(?:obtenu|décroché|reçu|attribué)e?s?\s+(?:pour\s+la\s+"
                         r"première\s+fois\s+)?en\s+((?:19|20)\d\d)\b", re.I)
_KEEPS = re.compile(r"\b(?:confirm|conserv|gard|maintien|renouvel)\w*", re.I)
# "Tournefeuille obtient trois @, contre deux en 2014": the earlier edition's level of the
# names before it, and no year of this sentence (it dated the whole sentence 2014, the
# held-out battery's three neighbours with it).
# R26: "..., contre trois l'an dernier" (eighth battery): the edition before the level's.
# "redescendus à trois arobases cette année, après quatre en 2019" (eighth battery) too.
_AGAINST_YEAR = re.compile(rf",?\s*(?:contre|après)\s+(?P<n>{_NUMWORD})"
                           rf"(?:\s*(?:@|arobases?))?\s+(?:en\s+"
                           r"(?P<y>(?:19|20)\d\d)\b|(?P<last>l'an\s+(?:dernier|passé)|"
                           r"l'année\s+(?:dernière|passée|précédente))\b)", re.I)
# "Aville obtient cinq @, comme Beville en 2022": Beville's level of 2022, and no year
# of the sentence (Aville's five @ were dated 2022).
# "obtient trois @, comme l'an dernier" (third hand): the same level the edition before
_LIKE_LAST = re.compile(r",?\s*comme\s+l'(?:an|année)\s+(?:derni(?:er|ère)|passée?|"
                        r"précédente)\b", re.I)
_LIKE_YEAR = re.compile(rf",?\s*comme\s+(?P<who>{_BARE})\s+en\s+(?P<y>(?:19|20)\d\d)\b")
_LEVEL_YEAR = re.compile(r"^\s*(?:[a-zéè]+\s+){0,2}?en\s+((?:19|20)\d\d)\b")
# R29j (tenth battery): "la mairie de Melle (Deux-Sèvres), 3 @ au label Villes Internet
# 2018." (no verb, no closing comma for R28): the level "au label" after a name in
# apposition is its award.
_CUE_AFTER = re.compile(r"^\s*(?:[a-zéè]+\s+)?(?:décroch|obtenu|reçu|attribu|remport|gagn)\w*"
                        r"|^\s*au\s+(?:label|palmarès)\b")
_AMONG = re.compile(r"^\s*Parmi\s+(?:elles|eux|celles-ci|ceux-ci|lesquelles|lesquels)\s*,?\s*"
                    r"(?:on\s+(?:retrouve|trouve|compte|note)\s+(?:notamment\s+)?|"
                    r"figurent\s+(?:notamment\s+)?|notamment\s+)?"
                    # R15: the counted subject named in the sentence after
                    r"|^\s*(?:Il\s+s'agit|Ce\s+sont|Voici)\s+(?:notamment\s+|surtout\s+)?"
                    r"(?:de\s+|d'|des\s+)?"
                    r"(?:(?:villes|communes|collectivités|lauréats|lauréates|territoires)"
                    r"\s+(?:suivante?s\s*)?)?:?\s*")
_CASE_OF = re.compile(r"\bcas\s+(?:de|d')\s*[A-ZÀ-Ý]")


_CLUB = re.compile(r"\b(?:club|cercle)\s+(?:(?:très\s+)?(?:fermé|select)\s+)?des\s+"
                   r"(?:villes\s+|communes\s+|collectivités\s+)?(?=[1-5@]|cinq|quatre|trois)",
                   re.I)
_JOIN = re.compile(r"\s+(?:rejoignent|rejoint)\s+")


def _joining(clean: str, level: int, year, edition, sentence: str, line: int,
             got: _Collector) -> None:
    """R14: "Aville et Beville rejoignent Ceville et Deville, déjà distinguées l'an
    dernier", in a paragraph about the club of ``level``."""
    verb = _JOIN.search(clean)
    if not verb or not year:
        return
    before = [it for it in items(clean[:verb.start()]) if not it.place]
    group = _first_group_in(clean[:verb.start()], before)
    if not group or group[-1].end < len(clean[:verb.start()].rstrip()):
        return
    joined = _list_from(clean, verb.end(), closed=False)
    for it in group + joined:
        got.add(it.name, it.departement, year, level, sentence, line)
    tail = clean[joined[-1].end:] if joined else ""
    if joined and edition and re.match(r"^\s*,?\s*déjà\s+(?:distingu|labell?is|récompens)\w*\s+"
                                       r"l'(?:an|année)\s+(?:dernier|dernière|précédente)",
                                       tail):
        for it in joined:
            got.add(it.name, it.departement, edition - 1, level, sentence, line)


def _first_group_in(text: str, found: list[Item]) -> list[Item]:
    """The names of ``found`` that run together to the end of ``text``."""
    if not found:
        return []
    group = [found[-1]]
    for prev in reversed(found[:-1]):
        if not _SEP.match(text[prev.end:group[0].start]):
            break
        group.insert(0, prev)
    return group


def _first_group(sentence: str) -> list[Item]:
    """R11: the first group of two names or more of a sentence that holds an award verb
    ("Les villes d'Aville et de Beville ont été récompensées")."""
    if not _GAP_CUE.search(sentence):
        return []
    text = rel._blank(sentence, _PLURAL_OF) if _PLURAL_OF.search(sentence) else sentence
    text = _OF_AFTER_AND.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    found = [it for it in items(text)]
    for i, it in enumerate(found):
        group = [it]
        for nxt in found[i + 1:]:
            if not _SEP.match(text[group[-1].end:nxt.start]):
                break
            group.append(nxt)
        if len(group) >= 2:
            return [] if any(g.place for g in group) else group
    return []


def _pointed(seg: str, group: list[Item]) -> list[Item]:
    """R11: the name "la seconde" (première, dernière) right before a level points to."""
    m = _ORDINAL_REF.search(seg)
    if not m or not group or not _GAP_CUE.search(m.group("gap")) or \
            _GAP_STOP.search(m.group("gap")):
        return []
    index = _ORDINAL_INDEX[names.fold(m.group("o"))]
    return [group[index]] if index < len(group) else []


def _superlatives(seg: str) -> list[Item]:
    """R12: the subjects of "est la seule / la plus petite commune ... à obtenir" when
    ``seg`` (the text before a level) ends with "à obtenir"."""
    if not _TO_OBTAIN.search(seg):
        return []
    out = []
    for m in _SUPERLATIVE.finditer(seg):
        who = m.group("who")
        if _is_name(who) and not _PLACE_BEFORE.search(rel._tail(seg, m.start())):
            out.append(Item(m.start(), m.end(), who[:1].upper() + who[1:],
                            _departement(m.group("dep") or ""), False, False))
    return out


_SAME_CASE = re.compile(
    rf"(?P<who>{_BARE})\s*(?:\((?P<dep>\d{{2,3}}|2[AB]|{_BARE})\)\s*)?(?:est|se\s+trouve|"
    rf"se\s+retrouve)\s+(?:aussi\s+|également\s+)?dans\s+(?:le\s+même\s+cas|la\s+même\s+"
    rf"situation)\s+que\s+(?P<ref>{_BARE})")


def likewise(doc: list[Block], found: list[Award]) -> list[Award]:
    """R13: the awards "Beville est dans le même cas que Aville" adds to ``found`` (the
    text's awards, merged): Aville's one award, for Beville."""
    by_key: dict[str, list[Award]] = {}
    for a in found:
        if not a.inferred:
            by_key.setdefault(names.key(a.collectivite), []).append(a)
    out = []
    for b in doc:
        for sentence in rel.sentences(b.text):
            for m in _SAME_CASE.finditer(sentence):
                ref = by_key.get(names.key(m.group("ref")), [])
                who = m.group("who")
                if len(ref) == 1 and _is_name(who) and not rel._NOT_AWARDED.search(sentence):
                    out.append(Award(who, _departement(m.group("dep") or ""), ref[0].year,
                                     ref[0].level, sentence.strip()[:400], b.line))
    return out


# R16: "Comme Aville, 9 autres villages ont été labellisés 5@ en 2021": Aville too.
_LIKE_OPENING = re.compile(
    rf"^\s*(?:[Tt]out\s+)?[Cc]omme\s+(?P<who>{_BARE})\s*"
    rf"(?:\((?P<dep>\d{{2,3}}|2[AB]|{_BARE})\)\s*)?,\s*")
_OTHERS = re.compile(r"^[^,;:]*\bautres\s+(?:villes|communes|villages|collectivités|"
                     r"territoires|lauréats)\b[^,;:]*$", re.I)
_THEY = re.compile(r"^\s*(?:Elles|Ils|Toutes\s+(?:les\s+)?deux|Tous\s+(?:les\s+)?deux)\b")


def _closing_names(sentence: str) -> list[Item]:
    """R10: the group of two names or more that ends a sentence ("... sont Aville et
    Beville."), for a next sentence opening "Elles ont reçu quatre arobases"."""
    text = sentence.rstrip(" .!…")
    found = items(text)
    if not found or found[-1].end < len(text):
        return []
    group = _first_group_in(text, found)
    return group if len(group) >= 2 and not any(it.place for it in group) else []


def _after_level(clean: str, lv: _Level, after: str, year, sentence: str, line: int,
                 got: _Collector, default: str, opens: bool = True) -> None:
    """R4 and R5: names right after a level (``opens``: no name right before it)."""
    base = lv.end
    also = _AFTER_LEVEL.match(after)
    if also and also.group().lstrip().startswith("pour") and not opens:
        also = None  # "Aville obtient 5 @ pour Beville": Aville's, not Beville's
    if not also and _OPENING_WITH.match(clean[:lv.start]):
        also = _AFTER_OPENING.match(after)
    if not also and opens and _GIVEN_TO.search(clean[:lv.start]):
        # R4: "a décerné quatre @ à Quimper et deux @ à Concarneau": the verb before the
        # level, the one awarded after "à" (third-hand battery)
        also = _TO_NAME.match(after)
    if also:
        for it in _list_from(clean[:base + len(after)], base + also.end(), closed=False):
            got.add(it.name, it.departement or default, year, lv.level, sentence, line)
        return
    before = clean[:lv.start]
    among = _AMONG_LEVEL.match(after)
    if among and _AMONG_GROUP.match(before):
        # "Parmi les territoires distingués par cinq @, on retrouve Aville, Beville et
        # Ceville.": the group's examples, when the list closes the sentence (third-hand)
        for it in _examples(clean[:base + len(after)], base + among.end()):
            got.add(it.name, it.departement or default, year, lv.level, sentence, line)
        return
    counted = _COUNT_SUBJECT.search(before)
    restated = _RESTATED.match(after)  # "la distinction suprême (cinq @) dont ..."
    if restated:
        base, after = base + restated.end(), after[restated.end():]
    end = base + len(after)
    # "reçoivent quatre arobases au label Villes Internet 2018 (Épinal, ...)" (seventeenth
    # battery): the label's name between the level and the bracket is one word
    opened = _LIST_OPEN.match(_LABEL_NAME.sub(lambda m: "l" * len(m.group()), after)) \
        if counted or not before.strip(" -–•*") else None
    listed = _list_from(clean[:end], base + opened.end(),
                        closed=bool(opened.group("paren"))) if opened else []
    if listed:  # R17: "..., mais aussi des communes plus modestes comme Eville ou Fleury"
        more = _ALSO_LIKE.match(clean, listed[-1].end, end)
        listed += _examples(clean[:end], more.end()) if more else []
    # R17: "à trois @, comme Aville, ..."; R22: also after a named subject, "La Rochelle
    # a obtenu cinq @ au label 2023, comme Niort." (a list closing its clause only: "comme
    # Niort l'an dernier" is another edition, "comme en 2022" names no one)
    elif counted or _GROUP_SUBJECT.search(before) or not opens:
        like = _LIKE.search(after)
        if like and not _NAMED_BETWEEN.search(after[:like.start()]):
            listed = _examples(clean[:end], base + like.end())
    earlier = rel.earlier_years(sentence, rel.Level(lv.start, lv.end, lv.level), year) \
        if year else []
    for it in listed:
        got.add(it.name, it.departement or default, year, lv.level, sentence, line)
        for y in earlier:
            got.add(it.name, it.departement or default, y, lv.level, sentence, line,
                    inferred=True)


_AMONG_GROUP = re.compile(r"^\s*Parmi\s+(?:les|ces|des)\s+(?:villes|communes|collectivités|"
                          r"territoires|lauréats|villages)\b[^,;:.]*$")
# "Parmi les collectivités distinguées de cinq arobases figurent Aville, ..." (sixth
# battery): the comma may be left out before an inverted verb.
# "Parmi les villes qui obtiennent cinq @ : Aville, ..." (eighteenth battery): a colon too
_AMONG_LEVEL = re.compile(r"^\s*(?::|,?\s*(?:on\s+(?:re)?trouve|figurent|citons|on\s+compte|"
                          r"on\s+note))\s+(?:notamment\s+|aussi\s+)?")


# -- R17: examples of a group given a level -------------------------------------------

_GROUP_SUBJECT = re.compile(r"\b(?:les|des|aux|ces)\s+(?:villes|communes|collectivités|"
                            r"villages|territoires|lauréats)\b", re.I)
_RESTATED = re.compile(r"^\s*\((?:[1-5]|un|une|deux|trois|quatre|cinq)?\s*(?:@{1,5}|"
                       r"arobases?)\)", re.I)
_LIKE_WORDS = r"(?:comme|à\s+l'instar\s+de|tel(?:le)?s\s+que|notamment)\s+"
_LIKE = re.compile(rf"(?:^|,)\s*{_LIKE_WORDS}")
_ALSO_LIKE = re.compile(rf"\s*,?\s*mais\s+aussi\s+(?:[{_LOW}'’-]+\s+){{0,6}}?{_LIKE_WORDS}")
_NAMED_BETWEEN = re.compile(rf"[{_UP}]|@|[Aa]robas")  # another name or level first
_LIST_END = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:[,.;:)!]|$)")  # an aside may follow


def _examples(text: str, start: int) -> list[Item]:
    """R17: the names listed from ``start`` when the list closes its clause ("comme
    Aville, Beville et Ceville." but not "comme Aville l'a rappelé")."""
    listed = _list_from(text, start, closed=False)
    return listed if listed and _LIST_END.match(text, listed[-1].end) else []
