"""The looser name rules, tried among the communes of one postcode or département once
no name matches exactly: a La Poste locality, the head or a word sequence of a renamed
commune's name, a commune nouvelle's merged name, an overseas locality written with its
commune, and one typo (a symmetric-deletion index, as in SymSpell).

Each answer names its rule in ``match_method`` (``postcode+name_head``...); a rule that
fits two communes, or a typo pointing elsewhere than the rule that fits, is ambiguous.
"""

from __future__ import annotations

import difflib

from loaders.geocoder.match import MATCHED, UNMATCHED, Match

FUZZY_CUTOFF = 0.85
# Among the few communes of one postcode a short name with two letters swapped ("LE
# ORBERT" for Le Robert: 0.83) is still the only close one: a lower cutoff there.
FUZZY_CUTOFF_POSTCODE = 0.75
FUZZY_MARGIN = 0.1  # a typo closer to another name than to its own is not guessed
# Longer than any commune's name (the longest has 45 letters) with room for postal
# words: beyond it no looser rule is tried, so an 8,000-character "name" costs no more
# than a short one (the one-typo index alone would build 8,000 strings of 8,000).
LONGEST_NAME = 80
# Words that never name a commune on their own ("SUR", "SAINT"): no head or part rule.
_CONNECTORS = {"saint", "sainte", "saints", "saintes", "sur", "sous", "en", "de", "des",
               "du", "et", "les", "le", "la", "aux", "lez", "les bains", "mont", "d", "l",
               "pres", "in", "am"}


class LooseRules:
    """Mixed into ``Geocoder``: uses its indexes (``key``, ``heads``, ``parts``,
    ``locality_by_key``, ``deletions``, ``keys_in_dep``, ``communes_in_dep``) and its
    ``_ambiguous`` and ``label``."""

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

    def _loose_in_departements(self, k: str, deps: set[str], in_pc: set[str]) -> Match:
        """The looser rules of ``_within`` in départements; their answer must not
        contradict a known postcode."""
        overseas = all(d.startswith("97") for d in deps)
        if len(deps) == 1:  # the département's own sets: read, never changed, no copy
            dep = next(iter(deps))
            pool = self.communes_in_dep.get(dep, set())
            pool_keys = self.keys_in_dep.get(dep, {})
        else:  # Corsica as "20", or a postcode's départements
            pool = set().union(*(self.communes_in_dep.get(d, ()) for d in deps))
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


def _deletions(k: str) -> set[str]:
    return {k} | {k[:i] + k[i + 1:] for i in range(len(k))}
