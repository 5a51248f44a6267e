"""Folding French place names into matching keys, without losing the official form.

``fold("L'Abergement-Clémenciat") == "l abergement clemenciat"``: lower case, no accents,
œ/æ spelled out, hyphens, apostrophes and punctuation as single spaces. The official name is
always kept beside its folded key; the key is only for matching.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_NON_WORD = re.compile(r"[^a-z0-9]+")

# INSEE "type de nom en clair" (TNCC, the COG's typeLiaison): the article a name starts with.
ARTICLES = {2: "le", 3: "la", 4: "les", 5: "l", 6: "aux", 7: "las", 8: "los"}


def fold(name: str, accents: bool = False) -> str:
    """The matching key of a name: lower-case ASCII words separated by single spaces
    (``accents=True`` keeps the accented letters, for telling "Vergné" from "Vergne")."""
    if name.isascii() and not accents:  # most names: nothing to decompose or drop
        return _NON_WORD.sub(" ", name.lower()).strip()
    text = unicodedata.normalize("NFKD", name.translate(_LIGATURES))
    if accents:
        kept = unicodedata.normalize("NFC", text).lower()
        return re.sub(r"[^\w]+|_", " ", kept).strip()
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", text).strip()


def without_article(folded: str, type_liaison: int | None) -> str:
    """The folded name without its leading article ("les mureaux" → "mureaux")."""
    article = ARTICLES.get(type_liaison or 0)
    if article and folded.startswith(article + " "):
        return folded[len(article) + 1:]
    return folded


# Abbreviations people write in commune names, as folded words → the official word.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes",
                  "mt": "mont", "mts": "monts", "nd": "notre dame", "s": "sur", "ss": "sous"}
_LEADING_ARTICLES = ("les ", "le ", "la ", "l ", "aux ", "las ", "los ")
# "Mureaux (Les)", "Mureaux, Les", "MUREAUX LES": the article written after the name.
_TRAILING_ARTICLE = re.compile(r"^(.*?)[\s,]*\(?\s*(les|le|la|l|aux)\s*\)?$")
_ARRONDISSEMENT = re.compile(
    r"^(paris|marseille|lyon)\s+(\d{1,2})\s*(?:e|er|eme|ieme|em|ere)?"
    r"(?:\s+(?:arrondissement|arrdt|arr))?$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16,
          "xvii": 17, "xviii": 18, "xix": 19, "xx": 20}
_ROMAN_ARR = re.compile(r"^(paris|marseille|lyon)\s+([ivx]+)\s*(?:e|eme)?"
                        r"(?:\s+(?:arrondissement|arrdt|arr))?$")


def split_article(name: str, accents: bool = False) -> tuple[str, str]:
    """(article, name without it), both folded: ("la", "vergne") for "Vergne (La)"."""
    folded = fold(name, accents)
    text = " ".join(_ABBREVIATIONS.get(w, w) for w in folded.split())
    for article in _LEADING_ARTICLES:
        if text.startswith(article):
            return article.strip(), text[len(article):]
    m = _TRAILING_ARTICLE.match(text)
    if m and m.group(1) and ("(" in name or "," in name):
        return m.group(2), m.group(1)
    return "", text


def fine_key(name: str) -> str:
    """A stricter key than ``key``: the article and accents kept, for telling apart two
    communes of one département whose keys collide ("Vergné" and "La Vergne")."""
    article, rest = split_article(name, accents=True)
    return f"{article}|{rest}"


def key(name: str) -> str:
    """The matching key of a commune name as people write it: folded, abbreviations
    expanded, the article dropped wherever it stands.

    ``key("Mureaux (Les)") == key("LES MUREAUX") == "mureaux"``,
    ``key("ST MAURICE LA CLOUERE") == "saint maurice la clouere"``.
    """
    return split_article(name)[1]


def arrondissement(name: str) -> tuple[str, int] | None:
    """("paris", 15) for "Paris 15e", "PARIS XVe", "Paris 15e Arrondissement"; else None."""
    folded = fold(name)
    m = _ARRONDISSEMENT.match(folded)
    if m:
        return m.group(1), int(m.group(2))
    m = _ROMAN_ARR.match(folded)
    if m and m.group(2) in _ROMAN:
        return m.group(1), _ROMAN[m.group(2)]
    return None
