"""The initiatives of the one collectivité a press release awards.

Pure Python rules, no database and no network: ``initiatives(doc, keywords)`` reads the
blocks of a release (``release.blocks``) and returns each initiative with a short title
and its domains; ``loaders.press.extract`` calls it only when the text awards exactly one
collectivité (they are its own).

- I1. A bullet item is one initiative, unless it is a theme followed by a list of
  actions ("Accès au numérique pour tous : partenariat avec ..., atelier de ..., mise
  en place d'...") — then each action is one; a paragraph shaped like that too.
- I2. In prose: "la mise en place de X", "le lancement de X", "l'ouverture de X"...;
  a digital thing as subject of a past verb ("Le magazine municipal a été déployé en
  version numérique"); a named programme ("dans le cadre d'Artistes au balcon", a
  hashtag "#l'InstantCulture").
- I3. Not initiatives: figures ("2 200 collectivités labellisées"), items about the
  label or the association, reported speech, award sentences.
- I4. The title is the item's head (before " : "), its bold words, or the noun phrase of
  the action, cut at "pour", "avec", "(", ","...; duplicates (same folded title) merged.
- D. Domains: the taxonomy's keywords found in the item, the longest keyword first (a
  keyword's last word of 5 letters or more also matches its longer forms: "handicap"
  finds "handicapées"). A keyword counts 2 in the title, 1 in the item's text, ½ in
  its theme (or its paragraph's first sentence); the domains scoring 2 or more are
  kept, else the best scoring ones.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from atlas import names
from loaders.press.release import (_ASIDE, Block, Initiative, _blank, _blank_span, _plain,
                                   levels, sentences)


# -- I: initiatives ---------------------------------------------------------------------

_ACTION = (r"(?:mise\s+en\s+place|mise\s+à\s+disposition|mise\s+en\s+ligne|mise\s+en\s+"
           r"œuvre|création|déploiement|installation|développement|lancement|ouverture|"
           r"partenariat|ateliers?|organisation|modernisation|dématérialisation|équipement|"
           r"acquisition|renforcement|généralisation|extension|refonte|formations?|"
           r"accompagnement|animation|réalisation|aménagement|numérisation|diffusion|"
           r"retransmission|expérimentation|inauguration)")
# Actions that name the initiative itself: "partenariat avec X" is not X.
_KEEP_ACTION = re.compile(r"^(?:partenariat|ateliers?|formations?|accompagnement|"
                          r"retransmission|expérimentation)\b", re.I)
_STARTS_ACTION = re.compile(rf"^{_ACTION}\b", re.I)
_SEGMENT_BREAK = re.compile(rf"(?:[,;]|\s+et)\s+(?={_ACTION}\b)", re.I)
_DETERMINER = re.compile(r"^(?:(?:via|avec|grâce\s+à|par|pour|sur|à)\s+)?(?:(?:les|le|la|une|un|"
                         r"des|du|de|aux|au|son|sa|ses|notre|nos|leurs|leur)\s+|[ld]'\s*)",
                         re.I)
# "mise en place en 2016 de", "développement accru de": the action before its object.
_ACTION_OF = re.compile(rf"^{_ACTION}(?:\s+[a-zéèêàâîôûç]+)?\s+(?:en\s+\d{{4}}\s+)?"
                        r"(?:de\s+|d'|du\s+|des\s+)", re.I)
_ACTION_OBJECT = re.compile(rf"^{_ACTION}\s+(?:(?:avec|de|du|des|aux?|sur|pour)\s+|d')?"
                            r"(?:(?:les?|la|l'|un|une|des)\s*)?\S+", re.I)
_TITLE_CUT = re.compile(
    r"\s*\(|,|;|…|\.\.\.|\.\s*$|\s(?:pour|afin|permettant|utilisant|favorisant|visant|"
    r"offrant|proposant|incluant|via|avec|qui|dont|équipée?s?|dédiée?s?|destinée?s?|"
    r"réservée?s?|mise?s?\s+en\s+place)\s|\set\s(?:d'|de\s|des\s|du\s)")
_TITLE_WORDS = 10
_NOT_INITIATIVE = re.compile(r"villes?\s+(?:et\s+villages\s+)?internet|\blabel|\bjury\b|"
                             r"association|arobas|@|^\d", re.I)
_ARTEFACT = (r"site|plateforme|application|portail|magazine|kiosque|bornes?|tablettes?|"
             r"espace|réseaux\s+sociaux|newsletter|lettre|wifi|wi-fi|fibre|fab-?lab|"
             r"téléservices?|cyber-base|micro-folie|logiciels?|outils?|dispositif|"
             r"services?\s+en\s+ligne|écrans?|panneaux?|totems?|tableaux?|chatbot|"
             r"visioconférence")
_DONE_BY = re.compile(
    r"^(?:(?:[AÀ]|Au|En|Durant|Pendant|Depuis|Dès|Désormais|Aujourd'hui)\b[^,]{0,60},\s*)?"
    r"(?P<np>(?:[Ll]es?|[Ll]a|[Ll]'|[Uu]ne?|[Dd]es|[Ss]on|[Ss]a|[Ss]es|[Nn]otre|[Nn]os)\s*"
    r"[^,;]{0,80}?)\s+(?:a|ont)\s+(?:été|permis)\b")
_ARTEFACT_IN = re.compile(rf"\b(?:{_ARTEFACT})\b", re.I)
_DONE_THE = re.compile(
    rf"\b(?:la|le|l')\s*(?={_ACTION}\b)(?P<what>.+?)(?=,|\.|;|$|\s+et\s+(?:la|le|l')\s*"
    rf"{_ACTION}\b)", re.I)
_PROGRAMME = re.compile(
    r"\bdans\s+le\s+cadre\s+(?:de\s+|d'|du\s+)(?:l'opération\s+|du\s+dispositif\s+|du\s+"
    r"programme\s+|de\s+l'opération\s+)?(?P<name>[A-ZÀ-Ý«\"#][^,;.]{2,60})"
    r"|(?:^|\s)(?:Avec|Grâce\s+à|Via)\s+(?P<tag>#[\w']+)")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def title_of(segment: str, noun_phrase: bool = False) -> str:
    """I4: a short title from an action ("mise en place d'un espace numérique au sein
    du Pôle Molière" → "Espace numérique au sein du Pôle Molière"), or from a noun
    phrase without its determiner ("le site Internet" → "Site Internet")."""
    text = segment.strip()
    keep = _KEEP_ACTION.match(text)
    start = 1
    if keep:  # "partenariat avec l'Institut ...": cut only after the partner
        start = _ACTION_OBJECT.match(text).end()
    elif _ACTION_OF.match(text):
        text, noun_phrase = _ACTION_OF.sub("", text, count=1), True
    cut = _TITLE_CUT.search(text, start)
    text = text[:cut.start()] if cut else text
    if noun_phrase:
        text = _DETERMINER.sub("", text, count=1)
    text = text.strip(" «»\"'.:-").strip()
    return _capital(" ".join(text.split()[:_TITLE_WORDS]))


def _action_list(text: str) -> list[str]:
    """A list of actions split into one segment each, or [] if ``text`` is not one.
    Pieces that open no action ("des tablettes interactives") stay in the action before."""
    if not _STARTS_ACTION.match(text.strip()):
        return []
    segments = [s.strip(" .…") for s in _SEGMENT_BREAK.split(text) if s.strip(" .…")]
    return segments if len(segments) >= 2 else []


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_COLON = re.compile(r"\s*:\s+")


def _from_item(block: Block) -> list[tuple[str, str, str]]:
    """I1: (title, summary, theme) of each initiative of a bullet or a themed paragraph."""
    parts = _COLON.split(block.text, maxsplit=1)
    if len(parts) == 2 and parts[1] and len(parts[0].split()) <= 12:
        head, rest = parts
        segments = _action_list(rest)
        if segments:
            return [(title_of(s), f"{head} : {s}", head) for s in segments]
        if block.kind == "bullet":
            return [(_capital(head.strip(" .")), block.text, "")]
        return []
    if block.kind != "bullet":
        return []
    if len(block.text.split()) <= _TITLE_WORDS:
        return [(_capital(block.text.strip(" .…")), block.text, "")]
    bold = _BOLD.search(block.raw)
    if bold:
        title = _plain(bold.group(1))
        if re.fullmatch(r"[\w.-]+\.[a-z]{2,4}", title):  # a web address: name what it is
            before = re.split(r"[,;:]", _plain(block.raw[:bold.start()]))[-1]
            title = f"{_DETERMINER.sub('', before.strip(), count=1)} {title}".strip()
        return [(_capital(title), block.text, "")]
    return [(title_of(block.text), block.text, "")]


def _from_prose(sentence: str) -> list[tuple[str, str, str]]:
    """I2: initiatives told in running text."""
    out = []
    for m in _DONE_THE.finditer(sentence):
        out.append((title_of(m.group("what")), _capital(m.group("what")), ""))
    for clause in re.split(r"\s+et\s+(?=(?:l[ea]s?|l'|une?|des)\b)", sentence):
        m = _DONE_BY.match(clause.strip())
        if m and _ARTEFACT_IN.search(m.group("np")):
            out.append((title_of(m.group("np"), noun_phrase=True), sentence, ""))
    for m in _PROGRAMME.finditer(sentence):
        out.append((_capital((m.group("name") or m.group("tag")).strip(" «»\"")), sentence, ""))
    return out


def initiatives(doc: list[Block], keywords: Mapping[str, Sequence[str]]) -> list[Initiative]:
    """I1-I4 and D, for a text that awards one collectivité."""
    match = keyword_matcher(keywords)
    out, seen = [], set()
    for b in doc:
        if b.kind == "heading" or _NOT_INITIATIVE.search(b.text):
            continue
        found = _from_item(b)
        if not found and b.kind == "para":
            told = sentences(b.text)
            for s in told:
                if not (_NOT_INITIATIVE.search(s) or levels(s) or "«" in s):
                    found += [(t, summary, told[0]) for t, summary, _ in _from_prose(s)]
        for title, summary, theme in found:
            key = names.fold(title)
            if len(key) < 3 or key in seen:
                continue
            seen.add(key)
            domains = classify(title, _blank(summary, _ASIDE), theme, match)
            out.append(Initiative(title, summary, tuple(sorted(domains)), b.line))
    return out


# -- D: domains -------------------------------------------------------------------------

# A keyword counts this much in the title, the item's text, its theme or paragraph.
_WEIGHTS = (2.0, 1.0, 0.5)


def classify(title: str, text: str, theme: str, match) -> set[str]:
    """D: the domains scoring 2 or more (a title keyword, or two in the text), else the
    best scoring ones; none when no keyword is found."""
    score: dict[str, float] = {}
    for weight, part in zip(_WEIGHTS, (title, text, theme)):
        for code, hits in match(part).items():
            score[code] = score.get(code, 0) + weight * hits
    if not score:
        return set()
    sure = {code for code, s in score.items() if s >= 2}
    best = max(score.values())
    return sure or {code for code, s in score.items() if s == best}


def _keyword_pattern(keyword: str) -> str:
    words = names.fold(keyword).split()
    parts = [re.escape(w) + (r"\w*" if i == len(words) - 1 and len(w) >= 5 else "[sx]?")
             for i, w in enumerate(words)]
    return r"\b" + r"\s+".join(parts) + r"\b"


def keyword_matcher(keywords: Mapping[str, Sequence[str]]):
    """A function: text → {domain code: how many of its keywords the text holds}, the
    longest keyword first (so "réseaux sociaux" is not also "réseau")."""
    ordered = sorted(((len(names.fold(k)), code, re.compile(_keyword_pattern(k)))
                      for code, kws in keywords.items() for k in kws if names.fold(k)),
                     key=lambda t: -t[0])

    def match(text: str) -> dict[str, int]:
        folded, found = names.fold(text), {}
        for _, code, pattern in ordered:
            for m in pattern.finditer(folded):
                found[code] = found.get(code, 0) + 1
                folded = _blank_span(folded, *m.span())
        return found

    return match


