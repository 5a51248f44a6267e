"""The held-out press batteries (``tests/press_heldout.py``, ``press_thirdhand.py``,
``press_fourthhand.py`` ... ``press_eighthhand.py``): texts each written by another hand,
before reading the rules or the batteries before it, scored as the forms battery scores
its cases, one test a text.

A text the reader is not expected to read (``why``) is a strict xfail with its reason: it
fails the suite the day the reader reads it. Whatever is missed, nothing may be invented,
and every name is a real one of the COG (a misspelt name would test nothing the geocoder
will meet)."""

from __future__ import annotations

import importlib
import json
import re

import pytest

from atlas import names
from atlas.config import Config
from loaders import press
from tests.press_forms import _communes, score

# Battery module → (at least so many texts, of which at least so many award nothing,
# whether an EPCI may be printed without its kind: "Le Sicoval", "Grand Poitiers").
BATTERIES = {"press_heldout": (50, 5, False), "press_thirdhand": (45, 8, True),
             "press_fourthhand": (35, 6, True), "press_fifthhand": (25, 5, True),
             "press_sixthhand": (30, 6, True), "press_seventhhand": (30, 6, True),
             "press_eighthhand": (30, 6, True),
             "press_ninthhand": (30, 12, True), "press_tenthhand": (32, 8, True),
             "press_eleventhhand": (32, 8, True),
             "press_twelfthhand": (32, 8, True), "press_thirteenthhand": (32, 8, True),
             "press_fourteenthhand": (32, 8, True), "press_fifteenthhand": (32, 8, True),
             "press_sixteenthhand": (32, 8, True), "press_seventeenthhand": (32, 8, True),
             "press_eighteenthhand": (32, 8, True), "press_nineteenthhand": (32, 8, True)}
TEXTS = {b: importlib.import_module(f"tests.{b}").TEXTS for b in BATTERIES}


def _params():
    for battery, texts in TEXTS.items():
        for t in texts:
            marks = [pytest.mark.xfail(reason=t.why, strict=True)] if t.why else []
            yield pytest.param(t, id=f"{battery.removeprefix('press_')}-{t.id}", marks=marks)


@pytest.mark.parametrize("text", list(_params()))
def test_text_gives_exactly_its_awards(text):
    s = score(text, press.extract(text.body, {}).awards)
    assert (s.invented, s.missed) == ([], [])


@pytest.mark.parametrize("battery", BATTERIES)
def test_battery_invents_nothing(battery):
    invented = {t.id: s.invented for t in TEXTS[battery]
                if (s := score(t, press.extract(t.body, {}).awards)).invented}
    assert invented == {}


@pytest.mark.parametrize("battery", BATTERIES)
def test_battery_size_and_texts_awarding_nothing(battery):
    texts, (size, nothing, _) = TEXTS[battery], BATTERIES[battery]
    assert len(texts) >= size and len({t.id for t in texts}) == len(texts)
    assert sum(not t.awards for t in texts) >= nothing


# How the texts name an EPCI before its own name: the type is dropped to find it in the
# COG's list, whose names carry their own ("CC du Crestois ...", "CU du Grand Poitiers").
_EPCI_TYPE = re.compile(r"^(communauté (de communes|d'agglomération|urbaine)|cc|ca|cu)\b",
                        re.IGNORECASE)


@pytest.mark.parametrize("battery", BATTERIES)
def test_battery_names_are_real_and_homonyms_carry_their_departement(battery):
    """An EPCI is checked against the COG's EPCI names, a commune against its communes;
    a homonym must carry its département."""
    kindless = BATTERIES[battery][2]
    cog = Config.from_env().require_geodata() / "cog"
    epci = [names.key(e["nom"]) for e in
            json.loads((cog / "epci.json").read_text(encoding="utf-8"))]
    communes = _communes()
    for text in TEXTS[battery]:
        for name, *_, dep in (a if len(a) > 3 else (*a, "") for a in text.awards):
            if _EPCI_TYPE.match(name) or "Métropole" in name or (
                    kindless and name.startswith("Grand ")):
                tail = names.key(_EPCI_TYPE.sub("", name))
                assert any(tail in e for e in epci), (text.id, name)
                continue
            found = communes.get(names.key(name), set())
            if not found and kindless:  # "Le Sicoval": an EPCI named without its kind
                assert any(names.key(name) in e for e in epci), (text.id, name)
                continue
            assert found, (text.id, name)
            assert len(found) == 1 or dep in found, (text.id, name, found)
