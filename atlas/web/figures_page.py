"""``/chiffres``, "Le label en chiffres": the figures of ``atlas.queries.figures`` drawn
as SVG charts (``atlas.charts``), each with its table and a CSV download
(``/chiffres/<figure>.csv``), for the filters of the URL that apply to them.

The page works without JavaScript: the filter form is a plain GET form, the charts are
inline SVG. Unknown parameters are ignored as on the map (a shared link picks up
tracking parameters); invalid values are a 400 page naming the parameter.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, render_template, request, url_for

from atlas import charts, exports, filters
from atlas.errors import NotFound
from atlas.exports import sheet
from atlas.filters import Filters
from atlas.queries import figures, reference
from atlas.web import engine

bp = Blueprint("figures", __name__)


def _request() -> tuple[Filters, figures.Editions]:
    args = {k: request.args.getlist(k) for k in request.args}
    f = filters.parse(args)
    kept = Filters(region=f.region, departement=f.departement, domain=f.domain,
                   source=f.source)
    return kept, figures.parse_editions(args)


def _query(f: Filters, chosen: figures.Editions) -> list[tuple[str, str]]:
    out = f.query()
    if chosen.before is not None:
        out += [("edition_from", str(chosen.before)), ("edition_to", str(chosen.after))]
    return out


def _chart(fig: figures.Figure, shapes: list[dict]):
    """The SVG of one figure (None for a figure without rows)."""
    cid = f"chart-{fig.key}"
    rows = fig.rows
    numbers = [v for r in rows for k, v in r.items() if isinstance(v, int) and k != "year"
               and k != "edition"]
    if not any(numbers):
        return None  # nothing to draw: the summary says so
    if fig.key.startswith("labelled_"):
        return charts.stacked_columns(
            cid, fig.title, fig.summary, [r["edition"] for r in rows],
            [[r[f"level_{lv}"] for lv in figures.LEVELS] for r in rows],
            [f"{lv} @" for lv in figures.LEVELS])
    if fig.key == "population":
        return charts.columns(cid, fig.title, fig.summary, [r["edition"] for r in rows],
                              [r["population"] for r in rows])
    if fig.key == "regions":
        ordered = sorted(rows, key=lambda r: (-r["total"], r["region"]))
        return charts.bars(cid, fig.title, fig.summary, [r["region"] for r in ordered],
                           [r["total"] for r in ordered])
    if fig.key == "moves":
        return charts.bars(cid, fig.title, fig.summary, [r["move"] for r in rows],
                           [r["total"] for r in rows])
    if fig.key == "domains":
        ordered = sorted(rows, key=lambda r: (-r["initiatives"], r["domain"]))
        return charts.bars(cid, fig.title, fig.summary, [r["domain"] for r in ordered],
                           [r["initiatives"] for r in ordered])
    if fig.key == "years":
        years = list(range(rows[0]["year"], rows[-1]["year"] + 1))
        per = {r["year"]: r["initiatives"] for r in rows}
        return charts.columns(cid, fig.title, fig.summary, years,
                              [per.get(y, 0) for y in years])
    if fig.key == "places":
        return charts.bars(cid, fig.title, fig.summary, [r["place_type"] for r in rows],
                           [r["places"] for r in rows], colour="#5a5a5a")
    raise ValueError(fig.key)


def _map_of_regions(fig: figures.Figure, shapes: list[dict]):
    if not fig.rows or not shapes:
        return None
    title = "Part de la population couverte, par région"
    return charts.choropleth("chart-regions-map", title, fig.summary, shapes,
                             {r["code"]: r["share"] for r in fig.rows},
                             {r["code"] for r in fig.rows})


@bp.app_template_filter("fr")
def fr(value) -> str:
    """A table cell: numbers with French separators, a decimal comma for shares."""
    if isinstance(value, float):
        return charts.fr_number(value, 1)
    if isinstance(value, int) and not isinstance(value, bool):
        return charts.fr_number(value)
    return "—" if value is None else str(value)


@bp.get("/chiffres")
def page():
    f, chosen = _request()
    with engine().connect() as conn:
        data = figures.cached(conn, f, chosen)
        shapes = figures.region_shapes(conn)
        choices = reference.names(conn)  # code → name: light lists for the form
    query = _query(f, chosen)
    figs = data["figures"]
    sections = []
    for key, fig in figs.items():
        sections.append({"figure": fig, "svg": _chart(fig, shapes),
                         "csv": url_for("figures.csv", key=key) + (
                             "?" + urlencode(query) if query else "")})
        if key == "regions":
            sections[-1]["map"] = _map_of_regions(fig, shapes)
    map_query = urlencode(f.query())
    return render_template("figures.html", f=f, data=data, sections=sections,
                           choices=choices, map_query=map_query,
                           api_url=url_for("api.label_stats") + (
                               "?" + urlencode(query) if query else ""))


@bp.get("/chiffres/<key>.csv")
def csv(key: str):
    f, chosen = _request()
    with engine().connect() as conn:
        data = figures.cached(conn, f, chosen)
    fig = data["figures"].get(key)
    if fig is None:
        raise NotFound(f"no figure named {key!r} (figures: {', '.join(data['figures'])})")
    body = sheet.table([h for _, h in fig.columns],
                       ([row[k] for k, _ in fig.columns] for row in fig.rows))
    # The exports' file name: what, the day, the filters.
    name = exports.filename(exports.Export(f"chiffres-{key.replace('_', '-')}", "csv", f))
    response = Response(body, content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
