"""Load initiative records (fiches d'initiatives) from CSV, JSON, GeoJSON or XLSX.

Each row: title, summary, year, url, domains (several, ";"-separated, matched to the
taxonomy with case and accents folded), and where it is (the geocoder's columns). A row
without coordinates is placed at its commune's point on surface. The key is the source
plus the row's ``id`` (or ``source_id``), else a hash of its content, so re-loading a file
updates its records and never duplicates them. One transaction; rejected rows go to the
rejects file with their reason.
"""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa
from psycopg import sql

from atlas.errors import InputError
from atlas import names
from loaders.geocoder import Geocoder
from loaders.records import (LoadReport, Rejected, check_match, geocode_rows, parse_year)

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


def prepare(rows: list[dict], geocoder: Geocoder, conn, report: LoadReport):
    """(records to load, rejects [(line, row, Rejected)]) — nothing written yet."""
    domains = domain_index(conn)
    matches = geocode_rows(geocoder, rows, conn)
    points = dict(conn.execute(sa.text(
        "SELECT insee, point IS NOT NULL FROM commune")).all())
    seen: dict[str, int] = {}
    records, rejects = [], []
    for line, (row, match) in enumerate(zip(rows, matches), start=2):
        try:
            title = (row.get("title") or "").strip()
            if not title:
                raise Rejected("no title", kind="no title")
            year = parse_year(row.get("year"))
            wanted = [d.strip() for d in (row.get("domains") or "").split(";") if d.strip()]
            codes, unknown = [], []
            for d in wanted:
                code = domains.get(names.fold(d))
                (codes if code else unknown).append(code or d)
            if wanted and not codes:
                raise Rejected(f"no known domain among {', '.join(unknown)}",
                               kind="no known domain")
            for d in unknown:
                report.warnings[f"unknown domain {d!r} (row kept with its other domains)"] += 1
            check_match(match)
            has_point = bool(row.get("lat") and row.get("lon")) and match.method.endswith(
                "coordinates")
            if not has_point and match.insee and not points.get(match.insee):
                raise Rejected(f"commune {match.insee} has no outline to place the record",
                               kind="commune without outline")
            key = _row_key(row)
            if key in seen:
                raise Rejected(f"duplicate of line {seen[key]}", kind="duplicate row")
            seen[key] = line
            lon = lat = None
            if has_point:
                lat, lon = float(str(row["lat"]).replace(",", ".")), \
                    float(str(row["lon"]).replace(",", "."))
            records.append(dict(
                title=title, summary=(row.get("summary") or "").strip() or None, year=year,
                url=(row.get("url") or "").strip() or None, commune_insee=match.insee,
                epci_siren=match.epci_siren, lon=lon, lat=lat, source_id=key,
                geocode_method=match.method, geocode_score=match.score,
                domains=sorted(set(codes))))
            report.methods[match.method] += 1
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
        geocode_score float8, domains text[]) ON COMMIT DROP"""

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
    INSERT INTO initiative (title, summary, year, url, commune_insee, epci_siren, geom,
                            source, source_id, geocode_method, geocode_score)
    SELECT title, summary, year, url, commune_insee, epci_siren, geom, :source, source_id,
           geocode_method, geocode_score FROM placed
    ON CONFLICT (source, source_id) DO UPDATE SET
        title = excluded.title, summary = excluded.summary, year = excluded.year,
        url = excluded.url, commune_insee = excluded.commune_insee,
        epci_siren = excluded.epci_siren, geom = excluded.geom,
        geocode_method = excluded.geocode_method, geocode_score = excluded.geocode_score,
        updated_at = now()
    WHERE (initiative.title, initiative.summary, initiative.year, initiative.url,
           initiative.commune_insee, initiative.epci_siren, initiative.geom,
           initiative.geocode_method, initiative.geocode_score)
          IS DISTINCT FROM
          (excluded.title, excluded.summary, excluded.year, excluded.url,
           excluded.commune_insee, excluded.epci_siren, excluded.geom,
           excluded.geocode_method, excluded.geocode_score)
    RETURNING id, source_id, (xmax = 0) AS inserted""")

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


def merge(conn, records: list[dict], source: str, report: LoadReport) -> set[int]:
    """Upsert ``records`` of ``source``; return the ids whose row or domains changed."""
    conn.exec_driver_sql(_STAGE)
    conn.exec_driver_sql("TRUNCATE _initiative")
    columns = ("title", "summary", "year", "url", "commune_insee", "epci_siren", "lon", "lat",
               "source_id", "geocode_method", "geocode_score", "domains")
    raw = conn.connection.driver_connection
    stmt = sql.SQL("COPY _initiative ({}) FROM STDIN").format(
        sql.SQL(", ").join(map(sql.Identifier, columns)))
    with raw.cursor() as cur, cur.copy(stmt) as copy:
        for r in records:
            copy.write_row([r[c] for c in columns])
    changed = conn.execute(_MERGE, {"source": source}).all()
    report.inserted = sum(1 for r in changed if r.inserted)
    touched = {r.id for r in changed}
    for statement in (_DOMAINS_REMOVED, _DOMAINS_ADDED):
        touched |= {r[0] for r in conn.execute(statement, {"source": source})}
    report.updated = len(touched) - report.inserted
    report.unchanged = len(records) - report.inserted - report.updated
    return touched
