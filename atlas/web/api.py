"""The JSON API (``/api/...``): each handler checks its parameters, answers 304 when the
client's copy is current, calls one query of ``atlas.queries`` and serialises.

Unknown query parameters are refused (400 naming them), as the OpenAPI description
says: a misspelt filter must not silently return everything.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, request

from atlas import db, filters, migrate, openapi, search
from atlas.errors import InvalidParameter
from atlas.queries import choropleth, clusters, communes, figures, initiatives, peers, \
    reference, stats
from atlas.web import engine
from atlas.web.headers import external_url
from atlas.web.http import etag, json_response, not_modified

bp = Blueprint("api", __name__, url_prefix="/api")


def _args(allowed) -> dict[str, list[str]]:
    args = {k: request.args.getlist(k) for k in request.args}
    filters.check_known(args, allowed)
    return args


def _cached(build, allowed=(), content_type="application/json"):
    """Validate the parameters, then 304 or the JSON built by ``build(conn, args)``."""
    args = _args(allowed)
    with engine().connect() as conn:
        tag = etag(search.version(conn))
        cached = not_modified(tag)
        if cached:
            return cached
        payload = build(conn, args)
    return json_response(payload, tag, content_type=content_type)


@bp.get("/health")
def health():
    """200 with the schema revision when the database answers; 503 (DatabaseUnavailable)
    otherwise, through the error handler."""
    db.check(engine(), need_schema=True)
    return {"status": "ok", "schema": migrate.current_revision(engine())}


@bp.get("/openapi.json")
def openapi_json():
    _args(())
    return json_response(openapi.spec(), max_age=3600,
                         content_type="application/vnd.oai.openapi+json")


def _link(rel: str, params: list[tuple[str, str]]) -> dict:
    return {"rel": rel, "type": "application/geo+json",
            "href": external_url(request.path) + ("?" + urlencode(params) if params else "")}


@bp.get("/initiatives")
def initiatives_list():
    def build(conn, args):
        f = filters.parse(args)
        limit, offset = filters.page(args)
        page = initiatives.page(conn, f, limit, offset)
        base = f.query() + [("limit", str(limit))]
        links = [_link("self", base + [("offset", str(offset))] if offset else base)]
        if offset + page["numberReturned"] < page["numberMatched"]:
            links.append(_link("next", base + [("offset", str(offset + limit))]))
        if offset > 0:
            previous = max(0, offset - limit)
            links.append(_link("prev", base + ([("offset", str(previous))] if previous else [])))
        return {"type": "FeatureCollection", "numberMatched": page["numberMatched"],
                "numberReturned": page["numberReturned"], "limit": limit, "offset": offset,
                "links": links, "features": page["features"]}

    return _cached(build, filters.PARAMS, content_type="application/geo+json")


@bp.get("/initiatives/<int:initiative_id>")
def initiative(initiative_id: int):
    return _cached(lambda conn, args: initiatives.one(conn, initiative_id),
                   content_type="application/geo+json")


@bp.get("/stats")
def stats_():
    def build(conn, args):
        f = filters.parse(args)
        return {**stats.cached_stats(conn, f), "filters": dict(f.query())}

    return _cached(build, [p.name for p in filters.FILTER_PARAMS])


def _zoom(args) -> int:
    text = filters.one(args, "zoom")
    if text is None:
        raise InvalidParameter("zoom: required (the map's zoom level, 0 to 22)", param="zoom")
    return filters.integer(args, "zoom", 0, int(filters.ZOOM.minimum),
                           int(filters.ZOOM.maximum))


@bp.get("/stats/label")
def label_stats():
    """"Le label en chiffres" as JSON: the figures of ``/chiffres`` (same computation,
    same cache)."""
    def build(conn, args):
        f = filters.parse(args)
        chosen = figures.parse_editions(args)
        data = figures.cached(conn, f, chosen)
        return {"filters": dict(f.query()), "editions": data["editions"],
                "latest": data["latest"], "compared": data["compared"],
                "figures": [fig.as_json() for fig in data["figures"].values()]}

    return _cached(build, figures.APPLICABLE + figures.EDITION_PARAMS)


@bp.get("/clusters")
def clusters_():
    def build(conn, args):
        f = filters.parse(args)
        return {**clusters.clusters(conn, f, _zoom(args)), "filters": dict(f.query())}

    return _cached(build, [p.name for p in filters.FILTER_PARAMS] + ["zoom"])


@bp.get("/labels/communes")
def labelled_communes():
    def build(conn, args):
        f = filters.parse(args)
        return choropleth.labelled_communes(conn, _zoom(args), f.label_year, f.bbox)

    return _cached(build, ("zoom", "label_year", "bbox"), content_type="application/geo+json")


@bp.get("/communes")
def communes_search():
    def build(conn, args):
        q = filters.one(args, "q")
        if not q:
            raise InvalidParameter("q: give the beginning of a commune name", param="q")
        limit = filters.integer(args, "limit", 10, 1, 50)
        return {"q": q, "communes": communes.autocomplete(conn, q, limit)}

    return _cached(build, ("q", "limit"))


@bp.get("/communes/<code>")
def commune(code: str):
    """A commune; a former code is a 301 (``atlas.web.errors``)."""
    return _cached(lambda conn, args: communes.detail(conn, code),
                   content_type="application/geo+json")


@bp.get("/communes/<code>/peers")
def commune_peers(code: str):
    """Nearby peers (``atlas.queries.peers``); a former code redirects, query kept."""
    def build(conn, args):
        return peers.peers(conn, code, filters.parse_peers(args))

    return _cached(build, filters.PEERS, content_type="application/geo+json")


@bp.get("/domains")
def domains():
    return _cached(lambda conn, args: {"domains": reference.domains(conn)})


@bp.get("/regions")
def regions():
    return _cached(lambda conn, args: {"regions": reference.regions(conn)})


@bp.get("/departements")
def departements():
    return _cached(lambda conn, args: {"departements": reference.departements(conn)})
