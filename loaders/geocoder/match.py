"""What the geocoder answers (``Match``) for what it is asked (``Reference``), and the
small helpers its parts share."""

from __future__ import annotations

import dataclasses
import functools

from atlas import names

MATCHED, AMBIGUOUS, UNMATCHED = "matched", "ambiguous", "unmatched"
# What Match.disagreements lists: fixed texts, so that load reports count them.
POINT_FAR = "point outside its commune"
POINT_NOWHERE = "point in no commune"
POINT_UNUSABLE = "coordinates unusable"
POINT_UNCHECKED = "point not checked (commune without outline)"
POSTCODE_ELSEWHERE = "postcode of another département"
CODE_VS_NAME = "INSEE code and name disagree"
CODE_VS_DEPARTEMENT = "INSEE code and département disagree"
# Names repeat across a file: their keys are computed once (the benchmark clears it).
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


_PLACEHOLDERS = ("nan", "none", "null", "n/c", "-")


def _clean(value) -> str:
    if not value:  # None, "" (most absent fields)
        return ""
    text = str(value).strip()
    # Only a short text can be a placeholder: the others need no lower-casing.
    return "" if len(text) <= 4 and text.lower() in _PLACEHOLDERS else text


def _join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _disputed(m: Match, kind: str) -> Match:
    """Mark an ambiguous answer as a contradiction between the reference's fields."""
    return dataclasses.replace(m, disagreements=(kind,)) if m.status == AMBIGUOUS else m
