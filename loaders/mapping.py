"""Declared sources: one TOML mapping per source under ``geodata/sources/``, read by the
initiative loader, or by the label loader for label awards (``records.kind = "label"``:
columns commune, departement, insee, year, level, mentions, url). A new source in the
same shape needs a new mapping file, no code.

A mapping says who publishes the list and under which licence (the ``source`` row and
its attribution line), where the file is (relative to ATLAS_DATASETS), what its rows are
(initiatives, or places of one type), which of its columns give the title, the id, the
year and the place (INSEE code, commune, postcode, coordinates), which domains apply,
which public fields are kept as attributes, and which columns hold people's contact
details: those are never read, and never copied into a report. ``Mapping.fields`` refuses
a load outright if any kept text still looks like an e-mail address or a telephone
number, so a mapping cannot publish one by mistake.

Validation is strict and says where: an unknown key, a missing one, a domain not in the
taxonomy, a bad pattern or date format when the mapping is read; a column the file does
not have when the file is read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import tomllib
from pathlib import Path

from atlas.config import PROJECT_ROOT
from atlas.errors import InputError
from loaders import domains as taxonomy
from atlas import names
from loaders import provenance
from loaders.geocoder import NEAR_METRES, Geocoder, Reference
from loaders.records import LoadReport, Rejected, parse_year

FOLDER = PROJECT_ROOT / "geodata" / "sources"

# Every key a mapping may hold, per table; values are (type, required).
_SCHEMA = {
    "source": {"name": (str, True), "title": (str, True), "attribution": (str, True),
               "publisher": (str, False), "edition": (str, False), "licence": (str, False),
               "licence_url": (str, False), "url": (str, False), "synthetic": (bool, False)},
    "file": {"path": (str, True), "empty": (list, False)},
    "records": {"kind": (str, True), "place_type": (str, False), "domains": (list, False),
                "tolerance_m": ((int, float), False), "keep_disagreements": (bool, False)},
    "columns": {"id": (str, False), "title": (str, False), "summary": (str, False),
                "url": (str, False), "year": (str, False), "insee": (str, False),
                "commune": (str, False), "departement": (str, False),
                "code_postal": (str, False), "lat": (str, False), "lon": (str, False),
                "level": (str, False), "mentions": (str, False)},
    "date": {"column": (str, True), "format": (str, True), "attribute": (str, False)},
    "attributes": None,  # attribute name → column, or {column, type, format}
    "personal": {"columns": (list, True)},
    "reject": None,  # a list of {column, pattern, reason}
}
_REQUIRED_TABLES = ("source", "file", "records", "columns")
KINDS = ("initiative", "place", "label")
# What each kind of record needs among [columns]; what it may not have.
_KIND_COLUMNS = {"initiative": ({"title"}, {"level", "mentions"}),
                 "place": ({"title"}, {"level", "mentions"}),
                 "label": ({"year", "level"}, {"title", "summary", "id", "lat", "lon"})}
_ATTRIBUTE_TYPES = ("text", "integer", "boolean", "date")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_TRUE = {"oui", "o", "vrai", "true", "yes", "y", "1"}
_FALSE = {"non", "n", "faux", "false", "no", "0"}
# What a person's contact details look like in French lists: an e-mail address, or a
# ten-digit number starting 0 (or +33) in pairs, however separated. Fourteen-digit SIRET
# and five-digit postcodes do not match.
# Bounded like the addresses themselves (64 characters before "@", 63 a label): an
# unbounded local part made a long run of letters without "@" quadratic to search.
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_PHONE = re.compile(r"(?<![\d\w])(?:\+33\s?|0)[1-9](?:[\s./-]{0,3}\d{2}){4}(?![\d\w])")


@dataclasses.dataclass(frozen=True)
class Attribute:
    name: str
    column: str
    type: str = "text"
    format: str | None = None  # for dates


@dataclasses.dataclass(frozen=True)
class RejectRule:
    column: str
    pattern: re.Pattern
    reason: str


@dataclasses.dataclass(frozen=True)
class Mapping:
    """A validated mapping; ``reference``, ``fields`` and ``key`` read one row of its file
    (see ``initiatives.prepare``)."""

    path: Path
    source: provenance.Source
    file: str
    empty: frozenset[str]
    kind: str
    place_type: str | None
    domains: tuple[str, ...]
    tolerance: float
    keep_disputed: bool
    columns: dict[str, str]  # our field → the file's column
    date: dict[str, str] | None
    attributes: tuple[Attribute, ...]
    personal: tuple[str, ...]
    rejects: tuple[RejectRule, ...]

    @property
    def name(self) -> str:
        return self.path.stem

    def used_columns(self) -> set[str]:
        used = set(self.columns.values()) | {a.column for a in self.attributes}
        used |= {r.column for r in self.rejects}
        if self.date:
            used.add(self.date["column"])
        return used

    def check_columns(self, file: Path, columns: list[str]) -> None:
        """InputError naming every column the mapping reads that the file lacks."""
        missing = sorted((self.used_columns() | set(self.personal)) - set(columns))
        if missing:
            raise InputError(f"{self.path.name}: {file.name} has no column "
                             f"{', '.join(map(repr, missing))} (columns: {', '.join(columns)})")

    def visible_columns(self, columns: list[str]) -> list[str]:
        """The file's columns a report may show: all but the personal ones."""
        return [c for c in columns if c and c not in self.personal]

    def _get(self, row: dict, column: str | None) -> str:
        value = row.get(column) if column else None
        text = "" if value is None else str(value).strip()
        return "" if text in self.empty else text

    def reference(self, row: dict) -> Reference:
        return Reference(**{field: self._get(row, self.columns.get(field))
                            for field in ("commune", "departement", "code_postal", "insee",
                                          "lat", "lon")})

    def key(self, row: dict) -> str:
        ident = self._get(row, self.columns.get("id"))
        if ident:
            return ident
        content = json.dumps({c: row.get(c) for c in sorted(self.used_columns())},
                             ensure_ascii=False, sort_keys=True)
        return "sha1:" + hashlib.sha1(content.encode()).hexdigest()

    def fields(self, row: dict) -> dict:
        for rule in self.rejects:
            if rule.pattern.search(self._get(row, rule.column)):
                raise Rejected(rule.reason, kind=rule.reason)
        year = parse_year(self._get(row, self.columns.get("year")))
        attributes = {}
        if self.date:
            when = _date(self._get(row, self.date["column"]), self.date["format"])
            if when:
                year = parse_year(str(when.year))
                if self.date.get("attribute"):
                    attributes[self.date["attribute"]] = when.isoformat()
        for a in self.attributes:
            value = _typed(self._get(row, a.column), a)
            if value is not None:
                attributes[a.name] = value
        out = dict(title=self._get(row, self.columns["title"]),
                   summary=self._get(row, self.columns.get("summary")) or None,
                   url=self._get(row, self.columns.get("url")) or None, year=year,
                   domains=list(self.domains), kind=self.kind, place_type=self.place_type,
                   attributes=attributes)
        self._refuse_contact_details(out)
        return out

    def _refuse_contact_details(self, fields: dict) -> None:
        texts = {"title": fields["title"], "summary": fields["summary"]}
        texts.update({f"attribute {k}": v for k, v in fields["attributes"].items()
                      if isinstance(v, str)})
        for where, text in texts.items():
            found = text and (_EMAIL.search(text) or _PHONE.search(text))
            if found:
                raise InputError(
                    f"{self.path.name}: {where} holds what looks like an e-mail address or "
                    f"a telephone number ({found.group(0)!r}, in {fields['title']!r}); list "
                    "its column under [personal] or drop it from the mapping")


def _date(text: str, fmt: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.datetime.strptime(text, fmt).date()
    except ValueError:
        raise Rejected(f"date {text!r} does not read as {fmt!r}",
                       kind="date not understood") from None


def _typed(text: str, a: Attribute):
    if not text or a.type == "text":
        return text or None
    if a.type == "date":
        return _date(text, a.format).isoformat()
    if a.type == "integer":
        digits = text[:-2] if text.endswith(".0") else text
        if re.fullmatch(r"-?\d+", digits):
            return int(digits)
        raise Rejected(f"{a.column} {text!r} is not a whole number",
                       kind=f"{a.column} not a number")
    folded = names.fold(text)
    if folded in _TRUE or folded in _FALSE:
        return folded in _TRUE
    raise Rejected(f"{a.column} {text!r} is neither yes nor no", kind=f"{a.column} not yes/no")


@dataclasses.dataclass
class Outcome:
    mapping: Mapping
    file: Path
    columns: list[str]  # the file's columns a report may show
    report: LoadReport
    rejects: list


def load(engine, mapping: Mapping, datasets: Path | None, file: Path | None = None,
         geocoder: Geocoder | None = None, reports: Path | None = None,
         keep_missing: bool = False, dry_run: bool = False) -> Outcome:
    """Read the mapping's file (``file``, else its path under ``datasets``), geocode,
    check and merge its rows through the one write path (``loaders.pipeline``): one
    transaction, the source's records the file no longer holds removed unless
    ``keep_missing``, rejects-NAME.csv and disagreements-NAME.csv written into ``reports``
    (when given) with the commit. Nothing is written when it fails."""
    from loaders import pipeline, tables
    from loaders.records import report_files

    if file is None:
        if datasets is None:
            raise InputError(f"{mapping.path.name}: no datasets folder to find "
                             f"{mapping.file} in (set ATLAS_DATASETS)")
        file = datasets / mapping.file
    columns, rows, _ = tables.read_table(file)
    mapping.check_columns(file, columns)
    visible = mapping.visible_columns(columns)
    if mapping.kind == "label":
        batch = pipeline.Batch("labels", mapping.source, _label_rows(mapping, rows),
                               keep_missing=keep_missing)
    else:
        batch = pipeline.Batch("initiatives", mapping.source, rows, reader=mapping,
                               keep_missing=keep_missing)
    with pipeline.transaction(engine, dry_run=dry_run) as w:
        pipeline.load(w, [batch], geocoder)
        if reports is not None:
            report_files(w, [batch.report], visible, batch.rejects,
                         reports / f"rejects-{mapping.name}.csv",
                         reports / f"disagreements-{mapping.name}.csv")
    return Outcome(mapping, file, visible, batch.report, batch.rejects)


def _label_rows(mapping: Mapping, rows: list[dict]) -> list[dict]:
    """Label records read through the mapping's columns, for the label loader (the
    file's own columns kept beside them for the rejects file)."""
    fields = ("commune", "departement", "code_postal", "insee", "year", "level", "mentions",
              "url")
    return [{**row, **{f: mapping._get(row, mapping.columns.get(f)) for f in fields}}
            for row in rows]


# -- reading and validating -------------------------------------------------------------

def find(name: str, folder: Path = FOLDER) -> Path:
    """The mapping file NAME (``geodata/sources/NAME.toml``) or a path to a .toml file."""
    path = Path(name)
    if path.suffix == ".toml":
        if not path.is_file():
            raise InputError(f"{name}: no such mapping file")
        return path
    path = folder / f"{name}.toml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.toml"))) or "none"
        raise InputError(f"no mapping {name!r} in {folder} (known: {known})")
    return path


def every(folder: Path = FOLDER) -> list[Path]:
    return sorted(folder.glob("*.toml"))


def read(path: Path, domain_codes: set[str] | None = None) -> Mapping:
    """Parse and validate a mapping; InputError naming the file and the key at fault.

    ``domain_codes``: the taxonomy to check domains against (default: geodata/domains.csv).
    """
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from None
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{Path(path).name}: not valid TOML ({e})") from None
    where = Path(path).name

    def fail(message: str):
        raise InputError(f"{where}: {message}")

    for table in data:
        if table not in _SCHEMA:
            fail(f"unknown table [{table}] (known: {', '.join(_SCHEMA)})")
    for table in _REQUIRED_TABLES:
        if table not in data:
            fail(f"missing table [{table}]")
    for table, keys in _SCHEMA.items():
        if keys is None or table not in data:
            continue
        if not isinstance(data[table], dict):
            fail(f"[{table}] must be a table")
        for key, value in data[table].items():
            if key not in keys:
                fail(f"unknown key {table}.{key} (known: {', '.join(keys)})")
            kind = keys[key][0]
            if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
                fail(f"{table}.{key} must be {_type_name(kind)}")
            if kind is list and not all(isinstance(v, str) for v in value):
                fail(f"{table}.{key} must be a list of strings")
        for key, (_, required) in keys.items():
            if required and key not in data[table]:
                fail(f"missing key {table}.{key}")

    source, records = data["source"], data["records"]
    if not _NAME.match(source["name"]):
        fail(f"source.name {source['name']!r} must be lower-case words joined by '-'")
    if records["kind"] not in KINDS:
        fail(f"records.kind must be one of {', '.join(map(repr, KINDS))}, not "
             f"{records['kind']!r}")
    needed, refused = _KIND_COLUMNS[records["kind"]]
    for key in sorted(needed - set(data["columns"])):
        fail(f"missing key columns.{key} (records.kind = {records['kind']!r})")
    for key in sorted(refused & set(data["columns"])):
        fail(f"columns.{key} is not for records.kind = {records['kind']!r}")
    if records["kind"] == "label" and ("domains" in records or "date" in data
                                       or "attributes" in data):
        fail("label records take no domains, [date] or [attributes]")
    if records.get("place_type") and records["kind"] != "place":
        fail("records.place_type is only for records.kind = 'place'")
    codes = domain_codes if domain_codes is not None else \
        {d.code for d in taxonomy.read(taxonomy.DEFAULT_FILE)}
    unknown = [d for d in records.get("domains", []) if d not in codes]
    if unknown:
        fail(f"unknown domain {', '.join(map(repr, unknown))} (known: "
             f"{', '.join(sorted(codes))})")
    tolerance = records.get("tolerance_m", NEAR_METRES)
    if not tolerance > 0:
        fail("records.tolerance_m must be a positive number of metres")
    columns = data["columns"]
    if "year" in columns and "date" in data:
        fail("give the year by columns.year or by [date], not both")
    date = data.get("date")
    if date:
        _check_format(fail, "date.format", date["format"])
    if not isinstance(data.get("attributes", {}), dict):
        fail("[attributes] must be a table: attribute name = column")
    attributes = tuple(_attribute(fail, k, v) for k, v in data.get("attributes", {}).items())
    rejects = tuple(_reject_rule(fail, i, r) for i, r in enumerate(_list(
        fail, data.get("reject", []))))
    personal = tuple(data.get("personal", {}).get("columns", ()))
    mapping = Mapping(
        path=Path(path), source=provenance.Source(**source), file=data["file"]["path"],
        empty=frozenset(data["file"].get("empty", ())), kind=records["kind"],
        place_type=records.get("place_type"), domains=tuple(records.get("domains", ())),
        tolerance=float(tolerance), keep_disputed=records.get("keep_disagreements", False),
        columns=dict(columns), date=date, attributes=attributes, personal=personal,
        rejects=rejects)
    both = sorted(set(personal) & mapping.used_columns())
    if both:
        fail(f"column {', '.join(map(repr, both))} is listed under [personal] and also "
             "read: a personal column is never read")
    return mapping


def _type_name(kind) -> str:
    return {str: "a string", bool: "true or false", list: "a list",
            (int, float): "a number"}.get(kind, str(kind))


def _list(fail, value) -> list:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        fail("[[reject]] entries must be tables")
    return value


def _check_format(fail, where: str, fmt: str) -> None:
    if "%Y" not in fmt:
        fail(f"{where} {fmt!r} must contain %Y (the year, four digits)")
    try:
        dt.date(2021, 5, 19).strftime(fmt)
    except ValueError as e:
        fail(f"{where} {fmt!r} is not a date format ({e})")


def _attribute(fail, name: str, spec) -> Attribute:
    if not _KEY.match(name):
        fail(f"attribute name {name!r} must be lower-case letters, digits and '_'")
    if isinstance(spec, str):
        return Attribute(name, spec)
    if not isinstance(spec, dict):
        fail(f"attributes.{name} must be a column name or {{column, type}}")
    extra = set(spec) - {"column", "type", "format"}
    if extra:
        fail(f"unknown key attributes.{name}.{sorted(extra)[0]} (known: column, type, format)")
    if not isinstance(spec.get("column"), str):
        fail(f"attributes.{name}.column must be a column name")
    kind = spec.get("type", "text")
    if kind not in _ATTRIBUTE_TYPES:
        fail(f"attributes.{name}.type {kind!r} is not one of {', '.join(_ATTRIBUTE_TYPES)}")
    if (kind == "date") != ("format" in spec):
        fail(f"attributes.{name}: a date needs a format, and only a date has one")
    if kind == "date":
        _check_format(fail, f"attributes.{name}.format", spec["format"])
    return Attribute(name, spec["column"], kind, spec.get("format"))


def _reject_rule(fail, i: int, spec: dict) -> RejectRule:
    extra = set(spec) - {"column", "pattern", "reason"}
    missing = {"column", "pattern", "reason"} - set(spec)
    if extra or missing:
        fail(f"[[reject]] number {i + 1}: expected column, pattern and reason")
    try:
        pattern = re.compile(spec["pattern"])
    except re.error as e:
        fail(f"[[reject]] number {i + 1}: pattern {spec['pattern']!r} is not a regular "
             f"expression ({e})")
    return RejectRule(spec["column"], pattern, spec["reason"])
