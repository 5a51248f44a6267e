"""Press texts about the Villes Internet label → label awards and initiatives.

``release`` reads a release about one laureate (its awards and earlier years),
``initiatives`` that laureate's initiatives;
``roundup`` reads the palmarès as the press relays it (lists by level, by place, several
laureates a sentence), ``history`` a town's own list of its levels by year (S9), ``quotes``
an official's first-person quote (S10); ``places`` gives homonyms the département the text
places them in (S8). ``extract`` runs them on a text and keeps what they agree on.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Mapping, Sequence

from atlas import names
from loaders.press import history, places, quotes, roundup
from loaders.press.initiatives import initiatives
from loaders.press.release import (Award, Block, Extraction, Initiative, blocks,
                                   current_edition, edition_year, edition_years, levels,
                                   release_date, rows, sentences, slug)
from loaders.press.release import awards as release_awards

__all__ = ["Award", "Block", "Extraction", "Initiative", "blocks", "current_edition",
           "edition_year", "edition_years", "extract", "initiatives", "levels", "merge",
           "release_date", "rows", "sentences", "slug"]


# "La CC du Pays d'Aville": the EPCI's name starts at its kind.
_EPCI_ARTICLE = re.compile(
    r"^(?:[Ll]a|[Ll]e|[Ll]')\s*(?=[Cc]ommunauté\b|C[CAU]\b|[Mm]étropole\b)")


def _years_disputed(found: tuple[list[Award], ...]) -> set[tuple[str, str]]:
    """(collectivité, sentence) that two readers date differently ("Aville obtient 4 @,
    comme Beville l'an dernier": this edition, or the one before?): unsure."""
    years: list[dict[tuple[str, str], set[int]]] = []
    for awards in found:
        mine: dict[tuple[str, str], set[int]] = {}
        for a in awards:
            if not a.inferred:
                mine.setdefault((names.key(a.collectivite), a.evidence), set()).add(a.year)
        years.append(mine)
    return {k for i, mine in enumerate(years) for other in years[i + 1:]
            for k in mine.keys() & other.keys() if not mine[k] & other[k]}


def merge(*found: list[Award]) -> list[Award]:
    """The awards of both readers, one per collectivité and year; where they give two
    levels for one collectivité and year, neither (unsure); where they date one
    collectivité's level in one sentence differently, neither. A stated year beats one
    inferred ("deuxième année consécutive")."""
    disputed = _years_disputed(found)
    by_key: dict[tuple[str, int], list[Award]] = {}
    for awards in found:
        for a in awards:
            if (names.key(a.collectivite), a.evidence) not in disputed:
                by_key.setdefault((names.key(a.collectivite), a.year), []).append(a)
    out = []
    for got in _homonyms_apart(by_key.values()):
        stated = [a for a in got if not a.inferred] or got
        if len({a.level for a in stated}) == 1:
            best = max(stated, key=lambda a: (bool(a.departement), -a.line))
            out.append(dataclasses.replace(best, collectivite=_EPCI_ARTICLE.sub(
                "", best.collectivite)))
    return sorted(out, key=lambda a: (names.key(a.collectivite), -a.year))


def _homonyms_apart(groups):
    """Homonyms of one text placed apart ("Guadeloupe – Sainte-Anne (@@)", "Martinique –
    Sainte-Anne (@)", fourth battery) are two collectivités, not one with two levels:
    split, but only when every award of the name carries a département (one without
    could be either, and stays with them: unsure)."""
    for got in groups:
        deps = {names.key(a.departement) for a in got}
        if len(deps) > 1 and "" not in deps:
            for dep in deps:
                yield [a for a in got if names.key(a.departement) == dep]
        else:
            yield got


# "la mention Transition écologique", "mention « Numérique responsable et durable »".
_MENTION = re.compile(
    r"\bmention\s+(?:spéciale\s+)?[«\"]?\s*(?P<m>[^,.;:»\"()@]{3,60}?)\s*[»\"]?"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:pour|ainsi|avec|qui|dans|lors|au|à)\b"
    r"|\s+et\s+(?:la|le|les|l'|une?|des|\d|@|cinq|quatre|trois|deux)\b)", re.I)


def with_mentions(awards: list[Award]) -> list[Award]:
    """The label's mentions written beside a level, for the one collectivité its
    sentence awards (several laureates in a sentence: whose mention it is is unsure)."""
    who: dict[str, set[str]] = {}
    for a in awards:
        who.setdefault(a.evidence, set()).add(names.key(a.collectivite))
    out = []
    for a in awards:
        found = tuple(dict.fromkeys(m.strip() for m in _MENTION.findall(a.evidence)))
        out.append(dataclasses.replace(a, mentions=found) if found and
                   len(who[a.evidence]) == 1 and not a.inferred else a)
    return out


_EPCI_KIND = re.compile(r"^(?:communaute|metropole|cc|ca|cu)\b")


def whole_epci_names(awards: list[Award]) -> list[Award]:
    """R7: an EPCI's name that another award of its sentence (same edition and level)
    carries on ("La CC du Crestois" beside "CC du Crestois et de Pays de Saillans"): the
    cut one is the release reader's reading of the same name, stopped at "et", and would
    go to the geocoder as another collectivité (third-hand battery). Only for a name
    opening with an EPCI's kind: "Brest" beside "Brest Métropole" is another one. The
    other way round when the rest is the cut one's département: "la communauté de
    communes de Beville en Seine-Maritime" is "... de Beville" in Seine-Maritime."""
    keys = [(names.key(a.collectivite), a) for a in awards]

    def same(a: Award, o: Award) -> bool:
        return o is not a and o.evidence == a.evidence and \
            (o.year, o.level) == (a.year, a.level)

    placed = {names.key(f"{o.collectivite} en {o.departement}") for k, o in keys
              if _EPCI_KIND.match(k) and o.departement}
    return [a for k, a in keys
            if not (k in placed and any(same(a, o) for _, o in keys))
            and not (_EPCI_KIND.match(k) and not a.departement and any(
                same(a, o) and ok.startswith(k + " ") and ok not in placed
                for ok, o in keys))]


def _yield_to_roundup(found: list[Award], listed: list[Award]) -> list[Award]:
    """The release reader's awards, less those of a sentence in which the round-up reader
    gives two collectivités or more: there, the release reader's "the name nearest
    before the level" is the round-up's subject ("Canéjan et Audenge en reçoivent trois,
    tandis que Arcachon obtient deux arobases": not Canéjan's two), and its misreading
    would otherwise void the round-up's reading as a disagreement."""
    crowded: dict[str, set[str]] = {}
    for a in listed:
        crowded.setdefault(a.evidence, set()).add(names.key(a.collectivite))
    return [a for a in found if len(crowded.get(a.evidence, ())) < 2]


def extract(text: str, keywords: Mapping[str, Sequence[str]],
            edition: int | None = None) -> Extraction:
    """Awards and initiatives a text states; ``keywords``: domain code → keywords.
    Initiatives only when the text awards exactly one collectivité (they are its own).
    ``edition`` (staff's ``--edition``) dates a text that states no edition of its own;
    ``Extraction.edition_given`` says when it was used."""
    doc = blocks(text)
    given = None
    if edition is not None:
        dated = release_date(doc)
        if current_edition(doc, dated) is None and \
                current_edition(doc, dated, edition) == edition:
            given = edition  # none stated (several stated: still unsure, not given)
    found, main = release_awards(doc, given)
    listed = roundup.awards(doc, given) + history.awards(doc) + quotes.awards(doc, given)
    merged = merge(_yield_to_roundup(found, listed), listed)
    awards = with_mentions(places.with_places(whole_epci_names(
        merge(merged, roundup.likewise(doc, merged))), doc))
    if main is None or len({names.key(a.collectivite) for a in awards}) != 1:
        return Extraction(awards, [], edition_given=given)
    return Extraction(awards, initiatives(doc, keywords), main.name, main.departement,
                      edition_given=given)
