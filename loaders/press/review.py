"""What ``load press`` does beyond reading texts: the file size limit, awards that two
files of one run state differently, and the review file staff correct in a spreadsheet.

The review file is in the format ``load labels`` reads (commune, departement, year,
level, mentions, and ``insee``: the geocoded code, a SIREN for an EPCI), plus
``evidence`` (the sentence), ``file``, ``line``, ``status`` ("would load", "loaded",
or "rejected: <reason>") and ``edition_from`` ("text": the year the text states;
"given": the edition staff gave with ``--edition``, for a text stating none); UTF-8
with BOM and ";" as the exports, so a French spreadsheet opens it as it is. Text cells
starting with = + - @ are prefixed with an apostrophe, so a spreadsheet never runs them
as formulas.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from atlas import csvsafe
from atlas.errors import InputError
from loaders.records import Rejected, reference_of

MAX_BYTES = 2_000_000  # a press text; a bigger file is not a press release
REVIEW_COLUMNS = ["commune", "departement", "year", "level", "mentions", "insee", "status",
                  "edition_from", "evidence", "file", "line"]
DISAGREE = "files disagree"


def check_size(path: Path) -> None:
    """One clear error before reading a file too big to be a press text."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size:,} bytes; a press text is at most {MAX_BYTES:,} "
                         f"bytes (split it, or load a table with `load labels`)")


def disagreements(batches: list[tuple[str, list[dict]]], geocoder) -> dict[int, Rejected]:
    """Award rows of different files that give one collectivité two levels for one
    edition: {id(row): the reason}, for every such row (none of them is loaded)."""
    groups: dict[tuple[str, int], list[tuple[str, dict]]] = defaultdict(list)
    for file, rows in batches:
        for row in rows:
            match = geocoder.geocode(reference_of(row))
            code = match.insee or match.epci_siren
            if code and str(row.get("year", "")).isdigit():
                groups[(code, int(row["year"]))].append((file, row))
    out = {}
    for (code, year), found in groups.items():
        levels = {str(row["level"]) for _, row in found}
        files = {file for file, _ in found}
        if len(levels) > 1 and len(files) > 1:
            said = ", ".join(sorted(f"{file} says {row['level']}" for file, row in found))
            why = Rejected(f"{DISAGREE} on {code} in {year}: {said}", kind=DISAGREE)
            out.update({id(row): why for _, row in found})
    return out


def _cell(value) -> str:
    return csvsafe.cell("" if value is None else str(value))


def write_review(path: Path, files: list[tuple[str, list[dict]]], outcome, loaded: bool
                 ) -> int:
    """Write every extracted award with its geocoded code and status; ``outcome``:
    {id(row): (record or None, Rejected or None)}. Returns the number of rows."""
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(REVIEW_COLUMNS)
        for file, rows in files:
            for row in rows:
                record, why = outcome.get(id(row), (None, None))
                code = (record or {}).get("commune_insee") or (record or {}).get("epci_siren")
                status = f"rejected: {why}" if why else "loaded" if loaded else "would load"
                writer.writerow([_cell(row.get("commune")), _cell(row.get("departement")),
                                 row.get("year"), row.get("level"),
                                 _cell(row.get("mentions", "")), code or "", _cell(status),
                                 _cell(row.get("edition_from", "")),
                                 _cell(row.get("evidence")), _cell(file), row.get("line")])
                n += 1
    return n
