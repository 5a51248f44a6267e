"""Load initiative and place records from CSV, JSON, GeoJSON or XLSX.

Each row: title, summary, year, url, domains (several, ";"-separated, matched to the
taxonomy with case and accents folded), and where it is (the geocoder's columns). A row
without coordinates, or whose coordinates disagree with its commune, is placed at its
commune's point on surface. The key is the source plus the row's ``id`` (or
``source_id``), else a hash of its content, so re-loading a file updates its records and
never duplicates them. One transaction; rejected rows go to the rejects file with their
reason.

How a row is read is the reader's business: ``PLAIN`` reads our column names (after
``--map`` and the French aliases) into initiatives; a declared source
(``loaders.mapping.Mapping``) reads its own columns into places with their attributes,
and may keep rows whose fields disagree. Both meet the same checks and the same merge.
"""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa
from psycopg import sql

from atlas.errors import InputError
from atlas import names
from loaders import provenance
from loaders.geocoder import NEAR_METRES, Geocoder
from loaders.records import (LoadReport, Rejected, check_fields, check_match, parse_year,
                             reference_of)

FIELDS = ("title", "summary", "year", "url", "domains")
ALIASES = {"titre": "title", "resume": "summary", "description": "summary", "annee": "year",
           "lien": "url", "domaines": "domains", "domaine": "domains", "ville": "commune",
           "code_insee": "insee", "cp": "code_postal", "latitude": "lat", "longitude": "lon"}


def domain_index(conn) -> dict[str, str]:
    """Folded label or code → domain code; InputError when the taxonomy is not loaded."""
    out = {}
    for code, label in conn.execute(sa.text("SELECT code, label FROM domain")):
        out[names.fold(label)] = code
        out[names.fold(code)] = code
    if not out:
        raise InputError("the domain taxonomy is empty: run `python -m atlas load domains`")
    return out


def _row_key(row: dict) -> str:
    ident = (row.get("id") or row.get("source_id") or "").strip()
    if ident:
        return ident
    content = json.dumps([row.get(c) or "" for c in FIELDS + ("commune", "insee", "lat",
                                                              "lon")], ensure_ascii=False)
    return "sha1:" + hashlib.sha1(content.encode()).hexdigest()


REQUIRED = ("title",)


class PlainColumns:
    """How a plain file's row is read: our column names, every row an initiative, and
    the geocoder's strict answer (a row whose fields disagree is rejected)."""

    tolerance = NEAR_METRES
    keep_disputed = False

    reference = staticmethod(reference_of)
    key = staticmethod(_row_key)

    @staticmethod
    def fields(row: dict) -> dict:
        return dict(
            title=(row.get("title") or "").strip(),
            year=parse_year(row.get("year")),
            domains=[d.strip() for d in (row.get("domains") or "").split(";") if d.strip()],
            summary=(row.get("summary") or "").strip() or None,
            url=(row.get("url") or "").strip() or None)


PLAIN = PlainColumns()


def prepare(rows: list[dict], geocoder: Geocoder, conn, report: LoadReport, reader=PLAIN):
    """(records to load, rejects [(line, row, Rejected)]) — nothing written yet.

    ``reader`` turns a row into its place reference (``reference``), its fields
    (``fields``: title, year, domains, summary, url, and for places kind, place_type,
    attributes; raises Rejected) and its key (``key``), and says how to treat
    disagreements (``tolerance`` in metres, ``keep_disputed``).
    """
    domains = domain_index(conn)
    refs = [reader.reference(row) for row in rows]
    matches = geocoder.geocode_many(refs, conn, reader.tolerance, reader.keep_disputed)
    points = dict(conn.execute(sa.text(
        "SELECT insee, point IS NOT NULL FROM commune")).all())
    seen: dict[str, int] = {}
    records, rejects = [], []
    for line, (row, ref, match) in enumerate(zip(rows, refs, matches), start=2):
        try:
            fields = reader.fields(row)
            if not fields["title"]:
                raise Rejected("no title", kind="no title")
            check_fields(fields)
            codes, unknown = [], []
            for d in fields.pop("domains"):
                code = domains.get(names.fold(d))
                (codes if code else unknown).append(code or d)
            if unknown and not codes:
                raise Rejected(f"no known domain among {', '.join(unknown)}",
                               kind="no known domain")
            for d in unknown:
                report.warnings[f"unknown domain {d!r} (row kept with its other domains)"] += 1
            check_match(match)
            if not match.at_point and match.insee and not points.get(match.insee):
                raise Rejected(f"commune {match.insee} has no outline to place the record",
                               kind="commune without outline")
            key = reader.key(row)
            if key in seen:
                raise Rejected(f"duplicate of line {seen[key]}", kind="duplicate row")
            seen[key] = line
            lon = lat = None
            if match.at_point:
                lat, lon = float(ref.lat.replace(",", ".")), float(ref.lon.replace(",", "."))
            records.append(dict(
                fields, commune_insee=match.insee, epci_siren=match.epci_siren, lon=lon,
                lat=lat, source_id=key, geocode_method=match.method,
                geocode_score=match.score, domains=sorted(set(codes))))
            report.kept(line, row, match)
        except Rejected as why:
            rejects.append((line, row, why))
            report.rejected[why.kind] += 1
    return records, rejects


# One transaction may merge several sources (``load press`` on a folder): the staging
# table lives until the commit and is emptied for each source.
_STAGE = """
    CREATE TEMP TABLE IF NOT EXISTS _initiative (
        title text, summary text, year smallint, url text, commune_insee text,
        epci_siren text, lon float8, lat float8, source_id text, geocode_method text,
        geocode_score float8, domains text[], kind text, place_type text,
        attributes jsonb) ON COMMIT DROP"""
# What a record that does not say (a loader written before places existed) stands for.
_DEFAULTS = {"kind": "initiative", "place_type": None, "attributes": {}}
_COLUMNS = ("title", "summary", "year", "url", "commune_insee", "epci_siren", "lon", "lat",
            "source_id", "geocode_method", "geocode_score", "domains", "kind", "place_type",
            "attributes")
_COMPARED = ("title", "summary", "year", "url", "commune_insee", "epci_siren", "geom",
             "geocode_method", "geocode_score", "kind", "place_type", "attributes")

# Placed at the stated point, else at the commune's point on surface, else at the point of
# the EPCI's most populous member.
_MERGE = sa.text("""
    WITH placed AS (
        SELECT s.*, coalesce(
            CASE WHEN s.lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) END,
            (SELECT c.point FROM commune c WHERE c.insee = s.commune_insee),
            (SELECT c.point FROM epci_member m JOIN commune c ON c.insee = m.commune_insee
             WHERE m.epci_siren = s.epci_siren AND c.point IS NOT NULL
             ORDER BY c.population DESC NULLS LAST LIMIT 1)) AS geom
        FROM _initiative s)
    INSERT INTO initiative (source, source_id, %(columns)s)
    SELECT :source, source_id, %(columns)s FROM placed
    ON CONFLICT (source, source_id) DO UPDATE SET %(updates)s, updated_at = now()
    WHERE (%(old)s) IS DISTINCT FROM (%(new)s)
    RETURNING id, source_id, (xmax = 0) AS inserted""" % {
    "columns": ", ".join(_COMPARED),
    "updates": ", ".join(f"{c} = excluded.{c}" for c in _COMPARED),
    "old": ", ".join(f"initiative.{c}" for c in _COMPARED),
    "new": ", ".join(f"excluded.{c}" for c in _COMPARED)})

_DOMAINS_REMOVED = sa.text("""
    DELETE FROM initiative_domain d
    USING initiative i, _initiative s
    WHERE d.initiative_id = i.id AND i.source = :source AND i.source_id = s.source_id
      AND NOT d.domain_code = ANY(s.domains)
    RETURNING d.initiative_id""")

_DOMAINS_ADDED = sa.text("""
    INSERT INTO initiative_domain (initiative_id, domain_code)
    SELECT i.id, unnest(s.domains)
    FROM _initiative s JOIN initiative i ON i.source = :source AND i.source_id = s.source_id
    ON CONFLICT DO NOTHING
    RETURNING initiative_id""")


def merge(conn, records: list[dict], source: provenance.Source | str, report: LoadReport,
          changes=None) -> set[int]:
    """Upsert ``records`` of ``source`` (a described Source, or a plain name) and its
    source row; return the ids whose row or domains changed, also added to ``changes``
    (``loaders.pipeline.Changes``)."""
    source, described = provenance.register(conn, source)
    conn.exec_driver_sql(_STAGE)
    # Joins on the key stay index lookups whatever the planner believes of the tables'
    # sizes (statistics of a table filled in this transaction are not there yet).
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS _initiative_key ON _initiative "
                         "(source_id)")
    conn.exec_driver_sql("TRUNCATE _initiative")
    raw = conn.connection.driver_connection
    stmt = sql.SQL("COPY _initiative ({}) FROM STDIN").format(
        sql.SQL(", ").join(map(sql.Identifier, _COLUMNS)))
    with raw.cursor() as cur, cur.copy(stmt) as copy:
        for r in records:
            values = {**_DEFAULTS, **r}
            values["attributes"] = json.dumps(values["attributes"], ensure_ascii=False,
                                              sort_keys=True)
            copy.write_row([values[c] for c in _COLUMNS])
    if len(records) > 1000:
        # Statistics of the staged rows: without them the planner takes the temp table for
        # a small one (the merge, the domains, the sync's anti-join).
        conn.exec_driver_sql("ANALYZE _initiative")
    changed = conn.execute(_MERGE, {"source": source.name}).all()
    report.inserted = sum(1 for r in changed if r.inserted)
    touched = {r.id for r in changed}
    for statement in (_DOMAINS_REMOVED, _DOMAINS_ADDED):
        touched |= {r[0] for r in conn.execute(statement, {"source": source.name})}
    report.updated = len(touched) - report.inserted
    report.unchanged = len(records) - report.inserted - report.updated
    if touched:
        provenance.touch(conn, source)
    if changes is not None:
        changes.initiatives |= touched
        changes.other += described
    return touched


# The records just merged are still staged in _initiative: an anti-join, O(rows).
_REMOVE_MISSING = sa.text("""
    DELETE FROM initiative i WHERE i.source = :source
      AND NOT EXISTS (SELECT 1 FROM _initiative s WHERE s.source_id = i.source_id)
    RETURNING i.id""")
_REMOVE = sa.text("""
    DELETE FROM initiative WHERE source = :source AND source_id = ANY(:keys) RETURNING id""")


def remove_missing(conn, source: str, records: list[dict], report: LoadReport,
                   changes) -> set[int]:
    """Delete the records of ``source`` that ``records``, merged just before by
    ``merge``, no longer hold (a re-load is a sync: a place that closed leaves the map);
    counted in ``report.removed``."""
    return _removed(conn, _REMOVE_MISSING, source, None, report, changes)


def remove(conn, source: str, keys: list[str], report: LoadReport, changes) -> set[int]:
    """Delete the records of ``source`` with these keys; counted in ``report.removed``."""
    return _removed(conn, _REMOVE, source, keys, report, changes)


def _removed(conn, statement, source, keys, report, changes) -> set[int]:
    params = {"source": source} if keys is None else {"source": source, "keys": keys}
    ids = set(conn.scalars(statement, params))
    report.removed += len(ids)
    changes.initiatives |= ids
    if ids:
        provenance.touch(conn, provenance.Source.plain(source))
    return ids
