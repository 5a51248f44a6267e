"""The ``source`` table: which source each record comes from, with its licence and the
attribution line shown beside the data.

Every merge registers its source inside the load's own transaction, so a record never
exists without its source row. A plain file is registered under its name alone (name =
title = attribution); a declared source (a mapping of ``geodata/sources/``) brings its
title, publisher, edition, licence and attribution, and a later plain load under the same
name never erases them.
"""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa


@dataclasses.dataclass(frozen=True)
class Source:
    name: str
    title: str
    attribution: str
    publisher: str | None = None
    edition: str | None = None
    licence: str | None = None
    licence_url: str | None = None
    url: str | None = None
    synthetic: bool = False

    @classmethod
    def plain(cls, name: str) -> "Source":
        return cls(name=name, title=name, attribution=name)

    @property
    def described(self) -> bool:
        return self != Source.plain(self.name)


FIELDS = tuple(f.name for f in dataclasses.fields(Source))
_SET = ", ".join(f"{f} = excluded.{f}" for f in FIELDS if f != "name")
_OLD = ", ".join(f"source.{f}" for f in FIELDS if f != "name")
_NEW = ", ".join(f"excluded.{f}" for f in FIELDS if f != "name")
_COLUMNS = ", ".join(FIELDS)
_VALUES = ", ".join(f":{f}" for f in FIELDS)

# A described source updates its row when its description changed; a plain name only
# makes sure the row exists.
_DESCRIBE = sa.text(f"""
    INSERT INTO source ({_COLUMNS}, loaded_at) VALUES ({_VALUES}, now())
    ON CONFLICT (name) DO UPDATE SET {_SET}
    WHERE ({_OLD}) IS DISTINCT FROM ({_NEW})
    RETURNING name""")
_ENSURE = sa.text(f"""
    INSERT INTO source ({_COLUMNS}, loaded_at) VALUES ({_VALUES}, now())
    ON CONFLICT (name) DO NOTHING
    RETURNING name""")
_TOUCH = sa.text("UPDATE source SET loaded_at = now() WHERE name = :name")


def register(conn, source: Source | str) -> tuple[Source, bool]:
    """Create or update the source row; return the Source (a str is a plain name) and
    whether its row was written (created, or its description changed)."""
    if isinstance(source, str):
        source = Source.plain(source)
    wrote = conn.execute(_DESCRIBE if source.described else _ENSURE,
                         dataclasses.asdict(source)).first()
    return source, wrote is not None


def touch(conn, source: Source) -> None:
    """Record that ``source``'s data changed now. Called only when a merge wrote rows, so
    an idempotent re-load leaves the source row as it was."""
    conn.execute(_TOUCH, {"name": source.name})
