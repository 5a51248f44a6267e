"""Load label awards: a collectivité (commune or EPCI, found by the geocoder), an edition
year, a level 1..5 (written "4", "4@", "4 @", "@@@@", "quatre arobases"), optional
mentions (";"-separated) and the web page that states it (``url``, http or https). One
award per collectivité and year: re-loading updates it.
The merge registers the awards' source row in the same transaction.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from loaders import provenance
from loaders.geocoder import Geocoder
from loaders.records import (TITLE_MAX, LoadReport, Rejected, check_edition, check_match,
                             check_text, geocode_rows, parse_level, parse_year)

REQUIRED = ("year", "level")
ALIASES = {"collectivite": "commune", "annee": "year", "niveau": "level", "arobases": "level",
           "label": "level", "mention": "mentions", "code_insee": "insee", "siren": "insee",
           "source_url": "url", "page": "url"}
_WEB = re.compile(r"^https?://[^\s<>\"']+$")


def parse_url(value: str | None) -> str | None:
    """A web page's address, or None; Rejected when it is not an http(s) address."""
    text = (value or "").strip()
    if not text:
        return None
    if not _WEB.match(text):
        raise Rejected(f"url {text[:60]!r} is not a web address (http:// or https://)",
                       kind="url is not a web address")
    return text


def prepare(rows: list[dict], geocoder: Geocoder, conn, report: LoadReport):
    matches = geocode_rows(geocoder, rows, conn)
    seen: dict[tuple, int] = {}
    records, rejects = [], []
    for line, (row, match) in enumerate(zip(rows, matches), start=2):
        try:
            year = check_edition(parse_year(row.get("year"), required=True))
            level = parse_level(row.get("level"))
            url = parse_url(row.get("url"))
            check_match(match)
            who = (match.insee, match.epci_siren, year)
            if who in seen:
                raise Rejected(f"duplicate of line {seen[who]} (same collectivité and year)",
                               kind="duplicate award")
            seen[who] = line
            mentions = [m.strip() for m in (row.get("mentions") or "").split(";") if m.strip()]
            for mention in mentions:
                check_text("mention", mention, TITLE_MAX)
            records.append(dict(commune_insee=match.insee, epci_siren=match.epci_siren,
                                year=year, level=level, mentions=mentions, url=url))
            report.kept(line, row, match)
        except Rejected as why:
            rejects.append((line, row, why))
            report.rejected[why.kind] += 1
    return records, rejects


def _upsert(column: str) -> sa.TextClause:
    """Insert or update the award of the collectivité named by ``column`` (commune_insee
    or epci_siren, a constant of this module), writing only when something changed."""
    return sa.text(f"""
        INSERT INTO label_award ({column}, year, level, mentions, url, source)
        VALUES (:{column}, :year, :level, :mentions, :url, :source)
        ON CONFLICT ({column}, year) WHERE {column} IS NOT NULL DO UPDATE SET
            level = excluded.level, mentions = excluded.mentions, url = excluded.url,
            source = excluded.source
        WHERE (label_award.level, label_award.mentions, label_award.url, label_award.source)
              IS DISTINCT FROM (excluded.level, excluded.mentions, excluded.url,
                                excluded.source)
        RETURNING (xmax = 0)""")


_UPSERT = {"commune": _upsert("commune_insee"), "epci": _upsert("epci_siren")}


def merge(conn, records: list[dict], source: provenance.Source | str, report: LoadReport,
          changes=None) -> set[str]:
    """Upsert the awards; return the collectivités (INSEE code or SIREN) whose awards
    changed, also added to ``changes`` (their initiatives' label columns follow)."""
    source, described = provenance.register(conn, source)
    holders = set()
    # A few thousand awards at most: one statement per row is plenty fast here.
    for r in records:
        kind = "commune" if r["commune_insee"] else "epci"
        got = conn.execute(_UPSERT[kind], {**r, "url": r.get("url"),  # optional in records
                                           "source": source.name}).scalar()
        if got is None:
            report.unchanged += 1
            continue
        if got:
            report.inserted += 1
        else:
            report.updated += 1
        holders.add(r["commune_insee"] or r["epci_siren"])
    if holders:
        provenance.touch(conn, source)
    if changes is not None:
        changes.holders |= holders
        changes.other += described
    return holders


# Keyed as an award is unique: the collectivité and the year.
_KEY = "coalesce(commune_insee, epci_siren) || ':' || year"
_REMOVE_MISSING = sa.text(f"""
    DELETE FROM label_award WHERE source = :source AND NOT ({_KEY} = ANY(:keys))
    RETURNING coalesce(commune_insee, epci_siren)""")


def remove_missing(conn, source: str, records: list[dict], report: LoadReport,
                   changes) -> set[str]:
    """Delete the awards of ``source`` that ``records`` no longer hold (a re-load is a
    sync); counted in ``report.removed``; returns their collectivités."""
    keys = [f"{r['commune_insee'] or r['epci_siren']}:{r['year']}" for r in records]
    holders = list(conn.scalars(_REMOVE_MISSING, {"source": source, "keys": keys}))
    report.removed += len(holders)
    changes.holders.update(holders)
    if holders:
        provenance.touch(conn, provenance.Source.plain(source))
    return set(holders)
