"""HTML pages for visitors: the map (``/`` and ``/embed``), an initiative, a commune.

The map page is rendered with the filters and the view of its URL already applied (the
form is checked, the map starts where the link says), so a shared link shows the right
view before any script runs, and the filter form works as a plain GET form without
JavaScript. ``static/atlas-map.js`` then keeps the URL, the map, the counts and the list
of initiatives in step.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, current_app, render_template, request

from atlas import charts, filters
from atlas.charts import LEVEL_COLOURS
from atlas.errors import InvalidParameter
from atlas.queries import communes, figures, initiatives, reference
from atlas.queries.cache import VersionedCache
from atlas.web import engine, map_contract
from atlas.web.map_page import FRANCE_CENTER, FRANCE_ZOOM, MAX_ZOOM, MIN_ZOOM, View, \
    build_map, render_parts

bp = Blueprint("pages", __name__)
_cache = VersionedCache(16 * 2**20)

# The territories of the selector: bounds (south, west, north, east) for Leaflet.
TERRITORIES = [
    ("metropole", "France métropolitaine", (41.3, -5.2, 51.1, 9.6)),
    ("971", "Guadeloupe", (15.83, -61.81, 16.52, -61.0)),
    ("972", "Martinique", (14.38, -61.23, 14.88, -60.81)),
    ("973", "Guyane", (2.11, -54.6, 5.75, -51.63)),
    ("974", "La Réunion", (-21.39, 55.21, -20.87, 55.84)),
    ("976", "Mayotte", (-13.0, 45.01, -12.63, 45.3)),
]


def _web_link(url: str | None) -> str | None:
    # Only web addresses become links: a source row is data, and "javascript:" is a URL.
    return url if url and url.startswith(("https://", "http://")) else None


def _args() -> dict[str, list[str]]:
    # Pages ignore parameters they do not know: shared links pick up tracking
    # parameters (utm_source, fbclid...) that must not break them.
    return {k: request.args.getlist(k) for k in request.args}


def _number(args, name: str, low: float, high: float) -> float | None:
    text = filters.one(args, name)
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:  # NaN fails too
        raise InvalidParameter(f"{name}: {text[:20]!r} is not a number in {low:g}..{high:g}",
                               param=name)
    return value


def _view(args) -> View:
    lat, lon = _number(args, "lat", -85, 85), _number(args, "lon", -180, 180)
    zoom = _number(args, "z", MIN_ZOOM, MAX_ZOOM)
    return View(FRANCE_CENTER[0] if lat is None else lat,
                FRANCE_CENTER[1] if lon is None else lon,
                FRANCE_ZOOM if zoom is None else int(zoom))


def _page_data(conn) -> dict:
    """What every map page shows, the same for every visitor until the data changes."""
    def compute():
        return {"totals": reference.totals(conn),
                "sources": [dict(s, url=_web_link(s["url"]),
                                 licence_url=_web_link(s["licence_url"]))
                            for s in reference.sources(conn)],
                "domains": reference.domains(conn), "regions": reference.regions(conn),
                "departements": reference.departements(conn),
                "label_years": reference.label_years(conn)}

    return _cache.get(conn, "map-page", compute)


def _map_page(template: str):
    args = _args()
    f = filters.parse(args)
    view = _view(args)
    selected = filters.one(args, "sel")
    if selected is not None and not selected.isdigit():
        raise InvalidParameter("sel: an initiative id is a number", param="sel")
    with engine().connect() as conn:
        data = _page_data(conn)
    config = current_app.config["ATLAS"]
    # France itself (départements, communes, labels) comes from our vector tiles.
    parts = render_parts(build_map(config, view))
    settings = {
        **map_contract.settings(),
        "map": parts.name, "embed": template == "embed.html",
        "domains": {d["code"]: d["label"] for d in data["domains"]},
        "levelColours": LEVEL_COLOURS,
        "territories": {code: bounds for code, _, bounds in TERRITORIES},
        "offline": not config.basemap_url,
        "figuresParams": list(figures.APPLICABLE),
    }
    figures_query = urlencode([(k, v) for k, v in f.query() if k in figures.APPLICABLE])
    return render_template(template, map=parts, data=data, f=f, view=view,
                           settings=settings, territories=TERRITORIES,
                           level_colours=LEVEL_COLOURS, query=urlencode(f.query()),
                           figures_query=figures_query)


@bp.get("/")
def index():
    return _map_page("index.html")


@bp.get("/embed")
def embed():
    return _map_page("embed.html")


@bp.get("/initiatives/<int:initiative_id>")
def initiative(initiative_id: int):
    with engine().connect() as conn:
        feature = initiatives.one(conn, initiative_id)
        data = _page_data(conn)
    p = feature["properties"]
    lon, lat = feature["geometry"]["coordinates"]
    parts = render_parts(build_map(current_app.config["ATLAS"], View(lat, lon, 13)))
    domain_labels = {d["code"]: d["label"] for d in data["domains"]}
    return render_template("initiative.html", feature=feature, p=p, map=parts,
                           domains=[domain_labels.get(d, d) for d in p["domains"]],
                           point=(lat, lon), level_colours=LEVEL_COLOURS,
                           outlines=map_contract.outlines())


COMMUNE_LIST = 200  # initiatives listed on a commune page; the map shows them all


@bp.get("/communes/<code>")
def commune(code: str):
    with engine().connect() as conn:
        feature = communes.detail(conn, code)  # a former code: 301 (atlas.web.errors)
        listed = initiatives.page(conn, filters.Filters(commune=(feature["id"],)),
                                  COMMUNE_LIST, 0)
        p = feature["properties"]
        epci_labels = figures.history(conn, siren=p["epci"]["siren"]) if p["epci"] else []
        editions = figures.editions(conn)
    paths = [label_path("commune", p["name"], p["labels"], editions)]
    if p["epci"]:
        paths.append(label_path("epci", p["epci"]["name"], epci_labels, editions))
    view = View(*reversed(feature["geometry"]["coordinates"]), 12) \
        if feature["geometry"] else View()
    parts = render_parts(build_map(current_app.config["ATLAS"], view))
    return render_template("commune.html", feature=feature, p=p, map=parts,
                           listed=listed, level_colours=LEVEL_COLOURS, paths=paths,
                           epci_labels=epci_labels, outlines=map_contract.outlines())


def label_path(key: str, name: str, labels: list[dict], editions: list[int]) -> dict | None:
    """A collectivité's label history as a step chart: every edition from its first
    award to the latest edition of the label, so a year without a label shows as a gap;
    None without any award."""
    if not labels:
        return None
    levels = {a["year"]: a["level"] for a in labels}
    first, last = min(levels), max([*levels, *editions])
    years = list(range(first, last + 1))
    gaps = [y for y in years if y not in levels]
    summary = (f"{name} : " + ", ".join(f"{y} {levels[y]} @" for y in sorted(levels))
               + (f" ; pas de label en {', '.join(map(str, gaps))}." if gaps else "."))
    title = f"Parcours dans le label : {name}"
    return {"title": title, "summary": summary,
            "svg": charts.steps(f"path-{key}", title, summary, years, levels)}
