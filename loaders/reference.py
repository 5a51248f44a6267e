"""Load the reference geography (régions, départements, communes, aliases, EPCI) in one
transaction: read → reconcile → COPY into staging tables → set-based merge.

The merge makes the tables equal to the inputs: rows are inserted, updated only when
something changed (so a re-run writes nothing), and removed when no longer listed. A
commune or EPCI that initiatives or labels still reference is never removed: the load
stops with a message naming it, and the transaction leaves the previous data untouched.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import shapely
import sqlalchemy as sa
from psycopg import sql
from sqlalchemy.engine import Connection

from atlas.errors import InputError
from loaders import boundaries as bnd
from loaders import cog as cog_reader
from loaders.cog import Cog
from loaders.progress import Progress

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
        return out

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def _changes(c: dict[str, int] | None) -> str:
    if not c:
        return ""
    return f" ({c['inserted']} new, {c['updated']} changed, {c['deleted']} removed)"


def _ewkb(geoms) -> list[bytes | None]:
    """EWKB with SRID 4326: PostGIS takes it as is in a binary COPY."""
    geoms = shapely.set_srid(np.asarray(geoms, dtype=object), 4326)
    return list(shapely.to_wkb(geoms, include_srid=True))


def _outline_rows(rows: list[dict], outlines: bnd.Reconciled | None) -> list[dict]:
    geoms = {}
    if outlines is not None:
        geoms = dict(zip(outlines.frame["insee"], _ewkb(outlines.frame.geometry)))
    return [{**r, "geom": geoms.get(r["code"])} for r in rows]


# Binary COPY needs each column's exact type; geometries travel as EWKB bytes.
COPY_TYPES = {"type_liaison": "int2", "population": "int4", "postcodes": "text[]",
              "former_codes": "text[]", "geom": "bytea", "point": "bytea"}


def _copy(conn: Connection, table: str, rows: list[dict], progress: Progress) -> None:
    """COPY ``rows`` into ``table`` (a real table, or its ``_table`` staging twin)."""
    key, cols = TABLES[table.lstrip("_")]
    columns = key + cols
    raw = conn.connection.driver_connection
    stmt = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT BINARY)").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns)))
    with raw.cursor() as cur, cur.copy(stmt) as copy:
        copy.set_types([COPY_TYPES.get(c, "text") for c in columns])
        for row in progress.iter(rows, len(rows), f"copying {table}"):
            copy.write_row([row[c] for c in columns])


def _is_empty(conn: Connection, table: str) -> bool:
    return conn.scalar(sa.text(f'SELECT NOT EXISTS (SELECT 1 FROM "{table}")'))


def _merge(conn: Connection, table: str) -> dict[str, int]:
    """Upsert staging into ``table`` (writing only changed rows); return counts."""
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
                   "RETURNING (xmax = 0)").format(
        t=q(table), c=all_cols, s=q(f"_{table}"), k=sql.SQL(", ").join(map(q, key)),
        u=on_conflict)
    raw = conn.connection.driver_connection
    with raw.cursor() as cur:
        cur.execute(stmt)
        flags = [r[0] for r in cur.fetchall()]
    return {"inserted": sum(flags), "updated": len(flags) - sum(flags), "deleted": 0}


def _delete_stale(conn: Connection, table: str) -> int:
    key, _ = TABLES[table]
    q = sql.Identifier
    stmt = sql.SQL("DELETE FROM {t} WHERE ({k}) NOT IN (SELECT {k} FROM {s})").format(
        t=q(table), s=q(f"_{table}"), k=sql.SQL(", ").join(map(q, key)))
    with conn.connection.driver_connection.cursor() as cur:
        cur.execute(stmt)
        return cur.rowcount


_STILL_USED = {
    "commune": sa.text("""
        SELECT c.insee || ' ' || c.name FROM commune c
        WHERE c.insee NOT IN (SELECT insee FROM _commune)
          AND (EXISTS (SELECT 1 FROM initiative i WHERE i.commune_insee = c.insee)
               OR EXISTS (SELECT 1 FROM label_award l WHERE l.commune_insee = c.insee))
        ORDER BY 1 LIMIT 20"""),
    "epci": sa.text("""
        SELECT e.siren || ' ' || e.name FROM epci e
        WHERE e.siren NOT IN (SELECT siren FROM _epci)
          AND (EXISTS (SELECT 1 FROM initiative i WHERE i.epci_siren = e.siren)
               OR EXISTS (SELECT 1 FROM label_award l WHERE l.epci_siren = e.siren))
        ORDER BY 1 LIMIT 20"""),
}

_DERIVE_OUTLINES = {
    "departement": sa.text("""
        UPDATE departement d SET geom = u.geom
        FROM (SELECT departement_code, ST_Multi(ST_Union(geom)) AS geom FROM commune
              WHERE geom IS NOT NULL GROUP BY 1) u
        WHERE u.departement_code = d.code AND d.geom IS DISTINCT FROM u.geom"""),
    "region": sa.text("""
        UPDATE region r SET geom = u.geom
        FROM (SELECT region_code, ST_Multi(ST_Union(geom)) AS geom FROM departement
              WHERE geom IS NOT NULL GROUP BY 1) u
        WHERE u.region_code = r.code AND r.geom IS DISTINCT FROM u.geom"""),
}


def load(conn: Connection, cog: Cog, communes: bnd.Reconciled,
         departements: bnd.Reconciled | None, regions: bnd.Reconciled | None,
         progress: Progress, report: Report) -> Report:
    """Merge everything into the database on ``conn`` (the caller owns the transaction).

    ``departements`` / ``regions`` outlines, when None, are derived from the communes.
    """
    geom = dict(zip(communes.frame["insee"], _ewkb(communes.frame.geometry)))
    point = dict(zip(communes.frame["insee"], _ewkb(communes.frame["point"])))
    commune_rows = [{**c, "geom": geom.get(c["insee"]), "point": point.get(c["insee"])}
                    for c in cog.communes]
    report.without_boundary = [(c["insee"], c["name"]) for c in cog.communes
                               if c["insee"] not in geom]
    report.counts = {"region": len(cog.regions), "departement": len(cog.departements),
                     "commune": len(commune_rows),
                     "commune with a boundary": len(commune_rows) - len(report.without_boundary),
                     "commune_alias": len(cog.aliases), "epci": len(cog.epcis),
                     "epci_member": len(cog.epci_members)}
    report.epci_members_unknown = cog.members_unknown
    report.successor_conflicts = cog.conflicts()
    staged = {
        "region": _outline_rows(cog.regions, regions),
        "departement": _outline_rows(cog.departements, departements),
        "commune": commune_rows,
        "commune_alias": cog.aliases,
        "epci": cog.epcis,
        "epci_member": [dict(epci_siren=s, commune_insee=c) for s, c in cog.epci_members],
    }
    # Parents first. An empty table (first load) takes the rows by COPY directly; any
    # other is staged, then merged so that only changed rows are written.
    merged = []
    with progress.step("merging"):
        for table, rows in staged.items():
            if _is_empty(conn, table):
                _copy(conn, table, rows, progress)
                report.changes[table] = {"inserted": len(rows), "updated": 0, "deleted": 0}
                continue
            conn.exec_driver_sql(f'CREATE TEMP TABLE "_{table}" (LIKE "{table}") '
                                 "ON COMMIT DROP")
            _copy(conn, f"_{table}", rows, progress)
            report.changes[table] = _merge(conn, table)
            merged.append(table)
        for table, query in _STILL_USED.items():
            used = list(conn.scalars(query)) if table in merged else []
            if used:
                raise InputError(f"{len(used)} {table}(s) missing from the new reference data "
                                 f"are still used by initiatives or labels: {', '.join(used)}")
        for table in reversed(merged):  # children first
            report.changes[table]["deleted"] = _delete_stale(conn, table)
    for level, outlines in (("departement", departements), ("region", regions)):
        if outlines is None:
            with progress.step(f"deriving {level} outlines from the communes"):
                conn.execute(_DERIVE_OUTLINES[level])
            report.outlines[level] = "derived from the commune boundaries"
    return report


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


def run(engine: sa.Engine, resolver, inputs: Inputs, progress: Progress) -> Report:
    """Read, check and reconcile everything first, then merge in one transaction."""
    report = Report()
    with progress.step("reading the COG"):
        folders = {resolver.path(rel).parent for rel in COG_FILES}
        if len(folders) != 1:
            raise InputError(f"the COG files are split across {sorted(map(str, folders))}")
        cog = cog_reader.read(folders.pop())
    with progress.step("reading commune boundaries"):
        path = inputs.boundaries or resolver.path(DEFAULT_BOUNDARIES)
        boundaries = bnd.read(path, inputs.fmt, inputs.fields, inputs.crs)
    report.boundaries, report.boundaries_driver = boundaries.path, boundaries.driver
    report.boundaries_crs, report.boundary_features = (boundaries.source_crs,
                                                       len(boundaries.frame))
    with progress.step("reconciling codes and repairing polygons"):
        communes = bnd.reconcile(boundaries, cog.successor())
    report.codes_remapped = communes.remapped
    report.polygons_repaired = communes.repaired
    report.unknown_codes = communes.unknown
    outlines = {}
    for level, given, default, rows in (
            ("departement", inputs.departements, DEFAULT_DEPARTEMENTS, cog.departements),
            ("region", inputs.regions, DEFAULT_REGIONS, cog.regions)):
        if inputs.derive_outlines:
            outlines[level] = None
            continue
        with progress.step(f"reading {level} outlines"):
            path = given or resolver.path(default)
            read = bnd.read(path)
            rec = bnd.reconcile(read, {r["code"]: r["code"] for r in rows})
        outlines[level] = rec
        report.outlines[level] = f"{path} ({len(rec.frame)} of {len(rows)})"
    with engine.begin() as conn:
        load(conn, cog, communes, outlines["departement"], outlines["region"], progress, report)
    return report
