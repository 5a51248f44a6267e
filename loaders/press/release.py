"""A press release about one laureate → its label awards.

Pure Python rules, no database and no network: ``awards(doc)`` reads one release
(``loaders.press.extract`` runs it with the round-up rules of ``roundup`` and the
initiative rules of ``initiatives``) and returns what it states, never more. When a rule
is unsure it gives nothing.

Awards (a collectivité, an edition year, a level 1..5):

- A. The text must speak of the label ("Villes Internet", "arobase", "4@", "cinq @",
  "sa troisième @"), else nothing.
- T2. A line linking to another article ("Lire aussi : ...", "À lire également",
  "Voir aussi", "Sur le même sujet") is left out: its headline is another article's.
- T1. The typography of a page once its HTML is gone, written one way before any rule:
  "@ @ @" (spaces, non-breaking or not) is "@@@", "arrobases" and "arobase(s)" are
  "arobases", a postal code beside a name "(04100)" is its département "(04)" (97x: three
  digits; Corsica's 20xxx: 2A below 20200, else 2B). A line cut in mid-sentence joins
  the next one when that goes on in lower case or opens a bracket ("... reçoivent cinq
  arobases" then "(Aville, Beville), ...").
- T1b. What a page's HTML leaves once stripped (seventh battery): entities as text
  ("&nbsp;", "&#64;&#64;&#64;", "&laquo;") are their characters, soft hyphens and
  zero-width spaces inside a name are nothing, "(a)" written for "@" is "@" in a run of
  two or more ("(a)(a)(a)") or after a figure ("3 (a)"); a lone "(a)" is a list's item.
- T1c. Three spaces or more between two words are a column's edge, as a tab is: a table
  flattened with runs of spaces reads as one kept with tabs (R23 of ``roundup``).
- T1d. Marks alone between quotes of one kind, plain or smart ("obtient ‘@@@’",
  '"@@"'), are the marks, as "« @@@ »" are.
- T1e. A level out of five ("cinq @ sur cinq", "3 arobases sur 5", "5/5 @") is the level
  alone; the top level named then restated in apposition ("Avec la note maximale, 5/5 @,
  Voiron rejoint ...", fifth battery) is the restated marks alone.
- T1f. A word cut by hyphenation at a line's end (tenth battery: PDF columns) is made
  whole: "Vi-" / "tré (35)" is "Vitré (35)", "dé-" / "croche" is "décroche"; a compound
  name cut at its own hyphen keeps it ("Hérouville-Saint-" / "Clair", "Villeneuve-" /
  "lès-Maguelone").
- T1g. A page marker a PDF leaves in the flow ("— Page 7 —", "Page 3/12", "- 7 -") is no
  line: the sentence or the list it cut goes on across it.
- L1. Levels: "4@", "4 @", "5 arobases", "5 @robases", "cinq arobases", "4 arobas", "@@@@", "une
  quatrième arobase", "sa 4e arobase" (read by ``records.parse_level``). "le plus haut
  niveau", "la plus haute distinction", "distinction suprême" mean 5, only where the
  sentence gives no level in figures.
- L2. Not levels: a scale ("de @ à @@@@@", "entre une à cinq arobases", "s'arrêtant à
  5 @"), anything in brackets, reported speech in « », an increment ("une arobase
  supplémentaire"), an aim or a negation ("vise la 5e arobase", "n'a pas obtenu").
- L3. "passe de 3 à 4 arobases": 4 now; 3 is an earlier level, kept only with its year.
- L4. A running total: "portant son total d'arobases à 3", "porte son total à 4 @",
  "gagne une arobase et en possède désormais quatre" ("en" for the level noun written
  before it in the sentence; "désormais", "maintenant", "aujourd'hui", "à présent"):
  that total is the level now (the increment "un rang supplémentaire" says nothing alone).
- S1. The collectivité is the nearest one named before the level in the same sentence:
  "la Ville de X", "la ville des Mureaux" (→ Les Mureaux), "la commune de X", "la
  mairie de X" (the town hall stands for its commune), "la
  Communauté d'agglomération X", "Métropole X"; or a bare name opening a clause and
  followed by an award verb ("Alfortville confirme ses 5@"); with an award verb in the
  sentence (obtient, remporte, décroche, reçoit, confirme, conserve, labellisée,
  devient, "est classée 5@" (third hand)...).
- S2. "la Ville", "la commune", "notre commune", a sentence opening "Elle a reçu",
  "Elle s'est vue attribuer" stand for the one collectivité the text
  awards by name (or, failing that, the only one it names as "ville de X", or, with no
  "ville de X" at all, the only one it names as the bare subject of an award verb:
  "Thionville confirme son label"); with two candidates they stand for nothing. "notre commune", "notre ville" (the publisher
  speaking of itself) stand for the one collectivité the text names as "ville de X" even
  when it awards others by name (a town's page listing its neighbours' awards too).
  Failing all of these, the one town a dateline in capitals names ("LISIEUX. La ville
  a obtenu ...", "IFS (Calvados). La commune ...").
- S3. A name after a preposition ("à Martigues", "accueilli par la ville de X") or a
  plural subject ("8 collectivités atteignent 4@") is never the one awarded, except
  after "décerné à", "attribué à", "a permis à", "a valu à" ("ont permis à notre
  commune d'être récompensée d'une première @": the one awarded), and the agent of a
  passive award verb after the level: "cinq @ ont été décrochées par la ville de X"
  (décrochées, obtenues, remportées, gagnées, reçues, raflées par; "décernées par" and
  "attribuées par" name the giver, never the one awarded).
- S4. A verb of saying then "que" ("Le maire rappelle que la commune de X a obtenu ...",
  "informe l'assemblée que X a reçu ..."): the name after "que" is the clause's subject,
  not a comparison's complement ("plus que X").
- S5. Another name opening a clause between the nearest mention and the level ("Aville
  se maintient à trois et Les Herbiers font leur entrée avec une arobase"): the level is
  that other subject's, which may be no mention this reader reads; the nearest mention
  gets nothing from it.
- S6. The name right after the verb, its level right after it: "le jury a récompensé
  Aville de trois arobases" (distingué, gratifié, honoré ... de / avec), "a décerné à
  Aville quatre arobases" (attribué, remis, octroyé à); one name only.
- Y1. The year of a level is the year its clause states ("En 2018, ... avait obtenu
  3@"), else its sentence's when it has one level, else the text's edition year.
- Y2. The edition year: "label 2020", "label TVVI 2025", "palmarès 2019", "Villes Internet 2019",
  "résultats 2018", "les labellisés 2024", "les lauréats 2019", "les communes
  labellisées en 2025" (a plural only: "labellisée en 2018" is one town's history),
  "récompensées pour l'année 2016" ("la remise des prix ... pour l'année 2016" in a
  sentence about the label), a
  ceremony date (January to June) "le 4 février 2020", "le concours organisé en mars
  2000" (a month and year right after the event), "le 4 février dernier" read
  against the release's own date, "21e label" / "22e cérémonie" (1999 + n). Several
  different years: unsure, none.
- Y2a. The release's date: a stored page's "date 2024-02", a short line "Publié le 4
  février 2020" ("Paris, le 2 février 2020", "Édition du jeudi 17 décembre 2009",
  "Article du 3 mars 2015", "Paru le", "Mis en ligne le"), a
  by-line "01 févr. 2017", a line opening with a numeric date, day
  first ("28/03/2023 | 06h19", "Publié le 16/12/2009 - 18:33"), a line that is the
  page's address alone, dated in its path ("https://www.x.fr/region/2019/02/01/titre",
  "www.x.fr/actu/2017-01-27-titre", eighth battery). With no edition stated,
  a date line in January to June gives that year's edition, and up to 2009 one in
  November or December too (those ceremonies closed their year: 15 décembre 2009).
- Y2d. A short line closed by a date after a place, a by-line, an issue or a sitting:
  "Drôme - 15 février 2012", "Deux-Sèvres | 8 février 2023", "Séance du 27 mars 2023",
  "Par notre correspondant - 06/02/2017", "Gers. Publié le 30/01/2014", "Vivre à
  Aville - n° 87 - avril 2024" (a month alone only after a dash or a bar; "le" only
  after a date line's words: "La cérémonie aura lieu le 4 février 2027" is no date line).
- Y2c. Staff may give the edition (``load press --edition``): it serves only a text
  stating no edition at all; a text stating one keeps it, one stating several stays
  unsure.
- Y2b. A sentence announcing a coming edition ("se tiendra la troisième édition", "aura
  lieu", "la prochaine édition") gives no edition year to the text.
- Y3. A level stated in the past ("avait obtenu", "l'an dernier" = edition - 1,
  "précédemment") without its own year is dropped. "contre trois l'an dernier" dates
  the compared level only, never the clause (eighth battery; the round-up reads it).
- Y4. Earlier years stated with a level: "pour la deuxième année consécutive" (the year
  before too), "depuis 2018 ... chaque année" (every year since; 2010, which had no
  edition, left out). A run of consecutive years reaching back over 2010 ("pour la
  quatrième année consécutive" in 2013) gives no earlier year: the writer may count
  editions or calendar years. "confirme",
  "conserve", "de nouveau" alone say nothing about earlier levels.
- Y4b. "Comme en 2021, la ville a obtenu ses 5 @": the year after "comme en" is an
  earlier edition at the same level, not this award's year (which falls to the
  clause's other year or the text's edition); not for a counted subject ("Comme en
  2021, douze villes obtiennent 5 @" says nothing of which towns).
- Y5. The same award again, by reference: "Elle avait déjà obtenu cette récompense en
  2016" (cette distinction, ce label, ce niveau), its subject standing for the main
  collectivité (S2): the level the sentence before gave it, for that year.
- Y6. Years listed right after a level: "avait obtenu trois @ en 2020 et en 2021", "en
  2019, 2020 et 2021": the level for each (2010 never).
- C. Two different levels for one collectivité and year: unsure, neither is kept (a
  year stated outright beats one inferred by Y4).

Initiatives are read by ``loaders.press.initiatives``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re

from atlas import editions, names
from loaders.records import Rejected, parse_level

MONTHS = {m: i for i, m in enumerate(
    ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
     "octobre", "novembre", "decembre"), start=1)}
# Editions are numbered year - 1998 up to the 11th (2009); there was none in 2010; the
# 12th was held in January 2011, so from then on the nth is year - 1999 (21st: 2020).
LAST_EARLY_EDITION = 11
NO_EDITION = editions.NONE  # the year without a ceremony


def edition_year(rank: int) -> int:
    """The year of the label's ``rank``th edition."""
    return 1998 + rank if rank <= LAST_EARLY_EDITION else 1999 + rank


CEREMONY_MONTHS = range(1, 7)  # ceremonies are held early in the edition's year
LATE_CEREMONY_MONTHS = (11, 12)  # up to 2009: late in it (24 novembre 2008, 15 décembre 2009)


@dataclasses.dataclass(frozen=True)
class Award:
    collectivite: str  # as the text names it, article restored ("Les Mureaux")
    departement: str  # a département written beside the name ("94"), else ""
    year: int
    level: int
    evidence: str  # the sentence that states it
    line: int
    inferred: bool = False  # from "deuxième année consécutive", "depuis 2018"
    mentions: tuple[str, ...] = ()  # "mention Transition écologique" beside the level


@dataclasses.dataclass(frozen=True)
class Initiative:
    title: str
    summary: str
    domains: tuple[str, ...]
    line: int


@dataclasses.dataclass
class Extraction:
    awards: list[Award]
    initiatives: list[Initiative]
    collectivite: str = ""  # whose the initiatives are
    departement: str = ""
    edition_given: int | None = None  # staff's edition, used: the text states none


# -- reading the text -------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Block:
    kind: str  # heading | bullet | para
    raw: str  # with its **bold** marks
    text: str
    line: int


_BULLET = re.compile(r"^\s*(?:[-*•·–—]|\d{1,2}[.)])\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s*")


def _plain(raw: str) -> str:
    """The text without markdown, HTML tags and typographic variants."""
    text = re.sub(r"<[^>]+>", "", raw)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _normalise(text: str) -> str:
    # T1b. What a page's HTML leaves behind (seventh battery): entities kept as text
    # ("&nbsp;", "&#64;&#64;&#64;", "&laquo;"), soft hyphens and zero-width spaces cutting
    # a name ("Saint-Étienne-du-Rou\u00advray"), "(a)" written for "@" where a page could not
    # print it ("(a)(a)(a)", "3 (a)"): a run of two or more, or one after a figure only
    # (a lone "(a)" is a list's item).
    if "&" in text:
        text = html.unescape(text)
    text = re.sub("[\u00ad\u200b\u2060\ufeff]", "", text)
    text = _A_FOR_AT.sub(lambda m: "@" * m.group().count("(a)"), text)
    # A table flattened with runs of spaces for its column gaps ("Ris-Orangis      @@@"):
    # three spaces or more between two words are a cell's edge, as a tab is (R23).
    text = re.sub(r"(?<=\S) {3,}(?=\S)", "\t", text)
    # "cinq @ sur cinq", "4 arobases sur 5": out of five is the level alone (T1e)
    text = re.sub(r"(@|[Aa]robases?)\s+sur\s+(?:cinq|5)\b", r"\1", text)
    # "5/5 @" too; and the top level named, then restated in apposition ("Avec la note
    # maximale, 5/5 @, Voiron ...", fifth battery): the restated marks alone
    text = re.sub(r"\b([1-5])\s*/\s*5\s*(?=@|[Aa]robas)", r"\1 ", text)
    text = _TOP_RESTATED.sub(r"\1", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = text.replace("\u202f", " ").replace("\u2009", " ").replace("\r", "")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    # "cinq « @ »", "une première « @ »": the marks without their quotes
    text = _QUOTED_MARKS.sub(lambda m: f" {m.group(1) or m.group(3)} ", text)
    # T1. The typography pages keep once their HTML is gone, written one way for every
    # rule: marks spaced out by the page ("@ @ @", or with non-breaking spaces) are one level, not three
    # levels of one @; "arrobases" (a common misspelling) and "arobase(s)" are "arobases".
    text = _SPACED_MARKS.sub(lambda m: m.group().replace(" ", "").replace("\t", ""), text)
    text = _MISSPELT.sub(lambda m: (m.group(1) or m.group(2)) + "robas", text)
    # A page without accents ("La 20e edition du label a ete devoilee", twelfth battery):
    # the label's own words, which the rules read with their accents, get them back
    text = _UNACCENTED.sub(lambda m: _ACCENTED[m.group().lower()] if m.group().islower()
                           else _ACCENTED[m.group().lower()].capitalize(), text)
    # "Aix - les - Bains" (twelfth battery): a name's hyphens spaced out by the page
    text = _SPACED_HYPHENS.sub(r"-\1-", text)
    # "Grand Annecy (agglomération)", "Sicoval (communauté d'agglomération)": the kind
    # of an EPCI in brackets is no département
    text = _KIND_IN_BRACKETS.sub("", text)
    text = text.replace("arobase(s)", "arobases").replace("Arobase(s)", "Arobases")
    # A postal code beside a name, "Manosque (04100)", is its département "(04)", as the
    # press prints it just as often (Corsica's 20xxx: 2A below 20200, else 2B).
    return _POSTCODE.sub(lambda m: f"({_postcode_departement(m.group(1))})", text)


_A_FOR_AT = re.compile(r"(?<![\w(])(?:\(a\)){2,5}(?![\w(])"  # "(a)(a)(a)"
                       r"|(?<=[1-5]) ?\(a\)(?![\w(])")  # "3 (a)"
# "le plus haut niveau, quatre @" (fourteenth battery: the top level of 2000 was four):
# the level written beside the words is the level, whatever it is
_TOP_RESTATED = re.compile(r"\b(?:(?:la|de\s+la|à\s+la)\s+note\s+maximale|"
                           r"(?:le|du|au)\s+plus\s+haut\s+niveau|(?:le|du|au)\s+niveau\s+"
                           r"maximal|(?:la|de\s+la|à\s+la)\s+plus\s+haute\s+distinction)\s*"
                           r"[,(]\s*((?:[1-5]|une|deux|trois|quatre|cinq)\s*(?:@|arobases?)"
                           r"|@{1,5})\s*(?:\)|(?=[,.;]|$))")
_SPACED_MARKS = re.compile(r"@(?:[ \t]+@){1,4}(?![ \t]*@)")
_ACCENTED = {w.replace("é", "e").replace("è", "e").replace("ç", "c").replace("û", "u"): w
             for w in ("édition", "éditions", "palmarès", "décerné", "décernés", "décernée",
                       "décernées", "récompensé", "récompensée", "récompensés",
                       "récompensées", "décroché", "décroche", "décrochent", "reçu", "reçue",
                       "reçoit", "reçoivent", "première", "premières", "deuxième",
                       "troisième", "quatrième", "cinquième", "février", "décembre", "août",
                       "communauté", "agglomération", "métropole", "élue", "été", "dévoilé",
                       "dévoilée", "labellisée", "labellisées", "labellisés", "distinguée",
                       "distinguées", "distingués", "catégorie", "cérémonie")}
_UNACCENTED = re.compile(r"\b(?:" + "|".join(sorted(_ACCENTED, key=len, reverse=True)) +
                         r")\b", re.I)
_SPACED_HYPHENS = re.compile(r"(?<=[\wÀ-ÿ])\s-\s(les|le|la|sur|sous|en|de|du|des|lès|lez|"
                             r"aux|et)\s-\s(?=[A-ZÀ-Ý])")
_KIND_IN_BRACKETS = re.compile(r"\s*\((?:communauté\s+(?:d'agglomération|de\s+communes|"
                               r"urbaine)|agglomération|agglo|métropole|intercommunalité|"
                               r"epci)\)", re.I)
_MISSPELT = re.compile(r"\b([Aa])rrobas|\b([Aa])r?robac(?=es?\b)")  # "arobace" too
_POSTCODE = re.compile(r"\(((?:0[1-9]|[1-8]\d|9[0-5]|97)\d{3})\)")


def _postcode_departement(code: str) -> str:
    if code.startswith("97"):
        return code[:3]
    if code.startswith("20"):
        return "2A" if int(code) < 20200 else "2B"
    return code[:2]


_QUOTED_MARKS = re.compile(r"«\s*((?:[1-5]\s*)?@{1,5}|[1-5]?\s*arobases?)\s*»"
                           # "obtient '@@@'", '"@@"' (smart quotes made plain above:
                           # seventh battery): marks alone between quotes of one kind
                           r"|(?<!\w)(['\"])((?:[1-5]\s*)?@{1,5})\2(?!\w)")


def blocks(text: str) -> list[Block]:
    """Non-empty lines as blocks; a line cut in mid-sentence (PDF text) joins the next:
    one going on in lower case, or after a comma or a word no line ends with.

    The lines of a block are gathered first and cleaned once: cleaning the growing
    paragraph at each joined line made a long PDF paragraph quadratic."""
    parts: list[tuple[str, list[str], int]] = []  # (kind, raw lines, first line number)
    for number, line in enumerate(_unbroken(_normalise(text).split("\n")), start=1):
        if not line.strip() or _LINK_LINE.match(line) or _CAPTION.match(line) or \
                _SHARE_LINE.match(line):
            continue  # T2: a link to another article, a photo's caption: no part of it
        kind = "heading" if _HEADING.match(line) else "bullet" if _BULLET.match(line) \
            else "para"
        raw = _BULLET.sub("", _HEADING.sub("", line)).strip()
        prev = parts[-1] if parts else None
        if kind == "para" and prev and prev[0] == "para" and (
                (raw[:1].islower() or raw[:1] == "(")  # "cinq arobases" / "(Aville, ..."
                and not _ENDS_CLAUSE.search(_plain(prev[1][-1]))
                or _CUT_BEFORE_NAME.search(_plain(prev[1][-1]))
                or _GOES_ON_IN_FIGURES.match(raw)
                # "La Rochelle (17)" / "et Poitiers reçoivent ...", "... quatre @ ;" /
                # "Bègles trois." (twelfth battery): a conjunction, a semicolon go on
                or re.match(r"(?:et|ou)\s", raw) or prev[1][-1].rstrip().endswith(";")
                # "... au label Villes" / "Internet 2021, Talence ..." (nineteenth battery)
                or raw.startswith("Internet") and re.search(r"\bVilles?$", prev[1][-1])
                # "... neuf obtiennent cinq @ :" / "Brest, Issy-les-Moulineaux, ..."
                # (fourteenth battery): a prose line's colon opens the list below it
                or prev[1][-1].rstrip().endswith(":") and len(prev[1][-1].split()) > 8
                and "," in raw and not re.search(r"@|arobas", raw, re.I)
                or _KIND_AFTER_NAME.match(raw) and re.search(rf"[{_UP}][\wÀ-ÿ'-]*$",
                                                              prev[1][-1])):
            prev[1].append(raw)
            continue
        parts.append((kind, [raw], number))
    out = []
    for kind, lines, number in parts:
        raw = " ".join(lines)
        out.append(Block(kind, raw, _plain(raw), number))
    return out


# T1f (tenth battery): a word cut at a line's end by a PDF's or a column's hyphenation
# ("Vi-" / "tré (35)", "dé-" / "croche 4 @", "Hérouville-Saint-" / "Clair (Calvados)"):
# the line goes on with the rest of the word, without the hyphen when the rest is in
# lower case (the word was cut) and with it before a capital or a particle ("Saint-" /
# "Clair", "Villeneuve-" / "lès-Maguelone": a compound name cut at its own hyphen).
# Read as two lines, "Vi" was a name and "Hérouville-Saint" another commune's.
_CUT_WORD = re.compile(r"[A-Za-zÀ-ÿœŒ]-$")
_GOES_ON_WORD = re.compile(r"^[A-Za-zÀ-ÿœŒ]")
_PARTICLE_ON = re.compile(r"^(?:lès|lez|sur|sous|en|de|du|des|la|le|les|aux|au|et)-|^[dl]'")
# T1g (tenth battery): a page's marker left in the flow by a PDF, between two halves of
# a sentence or a list ("— Page 7 —", "- 7 -", "Page 3/12", "p. 4"): no line of the text
# ("... obtient trois" / "— Page 7 —" / "arobases, ..." is one sentence).
_PAGE_MARKER = re.compile(r"^\s*(?:[-–—]\s*)?(?:[Pp]age|p\.)\s*\d{1,3}(?:\s*/\s*\d{1,3})?"
                          r"(?:\s*[-–—])?\s*$|^\s*[-–—]\s*\d{1,3}\s*[-–—]\s*$")


def _unbroken(lines: list[str]) -> list[str]:
    """T1f, T1g: the lines with their cut words made whole and their page markers
    blanked; the lines taken into the one before are left empty, so that every line
    keeps its number."""
    out = [("" if _PAGE_MARKER.match(line) else line) for line in lines]
    for i in range(len(out)):
        while _CUT_WORD.search(out[i].rstrip()):  # the joined line may end cut too
            j = next((k for k in range(i + 1, len(out)) if out[k].strip()), None)
            if j is None or not _GOES_ON_WORD.match(out[j].lstrip()):
                break
            rest = out[j].lstrip()
            keep = rest[:1].isupper() or _PARTICLE_ON.match(rest)
            out[i] = out[i].rstrip()[:None if keep else -1] + rest
            out[j] = ""
    return out


_ENDS_CLAUSE = re.compile(r"[.!?:»)]$")
# "... Lannion-Trégor" / "Communauté, de son côté, garde ses trois @" (thirteenth battery):
# an EPCI's kind written after its name, cut from it by the line's end
_KIND_AFTER_NAME = re.compile(r"^(?:Communauté|Métropole|Agglomération|Agglo)\b(?!\s+(?:de|d'|du|des)\b)")
# R27 (ninth battery): a hard-wrapped sentence cut before its year or its "@" ("... au
# label Villes Internet" / "2024. La commune ...", "... obtient trois" / "@."): a line
# opening on a year or a single "@" that the sentence goes on after (a stop, a comma or a
# lower-case word) is no list line ("2008 : Brest @@", "@@@ : Aville" stay their own).
_GOES_ON_IN_FIGURES = re.compile(r"^(?:(?:19|20)\d\d|@)(?=[.,;]|\s+[a-zà-ÿ])")
# A line cut before a capitalised name ("... (Mulhouse, Colmar," then "Strasbourg…), ...";
# "... et la commune de" then "Crest"): a comma or a word that cannot end a line of its
# own, so the next line goes on with the same sentence (a headline never ends so; nor
# "par": a by-line's "Publié le 3 mai 2017 à 13h49 - par" ends its line).
_CUT_BEFORE_NAME = re.compile(r"(?:,|\b(?:et|ou|de|du|des|la|le|les|à|au|aux|en|pour|avec|"
                              r"sur|dans|que|qui|dont|comme|parmi|lesquelles|lesquels|"
                              r"l'|d')|\b(?:Les|Le|La|L'))$")  # "..., Les" / "Mureaux et ..."
# T2: "Lire aussi : Villes Internet : Niort décroche la cinquième arobase" is the headline
# of another article (another year, another town): read with this page's date, it gave
# awards no one stated here (third-hand battery: Niort 2019, Lorient and Vannes 2011).
_LINK_LINE = re.compile(r"^\s*(?:[>»→•*-]\s*)?(?:[ÀA]\s+)?(?:lire|voir|relire)\s+"
                        r"(?:aussi|également|encore)\b|^\s*(?:[>»→•*-]\s*)?sur\s+le\s+même\s+"
                        r"sujet\b", re.I)


# T2 (thirteenth battery): "Photo : les élus avec le panneau aux quatre arobases. © Le
# Télégramme" describes a picture; its words gave "Photo" four @.
_CAPTION = re.compile(r"^\s*(?:\(?\s*(?:photos?|crédits?\s+photos?|légende|illustration)"
                      r"\s*(?:[:©/]|-\s)|©)", re.I)


# "Partager Facebook Twitter Mail" (twelfth battery): a page's share menu, no name.
_SHARE_LINE = re.compile(r"^\s*(?:(?:partager|partagez|facebook|twitter|x|mail|e-mail|email|"
                         r"linkedin|whatsapp|imprimer|envoyer|copier\s+le\s+lien|bluesky|"
                         r"messenger|pinterest)\b[\s|·•,/]*){2,}$", re.I)


# A sentence may also open with a figure: "2009 est l'année du record", "24 villes ...".
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"A-ZÀ-Ý#*]|\d+\s+[a-zé])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _blank(text: str, pattern: re.Pattern | str) -> str:
    """``text`` with the matches of ``pattern`` replaced by spaces (offsets kept)."""
    return re.sub(pattern, lambda m: " " * len(m.group()), text)


def _blank_span(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


# -- L: levels --------------------------------------------------------------------------

_AT = r"(?:@robas(?:es?)?|@|arobas(?:es?)?|arobases?)"  # "5 @robases" too
_NUM = r"(?:[1-5]|un|une|deux|trois|quatre|cinq)"
_RANK = (r"(?:[1-5]\s*(?:e|è|er|re|ère|ème|eme|ième)|premi[eè]re?|deuxi[eè]me|seconde|"
         r"troisi[eè]me|quatri[eè]me|cinqui[eè]me)")
_LEVEL = re.compile(
    rf"(?<![\w,.])(?:{_RANK}\s+{_AT}|{_NUM}\s*{_AT})(?![\w@])|(?<![\w@.])@{{2,5}}(?![\w@]|\.\w)"
    r"|(?<=Internet )@(?![\w@.])", re.I)
_TOP_LEVEL = re.compile(
    r"\b(?:l[ea]\s+plus\s+haut(?:e)?\s+(?:niveau|distinction|récompense|note)"
    r"(?!\s+jamais)(?:\s+de\s+(?:labell?isation|distinction))?|niveau\s+(?:de\s+"
    r"labell?isation\s+)?le\s+plus\s+élevé|distinction\s+suprême|(?:niveau|note)\s+"
    r"maxim(?:al|ale|um)|(?:grade|nombre)\s+maximal\s+d'arobases|plus\s+haute\s+marche\s+"
    r"du\s+podium|plus\s+haute\s+marche\b|grade\s+le\s+plus\s+élevé|(?:distinction|récompense|"
    r"grade)\s+la\s+plus\s+(?:élevée|haute)|plus\s+haut\s+grade)", re.I)
# L2: scales, increments and brackets hold no level of the collectivité.
_SCALE = re.compile(
    rf"\b(?:de|entre)\s+(?:{_NUM}|@+)\s*{_AT}?\s+(?:à|et)\s+(?:{_NUM}\s*{_AT}|@+)"
    rf"|(?:s'arrêtant|jusqu'|allant|maximum|au\s+maximum)\s*(?:à|de)?\s*{_NUM}\s*{_AT}"
    rf"|\b(?:une?|1)\s+{_AT}\s+(?:supplémentaire|de\s+plus|en\s+plus)|\bd'une\s+{_AT}"
    rf"|\bau\s+moins\s+{_NUM}\s*{_AT}|\bd'(?:une?|1)\s+ou\s+{_NUM}\s*{_AT}"
    # a mention alone is no level: "l'arobase verte", "une arobase verte"
    rf"|\b(?:(?:une?|1|l')\s*)?{_AT}\s+vertes?\b"
    rf"|\bgagn\w*\s+(?:(?:ainsi|donc|encore|également|aussi)\s+)?(?:une?|1)\s+{_AT}", re.I)
# L3: "passe de 3 à 4 arobases", "passant de 3@ en 2018 à 4@".
_PROGRESSION = re.compile(
    rf"\b(?:pass\w*|progress\w*|grimp\w*|mont\w*|évolu\w*)\s+(?P<from>de\s+(?P<old>{_NUM})"
    rf"\s*{_AT}?(?:\s+en\s+(?P<year>(?:19|20)\d\d))?)\s+à\s+(?P<new>{_NUM}\s*{_AT})", re.I)
# L4: "portant son total d'arobases à 3": the total is the level.
_TOTAL = re.compile(rf"\b(?:port|amen)\w*\s+(?:son|leur)\s+(?:total|compteur|nombre)\s+"
                    rf"(?:d'arobases\s+|d'{_AT}\s+)?à\s+(?P<n>{_NUM}(?:\s*{_AT})?)(?![\w@])",
                    re.I)
# L4: "gagne une arobase et en possède désormais quatre": "en" stands for the level noun
# written before it in the sentence; what it holds now is the level.
_HOLDS_NOW = re.compile(rf"\ben\s+(?:possède|possèdent|compte|comptent|totalise|totalisent|"
                        rf"détient|détiennent|affiche|affichent|a|ont)\s+(?:désormais|"
                        rf"maintenant|aujourd'hui|à\s+présent|dorénavant)\s+"
                        rf"(?P<n>{_NUM})(?![\w@])", re.I)
_AT_NOUN = re.compile(_AT, re.I)
_AT_END = re.compile(rf"{_AT}$", re.I)
_SPEECH = re.compile(r"«[^»]{40,}»")
_ASIDE = re.compile(r"\([^()]*\)")
_NOT_AWARDED = re.compile(
    r"\b(?:vis(?:e|ent|ons|er)|ambitionn\w*|objectif|esp[eè]r\w*|souhait\w*|obtiendr\w*|"
    r"décrocher(?:a|ont)|pourr\w*|n'\w+\s+pas|ne\s+\w+\s+pas|sans\s+obtenir|"
    r"respectivement)\b", re.I)  # here unsure; roundup R21 reads "respectivement" in order


@dataclasses.dataclass(frozen=True)
class Level:
    start: int
    end: int
    level: int
    earlier: bool = False  # the old level of a progression: "de 3@ en 2018 à 4@"
    year: int | None = None  # the year written with that old level
    span: tuple[int, int] = (0, 0)  # "de 3@ en 2018": no other level's clause


def _level_of(token: str) -> int | None:
    try:
        return parse_level(re.sub(r"\s+", " ", token.replace("@robas", "arobas")))
    except Rejected:
        return None


def levels(sentence: str) -> list[Level]:
    """The levels a sentence gives (L1-L3), with their offsets in ``sentence``."""
    text = _blank(_blank(sentence, _SPEECH), _ASIDE)
    out: list[Level] = []
    progression = _PROGRESSION.search(text)
    if progression:
        old = _level_of(progression.group("old") + " arobases")
        year = progression.group("year")
        if old:
            out.append(Level(*progression.span("old"), old, earlier=True,
                             year=int(year) if year else None,
                             span=progression.span("from")))
        text = _blank_span(text, *progression.span("from"))
    text = _blank(text, _SCALE)
    totals = [*_TOTAL.finditer(text), *(  # L4
        m for m in _HOLDS_NOW.finditer(text) if _AT_NOUN.search(sentence, 0, m.start()))]
    for m in totals:
        level = _level_of(m.group("n") if _AT_END.search(m.group("n"))
                          else m.group("n") + " arobases")
        if level:
            out.append(Level(*m.span("n"), level))
        text = _blank_span(text, *m.span("n"))
    for m in _LEVEL.finditer(text):
        level = _level_of(m.group())
        if level:
            out.append(Level(m.start(), m.end(), level))
    if not any(not lv.earlier for lv in out):
        out += [Level(m.start(), m.end(), 5) for m in _TOP_LEVEL.finditer(text)]
    return sorted(out, key=lambda lv: lv.start)


# -- Y: years ---------------------------------------------------------------------------

_MONTH = r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|" \
         r"novembre|d[ée]cembre)"
_YEAR = r"((?:19|20)\d\d)"
_EDITION_YEAR = re.compile(
    rf"\b(?:labels?(?:\s+TVVI)?|palmar[eè]s|mill[eé]sime|[eé]dition|Internet|troph[ée]es?|"
    rf"r[ée]sultats|"  # "Villes Internet, résultats 2018 : ..."
    # "Les labellisés 2024 de la Somme : ...", "les lauréats 2019" (held-out battery)
    rf"labell?is[ée]s|lauréat(?:e?s)?)\s*[\"»]?\s*"
    rf"(?:de\s+)?{_YEAR}\b", re.I)
# "les communes haut-savoyardes labellisées en 2025" (fourth battery): a plural, the
# round-up's laureates; a singular "labellisée en 2018" is one town's history
_PLURAL_IN_YEAR = re.compile(
    rf"\b(?:labell?is|labélis|récompens|distingu)[ée]e?s\s+en\s+{_YEAR}\b", re.I)
# "récompensées pour l'année 2016", "labellisée au titre de l'année 2016"
_FOR_YEAR = re.compile(rf"\b(?:récompens|labell?is|labélis|distingu|décern|attribu)\w*\s+"
                       rf"(?:pour|au\s+titre\s+de)\s+l'année\s+{_YEAR}\b", re.I)
# "la remise des prix aux 163 communes ... pour l'année 2016": in a sentence about the label
_THE_YEAR = re.compile(rf"\b(?:pour|au\s+titre\s+de)\s+l'année\s+{_YEAR}\b", re.I)
_DATE = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH})\s+{_YEAR}\b", re.I)
# Y2: a month and year without a day, right after the event it dates: "le concours
# organisé en mars 2000", "la cérémonie de février 2019", "palmarès de janvier 2011".
_EVENT_MONTH = re.compile(
    rf"\b(?:cérémonie|remise|concours|palmarès|labels?)\s+(?:[a-zéè]+\s+){{0,3}}?"
    rf"(?:en|de|d')\s*({_MONTH})\s+{_YEAR}\b", re.I)
_LAST_MONTH = re.compile(rf"\b\d{{1,2}}(?:er)?\s+({_MONTH})\s+dernier\b", re.I)
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}(?:er)?\s+({_MONTH})\b(?!\s+(?:dernier|\d))", re.I)
_EDITION_RANK = re.compile(
    r"\b(\d{1,2})\s*(?:e|è|ème|eme|ième|ieme|es|èmes|ièmes)\s+(?:labels?|cérémonie|édition|"
    r"palmarès|remise)", re.I)
_RANK_WORDS = {w: i for i, w in enumerate((
    "premiere", "deuxieme", "troisieme", "quatrieme", "cinquieme", "sixieme", "septieme",
    "huitieme", "neuvieme", "dixieme", "onzieme", "douzieme", "treizieme", "quatorzieme",
    "quinzieme", "seizieme", "dix septieme", "dix huitieme", "dix neuvieme", "vingtieme",
    "vingt et unieme", "vingt deuxieme", "vingt troisieme", "vingt quatrieme",
    "vingt cinquieme", "vingt sixieme", "vingt septieme", "vingt huitieme"), start=1)}
_EDITION_RANK_WORD = re.compile(
    r"\b((?:dix|vingt)[-\s](?:et[-\s])?\w+ième|\w+ième)s?\s+(?:labels?|cérémonie|édition|"
    r"palmarès|remise)", re.I)
_PLAIN_YEAR = re.compile(rf"(?:\b[Ee]n\s+(?:{_MONTH}\s+)?|\((?:en\s+)?){_YEAR}\b", re.I)
_LAST_YEAR = re.compile(
    r"\bl'(?:an|année)\s+(?:derni(?:er|ère)|pass(?:é|ée)|précédente)"
    r"|\bprécédente\s+édition", re.I)
_EARLIER = re.compile(
    r"\b(?:avai(?:t|ent)|obtenait|détenait|affichai(?:t|ent)|possédai(?:t|ent)|arborai(?:t|ent)"
    r"|précédemment|auparavant|jusqu'(?:ici|alors))\b",
    re.I)
# Y2: a sentence announcing a coming edition ("Puis, du 2 au 4 mars 2001, se tiendra la
# troisième édition") does not date the awards the text reports.
_FUTURE = re.compile(r"\b(?:se\s+tiendr(?:a|ont)|aura\s+lieu|auront\s+lieu|se\s+déroulera|"
                     r"ser(?:a|ont)\s+(?:remis|remise|décerné|décernés|organisée?)|"
                     r"prochaine\s+(?:édition|cérémonie))\b", re.I)
_LABEL_TALK = re.compile(r"label|cérémonie|palmarès|arobas|@|remise", re.I)
# "Publié le 3 mai 2017 à 13h49", a release's "Paris, le 02 décembre 2020", a
# newsletter's "Édition du jeudi 17 décembre 2009", a town site's "Actualité publiée le 5
# février 2013" (a date line at the foot of the page, among the first blocks).
_DOC_DATE = re.compile(rf"^(?:(?:(?:actualité|article|brève)\s+)?"
                       rf"(?:publié|communiqué|mis à jour|mis en ligne|paru|posté|"
                       rf"article|édition\s+du)[^0-9]{{0,40}}|"  # "Article du 3 mars 2015."
                       rf"[A-ZÀ-Ý][\w'-]+(?:[\s-][\w'-]+){{0,2}},\s+(?=le\s))?"
                       rf"(?:le\s+)?(?:\w+\s+)?\d{{1,2}}(?:er)?\s+{_MONTH}\s+\d{{4}}\b", re.I)
# The date line of stored web pages ("date 2024-02") and abbreviated months in a
# by-line ("Les Dernières Nouvelles d'Alsace - 01 févr. 2017 à 18:00").
_ISO_DATE_LINE = re.compile(r"^\s*date\s+((?:19|20)\d\d)-(\d\d)\b")
# The page's address kept as its first line (eighth battery), its only date in the path:
# "https://www.exemple.fr/bretagne/2019/02/01/titre", "www.exemple.fr/actu/2017-01-27-titre".
# Only a line that is one address, nothing else: a year in prose is never a date line.
_URL_DATE_LINE = re.compile(r"^\s*(?:https?://|www\.)\S*?[/-]((?:19|20)\d\d)[/-](\d\d)[/-]\d\d"
                            r"(?:[/-]\S*)?\s*$")
_SHORT_MONTHS = {"janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10,
                 "nov": 11, "dec": 12}
# A line opening with a numeric date, day first: "28/03/2023 | 06h19", "19/01/2011",
# "Publié le 16/12/2009 - 18:33".
_NUMERIC_DATE_LINE = re.compile(r"^\s*(?:(?:publié|mis à jour)\s+le\s+)?"
                                r"(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b", re.I)
_DATED_BY_START = re.compile(r"^\s*(?:publié|mis\s+à\s+jour)\s+le\s+\d", re.I)
_BYLINE_DATE = re.compile(
    r"\b(\d{1,2})(?:er)?\s+(janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)\.?\s+((?:19|20)\d\d)\b",
    re.I)

# Y2d: a short line that ends with the date after a place, a by-line, a paper's issue or a
# council's sitting: "Drôme - 15 février 2012", "Deux-Sèvres | 8 février 2023", "Séance
# du 27 mars 2023", "Par notre correspondant - 06/02/2017", "Seine-Saint-Denis. Publié le
# 30/01/2014", a bulletin's issue "Vivre à Quimperlé - n° 87 - avril 2024" (a month alone
# only after a dash or bar: "Février 2019" opening a line may be a heading). The date
# must close the line: a sentence holding one is no date line.
# "le" / "du" only after the words of a date line: "La cérémonie aura lieu le 4 février
# 2027" is a sentence, not the page's date.
_DATED_BY = r"\b(?:publié|mis\s+à\s+jour|mis\s+en\s+ligne|paru|séance|réunion|conseil)\w*"
_END_DATE_LINE = re.compile(
    rf"(?:[-–—|,.:]\s+|{_DATED_BY}\s+(?:[\w']+\s+){{0,2}}?(?:du|le)\s+)(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    rf"dimanche)\s+)?\d{{1,2}}(?:er)?\s+(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d\d)\s*[.–—-]?$"
    rf"|(?:[-–—|]\s+)(?P<month2>{_MONTH})\s+(?P<year2>(?:19|20)\d\d)\s*[.–—-]?$"
    rf"|(?:[-–—|,.:]\s+|{_DATED_BY}\s+(?:[\w']+\s+){{0,2}}?le\s+)(?P<day3>\d{{1,2}})/(?P<month3>\d{{1,2}})/"
    rf"(?P<year3>(?:19|20)\d\d)\s*[.–—-]?$", re.I)


def _end_date(line: str) -> tuple[int, int] | None:
    """Y2d: (year, month) of a short line closed by a date, else None."""
    m = _END_DATE_LINE.search(line) if len(line.split()) <= 12 else None
    if not m:
        return None
    if m.group("year"):
        return int(m.group("year")), _month(m.group("month"))
    if m.group("year2"):
        return int(m.group("year2")), _month(m.group("month2"))
    if 1 <= int(m.group("day3")) <= 31 and 1 <= int(m.group("month3")) <= 12:
        return int(m.group("year3")), int(m.group("month3"))
    return None


def _month(word: str) -> int:
    return MONTHS[names.fold(word)]


def release_date(doc: list[Block]) -> tuple[int, int] | None:
    """(year, month) the release is dated: a short line holding only a date, or
    "Publié le ..."; None when it does not say."""
    for b in doc[:12]:
        iso = _ISO_DATE_LINE.match(b.text) or _URL_DATE_LINE.match(b.text)
        if iso and 1 <= int(iso.group(2)) <= 12:
            return int(iso.group(1)), int(iso.group(2))
        # "Publié le 01/02/2023 à 07:45, mis à jour à 09:10": a by-line's times after it
        words = len(b.text.split())
        numeric = _NUMERIC_DATE_LINE.match(b.text) if words <= 8 or words <= 16 and \
            _DATED_BY_START.match(b.text) else None
        if numeric and 1 <= int(numeric.group(1)) <= 31 and 1 <= int(numeric.group(2)) <= 12:
            return int(numeric.group(3)), int(numeric.group(2))
        if len(b.text.split()) <= 10 and _DOC_DATE.match(b.text):
            m = _DATE.search(b.text)
            return int(m.group(3)), _month(m.group(2))
        short = _BYLINE_DATE.search(b.text) if len(b.text.split()) <= 16 else None
        if short:
            return int(short.group(3)), _SHORT_MONTHS[names.fold(short.group(2))]
        if ended := _end_date(b.text):
            return ended
    return None


def edition_years(sentence: str, dated: tuple[int, int] | None) -> set[int]:
    """Y2: the edition years a sentence states."""
    years = {int(y) for y in _EDITION_YEAR.findall(sentence)} | \
        {int(y) for y in _FOR_YEAR.findall(sentence)} | \
        {int(y) for y in _PLURAL_IN_YEAR.findall(sentence)}
    if _LABEL_TALK.search(sentence):
        years |= {int(y) for y in _THE_YEAR.findall(sentence)}
        years |= {int(y) for _, month, y in _DATE.findall(sentence)
                  if _month(month) in CEREMONY_MONTHS}
        if dated:
            years |= {dated[0] if _month(m) <= dated[1] else dated[0] - 1
                      for m in _LAST_MONTH.findall(sentence)}
            # "jeudi 8 février" in an article dated 2024-02: that year's ceremony
            years |= {dated[0] for m in _DAY_MONTH.findall(sentence)
                      if _month(m) in CEREMONY_MONTHS and _month(m) <= dated[1]}
    # the event named with its month: no need of other label words in the sentence
    years |= {int(y) for month, y in _EVENT_MONTH.findall(sentence)
              if _month(month) in CEREMONY_MONTHS}
    years |= {edition_year(int(n)) for n in _EDITION_RANK.findall(sentence)
              if 1 <= int(n) <= 60}
    years |= {edition_year(_RANK_WORDS[w]) for w in map(names.fold, _EDITION_RANK_WORD.findall(
        sentence)) if w in _RANK_WORDS}
    return years


def stated_years(text: str, dated, current: int | None) -> set[int]:
    """Every year a clause or sentence gives a level: edition years, "en 2018",
    "(2018)", "l'an dernier" (edition - 1)."""
    years = edition_years(text, dated) | {int(y) for y in _PLAIN_YEAR.findall(text)}
    if current and _LAST_YEAR.search(_blank(text, _AGAINST_LAST)):
        years.add(current - 1)
    return years


# "obtient quatre @, contre trois l'an dernier" (eighth battery): last year dates the
# compared level only, never the clause's own (the round-up reader gives that one).
# "obtient trois @, comme l'an dernier" likewise: the same level both years (the
# round-up reader gives both).
_AGAINST_LAST = re.compile(r"\b(?:contre\s+\w+(?:\s*(?:@|arobases?))?|comme)\s+"
                           r"l'(?:an|année)\s+(?:derni(?:er|ère)|pass(?:é|ée)|précédente)",
                           re.I)


def current_edition(doc: list[Block], dated, given: int | None = None) -> int | None:
    """The release's edition year, from sentences not about the past, else the year of
    its date line when that falls in January to June (or, up to 2009, in November or
    December: those editions were held at the end of their year); None if unsure.
    ``given`` (staff's ``--edition``) is used only when the text states no edition at all:
    a text stating one keeps it, a text stating several stays unsure."""
    years: set[int] = set()
    for b in doc:
        for s in sentences(b.text):
            if not _EARLIER.search(s) and not _FUTURE.search(s):
                years |= edition_years(_blank(_blank(s, _SINCE), _AS_IN), dated)
    if not years and dated and (dated[1] in CEREMONY_MONTHS or
                                dated[0] < NO_EDITION and dated[1] in LATE_CEREMONY_MONTHS):
        return dated[0]  # the article's date line, near the ceremony: that edition's news
    if not years and not dated:
        years = _weekday_years(doc)
    if not years:
        return given
    return years.pop() if len(years) == 1 else None


_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_WEEKDAY_DATE = re.compile(
    rf"\b({'|'.join(_WEEKDAYS)})\s+(\d{{1,2}})(?:er)?\s+({_MONTH})\b(?!\s+(?:19|20)\d\d)", re.I)
_ANY_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _weekday_years(doc: list[Block]) -> set[int]:
    """Y2: the years in which a ceremony "jeudi 3 février" (no year written) fell on that
    weekday, from the latest year the text mentions (it was written after) to this year:
    an edition only when one year fits."""
    text = "\n".join(b.text for b in doc)
    latest = max((int(y) for y in _ANY_YEAR.findall(text)), default=1999)
    found: set[int] = set()
    for b in doc:
        for s in sentences(b.text):
            if not _LABEL_TALK.search(s):
                continue
            for day_name, day, month in _WEEKDAY_DATE.findall(s):
                found |= {y for y in range(max(latest, 1999), dt.date.today().year + 1)
                          if _weekday(y, _month(month), int(day)) == day_name.lower()}
    return found


def _weekday(year: int, month: int, day: int) -> str:
    try:
        return _WEEKDAYS[dt.date(year, month, day).weekday()]
    except ValueError:  # 30 février
        return ""


# -- S: who is awarded ------------------------------------------------------------------

_UP = r"A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŒ"
_WORD = rf"[{_UP}][\wÀ-ÿœ]*"
_PARTICLE = r"(?:sur|sous|lès|lez|les|le|la|de|du|des|en|aux|au)"
# "Saint-Jean-et-Saint-Paul": "et" only between hyphens, so "Villejuif et Alfortville"
# stays two names; "Cœur d'Essonne", "Villeneuve-d'Ascq".
# "Brest métropole", "Mauges communauté": an EPCI that writes its kind after its name in
# lower case (eleventh battery) is one name, not the commune's
EPCI_TAIL = r"(?:\s(?:métropole|communauté|agglomération)(?![\wÀ-ÿ]))?"
_NAME = (rf"(?:(?:Le|La|Les|L')\s?)?{_WORD}(?:(?:-et-|[-\s'](?:{_PARTICLE}[-\s]|[dl]')*)"
         rf"{_WORD})*{EPCI_TAIL}")
_EXPLICIT = re.compile(
    rf"\b(?:[Ll]a\s+|[Ll]'|[Nn]otre\s+)?(?P<kind>[Vv]ille|[Cc]ommune|[Vv]illage|[Cc]ité"
    # "la commune nouvelle de Lamballe-Armor" (a merger's name, third-hand battery)
    rf"|[Mm]unicipalité|[Mm]airie)(?:\s+nouvelle)?\s+(?P<prep>de\s+|d'|des\s+|du\s+)"
    rf"(?P<name>{_NAME})"
    rf"|\b(?:[Ll]a\s+|[Ll]')?(?P<epci>(?:[Cc]ommunauté\s+(?:d'[Aa]gglomération|de\s+"
    rf"[Cc]ommunes|[Uu]rbaine)|[Mm]étropole|[Aa]gglomération)\s+(?:de\s+|d'|du\s+|des\s+)?"
    rf"{_NAME})")
_ANAPHOR = re.compile(
    r"\b(?:[Ll]a|[Nn]otre|[Cc]ette)\s+(?:[Vv]ille|[Cc]ommune|[Mm]unicipalité|"
    r"[Cc]ollectivité)\b(?!\s+(?:de|d'|des|du)\s*[A-ZÀ-Ý])(?!\s+[Ii]nternet)"
    r"|^Elle(?=\s+(?:s'est\s+vue?|a|obtient|reçoit|conserve|garde|décroche)\b)")
_CLAUSE_START = re.compile(r"(?:^|[.!?:;,–—]\s|^[\"«])$")
_AWARD_VERB = (r"obt(?:ient|iennent|enu|enue|enus|enues|enir|ention|enant)|remport\w*|décroch\w*|"
               r"re[çc](?:u|ue|us|oit|oivent|evoir|evant)|conserv\w*|confirm\w*|"
               r"gard(?:e|ent|é|ée|er)|maint(?:ient|iennent|enu|enue|enir)|labell?is\w*|"
               r"labélis\w*|récompens\w*|distingu\w*|attribu\w*|décern\w*|"
               r"pass(?:e|ent|é|ée|er|ant)|atteint|arbor\w*|affich\w*|honor\w*|gagn\w*|"
               r"détient|hiss\w*|rejoint|renouvel\w*|accèd\w*|élu\w*|"
               # "la ville est classée 5@" (third hand): ranked at a level is holding it
               r"class(?:é|ée|és|ées)|"
               # "Aville devient Ville Internet 4@": becoming a labelled town is being
               # awarded its level (the level must still be in the clause)
               r"devien(?:t|nent)|"
               # "fête ses 5@": celebrating a level is holding it
               r"fêt(?:e|ent)\s+(?:ses|leurs|son|sa)|célèbr(?:e|ent)\s+(?:ses|leurs|son|sa)")
_AWARD = re.compile(rf"\b(?:{_AWARD_VERB})\b|\b(?:labels?|Internet)\W{{0,3}}(?:[1-5]\s*)?"
                    rf"(?:@|arobas)", re.I)
# S1: a bare name opens a clause and an award verb follows within a few words.
_BARE_SUBJECT = re.compile(
    rf"^\s*(?:[\w'-]+\s+){{0,5}}?(?:{_AWARD_VERB})\b", re.I)
_PREPOSITION = re.compile(
    r"(?:\b(?:à|a|À|A|de|d'|du|des|en|En|par|pour|avec|dans|sur|chez|vers|depuis|sous|"
    r"entre|après|Après|avant|au|aux|comme|Comme|contre|près|l'|Parmi|parmi|que)\s*$)")
_GRANTED_TO = re.compile(r"(?:(?:décern|attribu|remis|remett|décerné|octroy)\w*|"
                         r"(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:permis|valu))\s+(?:à|a)\s*$"
                         # the passive's agent: "cinq @ ont été décrochées par la ville de X"
                         r"|(?:décroch\w*|obtenue?s?|remporté\w*|gagné\w*|reçue?s?|raflé\w*)"
                         r"\s+(?:\w+\s+){0,2}?par\s*$", re.I)
# Lower-case nouns only: "Villes et Villages Internet" is the label, not a subject.
_PLURAL_SUBJECT = re.compile(
    r"\b(?:\d(?:[\d\s]{0,12}\d)?|(?i:les|des|seules?|plusieurs|autres|toutes|certaines))\s+"
    r"(?:[a-zéèêàç]+\s+)?(?:collectivités|communes|villes|territoires|lauréats)\b")
_NOT_NAMES = {names.fold(w) for w in (
    "Ville Villes Commune Communes Mairie Municipalité Label Labels Jury Association Cette "
    "Ce Cet Ces Notre Nos Son Sa Ses Le La Les Un Une Des En Pour Depuis Avec Dans Sur Par "
    "Lors Grâce Après Avant Chaque Elle Il Ils Elles Nous On Territoires Territoire "
    "Villages Internet Département Région Conseil Maire Adjoint Adjointe Madame Monsieur M "
    "Mme Communiqué Cérémonie Palmarès Trophée Trophées Prix Plus Tout Toute Toutes Tous "
    "Seules Seule Alors Ainsi Enfin Aujourd Désormais France Etat État Président "
    "Présidente Ministre Agence Association Comme Parmi Au Aux Du De Si Et Mais Or "
    "Cependant Également Encore Déjà Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche "
    "Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre "
    "Cela Ceci Celle Celui Leur Leurs Votre Vos Mon Ma Mes Ton Ta Tes Quel Quelle Bravo "
    "Félicitations Félicitation Villes-Internet Label-Villes Communauté Métropole "
    "Lauréate Lauréates Photo Photos "
    # a page's rubric before its headline's colon: "Numérique : quatre arobases pour Niort"
    "Numérique Société Économie Actualité Innovation Technologie Technologies Rubrique "
    # counts are no names: "Vingt-quatre villes ont reçu cinq arobases"
    "Deux Trois Quatre Cinq Six Sept Huit Neuf Dix Onze Douze Treize Quatorze Quinze "
    "Seize Vingt Trente Quarante Cinquante Soixante Cent "
    "Pourquoi Comment Quand Où Qui Quoi Oui Non Premièrement Ensuite Enfin Finalement".split())}


@dataclasses.dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # "" for an anaphor ("la Ville")
    departement: str = ""


def _restore_article(prep: str, name: str) -> str:
    """"ville des Mureaux" → "Les Mureaux", "ville du Havre" → "Le Havre"."""
    article = {"des": "Les", "du": "Le"}.get(prep.strip().lower())
    return f"{article} {name}" if article else name


_DEP_HINT = re.compile(r"^\s*\((\d{2,3}|2[AB]|[A-ZÀ-Ý][\w'-]*(?:[\s-][\w'-]+){0,3})\)")


def _departement_after(text: str, end: int) -> str:
    m = _DEP_HINT.match(text[end:])
    return m.group(1) if m else ""


# S4: "que" after a verb of saying opens a clause whose subject may be the laureate ("Le
# maire rappelle que la commune de Parthenay a obtenu ...", "informe l'assemblée que"),
# unlike a comparison's "que" ("plus que Niort").
_SAID_THAT = re.compile(r"\b(?:rappel|inform|annon[cç]|indiqu|précis|soulign|expliqu|signal)"
                        r"\w*\s+(?:[\w']+\s+){0,3}?que\s*$", re.I)


def _free(text: str, start: int) -> bool:
    """S3: a name right after a preposition is a place or a complement, not a subject;
    after "décerné à", "attribué à" it is the one awarded; after "rappelle que" (S4), a
    clause's subject."""
    before = _tail(text, start)
    return not _PREPOSITION.search(before) or bool(_GRANTED_TO.search(before)) or \
        bool(_SAID_THAT.search(before))


def _tail(text: str, end: int, width: int = 48) -> str:
    """The few characters before ``end``: what the patterns anchored at the end of a
    prefix look at. Searching the whole prefix for each name was quadratic."""
    return text[max(0, end - width):end]


# Régions (and the country) are places, never a collectivité the label is given to: "la
# ville du Poitou Charentes" is a town of that région, not a name.
_RÉGIONS = {names.key(r) for r in (
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
    "Centre", "Grand Est", "Hauts-de-France", "Île-de-France", "Ile-de-France", "Normandie",
    "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
    "Alsace", "Aquitaine", "Auvergne", "Basse-Normandie", "Bourgogne", "Champagne-Ardenne",
    "Franche-Comté", "Haute-Normandie", "Languedoc-Roussillon", "Limousin", "Lorraine",
    "Midi-Pyrénées", "Nord-Pas-de-Calais", "Picardie", "Poitou-Charentes", "Rhône-Alpes",
    "PACA", "France", "Hexagone")}


def is_region(name: str) -> bool:
    """A région's name, with or without its article ("le Poitou Charentes")."""
    return names.key(re.sub(r"^(?:[Ll]es?|[Ll]a)\s+|^[Ll]'", "", name.strip())) in _RÉGIONS


def _bare_name_ok(name: str) -> bool:
    words = names.fold(name).split()
    first = next((w for w in words if w not in ("le", "la", "les", "l")), "")
    return bool(first) and first not in _NOT_NAMES and len(first) > 1


# S6: the name right after the verb, the level right after the name: "le jury a
# récompensé Lagord de trois arobases" (distingué, gratifié, honoré ... de / avec), "a
# décerné à Niort quatre arobases" (attribué, remis, octroyé à). Only a single name
# with its level next to it: "a récompensé Aville et Beville de ..." stays unread.
_OBJECT_VERB = re.compile(r"\b(?:récompens|distingu|gratifi|honor)\w*\s+$", re.I)
_OBJECT_GAP = re.compile(r"^\s*(?:\([^()]{1,30}\)\s*)?(?:de|d'|avec)\s*(?:ses\s+|sa\s+)?$")
_TO_VERB = re.compile(r"\b(?:décern|attribu|remis|remett|octroy)\w*\s+(?:à|a)\s+$", re.I)
_TO_GAP = re.compile(r"^\s*(?:\([^()]{1,30}\)\s*)?(?:le\s+label\s+)?(?:ses\s+|sa\s+)?$")


def _award_object(sentence: str, m: re.Match) -> bool:
    """S6: a bare name that is the object of an award verb, its level right after it."""
    before = _tail(sentence, m.start())
    gap = _OBJECT_GAP if _OBJECT_VERB.search(before) else \
        _TO_GAP if _TO_VERB.search(before) else None
    return bool(gap) and any(lv.start >= m.end() and gap.match(sentence[m.end():lv.start])
                             for lv in levels(sentence))


def mentions(sentence: str, named: set[str]) -> list[Mention]:
    """The collectivités a sentence names or designates (S1, S2), in order. ``named``:
    keys of names the text already gave as "ville de X", accepted bare anywhere."""
    out, regions = [], []
    for m in _EXPLICIT.finditer(sentence):
        if m.group("epci"):
            name = m.group("epci")
        else:
            name = _restore_article(m.group("prep"), m.group("name"))
        if not m.group("epci") and is_region(m.group("name")):
            regions.append(m.span())  # "la ville du Poitou Charentes": who is unsure
        elif _free(sentence, m.start()):
            out.append(Mention(m.start(), m.end(), name,
                               _departement_after(sentence, m.end())))
    taken = [(mn.start, mn.end) for mn in out] + regions
    for m in re.finditer(_NAME, sentence):
        if any(s <= m.start() < e for s, e in taken) or not _bare_name_ok(m.group()) \
                or is_region(m.group()):
            continue
        opens_award = _CLAUSE_START.search(sentence[max(0, m.start() - 2):m.start()]
                                           if m.start() > 2 else sentence[:m.start()]) and \
            _BARE_SUBJECT.match(sentence[m.end():])
        if (opens_award or names.key(m.group()) in named or _award_object(sentence, m)) \
                and _free(sentence, m.start()):
            out.append(Mention(m.start(), m.end(), m.group(),
                               _departement_after(sentence, m.end())))
            taken.append(m.span())
    for m in _ANAPHOR.finditer(sentence):
        if not any(s <= m.start() < e for s, e in taken) and _free(sentence, m.start()):
            out.append(Mention(m.start(), m.end(), ""))
    return sorted(out, key=lambda mn: mn.start)


# "Déjà labellisée 4@ en 2020, la ville ...": the subject follows the participle.
_APPOSITION = re.compile(r"^(?:(?:Déjà|Après\s+avoir\s+été|Précédemment)\s+)?"
                         r"(?:labell?is|labélis|récompens|distingu)\w*\b[^,]*,\s*", re.I)


# S5: another name opening a clause between the nearest mention and the level ("Challans
# se maintient à trois et Les Herbiers font leur entrée avec une arobase"): the level is
# that other subject's, one the reader could not read as a mention; the nearest one is
# not the owner (sixth battery: Challans was given Les Herbiers' one arobase).
_CLAUSE_NAME = re.compile(rf"(?:[,;]|\s(?:et|puis|mais|tandis que|alors que))\s+({_NAME})")


def _other_subject(gap: str) -> bool:
    return any(_bare_name_ok(m.group(1)) and not is_region(m.group(1))
               for m in _CLAUSE_NAME.finditer(gap))


def owner(sentence: str, level: Level, found: list[Mention]) -> Mention | None:
    """S1/S3: the nearest mention before the level, unless a plural subject stands
    between; else one named right after "décerné à", or right after an opening
    participle ("Déjà labellisée 4@ en 2020, la ville ...")."""
    before = [mn for mn in found if mn.end <= level.start]
    if before:
        mn = before[-1]
        if _PLURAL_SUBJECT.search(sentence[mn.end:level.start]) or \
                _other_subject(sentence[mn.end:level.start]):
            return None
        return mn
    opening = _APPOSITION.match(sentence)
    after = [mn for mn in found if mn.start >= level.end and (
        _GRANTED_TO.search(_tail(sentence, mn.start)) or (opening and
                                                           mn.start == opening.end()))]
    return after[0] if after else None


# -- Y4: earlier years stated with the level --------------------------------------------

_ORDINAL = {"deuxieme": 2, "seconde": 2, "second": 2, "troisieme": 3, "quatrieme": 4,
            "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9,
            "dixieme": 10}
_CONSECUTIVE = re.compile(
    r"\b(?P<n>\d{1,2})\s*(?:e|è|ème|eme|ième)|(?P<word>deuxième|seconde|second|troisième|"
    r"quatrième|cinquième|sixième|septième|huitième|neuvième|dixième)", re.I)
_CONSECUTIVE_YEAR = re.compile(
    r"(?:\d{1,2}\s*(?:e|è|ème|eme|ième)|\w+ième|seconde?)\s+(?:année|fois)\s+"
    r"(?:consécutive|de\s+suite|d'affilée)", re.I)
_SINCE = re.compile(rf"\bdepuis\s+(?:{_MONTH}\s+)?{_YEAR}\b", re.I)
# Y4b: "comme en 2021" names an earlier edition at the same level.
_AS_IN = re.compile(rf"\bcomme\s+en\s+{_YEAR}\b", re.I)
# Y4b: a counted subject ("douze villes") after "comme en 2021" names no one.
_COUNTED = re.compile(r"\b(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|"
                      r"quinze|vingt|trente|cent)\w*\s+(?:\w+\s+)?(?:villes|communes|villages|"
                      r"collectivités|territoires|lauréats)\b", re.I)
_LEVEL_SINCE = re.compile(rf"\s*(?:\w+\s+){{0,2}}?depuis\s+(?:{_MONTH}\s+)?{_YEAR}\b", re.I)
_EVERY_YEAR = re.compile(r"chaque\s+année|tous\s+les\s+ans|sans\s+interruption|"
                         r"sans\s+discontinuer|année\s+après\s+année", re.I)


def earlier_years(sentence: str, level: Level, year: int) -> list[int]:
    """Y4: years before ``year`` at the same level, as the sentence states them."""
    as_in = [int(m.group(1)) for m in _AS_IN.finditer(sentence, 0, level.start)
             if not _COUNTED.search(sentence, m.end(), level.start)]
    return sorted(set(_runs(sentence, level, year)) |
                  {y for y in as_in if y < year and y != NO_EDITION})


def _runs(sentence: str, level: Level, year: int) -> list[int]:
    """Y4: "pour la deuxième année consécutive", "depuis 2018 ... chaque année"."""
    m = _CONSECUTIVE_YEAR.search(sentence)
    if m:
        rank = _CONSECUTIVE.match(m.group())
        n = int(rank.group("n")) if rank.group("n") else _ORDINAL[names.fold(rank.group())]
        run = list(range(year - n + 1, year))
        # Y4: a run reaching back over 2010 (no edition that year) is unsure: the writer
        # may count editions (2013, 2012, 2011, 2009) or calendar years; none is given.
        return [] if NO_EDITION in run else run
    since = _SINCE.search(sentence)
    if since and (_EVERY_YEAR.search(sentence) or _LEVEL_SINCE.match(sentence, level.end)):
        return [y for y in range(int(since.group(1)), year) if y != NO_EDITION]
    return []


# -- awards -----------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r"[,;]|\s(?:et|puis|mais|alors que|tandis que)\s")


def _clause(text: str, lv: Level) -> tuple[int, int]:
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, lv.start)]
    end = _CLAUSE_BREAK.search(text, lv.end)
    return (starts[-1] if starts else 0), (end.start() if end else len(text))


_YEARS = re.compile(r"(?:19|20)\d\d")
_YEAR_LIST = re.compile(r"\s*en\s+(?:19|20)\d\d(?:\s*,\s*(?:en\s+)?(?:19|20)\d\d)*\s*,?\s+"
                        r"et\s+(?:en\s+)?(?:19|20)\d\d\b")


def _year_of(sentence: str, lv: Level, found: list[Level], dated, current) -> int | None:
    """Y1/Y3: the year a level is given for, or None when unsure."""
    if lv.earlier:
        return lv.year
    text = _blank(_blank(sentence, _SINCE), _AS_IN)  # Y4b: another edition's year
    for x in found:
        if x.earlier:
            text = _blank_span(text, *x.span)
    spans = {id(x): _clause(text, x) for x in found}
    own = stated_years(text[slice(*spans[id(lv)])], dated, current)
    if len(own) == 1:
        return own.pop()
    if own:
        return None
    values = {x.level for x in found}
    whole = stated_years(text, dated, current)
    if len(values) == 1 and not any(x.earlier for x in found):
        if len(whole) == 1:
            return next(iter(whole))
        if whole:
            return None
    others = set().union(*(stated_years(text[slice(*spans[id(x)])], dated, current)
                           for x in found if x is not lv))
    if whole - others or lv.earlier or _EARLIER.search(sentence):
        return None
    return current


def _candidates(doc: list[Block]):
    """(block, sentence, level, mention) for every level with an award verb and a
    collectivité, before anaphors are resolved."""
    named = {names.key(m.name) for b in doc for s in sentences(b.text)
             for m in mentions(s, set()) if m.name}
    for b in doc:
        for s in sentences(b.text):
            found = levels(s)
            if not found or not _AWARD.search(s) or _NOT_AWARDED.search(_blank(s, _SPEECH)) \
                    or s.rstrip().endswith("?"):  # a question states nothing
                continue
            ments = mentions(_blank(s, _SPEECH), named)
            for lv in found:
                mn = owner(s, lv, ments)
                if mn:
                    yield b, s, found, lv, mn


def _main_collectivite(doc: list[Block], named_owners: list[Mention]) -> Mention | None:
    """S2: the one collectivité "la Ville" can stand for, or None."""
    keys = {names.key(m.name): m for m in named_owners}
    if len(keys) == 1:
        return next(iter(keys.values()))
    if keys:
        return None
    explicit = _explicit(doc)
    if explicit:
        return next(iter(explicit.values())) if len(explicit) == 1 else None
    return _subject_one(doc) or _dateline_one(doc)


# S2: a regional daily's dateline, the town in capitals opening its paragraph: "LISIEUX.
# La ville a obtenu ...", "IFS (Calvados). La commune a reçu ..." (third-hand battery).
_DATELINE = re.compile(r"^(?P<name>[A-ZÀ-Ý][A-ZÀ-Ý'’-]*(?:\s[A-ZÀ-Ý][A-ZÀ-Ý'’-]*){0,3})"
                       r"(?:\s*\((?P<dep>[^()]{2,30})\))?\.\s+(?=[A-ZÀ-Ý])")


def _dateline_one(doc: list[Block]) -> Mention | None:
    """S2: failing any other, the one town the text's datelines name (two: none); a
    région or a word of the label ("EN BREF.") is no town."""
    found: dict[str, Mention] = {}
    for b in doc:
        m = _DATELINE.match(b.text)
        if not m or len(m.group("name")) < 3:
            continue
        name = "-".join(w.capitalize() for w in m.group("name").split("-"))
        name = re.sub(r"-(Lès|Les|Sur|Sous|De|Du|Des|Le|La|En|Aux|Au)-",
                      lambda w: w.group().lower(), name)
        if is_region(name) or not _bare_name_ok(name):
            continue
        found.setdefault(names.key(name), Mention(0, 0, name, m.group("dep") or ""))
    return next(iter(found.values())) if len(found) == 1 else None


def _subject_one(doc: list[Block]) -> Mention | None:
    """S2: failing a "ville de X", the one collectivité the text names bare as the subject
    of an award verb ("Thionville confirme son label"), or None."""
    subjects: dict[str, Mention] = {}
    for b in doc:
        for s in sentences(b.text):
            for m in mentions(_blank(s, _SPEECH), set()):
                if m.name:
                    subjects.setdefault(names.key(m.name), m)
    return next(iter(subjects.values())) if len(subjects) == 1 else None


_FIRST_PERSON = re.compile(r"[Nn]otre\b")


def _explicit_one(doc: list[Block]) -> Mention | None:
    """The one collectivité the text names as "ville de X" ("commune de X"...), or None."""
    explicit = _explicit(doc)
    return next(iter(explicit.values())) if len(explicit) == 1 else None


def _explicit(doc: list[Block]) -> dict[str, Mention]:
    """The collectivités the text names as "ville de X", "commune de X"..., by key."""
    explicit: dict[str, Mention] = {}
    for b in doc:
        for s in sentences(b.text):
            for m in mentions(_blank(s, _SPEECH), set()):
                if m.name and _EXPLICIT.match(s, m.start):
                    explicit.setdefault(names.key(m.name), m)
    return explicit


# "trois @" in words is the label's level as surely as "3 @" (a text naming neither the
# label nor "arobases" otherwise: "Palmarès 2018. Sept collectivités atteignent cinq @").
_GATE = re.compile(r"villes?\s+(?:et\s+villages\s+)?internet|arobas|\d\s*@|@@|"
                   r"\b(?:une?|deux|trois|quatre|cinq|premi[eè]re|deuxi[eè]me|troisi[eè]me|"
                   r"quatri[eè]me|cinqui[eè]me)\s*@", re.I)


def awards(doc: list[Block], edition: int | None = None
           ) -> tuple[list[Award], Mention | None]:
    """The awards of one release; ``edition``: staff's, for a text stating none (Y2c)."""
    text = "\n".join(b.text for b in doc)
    if not _GATE.search(text):
        return [], None
    dated = release_date(doc)
    current = current_edition(doc, dated, edition)
    found = list(_candidates(doc))
    main = _main_collectivite(doc, [c[4] for c in found if c[4].name])
    explicit = _explicit(doc)
    own = next(iter(explicit.values())) if len(explicit) == 1 else None  # "notre commune"
    stated: dict[tuple[str, int], set[int]] = {}
    inferred: dict[tuple[str, int], set[int]] = {}
    evidence: dict[tuple[str, int], tuple[Mention, str, int]] = {}
    for block, sentence, lvs, lv, mn in found:
        who = mn if mn.name else main
        if not mn.name and _FIRST_PERSON.match(sentence, mn.start):
            who = own if own or not explicit else None  # S2: the publisher
        if who is None:
            continue
        year = _year_of(sentence, lv, lvs, dated, current)
        if year is None:
            continue
        key = names.key(who.name)
        # Y6 (fifteenth battery): "avait obtenu trois @ en 2020 et en 2021": the level
        # for each year listed right after it
        listed = _YEAR_LIST.match(sentence, lv.end)
        also = [int(y) for y in _YEARS.findall(listed.group())] if listed else []
        for y in (also if year in also else [year]):
            if y == NO_EDITION:
                continue
            if (key, y) not in evidence or (who.departement and
                                            not evidence[(key, y)][0].departement):
                evidence[(key, y)] = (who, sentence, block.line)
            stated.setdefault((key, y), set()).add(lv.level)
        if len({x.level for x in lvs}) == 1:
            for y in earlier_years(sentence, lv, year):
                inferred.setdefault((key, y), set()).add(lv.level)
                evidence.setdefault((key, y), (who, sentence, block.line))
    if main:  # Y5
        _same_again(doc, found, main, stated, evidence)
    out = []
    for key in sorted(set(stated) | set(inferred), key=lambda k: (k[0], -k[1])):
        got = stated.get(key) or inferred[key]
        if len(got) != 1:  # C: contradictory levels, unsure
            continue
        who, sentence, line = evidence[key]
        out.append(Award(who.name, who.departement, key[1], next(iter(got)), sentence, line,
                         inferred=key not in stated))
    awarded = {names.key(a.collectivite) for a in out}
    return out, (main if main and names.key(main.name) in awarded and len(awarded) == 1
                 else None)


_SAME_AGAIN = re.compile(
    rf"^\s*(?:Elle|Il|[Ll]a\s+(?:[Vv]ille|[Cc]ommune|[Cc]ollectivité)|[Nn]otre\s+(?:ville|"
    rf"commune))\s+(?:l'\s*)?(?:avait|a)\s+déjà\s+(?:obtenu|reçu|décroché|remporté)\s+"
    rf"(?:cette\s+(?:même\s+)?(?:récompense|distinction)|ce\s+(?:même\s+)?(?:label|niveau))"
    rf"\s+en\s+{_YEAR}\b")


def _same_again(doc: list[Block], found, main: Mention, stated: dict, evidence: dict) -> None:
    """Y5: "Elle avait déjà obtenu cette récompense en 2016": the main collectivité's
    level of the sentence before, for 2016."""
    key = names.key(main.name)
    levels_in = {}  # sentence → the one level it gives the main collectivité
    for block, sentence, lvs, lv, mn in found:
        if names.key((mn if mn.name else main).name) == key and not lv.earlier:
            levels_in.setdefault(sentence, set()).add(lv.level)
    before: set[int] = set()
    for b in doc:
        for s in sentences(b.text):
            m = _SAME_AGAIN.match(s)
            if m and len(before) == 1 and not _NOT_AWARDED.search(s):
                year = int(m.group(1))
                stated.setdefault((key, year), set()).add(next(iter(before)))
                evidence.setdefault((key, year), (main, s, b.line))
            before = levels_in.get(s, set())


# -- the whole text ---------------------------------------------------------------------

def slug(title: str) -> str:
    return "-".join(names.fold(title).split())[:60].strip("-")


# Where an award row's year comes from, for the review file: the text, or staff's edition.
EDITION_STATED, EDITION_GIVEN = "text", "given"


def rows(extraction: Extraction, source: str) -> tuple[list[dict], list[dict]]:
    """The rows ``labels.prepare`` and ``initiatives.prepare`` take; an initiative's id is
    ``<source>#<slug of its title>``, so re-loading a release finds its records again."""
    given = extraction.edition_given
    award_rows = [dict(commune=a.collectivite, departement=a.departement, year=str(a.year),
                       level=str(a.level), mentions=";".join(a.mentions), line=a.line,
                       evidence=a.evidence,
                       edition_from=EDITION_GIVEN if given and a.year == given
                       else EDITION_STATED)
                  for a in extraction.awards]
    initiative_rows, ids = [], set()
    for i in extraction.initiatives:
        ident = f"{source}#{slug(i.title)}"
        n = 2
        while ident in ids:
            ident, n = f"{source}#{slug(i.title)}-{n}", n + 1
        ids.add(ident)
        initiative_rows.append(dict(
            id=ident, title=i.title, summary=i.summary, domains=";".join(i.domains),
            commune=extraction.collectivite, departement=extraction.departement, line=i.line))
    return award_rows, initiative_rows
