"""A commune's label: its own latest award, else its intercommunalité's. One rule, one SQL.

Villes Internet labels communes and EPCI alike. A commune of a 5 @ métropole that never
applied itself is still "labelled", by its EPCI: the map, the API, the exports, the tiles,
the peers and the pages all show it so, flagged as the EPCI's (with its SIREN and name),
never as the commune's own. The rule, written once here:

- the commune's own award wins: its latest one, or its award in ``edition`` when an
  edition is asked for;
- else its EPCI's award, chosen the same way;
- else none.

``LATEST_SQL`` is a ``LEFT JOIN LATERAL`` fragment for any query holding a commune code
column; its columns are ``label_year``, ``label_level``, ``label_epci_siren`` (NULL when
the award is the commune's own) and ``label_epci_name``. Both branches are index look-ups
(``label_award_commune_year_uq``, ``epci_member_commune_idx``, ``label_award_epci_year_uq``),
so the fragment costs two probes per commune. The edition is a bound value, never text.
"""

from __future__ import annotations

import sqlalchemy as sa

COLUMNS = ("label_year", "label_level", "label_epci_siren", "label_epci_name")

# {commune}: a column reference of the outer query (a constant of the caller, never input);
# {edition}: a bind parameter name; {alias}: the lateral's alias.
_BODY = """
    SELECT ll.year AS label_year, ll.level AS label_level,
           ll.epci_siren AS label_epci_siren, le.name AS label_epci_name
    FROM (
        (SELECT la.year, la.level, NULL::varchar AS epci_siren, 0 AS rank
         FROM label_award la
         WHERE la.commune_insee = {commune}
           AND (CAST(:{edition} AS int) IS NULL OR la.year = CAST(:{edition} AS int))
         ORDER BY la.year DESC LIMIT 1)
        UNION ALL
        (SELECT la.year, la.level, la.epci_siren, 1 AS rank
         FROM epci_member lm JOIN label_award la ON la.epci_siren = lm.epci_siren
         WHERE lm.commune_insee = {commune}
           AND (CAST(:{edition} AS int) IS NULL OR la.year = CAST(:{edition} AS int))
         ORDER BY la.year DESC LIMIT 1)
    ) ll
    LEFT JOIN epci le ON le.siren = ll.epci_siren
    ORDER BY ll.rank LIMIT 1"""
_LATERAL = "LEFT JOIN LATERAL (" + _BODY + ") {alias} ON true"


def latest_sql(commune: str, alias: str = "lbl", edition: str = "label_year") -> str:
    """The ``LEFT JOIN LATERAL`` fragment giving the label of the commune whose code is
    the column ``commune`` (e.g. ``"c.insee"``), in the edition bound as ``:edition``
    (NULL: the latest). Arguments are constants of the calling module."""
    return _LATERAL.format(commune=commune, alias=alias, edition=edition)


def latest_lateral(commune: sa.ColumnElement, edition: int | None,
                   alias: str = "lbl") -> sa.Subquery:
    """The same rule as a SQLAlchemy lateral subquery correlated to ``commune``, for
    queries built with the expression language (exports); join it with ``sa.true()``."""
    # A text fragment cannot hold a column object: it names the outer column (the
    # caller's constant, table or alias name included), which correlates it.
    text = sa.text(_BODY.format(commune=f"{commune.table.name}.{commune.name}",
                                edition="label_edition"))
    return (text.bindparams(sa.bindparam("label_edition", edition, type_=sa.Integer))
            .columns(sa.column("label_year", sa.Integer), sa.column("label_level", sa.Integer),
                     sa.column("label_epci_siren", sa.Text),
                     sa.column("label_epci_name", sa.Text))
            .lateral(alias))


def as_dict(row, prefix: str = "label_") -> dict | None:
    """The label of a row holding the fragment's columns, as the API answers it:
    ``{"year", "level", "held_by": "commune" | "epci", "epci": {"siren", "name"} | None}``."""
    m = row._mapping
    level = m[prefix + "level"]
    if level is None:
        return None
    siren = m[prefix + "epci_siren"]
    return {"year": m[prefix + "year"], "level": level,
            "held_by": "epci" if siren else "commune",
            "epci": {"siren": siren, "name": m[prefix + "epci_name"]} if siren else None}
