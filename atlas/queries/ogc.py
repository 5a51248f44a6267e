"""OGC API – Features (Parts 1, 2 and 3) over the export layers: the core, no Flask.

The three collections are the layers of ``atlas.exports.layers`` (initiatives and places,
communes with their label, label awards), so a collection's items are exactly what the
API and the exports answer for the same filters. A request is parsed by ``parse_items``
into an ``ItemsQuery`` (the API's filters, read by ``atlas.filters``, plus the standard's
``bbox``/``bbox-crs``, ``datetime``, ``crs``, ``filter`` (CQL2 text), ``filter-crs`` and
queryables given as query parameters); ``items`` runs it.

- Every filter becomes SQL with bound values: the API's ``Filters`` through
  ``atlas.queries.initiatives.where``, CQL2 through ``atlas.cql2`` over a whitelist of
  queryables (the layer's scalar fields → the layer statement's columns).
- PostgreSQL writes each feature (``json_build_object``, ``ST_AsGeoJSON`` of the geometry
  transformed to the requested CRS), so a page of 1,000 is joined text, not 1,000 dicts.
- Paging is the API's: ``ORDER BY`` the feature id, ``limit``/``offset``, a ``COUNT``
  for ``numberMatched``. ``limit`` above the maximum is served as the maximum, as Part 1
  requires (the API, not bound by the standard, refuses it instead).
- CRS: CRS84 (longitude, latitude), EPSG:4326 (latitude, longitude: the EPSG axis
  order), EPSG:2154 (Lambert-93, metres, easting then northing).
- Each request runs under a statement timeout (``STATEMENT_TIMEOUT_MS``).
"""

from __future__ import annotations

import dataclasses
import re

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSON
from sqlalchemy.sql import visitors

from atlas import cql2, filters
from atlas.errors import AtlasError, InvalidParameter, NotFound
from atlas.exports import layers
from atlas.filters import Filters
from atlas.queries import initiatives as iq
from atlas.queries.cache import VersionedCache
from atlas.search import initiative_search as s

STATEMENT_TIMEOUT_MS = 10_000
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326"
EPSG_2154 = "http://www.opengis.net/def/crs/EPSG/0/2154"


@dataclasses.dataclass(frozen=True)
class Crs:
    uri: str
    srid: int
    lat_first: bool  # EPSG:4326's authority axis order
    decimals: int  # 6 decimals of a degree ~ 0.1 m; Lambert-93 to the centimetre


CRSS = {c.uri: c for c in (Crs(CRS84, 4326, False, 6), Crs(EPSG_4326, 4326, True, 6),
                           Crs(EPSG_2154, 2154, False, 2))}
_CRS_ALIASES = {"ogc:crs84": CRS84, "crs84": CRS84, "epsg:4326": EPSG_4326,
                "epsg:2154": EPSG_2154, "http://www.opengis.net/def/crs/ogc/1.3/crs84": CRS84}


@dataclasses.dataclass(frozen=True)
class Collection:
    id: str
    title: str
    description: str
    id_field: str
    temporal: bool  # has a year: datetime applies


COLLECTIONS = {c.id: c for c in (
    Collection("initiatives", "Initiatives et lieux",
               "Les initiatives numériques des collectivités et les lieux (France Services, "
               "conseillers numériques), à leur point, avec le label de leur collectivité.",
               "id", True),
    Collection("communes", "Communes",
               "Les communes qui portent au moins une initiative ou un lieu (contour), avec "
               "leur label Villes Internet et le nombre d'initiatives et de lieux.",
               "insee", False),
    Collection("labels", "Labels Villes Internet",
               "Chaque attribution du label (une par collectivité et par édition), au point "
               "de la commune ou, pour une intercommunalité, de sa commune la plus peuplée.",
               "id", True),
)}

# OGC parameters beside the API's filters (which include bbox, limit and offset).
OGC_PARAMS = ("f", "bbox-crs", "crs", "datetime", "filter", "filter-lang", "filter-crs")
_SQL_TYPES = {"int": sa.BigInteger, "text": sa.Text, "bool": sa.Boolean}
_TYPES = {"int": ("int", "integer"), "text": ("text", "string"), "bool": ("bool", "boolean")}


class QueryTimeout(AtlasError):
    """The query ran past the statement timeout: the filter asks for too much at once."""

    status = 503
    code = "timeout"


def collection(cid: str) -> Collection:
    if cid not in COLLECTIONS:
        raise NotFound(f"no collection {cid[:60]!r} (collections: "
                       f"{', '.join(COLLECTIONS)})")
    return COLLECTIONS[cid]


def crs(text: str | None, param: str = "crs") -> Crs:
    """The CRS a ``crs``/``bbox-crs``/``filter-crs`` value names (default CRS84): its URI,
    ``EPSG:2154`` or the safe CURIE ``[EPSG:2154]``; 400 for any other."""
    if text is None:
        return CRSS[CRS84]
    key = text.strip().strip("[]")
    uri = _CRS_ALIASES.get(key.lower(), key)
    if uri not in CRSS:
        raise InvalidParameter(f"{param}: {text[:80]!r} is not supported (use one of "
                               f"{', '.join(CRSS)})", param=param)
    return CRSS[uri]


def queryables(cid: str) -> dict[str, layers.Field]:
    """The layer's fields a filter may name: the scalar ones (lists and JSON objects are
    filtered by the API's parameters, e.g. ``domain``)."""
    return {f.name: f for f in layers.FIELDS[cid] if f.kind in _TYPES}


def queryables_schema(cid: str, url: str) -> dict:
    """The queryables as JSON Schema (Part 3), geometry included."""
    geometry = {"Point": "geometry-point", "MultiPolygon": "geometry-multipolygon"}
    props = {name: {"type": _TYPES[f.kind][1], "title": name}
             for name, f in queryables(cid).items()}
    props["geometry"] = {"format": geometry[layers.GEOMETRY[cid]],
                         "x-ogc-role": "primary-geometry"}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": url,
            "type": "object", "title": COLLECTIONS[cid].title, "properties": props,
            "additionalProperties": False}


@dataclasses.dataclass(frozen=True)
class ItemsQuery:
    filters: Filters = Filters()
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    bbox: tuple[float, float, float, float] | None = None  # in bbox_crs, its axis order
    bbox_crs: Crs = CRSS[CRS84]
    years: tuple[int | None, int | None] | None = None
    filter: str | None = None
    filter_crs: Crs = CRSS[CRS84]
    crs: Crs = CRSS[CRS84]
    equals: tuple[tuple[str, str], ...] = ()  # queryables given as query parameters

    def query(self) -> list[tuple[str, str]]:
        """The query parameters that select the same features (for the paging links)."""
        out = self.filters.query()
        if self.bbox:
            out.append(("bbox", ",".join(f"{v:.12g}" for v in self.bbox)))
            if self.bbox_crs.uri != CRS84:
                out.append(("bbox-crs", self.bbox_crs.uri))
        if self.years:
            low, high = self.years
            out.append(("datetime", f"{low or '..'}/{high or '..'}" if low != high
                        else str(low)))
        out += list(self.equals)
        if self.filter:
            out.append(("filter", self.filter))
            if self.filter_crs.uri != CRS84:
                out.append(("filter-crs", self.filter_crs.uri))
        if self.crs.uri != CRS84:
            out.append(("crs", self.crs.uri))
        return out


def _number_list(text: str, param: str) -> list[float]:
    parts = text.split(",")
    if len(parts) not in (4, 6) or not all(
            re.fullmatch(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*", p) for p in parts):
        raise InvalidParameter(f"{param}: expected four numbers (or six, with heights)",
                               param=param)
    return [float(p) for p in parts]


def _bbox(text: str | None, box_crs: Crs) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    numbers = _number_list(text, "bbox")
    if len(numbers) == 6:
        numbers = numbers[0:2] + numbers[3:5]
    a1, b1, a2, b2 = numbers
    if a1 > a2 or b1 > b2:
        raise InvalidParameter(f"bbox: {text[:80]} is inverted: expected the lower corner "
                               "first", param="bbox")
    if box_crs.srid == 4326:
        lon1, lat1, lon2, lat2 = (b1, a1, b2, a2) if box_crs.lat_first else (a1, b1, a2, b2)
        if not (-180 <= lon1 and lon2 <= 180 and -90 <= lat1 and lat2 <= 90):
            order = "lat,lon" if box_crs.lat_first else "lon,lat"
            raise InvalidParameter(f"bbox: {text[:80]} is outside the world ({order} in "
                                   f"{box_crs.uri})", param="bbox")
    elif max(map(abs, numbers)) > 1e8:
        raise InvalidParameter(f"bbox: {text[:80]} is outside {box_crs.uri}", param="bbox")
    return a1, b1, a2, b2


def _datetime(text: str | None, cid: str) -> tuple[int | None, int | None] | None:
    """``datetime`` as a range of years: an instant (``2019``, ``2019-05-01``,
    ``2019-05-01T10:00:00Z``) is its year; ``start/end`` with ``..`` or empty for open."""
    if text is None:
        return None
    if not COLLECTIONS[cid].temporal:
        raise InvalidParameter(f"datetime: the collection {cid} has no time", "datetime")

    def year(part: str) -> int | None:
        part = part.strip()
        if part in ("", ".."):
            return None
        m = re.fullmatch(r"(\d{4})(-\d{2}(-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?"
                         r"([Zz]|[+-]\d{2}:?\d{2})?)?)?)?", part)
        if not m:
            raise InvalidParameter(f"datetime: {part[:40]!r} is not a date (RFC 3339) or a "
                                   "year", param="datetime")
        return int(m.group(1))

    if "/" in text:
        start, _, end = text.partition("/")
        low, high = year(start), year(end)
        if low is None and high is None:
            return None
        if low is not None and high is not None and low > high:
            raise InvalidParameter(f"datetime: {text[:40]} ends before it starts",
                                   param="datetime")
        return low, high
    y = year(text)
    if y is None:
        raise InvalidParameter("datetime: '..' alone is not an interval", param="datetime")
    return y, y


def parse_items(cid: str, args: dict[str, list[str]]) -> ItemsQuery:
    """Validate an ``/items`` request's parameters (name → raw values); 400 naming the
    parameter for anything invalid or unknown."""
    collection(cid)
    for name, values in args.items():
        if any("\x00" in v for v in values):  # PostgreSQL text cannot hold it
            raise InvalidParameter(f"{name}: contains a NUL character", param=name)
    named = queryables(cid)
    api = {p.name for p in filters.FILTER_PARAMS} | {"limit", "offset"}
    filters.check_known(args, api | set(OGC_PARAMS) | set(named))
    lang = filters.one(args, "filter-lang")
    if lang is not None and lang != "cql2-text":
        raise InvalidParameter(f"filter-lang: {lang[:40]!r} is not supported (cql2-text)",
                               param="filter-lang")
    box_crs_text = filters.one(args, "bbox-crs")
    bbox_text = filters.one(args, "bbox")
    if box_crs_text is not None and bbox_text is None:
        raise InvalidParameter("bbox-crs: given without bbox", param="bbox-crs")
    box_crs = crs(box_crs_text, "bbox-crs")
    # The API's filters, without the ones the standard defines here.
    f = filters.parse({k: v for k, v in args.items() if k in api - {"bbox"}})
    limit = filters.integer(args, "limit", DEFAULT_LIMIT, 1, 2**31)
    equals = []
    for name in sorted(set(named) & set(args) - api):
        value = filters.one(args, name)
        if value is not None:
            _typed(named[name], value, name)
            equals.append((name, value))
    text = filters.one(args, "filter")
    return ItemsQuery(
        filters=f, limit=min(limit, MAX_LIMIT),
        offset=filters.integer(args, "offset", 0, 0, MAX_OFFSET),
        bbox=_bbox(bbox_text, box_crs), bbox_crs=box_crs,
        years=_datetime(filters.one(args, "datetime"), cid),
        filter=text, filter_crs=crs(filters.one(args, "filter-crs"), "filter-crs"),
        crs=crs(filters.one(args, "crs")), equals=tuple(equals))


def _typed(field: layers.Field, value: str, param: str):
    if field.kind == "int":
        if not re.fullmatch(r"[+-]?\d{1,18}", value):
            raise InvalidParameter(f"{param}: {value[:40]!r} is not an integer", param=param)
        return int(value)
    if field.kind == "bool":
        if value.lower() not in ("true", "false"):
            raise InvalidParameter(f"{param}: {value[:40]!r} is not true or false",
                                   param=param)
        return value.lower() == "true"
    if len(value) > 500:
        raise InvalidParameter(f"{param}: longer than 500 characters", param=param)
    return value


def _envelope(x1, y1, x2, y2, box_crs: Crs) -> sa.ColumnElement:
    """The box as an EPSG:4326 polygon (the storage CRS: the GiST indexes answer)."""
    if box_crs.srid == 4326:
        if box_crs.lat_first:
            x1, y1, x2, y2 = y1, x1, y2, x2
        return sa.func.ST_MakeEnvelope(x1, y1, x2, y2, 4326)
    # Lambert-93's straight edges are curves in lon/lat: densify (1 km) then transform.
    return sa.func.ST_Transform(sa.func.ST_Segmentize(
        sa.func.ST_MakeEnvelope(x1, y1, x2, y2, box_crs.srid), 1000.0), 4326)


def _literal_geometry(filter_crs: Crs):
    def build(literal):
        if literal[0] == "box":
            return _envelope(*literal[1:], filter_crs)
        geom = sa.func.ST_GeomFromText(literal[1], filter_crs.srid)
        if filter_crs.lat_first:
            geom = sa.func.ST_FlipCoordinates(geom)
        return geom if filter_crs.srid == 4326 else sa.func.ST_Transform(geom, 4326)
    return build


@dataclasses.dataclass
class _Source:
    """What the standard's conditions are written on: the layer's rows (``rows``: a flat
    statement or a subquery), each field's expression, the geometry and the id."""

    rows: sa.Select | sa.Subquery
    columns: dict[str, sa.ColumnElement]
    geometry: sa.ColumnElement
    id: sa.ColumnElement


def _source(cid: str, f: Filters) -> _Source:
    # Unordered: the page's ORDER BY id ... LIMIT is added outside.
    stmt = layers.statement(cid, f).order_by(None)
    if cid != "initiatives":
        sub = stmt.subquery("feat")
        return _Source(sub, {c.name: c for c in sub.c}, sub.c.geom,
                       sub.c[COLLECTIONS[cid].id_field])
    # Initiatives: flat, and every field that initiative_search holds is read there (the
    # same values), so that the page of ids and the count need no other table when the
    # conditions name only those fields.
    columns = {c.name: c.element if isinstance(c, sa.sql.elements.Label) else c
               for c in stmt.selected_columns}
    columns.update(id=s.c.id, year=s.c.year, commune_insee=s.c.commune_insee,
                   epci_siren=s.c.epci_siren, departement=s.c.departement_code,
                   region=s.c.region_code, kind=s.c.kind, place_type=s.c.place_type,
                   source=s.c.source, label_level=iq.level_column(f),
                   label_year=iq.label_year_column(f))
    return _Source(stmt, columns, s.c.geom, s.c.id)


def _conditions(cid: str, q: ItemsQuery, src: _Source) -> list[sa.ColumnElement]:
    """The standard's conditions (bbox, datetime, queryables, CQL2) on ``src``."""
    where: list[sa.ColumnElement] = []
    if q.bbox:
        where.append(sa.func.ST_Intersects(src.geometry, _envelope(*q.bbox, q.bbox_crs)))
    if q.years:
        low, high = q.years
        if low is not None:
            where.append(src.columns["year"] >= low)
        if high is not None:
            where.append(src.columns["year"] <= high)
    named = queryables(cid)
    for name, value in q.equals:
        # Bound with a type of its own: compared with a smallint column, 65536 is a
        # value that matches nothing, not an overflow.
        kind = named[name].kind
        where.append(src.columns[name] == sa.literal(_typed(named[name], value, name),
                                                     _SQL_TYPES[kind]))
    if q.filter:
        table = {name: cql2.Queryable(src.columns[name], _TYPES[f.kind][0])
                 for name, f in named.items()}
        where.append(cql2.to_sql(q.filter, table, src.geometry,
                                 _literal_geometry(q.filter_crs)))
    return where


def _search_only(where: list[sa.ColumnElement]) -> bool:
    """Whether ``where`` reads initiative_search (and the label year's awards) alone."""
    return all(not isinstance(node, sa.Column) or node.table in (s, iq._ya)
               for condition in where for node in visitors.iterate(condition))


def _feature_json(cid: str, sub: sa.Subquery, out: Crs) -> sa.ColumnElement:
    geom = sub.c.geom
    if out.srid != 4326:
        geom = sa.func.ST_Transform(geom, out.srid)
    if out.lat_first:
        geom = sa.func.ST_FlipCoordinates(geom)
    pairs = []
    for field in layers.FIELDS[cid]:
        # Field names are our own declarations (never request text): safe as literals.
        assert re.fullmatch(r"[a-z_]+", field.name)
        pairs += [sa.literal_column(f"'{field.name}'"), sub.c[field.name]]
    return sa.cast(sa.func.json_build_object(
        sa.literal_column("'type'"), sa.literal_column("'Feature'"),
        sa.literal_column("'id'"), sub.c[COLLECTIONS[cid].id_field],
        sa.literal_column("'geometry'"),
        sa.cast(sa.func.ST_AsGeoJSON(geom, out.decimals), JSON),
        sa.literal_column("'properties'"), sa.func.json_build_object(*pairs)), sa.Text)


def _begin(conn) -> None:
    """A statement timeout for the rest of this transaction (``SET`` binds no value)."""
    conn.execute(sa.text("SELECT set_config('statement_timeout', CAST(:ms AS text), true)"),
                 {"ms": STATEMENT_TIMEOUT_MS})


def _run(conn, stmt):
    try:
        return conn.execute(stmt)
    except sa.exc.OperationalError as error:
        if getattr(error.orig, "sqlstate", None) == "57014":  # query_canceled
            raise QueryTimeout(f"the query took more than {STATEMENT_TIMEOUT_MS // 1000} s:"
                               " narrow the filters") from None
        raise


def items(conn, cid: str, q: ItemsQuery) -> tuple[int, list[str]]:
    """(numberMatched, the page's features as GeoJSON text) for ``q``."""
    collection(cid)
    _begin(conn)
    src = _source(cid, q.filters)
    where = _conditions(cid, q, src)
    if cid == "initiatives":
        # The page's ids first, then the features of those ids only: the JSON of the
        # rows an offset skips is never built.
        ids = (iq.matching(q.filters, s.c.id) if _search_only(where)
               else src.rows.with_only_columns(s.c.id)).where(*where)
        page = ids.order_by(s.c.id).limit(q.limit).offset(q.offset).subquery("page")
        feat = src.rows.subquery("feat")
        rows = _run(conn, sa.select(_feature_json(cid, feat, q.crs))
                    .select_from(feat.join(page, feat.c.id == page.c.id))
                    .order_by(feat.c.id)).scalars().all()
        counted = ids.subquery("ids")
    else:
        rows = _run(conn, sa.select(_feature_json(cid, src.rows, q.crs)).where(*where)
                    .order_by(src.id).limit(q.limit).offset(q.offset)).scalars().all()
        counted = sa.select(src.id).select_from(src.rows).where(*where).subquery("ids")
    if q.offset == 0 and len(rows) < q.limit:
        matched = len(rows)  # the whole answer is on this page: no COUNT needed
    else:
        matched = _run(conn, sa.select(sa.func.count()).select_from(counted)).scalar()
    return matched, rows


def item(conn, cid: str, feature_id: str, out: Crs) -> str:
    """One feature as GeoJSON text; NotFound (404) if the collection has no such id."""
    collection(cid)
    _begin(conn)
    id_field = COLLECTIONS[cid].id_field
    kind = {f.name: f.kind for f in layers.FIELDS[cid]}[id_field]
    if kind == "int":
        if not re.fullmatch(r"\d{1,18}", feature_id):
            raise NotFound(f"no feature {feature_id[:40]!r} in {cid}")
        value: object = int(feature_id)
    elif "\x00" in feature_id or len(feature_id) > 40:
        raise NotFound(f"no feature {feature_id[:40]!r} in {cid}")
    else:
        value = feature_id
    sub = layers.statement(cid, Filters()).order_by(None).subquery("feat")
    row = _run(conn, sa.select(_feature_json(cid, sub, out))
               .where(sub.c[id_field] == value)).scalar()
    if row is None:
        raise NotFound(f"no feature {feature_id[:40]!r} in {cid}")
    return row


_extents = VersionedCache(2**20)  # bytes: a few small extents


def extent(conn, cid: str) -> dict:
    """The collection's spatial extent (CRS84) and, for initiatives and labels, its
    temporal one (whole years), computed once per data version."""
    def compute():
        sub = layers.statement(cid, Filters()).order_by(None).subquery("feat")
        box = sa.func.ST_Extent(sub.c.geom)
        columns = [sa.func.ST_XMin(box), sa.func.ST_YMin(box), sa.func.ST_XMax(box),
                   sa.func.ST_YMax(box)]
        if COLLECTIONS[cid].temporal:
            columns += [sa.func.min(sub.c.year), sa.func.max(sub.c.year)]
        row = conn.execute(sa.select(*columns)).one()
        out: dict = {"spatial": {"bbox": [[round(v, 6) for v in row[:4]]
                                          if row[0] is not None else [-180, -90, 180, 90]],
                                 "crs": CRS84}}
        if COLLECTIONS[cid].temporal:
            low, high = row[4], row[5]
            out["temporal"] = {"interval": [[f"{low}-01-01T00:00:00Z" if low else None,
                                             f"{high}-12-31T23:59:59Z" if high else None]],
                               "trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"}
        return out

    return _extents.get(conn, ("extent", cid), compute)


def sources(conn, cid: str) -> list[dict]:
    """The sources (attribution, licence) of the collection's records and of the
    reference data its places and outlines come from."""
    return _extents.get(conn, ("sources", cid), lambda: layers.record_sources(
        conn, cid, Filters()) + layers.REFERENCE_SOURCES)
