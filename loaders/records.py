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

from atlas import csvsafe, names
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
    rejected: Counter = dataclasses.field(default_factory=Counter)
    warnings: Counter = dataclasses.field(default_factory=Counter)
    methods: Counter = dataclasses.field(default_factory=Counter)
    disagreements: Counter = dataclasses.field(default_factory=Counter)
    disputed: list = dataclasses.field(default_factory=list)  # [(line, row, Match)]
    rejects_file: str = ""
    disputed_file: str = ""

    def lines(self) -> list[str]:
        out = [f"{self.source}: {self.read} read, {self.inserted} loaded, {self.updated} "
               f"updated, {self.unchanged} unchanged, {sum(self.rejected.values())} rejected"]
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


def write_rejects(path: Path, columns: list[str], rejects: list[tuple[int, dict, Rejected]]
                  ) -> None:
    _write(path, columns, ["reject_reason", "candidates"],
           [(line, row, {"reject_reason": str(why), "candidates": " | ".join(why.candidates)})
            for line, row, why in rejects])


def write_disputed(path: Path, columns: list[str], disputed: list[tuple[int, dict, Match]]
                   ) -> None:
    _write(path, columns, ["disagreements", "insee_code", "match_method", "match_note"],
           [(line, row, {"disagreements": " | ".join(m.disagreements),
                         "insee_code": m.insee or "", "match_method": m.method,
                         "match_note": m.note}) for line, row, m in disputed])


def _write(path: Path, columns: list[str], extra: list[str], rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csvsafe.DictWriter(f, ["line"] + columns + extra, extrasaction="ignore")
        writer.writeheader()
        for line, row, added in rows:
            writer.writerow({**{c: row.get(c) for c in columns}, "line": line, **added})


def write_reports(reports: list[LoadReport], columns: list[str], rejects: list,
                  rejects_path: Path, disputed_path: Path | None = None) -> None:
    """Write the rejected rows and the rows kept with a disagreement, each file only when
    it has rows, and name the files in the reports they concern."""
    if rejects:
        write_rejects(rejects_path, columns, rejects)
        for report in reports:
            if report.rejected:
                report.rejects_file = str(rejects_path)
    disputed = [row for report in reports for row in report.disputed]
    if disputed and disputed_path:
        write_disputed(disputed_path, columns, disputed)
        for report in reports:
            if report.disputed:
                report.disputed_file = str(disputed_path)
