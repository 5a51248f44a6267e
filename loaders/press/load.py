"""Press texts through the write path: the one way ``load press`` (shell) and the staff
console's press imports read texts and load what they state.

``texts_of`` reads a file, a folder of ``.txt``/``.md`` texts or a zip of them (sizes
checked before anything is read or unpacked); ``load`` extracts every text's awards and
initiatives (dating the texts that state no edition with the one staff give, if any),
rejects the awards that two texts give different levels, and loads the rest in the
caller's ``pipeline.Write`` (a dry run included). Each text is its own source,
named after its file, as a press release is cited.
"""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path, PurePosixPath

import sqlalchemy as sa

from atlas import editions
from atlas.errors import InputError
from loaders import pipeline, records
from loaders.geocoder import Geocoder
from loaders.press import extract, review, rows
from loaders.records import LoadReport

SUFFIXES = (".txt", ".md")
REJECT_COLUMNS = ["file", "kind", "commune", "departement", "year", "level", "title",
                  "domains", "evidence"]
MAX_TEXTS = 500  # a zip of more is not a set of press releases


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, as French texts come."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _zip_texts(path: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(path) as z:
        members = [m for m in z.infolist() if not m.is_dir()]
        others = [m.filename for m in members
                  if PurePosixPath(m.filename).suffix.lower() not in SUFFIXES]
        if others or not members:
            raise InputError(f"{path.name}: a zip of press texts holds only .txt/.md files "
                             f"(found: {', '.join(others[:3]) or 'nothing'})")
        if len(members) > MAX_TEXTS:
            raise InputError(f"{path.name}: {len(members)} files; at most {MAX_TEXTS}")
        for m in members:  # the stated sizes first: nothing is unpacked past the limit
            if m.file_size > review.MAX_BYTES:
                raise InputError(f"{m.filename}: {m.file_size:,} bytes; a press text is "
                                 f"at most {review.MAX_BYTES:,} bytes")
        out = []
        for m in sorted(members, key=lambda m: m.filename):
            with z.open(m) as f:
                raw = f.read(review.MAX_BYTES + 1)  # a lying header cannot unpack more
            if len(raw) > review.MAX_BYTES:
                raise InputError(f"{m.filename}: more than {review.MAX_BYTES:,} bytes")
            out.append((PurePosixPath(m.filename).name, decode(raw)))
    names = [name for name, _ in out]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:  # each text is the source named after it
        raise InputError(f"{path.name}: two texts named {twice[0]} (in different folders)")
    return out


def texts_of(path: Path) -> list[tuple[str, str]]:
    """(file name, text) of one text, of every .txt/.md text of a folder, or of every
    text of a zip; InputError for none, or for any text over the size limit."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
    elif zipfile.is_zipfile(path):
        return _zip_texts(path)
    else:
        files = [path]
    if not files:
        raise InputError(f"{path}: no {' or '.join(SUFFIXES)} file")
    for file in files:  # every size checked before any file is read
        review.check_size(file)
    return [(file.name, decode(file.read_bytes())) for file in files]


@dataclasses.dataclass
class Loaded:
    """What ``load`` did: per text its extracted rows and its two batches (awards,
    initiatives), every reject with its reason, and each award row's outcome."""

    extracted: list[tuple[str, list[dict], list[dict]]]
    batches: list[pipeline.Batch]
    rejects: list[tuple[int, dict, Exception]]
    outcome: dict  # {id(award row): (record, None) or (None, reason)}

    @property
    def reports(self) -> list[LoadReport]:
        return [b.report for b in self.batches]

    def total(self, source: str) -> LoadReport:
        """Every batch's counts in one report (the console shows one summary)."""
        out = LoadReport(source=source)
        for r in self.reports:
            for field in ("read", "inserted", "updated", "unchanged", "removed"):
                setattr(out, field, getattr(out, field) + getattr(r, field))
            for field in ("rejected", "warnings", "methods", "disagreements"):
                getattr(out, field).update(getattr(r, field))
            out.disputed += r.disputed
        return out


def check_edition(year: int) -> int:
    """``--edition``: an edition staff give for texts stating none, by the rule of
    ``atlas.editions`` (the console's import checks it there, in French); InputError
    otherwise."""
    try:
        records.check_edition(year)
    except records.Rejected as e:
        raise InputError(f"--edition {year}: {e}") from None
    if year == editions.NONE:
        raise InputError(f"--edition {year}: there was no edition in {editions.NONE} (the "
                         f"11th was held in December 2009, the 12th in January 2011)")
    return year


def load(w: pipeline.Write, texts: list[tuple[str, str]], edition: int | None = None
         ) -> Loaded:
    """Extract and load ``texts`` in ``w`` (needs the reference and the taxonomy).
    ``edition``: the edition of the texts that state none (staff's ``--edition``); a text
    stating its own keeps it."""
    keywords = dict(w.conn.execute(sa.text("SELECT code, keywords FROM domain")).all())
    extracted = []
    for name, text in texts:
        award_rows, initiative_rows = rows(extract(text, keywords, edition), Path(name).stem)
        extracted.append((name, award_rows, initiative_rows))
    geocoder = Geocoder.from_db(w.conn)
    disputed: dict[int, Exception] = {}
    if len(extracted) > 1:
        disputed.update(review.disagreements(
            [(name, award_rows) for name, award_rows, _ in extracted], geocoder))
    batches = []
    for name, award_rows, initiative_rows in extracted:
        kept = [row for row in award_rows if id(row) not in disputed]
        batches += [pipeline.Batch("labels", name, kept),
                    pipeline.Batch("initiatives", name, initiative_rows)]
    pipeline.load(w, batches, geocoder)
    rejects, outcome = [], {}
    for i, (name, award_rows, _) in enumerate(extracted):
        for kind, b in zip(("award", "initiative"), batches[2 * i:2 * i + 2]):
            b.report.source = f"{name}, {kind}s"
            rejected = b.rejects
            if kind == "award":
                rejected = _with_disputed(b.report, award_rows, rejected, disputed)
                outcome.update(outcome_of(award_rows, b.records, rejected))
            rejects += [(row["line"], {**row, "file": name, "kind": kind}, why)
                        for _, row, why in rejected]
    return Loaded(extracted, batches, rejects, outcome)


def _with_disputed(report, rows_: list[dict], rejected: list, disputed: dict) -> list:
    """The awards rejected by the load plus those two files disagree on, counted."""
    mine = [(row["line"], row, disputed[id(row)]) for row in rows_ if id(row) in disputed]
    report.read += len(mine)
    for _, _, why in mine:
        report.rejected[why.kind] += 1
    return rejected + mine


def outcome_of(rows_: list[dict], records: list[dict], rejected: list) -> dict:
    """{id(row): (record, None) or (None, reason)}: accepted rows meet their records in
    order."""
    refused = {id(row): why for _, row, why in rejected}
    accepted = iter(records)
    return {id(row): (None, refused[id(row)]) if id(row) in refused else (next(accepted), None)
            for row in rows_}
