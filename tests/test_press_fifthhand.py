"""The fifth held-out battery (``tests/press_fifthhand.py``): texts written by a fourth
hand, before reading the rules or the four other batteries, scored as those are, one test
a text.

A text the reader is not expected to read (``why``) is a strict xfail with its reason: it
fails the suite the day the reader reads it. Whatever is missed, nothing may be invented."""

from __future__ import annotations

import json
import re

import pytest

from atlas import names
from atlas.config import Config
from loaders import press
from tests.press_forms import _communes, score
from tests.press_fifthhand import TEXTS, Text


def _param(t: Text):
    marks = [pytest.mark.xfail(reason=t.why, strict=True)] if t.why else []
    return pytest.param(t, id=t.id, marks=marks)


@pytest.mark.parametrize("text", [_param(t) for t in TEXTS])
def test_text_gives_exactly_its_awards(text: Text):
    s = score(text, press.extract(text.body, {}).awards)
    assert (s.invented, s.missed) == ([], [])


def test_battery_invents_nothing():
    invented = {t.id: s.invented for t in TEXTS
                if (s := score(t, press.extract(t.body, {}).awards)).invented}
    assert invented == {}


def test_battery_size_and_texts_awarding_nothing():
    assert len(TEXTS) >= 25 and len({t.id for t in TEXTS}) == len(TEXTS)
    assert sum(not t.awards for t in TEXTS) >= 5


# How the texts name an EPCI before its own name: the type is dropped to find it in the
# COG's list, whose names carry their own ("CC du Crestois ...", "CU du Grand Poitiers").
_EPCI_TYPE = re.compile(r"^(communauté (de communes|d'agglomération|urbaine)|cc|ca|cu)\b",
                        re.IGNORECASE)


def test_battery_names_are_real_and_homonyms_carry_their_departement():
    """A misspelt name would test nothing the geocoder will meet; an EPCI is checked
    against the COG's EPCI names, a commune against its communes."""
    cog = Config.from_env().require_geodata() / "cog"
    epci = [names.key(e["nom"]) for e in
            json.loads((cog / "epci.json").read_text(encoding="utf-8"))]
    communes = _communes()
    for text in TEXTS:
        for name, *_, dep in (a if len(a) > 3 else (*a, "") for a in text.awards):
            if _EPCI_TYPE.match(name) or "Métropole" in name or name.startswith("Grand "):
                tail = names.key(_EPCI_TYPE.sub("", name))
                assert any(tail in e for e in epci), (text.id, name)
                continue
            found = communes.get(names.key(name), set())
            if not found:  # "Le Sicoval": an EPCI named without its kind
                assert any(names.key(name) in e for e in epci), (text.id, name)
                continue
            assert len(found) == 1 or dep in found, (text.id, name, found)
