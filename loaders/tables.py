"""Reading tables people make: CSV from spreadsheets (UTF-8 or Windows Latin-1, comma,
semicolon or tab), JSON, GeoJSON and XLSX, with column renaming. Every row is kept, in
order; values are text."""

from __future__ import annotations

import csv
import io
import json
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
    _rename(path, columns, rows, rename)
    return columns, rows, "UTF-8" if encoding == "utf-8-sig" else "Windows Latin-1"


def _rename(path: Path, columns: list[str], rows: list[dict],
            rename: dict[str, str] | None) -> None:
    """Copy the file's column OLD into our column NEW for every ``--map NEW=OLD``."""
    for ours, theirs in (rename or {}).items():
        if theirs not in columns:
            raise InputError(f"{path}: --map {ours}={theirs}: no column {theirs!r} "
                             f"(columns: {', '.join(columns)})")
        for row in rows:
            row[ours] = row.get(theirs)


def read_table(path: Path, rename: dict[str, str] | None = None
               ) -> tuple[list[str], list[dict], str]:
    """(columns, rows, how it was read) from CSV, JSON, GeoJSON or XLSX.

    Values come back as text (None for empty cells), so every format meets the same
    parsing; a GeoJSON point becomes ``lat``/``lon`` columns. InputError if unusable.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(b"PK"):
        columns, rows, how = _read_xlsx(path)
    elif suffix in (".json", ".geojson") or head.lstrip()[:1] in (b"[", b"{"):
        columns, rows, how = _read_json(path)
    else:
        return read_csv(path, rename)
    _rename(path, columns, rows, rename)
    return columns, rows, how


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    text = str(value).strip()
    return text or None


def _read_json(path: Path) -> tuple[list[str], list[dict], str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: JSON must be UTF-8") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: not valid JSON ({e.msg}, line {e.lineno})") from None
    how = "JSON"
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        how, records = "GeoJSON", []
        for feature in data.get("features") or []:
            props = dict(feature.get("properties") or {})
            geometry = feature.get("geometry") or {}
            if geometry.get("type") == "Point":
                lon, lat = (geometry.get("coordinates") or [None, None])[:2]
                props.setdefault("lon", lon)
                props.setdefault("lat", lat)
            records.append(props)
    elif isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) != 1:
            raise InputError(f"{path}: expected a list of records (or an object holding one)")
        records = lists[0]
    else:
        records = data
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InputError(f"{path}: expected a list of objects")
    if not records:
        raise InputError(f"{path}: the file holds no record")
    columns: list[str] = []
    for r in records:
        columns += [k for k in r if k not in columns]
    return columns, [{k: _text(r.get(k)) for k in columns} for r in records], how


def _read_xlsx(path: Path) -> tuple[list[str], list[dict], str]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many types for a bad file
        raise InputError(f"{path}: not a readable XLSX file ({e})") from None
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if not header or not any(header):
        raise InputError(f"{path}: the first sheet has no header row")
    columns = [str(h).strip() if h is not None else f"column {i + 1}"
               for i, h in enumerate(header)]
    out = [dict(zip(columns, map(_text, r))) for r in rows if any(v is not None for v in r)]
    if not out:
        raise InputError(f"{path}: the first sheet holds no row")
    return columns, out, f"XLSX (sheet {sheet.title!r})"
