"""Commune boundary files as staff receive them: read, check, reproject, reconcile.

Formats: GeoJSON (plain or gzip), ESRI Shapefile (plain or zipped), GeoPackage, detected
from the file's content by GDAL (``fmt`` makes a file of another format an error). Any CRS GDAL and pyproj know is
reprojected to EPSG:4326. Field schemas of IGN ADMIN EXPRESS (``INSEE_COM``, ``NOM``), of
Etalab / france-geojson (``code``, ``nom``) and a few others are recognised; ``fields``
maps anything else.

Reconciliation brings a boundary file of an older vintage to the current commune list: a
code that is no longer current is mapped to its successor through the COG's former codes
and its polygon unioned into the successor's; invalid polygons are repaired.

A GeoJSON FeatureCollection of polygons in WGS 84 (the national files) is parsed here in
one pass (``_read_geojson``) rather than by GDAL, whose GeoJSON driver reads a large file
twice (once for its schema); anything else in it (a ``crs`` member, another geometry
type, a third coordinate) goes to GDAL as before.
"""

from __future__ import annotations

import dataclasses
import gzip
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import geopandas as gpd
import msgspec
import numpy as np
import pyogrio
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError

from atlas.errors import InputError

FORMATS = {"geojson": "GeoJSON", "shapefile": "ESRI Shapefile", "gpkg": "GPKG"}
# (code field, name field), most specific first; matched without regard to case.
KNOWN_SCHEMAS = (("insee_com", "nom"), ("code_insee", "nom"), ("codgeo", "libgeo"),
                 ("insee", "nom"), ("code", "nom"))


@dataclasses.dataclass
class Boundaries:
    """Polygons keyed by the code found in the file, in EPSG:4326."""

    frame: gpd.GeoDataFrame  # columns: code, name, geometry
    path: str
    driver: str
    source_crs: str
    code_field: str


def _open(path: Path) -> tuple[str, str | None]:
    """The GDAL path of ``path`` and its format, recognised from the first bytes.

    Knowing the format from the content spares GDAL's read_info, which parses a whole
    GeoJSON file just to list its fields. None: let GDAL find out.
    """
    with open(path, "rb") as f:
        head = f.read(16)
    if head[:2] == b"\x1f\x8b":
        with gzip.open(path) as g:
            inner = g.read(64).lstrip()
        if not inner:
            raise InputError(f"{path}: empty gzip file")
        return f"/vsigzip/{path}", "GeoJSON" if inner[:1] == b"{" else None
    if head[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(path) as z:
            shp = [n for n in z.namelist() if n.lower().endswith(".shp")]
        if len(shp) != 1:
            raise InputError(f"{path}: a zip file must hold exactly one .shp (found {len(shp)})")
        return f"/vsizip/{path}/{shp[0]}", "ESRI Shapefile"
    if head.startswith(b"SQLite format 3"):
        return str(path), "GPKG"
    if head[:4] == b"\x00\x00\x27\x0a":
        return str(path), "ESRI Shapefile"
    if head.lstrip()[:1] == b"{":
        return str(path), "GeoJSON"
    return str(path), None


def _pick_fields(columns: list[str], fields: dict[str, str]) -> tuple[str, str | None]:
    lower = {c.lower(): c for c in columns}
    if "code" in fields:
        if fields["code"] not in columns:
            raise InputError(f"field {fields['code']!r} (given for the INSEE code) is not in "
                             f"the file; its fields are: {', '.join(columns)}")
        name = fields.get("name")
        if name is not None and name not in columns:
            raise InputError(f"field {name!r} (given for the name) is not in the file")
        return fields["code"], name
    for code, name in KNOWN_SCHEMAS:
        if code in lower:
            return lower[code], fields.get("name") or lower.get(name)
    raise InputError("no INSEE code field found (looked for INSEE_COM, code_insee, CODGEO, "
                     f"insee, code) among: {', '.join(columns) or 'no fields'}; "
                     "name it with --field code=FIELD")


def read(path: Path, fmt: str | None = None, fields: dict[str, str] | None = None,
         crs: str | None = None) -> Boundaries:
    """Read a commune boundary file; raise InputError with one clear line if unusable.

    ``fmt``: one of FORMATS to force the driver; ``fields``: {"code": ..., "name": ...};
    ``crs``: the CRS to assume when the file declares none (e.g. "EPSG:2154").
    """
    fields = fields or {}
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        gdal_path, driver = _open(path)
        if driver is None:
            driver = pyogrio.read_info(gdal_path).get("driver") or "?"
        if fmt and FORMATS[fmt] != driver:
            raise InputError(f"{path}: --format {fmt} given, but the file is {driver}")
        frame = _read_geojson(path) if driver == "GeoJSON" else None
        if frame is None:
            frame = pyogrio.read_dataframe(gdal_path)
    except (OSError, zipfile.BadZipFile, pyogrio.errors.DataSourceError,
            pyogrio.errors.DataLayerError, pyogrio.errors.FieldError) as e:
        raise InputError(f"{path}: cannot be read as a boundary file ({_first_line(e)})") \
            from None
    code_field, name_field = _pick_fields([c for c in frame.columns if c != "geometry"],
                                          fields)
    if len(frame) == 0:
        raise InputError(f"{path}: the file holds no feature")

    source_crs = frame.crs
    if source_crs is None:
        if not crs:
            raise InputError(f"{path}: the file declares no CRS; give it with --crs "
                             "(e.g. --crs EPSG:2154)")
        try:
            source_crs = CRS.from_user_input(crs)
        except CRSError:
            raise InputError(f"unknown CRS {crs!r}") from None
        frame = frame.set_crs(source_crs)
    elif CRS.from_user_input(source_crs).to_epsg() is None and \
            not CRS.from_user_input(source_crs).is_projected and \
            not CRS.from_user_input(source_crs).is_geographic:
        raise InputError(f"{path}: its CRS cannot be used ({source_crs.name})")

    _check_polygons(frame, code_field, path)
    codes = frame[code_field].astype("string").str.strip()
    if codes.isna().any() or (codes == "").any():
        raise InputError(f"{path}: {int((codes.isna() | (codes == '')).sum())} feature(s) have "
                         f"an empty {code_field}")
    # Numeric code fields lose leading zeros ("1001" for 01001).
    codes = codes.where(codes.str.len() != 4, codes.str.zfill(5))
    out = gpd.GeoDataFrame({
        "code": codes.to_numpy(dtype=object),
        "name": (frame[name_field].astype("string").to_numpy(dtype=object)
                 if name_field else np.full(len(frame), None, dtype=object))},
        geometry=frame.geometry.to_numpy(), crs=frame.crs)
    epsg = CRS.from_user_input(out.crs).to_epsg()
    if epsg != 4326:
        out = out.to_crs(4326)
    return Boundaries(out, str(path), driver,
                      CRS.from_user_input(source_crs).to_string(), code_field)


class _Geometry(msgspec.Struct):
    type: str
    coordinates: msgspec.Raw  # left as text: parsed below, all features at once


class _Feature(msgspec.Struct):
    geometry: _Geometry | None
    properties: dict | None = None
    id: object = None  # GDAL may make it a column: such a file is left to GDAL


class _Collection(msgspec.Struct):
    type: str
    features: list[_Feature]
    crs: object = None  # an old-style CRS member: GDAL reads such a file


_BRACKETS = bytes.maketrans(b"[]", b"  ")


def _read_geojson(path: Path) -> gpd.GeoDataFrame | None:
    """A FeatureCollection of Polygons and MultiPolygons, as GDAL would read it (the
    properties as columns, every geometry as a MultiPolygon, EPSG:4326); None for
    anything else, which GDAL then reads (and reports on).

    Every feature's coordinates are joined into one text: its numbers, brackets taken
    off, are one JSON array (parsed by msgspec, correctly rounded like GDAL's parser),
    and the depth of each opening bracket tells a point (4), a ring (3), a polygon (2)
    or a feature (1), whose positions give the offsets of ``shapely.from_ragged_array``.
    """
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        doc = msgspec.json.decode(data, type=_Collection)
    except msgspec.DecodeError:
        return None
    if doc.type != "FeatureCollection" or doc.crs is not None or not doc.features:
        return None
    parts = []
    for f in doc.features:
        g = f.geometry
        if g is None or g.type not in ("Polygon", "MultiPolygon") or f.id is not None:
            return None
        parts.append(b"[" + bytes(g.coordinates) + b"]" if g.type == "Polygon"
                     else bytes(g.coordinates))
    joined = b",".join(parts)
    try:
        values = msgspec.json.decode(b"[" + joined.translate(_BRACKETS) + b"]",
                                     type=list[float])
    except msgspec.DecodeError:
        return None  # an empty ring or polygon, or something else than numbers
    text = np.frombuffer(joined, dtype=np.uint8)
    brackets = np.flatnonzero((text == ord("[")) | (text == ord("]")))
    opens = text[brackets] == ord("[")
    depth = np.cumsum(np.where(opens, 1, -1))
    where, level = brackets[opens], depth[opens]
    points, rings, polygons, features = (where[level == n] for n in (4, 3, 2, 1))
    if (len(features) != len(doc.features) or level.max() != 4
            or len(values) != 2 * len(points)):
        return None  # a third coordinate, or nesting that is no (multi)polygon
    offsets = (np.append(np.searchsorted(points, rings), len(points)),
               np.append(np.searchsorted(rings, polygons), len(rings)),
               np.append(np.searchsorted(polygons, features), len(polygons)))
    geoms = shapely.from_ragged_array(
        shapely.GeometryType.MULTIPOLYGON,
        np.asarray(values, dtype=np.float64).reshape(-1, 2), offsets)
    columns: dict[str, None] = {}
    for f in doc.features:
        columns.update(dict.fromkeys(f.properties or ()))
    table = {c: np.array([(f.properties or {}).get(c) for f in doc.features], dtype=object)
             for c in columns if c != "geometry"}
    return gpd.GeoDataFrame(table, geometry=geoms, crs=4326)


def _first_line(e: Exception) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


def _check_polygons(frame: gpd.GeoDataFrame, code_field: str, path: Path) -> None:
    kinds = frame.geometry.geom_type
    bad = ~kinds.isin(["Polygon", "MultiPolygon"])
    if bad.any():
        examples = ", ".join(f"{c} ({k})" for c, k in
                             zip(frame.loc[bad, code_field].head(3), kinds[bad].head(3)))
        raise InputError(f"{path}: {int(bad.sum())} feature(s) are not polygons, e.g. "
                         f"{examples}")


@dataclasses.dataclass
class Reconciled:
    frame: gpd.GeoDataFrame  # insee, geometry (MultiPolygon, EPSG:4326), point
    remapped: dict[str, str]  # old code → current code
    repaired: list[str]  # codes whose polygon was invalid and repaired
    unknown: list[tuple[str, str | None]]  # boundary codes with no current commune (code, name)


def reconcile(boundaries: Boundaries, successor: dict[str, str]) -> Reconciled:
    """Key every polygon by its current commune; union those that now form one commune."""
    f = boundaries.frame
    geoms = f.geometry.to_numpy()
    invalid = ~_is_valid(geoms)
    repaired = sorted(f.loc[invalid, "code"])
    if invalid.any():
        geoms = geoms.copy()
        geoms[invalid] = [_polygonal(shapely.make_valid(g)) for g in geoms[invalid]]
    target = f["code"].map(successor)
    unknown_mask = target.isna().to_numpy()
    unknown = sorted(zip(f.loc[unknown_mask, "code"], f.loc[unknown_mask, "name"]))
    # Plain object arrays: iterating a pandas string column goes element by element
    # through pandas (a second for a national file).
    remapped = {c: t for c, t in zip(f["code"].to_numpy(dtype=object),
                                     target.to_numpy(dtype=object))
                if isinstance(t, str) and c != t}

    codes = target[~unknown_mask].reset_index(drop=True)
    geoms = geoms[~unknown_mask]
    shared = codes.duplicated(keep=False).to_numpy()
    out_codes = codes[~shared].to_numpy(dtype=object).tolist()
    out_geoms = list(geoms[~shared])
    for code, index in codes[shared].groupby(codes[shared]).groups.items():
        out_codes.append(code)
        # Polygons of merged communes share borders: union them into one outline.
        out_geoms.append(_polygonal(shapely.union_all(geoms[index])))
    out_geoms = np.array(out_geoms, dtype=object)
    # Store every outline as a MultiPolygon, the column's type.
    single = shapely.get_type_id(out_geoms) == 3
    out_geoms[single] = shapely.multipolygons(out_geoms[single][:, np.newaxis])
    frame = gpd.GeoDataFrame({"insee": out_codes}, geometry=out_geoms, crs=4326)
    frame["point"] = shapely.point_on_surface(out_geoms)
    return Reconciled(frame.sort_values("insee", ignore_index=True), remapped, repaired,
                      unknown)


def _is_valid(geoms: np.ndarray) -> np.ndarray:
    """shapely.is_valid on two cores: GEOS releases the GIL, and validity checks are the
    costliest step of reconciling a national file."""
    if len(geoms) < 10_000:
        return shapely.is_valid(geoms)
    half = len(geoms) // 2
    with ThreadPoolExecutor(max_workers=1) as pool:
        second = pool.submit(shapely.is_valid, geoms[half:])
        first = shapely.is_valid(geoms[:half])
        return np.concatenate([first, second.result()])


def _polygonal(geom):
    """The polygonal part of a geometry (make_valid may add lines or points)."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.MultiPolygon()
