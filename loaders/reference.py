"""Load the reference geography (régions, départements, communes, aliases, EPCI) in one
transaction: read → reconcile → COPY (into empty tables directly, else into staging
tables) → set-based merge.

The merge makes the tables equal to the inputs: rows are inserted, updated only when
something changed (so a re-run writes nothing), and removed when no longer listed. A
commune or EPCI that initiatives or labels still reference is never removed: the load
stops with a message naming it, and the transaction leaves the previous data untouched.
"""

from __future__ import annotations

import dataclasses
import json
import struct
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import sqlalchemy as sa
from psycopg import sql
from sqlalchemy.engine import Connection

from atlas import bulk
from atlas.errors import InputError
from loaders import boundaries as bnd
from loaders import cog as cog_reader
from loaders import commune_worker, pipeline
from loaders.cog import Cog
from loaders.geocoder import postal
from loaders.progress import Progress
from tiles import shapes

# Table → (key columns, other columns). Names are constants: never from input.
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "region": (("code",), ("name", "type_liaison", "chef_lieu", "zone", "geom")),
    "departement": (("code",), ("name", "region_code", "type_liaison", "chef_lieu", "zone",
                                "geom")),
    "commune": (("insee",), ("name", "name_folded", "type_liaison", "departement_code",
                             "region_code", "zone", "siren", "population", "postcodes",
                             "former_codes", "geom", "point")),
    "commune_alias": (("code", "kind"), ("name", "name_folded", "commune_insee")),
    "epci": (("siren",), ("name", "name_folded", "type", "population")),
    "epci_member": (("epci_siren", "commune_insee"), ()),
    "postal_locality": (("postcode", "name_folded", "commune_insee"), ("name",)),
}
ARRAYS = {"postcodes", "former_codes"}
GEOMETRIES = {"geom", "point"}


@dataclasses.dataclass
class Report:
    boundaries: str = ""
    boundaries_driver: str = ""
    boundaries_crs: str = ""
    boundary_features: int = 0
    counts: dict[str, int] = dataclasses.field(default_factory=dict)
    changes: dict[str, dict[str, int]] = dataclasses.field(default_factory=dict)
    codes_remapped: dict[str, str] = dataclasses.field(default_factory=dict)
    polygons_repaired: list[str] = dataclasses.field(default_factory=list)
    without_boundary: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    unknown_codes: list[tuple[str, str | None]] = dataclasses.field(default_factory=list)
    epci_members_unknown: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    successor_conflicts: list[tuple[str, list[str]]] = dataclasses.field(default_factory=list)
    outlines: dict[str, str] = dataclasses.field(default_factory=dict)
    localities: str = ""  # where the postal localities came from, or why they did not

    def lines(self) -> list[str]:
        out = [f"boundaries: {self.boundaries} ({self.boundaries_driver}, "
               f"{self.boundaries_crs}, {self.boundary_features} features)"]
        out += [f"{table}: {n} loaded" + _changes(self.changes.get(table))
                for table, n in self.counts.items()]
        out.append(f"codes remapped to their current commune: {len(self.codes_remapped)}")
        out.append(f"polygons repaired: {len(self.polygons_repaired)}"
                   + (f" ({', '.join(self.polygons_repaired)})" if self.polygons_repaired
                      else ""))
        out.append(f"current communes without a boundary: {len(self.without_boundary)}")
        out += [f"  {code} {name}" for code, name in self.without_boundary]
        out.append(f"boundary codes with no current commune: {len(self.unknown_codes)}")
        out += [f"  {code} {name or ''}".rstrip() for code, name in self.unknown_codes]
        if self.epci_members_unknown:
            out.append(f"EPCI members that are not current communes: "
                       f"{len(self.epci_members_unknown)}")
            out += [f"  {siren}: {code}" for siren, code in self.epci_members_unknown]
        for code, targets in self.successor_conflicts:
            out.append(f"former code {code} has several successors in the COG: "
                       f"{', '.join(targets)} (its anciensCodes entry is used)")
        out += [f"{level} outlines: {how}" for level, how in self.outlines.items()]
        if self.localities:
            out.append(f"postal localities: {self.localities}")
        return out

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def _changes(c: dict[str, int] | None) -> str:
    if not c:
        return ""
    return f" ({c['inserted']} new, {c['updated']} changed, {c['deleted']} removed)"


def _outline_rows(rows: list[dict], outlines: bnd.Reconciled | None) -> list[dict]:
    geoms = {}
    if outlines is not None:
        geoms = dict(zip(outlines.frame["insee"], bulk.ewkb(outlines.frame.geometry, 4326)))
    return [{**r, "geom": geoms.get(r["code"])} for r in rows]


# Binary COPY needs each column's exact type. Geometries travel as EWKB bytes and text
# arrays pre-encoded by _text_array, both sent as they are (the "bytea" dumper).
COPY_TYPES = {"type_liaison": "int2", "population": "int4", "postcodes": "bytea",
              "former_codes": "bytea", "geom": "bytea", "point": "bytea"}
_TEXT_OID = 25


_EMPTY_ARRAY = struct.pack(">iii", 0, 0, _TEXT_OID)


def _text_array(values: list[str]) -> bytes:
    """A one-dimensional text[] in PostgreSQL's binary format (array_recv's input).

    psycopg's generic array dumper is pure Python; this is several times faster for the
    70,000 short arrays of a national load, most of them empty.
    """
    if not values:
        return _EMPTY_ARRAY
    parts = [struct.pack(">iiiii", 1, 0, _TEXT_OID, len(values), 1)]
    for value in values:
        data = value.encode()
        parts.append(struct.pack(">i", len(data)))
        parts.append(data)
    return b"".join(parts)


def _copy(conn: Connection, table: str, rows: list[dict], progress: Progress,
          freeze: bool = False) -> None:
    """COPY ``rows`` into ``table`` (a real table, or its ``_table`` staging twin);
    ``freeze`` for a table truncated in this transaction (``atlas.bulk.copy_rows``)."""
    key, cols = TABLES[table.lstrip("_")]
    columns = key + cols
    arrays = [i for i, c in enumerate(columns) if c in ARRAYS]

    def values():
        for row in progress.iter(rows, len(rows), f"copying {table}"):
            out = [row[c] for c in columns]
            for i in arrays:
                out[i] = _text_array(out[i])
            yield out

    bulk.copy_rows(conn, table, columns, [COPY_TYPES.get(c, "text") for c in columns],
                   values(), freeze)


def _drop_for_bulk(conn: Connection, table: str) -> tuple[list[str], list[str]]:
    """Make an empty ``table`` ready for a COPY, the way pg_restore loads data: drop its
    secondary indexes and the foreign keys from and to it, then truncate it; return the
    statements that restore them, indexes and foreign keys (indexes built once, each
    foreign key checked by one set-based query instead of row by row).

    The table is empty, so truncating it loses nothing: it gives the table a new file in
    this transaction, and a server with ``wal_level = minimal`` (scripts/pg.sh) then
    writes its COPY and index builds without logging them to the WAL (about a third of
    their cost). The foreign keys that point to it go first, as TRUNCATE requires. The
    transaction hides the interval from everyone else; its locks hold readers of the
    (empty) table, and of the tables whose foreign keys point to it, until the commit.
    """
    indexes = conn.execute(sa.text("""
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = :t
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"""),
        {"t": table}).all()
    foreign_keys = conn.execute(sa.text("""
        SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE contype = 'f' AND (conrelid = CAST(:t AS regclass)
                                 OR confrelid = CAST(:t AS regclass))"""), {"t": table}).all()
    for owner, name, _ in foreign_keys:
        conn.exec_driver_sql(f'ALTER TABLE {owner} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    conn.exec_driver_sql(f'TRUNCATE "{table}"')
    return [definition for _, definition in indexes], [
        f'ALTER TABLE {owner} ADD CONSTRAINT "{name}" {definition}'
        for owner, name, definition in foreign_keys]


def _is_empty(conn: Connection, table: str) -> bool:
    return conn.scalar(sa.text(f'SELECT NOT EXISTS (SELECT 1 FROM "{table}")'))


def _merge(conn: Connection, table: str) -> tuple[dict[str, int], set[str]]:
    """Upsert staging into ``table`` (writing only changed rows); return counts and the
    first key column of the rows written."""
    key, cols = TABLES[table]
    q = sql.Identifier
    all_cols = sql.SQL(", ").join(map(q, key + cols))
    if cols:
        on_conflict = sql.SQL("DO UPDATE SET {} WHERE ({}) IS DISTINCT FROM ({})").format(
            sql.SQL(", ").join(sql.SQL("{} = excluded.{}").format(q(c), q(c)) for c in cols),
            sql.SQL(", ").join(sql.SQL("{}.{}").format(q(table), q(c)) for c in cols),
            sql.SQL(", ").join(sql.SQL("excluded.{}").format(q(c)) for c in cols))
    else:
        on_conflict = sql.SQL("DO NOTHING")
    stmt = sql.SQL("INSERT INTO {t} ({c}) SELECT {c} FROM {s} ON CONFLICT ({k}) {u} "
                   "RETURNING (xmax = 0), {k0}::text").format(
        k0=q(key[0]),
        t=q(table), c=all_cols, s=q(f"_{table}"), k=sql.SQL(", ").join(map(q, key)),
        u=on_conflict)
    raw = conn.connection.driver_connection
    with raw.cursor() as cur:
        cur.execute(stmt)
        rows = cur.fetchall()
    flags = [r[0] for r in rows]
    return ({"inserted": sum(flags), "updated": len(flags) - sum(flags), "deleted": 0},
            {r[1] for r in rows})


def _delete_stale(conn: Connection, table: str) -> set[str]:
    """Delete the rows of ``table`` its staging twin lacks; return their first key."""
    key, _ = TABLES[table]
    q = sql.Identifier
    stmt = sql.SQL("DELETE FROM {t} WHERE ({k}) NOT IN (SELECT {k} FROM {s}) "
                   "RETURNING {k0}::text").format(
        t=q(table), s=q(f"_{table}"), k=sql.SQL(", ").join(map(q, key)), k0=q(key[0]))
    with conn.connection.driver_connection.cursor() as cur:
        cur.execute(stmt)
        return {r[0] for r in cur.fetchall()}


def _still_used(table: str, key: str, ref: str) -> sa.TextClause:
    """Rows of ``table`` absent from its staging twin yet referenced by initiatives or
    label awards through ``ref``. Identifiers are constants of this module."""
    return sa.text(f"""
        SELECT t.{key} || ' ' || t.name FROM {table} t
        WHERE t.{key} NOT IN (SELECT {key} FROM _{table})
          AND (EXISTS (SELECT 1 FROM initiative i WHERE i.{ref} = t.{key})
               OR EXISTS (SELECT 1 FROM label_award l WHERE l.{ref} = t.{key}))
        ORDER BY 1 LIMIT 20""")


_STILL_USED = {"commune": _still_used("commune", "insee", "commune_insee"),
               "epci": _still_used("epci", "siren", "epci_siren")}

_DERIVE_OUTLINES = {
    "departement": sa.text("""
        UPDATE departement d SET geom = u.geom
        FROM (SELECT departement_code, ST_Multi(ST_Union(geom)) AS geom FROM commune
              WHERE geom IS NOT NULL GROUP BY 1) u
        WHERE u.departement_code = d.code AND d.geom IS DISTINCT FROM u.geom
        RETURNING d.code"""),
    "region": sa.text("""
        UPDATE region r SET geom = u.geom
        FROM (SELECT region_code, ST_Multi(ST_Union(geom)) AS geom FROM departement
              WHERE geom IS NOT NULL GROUP BY 1) u
        WHERE u.region_code = r.code AND r.geom IS DISTINCT FROM u.geom
        RETURNING r.code"""),
}


class _Merger:
    """Puts tables into the database on one connection (the caller owns the transaction).

    An empty table (first load) takes its rows by COPY directly, its indexes and foreign
    keys restored by ``finish``, so such tables can be put in any order. Any other table
    is staged and merged, writing only changed rows: put those parents first.
    """

    def __init__(self, conn: Connection, progress: Progress, report: Report):
        self.conn, self.progress, self.report = conn, progress, report
        self.merged: list[str] = []
        self.indexes: list[str] = []  # to restore: indexes, then foreign keys
        self.foreign_keys: list[str] = []
        self.bulk: set[str] = set()  # tables filled by COPY: every row is new
        self.written: dict[str, set[str]] = {}  # table → keys inserted, updated, deleted

    def put(self, table: str, rows: list[dict]) -> None:
        conn = self.conn
        self.report.counts[table] = len(rows)
        if _is_empty(conn, table):
            indexes, foreign_keys = _drop_for_bulk(conn, table)
            self.indexes += indexes
            self.foreign_keys += foreign_keys
            _copy(conn, table, rows, self.progress, freeze=True)
            self.report.changes[table] = {"inserted": len(rows), "updated": 0, "deleted": 0}
            self.bulk.add(table)
            return
        conn.exec_driver_sql(f'CREATE TEMP TABLE "_{table}" (LIKE "{table}") ON COMMIT DROP')
        _copy(conn, f"_{table}", rows, self.progress)
        self.report.changes[table], self.written[table] = _merge(conn, table)
        self.merged.append(table)

    def is_empty(self, table: str) -> bool:
        return _is_empty(self.conn, table)

    def build_indexes(self, label: str, foreign_keys: bool = True) -> None:
        """Restore the indexes of the tables filled by COPY so far, and their foreign keys
        unless told not to (they check rows against parents that may not be in yet)."""
        with self.progress.step(label):
            for statement in self.indexes + (self.foreign_keys if foreign_keys else []):
                self.conn.exec_driver_sql(statement)
            self.indexes = []
            if foreign_keys:
                self.foreign_keys = []

    def finish(self) -> None:
        conn = self.conn
        with self.progress.step("building the last indexes, checking references, "
                                "removing stale rows"):
            for statement in self.indexes + self.foreign_keys:
                conn.exec_driver_sql(statement)
            for table, query in _STILL_USED.items():
                used = list(conn.scalars(query)) if table in self.merged else []
                if used:
                    raise InputError(
                        f"{len(used)} {table}(s) missing from the new reference data are "
                        f"still used by initiatives or labels: {', '.join(used)}")
            for table in reversed(self.merged):  # children first
                deleted = _delete_stale(conn, table)
                self.report.changes[table]["deleted"] = len(deleted)
                self.written[table] |= deleted

    def tell(self, changes) -> None:
        """Tell the write (``loaders.pipeline.Changes``) what the derived rows depend on:
        the outlines of the régions, départements and communes written, the search rows
        of the communes' initiatives; a table filled whole redoes everything."""
        if self.bulk & {"region", "departement", "commune"}:
            changes.everything = True
        for table, layer in (("region", "regions"), ("departement", "departements"),
                             ("commune", "communes")):
            changes.shape(layer, self.written.get(table, ()))
        changes.communes |= self.written.get("commune", set())
        changes.other += sum(sum(c.values()) for c in self.report.changes.values())


class _CommuneRows:
    """The commune rows of the COG, each with its outline and point as the worker
    process encoded them (EWKB), or None for a commune the boundary file lacks."""

    def __init__(self, cog: Cog, communes: commune_worker.Encoded, report: Report):
        self.communes, self.encoded = cog.communes, communes
        report.without_boundary = [(c["insee"], c["name"]) for c in self.communes
                                   if c["insee"] not in communes.at]

    def __len__(self) -> int:
        return len(self.communes)

    def __iter__(self):
        encoded = self.encoded
        for c in self.communes:
            i = encoded.at.get(c["insee"])
            yield ({**c, "geom": encoded.outline(i), "point": encoded.point(i)}
                   if i is not None else {**c, "geom": None, "point": None})


DEFAULT_BOUNDARIES = "france-geojson-2018/communes.geojson.gz"
DEFAULT_DEPARTEMENTS = "france-geojson-2018/departements-avec-outre-mer.geojson"
DEFAULT_REGIONS = "france-geojson-2018/regions-avec-outre-mer.geojson"
COG_FILES = ("cog/regions.json", "cog/departements.json", "cog/communes.json", "cog/epci.json")


@dataclasses.dataclass
class Inputs:
    """What one reference load reads; paths None mean the data folder's defaults."""

    boundaries: Path | None = None
    fmt: str | None = None
    fields: dict[str, str] = dataclasses.field(default_factory=dict)
    crs: str | None = None
    departements: Path | None = None
    regions: Path | None = None
    derive_outlines: bool = False


def _localities(resolver, cog: Cog, report: Report) -> list[dict] | None:
    """The postal localities (``loaders.geocoder.postal``), or None when offline without
    the file: the load goes on, the table keeps its rows, and the report says so (the
    geocoder then does without the localities rule)."""
    try:
        path = resolver.path(postal.LOCALITIES_FILE)
    except InputError as e:
        if not resolver.offline:
            raise
        report.localities = f"not loaded ({e})"
        return None
    report.localities = str(path)
    return postal.read_localities(path, cog.successor(), cog.names())


@bulk.gc_paused()
def run(engine: sa.Engine, resolver, inputs: Inputs, progress: Progress,
        report_file: Path | None = None) -> Report:
    """Read, check, reconcile and merge everything in one write (``loaders.pipeline``);
    any error rolls it back, leaving the previous data untouched. ``report_file``: the
    report as JSON, written with the commit.

    The commune boundary file is parsed, reconciled and encoded by a child process
    (``loaders.commune_worker``), forked first, while this process reads the COG (whose
    successor table the child waits for), the départements' and régions' outlines,
    and, in a thread, the postal localities, and starts the merge. On a first load the
    child also computes every tile outline of what the load writes and commits them in
    a twin of ``tile_shape`` while the server copies and indexes the communes; the
    load's transaction swaps the twin in before its commit.

    Python's cyclic garbage collector is paused meanwhile (``atlas.bulk.gc_paused``): a
    national load makes millions of long-lived objects, and collections that walked them
    cost a third of its CPU time.
    """
    report = Report()
    path = inputs.boundaries or resolver.path(DEFAULT_BOUNDARIES)
    # Forked before this load starts any thread (see loaders.commune_worker).
    worker = commune_worker.CommuneWorker(engine, path, inputs.fmt, inputs.fields,
                                          inputs.crs)
    staged = False  # whether the child was asked to stage the tile outlines
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            with progress.step("reading the COG"):
                folders = {resolver.path(rel).parent for rel in COG_FILES}
                if len(folders) != 1:
                    raise InputError(
                        f"the COG files are split across {sorted(map(str, folders))}")
                cog = cog_reader.read(folders.pop())
            with pipeline.transaction(engine, progress=progress) as w:
                conn = w.conn
                # One reference load at a time (readers go on): whether this one is a
                # first load cannot change under it.
                conn.exec_driver_sql("LOCK TABLE commune IN SHARE ROW EXCLUSIVE MODE")
                # A first load: the child computes and stages the tile outlines of
                # everything it writes while the server copies and indexes the communes.
                first = _is_empty(conn, "commune")
                worker.reconcile(cog, outlines=first)
                staged = first
                # Read by a thread while this one reads the outlines and starts the merge.
                localities_task = pool.submit(_localities, resolver, cog, report)
                outlines = {}
                for level, given, default, rows in (
                        ("departement", inputs.departements, DEFAULT_DEPARTEMENTS,
                         cog.departements),
                        ("region", inputs.regions, DEFAULT_REGIONS, cog.regions)):
                    if inputs.derive_outlines:
                        outlines[level] = None
                        continue
                    with progress.step(f"reading {level} outlines"):
                        outline_path = given or resolver.path(default)
                        rec = bnd.reconcile(bnd.read(outline_path),
                                            {r["code"]: r["code"] for r in rows})
                    outlines[level] = rec
                    report.outlines[level] = (f"{outline_path} "
                                              f"({len(rec.frame)} of {len(rows)})")
                report.epci_members_unknown = cog.members_unknown
                report.successor_conflicts = cog.conflicts()
                members = [dict(epci_siren=s, commune_insee=c) for s, c in cog.epci_members]
                merger = _Merger(conn, progress, report)
                # What does not wait for the communes goes in while the child still
                # reads them; tables that reference communes only when empty.
                merger.put("region", _outline_rows(cog.regions, outlines["region"]))
                merger.put("departement",
                           _outline_rows(cog.departements, outlines["departement"]))
                merger.put("epci", cog.epcis)
                later = {"commune_alias": cog.aliases, "epci_member": members}
                for table in list(later):
                    if merger.is_empty(table):
                        merger.put(table, later.pop(table))
                # Their indexes now, while the server would otherwise wait for the
                # communes; foreign keys to the communes once those are in.
                merger.build_indexes("indexing the tables copied so far", foreign_keys=False)
                with progress.step("reading commune boundaries, reconciling codes, "
                                   "repairing polygons"):
                    communes = worker.communes()
                if first:
                    w.changes.outline_twin = worker.outlines
                merger.put("commune", _CommuneRows(cog, communes, report))
                for table, rows in later.items():
                    merger.put(table, rows)
                merger.build_indexes("building indexes and foreign keys")
                with progress.step("reading the postal localities"):
                    localities = localities_task.result()
                if localities is not None:
                    merger.put("postal_locality", localities)
                merger.finish()
                merger.tell(w.changes)
                for level, layer in (("departement", "departements"), ("region", "regions")):
                    if outlines[level] is None:
                        with progress.step(f"deriving {level} outlines from the communes"):
                            w.changes.shape(layer, conn.scalars(_DERIVE_OUTLINES[level]))
                        report.outlines[level] = "derived from the commune boundaries"
                _describe(report, cog, communes)
                if report_file is not None:
                    w.report_file(report_file, lambda f: json.dump(
                        report.as_dict(), f, ensure_ascii=False, indent=1))
                # Leaving the block, the pipeline swaps the staged outlines in (a first
                # load) or redoes those of what changed, and the search rows, then
                # commits.
    except BaseException:
        worker.stop()
        if staged:  # committed by the child, never swapped in: not to be left behind
            shapes.drop_twin(engine)
        raise
    worker.stop()
    return report


def _describe(report: Report, cog: Cog, communes: commune_worker.Encoded) -> None:
    report.boundaries, report.boundaries_driver = communes.path, communes.driver
    report.boundaries_crs, report.boundary_features = communes.source_crs, communes.features
    report.codes_remapped = communes.remapped
    report.polygons_repaired = communes.repaired
    report.unknown_codes = communes.unknown
    report.counts["commune with a boundary"] = (len(cog.communes)
                                                - len(report.without_boundary))
