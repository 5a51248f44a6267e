"""OGC API – Features under ``/ogc``: landing page, conformance, collections, items,
one item, queryables; JSON (GeoJSON for features) or HTML in the site's style.

Thin over ``atlas.queries.ogc``: each handler reads the request, answers 304 when the
client's copy is current (ETag of the data version and URL, as the API), calls the core
and serialises. The format is ``f=json|html`` or, without ``f``, the ``Accept`` header;
the ETag carries the format, so a browser's HTML never revalidates a client's JSON.
Errors have the standard's body (``{"code": ..., "description": ...}``).
"""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlencode

from flask import Blueprint, Response, render_template, request, url_for

from atlas import filters, openapi, search
from atlas.errors import InvalidParameter
from atlas.exports import layers
from atlas.queries import ogc
from atlas.web import engine
from atlas.web.http import etag, json_response, not_modified

bp = Blueprint("ogc", __name__, url_prefix="/ogc")

GEOJSON = "application/geo+json"
JSON = "application/json"
HTML = "text/html"
# GDAL's OAPIF driver accepts the API definition only under this exact media type.
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"

CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
    "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
    "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
    "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
    "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
    "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
]

def wants_html(strict: bool = True) -> bool:
    """HTML asked for (``f=html``, or an Accept preferring it); ``strict``: a bad ``f``
    is a 400 (errors, answered in ``atlas.web.errors``, never raise)."""
    values = request.args.getlist("f")
    if values:
        if strict and (len(values) > 1 or values[0] not in ("json", "html")):
            raise InvalidParameter(f"f: {values[0][:20]!r} is not json or html", param="f")
        return values[0] == "html"
    best = request.accept_mimetypes.best_match([JSON, GEOJSON, HTML])
    return best == HTML and request.accept_mimetypes[HTML] > request.accept_mimetypes[JSON]


def _args(allowed) -> dict[str, list[str]]:
    args = {k: request.args.getlist(k) for k in request.args}
    filters.check_known(args, set(allowed) | {"f"})
    return args


def _url(endpoint: str, fmt: str | None = None, params=(), **values) -> str:
    query = list(params) + ([("f", fmt)] if fmt else [])
    return url_for(endpoint, _external=True, **values) + ("?" + urlencode(query)
                                                          if query else "")


def _link(href: str, rel: str, media: str, title: str) -> dict:
    return {"href": href, "rel": rel, "type": media, "title": title}


def _self_links(endpoint: str, media: str, params=(), **values) -> list[dict]:
    html = wants_html()
    return [_link(_url(endpoint, "html" if html else "json", params, **values), "self",
                  HTML if html else media, "this document"),
            _link(_url(endpoint, "json" if html else "html", params, **values), "alternate",
                  media if html else HTML,
                  "this document as JSON" if html else "this document as HTML")]


def _answer(build, template: str, allowed=(), media: str = JSON):
    """Validate, then 304 or ``build(conn, args)`` as JSON (``media``) or HTML."""
    args = _args(allowed)
    html = wants_html()
    with engine().connect() as conn:
        tag = etag(search.version(conn))
        tag = tag[:-1] + ('-html"' if html else '-json"')
        cached = not_modified(tag)
        if cached:
            cached.vary.add("Accept")
            return cached
        payload, headers = build(conn, args)
    if html:
        response = Response(render_template(template, doc=payload, page=request.endpoint),
                            content_type="text/html; charset=utf-8")
        response.headers["ETag"] = tag
        response.headers["Cache-Control"] = "public, max-age=60"
    else:
        response = json_response(payload, tag, content_type=media)
    response.vary.add("Accept")
    response.headers.update(headers)
    return response


@bp.get("/")
def landing():
    def build(conn, args):
        return {
            "title": "Atlas des initiatives numériques – OGC API Features",
            "description": "Les initiatives numériques des collectivités, les lieux de "
                           "médiation et le label Villes Internet, en couches vivantes "
                           "(OGC API – Features : QGIS, GDAL, ArcGIS...).",
            "links": _self_links("ogc.landing", JSON) + [
                _link(_url("ogc.api"), "service-desc", OPENAPI,
                      "la définition de l'API (OpenAPI 3)"),
                _link(_url("ogc.conformance"), "conformance", JSON,
                      "les classes de conformité"),
                _link(_url("ogc.collections"), "data", JSON, "les collections"),
            ]}, {}

    return _answer(build, "ogc.html")


@bp.get("/api")
def api():
    """The OpenAPI description (the same as ``/api/openapi.json``), under the media type
    OGC clients ask for."""
    _args(())
    root = url_for("ogc.landing", _external=True).rstrip("/")
    body = json.dumps(openapi.ogc_spec(root), ensure_ascii=False, separators=(",", ":"))
    response = Response(body, content_type=OPENAPI)
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@bp.get("/conformance")
def conformance():
    return _answer(lambda conn, args: ({"conformsTo": CONFORMANCE,
                                        "links": _self_links("ogc.conformance", JSON)}, {}),
                   "ogc.html")


def _collection(conn, cid: str) -> dict:
    c = ogc.COLLECTIONS[cid]
    links = [
        _link(_url("ogc.collection", collectionId=cid), "self", JSON, c.title),
        _link(_url("ogc.items", collectionId=cid), "items", GEOJSON, f"{c.title} (GeoJSON)"),
        _link(_url("ogc.items", "html", collectionId=cid), "items", HTML, f"{c.title} (HTML)"),
        _link(_url("ogc.queryables", collectionId=cid),
              "http://www.opengis.net/def/rel/ogc/1.0/queryables",
              "application/schema+json", "les propriétés filtrables"),
    ]
    seen = set()
    for s in ogc.sources(conn, cid):
        if s.get("licence_url") and s["licence_url"] not in seen:
            seen.add(s["licence_url"])
            links.append(_link(s["licence_url"], "license", HTML, s["licence"] or
                               s["licence_url"]))
    return {"id": cid, "title": c.title, "description": c.description,
            "attribution": " ; ".join(dict.fromkeys(
                s["attribution"] for s in ogc.sources(conn, cid) if s.get("attribution"))),
            "extent": ogc.extent(conn, cid), "itemType": "feature",
            "crs": list(ogc.CRSS), "storageCrs": ogc.CRS84, "links": links}


@bp.get("/collections")
def collections():
    def build(conn, args):
        return {"links": _self_links("ogc.collections", JSON),
                "crs": list(ogc.CRSS),
                "collections": [_collection(conn, cid) for cid in ogc.COLLECTIONS]}, {}

    return _answer(build, "ogc.html")


@bp.get("/collections/<collectionId>")
def collection(collectionId: str):  # noqa: N803 (the OpenAPI name, which errors cite)
    cid = collectionId
    def build(conn, args):
        ogc.collection(cid)
        doc = _collection(conn, cid)
        doc["links"] = _self_links("ogc.collection", JSON, collectionId=cid) + doc["links"][1:]
        return doc, {}

    return _answer(build, "ogc.html")


@bp.get("/collections/<collectionId>/queryables")
def queryables(collectionId: str):  # noqa: N803
    cid = collectionId
    def build(conn, args):
        ogc.collection(cid)
        return ogc.queryables_schema(cid, _url("ogc.queryables", collectionId=cid)), {}

    return _answer(build, "ogc.html", media="application/schema+json")


def _content_crs(crs: ogc.Crs) -> dict:
    return {"Content-Crs": f"<{crs.uri}>"}


@bp.get("/collections/<collectionId>/items")
def items(collectionId: str):  # noqa: N803
    cid = collectionId
    def build(conn, args):
        q = ogc.parse_items(cid, args)
        matched, features = ogc.items(conn, cid, q)
        params = q.query() + [("limit", str(q.limit))]
        links = _self_links("ogc.items", GEOJSON,
                            params + ([("offset", str(q.offset))] if q.offset else []),
                            collectionId=cid)
        media = HTML if wants_html() else GEOJSON
        fmt = "html" if wants_html() else None
        if q.offset + len(features) < matched:
            links.append(_link(_url("ogc.items", fmt, params + [
                ("offset", str(q.offset + q.limit))], collectionId=cid), "next", media, "page suivante"))
        if q.offset > 0:
            previous = max(0, q.offset - q.limit)
            links.append(_link(_url("ogc.items", fmt, params + (
                [("offset", str(previous))] if previous else []), collectionId=cid), "prev", media,
                "page précédente"))
        links.append(_link(_url("ogc.collection", collectionId=cid), "collection", JSON,
                           ogc.COLLECTIONS[cid].title))
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        head = {"type": "FeatureCollection", "numberMatched": matched,
                "numberReturned": len(features), "timeStamp": stamp, "links": links}
        if wants_html():
            head.update(features=[json.loads(f) for f in features], collection=cid,
                        fields=[f.name for f in layers.FIELDS[cid]], limit=q.limit,
                        offset=q.offset)
            return head, _content_crs(q.crs)
        # PostgreSQL wrote each feature: joined as text, never parsed again.
        text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
        return text[:-1] + ',"features":[' + ",".join(features) + "]}", _content_crs(q.crs)

    return _answer(build, "ogc.html", _item_params(cid), media=GEOJSON)


def _item_params(cid: str) -> set[str]:
    # Checked again, per collection, by ogc.parse_items; here only so that _args lets
    # them through to it.
    return ({p.name for p in filters.FILTER_PARAMS} | {"limit", "offset"}
            | set(ogc.OGC_PARAMS) | set(ogc.queryables(cid) if cid in ogc.COLLECTIONS
                                         else ()))


@bp.get("/collections/<collectionId>/items/<featureId>")
def item(collectionId: str, featureId: str):  # noqa: N803
    cid, fid = collectionId, featureId
    def build(conn, args):
        out = ogc.crs(filters.one(args, "crs"))
        feature = ogc.item(conn, cid, fid, out)
        links = _self_links("ogc.item", GEOJSON, ([("crs", out.uri)] if out.uri != ogc.CRS84
                                                   else []), collectionId=cid, featureId=fid)
        links.append(_link(_url("ogc.collection", collectionId=cid), "collection", JSON,
                           ogc.COLLECTIONS[cid].title))
        if wants_html():
            return {**json.loads(feature), "links": links, "collection": cid}, \
                _content_crs(out)
        return feature[:-1] + ',"links":' + json.dumps(links, ensure_ascii=False) + "}", \
            _content_crs(out)

    return _answer(build, "ogc.html", ("crs",), media=GEOJSON)
