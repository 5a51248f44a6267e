"""A small table as a CSV file for a French spreadsheet, written from Python (the
figures of ``/chiffres``; the layers' CSV is written by PostgreSQL, see ``formats``).

Same conventions as the layers' CSV: UTF-8 with a byte-order mark, ``;`` between
fields, a decimal comma. Text that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return: a région or source name is data,
and data can be hostile) is prefixed with an apostrophe by ``atlas.csvsafe``, the rule
every CSV of the atlas follows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from atlas import csvsafe

CSV_SEPARATOR = ";"  # what a French spreadsheet expects (its decimal separator is ",")


def cell(value) -> str:
    """One value as the spreadsheet should read it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, int):
        return str(value)
    return csvsafe.cell(str(value))


def table(headings: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """The CSV file (BOM, header line, ``;``, CRLF line ends as RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    writer.writerow([cell(h) for h in headings])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
