"""Exports: a layer of the filtered view as a file (GeoJSON, CSV, GeoPackage, zipped
Shapefile, FlatGeobuf), the one implementation behind ``GET /export/<layer>.<format>``
and ``python -m atlas export``.

``request(layer, format, args)`` validates everything before any query: the layer and
the format (``NotFound`` when unknown), the API's filter parameters (``atlas.filters``:
an unknown parameter, ``limit`` and ``offset`` included, is an ``InvalidParameter``: an
export is the whole filtered view, never a page of it) and ``crs`` (4326, or 2154
Lambert-93 for the GDAL formats). ``stream(engine, export)`` yields the file's bytes;
``filename`` says the layer, the date and the filters. No Flask here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Mapping

import sqlalchemy as sa

from atlas import filters
from atlas.errors import InvalidParameter, NotFound
from atlas.exports import layers
from atlas.filters import Filters

LAYERS = tuple(layers.FIELDS)
# format name → media type
FORMATS = {
    "geojson": "application/geo+json",
    "csv": "text/csv; charset=utf-8",
    "gpkg": "application/geopackage+sqlite3",
    "shp.zip": "application/zip",
    "fgb": "application/flatgeobuf",
}
CRS = {"geojson": (4326,), "csv": (4326,), "gpkg": (4326, 2154), "shp.zip": (4326, 2154),
       "fgb": (4326, 2154)}
PARAMS = [p.name for p in filters.FILTER_PARAMS] + ["crs"]
TITLE = "Atlas des initiatives numériques"


@dataclasses.dataclass(frozen=True)
class Export:
    layer: str
    format: str
    filters: Filters
    crs: int = 4326

    @property
    def media_type(self) -> str:
        return FORMATS[self.format]


def request(layer: str, fmt: str, args: Mapping[str, list[str]]) -> Export:
    """Validate an export request; ``args`` maps parameter names to their raw values."""
    if layer not in LAYERS:
        raise NotFound(f"no export layer {layer[:40]!r} (layers: {', '.join(LAYERS)})")
    if fmt not in FORMATS:
        raise NotFound(f"no export format {fmt[:40]!r} (formats: {', '.join(FORMATS)})")
    filters.check_known(args, PARAMS)
    f = filters.parse(args)
    crs = 4326
    if (text := filters.one(args, "crs")) is not None:
        m = re.fullmatch(r"(?:EPSG:)?(\d{4,5})", text.upper())
        crs = int(m.group(1)) if m else 0
        if crs not in CRS[fmt]:
            raise InvalidParameter(
                f"crs: {text[:40]!r} is not available for {fmt} (accepted: "
                f"{', '.join(map(str, CRS[fmt]))})", param="crs")
    return Export(layer, fmt, f, crs)


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9.]+", "-", ascii_.lower()).strip("-.")


def filename(export: Export, today: dt.date | None = None) -> str:
    """``initiatives_2026-11-23_domain-education_level-4-5.geojson``: layer, date, the
    filters in their canonical order (ASCII only, at most 180 characters)."""
    today = today or dt.date.today()
    parts = [export.layer, today.isoformat()]
    parts += [f"{name.replace('_', '-')}-{_slug(value.replace(',', ' '))}"
              for name, value in export.filters.query()]
    if export.crs != 4326:
        parts.append(f"epsg-{export.crs}")
    stem = "_".join(parts)
    return stem[:180].rstrip("-_") + "." + export.format


def metadata(conn, export: Export) -> dict:
    """What the file says about itself: title, layer, filters, date, CRS, and every
    source of its data with attribution and licence (the reference data first)."""
    records = layers.record_sources(conn, export.layer, export.filters)
    return {
        "title": f"{TITLE} – {export.layer}",
        "layer": export.layer,
        "filters": dict(export.filters.query()),
        "exported": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "crs": f"EPSG:{export.crs}",
        "licence": "Licence Ouverte / Open Licence 2.0 (Etalab), unless a source says "
                   "otherwise",
        "sources": [*layers.REFERENCE_SOURCES,
                    *({k: v for k, v in r.items() if k != "name"} | {"name": r["name"]}
                      for r in records)],
    }


def stream(engine, export: Export, timeout_ms: int = 0) -> Iterator[bytes]:
    """The file's bytes. One connection (one REPEATABLE READ transaction, so metadata
    and rows see the same data) is held until the iterator ends or is closed; with
    ``timeout_ms``, each statement of it is cancelled past that time (web downloads)."""
    # Imported here: GDAL and pandas take a second to import, and every CLI command
    # imports this package for its option lists.
    from atlas.exports import formats

    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn:
        # The planner overestimates these joins and JIT-compiles for a third of a second
        # what then runs in milliseconds; a streamed scan gains nothing from it either.
        conn.execute(sa.text("SELECT set_config('jit', 'off', true), "
                             "set_config('statement_timeout', CAST(:ms AS text), true)"),
                     {"ms": int(timeout_ms)})
        meta = metadata(conn, export)
        stmt = layers.statement(export.layer, export.filters)
        if export.format == "geojson":
            yield from formats.geojson(conn, export.layer, stmt, meta)
        elif export.format == "csv":
            yield from formats.csv_(conn, export.layer, stmt, meta)
        else:
            yield from formats.ogr(conn, export.layer, stmt, meta, export.format,
                                   export.crs)
