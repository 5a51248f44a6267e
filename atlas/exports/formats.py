"""Writers of a layer's rows, one per format; each yields the file as chunks of bytes.

- GeoJSON and CSV are streamed: memory stays constant whatever the number of rows.
  PostgreSQL writes each GeoJSON feature (``json_build_object`` + ``ST_AsGeoJSON``, read
  in batches from a server-side cursor) and the whole CSV (``COPY ... TO STDOUT``), so
  Python only joins texts.
- GeoPackage, Shapefile (zipped) and FlatGeobuf are written by GDAL (pyogrio) into a
  temporary folder in batches, then streamed and deleted. FlatGeobuf cannot append: its
  rows go to a GeoPackage in batches first, which GDAL then copies to FlatGeobuf as an
  Arrow stream (batch by batch too), so no format holds the whole layer in memory. A
  FlatGeobuf spatial index needs a geometry: rows without one (communes without an
  outline, their labels) are left out of that format (its description says so).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings
import zipfile
from collections.abc import Iterator

import geopandas as gpd
import pandas as pd
import pyogrio
import pyogrio.raw
import shapely
import sqlalchemy as sa

from atlas import csvsafe
from atlas.exports.layers import FIELDS, GEOMETRY, Field
from atlas.exports.sheet import CSV_SEPARATOR

BATCH = 5_000  # rows per fetch from the server-side cursor
CHUNK = 256 * 1024  # bytes per piece of a streamed file


def _flat(field: Field, column) -> sa.ColumnElement:
    """The field as one scalar value (CSV, GeoPackage, Shapefile, FlatGeobuf)."""
    if field.kind == "list":
        return sa.func.array_to_string(column, ";")
    if field.kind == "json":
        return sa.cast(column, sa.Text)
    return column


def _rows(conn, stmt: sa.Select) -> Iterator[list]:
    """Batches of rows from a server-side cursor (psycopg named cursor)."""
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(stmt)
    yield from result.partitions()


# --- GeoJSON ---------------------------------------------------------------------------

def geojson(conn, layer: str, stmt: sa.Select, metadata: dict) -> Iterator[bytes]:
    """RFC 7946: WGS 84 lon/lat, 6 decimals, exterior rings counterclockwise (right-hand
    rule), no ``crs`` member; ``metadata`` (sources, licence, filters) is a foreign
    member written before the features."""
    t = stmt.subquery("t")
    geom = t.c.geom
    if GEOMETRY[layer] != "Point":
        geom = sa.func.ST_ForcePolygonCCW(geom)
    props = []
    for field in FIELDS[layer]:
        props += [sa.literal_column(f"'{field.name}'"), t.c[field.name]]
    feature = sa.func.json_build_object(
        sa.literal_column("'type'"), sa.literal_column("'Feature'"),
        sa.literal_column("'id'"), t.c[FIELDS[layer][0].name],
        sa.literal_column("'geometry'"),
        sa.cast(sa.func.ST_AsGeoJSON(geom, 6), sa.JSON),
        sa.literal_column("'properties'"), sa.func.json_build_object(*props))
    head = {"type": "FeatureCollection", "name": layer, "metadata": metadata}
    text = json.dumps(head, ensure_ascii=False)
    yield (text[:-1] + ',"features":[\n').encode()
    first = True
    for batch in _rows(conn, sa.select(sa.cast(feature, sa.Text))):
        body = ",\n".join(r[0] for r in batch)
        yield ((body if first else ",\n" + body)).encode()
        first = False
    yield b"\n]}\n"


# --- CSV -------------------------------------------------------------------------------



def _decimal(column) -> sa.ColumnElement:
    # Decimal comma, 6 decimals at most: a French spreadsheet reads "48,8566" as a
    # number, and might read "2.35" as a date.
    text = sa.func.replace(sa.cast(sa.func.round(sa.cast(column, sa.Numeric), 6), sa.Text),
                           ".", ",")
    return sa.func.rtrim(sa.func.rtrim(text, "0"), ",")


def _csv_value(field: Field, column) -> sa.ColumnElement:
    if field.kind == "bool":
        return sa.case((column, "true"), (sa.not_(column), "false"))
    if field.kind == "int":
        return column
    # Text a spreadsheet would run as a formula is neutralised (atlas.csvsafe).
    return csvsafe.sql(_flat(field, column))


def csv_(conn, layer: str, stmt: sa.Select, metadata: dict) -> Iterator[bytes]:
    """UTF-8 with a byte-order mark (so Excel does not read it as Windows-1252), ``;``
    between fields, ``lat`` and ``lon`` (WGS 84, the point on surface for a commune) with
    a decimal comma; the source and licence are columns of every row.

    PostgreSQL writes the CSV (``COPY ... TO STDOUT``, quoting as RFC 4180), streamed
    through psycopg in the export's transaction: Python only groups the pieces."""
    fields = FIELDS[layer]
    t = stmt.subquery("t")
    point = t.c.point
    query = sa.select(*[_csv_value(f, t.c[f.name]).label(f.name) for f in fields],
                      _decimal(sa.func.ST_Y(point)).label("lat"),
                      _decimal(sa.func.ST_X(point)).label("lon"))
    # Values stay parameters: psycopg binds them into the COPY (which takes none itself).
    compiled = query.compile(dialect=conn.dialect,
                             compile_kwargs={"render_postcompile": True})
    copy = (f"COPY ({compiled}) TO STDOUT WITH (FORMAT csv, HEADER, "
            f"DELIMITER '{CSV_SEPARATOR}', ENCODING 'UTF8')")
    cursor = conn.connection.driver_connection.cursor()
    try:
        yield "\ufeff".encode()
        pieces, size = [], 0
        with cursor.copy(copy, compiled.params) as rows:
            for piece in rows:
                pieces.append(bytes(piece))
                size += len(piece)
                if size >= CHUNK:
                    yield b"".join(pieces)
                    pieces, size = [], 0
        if pieces:
            yield b"".join(pieces)
    finally:
        cursor.close()


# --- GDAL formats ----------------------------------------------------------------------

# format → (OGR driver, extension of the written file, can the driver append batches)
OGR = {"gpkg": ("GPKG", "gpkg", True), "shp.zip": ("ESRI Shapefile", "shp", True),
       "fgb": ("FlatGeobuf", "fgb", False)}
NO_OUTLINE = ("Les lignes sans géométrie (communes sans contour dans les contours IGN "
              "2018, et leurs labels) ne sont pas dans ce fichier : l'index spatial "
              "FlatGeobuf exige une géométrie.")
_DTYPES = {"int": "Int64", "bool": "boolean", "text": object, "list": object, "json": object}


def _frame(layer: str, batch, names: list[str], crs: int) -> gpd.GeoDataFrame:
    fields = FIELDS[layer]
    data = {name: pd.array([r[i] for r in batch], dtype=_DTYPES[f.kind])
            for i, (f, name) in enumerate(zip(fields, names))}
    geometry = shapely.from_wkb([r[-1] for r in batch])
    return gpd.GeoDataFrame(data, geometry=geometry, crs=f"EPSG:{crs}")


def _licence_text(metadata: dict) -> str:
    lines = [metadata["title"], "", f"Exported {metadata['exported']} with filters: "
             + (", ".join(f"{k}={v}" for k, v in metadata["filters"].items()) or "none"),
             "", "Sources and licences:"]
    for src in metadata["sources"]:
        lines.append(f"- {src['attribution']}" + (f" ({src['licence']})"
                                                   if src.get("licence") else ""))
    return "\n".join(lines) + "\n"


def ogr(conn, layer: str, stmt: sa.Select, metadata: dict, fmt: str,
        crs: int) -> Iterator[bytes]:
    """The layer written by GDAL into a temporary folder in EPSG:``crs`` (4326 or 2154),
    then streamed; the folder is deleted when the stream ends or is closed."""
    driver, ext, appends = OGR[fmt]
    fields = FIELDS[layer]
    names = [f.shp if driver == "ESRI Shapefile" else f.name for f in fields]
    t = stmt.subquery("t")
    geom = t.c.geom if crs == 4326 else sa.func.ST_Transform(t.c.geom, crs)
    query = sa.select(*[_flat(f, t.c[f.name]) for f in fields], sa.func.ST_AsBinary(geom))
    description = _licence_text(metadata)
    if driver == "FlatGeobuf":
        query = query.where(t.c.geom.is_not(None))
        description += "\n" + NO_OUTLINE + "\n"
    folder = tempfile.mkdtemp(prefix="atlas-export-")
    try:
        # A driver that cannot append is fed from a GeoPackage written in batches.
        batch_driver, batch_ext = (driver, ext) if appends else ("GPKG", "gpkg")
        path = os.path.join(folder, f"{layer}.{batch_ext}")
        options = {"encoding": "UTF-8"} if driver == "ESRI Shapefile" else {}
        if driver == "GPKG":
            options["layer_options"] = {"IDENTIFIER": metadata["title"],
                                        "DESCRIPTION": description}
        written = False
        for batch in _rows(conn, query):
            if not batch:
                continue
            with warnings.catch_warnings():
                # dBase cuts texts at 254 characters: documented, not worth a warning
                # per download in the server's log.
                warnings.filterwarnings("ignore", "Value .* has been truncated")
                pyogrio.write_dataframe(_frame(layer, batch, names, crs), path,
                                        layer=layer, driver=batch_driver, append=written,
                                        geometry_type=GEOMETRY[layer],
                                        promote_to_multi=GEOMETRY[layer] != "Point",
                                        **({} if written else options))
            written = True
        if not written:  # no row: still a valid, empty layer with its fields
            empty = gpd.GeoDataFrame({n: pd.array([], dtype=_DTYPES[f.kind])
                                      for f, n in zip(fields, names)},
                                     geometry=gpd.GeoSeries([], crs=f"EPSG:{crs}"))
            pyogrio.write_dataframe(empty, path, layer=layer, driver=batch_driver,
                                    geometry_type=GEOMETRY[layer], **options)
        if driver == "FlatGeobuf":
            path = _flatgeobuf(path, layer, metadata["title"], description)
        if driver == "ESRI Shapefile":
            path = _zip(folder, layer, description)
        yield from _read(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _flatgeobuf(gpkg: str, layer: str, title: str, description: str) -> str:
    """The GeoPackage's layer copied to a FlatGeobuf beside it, as an Arrow stream read
    and written batch by batch (GDAL keeps only the spatial index in memory)."""
    out = gpkg[:-len("gpkg")] + "fgb"
    with pyogrio.raw.open_arrow(gpkg, layer=layer, batch_size=BATCH) as (meta, stream):
        pyogrio.raw.write_arrow(stream, out, layer=layer, driver="FlatGeobuf",
                                geometry_name=meta["geometry_name"] or "geom",
                                geometry_type=meta["geometry_type"], crs=meta["crs"],
                                layer_options={"TITLE": title, "DESCRIPTION": description})
    return out


def _zip(folder: str, layer: str, licence: str) -> str:
    out = os.path.join(folder, f"{layer}.zip")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for ext in ("shp", "shx", "dbf", "prj", "cpg"):
            part = os.path.join(folder, f"{layer}.{ext}")
            if os.path.exists(part):
                z.write(part, f"{layer}.{ext}")
        z.writestr("LICENCE.txt", licence)
    return out


def _read(path: str) -> Iterator[bytes]:
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            yield chunk
