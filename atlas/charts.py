"""Small server-side SVG charts: stacked columns, bars, a step line and a choropleth.

No JavaScript, nothing from another host: each chart is an inline ``<svg role="img">``
whose ``<title>`` and ``<desc>`` (a sentence on what it shows) are its accessible name
and description; the page puts the same data in a table beside it. Label levels are told
apart by a hatching each, not by colour alone, so a chart printed in grey still reads,
and values are written on the bars. Every text from the data goes through ``escape``.

Only presentation attributes (``fill``, ``stroke``...), never ``style``: the page's
Content-Security-Policy allows no inline style. Sizes come from the ``viewBox``; the
stylesheet scales the picture to its column.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

# 1 to 5 @: light to dark blue (the map's legend), each with its own hatching.
LEVEL_COLOURS = ["#c6dbef", "#9ecae1", "#4f9bd1", "#2166ac", "#0b3a75"]
INK = "#1b1b1b"
MUTED = "#4a4a4a"
ACCENT = "#1d4e89"  # the site's blue
GRID = "#d0d0d0"
WIDTH = 640
FONT = 'font-family="system-ui, sans-serif"'


def fr_number(n: float | int | None, decimals: int = 0) -> str:
    """12345 → "12 345"; 12.5 with decimals=1 → "12,5" (French conventions)."""
    if n is None:
        return "—"
    text = f"{n:,.{decimals}f}"
    return text.replace(",", "\u202f").replace(".", ",")


def short_number(n: int) -> str:
    """A value label that fits on a bar: 1 234 567 → "1,2 M", 45 600 → "45,6 k"."""
    if n >= 1_000_000:
        return fr_number(n / 1_000_000, 1 if n % 1_000_000 else 0) + "\u00a0M"
    if n >= 10_000:
        return fr_number(n / 1000, 1 if n % 1000 else 0) + "\u00a0k"
    return fr_number(n)


def _patterns(cid: str) -> str:
    """One pattern per level: its colour plus a hatching (none, diagonal, dots, cross,
    dense diagonal), in white on the dark colours and in ink on the light ones."""
    marks = [
        "",
        '<path d="M0,8 L8,0" stroke="{c}" stroke-width="1.2"/>',
        '<circle cx="4" cy="4" r="1.4" fill="{c}"/>',
        '<path d="M0,0 L8,8 M0,8 L8,0" stroke="{c}" stroke-width="1"/>',
        '<path d="M0,4 L8,4" stroke="{c}" stroke-width="1.4"/>',
    ]
    out = []
    for i, colour in enumerate(LEVEL_COLOURS):
        mark_colour = INK if i < 2 else "#ffffff"
        out.append(f'<pattern id="{cid}-l{i + 1}" width="8" height="8" '
                   f'patternUnits="userSpaceOnUse"><rect width="8" height="8" '
                   f'fill="{colour}"/>{marks[i].format(c=mark_colour)}</pattern>')
    return "<defs>" + "".join(out) + "</defs>"


def level_fill(cid: str, level: int) -> str:
    return f"url(#{cid}-l{level})"


def _open(cid: str, title: str, summary: str, width: int, height: int) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" '
            f'viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{cid}-title {cid}-desc" {FONT} font-size="12">'
            f'<title id="{cid}-title">{escape(title)}</title>'
            f'<desc id="{cid}-desc">{escape(summary)}</desc>')


def _nice_max(value: float) -> float:
    """A round axis top at or above ``value`` whose quarters are whole numbers (4, 8, 20,
    40, 80, 100, 200...): the axis has four intervals and counts are integers."""
    power = 1
    while True:
        for step in (4, 8, 10, 20):
            if power == 1 and step == 10:
                continue  # 2.5 is no count
            if value <= step * power:
                return step * power
        power *= 10


def _text(x: float, y: float, text: str, anchor: str = "middle", fill: str = INK,
          size: int | None = None, weight: str | None = None) -> str:
    extra = (f' font-size="{size}"' if size else "") + (
        f' font-weight="{weight}"' if weight else "")
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}"{extra}>'
            f"{escape(text)}</text>")


def _axis(left: float, top: float, right: float, bottom: float, top_value: float,
          fmt=short_number) -> list[str]:
    """Horizontal grid lines with their values, from 0 to ``top_value``."""
    out = []
    for i in range(5):
        value = top_value * i / 4
        y = bottom - (bottom - top) * i / 4
        out.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="{GRID}" stroke-width="1"/>')
        out.append(_text(left - 6, y + 4, fmt(round(value)), "end", MUTED, 11))
    return out


def stacked_columns(cid: str, title: str, summary: str, categories: Sequence,
                    stacks: Sequence[Sequence[int]], legend: Sequence[str]) -> Markup:
    """Columns per category (editions), each a stack of levels 1..5 (``stacks[i][lv-1]``),
    the total written on top, the level hatchings in a legend."""
    height, left, top, right, bottom = 330, 48, 20, WIDTH - 10, 260
    totals = [sum(s) for s in stacks]
    top_value = _nice_max(max(totals, default=0))
    out = [_open(cid, title, summary, WIDTH, height), _patterns(cid)]
    out += _axis(left, top, right, bottom, top_value)
    n = max(len(categories), 1)
    slot = (right - left) / n
    bar = min(48, slot * 0.7)
    for i, (category, stack) in enumerate(zip(categories, stacks)):
        x = left + slot * i + (slot - bar) / 2
        y = bottom
        for level, value in enumerate(stack, start=1):
            if not value:
                continue
            h = (bottom - top) * value / top_value
            y -= h
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                       f'fill="{level_fill(cid, level)}" stroke="{INK}" stroke-width=".5"/>')
        out.append(_text(x + bar / 2, y - 4, fr_number(totals[i]), size=11, weight="600"))
        out.append(_text(x + bar / 2, bottom + 16, str(category), size=11))
    out.append(f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="{INK}"/>')
    # Legend: hatched square + its name, in one row.
    x = left
    for level, name in enumerate(legend, start=1):
        out.append(f'<rect x="{x}" y="{height - 30}" width="16" height="14" '
                   f'fill="{level_fill(cid, level)}" stroke="{INK}" stroke-width=".5"/>')
        out.append(_text(x + 21, height - 19, name, "start", size=12))
        x += 26 + 8 * len(name)
    out.append("</svg>")
    return Markup("".join(out))


def columns(cid: str, title: str, summary: str, categories: Sequence, values: Sequence[int],
            labels: Sequence[str] | None = None, colour: str = ACCENT) -> Markup:
    """One column per category with its value written on top (``labels``, or the
    number); category names are thinned out when too many to fit."""
    height, left, top, right, bottom = 300, 52, 20, WIDTH - 10, 262
    top_value = _nice_max(max(values, default=0))
    out = [_open(cid, title, summary, WIDTH, height)]
    out += _axis(left, top, right, bottom, top_value)
    n = max(len(categories), 1)
    slot = (right - left) / n
    bar = min(48, slot * 0.75)
    every = max(1, math.ceil(n / 14))  # at most ~14 category names under the axis
    for i, (category, value) in enumerate(zip(categories, values)):
        x = left + slot * i + (slot - bar) / 2
        h = (bottom - top) * value / top_value
        out.append(f'<rect x="{x:.1f}" y="{bottom - h:.1f}" width="{bar:.1f}" '
                   f'height="{h:.1f}" fill="{colour}"/>')
        if n <= 16 or value == max(values):
            label = labels[i] if labels else short_number(value)
            out.append(_text(x + bar / 2, bottom - h - 4, label, size=11, weight="600"))
        if i % every == 0 or i == n - 1:
            out.append(_text(x + bar / 2, bottom + 16, str(category), size=11))
    out.append(f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="{INK}"/>')
    out.append("</svg>")
    return Markup("".join(out))


def bars(cid: str, title: str, summary: str, names: Sequence[str], values: Sequence[float],
         labels: Sequence[str] | None = None, colour: str = ACCENT) -> Markup:
    """Horizontal bars, one per name, the value written after each bar."""
    row, left, right, top = 24, 210, WIDTH - 70, 8
    height = top * 2 + row * max(len(names), 1)
    top_value = max(values, default=0) or 1
    out = [_open(cid, title, summary, WIDTH, height)]
    for i, (name, value) in enumerate(zip(names, values)):
        y = top + row * i
        w = (right - left) * value / top_value
        shown = name if len(name) <= 32 else name[:31] + "…"
        out.append(_text(left - 8, y + 16, shown, "end", size=12))
        out.append(f'<rect x="{left}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" '
                   f'fill="{colour}"/>')
        label = labels[i] if labels else fr_number(value)
        out.append(_text(left + w + 6, y + 16, label, "start", size=12, weight="600"))
    out.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{height - top}" '
               f'stroke="{INK}"/>')
    out.append("</svg>")
    return Markup("".join(out))


def steps(cid: str, title: str, summary: str, years: Sequence[int],
          levels: dict[int, int]) -> Markup:
    """A label history: the level (0 to 5 @) of each edition in ``years`` as a step line;
    an edition without an award is a gap, marked "–" on the axis."""
    width, height, left, top, right, bottom = 420, 190, 40, 14, 410, 150
    out = [_open(cid, title, summary, width, height), _patterns(cid)]
    for level in range(0, 6):
        y = bottom - (bottom - top) * level / 5
        out.append(f'<line x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="{GRID}"/>')
        out.append(_text(left - 6, y + 4, f"{level} @" if level else "0", "end", MUTED, 11))
    n = max(len(years), 1)
    slot = (right - left) / n
    every = max(1, math.ceil(n / 10))
    previous = None  # (x end, y) of the last drawn step, to join consecutive editions
    for i, year in enumerate(years):
        x0, x1 = left + slot * i, left + slot * (i + 1)
        level = levels.get(year)
        if i % every == 0 or i == n - 1:
            out.append(_text((x0 + x1) / 2, bottom + 16, str(year), size=11))
        if level is None:
            out.append(_text((x0 + x1) / 2, bottom - 6, "–", fill=MUTED, size=13))
            previous = None
            continue
        y = bottom - (bottom - top) * level / 5
        out.append(f'<rect x="{x0 + 2:.1f}" y="{y:.1f}" width="{slot - 4:.1f}" '
                   f'height="{bottom - y:.1f}" fill="{level_fill(cid, level)}" '
                   f'opacity=".55"/>')
        if previous is not None:
            out.append(f'<line x1="{x0:.1f}" x2="{x0:.1f}" y1="{previous:.1f}" '
                       f'y2="{y:.1f}" stroke="{INK}" stroke-width="2.5"/>')
        out.append(f'<line x1="{x0:.1f}" x2="{x1:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="{INK}" stroke-width="2.5"/>')
        out.append(_text((x0 + x1) / 2, y - 4, f"{level} @", size=11, weight="600"))
        previous = y
    out.append(f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="{INK}"/>')
    out.append("</svg>")
    return Markup("".join(out))


# ---- choropleth of régions --------------------------------------------------------------

# Classes of the share of population covered (%, upper bounds), lightest to darkest.
SHARE_CLASSES = [(0.0, "0 %"), (1.0, "moins de 1 %"), (5.0, "1 à 5 %"), (20.0, "5 à 20 %"),
                 (50.0, "20 à 50 %"), (100.0, "50 % et plus")]
SHARE_COLOURS = ["#ffffff", "#deebf7", "#9ecae1", "#4f9bd1", "#2166ac", "#0b3a75"]


def share_class(value: float | None) -> int:
    if not value:
        return 0
    for i, (bound, _) in enumerate(SHARE_CLASSES[1:], start=1):
        if value < bound:
            return i
    return len(SHARE_CLASSES) - 1


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def _frame(shapes: list[dict], box: tuple[float, float, float, float]):
    """A projection of ``shapes`` (lon/lat, cosine of the mean latitude) into ``box``
    (x, y, width, height), keeping the aspect ratio."""
    points = [p for s in shapes for ring in _rings(s["geometry"]) for p in ring]
    if not points:
        return lambda lon, lat: (box[0], box[1])
    lat0 = math.radians(sum(p[1] for p in points) / len(points))
    xs = [p[0] * math.cos(lat0) for p in points]
    ys = [p[1] for p in points]
    scale = min(box[2] / ((max(xs) - min(xs)) or 1), box[3] / ((max(ys) - min(ys)) or 1))
    dx = box[0] + (box[2] - (max(xs) - min(xs)) * scale) / 2
    dy = box[1] + (box[3] - (max(ys) - min(ys)) * scale) / 2
    xmin, ymax = min(xs), max(ys)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return dx + (lon * math.cos(lat0) - xmin) * scale, dy + (ymax - lat) * scale

    return project


def _path(geometry: dict, project) -> str:
    parts = []
    for ring in _rings(geometry):
        pts = [project(x, y) for x, y in ring]
        parts.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
    return "".join(parts)


def choropleth(cid: str, title: str, summary: str, shapes: list[dict],
               values: dict[str, float | None], shown: set[str]) -> Markup:
    """Régions coloured by share class, each labelled with its value (so grey print and
    colour-blind readers lose nothing). ``shapes``: code, name, zone (``metro`` or not),
    geometry and label point (lon/lat); régions not in ``shown`` are drawn pale, unlabelled.
    Metropolitan France fills the main frame; each overseas région gets a small inset."""
    width, height = WIDTH, 470
    metro = [s for s in shapes if s["zone"] == "metro"]
    overseas = [s for s in shapes if s["zone"] != "metro"]
    out = [_open(cid, title, summary, width, height)]
    frames = [(metro, (150, 10, 480, 400))]
    for i, shape in enumerate(overseas):
        frames.append(([shape], (10, 10 + i * 80, 120, 62)))
    labels = []
    for group, box in frames:
        project = _frame(group, box)
        for shape in group:
            code = shape["code"]
            active = code in shown
            value = values.get(code)
            fill = SHARE_COLOURS[share_class(value)] if active else "#f0f0f0"
            out.append(f'<path d="{_path(shape["geometry"], project)}" fill="{fill}" '
                       f'stroke="{MUTED if active else GRID}" stroke-width=".8"/>')
            if len(group) == 1:  # an inset: its name under it
                out.append(_text(box[0] + box[2] / 2, box[1] + box[3] + 12, shape["name"],
                                 size=10, fill=INK if active else MUTED))
            if active and shape.get("label_point"):
                x, y = project(*shape["label_point"])
                if len(group) == 1:
                    x, y = box[0] + box[2] / 2, box[1] + box[3] / 2 + 4
                labels.append((x, y, "—" if value is None else "0" if not value
                               else fr_number(value, 1) + "\u00a0%"))
    for x, y, text in labels:
        # A white halo under the value keeps it readable on any class colour.
        out.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="11" '
                   f'font-weight="700" fill="{INK}" stroke="#ffffff" stroke-width="3" '
                   f'paint-order="stroke">{escape(text)}</text>')
    # Legend.
    x, y = 150, 430
    for i, (_, name) in enumerate(SHARE_CLASSES):
        out.append(f'<rect x="{x}" y="{y}" width="14" height="12" fill="{SHARE_COLOURS[i]}" '
                   f'stroke="{MUTED}" stroke-width=".6"/>')
        out.append(_text(x + 18, y + 10, name, "start", size=11))
        x += 26 + 6 * len(name)
    out.append(_text(150, y + 32, "Part de la population couverte par le label", "start",
                     MUTED, 11))
    out.append("</svg>")
    return Markup("".join(out))
