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


def fold(name: str) -> str:
    """The matching key of a name: lower-case ASCII words separated by single spaces."""
    text = unicodedata.normalize("NFKD", name.translate(_LIGATURES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", text).strip()


def without_article(folded: str, type_liaison: int | None) -> str:
    """The folded name without its leading article ("les mureaux" → "mureaux")."""
    article = ARTICLES.get(type_liaison or 0)
    if article and folded.startswith(article + " "):
        return folded[len(article) + 1:]
    return folded
