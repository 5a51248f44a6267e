"""The pre-simplified outlines of the tile layers (``tile_shape``, migrations 0006, 0007).

Derived from ``region``, ``departement`` and ``commune``, kept in step by the write path
(``loaders.pipeline``) in the writer's transaction: ``sync`` redoes the outlines of the
codes whose row changed, ``rebuild`` every one (``python -m atlas rebuild``, a first load).
"""

from __future__ import annotations

import sqlalchemy as sa

# metres per tile unit at zoom z, extent 4096: 40075016.686 / (2^z * 4096); see 0006.
_ROWS = """
    SELECT layer, code, name, parent, ST_Envelope(geom) AS bbox,
           CASE WHEN layer <> 'communes' THEN ST_Simplify(g, 2446, true) END AS g0,
           CASE WHEN layer <> 'communes' THEN ST_Simplify(g, 306, true) END AS g3,
           ST_Simplify(g, 38, true) AS g6,
           g AS g9
    FROM (
        SELECT 'regions'::text AS layer, code::text AS code, name, NULL::text AS parent,
               geom, ST_Transform(geom, 3857) AS g
        FROM region WHERE geom IS NOT NULL AND {regions}
        UNION ALL
        SELECT 'departements', code, name, region_code, geom, ST_Transform(geom, 3857)
        FROM departement WHERE geom IS NOT NULL AND {departements}
        UNION ALL
        SELECT 'communes', insee, name, departement_code, geom, ST_Transform(geom, 3857)
        FROM commune WHERE geom IS NOT NULL AND {communes}
    ) s
"""
LAYERS = {"regions": "code", "departements": "code", "communes": "insee"}


def sync(conn, codes: dict[str, set[str]]) -> int:
    """Redo the outlines of ``codes`` ({layer: codes whose row changed or was deleted});
    returns how many codes were synced."""
    codes = {layer: sorted(c) for layer, c in codes.items() if c}
    if not codes:
        return 0
    for layer, keys in codes.items():
        conn.execute(sa.text("DELETE FROM tile_shape WHERE layer = :l AND code = ANY(:c)"),
                     {"l": layer, "c": keys})
    where = {layer: (f"{column} = ANY(:{layer})" if layer in codes else "false")
             for layer, column in LAYERS.items()}
    conn.execute(sa.text("INSERT INTO tile_shape " + _ROWS.format(**where)),
                 {layer: keys for layer, keys in codes.items()})
    return sum(map(len, codes.values()))


def rebuild(conn) -> int:
    """Redo every outline (about 1.3 s for the 35,000 communes); returns the row count."""
    conn.execute(sa.text("DELETE FROM tile_shape"))
    return conn.execute(sa.text("INSERT INTO tile_shape " + _ROWS.format(
        **{layer: "true" for layer in LAYERS}))).rowcount


def stale(conn) -> int:
    """How many outlines differ between the table and a rebuild (0 when in step)."""
    fresh = _ROWS.format(**{layer: "true" for layer in LAYERS})
    return conn.scalar(sa.text(f"""
        WITH fresh AS ({fresh})
        SELECT count(*) FROM (
            (SELECT * FROM tile_shape EXCEPT ALL SELECT * FROM fresh)
            UNION ALL
            (SELECT * FROM fresh EXCEPT ALL SELECT * FROM tile_shape)) d"""))
