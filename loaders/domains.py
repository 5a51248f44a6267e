"""The domain taxonomy: read ``geodata/domains.csv`` (edited by staff) and merge it.

The file is the source of truth: a re-run updates labels and keywords, adds new domains
and removes those no longer listed. A domain still used by an initiative is never removed
silently: the load fails and names it, so staff can rename it (change the label, keep the
code) or move its initiatives first.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from atlas.config import PROJECT_ROOT
from atlas.errors import InputError

DEFAULT_FILE = PROJECT_ROOT / "geodata" / "domains.csv"
_CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
COLUMNS = ("code", "label", "keywords", "description")


@dataclasses.dataclass(frozen=True)
class DomainRow:
    code: str
    label: str
    keywords: tuple[str, ...]
    description: str | None
    position: int


def read(path: Path = DEFAULT_FILE) -> list[DomainRow]:
    """Parse and validate the taxonomy file; raise InputError naming the line at fault."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in COLUMNS[:3] if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
            rows, codes, labels = [], set(), set()
            for position, rec in enumerate(reader, start=1):
                line = reader.line_num
                code = (rec["code"] or "").strip()
                label = (rec["label"] or "").strip()
                if not _CODE.match(code):
                    raise InputError(f"{path}:{line}: code {code!r} must be lower-case words "
                                     "joined by hyphens (e.g. democratie-locale)")
                if not label:
                    raise InputError(f"{path}:{line}: domain {code} has no label")
                if code in codes or label in labels:
                    raise InputError(f"{path}:{line}: domain {code!r} / {label!r} is listed twice")
                codes.add(code)
                labels.add(label)
                keywords = tuple(k.strip() for k in (rec["keywords"] or "").split(";")
                                 if k.strip())
                rows.append(DomainRow(code, label, keywords,
                                      (rec.get("description") or "").strip() or None, position))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 ({e.reason} at byte {e.start})") from None
    if not rows:
        raise InputError(f"{path}: no domain listed")
    return rows


_SNAPSHOT = sa.text("SELECT code, label, keywords, description, position, "
                    "row_number() OVER (ORDER BY position, code) AS bit FROM domain")


def merge(conn: Connection, rows: list[DomainRow], changes) -> dict[str, int]:
    """Upsert ``rows`` and delete unlisted, unused domains; return counts by change.
    ``changes`` (``loaders.pipeline.Changes``) learns the domains whose rank, so whose
    bit in the search rows, moved; a relabelled domain changes no search row."""
    before = {r.code: r for r in conn.execute(_SNAPSHOT)}
    listed = [r.code for r in rows]
    in_use = list(conn.scalars(
        sa.text("SELECT DISTINCT domain_code FROM initiative_domain "
                "WHERE NOT (domain_code = ANY(:listed)) ORDER BY 1"),
        {"listed": listed}))
    if in_use:
        raise InputError("domain(s) still used by initiatives cannot be removed from the "
                         f"taxonomy: {', '.join(in_use)}")
    # Labels are unique: clear the ones being reassigned before the upsert can collide.
    conn.execute(sa.text("DELETE FROM domain WHERE NOT (code = ANY(:listed))"),
                 {"listed": listed})
    conn.execute(sa.text("UPDATE domain SET label = '~' || code"))
    conn.execute(
        sa.text("""
            INSERT INTO domain (code, label, keywords, description, position)
            VALUES (:code, :label, :keywords, :description, :position)
            ON CONFLICT (code) DO UPDATE SET label = excluded.label,
                keywords = excluded.keywords, description = excluded.description,
                position = excluded.position"""),
        [dict(code=r.code, label=r.label, keywords=list(r.keywords),
              description=r.description, position=r.position) for r in rows])
    after = {r.code: r for r in conn.execute(_SNAPSHOT)}
    changes.other += sum(1 for code in before.keys() | after.keys()
                         if before.get(code) != after.get(code))
    changes.domains |= {code for code, r in after.items()
                        if code in before and before[code].bit != r.bit}
    return {"domains": len(rows), "added": len(set(listed) - set(before)),
            "removed": len(set(before) - set(listed))}
