"""The official commune list (INSEE COG, as packaged by ``@etalab/decoupage-administratif``).

Reads ``cog/regions.json``, ``departements.json``, ``communes.json`` and ``epci.json`` into
plain rows, and builds the alias table that brings any former code (merged commune,
commune déléguée or associée, arrondissement municipal) to its current commune.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import msgspec

from atlas.errors import InputError
from atlas.names import fold

FILES = ("regions.json", "departements.json", "communes.json", "epci.json")
KIND_PRIORITY = {"ancien": 3, "deleguee": 2, "associee": 1, "arrondissement": 0}
ALIAS_KIND = {"commune-deleguee": "deleguee", "commune-associee": "associee",
              "arrondissement-municipal": "arrondissement"}


@dataclasses.dataclass
class Cog:
    regions: list[dict]
    departements: list[dict]
    communes: list[dict]  # current communes only
    aliases: list[dict]  # code, kind, name, name_folded, commune_insee
    epcis: list[dict]
    epci_members: list[tuple[str, str]]  # (siren, insee)
    members_unknown: list[tuple[str, str]]  # (siren, code) naming no current commune

    def successor(self) -> dict[str, str]:
        """Any code (current or former) → the current commune's code.

        A current code is its own successor. Otherwise ``anciensCodes`` (the COG's record
        of what a commune absorbed) wins over a déléguée/associée's ``chefLieu``: the COG
        2026 lists 60455 La Neuville-Garnier both as a former code of 60054 and as a
        déléguée of 60694, and the 2018 outlines agree with the former.
        """
        out = {}
        for a in sorted(self.aliases, key=lambda a: KIND_PRIORITY[a["kind"]]):
            out[a["code"]] = a["commune_insee"]
        out.update((c["insee"], c["insee"]) for c in self.communes)
        return out

    def conflicts(self) -> list[tuple[str, list[str]]]:
        """Former codes that the COG gives several successors: (code, successors)."""
        by_code: dict[str, set[str]] = {}
        current = {c["insee"] for c in self.communes}
        for a in self.aliases:
            if a["code"] not in current:
                by_code.setdefault(a["code"], set()).add(a["commune_insee"])
        return sorted((code, sorted(s)) for code, s in by_code.items() if len(s) > 1)

    def names(self) -> dict[str, str]:
        return {c["insee"]: c["name"] for c in self.communes}


def _read(folder: Path, name: str) -> list[dict]:
    path = folder / name
    try:
        # msgspec: the same objects as the json module, in a third of its time (the
        # communes file is 37,000 records).
        data = msgspec.json.decode(path.read_bytes())
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (the COG folder needs {', '.join(FILES)})") \
            from None
    except msgspec.DecodeError as e:
        raise InputError(f"{path}: not a JSON file ({e})") from None
    if not isinstance(data, list) or not all(isinstance(x, dict) and "code" in x for x in data):
        raise InputError(f"{path}: expected a JSON array of objects with a 'code'")
    return data


def read(folder: Path) -> Cog:
    """Read the four COG files of ``folder``; raise InputError on a missing or bad file."""
    regions = [dict(code=r["code"], name=r["nom"], type_liaison=r.get("typeLiaison"),
                    chef_lieu=r.get("chefLieu"), zone=r.get("zone", "metro"))
               for r in _read(folder, "regions.json")]
    departements = [dict(code=d["code"], name=d["nom"], region_code=d["region"],
                         type_liaison=d.get("typeLiaison"), chef_lieu=d.get("chefLieu"),
                         zone=d.get("zone", "metro"))
                    for d in _read(folder, "departements.json")]
    raw = _read(folder, "communes.json")
    communes, aliases = [], {}
    for c in raw:
        if c.get("type") != "commune-actuelle":
            continue
        communes.append(dict(
            insee=c["code"], name=c["nom"], name_folded=fold(c["nom"]),
            type_liaison=c.get("typeLiaison"), departement_code=c["departement"],
            region_code=c["region"], zone=c.get("zone", "metro"), siren=c.get("siren"),
            population=c.get("population"), postcodes=sorted(c.get("codesPostaux", [])),
            former_codes=sorted(c.get("anciensCodes", []))))
        for old in c.get("anciensCodes", []):
            aliases[(old, "ancien")] = dict(code=old, kind="ancien", name=None,
                                            name_folded=None, commune_insee=c["code"])
    current = {c["insee"] for c in communes}
    for c in raw:
        kind = ALIAS_KIND.get(c.get("type"))
        parent = c.get("chefLieu") or c.get("commune")
        if kind and parent in current:
            aliases[(c["code"], kind)] = dict(code=c["code"], kind=kind, name=c["nom"],
                                              name_folded=fold(c["nom"]), commune_insee=parent)
    # A former code's name is the déléguée/associée that carries it, when there is one.
    named = {a["code"]: a["name"] for a in aliases.values() if a["name"]}
    for a in aliases.values():
        if a["kind"] == "ancien" and a["code"] in named:
            a["name"] = named[a["code"]]
            a["name_folded"] = fold(a["name"])

    epcis, members, unknown = [], [], []
    for e in _read(folder, "epci.json"):
        epcis.append(dict(siren=e["code"], name=e["nom"], name_folded=fold(e["nom"]),
                          type=e.get("type", ""), population=e.get("populationMunicipale")))
        for m in e.get("membres", []):
            (members if m["code"] in current else unknown).append((e["code"], m["code"]))
    return Cog(regions, departements, communes, list(aliases.values()), epcis,
               sorted(set(members)), unknown)
