"""The one write path: every writer of the database goes through here.

A write is one transaction (``transaction``) in which the writer's own steps record what
they changed in ``Changes`` (initiative ids, collectivités whose label moved, communes,
domains whose rank moved, tile outlines). At the end, in the same transaction:

1. the derived rows of exactly those changes are redone (``atlas.search.sync``,
   ``tiles.shapes.sync``), so a write costs what it changed, not the database's size;
2. the data version is bumped only when something changed: a re-load of an unchanged file
   writes nothing and keeps every ETag, cache and tile folder valid;
3. the report files are written to temporary files beside their targets: a report that
   cannot be written aborts the write with nothing written;
4. commit, then the temporary files are renamed onto their targets, so a report never
   describes a run that did not happen.

``dry_run`` does all of the writer's steps (so the summary says what would be inserted,
updated, removed or rejected), then rolls back: no derived work, no version, no file.

On top of it, ``load`` runs record batches (initiatives, label awards) through the
loaders' prepare and merge, with sync semantics (a source's records that its new file no
longer holds are removed, unless ``keep_missing``); ``put_initiative`` and
``delete_initiative`` write one record (the staff console's path).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from sqlalchemy.engine import Connection

from atlas import search
from atlas.errors import InputError
from loaders import provenance
from loaders.records import LoadReport
from tiles import shapes


@dataclasses.dataclass
class Changes:
    """What a write changed, as the derived data needs to know it."""

    initiatives: set[int] = dataclasses.field(default_factory=set)  # written or deleted
    holders: set[str] = dataclasses.field(default_factory=set)  # label awards changed
    communes: set[str] = dataclasses.field(default_factory=set)  # name, place, outline
    domains: set[str] = dataclasses.field(default_factory=set)  # rank (domain bit) moved
    shapes: dict[str, set[str]] = dataclasses.field(default_factory=dict)  # layer → codes
    every_initiative: bool = False  # rebuild every search row (a bulk SQL write)
    everything: bool = False  # rebuild every derived row (a first reference load)
    # With ``everything``: every tile outline row, computed by the writer from exactly
    # what it wrote and committed into ``tiles.shapes.TWIN`` on a connection of its own
    # while its transaction worked (a first reference load), waited for here (their
    # count), then swapped in (``tiles.shapes.swap_in``) instead of a rebuild.
    outline_twin: Callable[[], int] | None = None
    other: int = 0  # rows changed that no derived row reads (domain labels, sources...)

    def any(self) -> bool:
        return bool(self.initiatives or self.holders or self.communes or self.domains
                    or any(self.shapes.values()) or self.every_initiative or self.everything
                    or self.other)

    def shape(self, layer: str, codes) -> None:
        self.shapes.setdefault(layer, set()).update(codes)


@dataclasses.dataclass
class Derived:
    """What the end of a write did: rows synced, and the data version after it."""

    search_rows: int = 0
    shape_rows: int = 0
    version: int | None = None  # None: nothing changed, the version did not move


class _ReportFile:
    """A report staged as a temporary file beside its target, renamed after the commit."""

    def __init__(self, path: Path, fill: Callable[[TextIO], None]):
        self.path, self.fill, self.temp = Path(path), fill, None

    def stage(self) -> None:
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                        dir=self.path.parent)
            self.temp = Path(name)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                self.fill(f)
        except OSError as e:
            raise InputError(f"{self.path}: cannot write the report ({e.strerror or e}); "
                             "nothing was loaded") from None

    def publish(self) -> None:
        os.replace(self.temp, self.path)

    def discard(self) -> None:
        if self.temp is not None:
            self.temp.unlink(missing_ok=True)


class Write:
    """One write in progress: its connection, what it changed, its report files."""

    def __init__(self, conn: Connection, dry_run: bool):
        self.conn, self.dry_run = conn, dry_run
        self.changes = Changes()
        self.derived = Derived()
        self._files: list[_ReportFile] = []

    def report_file(self, path: Path, fill: Callable[[TextIO], None]) -> None:
        """Write ``path`` with ``fill(file)`` if, and only if, the write commits."""
        self._files.append(_ReportFile(path, fill))


@contextlib.contextmanager
def transaction(engine, dry_run: bool = False, progress=None) -> Iterator[Write]:
    """Open a write; on leaving the block, keep the derived data in step, bump the
    version if anything changed, stage the reports and commit (see the module's doc).
    ``progress`` (a ``loaders.progress.Progress``): those last steps are announced and
    timed like the writer's own."""
    steps = progress.step if progress is not None else _silent
    with engine.connect() as conn:
        tx = conn.begin()
        # No JIT: PostGIS functions' high declared costs make the planner JIT-compile
        # the derived-data statements, for 0.2 to 0.3 s each, with nothing to gain in
        # statements whose time goes into ST_Transform, ST_Simplify or to_tsvector.
        conn.exec_driver_sql("SET LOCAL jit = off")
        w = Write(conn, dry_run)
        try:
            yield w
            if dry_run:
                tx.rollback()
                return
            with steps("keeping the derived data in step (tile outlines, search rows)"):
                w.derived = apply(conn, w.changes)
            with steps("writing the reports, committing"):
                for f in w._files:
                    f.stage()
                tx.commit()
        except BaseException:
            if tx.is_active:
                tx.rollback()
            for f in w._files:
                f.discard()
            raise
        for f in w._files:
            f.publish()


@contextlib.contextmanager
def _silent(_label: str) -> Iterator[None]:
    yield


def apply(conn: Connection, changes: Changes) -> Derived:
    """Redo the derived rows of ``changes`` and bump the version if anything changed."""
    out = Derived()
    if changes.everything:
        if changes.outline_twin is not None:
            out.shape_rows = changes.outline_twin()
            shapes.swap_in(conn)
        else:
            out.shape_rows = shapes.rebuild(conn)
        out.search_rows = search.rebuild(conn)
    elif changes.every_initiative:
        out.search_rows = search.rebuild(conn)
        out.shape_rows = shapes.sync(conn, changes.shapes)
    else:
        ids = set(changes.initiatives)
        if changes.holders:
            ids |= search.holders_ids(conn, changes.holders)
        if changes.communes:
            ids |= search.commune_ids(conn, changes.communes)
        if changes.domains:
            ids |= search.domain_ids(conn, changes.domains)
        out.search_rows = search.sync(conn, ids)
        out.shape_rows = shapes.sync(conn, changes.shapes)
    if changes.any():
        out.version = search.bump(conn)
    return out


def rebuild(engine) -> Derived:
    """Rebuild every derived row from the tables (repair), and bump the version."""
    with transaction(engine) as w:
        w.changes.everything = True
    return w.derived


# -- records: initiatives and label awards ------------------------------------------------

@dataclasses.dataclass
class Batch:
    """Rows of one source for one loader (``"initiatives"`` or ``"labels"``). ``reader``
    is how an initiative row is read (``initiatives.PLAIN`` or a declared source's
    ``Mapping``). Unless ``keep_missing``, the source's records the rows no longer hold
    are removed. ``load`` fills ``report``, ``records`` and ``rejects``."""

    kind: str
    source: provenance.Source | str
    rows: list[dict]
    reader: object = None
    keep_missing: bool = False
    report: LoadReport | None = None
    records: list[dict] = dataclasses.field(default_factory=list)
    rejects: list = dataclasses.field(default_factory=list)

    @property
    def source_name(self) -> str:
        return self.source if isinstance(self.source, str) else self.source.name


def _module(kind: str):
    from loaders import initiatives, labels

    return {"initiatives": initiatives, "labels": labels}[kind]


def load(w: Write, batches: list[Batch], geocoder=None) -> list[Batch]:
    """Geocode, check and merge each batch in the write ``w``; returns the batches with
    their report (read = loaded + updated + unchanged + rejected), records and rejects.
    ``geocoder``: a built ``Geocoder`` to reuse (else one is built, about a second)."""
    from loaders.geocoder import Geocoder

    geocoder = geocoder or Geocoder.from_db(w.conn)
    for b in batches:
        module = _module(b.kind)
        b.report = LoadReport(source=b.source_name, read=len(b.rows))
        extra = {"reader": b.reader} if b.reader is not None else {}
        b.records, b.rejects = module.prepare(b.rows, geocoder, w.conn, b.report, **extra)
        module.merge(w.conn, b.records, b.source, b.report, w.changes)
        if b.rows and not b.records and not b.keep_missing:
            # Every row rejected: more likely a wrong file or mapping than a source that
            # closed everything; its records stay until a file with rows says otherwise.
            b.report.warnings["every row rejected: no record removed"] += 1
        elif not b.keep_missing:
            module.remove_missing(w.conn, b.source_name, b.records, b.report, w.changes)
    return batches


def put_initiative(engine, row: dict, source: provenance.Source | str, *, geocoder=None,
                   dry_run: bool = False) -> Batch:
    """Insert or update one initiative (a row as a plain file gives it: title, summary,
    year, url, domains, commune/insee/lat/lon..., and ``id``, its key within the source).
    A rejected row writes nothing; ``dry_run`` says what would happen, writing nothing."""
    with transaction(engine, dry_run=dry_run) as w:
        [batch] = load(w, [Batch("initiatives", source, [row], keep_missing=True)],
                       geocoder)
    return batch


def delete_initiative(engine, source: str, source_id: str, *, dry_run: bool = False
                      ) -> LoadReport:
    """Delete one initiative by its key; the report counts it in ``removed`` (0: there
    was no such record)."""
    from loaders import initiatives

    report = LoadReport(source=source)
    with transaction(engine, dry_run=dry_run) as w:
        initiatives.remove(w.conn, source, [source_id], report, w.changes)
    return report
