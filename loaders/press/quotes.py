"""S10: an elected official's own words about the label, quoted and attributed.

"« Nous sommes passés de trois à quatre @ », se félicite le maire de Fougères": the
level is in quotes, whose words the readers leave unread (reported speech names no one,
and a long quote can speak of anything), and its subject is "nous", the speaker's town,
named only in the attribution (sixth, eighth and ninth batteries). Here a quote in the
first person plural, attributed right after it (or announced right before it with a
colon) to the mayor, a deputy mayor or an elected official *of* a named collectivité, is
read as that collectivité's own sentence: "nous" becomes its name, and the rest of the
attribution's sentence (its date, its "palmarès 2024") dates it as any sentence is
dated. A quote naming another collectivité, or asked as a question, is left unread.
"""

from __future__ import annotations

import dataclasses
import re

from atlas import names
from loaders.press import roundup
from loaders.press.release import Award, Block

_OFFICIAL = (r"(?:maire|adjointe?|président(?:e)?|vice-président(?:e)?|élue?|"
             r"conseill(?:er|ère)\s+municipale?|délégué(?:e)?)")
_SAYS = (r"(?:se\s+félicite|se\s+réjouit|regrette|explique|souligne|confie|indique|déclare|"
         r"précise|annonce|commente|réagit|sourit|affirme|rappelle|ajoute|résume|lance|"
         r"note|salue|constate|savoure|insiste|reconnaît|estime|poursuit|conclut)")
# « ... », VERB [Jean Dupont,] le maire de X  |  Le maire de X[, Jean Dupont,] VERB : « ... »
_AFTER = re.compile(rf"«(?P<q>[^«»]{{5,300}})»\s*,?\s*{_SAYS}\s+(?P<who>[^.;«»]{{0,90}})",
                    re.I)
_BEFORE = re.compile(rf"(?P<who>[^.;«»]{{0,90}}?)\s+{_SAYS}\s*:\s*«(?P<q>[^«»]{{5,300}})»", re.I)
_SPEAKER = re.compile(rf"\b{_OFFICIAL}\b", re.I)
_WE = re.compile(r"\b(?:[Nn]ous|[Nn]otre\s+(?:ville|commune|collectivité|village))\b")


def _town(who: str) -> roundup.Item | None:
    """The collectivité the speaker is an official of: the one name after the title."""
    title = _SPEAKER.search(who)
    if not title:
        return None
    found = roundup.items(who[title.start():])
    return found[0] if found else None


def awards(doc: list[Block], edition: int | None = None) -> list[Award]:
    """S10: the awards of first-person quotes read as their speaker's town's own."""
    out: list[Award] = []
    for i, block in enumerate(doc):
        if "«" not in block.text:
            continue  # no quote (and _BEFORE, tried at each place, costs on long lines)
        for m in [*_AFTER.finditer(block.text), *_BEFORE.finditer(block.text)]:
            quote = m.group("q")
            town = _town(m.group("who"))
            if not town or not _WE.search(quote) or quote.rstrip().endswith("?") or \
                    roundup.items(_WE.sub(" ", quote)):
                continue
            # the quote as the town's own sentence, the attribution kept for its dates
            said = _WE.sub(town.name, quote, count=1)
            rest = block.text[m.end("q") + 1:] if m.re is _AFTER else ""
            text = (said.strip().rstrip(".!") + (" ," + rest if rest else ".")).strip()
            line = dataclasses.replace(block, text=text, raw=text)
            mine = roundup.awards(doc[:i] + [line] + doc[i + 1:], edition)
            out += [dataclasses.replace(a, evidence=block.text.strip()[:400])
                    for a in mine if a.line == block.line and
                    names.key(a.collectivite) == names.key(town.name)]
    return out
