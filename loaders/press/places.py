"""Where a text places the names it awards: the département a homonym needs (S8).

A homonym ("Valence", "Vitré", "Saint-Omer") that its sentence does not place is
rejected by the geocoder as ambiguous, and the award is lost. Real pages often place it
elsewhere (eleventh battery, ``tests/press_eleventhhand.py``):

- S8a: the same name placed once in the text, most often in its headline or its first
  line ("Vitré (Ille-et-Vilaine). Trois arobases pour la ville", then "La ville de Vitré
  décroche ..."): the name is that one wherever the text names it, unless the text
  places it in two départements (then each homonym keeps what its own sentence says).
- S8b: a département's name alone on a line, or opening it as a dateline ("Drôme",
  "GIRONDE. Villes Internet : les lauréats", "Tarn. Palmarès 2020 ..."), or ending a
  short section line ("Dauphiné Numérique — Isère", "Sud Ouest > Gironde"): the names
  awarded from that line on, up to the next such heading, are in that département.
  Département names that are also communes' ("Vienne", "Mayenne", "Paris") are left out:
  "VIENNE. La ville obtient ..." is the town's own dateline.

Only awards without a département are given one; no award is made here.
"""

from __future__ import annotations

import dataclasses
import re

from atlas import names
from loaders.press import roundup
from loaders.press.release import Award, Block

# The 101 départements of the COG (metropolitan and overseas); tests/test_press_places.py
# checks them against the COG's file.
DEPARTEMENTS = {
    "01": "Ain", "02": "Aisne", "03": "Allier", "04": "Alpes-de-Haute-Provence",
    "05": "Hautes-Alpes", "06": "Alpes-Maritimes", "07": "Ardèche", "08": "Ardennes",
    "09": "Ariège", "10": "Aube", "11": "Aude", "12": "Aveyron", "13": "Bouches-du-Rhône",
    "14": "Calvados", "15": "Cantal", "16": "Charente", "17": "Charente-Maritime",
    "18": "Cher", "19": "Corrèze", "21": "Côte-d'Or", "22": "Côtes-d'Armor",
    "23": "Creuse", "24": "Dordogne", "25": "Doubs", "26": "Drôme", "27": "Eure",
    "28": "Eure-et-Loir", "29": "Finistère", "2A": "Corse-du-Sud", "2B": "Haute-Corse",
    "30": "Gard", "31": "Haute-Garonne", "32": "Gers", "33": "Gironde", "34": "Hérault",
    "35": "Ille-et-Vilaine", "36": "Indre", "37": "Indre-et-Loire", "38": "Isère",
    "39": "Jura", "40": "Landes", "41": "Loir-et-Cher", "42": "Loire", "43": "Haute-Loire",
    "44": "Loire-Atlantique", "45": "Loiret", "46": "Lot", "47": "Lot-et-Garonne",
    "48": "Lozère", "49": "Maine-et-Loire", "50": "Manche", "51": "Marne",
    "52": "Haute-Marne", "53": "Mayenne", "54": "Meurthe-et-Moselle", "55": "Meuse",
    "56": "Morbihan", "57": "Moselle", "58": "Nièvre", "59": "Nord", "60": "Oise",
    "61": "Orne", "62": "Pas-de-Calais", "63": "Puy-de-Dôme", "64": "Pyrénées-Atlantiques",
    "65": "Hautes-Pyrénées", "66": "Pyrénées-Orientales", "67": "Bas-Rhin",
    "68": "Haut-Rhin", "69": "Rhône", "70": "Haute-Saône", "71": "Saône-et-Loire",
    "72": "Sarthe", "73": "Savoie", "74": "Haute-Savoie", "75": "Paris",
    "76": "Seine-Maritime", "77": "Seine-et-Marne", "78": "Yvelines", "79": "Deux-Sèvres",
    "80": "Somme", "81": "Tarn", "82": "Tarn-et-Garonne", "83": "Var", "84": "Vaucluse",
    "85": "Vendée", "86": "Vienne", "87": "Haute-Vienne", "88": "Vosges", "89": "Yonne",
    "90": "Territoire de Belfort", "91": "Essonne", "92": "Hauts-de-Seine",
    "93": "Seine-Saint-Denis", "94": "Val-de-Marne", "95": "Val-d'Oise",
    "971": "Guadeloupe", "972": "Martinique", "973": "Guyane", "974": "La Réunion",
    "976": "Mayotte",}
# Départements whose name is also a commune's (checked against the COG by the same test):
# as a heading they could be the town's dateline. La Réunion (a hamlet-sized commune of
# Lot-et-Garonne too) is the island in any text about the label.
ALSO_COMMUNES = {"Allier", "Aube", "Corrèze", "Creuse", "Doubs", "Indre", "Landes", "Loire",
                 "Marne", "Mayenne", "Paris", "Vaucluse", "Vienne"}
_CODE_BY_KEY = {names.key(n): code for code, n in DEPARTEMENTS.items()}
_BY_KEY = {names.key(n): code for code, n in DEPARTEMENTS.items() if n not in ALSO_COMMUNES}
_ANY_KEY = set(_CODE_BY_KEY)

# "Drôme", "GIRONDE.", "Tarn. Palmarès 2020 ...", "Pas-de-Calais (62)", "Isère :"
_HEADING = re.compile(r"^\s*(?P<dep>[^\W\d][\w'’ -]*?)\s*(?:\((?:\d{2,3}|2[AB])\))?\s*"
                      r"(?:[.:–—-](?:\s+.*)?)?$", re.S)


_COUNCIL = re.compile(r"^\s*(?:(?:le|la)\s+)?(?:département|conseil\s+départemental|"
                      r"conseil\s+général|préfecture)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|"
                      r"de\s+|d')", re.I)
# "Dauphiné Numérique — Isère", "Sud Ouest > Gironde": a paper's or a site's section
# line whose last piece is a département (twelfth battery)
_SECTIONS = re.compile(r"\s+(?:[—–|>›»/]|-)\s+")


def heading_departement(line: str) -> str:
    """S8b: the code of the département a line opens with as a heading or a dateline,
    or a short section line ends with."""
    pieces = _SECTIONS.split(line.strip())
    if 1 < len(pieces) <= 4 and len(line.split()) <= 10:
        codes = [_BY_KEY.get(names.key(p.strip(" .:")), "") for p in pieces]
        # "Vienne - Deux-Sèvres" (fifteenth battery): two départements, even one also a
        # town's name, place nothing
        if codes[-1] and sum(names.key(p.strip(" .:")) in _ANY_KEY for p in pieces) == 1:
            return codes[-1]
    line = _COUNCIL.sub("", line)  # "Département de la Drôme" (seventeenth battery)
    m = _HEADING.match(line)
    if not m:
        return ""
    rest = line[m.end("dep"):].lstrip(" ().:–—-0123456789")
    second = _HEADING.match(rest)
    if second and names.key(second.group("dep")) in _ANY_KEY:
        return ""  # "Aveyron - Lozère": two départements, the names' own is unknown
    key = names.key(m.group("dep"))
    if key not in _BY_KEY and key in _ANY_KEY and \
            len([it for it in roundup.items(rest) if not it.place]) >= 2:
        # "Vaucluse : Avignon, Orange et Pertuis labellisées" (sixteenth battery): a
        # département also a commune's name heads a list of other names
        return _CODE_BY_KEY[key]
    return _BY_KEY.get(key, "")


def _code(departement: str) -> str:
    """A hint as printed ("Ille-et-Vilaine", "35") → its code; "" when not one."""
    d = departement.strip()
    if d in DEPARTEMENTS:
        return d
    return _CODE_BY_KEY.get(names.key(d), "")


def _placed(doc: list[Block]) -> dict[str, set[str]]:
    """S8a: the départements each name is given in the text, by name key."""
    out: dict[str, set[str]] = {}
    for block in doc:
        for it in roundup.items(block.text):
            code = _code(it.departement) if it.departement else ""
            if code and not it.place:
                out.setdefault(names.key(it.name), set()).add(code)
    return out


_IN_PLACE = re.compile(rf"^(?P<name>.+?)\s+en\s+(?P<place>{roundup._PLACE_FIRST}.*)$")


# "L'agglomération Lannion-Trégor Communauté a obtenu trois @" (eighteenth battery): the
# common noun before an EPCI's own name is no part of it
_KIND_BEFORE = re.compile(r"^(?:l')?(?:agglomération|agglo|communauté|métropole|"
                          r"intercommunalité)\s+(?P<name>.+)$")


def _without_variants(awards: list[Award], variant: re.Pattern,
                      same_sentence: bool) -> list[Award]:
    """S8c: the awards less those whose name, read by ``variant``, is another award's
    (same edition and level; and same sentence when ``same_sentence``):
    "agglomération X" beside X is X; "Rennes en Bretagne" beside "Rennes" (the release
    reader's reading and the round-up reader's of one sentence) is Rennes with its place,
    not a second collectivité."""
    def key(name: str, a: Award) -> tuple:
        return (names.key(name), a.year, a.level) + ((a.evidence,) if same_sentence else ())
    keys = {key(a.collectivite, a) for a in awards}
    return [a for a in awards if not (
        (m := variant.match(a.collectivite)) and key(m.group("name"), a) in keys)]


# "Saint-Dié décroche cinq @" in the headline, "Saint-Dié-des-Vosges obtient cinq @" in
# the body (fourteenth battery): the short form is the long name's, not another commune
_NAME_GOES_ON = re.compile(r"^(?:des|de|du|la|le|les|sur|sous|en|lès|lez|aux|au|d|l)\s")


def _without_short_forms(awards: list[Award]) -> list[Award]:
    """S8e: a name that another award of the text (same edition and level) carries on
    with its particles is that one's short form."""
    keys = [(names.key(a.collectivite), a) for a in awards]
    return [a for k, a in keys if not any(
        o.year == a.year and o.level == a.level and ok.startswith(k + " ") and
        _NAME_GOES_ON.match(ok[len(k) + 1:]) for ok, o in keys)]


# "six communes de La Réunion", "Dix communes du Nord" (fourteenth battery): a count of
# communes of one département places the text's names, as a heading would
_COUNTED_OF = re.compile(r"\b(?:\d{1,3}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|"
                         r"douze|treize|quatorze|quinze|seize|vingt)\s+(?:(?:communes|villes|"
                         # "Deux communes du Finistère et deux du Morbihan": the second
                         # count's place too (two places: none)
                         r"collectivités)\s+(?:\w+\s+)?)?(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+)"
                         r"(?P<dep>[A-ZÀ-Ý][\w'’-]*(?:[\s-][\w'’-]+){0,3}?)(?=\s*[,.;:!]|\s+"
                         r"(?:et|labellisées|distinguées|récompensées|au|à|sont|ont|"
                         r"obtiennent)\b|$)",
                         re.I)


def _counted_departement(doc: list[Block]) -> str:
    """S8d: the one département a text counts its communes in, or ""."""
    codes = set()
    for b in doc:
        for m in _COUNTED_OF.finditer(b.text):
            words = m.group("dep").split()
            for n in range(len(words), 0, -1):  # "La Réunion", "Nord labellisées"
                code = _BY_KEY.get(names.key(" ".join(words[:n])), "")
                if code:
                    codes.add(code)
                    break
    return codes.pop() if len(codes) == 1 else ""


def with_places(awards: list[Award], doc: list[Block]) -> list[Award]:
    """The awards, those without a département placed by S8a, else S8b, else S8d."""
    awards = _without_variants(awards, _KIND_BEFORE, same_sentence=False)
    awards = _without_short_forms(_without_variants(awards, _IN_PLACE, same_sentence=True))
    placed = _placed(doc)
    headings = [(b.line, code) for b in doc if (code := heading_departement(b.text))]
    counted = _counted_departement(doc)
    if counted and not headings:
        headings = [(0, counted)]
    named = {b.line: _named_departements(b.text) for b in doc}
    out = []
    for a in awards:
        if not a.departement:
            deps = placed.get(names.key(a.collectivite), set())
            under = [code for line, code in headings if line <= a.line]
            if len(deps) == 1:
                a = dataclasses.replace(a, departement=next(iter(deps)))
            elif not deps and under and not named.get(a.line, set()) - {under[-1]}:
                # a heading places only lines naming no other département ("Haute-Garonne."
                # then "Dans le Tarn, ... Plus au nord, Rodez reçoit une @", eighteenth
                # battery): a name left unplaced is lost only if a homonym, a wrong place
                # loses any name
                a = dataclasses.replace(a, departement=under[-1])
        out.append(a)
    return out


_ANY_NAME = re.compile(r"(?<![\w-])(?:" + "|".join(
    sorted((re.escape(n) for n in DEPARTEMENTS.values()), key=len, reverse=True)) +
    r")(?![\w-])|\((\d{2,3}|2[AB])\)", re.I)


def _named_departements(text: str) -> set[str]:
    """The codes of the départements a line names ("Dans le Tarn", "(81)")."""
    codes = set()
    for m in _ANY_NAME.finditer(text):
        if m.group(1):
            codes.add(m.group(1))
        else:
            codes.add(_CODE_BY_KEY[names.key(m.group())])
    return codes
