"""What the held-out press batteries share (``tests/press_heldout.py``,
``press_thirdhand.py`` ... ``press_eighthhand.py``: the ``BATTERIES`` of
``tests/test_press_batteries.py``): their text record,
their scoring run and the summary ``python -m tests.press_<battery>`` prints. Each battery
module holds its texts, written by its own hand (the third hand's record also names each
text's form); they are scored as the forms battery scores its cases
(``tests.press_forms.score``) and tested by ``tests/test_press_batteries.py``."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Text:
    id: str
    body: str
    # (collectivité as printed, edition, level), with the département's code fourth
    # when the text gives it (as ``tests.press_forms.score`` reads them)
    awards: tuple = ()
    why: str = ""  # when set: a case the reader is known not to read, and why


def run(texts) -> dict:
    """Every text through ``loaders.press.extract``, scored as the forms battery scores
    its cases (same collectivité key, edition, level, and département where given)."""
    from loaders import press
    from tests.press_forms import score
    return {t.id: score(t, press.extract(t.body, {}).awards) for t in texts}


def report(texts) -> None:
    """Print the battery's total, then each text's inventions and misses."""
    scores = run(texts)
    stated = sum(len(t.awards) for t in texts)
    right = sum(len(s.right) for s in scores.values())
    invented = sum(len(s.invented) for s in scores.values())
    print(f"{len(texts)} texts ({sum(not t.awards for t in texts)} awarding nothing): "
          f"{right}/{stated} right, {invented} invented")
    for t in texts:
        s = scores[t.id]
        if s.invented or s.missed:
            print(f"{t.id}: invented {s.invented} missed {s.missed}")
