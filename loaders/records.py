"""What the initiative and label loaders share: parsing people's values, geocoding rows,
the load report, the rejects file and the disagreements file.

Every input row ends either in the database or in the rejects file, with its line, the
reason and the candidates the geocoder saw. A row kept although its fields disagree (a
postcode of another département, a point far from its commune) is counted in the report
and listed, with the geocoder's note, in the disagreements file.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

from atlas import csvsafe, editions, names
from atlas.texts import (CONTROL_BUT_BLANKS, SUMMARY_MAX, TITLE_MAX, URL_MAX,  # noqa: F401
                         web_link)
from loaders.geocoder import MATCHED, NEAR_METRES, Geocoder, Match, Reference

LOCATION_COLUMNS = ("commune", "departement", "code_postal", "insee", "lat", "lon")


class Rejected(Exception):
    """A row cannot be loaded: the message is the reason written to the rejects file."""

    def __init__(self, reason: str, candidates: tuple[str, ...] = (), kind: str = ""):
        super().__init__(reason)
        self.candidates = candidates
        self.kind = kind or reason  # what the summary counts by


@dataclasses.dataclass
class LoadReport:
    source: str
    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0  # the source's records its new file no longer holds
    rejected: Counter = dataclasses.field(default_factory=Counter)
    warnings: Counter = dataclasses.field(default_factory=Counter)
    methods: Counter = dataclasses.field(default_factory=Counter)
    disagreements: Counter = dataclasses.field(default_factory=Counter)
    disputed: list = dataclasses.field(default_factory=list)  # [(line, row, Match)]
    rejects_file: str = ""
    disputed_file: str = ""

    def lines(self) -> list[str]:
        out = [f"{self.source}: {self.read} read, {self.inserted} loaded, {self.updated} "
               f"updated, {self.unchanged} unchanged, {sum(self.rejected.values())} "
               f"rejected, {self.removed} removed"]
        out += [f"  rejected, {reason}: {n}" for reason, n in self.rejected.most_common()]
        out += [f"  warning, {what}: {n}" for what, n in self.warnings.most_common()]
        out += [f"  geocoded by {m}: {n}" for m, n in self.methods.most_common()]
        out += [f"  kept with a disagreement, {what}: {n}"
                for what, n in sorted(self.disagreements.items())]
        if self.rejects_file:
            out.append(f"  rejected rows, with reasons: {self.rejects_file}")
        if self.disputed_file:
            out.append(f"  rows kept with a disagreement: {self.disputed_file}")
        return out

    def kept(self, line: int, row: dict, match: Match) -> None:
        """Count a loaded row's disagreements, if any, and keep it for the listing."""
        self.methods[match.method] += 1
        if match.disagreements:
            self.disagreements.update(match.disagreements)
            self.disputed.append((line, row, match))


_YEAR = re.compile(r"^\d{4}$")


def parse_year(value: str | None, required: bool = False) -> int | None:
    if value is None or not str(value).strip():
        if required:
            raise Rejected("no year", kind="no year")
        return None
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    if re.match(r"^\d{4}\s*[-/–]\s*\d{2,4}$", text):
        raise Rejected(f"year {text!r} is a range: give one year", kind="year is a range")
    if not _YEAR.match(text):
        raise Rejected(f"year {text!r} is not a year", kind="year is not a year")
    year = int(text)
    if not 1980 <= year <= 2100:
        raise Rejected(f"year {year} is outside 1980..2100", kind="year out of range")
    return year


def check_edition(year: int) -> int:
    """A label year must be within the label's years (``atlas.editions``: 1999 to next
    year, the label being announced early)."""
    if not editions.in_range(year):
        raise Rejected(f"year {year} is not a label edition "
                       f"({editions.FIRST}..{editions.last()})",
                       kind="year not a label edition")
    return year


# Size limits of the texts shown on the map and pages; longer is a mistake (a whole
# document pasted in a cell), not a record.
_CONTROL = CONTROL_BUT_BLANKS


def check_text(field: str, value: str | None, limit: int) -> None:
    """Rejected when ``value`` holds a control character or is longer than ``limit``."""
    if not value:
        return
    bad = _CONTROL.search(value)
    if bad:
        raise Rejected(f"{field} holds a control character (U+{ord(bad.group()):04X})",
                       kind=f"control character in {field}")
    if len(value) > limit:
        raise Rejected(f"{field} is {len(value)} characters long (at most {limit})",
                       kind=f"{field} too long")


def check_url(value: str | None) -> None:
    """Only web links are kept: ``http(s)://host...``; ``javascript:``, ``data:``,
    ``file:`` or a bare word would be a trap or a broken link on the record's page."""
    if not value:
        return
    check_text("url", value, URL_MAX)
    if not web_link(value):
        raise Rejected(f"url {value[:80]!r} is not an http(s) link", kind="url not http(s)")


def check_fields(fields: dict) -> None:
    """The checks every initiative's texts meet, whatever reader gave them."""
    check_text("title", fields.get("title"), TITLE_MAX)
    check_text("summary", fields.get("summary"), SUMMARY_MAX)
    check_url(fields.get("url"))
    for name, value in (fields.get("attributes") or {}).items():
        if isinstance(value, str):
            check_text(f"attribute {name}", value, SUMMARY_MAX)


_WORD_LEVELS = {"un": 1, "une": 1, "premiere": 1, "premier": 1, "deux": 2, "deuxieme": 2,
                "seconde": 2, "trois": 3, "troisieme": 3, "quatre": 4, "quatrieme": 4,
                "cinq": 5, "cinquieme": 5}
# On folded text, "@" spelled "arobase": a count ("4", "quatre arobases") or the rank of
# the arobase won ("quatrième arobase", "sa 4e arobase"); a bare rank is no level.
_LEVEL_TEXT = re.compile(
    r"^(?:(?:sa|ses|une|la|le|les)\s+)?(?:(?P<count>\d+|un|une|deux|trois|quatre|cinq)"
    r"(?:\s+arobas(?:es?)?)?|(?P<rank>\d(?:e|er|re|eme|ieme)|premiere|premier|deuxieme|seconde|"
    r"troisieme|quatrieme|cinquieme)\s+arobas(?:es?)?)$")


def parse_level(value: str | None) -> int:
    """A label level written "4", "4@", "4 @", "@@@@", "4/5", "4 arobases", "quatre
    arobases", or as the rank of the arobase won: "quatrième arobase", "sa 4e arobase"."""
    raw = str(value or "").strip().lower()
    if not raw:
        raise Rejected("no label level")
    m = re.match(r"^(\d+)\s*/\s*5$", raw)
    if set(raw) == {"@"}:
        level = len(raw)
    elif m:
        level = int(m.group(1))
    else:
        m = _LEVEL_TEXT.match(names.fold(raw.replace("@", " arobase ")))
        if not m:
            raise Rejected(f"label level {value!r} is not a level (1 to 5 @)",
                           kind="level is not a level")
        word = m.group("count") or m.group("rank")
        digits = re.match(r"\d+", word)
        level = int(digits.group()) if digits else _WORD_LEVELS[word]
    if not 1 <= level <= 5:
        raise Rejected(f"label level {level} is outside 1..5", kind="level out of range")
    return level


def apply_aliases(columns: list[str], rows: list[dict], aliases: dict[str, str]) -> None:
    """Accept the French column names spreadsheets use (titre, année, niveau...): a column
    whose folded name is an alias fills our column, unless the file has ours already."""
    present = {names.fold(c).replace(" ", "_"): c for c in columns if c}
    for alias, ours in aliases.items():
        if alias in present and ours not in columns:
            for row in rows:
                row.setdefault(ours, row.get(present[alias]))


def missing_columns(columns: list[str], rows: list[dict], module) -> list[str]:
    """The French aliases applied (``apply_aliases``), the columns ``module`` (a record
    loader: ``ALIASES``, ``REQUIRED``) needs that the table lacks: neither named nor
    filled in its first row. The shell and the console word their error each their way."""
    apply_aliases(columns, rows, module.ALIASES)
    return [c for c in module.REQUIRED
            if c not in columns and not (rows and rows[0].get(c) is not None)]


def reference_of(row: dict) -> Reference:
    return Reference(**{c: (row.get(c) or "") for c in LOCATION_COLUMNS})


def geocode_rows(geocoder: Geocoder, rows: list[dict], conn, tolerance: float = NEAR_METRES,
                 keep_disputed: bool = False) -> list:
    return geocoder.geocode_many([reference_of(r) for r in rows], conn, tolerance,
                                 keep_disputed)


def check_match(match) -> None:
    """Raise Rejected unless the geocoder matched one collectivité."""
    if match.status != MATCHED:
        reason = {"ambiguous": "ambiguous place", "unmatched": "place not found"}[match.status]
        raise Rejected(f"{reason}: {match.note}" if match.note else reason, match.candidates,
                       kind=reason)


def fill_rejects(columns: list[str], rejects: list[tuple[int, dict, Rejected]]):
    """A writer of the rejects file (header only when nothing was rejected)."""
    return lambda f: _write(f, columns, ["reject_reason", "candidates"], [
        (line, row, {"reject_reason": str(why), "candidates": " | ".join(why.candidates)})
        for line, row, why in rejects])


def fill_disputed(columns: list[str], disputed: list[tuple[int, dict, Match]]):
    """A writer of the disagreements file (header only when there are none)."""
    return lambda f: _write(f, columns, ["disagreements", "insee_code", "match_method",
                                         "match_note"], [
        (line, row, {"disagreements": " | ".join(m.disagreements), "insee_code": m.insee or "",
                     "match_method": m.method, "match_note": m.note})
        for line, row, m in disputed])


def _write(f, columns: list[str], extra: list[str], rows) -> None:
    writer = csvsafe.DictWriter(f, ["line"] + columns + extra, extrasaction="ignore")
    writer.writeheader()
    for line, row, added in rows:
        writer.writerow({**{c: row.get(c) for c in columns}, "line": line, **added})


def report_files(w, reports: list[LoadReport], columns: list[str], rejects: list,
                 rejects_path: Path, disputed_path: Path | None = None) -> None:
    """Have the write ``w`` (``loaders.pipeline.Write``) write the rejects file and, when
    given, the disagreements file, even empty (header only: an old file never
    contradicts the new run), and name them in the reports."""
    w.report_file(rejects_path, fill_rejects(columns, rejects))
    disputed = [row for report in reports for row in report.disputed]
    if disputed_path:
        w.report_file(disputed_path, fill_disputed(columns, disputed))
    for report in reports:
        if report.rejected:
            report.rejects_file = str(rejects_path)
        if disputed_path and report.disputed:
            report.disputed_file = str(disputed_path)
