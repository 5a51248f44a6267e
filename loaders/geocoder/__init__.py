"""The geocoder: a commune (or EPCI) reference as people write it → the current commune.

Built once per run from the loaded reference (communes, aliases, EPCI, départements) into
dictionaries, then answered in pure Python; only coordinates go to PostGIS, in one batch.
The cascade, each answer with its method and a score in 0..1:

  INSEE code (current 1.0; former code, commune déléguée, arrondissement → its commune),
  postcode + name, name + département, name alone when unique in France, a former
  commune's name, fuzzy name (typos) only within the given département or postcode,
  EPCI by SIREN or name, coordinates → the commune whose boundary contains the point,
  cross-checked with a stated name.

Ambiguity is never resolved by guessing: a homonym without département or postcode, a
code that contradicts the name, a point far from the named commune are ``ambiguous``, with
the candidates listed. A wrong commune is worse than none.

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
import difflib
import functools
import re
from collections import defaultdict

import sqlalchemy as sa

from atlas import names
from loaders.geocoder import postal

MATCHED, AMBIGUOUS, UNMATCHED = "matched", "ambiguous", "unmatched"
PARENTS = {"paris": ("75056", 20), "marseille": ("13055", 16), "lyon": ("69123", 9)}
FUZZY_CUTOFF = 0.85
# Among the few communes of one postcode a short name with two letters swapped ("LE
# ORBERT" for Le Robert: 0.83) is still the only close one: a lower cutoff there.
FUZZY_CUTOFF_POSTCODE = 0.75
FUZZY_MARGIN = 0.1  # a typo closer to another name than to its own is not guessed
NEAR_METRES = 1000  # a stated point this close to the named commune still agrees
# What Match.disagreements lists: fixed texts, so that load reports count them.
POINT_FAR = "point outside its commune"
POINT_NOWHERE = "point in no commune"
POINT_UNUSABLE = "coordinates unusable"
POINT_UNCHECKED = "point not checked (commune without outline)"
POSTCODE_ELSEWHERE = "postcode of another département"
CODE_VS_NAME = "INSEE code and name disagree"
CODE_VS_DEPARTEMENT = "INSEE code and département disagree"
_EPCI_WORDS = {"ca": "ca", "cc": "cc", "cu": "cu", "communaute d agglomeration": "ca",
               "communaute de communes": "cc", "communaute urbaine": "cu",
               "metropole": "metropole"}
_EPCI_PREFIX = re.compile(r"^(communaute d agglomeration|communaute de communes|"
                          r"communaute urbaine|ca|cc|cu|metropole)\s+(?:du |de la |des |de |d )?")
# Longer than any commune's name (the longest has 45 letters) with room for postal
# words: beyond it no looser rule is tried, so an 8,000-character "name" costs no more
# than a short one (the one-typo index alone would build 8,000 strings of 8,000).
LONGEST_NAME = 80
# Words that never name a commune on their own ("SUR", "SAINT"): no head or part rule.
_CONNECTORS = {"saint", "sainte", "saints", "saintes", "sur", "sous", "en", "de", "des",
               "du", "et", "les", "le", "la", "aux", "lez", "les bains", "mont", "d", "l",
               "pres", "lès", "sous", "in", "am"}
_CITIES = ("paris", "marseille", "lyon")  # the communes with arrondissements
_key = functools.lru_cache(maxsize=200_000)(names.key)


@dataclasses.dataclass(frozen=True)
class Match:
    status: str
    insee: str | None = None
    epci_siren: str | None = None
    method: str = ""
    score: float = 0.0
    candidates: tuple[str, ...] = ()
    note: str = ""
    disagreements: tuple[str, ...] = ()  # what the reference's fields disagree on
    at_point: bool = False  # the stated coordinates agree with the answer: place it there

    def candidate_codes(self) -> set[str]:
        return {c.rsplit(", ", 1)[1].rstrip(")") for c in self.candidates}


@dataclasses.dataclass(frozen=True)
class Reference:
    commune: str = ""
    departement: str = ""
    code_postal: str = ""
    insee: str = ""
    lat: str = ""
    lon: str = ""


def _clean(value) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    return "" if text.lower() in ("nan", "none", "null", "n/c", "-") else text


class Geocoder:
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
    def from_db(cls, conn) -> "Geocoder":
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
        digits = re.sub(r"\s", "", text)
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

    def _fuzzy(self, k: str, pool: dict[str, set[str]], cutoff: float = FUZZY_CUTOFF
               ) -> tuple[set[str], float]:
        """Communes whose name is one typo away from ``k`` among ``pool``, when one
        spelling is clearly the closest; (several communes, 0.0) when it is not."""
        if len(k) > LONGEST_NAME:
            return set(), 0.0
        near = {kk for v in _deletions(k) for kk in self.deletions.get(v, ()) if kk in pool}
        scored = sorted(((difflib.SequenceMatcher(None, k, kk).ratio(), kk) for kk in near),
                        reverse=True)
        scored = [(r, kk) for r, kk in scored if r >= cutoff]
        if not scored:
            return set(), 0.0
        best, best_key = scored[0]
        if len(scored) > 1 and best - scored[1][0] < FUZZY_MARGIN:
            found = pool[best_key] | pool[scored[1][1]]
            return found, 0.0 if len(found) > 1 else best
        return set(pool[best_key]), best  # a copy: callers may pop from it

    # -- the cascade -----------------------------------------------------------------

    def by_name(self, name: str, deps: set[str] | None, pc: str | None) -> Match:
        """Resolve a written name, narrowed by départements and/or a postcode.

        Postal mentions ("CEDEX 1", "BP 434", a repeated postcode) are taken off first;
        the answer's method then ends with ``+postal_noise``."""
        clean, noise, written_pc = postal.strip_noise(name)
        if not noise or not clean:
            return self._by_name(name, deps, pc)
        m = self._by_name(clean, deps, pc or self._postcode(written_pc or ""))
        if m.method:
            m = dataclasses.replace(m, method=m.method + "+postal_noise")
        return dataclasses.replace(m, note=_join(m.note, f"postal mention {noise!r} ignored"))

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
        trailing = re.match(r"^(.*) (les|le|la|l)$", k)
        if trailing:  # "MUREAUX LES": an article written after the name, without commas
            keys.append(trailing.group(1))
        in_pc = self.by_postcode.get(pc, set()) if pc else set()
        if in_pc:
            for kk in keys:
                hits = {i for i in in_pc if self._names_match(i, kk)}
                if len(hits) == 1:
                    return Match(MATCHED, hits.pop(), method="postcode+name", score=1.0)
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

    def _loose_in_departements(self, k: str, deps: set[str], in_pc: set[str]) -> Match:
        """The looser rules of ``_within`` in départements; their answer must not
        contradict a known postcode."""
        pool = set().union(*(self.communes_in_dep.get(d, ()) for d in deps))
        overseas = all(d.startswith("97") for d in deps)
        if len(deps) == 1:
            pool_keys = self.keys_in_dep.get(next(iter(deps)), {})
        else:  # Corsica as "20", or a postcode's départements
            pool_keys = {}
            for d in deps:
                for kk, ins in self.keys_in_dep.get(d, {}).items():
                    pool_keys.setdefault(kk, set()).update(ins)
        m = self._within(k, pool, "departement", contains=overseas,
                         pool_keys=pool_keys)
        if m is None:
            return Match(UNMATCHED, note="no commune of that name in the département"
                         + (" or postcode" if in_pc else ""))
        if in_pc and m.status == MATCHED and m.insee not in in_pc:
            # The postcode names other communes, none of which fits: a loose match
            # elsewhere in the département is not guessed.
            return self._ambiguous(
                {m.insee}, f"{m.method} gives {self.label(m.insee)}, whose postcodes do "
                           f"not include the one given")
        return m

    def _within(self, k: str, pool: set[str], level: str, contains: bool = False,
                pool_keys: dict[str, set[str]] | None = None) -> Match | None:
        """The looser rules, among the communes of a postcode or département (``level``),
        in this order: a La Poste locality ("PUYRICARD" → Aix-en-Provence), the head of a
        commune's name ("OISSEL" → Oissel-sur-Seine, renamed), a word sequence of it
        ("VOLVESTRE" → Rieux-Volvestre), with ``contains`` the whole name of a commune
        inside the written one ("TONATE-MACOURIA" → Macouria), then one typo.

        The first rule that fits decides; fitting two communes, it is ambiguous. A typo
        pointing at another commune than the rule that fits makes it ambiguous too.
        None when nothing fits."""
        if not k or len(k) > LONGEST_NAME:
            return None  # no commune's name is this long: nothing looser to try
        fuzzy, ratio = self._fuzzy(k, pool_keys if pool_keys is not None
                                   else self._pool_keys(pool),
                                   FUZZY_CUTOFF_POSTCODE if level == "postcode"
                                   else FUZZY_CUTOFF)
        rules = (("locality", 0.9, lambda: self.locality_by_key.get(k, set()) & pool),
                 ("name_head", 0.85, lambda: self._heads(k, pool)),
                 ("name_part", 0.8, lambda: self._parts(k, pool)))
        for rule, score, find in rules:
            if rule != "locality" and (k in _CONNECTORS or len(k) < 3):
                break
            found = find()
            if not found:
                continue
            method = f"{level}+{rule}"
            if fuzzy and not fuzzy <= found:
                return self._ambiguous(found | fuzzy, f"{method} and a one-typo spelling "
                                                      f"name different communes")
            if len(found) > 1:
                return self._ambiguous(found, f"{method}: the name fits several communes")
            return Match(MATCHED, found.pop(), method=method, score=score)
        if len(fuzzy) == 1 and ratio:
            return Match(MATCHED, fuzzy.pop(), method=f"fuzzy+{level}",
                         score=round(0.9 * ratio, 3))
        if len(fuzzy) > 1:
            return self._ambiguous(fuzzy, "several close spellings")
        if level == "postcode" and k not in _CONNECTORS:
            # "CHAMPDENIERS-SAINT-DENIS" for Champdeniers: a commune nouvelle that took
            # back one of its old names, written with the merged name.
            found = {i for i in pool if k.startswith(self.key[i] + " ")
                     and self.key[i] not in _CONNECTORS}
            if found:
                if len(found) > 1:
                    return self._ambiguous(found, "postcode+name_extends: the name starts "
                                                  "with several communes' names")
                return Match(MATCHED, found.pop(), method="postcode+name_extends",
                             score=0.8)
        if contains:
            found = self._contained(k, pool)
            if len(found) > 1:
                return self._ambiguous(found, f"{level}+name_contains: the name holds "
                                              f"several communes' names")
            if found:
                return Match(MATCHED, found.pop(), method=f"{level}+name_contains",
                             score=0.8)
        return None

    def _contained(self, k: str, pool: set[str]) -> set[str]:
        """Communes of ``pool`` whose whole name starts or ends the written one, the rest
        being a locality's name without connectors ("TONATE-MACOURIA"): a written
        "Saint-Hilair-de-Briouze" is a misspelt commune, not Briouze. A commune whose own
        name holds the same name ("Ars-Laquenexy" beside Laquenexy) makes it ambiguous:
        it is then listed too."""
        words = k.split()
        found = set()
        for i in pool:
            own = self.key[i].split()
            if len(own) >= len(words) or len(self.key[i]) < 4:
                continue
            if words[-len(own):] == own:
                rest = words[:-len(own)]
            elif words[:len(own)] == own:
                rest = words[len(own):]
            else:
                continue
            if not any(w in _CONNECTORS or len(w) < 3 for w in rest):
                found.add(i)
        if found:
            parts = {f" {self.key[i]} " for i in found}
            found |= {i for i in pool if i not in found
                      and any(p in f" {self.key[i]} " for p in parts)}
        return found

    def _pool_keys(self, pool: set[str]) -> dict[str, set[str]]:
        keys: dict[str, set[str]] = {}
        for i in pool:
            keys.setdefault(self.key[i], set()).add(i)
            for ak in self.alias_keys.get(i, ()):
                keys.setdefault(ak, set()).add(i)
        return keys

    def _heads(self, k: str, pool: set[str]) -> set[str]:
        return {i for i in self.heads.get(k, ()) if i in pool}

    def _parts(self, k: str, pool: set[str]) -> set[str]:
        return {i for i in self.parts.get(k, ()) if i in pool}

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
        digits = re.sub(r"\s", "", text)
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

    def geocode_many(self, refs: list[Reference], conn=None, tolerance: float = NEAR_METRES,
                     keep_disputed: bool = False) -> list[Match]:
        """Resolve many references; those with coordinates are checked in PostGIS.

        A point agrees with the commune its code or name gives when it lies inside it or
        within ``tolerance`` metres of it. ``keep_disputed``: answer with the commune
        most of the evidence names, listing the disagreements (see the module's doc).
        """
        out = [self.geocode(r) if not (_clean(r.lat) or _clean(r.lon)) else None
               for r in refs]
        pending = [i for i, m in enumerate(out) if m is None]
        if pending:
            if conn is None:
                raise ValueError("coordinates need a database connection")
            stated = [self.geocode(dataclasses.replace(refs[i], lat="", lon=""))
                      if _clean(refs[i].commune) or _clean(refs[i].insee) else None
                      for i in pending]
            located = self._locate(conn, [refs[i] for i in pending], stated)
            for i, said, found in zip(pending, stated, located):
                out[i] = self._with_point(said, found, tolerance, keep_disputed)
        return out

    def _with_point(self, stated: Match | None, found, tolerance: float, keep: bool
                    ) -> Match:
        problem, inside, swapped, metres = found
        if stated is not None and stated.status == MATCHED and stated.insee:
            return self._check_point(stated, found, tolerance, keep)
        if problem:
            return Match(UNMATCHED, note=problem)
        if inside is None:
            return Match(UNMATCHED, note=self._nowhere(swapped))
        if stated is None:  # coordinates alone
            return Match(MATCHED, inside, method="coordinates", score=0.95, at_point=True)
        where = f"the point is in {self.label(inside)}"
        if inside in stated.candidate_codes() and (keep or not stated.disagreements):
            # The point picks one of the candidates: homonyms told apart, or a code and a
            # point outvoting an outdated name (then listed as a disagreement).
            return Match(MATCHED, inside, method="coordinates+candidate", score=0.9,
                         note=_join(stated.note, where), disagreements=stated.disagreements,
                         at_point=True)
        return dataclasses.replace(stated, note=_join(stated.note, where))

    def _check_point(self, stated: Match, found, tolerance: float, keep: bool) -> Match:
        """A commune named by code or name, against the stated point."""
        problem, inside, swapped, metres = found
        if inside == stated.insee:
            return dataclasses.replace(stated, method=stated.method + "+coordinates",
                                       score=1.0, at_point=True)
        if problem:
            kind, note = POINT_UNUSABLE, problem
        elif metres is None:  # the commune has no outline to check the point against
            kind, note = POINT_UNCHECKED, f"{self.label(stated.insee)} has no outline"
        elif metres <= tolerance:
            where = f"the point is in {self.label(inside)}" if inside else \
                "the point is in no commune"
            return dataclasses.replace(
                stated, method=stated.method + "+coordinates", at_point=True,
                note=_join(stated.note, f"{where}, {metres:,.0f} m from the stated commune"))
        elif inside is None:
            kind, note = POINT_NOWHERE, f"{self._nowhere(swapped)}, {metres / 1000:,.1f} " \
                                        f"km from {self.label(stated.insee)}"
        else:
            kind, note = POINT_FAR, f"the point is in {self.label(inside)}, " \
                                    f"{metres / 1000:,.1f} km from {self.label(stated.insee)}"
        if keep and kind == POINT_UNCHECKED:
            # Nothing contradicts the point, and a commune without outline has no other
            # place to put the record.
            return dataclasses.replace(stated, note=_join(stated.note, note),
                                       method=stated.method + "+unchecked_coordinates",
                                       disagreements=stated.disagreements + (kind,),
                                       at_point=True)
        if keep:  # the code and name outweigh the point, which is not used
            return dataclasses.replace(stated, note=_join(stated.note, note),
                                       disagreements=stated.disagreements + (kind,))
        if kind == POINT_FAR:
            return self._ambiguous({stated.insee, inside}, note)
        return Match(UNMATCHED, candidates=(self.label(stated.insee),), note=note)

    def _nowhere(self, swapped: str | None) -> str:
        if swapped:
            return f"lat and lon look swapped (swapped, the point is in {self.label(swapped)})"
        return "the point is in no commune we know"

    def _locate(self, conn, refs: list[Reference], stated: list[Match | None]):
        """Per reference: (problem, insee containing the point, insee containing it with
        lat/lon swapped when it is in none, metres from the point to the stated commune
        when it is not inside it; None when that commune has no outline)."""
        lons, lats, problems = [], [], []
        for r in refs:
            try:
                lat, lon = float(_clean(r.lat).replace(",", ".")), \
                    float(_clean(r.lon).replace(",", "."))
                problem = None if -90 <= lat <= 90 and -180 <= lon <= 180 \
                    else "coordinates outside the world"
            except ValueError:
                problem = f"coordinates are not numbers: {r.lat!r}, {r.lon!r}"
            if problem:  # a NULL point: PostGIS would refuse it as a geography
                lat = lon = None
            problems.append(problem)
            lats.append(lat)
            lons.append(lon)
        codes = [m.insee if m is not None and m.status == MATCHED else None for m in stated]
        # Only the commune index is searched per point; the distance (in metres, on the
        # spheroid) is computed for the few points outside their stated commune.
        rows = conn.execute(sa.text("""
            WITH p AS (
                SELECT i, lon, lat, stated, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS pt
                FROM unnest(CAST(:lons AS float8[]), CAST(:lats AS float8[]),
                            CAST(:codes AS text[])) WITH ORDINALITY AS u(lon, lat, stated, i)),
            q AS (
                SELECT p.*, (SELECT insee FROM commune c WHERE ST_Intersects(c.geom, p.pt)
                             LIMIT 1) AS inside
                FROM p)
            SELECT i, inside,
                   CASE WHEN inside IS NULL THEN
                       (SELECT insee FROM commune c WHERE ST_Intersects(
                            c.geom, ST_SetSRID(ST_MakePoint(lat, lon), 4326)) LIMIT 1) END,
                   CASE WHEN stated IS NOT NULL AND stated IS DISTINCT FROM inside THEN
                       (SELECT ST_Distance(c.geom::geography, pt::geography)
                        FROM commune c WHERE c.insee = stated) END
            FROM q ORDER BY i"""), {"lons": lons, "lats": lats, "codes": codes}).all()
        return [(problem, r[1], r[2], r[3]) for problem, r in zip(problems, rows)]


def _join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _disputed(m: Match, kind: str) -> Match:
    """Mark an ambiguous answer as a contradiction between the reference's fields."""
    return dataclasses.replace(m, disagreements=(kind,)) if m.status == AMBIGUOUS else m


def _deletions(k: str) -> set[str]:
    return {k} | {k[:i] + k[i + 1:] for i in range(len(k))}


def _epci_key(name: str) -> str:
    folded = names.fold(name)
    m = _EPCI_PREFIX.match(folded)
    if m:
        kind = _EPCI_WORDS[m.group(1)]
        return f"{kind} {folded[m.end():]}"
    return folded
