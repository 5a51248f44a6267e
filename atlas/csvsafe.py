"""CSV cells a spreadsheet will not run: every CSV the atlas writes goes through here.

A spreadsheet opening a CSV treats a cell beginning with ``=``, ``+``, ``-`` or ``@``
(and, in some, a tab or carriage return before them) as a formula: a record titled
``=HYPERLINK("http://...", "cliquez")`` would become a live link in the staff's
spreadsheet. Such text cells get a leading apostrophe, which spreadsheets show as text
(OWASP's advice). Numbers are never touched: ``-61.5`` (a longitude in the Antilles),
``-61,5`` (decimal comma) and ``+33`` stay numbers.

``cell`` and ``DictWriter`` are for files Python writes (loaders' rejects and
disagreements, ``geocode -o``); ``sql`` is the same rule as SQL for files PostgreSQL
writes (``COPY``: the CSV export).
"""

from __future__ import annotations

import csv
import re
from typing import Any

import sqlalchemy as sa

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# A plain number, decimal point or comma, optional exponent: what a spreadsheet reads as
# a number, never as a formula.
NUMBER = r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?"
_NUMBER = re.compile(NUMBER)


def cell(value: Any) -> Any:
    """``value`` safe for a spreadsheet: text starting like a formula gets a leading
    ``'``; numbers and anything not text are returned unchanged."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class DictWriter(csv.DictWriter):
    """``csv.DictWriter`` whose header and cells go through ``cell``."""

    def writeheader(self):
        return self.writer.writerow([cell(name) for name in self.fieldnames])

    def writerow(self, rowdict):
        return super().writerow({k: cell(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts):
        for row in rowdicts:
            self.writerow(row)


def sql(text: sa.ColumnElement) -> sa.ColumnElement:
    """The SQL expression of ``cell`` for a text column (PostgreSQL regular
    expressions)."""
    text = sa.cast(text, sa.Text)
    return sa.case(
        (sa.and_(text.op("~")("^[=+\\-@\t\r]"), text.op("!~")(f"^{NUMBER}$")),
         sa.func.concat("'", text)),
        else_=text)
