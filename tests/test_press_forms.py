"""The battery of round-up forms (``tests/press_forms.py``), written by us before reading
the round-up rules: every case's awards exactly, nothing invented, and the battery's names
real ones of the COG (a misspelt name would test nothing about the geocoder's input).

A case the reader is not expected to read (``out_of_scope``) is a strict xfail with its
reason: it fails the suite the day the reader reads it, so the reason gets reviewed."""

from __future__ import annotations

import json

import pytest

from atlas import names
from atlas.config import Config
from loaders import press
from tests.press_forms import CASES, FORMS, Case, score

_EPCI_WORDS = ("communauté", "CA ", "CC ", "CU ", "Métropole", "Agglomération")


def _param(c: Case):
    marks = [pytest.mark.xfail(reason=c.out_of_scope, strict=True)] if c.out_of_scope else []
    return pytest.param(c, id=c.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case_gives_exactly_its_awards(case: Case):
    s = score(case, press.extract(case.text, {}).awards)
    assert (s.invented, s.missed) == ([], [])


def test_battery_invents_nothing_even_out_of_scope():
    """A case out of scope may miss awards, never invent one."""
    invented = {c.id: s.invented for c in CASES
                if (s := score(c, press.extract(c.text, {}).awards)).invented}
    assert invented == {}


def test_battery_covers_every_form_several_times():
    assert len(CASES) >= 80
    assert len({c.id for c in CASES}) == len(CASES)
    for form in FORMS:
        assert sum(c.form == form for c in CASES) >= 4, form


def test_battery_names_are_real_and_homonyms_carry_their_departement():
    cog = Config.from_env().require_geodata() / "cog"
    communes = json.loads((cog / "communes.json").read_text(encoding="utf-8"))
    deps: dict[str, set[str]] = {}
    for c in communes:
        if c.get("type") == "commune-actuelle":
            deps.setdefault(names.key(c["nom"]), set()).add(c["departement"])
    epci = {names.key(e["nom"]) for e in
            json.loads((cog / "epci.json").read_text(encoding="utf-8"))}
    for case in CASES:
        for award in case.awards:
            name = award[0]
            if any(w in name for w in _EPCI_WORDS):
                # printed in full ("communauté urbaine Caen la Mer"): its words are the COG's
                tail = names.key(name.split(" ", 3)[-1] if name.startswith("communauté")
                                 else name)
                assert any(tail in e for e in epci), (case.id, name)
                continue
            found = deps.get(names.key(name), set())
            assert found, (case.id, name)
            if len(found) > 1:
                assert len(award) > 3 and award[3] in found, (case.id, name, found)
