"""The label's editions: which years had one. One rule for every reader of a year: the
label loader, the press reader, ``load press --edition`` and the console's press import.

The first label was awarded in 1999; a year's label may be announced late in the year
before, so next year is an edition too; there was none in 2010 (the 11th was held in
December 2009, the 12th in January 2011). No Flask, no loader: the core's.
"""

from __future__ import annotations

import datetime as dt

from atlas.errors import InputError

FIRST = 1999  # the first Villes Internet label
NONE = 2010  # the year without a ceremony


def last() -> int:
    """The latest year a label may be for: next year (the label is announced early)."""
    return dt.date.today().year + 1


def in_range(year: int) -> bool:
    """Is ``year`` within the label's years (``FIRST`` to ``last()``)? A loaded award's
    year must be (its file may still say 2010: that is for staff to correct)."""
    return FIRST <= year <= last()


def check(year: int) -> int:
    """An edition staff give (the console's press import): within the label's years and
    not 2010; InputError, in French, otherwise."""
    if not in_range(year):
        raise InputError(f"Édition : {year} n'est pas une édition du label "
                         f"({FIRST} à {last()})")
    if year == NONE:
        raise InputError(f"Édition : il n'y a pas eu d'édition en {NONE} (la 11e a eu lieu "
                         "en décembre 2009, la 12e en janvier 2011)")
    return year


def field(value: str | None) -> int | None:
    """The console's optional « édition » field: None when empty, else ``check``ed."""
    value = (value or "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise InputError("Édition : une année sur quatre chiffres est attendue (par "
                         "exemple 2014), ou rien")
    return check(int(value))
