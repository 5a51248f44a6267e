"""The geocoder: a commune (or EPCI) reference as people write it → the current commune.

Built once per run from the loaded reference (communes, aliases, EPCI, départements) into
dictionaries, then answered in pure Python; only coordinates go to PostGIS, in one batch.
The cascade, each answer with its method and a score in 0..1:

  INSEE code (current 1.0; former code, commune déléguée, arrondissement → its commune),
  postcode + name, name + département, name alone when unique in France, a former
  commune's name, then the looser rules (``loose``: a La Poste locality, a renamed
  commune's head or word sequence, one typo...) only among the given postcode's communes,
  else the département's, EPCI by SIREN or name, coordinates → the commune whose
  boundary contains the point (``points``), cross-checked with a stated name.

Postal mentions around a name ("CEDEX 1", "BP 434", the postcode repeated) are taken
off first, and a CEDEX postcode that is no commune's still gives its département
(``postal``). Each rule names itself in ``Match.method``.

Ambiguity is never resolved by guessing: a homonym without département or postcode (or
spelt without the accents that tell it from another), a code that contradicts the name, a
point far from the named commune, a loose answer outside the given postcode's communes
are ``ambiguous``, with the candidates listed. A wrong commune is worse than none.

Some sources are worth keeping even where their fields disagree (a national list whose
point lies 400 km from its commune, whose postcode has a typo). ``geocode_many(...,
keep_disputed=True)`` then answers with the commune most of the evidence names (code and
name against a stray point; a code and a point against an outdated name) and lists each
disagreement in ``Match.disagreements``; a disagreement that leaves no majority stays
ambiguous. A postcode of another département never decides alone: it is listed on the
matched answer in both modes.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

import sqlalchemy as sa

from atlas import bulk, names
from loaders.geocoder import postal
from loaders.geocoder.loose import LooseRules, _deletions
from loaders.geocoder.match import (AMBIGUOUS, CODE_VS_DEPARTEMENT, CODE_VS_NAME,  # noqa
                                    MATCHED, POINT_FAR, POINT_NOWHERE, POINT_UNCHECKED,
                                    POINT_UNUSABLE, POSTCODE_ELSEWHERE, UNMATCHED, Match,
                                    Reference, _clean, _disputed, _join, _key)
# Re-exported: callers import the whole geocoder's names from here.
from loaders.geocoder.points import NEAR_METRES, PointChecks  # noqa: F401

PARENTS = {"paris": ("75056", 20), "marseille": ("13055", 16), "lyon": ("69123", 9)}
_EPCI_WORDS = {"ca": "ca", "cc": "cc", "cu": "cu", "communaute d agglomeration": "ca",
               "communaute de communes": "cc", "communaute urbaine": "cu",
               "metropole": "metropole"}
_EPCI_PREFIX = re.compile(r"^(communaute d agglomeration|communaute de communes|"
                          r"communaute urbaine|ca|cc|cu|metropole)\s+(?:du |de la |des |de |d )?")
_CITIES = ("paris", "marseille", "lyon")  # the communes with arrondissements
# "MUREAUX LES": an article written after the name, without commas.
_TRAILING_ARTICLE = re.compile(r"^(.*) (les|le|la|l)$")
_ARTICLE_ENDS = (" les", " le", " la", " l")
_SPACES = re.compile(r"\s")


class Geocoder(LooseRules, PointChecks):
    """An in-memory index of the reference; build it with ``from_db``."""

    def __init__(self, communes, aliases, epcis, departements, localities=()):
        self.name = {}  # insee → official name
        self.key = {}  # insee → key of its official name
        self.communes_in_dep = defaultdict(set)  # dep → {insee}
        self.locality_by_key = defaultdict(set)  # key of a postal locality → {insee}
        self.dep = {}  # insee → département code
        self.by_key = defaultdict(list)  # key → [insee] (current communes)
        self.by_dep_key = defaultdict(set)  # (dep, key) → {insee}
        self.former_by_key = defaultdict(set)  # key of a former name → {insee}
        self.keys_in_dep = defaultdict(dict)  # dep → {key: {insee}} for fuzzy matching
        self.by_postcode = defaultdict(set)  # postcode → {insee}
        self.postcodes = {}  # insee → its postcodes
        # (postcode, key of a current or former name) → {insee}: the commonest case,
        # a name with its postcode, in one probe instead of a test per commune of it.
        self.by_postcode_key = defaultdict(set)
        self.successor = {}  # former code → (insee, kind)
        for insee, name, dep, postcodes in communes:
            k = _key(name)
            self.name[insee], self.dep[insee], self.key[insee] = name, dep, k
            self.communes_in_dep[dep].add(insee)
            self.by_key[k].append(insee)
            self.by_dep_key[(dep, k)].add(insee)
            self.keys_in_dep[dep].setdefault(k, set()).add(insee)
            self.postcodes[insee] = frozenset(postcodes or ())
            for pc in postcodes or ():
                self.by_postcode[pc].add(insee)
        priority = {"arrondissement": 0, "associee": 1, "deleguee": 2, "ancien": 3}
        for code, kind, name, insee in sorted(aliases, key=lambda a: priority[a[1]]):
            self.successor[code] = (insee, kind)
            if name:
                k = _key(name)
                self.former_by_key[k].add(insee)
                self.keys_in_dep[self.dep[insee]].setdefault(k, set()).add(insee)
        self.alias_keys = defaultdict(set)  # insee → keys of its former names
        for code, kind, name, insee in aliases:
            if name:
                self.alias_keys[insee].add(_key(name))
        for insee, k in self.key.items():
            for kk in {k} | self.alias_keys.get(insee, set()):
                for pc in self.postcodes[insee]:
                    self.by_postcode_key[(pc, kk)].add(insee)
        # Symmetric-deletion index (as in SymSpell): every name key and each of its
        # one-letter deletions → the keys. Two spellings one typo apart (a letter dropped,
        # added, changed, or two swapped) share an entry, so a typo is looked up in a few
        # dictionary probes instead of comparing against every name of a département.
        self.deletions = defaultdict(set)
        for k in {kk for dep in self.keys_in_dep.values() for kk in dep}:
            for variant in _deletions(k):
                self.deletions[variant].add(k)
        # Word sequences of each name, for renamed communes written the old way: the
        # leading ones ("oissel" of "oissel sur seine") and the others ("alliquerville"
        # of "trouville alliquerville"), looked up instead of scanning a département.
        self.heads = defaultdict(set)
        self.parts = defaultdict(set)
        for insee, k in self.key.items():
            words = k.split()
            for a in range(len(words)):
                for b in range(a + 1, len(words) + 1 if a else len(words)):
                    (self.parts if a else self.heads)[" ".join(words[a:b])].add(insee)
        for _postcode, name_folded, insee in localities:
            if insee in self.name:
                self.locality_by_key[name_folded].add(insee)
        self.dep_codes = {code for code, _ in departements}
        self.dep_by_key = {_key(name): code for code, name in departements}
        self.epci_name = {siren: name for siren, name in epcis}
        self.epci_by_key = {}
        for siren, name in epcis:
            self.epci_by_key[_epci_key(name)] = siren

    @classmethod
    @bulk.gc_paused()
    def from_db(cls, conn) -> "Geocoder":
        """The geocoder of the reference data in the database, built with the cyclic
        garbage collector paused (``atlas.bulk.gc_paused``): its indexes are millions of
        small objects that live as long as it does, and collections that walked them
        again and again made most of the build's time (2.4 s against 0.9 s paused)."""
        communes = conn.execute(sa.text(
            "SELECT insee, name, departement_code, postcodes FROM commune")).all()
        aliases = conn.execute(sa.text(
            "SELECT code, kind, name, commune_insee FROM commune_alias")).all()
        epcis = conn.execute(sa.text("SELECT siren, name FROM epci")).all()
        deps = conn.execute(sa.text("SELECT code, name FROM departement")).all()
        localities = conn.execute(sa.text(
            "SELECT postcode, name_folded, commune_insee FROM postal_locality")).all()
        return cls(communes, aliases, epcis, deps, localities)

    # -- helpers ---------------------------------------------------------------------

    def label(self, insee: str) -> str:
        return f"{self.name[insee]} ({self.dep[insee]}, {insee})"

    def _departements(self, text: str) -> set[str] | None:
        """The département codes a written département means; None if not understood."""
        t = text.strip().upper()
        if t.isdigit() and len(t) == 1:
            t = "0" + t
        if t == "20":
            return {"2A", "2B"}
        if t in self.dep_codes:
            return {t}
        code = self.dep_by_key.get(_key(text))
        return {code} if code else None

    @staticmethod
    def _postcode(text: str) -> str | None:
        if len(text) == 5 and text.isdigit():  # most postcodes, as written
            return text
        digits = _SPACES.sub("", text)
        if digits.isdigit() and len(digits) == 4:
            digits = "0" + digits
        return digits if digits.isdigit() and len(digits) == 5 else None

    def _postcode_departements(self, pc: str) -> set[str]:
        if pc.startswith("97"):
            return {pc[:3]}
        if pc.startswith("20"):
            return {"2A", "2B"}
        return {pc[:2]}

    def _names_match(self, insee: str, k: str) -> bool:
        return k == self.key[insee] or k in self.alias_keys.get(insee, ())

    # -- the cascade -----------------------------------------------------------------

    def by_name(self, name: str, deps: set[str] | None, pc: str | None) -> Match:
        """Resolve a written name, narrowed by départements and/or a postcode.

        Postal mentions ("CEDEX 1", "BP 434", a repeated postcode) are taken off first;
        the answer's method then ends with ``+postal_noise``."""
        clean, noise, written_pc = postal.strip_noise(name)
        if not noise or not clean:
            return self._by_name(name, deps, pc)
        m = self._by_name(clean, deps, pc or self._postcode(written_pc or ""))
        return dataclasses.replace(
            m, method=m.method + "+postal_noise" if m.method else m.method,
            note=_join(m.note, f"postal mention {noise!r} ignored"))

    def _by_name(self, name: str, deps: set[str] | None, pc: str | None) -> Match:
        k = _key(name)
        arr = names.arrondissement(name) if k.startswith(_CITIES) else None
        if arr:
            parent, count = PARENTS[arr[0]]
            if 1 <= arr[1] <= count and (not deps or self.dep[parent] in deps):
                return Match(MATCHED, parent, method="arrondissement", score=1.0,
                             note=f"arrondissement {arr[1]}")
            return Match(UNMATCHED, note=f"no arrondissement {arr[1]} in {arr[0]}")
        if _EPCI_PREFIX.match(k):
            epci = self.epci(name)
            if epci.status == MATCHED:
                return epci
        keys = [k]
        trailing = _TRAILING_ARTICLE.match(k) if k.endswith(_ARTICLE_ENDS) else None
        if trailing:
            keys.append(trailing.group(1))
        in_pc = self.by_postcode.get(pc, set()) if pc else set()
        if in_pc:
            for kk in keys:
                hits = self.by_postcode_key.get((pc, kk), ())
                if len(hits) == 1:
                    return Match(MATCHED, next(iter(hits)), method="postcode+name",
                                 score=1.0)
        given_deps = deps
        if pc and not deps:
            deps = self._postcode_departements(pc)
        if deps:
            # A name written exactly in the département, but not the postcode's: a
            # postcode typo, unless a commune of the postcode fits the name loosely
            # ("Ardres" with Andres's postcode): then either may be wrong.
            m = self._exact_in_departements(name, keys, deps)
            if m is not None and in_pc and m.insee and m.insee not in in_pc:
                loose = self._within(k, in_pc, "postcode", contains=pc.startswith("97"))
                if loose is not None:
                    return self._ambiguous(
                        {m.insee} | ({loose.insee} if loose.insee else set())
                        | loose.candidate_codes(),
                        f"the name is {self.label(m.insee)}'s, not under postcode {pc}, "
                        f"whose communes fit it loosely ({loose.method or loose.note})")
                m = dataclasses.replace(m, note=_join(
                    m.note, f"postcode {pc} is not {self.label(m.insee)}'s"))
            if m is None and in_pc:
                m = self._within(k, in_pc, "postcode", contains=pc.startswith("97"))
            if m is None:
                m = self._loose_in_departements(k, deps, in_pc)
            if pc and not in_pc and not given_deps and m.method:
                # A CEDEX postcode, or one of a special distribution: no commune has it,
                # but its first digits still give the département.
                m = dataclasses.replace(m, method=m.method.replace(
                    "departement", "postcode_departement"), note=_join(
                    m.note, f"postcode {pc} is no commune's: its département used"))
            return m
        for kk in keys:
            hits = set(self.by_key.get(kk, ()))
            former = self.former_by_key.get(kk, set())
            if len(hits | former) > 1:
                return self._ambiguous(hits | former, "homonyms: give the département or "
                                                      "postcode", "" if former else name,
                                       "name")
            if hits:
                return Match(MATCHED, hits.pop(), method="name", score=0.9)
            if former:
                return Match(MATCHED, next(iter(former)), method="former_name", score=0.85)
        epci = self.epci(name)
        if epci.status == MATCHED:
            return epci
        return Match(UNMATCHED, note="no commune of that name (a typo needs the "
                                     "département or postcode)")

    def _exact_in_departements(self, name: str, keys: list[str], deps: set[str]
                               ) -> Match | None:
        """A name within départements, exactly or as a former name; None if none."""
        for kk in keys:
            if len(deps) == 1:
                hits = set(self.by_dep_key.get((next(iter(deps)), kk), ()))
            else:
                hits = set().union(*(self.by_dep_key.get((d, kk), ()) for d in deps))
            former = {i for i in self.former_by_key.get(kk, ()) if self.dep[i] in deps}
            # A current commune and a former one merged elsewhere may share a name:
            # then the reference is ambiguous, never silently the current one.
            if len(hits | former) > 1:
                return self._ambiguous(hits | former, "several communes of that name",
                                       "" if former else name, "name+departement")
            if hits:
                return Match(MATCHED, hits.pop(), method="name+departement", score=0.98)
            if former:
                return Match(MATCHED, former.pop(), method="former_name+departement",
                             score=0.95)
        return None

    def _ambiguous(self, insees: set[str], note: str, name: str = "",
                   method: str = "") -> Match:
        """Ambiguous, unless the written name matches exactly one of the candidates
        with its article and accents ("Vergné" among Vergné and La Vergne)."""
        if name:
            fine = names.fine_key(name)
            exact = [i for i in insees if names.fine_key(self.name[i]) == fine]
            plain = names.fold(fine)
            # Dropped accents are the commonest error of real files: "Vergne" written for
            # "Vergné" must not decide for a "Vergne" when both exist. An accented spelling
            # that is exactly one commune's name still decides.
            twins = [i for i in insees
                     if names.fold(names.fine_key(self.name[i])) == plain]
            accented = names.fold(name) != names.fold(name, accents=True)
            if len(exact) == 1 and (len(twins) == 1 or accented):
                return Match(MATCHED, exact[0], method=method + "+exact_spelling", score=0.95)
            if len(exact) == 1:
                note = _join(note, "names differing only by accents")
        ordered = sorted(insees, key=lambda i: (self.name[i], i))
        return Match(AMBIGUOUS, method="", score=0.0,
                     candidates=tuple(self.label(i) for i in ordered), note=note)

    def epci(self, text: str) -> Match:
        digits = _SPACES.sub("", text)
        if digits.isdigit() and len(digits) == 9:
            if digits in self.epci_name:
                return Match(MATCHED, epci_siren=digits, method="epci_siren", score=1.0)
            return Match(UNMATCHED, note=f"{digits} is not the SIREN of an EPCI")
        siren = self.epci_by_key.get(_epci_key(text))
        if siren:
            return Match(MATCHED, epci_siren=siren, method="epci_name", score=0.95)
        return Match(UNMATCHED, note="no EPCI of that name")

    def geocode(self, ref: Reference) -> Match:
        """Resolve one reference without coordinates (see ``geocode_many`` for those)."""
        name, code = _clean(ref.commune), _clean(ref.insee).upper()
        dep_text, pc_text = _clean(ref.departement), _clean(ref.code_postal)
        deps = self._departements(dep_text) if dep_text else None
        if dep_text and deps is None:
            return Match(UNMATCHED, note=f"unknown département {dep_text!r}")
        pc = self._postcode(pc_text) if pc_text else None
        if pc_text and pc is None:
            return Match(UNMATCHED, note=f"not a postcode: {pc_text!r}")
        if code:
            return self._postcode_check(self._by_code(code, name, deps, pc), pc)
        if name:
            return self.by_name(name, deps, pc)
        if pc and len(self.by_postcode.get(pc, ())) == 1:
            return Match(MATCHED, next(iter(self.by_postcode[pc])), method="postcode",
                         score=0.9)
        if pc and pc in self.by_postcode:
            return self._ambiguous(self.by_postcode[pc], "a postcode shared by several "
                                                         "communes")
        return Match(UNMATCHED, note="no commune, code or postcode given")

    def _postcode_check(self, m: Match, pc: str | None) -> Match:
        """List a postcode that belongs to another département than the answer's (a typo
        like 06922 for 69220): the code and the name outweigh it, but never silently."""
        if m.status != MATCHED or not m.insee or not pc or pc in self.postcodes[m.insee]:
            return m
        deps = {self.dep[i] for i in self.by_postcode.get(pc, ())} or \
            self._postcode_departements(pc)
        if self.dep[m.insee] in deps:
            return m
        return dataclasses.replace(
            m, disagreements=m.disagreements + (POSTCODE_ELSEWHERE,),
            note=_join(m.note, f"postcode {pc} is in département {'/'.join(sorted(deps))}, "
                               f"{self.label(m.insee)} is not"))

    def _by_code(self, code: str, name: str, deps, pc) -> Match:
        if code.isdigit() and len(code) == 4:
            code = "0" + code
        if code.isdigit() and len(code) == 9:
            return self.epci(code)
        if code in self.name:
            insee, method, score = code, "insee", 1.0
        elif code in self.successor:
            insee, kind = self.successor[code]
            method = "arrondissement_code" if kind == "arrondissement" else "former_code"
            score = 0.98
        else:
            if name:
                by_name = self.by_name(name, deps, pc)
                return dataclasses.replace(by_name, note=f"unknown INSEE code {code}; "
                                           + (by_name.note or "resolved by name"),
                                           score=round(by_name.score * 0.95, 3))
            return Match(UNMATCHED, note=f"unknown INSEE code {code}")
        if deps and self.dep[insee] not in deps:
            return _disputed(self._ambiguous(
                {insee}, f"code {code} is in département {self.dep[insee]}, not "
                         f"{'/'.join(sorted(deps))}"), CODE_VS_DEPARTEMENT)
        if not name:
            return Match(MATCHED, insee, method=method, score=score)
        k = _key(name)
        arr = names.arrondissement(name)
        if self._names_match(insee, k) or (arr and PARENTS[arr[0]][0] == insee):
            return Match(MATCHED, insee, method=method, score=score)
        by_name = self.by_name(name, deps or {self.dep[insee]}, pc)
        if by_name.status == MATCHED and by_name.insee == insee:
            # The name fits the code by a looser rule (a typo, a renamed commune's head):
            # say which one.
            how = "fuzzy_name" if by_name.method.startswith("fuzzy") else by_name.method
            return Match(MATCHED, insee, method=f"{method}+{how}",
                         score=round(min(score, by_name.score), 3))
        others = {by_name.insee} if by_name.insee else set()
        others |= by_name.candidate_codes()
        return _disputed(self._ambiguous(
            {insee} | others, f"INSEE code {code} is {self.name[insee]}, not {name!r}"),
            CODE_VS_NAME)

def _epci_key(name: str) -> str:
    folded = names.fold(name)
    m = _EPCI_PREFIX.match(folded)
    if m:
        kind = _EPCI_WORDS[m.group(1)]
        return f"{kind} {folded[m.end():]}"
    return folded
