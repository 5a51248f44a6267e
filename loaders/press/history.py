"""S9: a collectivité's own history of its label, one edition a line with no name.

Town sites and magazines list their levels under a title naming the town ("Ville de
Pessac" / "Notre label Villes Internet" / "2015 : 2 @" / "2017 : 3 @"; written so by
the third, sixth and eleventh hands): a line holding only a year and a level names no
one, and the round-up reader, rightly, gives it to no one. Here the run of such lines
is the one collectivité that the lines above it name, when they name exactly one (a
title naming two, or none, leaves the lines unread); each line is its own edition.
"""

from __future__ import annotations

import re

from atlas import names
from loaders.press import roundup
from loaders.press import release as rel
from loaders.press.release import Award, Block

# "2015 : 2 @", "- 2019 – @@@", "En 2022 : cinq arobases", "2024 : 5 @ ."
_LINE = re.compile(r"^\s*(?:[-•*]\s*)?(?:[Ee]n\s+)?(?P<year>(?:19|20)\d\d)\s*[:–—-]\s*"
                   r"(?P<level>@{1,5}|[1-5]\s*@|(?:une?|deux|trois|quatre|cinq|[1-5])\s+"
                   r"arobases?)\s*[.!]?\s*$", re.I)


def awards(doc: list[Block]) -> list[Award]:
    """S9: the awards of the first run of nameless history lines, for the one
    collectivité the text names above it."""
    run = [(b, m) for b in doc if (m := _LINE.match(b.text))]
    if not run or not rel._GATE.search("\n".join(b.text for b in doc)):
        return []
    head = [b for b in doc if b.line < run[0][0].line]
    named = {names.key(it.name): it for b in head for it in roundup.items(b.text)
             if not it.place}
    if len(named) != 1:
        return []
    who = next(iter(named.values()))
    out = []
    for b, m in run:
        year, found = int(m.group("year")), roundup.sentence_levels(m.group("level"), True)
        if year != rel.NO_EDITION and len(found) == 1:
            out.append(Award(who.name, who.departement, year, found[0].level, b.text, b.line))
    return out
