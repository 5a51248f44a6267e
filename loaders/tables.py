"""Reading tables people make: CSV from spreadsheets (UTF-8 or Windows Latin-1, comma,
semicolon or tab), with column renaming. Every row is kept, in order."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from atlas.errors import InputError


def read_csv(path: Path, rename: dict[str, str] | None = None) -> tuple[list[str], list[dict],
                                                                         str]:
    """(columns, rows, encoding). ``rename`` maps our column name → the file's column."""
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from None
    if not raw.strip():
        raise InputError(f"{path}: the file is empty")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(f"{path}: neither UTF-8 nor Windows Latin-1 text")
    # The header tells the delimiter: French spreadsheets export with ";".
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = list(reader.fieldnames or [])
    if not columns:
        raise InputError(f"{path}: no header row")
    rows = list(reader)
    for ours, theirs in (rename or {}).items():
        if theirs not in columns:
            raise InputError(f"{path}: --map {ours}={theirs}: no column {theirs!r} "
                             f"(columns: {', '.join(columns)})")
        for row in rows:
            row[ours] = row.get(theirs)
    return columns, rows, "UTF-8" if encoding == "utf-8-sig" else "Windows Latin-1"
