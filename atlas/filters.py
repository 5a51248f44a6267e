"""The filter model every consumer shares: "which initiatives match these filters?".

Query parameters are declared once in ``PARAMS`` (name, type, several values or one,
constraints, description); ``parse`` validates a request's parameters into a frozen
``Filters`` and the OpenAPI description is generated from the same declarations, so the
spec, the validation and the SQL never disagree. A parameter taking several values
accepts repeats (``level=4&level=5``) and commas (``level=4,5``). Any invalid value raises
``InvalidParameter`` naming the parameter and why; nothing reaches SQL as text except
``q``, which is bound as a parameter of ``websearch_to_tsquery`` and is only ever text.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Iterable, Mapping

from atlas.errors import InvalidParameter

MAX_VALUES = 50  # per parameter: a URL listing 10,000 codes is an attack, not a filter
YEARS = (1980, 2100)


@dataclasses.dataclass(frozen=True)
class Param:
    name: str
    type: str  # OpenAPI type of one value: string, integer or number
    description: str
    many: bool = False
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    enum: tuple[str, ...] | None = None
    example: str | None = None
    min_items: int | None = None  # for the single-valued "list" params like bbox
    max_length: int | None = None

    def declaration(self) -> dict:
        """What a browser needs to carry this parameter in a URL (the map's contract)."""
        return {"name": self.name, "type": self.type, "many": self.many}

    def schema(self) -> dict:
        one: dict = {"type": self.type}
        for key, value in (("pattern", self.pattern), ("minimum", self.minimum),
                           ("maximum", self.maximum), ("maxLength", self.max_length)):
            if value is not None:
                one[key] = value
        if self.enum:
            one["enum"] = list(self.enum)
        if self.many:
            return {"type": "array", "items": one, "maxItems": MAX_VALUES}
        return one


_DEP = r"(?:0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2[ABab]|97[1-8]|98[4-9])"
_INSEE = r"(?:\d{5}|2[ABab]\d{3})"

FILTER_PARAMS = [
    Param("domain", "string", "Domain code of the taxonomy (see /api/domains); an "
          "initiative matches if it has any of the listed domains.", many=True,
          pattern=r"^[a-z0-9-]{1,40}$", example="education"),
    Param("level", "integer", "Label level of the initiative's collectivité (1 to 5 @), in "
          "`label_year` if given, else its latest award.", many=True, minimum=1, maximum=5,
          example="4"),
    Param("label_year", "integer", "Which edition's level counts for `level` (default: each "
          "collectivité's latest award).", minimum=YEARS[0], maximum=YEARS[1],
          example="2020"),
    Param("region", "string", "Région code (INSEE COG), e.g. 11 for Île-de-France.",
          many=True, pattern=r"^\d{2}$", example="11"),
    Param("departement", "string", "Département code: 01..95, 2A, 2B, 971..978.",
          many=True, pattern=f"^{_DEP}$", example="2A"),
    Param("commune", "string", "INSEE code of a commune; a former code counts as the "
          "current commune it merged into.", many=True, pattern=f"^{_INSEE}$",
          example="94076"),
    Param("year_min", "integer", "Initiatives of this year or later.", minimum=YEARS[0],
          maximum=YEARS[1], example="2015"),
    Param("year_max", "integer", "Initiatives of this year or earlier.", minimum=YEARS[0],
          maximum=YEARS[1], example="2024"),
    Param("q", "string", "Full-text search in French (title, summary, commune name), "
          "accent- and case-insensitive; words are AND-ed, \"quoted phrases\" and -exclusion "
          "work as in a web search engine.", max_length=200, example="tablettes école"),
    Param("bbox", "string", "Bounding box lon_min,lat_min,lon_max,lat_max in WGS 84 "
          "(EPSG:4326, longitude first).", example="2.2,48.8,2.5,48.9",
          pattern=r"^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$"),
    Param("source", "string", "Source name of the records (see /api/stats `source`).",
          many=True, max_length=200, example="synthetic"),
    Param("kind", "string", "What the record is: an `initiative` (an action of a "
          "collectivité) or a `place` (a service point: France Services, a structure "
          "hosting conseillers numériques...).", many=True, enum=("initiative", "place"),
          example="place"),
    Param("place_type", "string", "The type of place, e.g. \"France Services\" or "
          "\"Conseiller numérique\" (see /api/stats `place_type`).", many=True,
          max_length=100, example="France Services"),
]
PAGE_PARAMS = [
    Param("limit", "integer", "Features per page (default 100, at most 1000).", minimum=1,
          maximum=1000, example="100"),
    Param("offset", "integer", "Features to skip (pages follow the `next` link).",
          minimum=0, maximum=10_000_000, example="0"),
]
# The map's own parameters, beside the filters.
ZOOM = Param("zoom", "integer", "Zoom level of the web map (0: the whole world in one 256 px "
             "tile); clusters are a fixed size in pixels at this zoom.", minimum=0,
             maximum=22, example="6")
PARAMS = {p.name: p for p in FILTER_PARAMS + PAGE_PARAMS + [ZOOM]}


@dataclasses.dataclass(frozen=True)
class Filters:
    """Validated filters. Tuples are sorted and de-duplicated, so equal filters are
    equal objects (and give equal cache keys)."""

    domain: tuple[str, ...] = ()
    level: tuple[int, ...] = ()
    label_year: int | None = None
    region: tuple[str, ...] = ()
    departement: tuple[str, ...] = ()
    commune: tuple[str, ...] = ()
    year_min: int | None = None
    year_max: int | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    source: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    place_type: tuple[str, ...] = ()

    def without(self, *names: str) -> Filters:
        """The same filters with ``names`` reset (a facet counts without its own filter)."""
        return dataclasses.replace(self, **{n: Filters.__dataclass_fields__[n].default
                                            for n in names})

    def query(self) -> list[tuple[str, str]]:
        """The filters as canonical query parameters (commas for several values)."""
        out = []
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value in (None, ()):
                continue
            if isinstance(value, tuple):
                value = ",".join(_fmt(v) for v in value)
            out.append((f.name, str(value)))
        return out


def _fmt(v) -> str:
    return repr(v) if isinstance(v, float) else str(v)


def _values(args: Mapping[str, list[str]], name: str) -> list[str]:
    """All values of ``name``, repeats and commas both splitting, blanks dropped."""
    out = []
    for raw in args.get(name, []):
        out += [v.strip() for v in raw.split(",") if v.strip()]
    return out


def one(args, name: str) -> str | None:
    """The single value of ``name`` (None if absent); 400 if repeated."""
    raw = [v for v in args.get(name, []) if v.strip()]
    if len(raw) > 1:
        raise InvalidParameter(f"{name}: give one value, not {len(raw)}", param=name)
    return raw[0].strip() if raw else None


def _int(name: str, text: str, minimum: float | None = None,
         maximum: float | None = None) -> int:
    p = PARAMS.get(name)
    low = minimum if minimum is not None else p.minimum
    high = maximum if maximum is not None else p.maximum
    if not re.fullmatch(r"[+-]?\d{1,12}", text):
        raise InvalidParameter(f"{name}: {text[:40]!r} is not an integer", param=name)
    value = int(text)
    if not low <= value <= high:
        raise InvalidParameter(f"{name}: {value} is outside {low:g}..{high:g}", param=name)
    return value


def integer(args, name: str, default: int, minimum: int, maximum: int) -> int:
    """The single integer value of ``name``, ``default`` if absent, 400 out of bounds."""
    text = one(args, name)
    return default if text is None else _int(name, text, minimum, maximum)


def _match(name: str, text: str) -> str:
    p = PARAMS[name]
    if "\x00" in text:  # PostgreSQL text cannot hold it: a 400, not a driver error
        raise InvalidParameter(f"{name}: contains a NUL character", param=name)
    if p.max_length is not None and len(text) > p.max_length:
        raise InvalidParameter(f"{name}: longer than {p.max_length} characters", param=name)
    if p.pattern and not re.fullmatch(p.pattern.strip("^$"), text):
        raise InvalidParameter(f"{name}: {text[:40]!r} is not a valid {name}", param=name)
    return text


def _choice(name: str, text: str) -> str:
    allowed = PARAMS[name].enum
    if text not in allowed:
        raise InvalidParameter(f"{name}: {text[:40]!r} is not one of {', '.join(allowed)}",
                               param=name)
    return text


def _many(args, name: str, convert: Callable[[str, str], object]) -> tuple:
    values = _values(args, name)
    if len(values) > MAX_VALUES:
        raise InvalidParameter(f"{name}: at most {MAX_VALUES} values", param=name)
    return tuple(sorted({convert(name, v) for v in values}))


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    parts = text.split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or any(n != n or n in (float("inf"), float("-inf"))
                                for n in numbers):
        raise InvalidParameter("bbox: expected four numbers lon_min,lat_min,lon_max,lat_max",
                               param="bbox")
    x1, y1, x2, y2 = numbers
    if not (-180 <= x1 <= 180 and -180 <= x2 <= 180 and -90 <= y1 <= 90 and -90 <= y2 <= 90):
        hint = " (latitude first? give longitude first)" if (
            -90 <= x1 <= 90 and -90 <= x2 <= 90 and not (-90 <= y1 <= 90)) else ""
        raise InvalidParameter(f"bbox: {text} is outside the world: longitudes in "
                               f"-180..180, latitudes in -90..90{hint}", param="bbox")
    if x1 >= x2 or y1 >= y2:
        raise InvalidParameter(f"bbox: {text} is empty or inverted: expected lon_min < lon_max"
                               " and lat_min < lat_max", param="bbox")
    if not _touches_territory(x1, y1, x2, y2) and _touches_territory(y1, x1, y2, x2):
        raise InvalidParameter(f"bbox: {text} looks like latitude first: give "
                               "lon_min,lat_min,lon_max,lat_max", param="bbox")
    return x1, y1, x2, y2


# Where the atlas has data: metropolitan France and the five DROM (lon_min, lat_min,
# lon_max, lat_max). Used only to recognise a box given latitude first.
TERRITORIES = [(-5.5, 41.2, 9.9, 51.2), (-61.9, 15.8, -60.9, 16.6), (-61.3, 14.3, -60.7, 14.95),
               (-54.7, 2.0, -51.5, 5.9), (55.1, -21.5, 56.0, -20.8), (44.9, -13.1, 45.4, -12.5)]


def _touches_territory(x1, y1, x2, y2) -> bool:
    return any(x1 <= tx2 and tx1 <= x2 and y1 <= ty2 and ty1 <= y2
               for tx1, ty1, tx2, ty2 in TERRITORIES)


def check_known(args: Mapping[str, list[str]], allowed: Iterable[str]) -> None:
    """Refuse parameters the endpoint does not declare: a misspelt filter (``domaine=``)
    silently returning everything is worse than a 400 saying so."""
    allowed = set(allowed)
    unknown = sorted(set(args) - allowed)
    if unknown:
        raise InvalidParameter(f"{unknown[0]}: unknown parameter (this endpoint accepts: "
                               f"{', '.join(sorted(allowed)) or 'none'})", param=unknown[0])


def parse(args: Mapping[str, list[str]]) -> Filters:
    """Validate the filter parameters of ``args`` (name → list of raw values)."""
    year_min = _int("year_min", v) if (v := one(args, "year_min")) else None
    year_max = _int("year_max", v) if (v := one(args, "year_max")) else None
    if year_min and year_max and year_min > year_max:
        raise InvalidParameter(f"year_min: {year_min} is after year_max {year_max}",
                               param="year_min")
    q = one(args, "q")
    if q is not None:
        q = _match("q", " ".join(q.split()))
    label_year = _int("label_year", v) if (v := one(args, "label_year")) else None
    return Filters(
        domain=_many(args, "domain", _match),
        level=_many(args, "level", _int),
        label_year=label_year,
        region=_many(args, "region", _match),
        departement=_many(args, "departement", lambda n, v: _match(n, v).upper()),
        commune=_many(args, "commune", lambda n, v: _match(n, v).upper()),
        year_min=year_min, year_max=year_max, q=q or None,
        bbox=_bbox(one(args, "bbox")),
        source=_many(args, "source", _match),
        kind=_many(args, "kind", _choice),
        place_type=_many(args, "place_type", _match),
    )


MAX_VIEW_TILES = 24  # 6,144 px: a 4K screen is 15 tiles wide; the map pads its view by less


def check_view(zoom: int, bbox: tuple[float, float, float, float] | None) -> None:
    """Refuse a ``bbox`` far larger than a screen at ``zoom`` (no bbox: the world):
    clusters and outlines are sized for a view, and the whole world at street zoom
    would be every record in one answer."""
    span = 360.0 * MAX_VIEW_TILES / 2 ** zoom
    x1, y1, x2, y2 = bbox or (-180, -90, 180, 90)
    if x2 - x1 > span or y2 - y1 > span:
        raise InvalidParameter(f"bbox: too large for zoom {zoom}: at most {span:.4g} degrees "
                               "each way (the map's view)", param="bbox")


def snap_view(zoom: int, bbox: tuple[float, float, float, float] | None
              ) -> tuple[float, float, float, float] | None:
    """``bbox`` grown outward to the grid the map snaps its view to (half a tile at
    ``zoom``, ``atlas-map.js``): the map's own boxes are unchanged, and shifted copies of
    a box share one answer (and one cache entry) instead of one each."""
    if bbox is None:
        return None
    step = 180.0 / 2 ** zoom
    x1, y1, x2, y2 = bbox

    def cells(v: float) -> float:
        # A grid value the map wrote with 6 decimals is on the grid, not just off it.
        k = round(v / step)
        return k if abs(v - k * step) <= 1e-6 else v / step

    def down(v: float) -> float:
        return math.floor(cells(v)) * step

    def up(v: float) -> float:
        return math.ceil(cells(v)) * step

    return (max(-180.0, down(x1)), max(-90.0, down(y1)), min(180.0, up(x2)),
            min(90.0, up(y2)))


def page(args: Mapping[str, list[str]], default_limit: int = 100) -> tuple[int, int]:
    """(limit, offset) from ``args``; 400 beyond the declared maxima, never clamped."""
    limit = _int("limit", v) if (v := one(args, "limit")) else default_limit
    offset = _int("offset", v) if (v := one(args, "offset")) else 0
    return limit, offset


# Nearby peers (/api/communes/<insee>/peers and the page /communes/<insee>/pairs). `domain`
# is the filter above, declared once; `limit` has its own bounds here (a list of nearby
# communes to read, not a page of initiatives), so these are not in PARAMS.
PEERS_PARAMS = [
    Param("radius_km", "number", "Search radius in kilometres, true distance on the "
          "ground from the commune's point on surface (default 30, at most 200).",
          minimum=1, maximum=200, example="30"),
    PARAMS["domain"],
    Param("min_level", "integer", "Only peers whose latest label level (1 to 5 @) is at "
          "least this.", minimum=1, maximum=5, example="3"),
    Param("population", "string", "`similar`: only peers from half to twice the "
          "commune's population.", enum=("similar",), example="similar"),
    Param("limit", "integer", "Peers to return, nearest first (default 20, at most 100).",
          minimum=1, maximum=100, example="20"),
]
PEERS = {p.name: p for p in PEERS_PARAMS}
PEERS_RADII = (10, 20, 30, 50, 100, 200)  # km offered by the forms; any 1..200 is accepted


@dataclasses.dataclass(frozen=True)
class PeersQuery:
    """Validated peers parameters (defaults: 30 km, any domain and level, any size)."""

    radius_km: float = 30.0
    domain: tuple[str, ...] = ()
    min_level: int | None = None
    population_similar: bool = False
    limit: int = 20

    def query(self) -> list[tuple[str, str]]:
        """The parameters as canonical query parameters (defaults left out)."""
        out = []
        if self.radius_km != PeersQuery.radius_km:
            out.append(("radius_km", f"{self.radius_km:g}"))
        if self.domain:
            out.append(("domain", ",".join(self.domain)))
        if self.min_level is not None:
            out.append(("min_level", str(self.min_level)))
        if self.population_similar:
            out.append(("population", "similar"))
        if self.limit != PeersQuery.limit:
            out.append(("limit", str(self.limit)))
        return out


def _number(p: Param, text: str) -> float:
    # Digits and one decimal point only: "nan", "1e9" and "inf" never reach a float.
    if not re.fullmatch(r"\d{1,6}(\.\d{1,20})?", text):
        raise InvalidParameter(f"{p.name}: {text[:40]!r} is not a number of kilometres",
                               param=p.name)
    value = float(text)
    if not p.minimum <= value <= p.maximum:
        raise InvalidParameter(f"{p.name}: {value:g} is outside {p.minimum:g}.."
                               f"{p.maximum:g}", param=p.name)
    return value


def parse_peers(args: Mapping[str, list[str]]) -> PeersQuery:
    """Validate the peers parameters of ``args``; 400 beyond the declared bounds, never
    clamped (as ``page``). Unknown parameters are the caller's ``check_known``."""
    radius = one(args, "radius_km")
    level = one(args, "min_level")
    population = one(args, "population")
    if population is not None and population not in PEERS["population"].enum:
        raise InvalidParameter(f"population: {population[:40]!r} is not one of "
                               f"{', '.join(PEERS['population'].enum)}", param="population")
    limit = one(args, "limit")
    p = PEERS
    return PeersQuery(
        radius_km=(_number(p["radius_km"], radius) if radius is not None
                   else PeersQuery.radius_km),
        domain=_many(args, "domain", _match),
        min_level=(_int("min_level", level, p["min_level"].minimum, p["min_level"].maximum)
                   if level is not None else None),
        population_similar=population == "similar",
        limit=(_int("limit", limit, p["limit"].minimum, p["limit"].maximum)
               if limit is not None else PeersQuery.limit),
    )
