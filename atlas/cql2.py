"""CQL2 text (OGC API – Features Part 3) parsed into SQLAlchemy conditions.

A small recursive-descent parser over a tokenizer that keeps each token's line and
column, so a malformed filter is a 400 saying where ("filter: line 1, column 14:
expected a value after '=' but found 'AND'"). It builds SQLAlchemy expressions while it
parses: property names are looked up in a whitelist (the collection's queryables →
columns) and every literal becomes a bound value, so no text of the filter ever reaches
SQL. Geometry literals are rebuilt from their parsed numbers and bound as WKT.

Supported (the conformance classes ``basic-cql2``, ``advanced-comparison-operators``,
``basic-spatial-functions`` and the rest of the spatial functions on points, lines,
polygons and boxes):

- ``=  <>  <  <=  >  >=`` between a property and a literal (or two of either),
  ``AND``, ``OR``, ``NOT``, parentheses, ``IS [NOT] NULL``, a boolean property alone;
- ``[NOT] LIKE`` (``%`` and ``_``, backslash escapes), ``[NOT] BETWEEN a AND b``,
  ``[NOT] IN (a, b, ...)``, ``CASEI(...)`` (case-insensitive comparison);
- ``S_INTERSECTS`` (and ``S_DISJOINT``, ``S_WITHIN``, ``S_CONTAINS``, ``S_EQUALS``,
  ``S_TOUCHES``, ``S_CROSSES``, ``S_OVERLAPS``) of the geometry and ``BBOX(x1, y1, x2,
  y2)``, ``POINT(x y)``, ``LINESTRING(...)``, ``POLYGON((...))`` in ``filter-crs``.

Not supported (a 400 naming the construct): temporal literals and functions, arrays,
arithmetic, ``ACCENTI``.
"""

from __future__ import annotations

import dataclasses
import re

import sqlalchemy as sa

from atlas.errors import InvalidParameter

MAX_LENGTH = 4000  # characters: a filter is a query, not a data upload
MAX_DEPTH = 40  # nesting of parentheses / NOT: deeper is an attack on the stack
MAX_COORDINATES = 2000


class FilterError(InvalidParameter):
    """A malformed or unsupported filter; the message says where."""

    code = "invalid_filter"

    def __init__(self, message: str, param: str = "filter"):
        super().__init__(f"{param}: {message}", param=param)


@dataclasses.dataclass(frozen=True)
class Queryable:
    """A property a filter may name: its column and type (int, number, text, bool)."""

    column: sa.ColumnElement
    type: str


@dataclasses.dataclass(frozen=True)
class Token:
    kind: str  # string, number, name, op, end
    text: str
    value: object
    line: int
    col: int

    def where(self) -> str:
        return f"line {self.line}, column {self.col}"

    def shown(self) -> str:
        return "the end of the filter" if self.kind == "end" else repr(self.text[:30])


_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<string>'(?:[^']|'')*')
  | (?P<number>[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_.:]*|"(?:[^"]|"")+")
  | (?P<op><>|<=|>=|=|<|>|\(|\)|,)
""", re.VERBOSE)

KEYWORDS = {"AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE"}
SPATIAL = {"S_INTERSECTS": "ST_Intersects", "S_DISJOINT": "ST_Disjoint",
           "S_WITHIN": "ST_Within", "S_CONTAINS": "ST_Contains", "S_EQUALS": "ST_Equals",
           "S_TOUCHES": "ST_Touches", "S_CROSSES": "ST_Crosses", "S_OVERLAPS": "ST_Overlaps"}
GEOMETRY_PROPERTIES = ("geometry", "geom")


def tokens(text: str) -> list[Token]:
    out, pos, line, line_start = [], 0, 1, 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        col = pos - line_start + 1
        if not m:
            raise FilterError(f"line {line}, column {col}: unexpected character "
                              f"{text[pos]!r}")
        kind, piece = m.lastgroup, m.group()
        if kind == "ws":
            for i, ch in enumerate(piece):
                if ch == "\n":
                    line, line_start = line + 1, pos + i + 1
        elif kind == "string":
            out.append(Token("string", piece, piece[1:-1].replace("''", "'"), line, col))
        elif kind == "number":
            value = float(piece) if re.search(r"[.eE]", piece) else int(piece)
            out.append(Token("number", piece, value, line, col))
        elif kind == "name":
            value = piece[1:-1].replace('""', '"') if piece.startswith('"') else piece
            out.append(Token("name", piece, value, line, col))
        else:
            out.append(Token("op", piece, piece, line, col))
        pos = m.end()
    out.append(Token("end", "", None, line, len(text) - line_start + 1))
    return out


@dataclasses.dataclass
class Operand:
    """A side of a comparison: an SQL expression, its type, and whether it is a
    property (an column) or a literal."""

    expr: sa.ColumnElement
    type: str
    token: Token


_COMPARABLE = {("int", "int"), ("int", "number"), ("number", "int"), ("number", "number"),
               ("text", "text"), ("bool", "bool")}
_OPS = {"=": "__eq__", "<>": "__ne__", "<": "__lt__", "<=": "__le__", ">": "__gt__",
        ">=": "__ge__"}


class Parser:
    def __init__(self, text: str, queryables: dict[str, Queryable],
                 geometry: sa.ColumnElement, geometry_sql):
        """``geometry_sql(wkt_or_box)`` turns a literal (``("box", x1, y1, x2, y2)`` or
        ``("wkt", text)``) into an EPSG:4326 geometry expression (the filter-crs)."""
        if len(text) > MAX_LENGTH:
            raise FilterError(f"longer than {MAX_LENGTH} characters")
        self.toks = tokens(text)
        self.i = 0
        self.queryables = queryables
        self.geometry = geometry
        self.geometry_sql = geometry_sql
        self.depth = 0

    # --- token helpers
    @property
    def tok(self) -> Token:
        return self.toks[self.i]

    def _is(self, word: str) -> bool:
        t = self.tok
        if t.kind == "op":
            return t.text == word
        return t.kind == "name" and not t.text.startswith('"') and t.text.upper() == word

    def _take(self, word: str) -> bool:
        if self._is(word):
            self.i += 1
            return True
        return False

    def _expect(self, word: str, what: str = "") -> Token:
        t = self.tok
        if not self._take(word):
            raise self.error(f"expected {word!r}{what} but found {t.shown()}", t)
        return t

    def error(self, message: str, t: Token | None = None) -> FilterError:
        t = t or self.tok
        return FilterError(f"{t.where()}: {message}")

    # --- grammar
    def parse(self) -> sa.ColumnElement:
        if self.tok.kind == "end":
            raise self.error("the filter is empty")
        expr = self._or()
        if self.tok.kind != "end":
            raise self.error(f"expected AND, OR or the end but found {self.tok.shown()}")
        return expr

    def _nest(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(f"nested deeper than {MAX_DEPTH} levels")

    def _or(self):
        parts = [self._and()]
        while self._take("OR"):
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else sa.or_(*parts)

    def _and(self):
        parts = [self._not()]
        while self._take("AND"):
            parts.append(self._not())
        return parts[0] if len(parts) == 1 else sa.and_(*parts)

    def _not(self):
        if self._take("NOT"):
            self._nest()
            inner = self._not()
            self.depth -= 1
            return sa.not_(inner)
        return self._primary()

    def _primary(self):
        if self._is("("):
            # "(" opens a nested condition here; a parenthesised value is not CQL2.
            self.i += 1
            self._nest()
            inner = self._or()
            self._expect(")", " to close the parenthesis")
            self.depth -= 1
            return inner
        if self.tok.kind == "name" and self.tok.text.upper() in SPATIAL:
            return self._spatial()
        return self._predicate()

    def _predicate(self):
        left = self._scalar()
        negate = self._take("NOT")
        op = self.tok
        if self._take("LIKE"):
            pattern = self._scalar()
            self._types(left, pattern, op, want="text")
            expr = left.expr.like(pattern.expr)
        elif self._take("BETWEEN"):
            low = self._scalar()
            self._expect("AND", " in BETWEEN ... AND ...")
            high = self._scalar()
            self._types(left, low, op)
            self._types(left, high, op)
            if left.type not in ("int", "number"):
                raise self.error("BETWEEN compares numbers", op)
            expr = left.expr.between(low.expr, high.expr)
        elif self._take("IN"):
            self._expect("(", " after IN")
            values = [self._scalar()]
            while self._take(","):
                values.append(self._scalar())
            self._expect(")", " to close the IN list")
            for v in values:
                self._types(left, v, op)
            expr = left.expr.in_([v.expr for v in values])
        elif negate:
            raise self.error(f"expected LIKE, BETWEEN or IN after NOT but found "
                             f"{op.shown()}", op)
        elif self._take("IS"):
            negate = self._take("NOT")
            self._expect("NULL", " after IS")
            expr = left.expr.is_(None)
        elif op.kind == "op" and op.text in _OPS:
            self.i += 1
            right = self._scalar(after=op)
            self._types(left, right, op)
            return getattr(left.expr, _OPS[op.text])(right.expr)
        elif left.type == "bool":
            return left.expr if left.token.kind == "name" else sa.literal(left.expr.value)
        else:
            raise self.error(f"expected a comparison (=, <>, <, <=, >, >=, LIKE, BETWEEN, "
                             f"IN, IS NULL) after {left.token.shown()} but found "
                             f"{op.shown()}", op)
        return sa.not_(expr) if negate else expr

    def _types(self, a: Operand, b: Operand, op: Token, want: str | None = None) -> None:
        if want and (a.type != want or b.type != want):
            bad = a if a.type != want else b
            raise self.error(f"{op.text.upper()} needs {want}, but {bad.token.shown()} is "
                             f"{_NAMES[bad.type]}", op)
        if (a.type, b.type) not in _COMPARABLE:
            raise self.error(f"cannot compare {a.token.shown()} ({_NAMES[a.type]}) with "
                             f"{b.token.shown()} ({_NAMES[b.type]})", op)

    def _scalar(self, after: Token | None = None) -> Operand:
        t = self.tok
        if t.kind == "string":
            self.i += 1
            return Operand(sa.literal(t.value, sa.Text), "text", t)
        if t.kind == "number":
            self.i += 1
            kind = "int" if isinstance(t.value, int) else "number"
            if kind == "int" and not -2**63 <= t.value < 2**63:
                raise self.error(f"{t.text[:30]} is too large", t)
            return Operand(sa.literal(t.value, sa.BigInteger if kind == "int"
                                      else sa.Float), kind, t)
        if t.kind == "name":
            word = t.text.upper() if not t.text.startswith('"') else None
            if word in ("TRUE", "FALSE"):
                self.i += 1
                return Operand(sa.literal(word == "TRUE", sa.Boolean), "bool", t)
            if word == "CASEI":
                self.i += 1
                self._expect("(", " after CASEI")
                inner = self._scalar()
                self._expect(")", " to close CASEI")
                if inner.type != "text":
                    raise self.error("CASEI takes text", inner.token)
                return Operand(sa.func.lower(inner.expr), "text", inner.token)
            if word in ("DATE", "TIMESTAMP", "INTERVAL", "ACCENTI") or word in SPATIAL:
                raise self.error(f"{word} is not supported here (the time of a feature "
                                 "is its year: compare `year` with a number)", t)
            if word in KEYWORDS:
                raise self.error(f"expected a property or a value but found {t.shown()}", t)
            if self.toks[self.i + 1].text == "(":
                raise self.error(f"unknown function {t.text[:30]!r}", t)
            q = self.queryables.get(t.value)
            if q is None:
                if t.value in GEOMETRY_PROPERTIES:
                    raise self.error("the geometry is compared with S_INTERSECTS(...)", t)
                raise self.error(f"unknown property {t.value[:40]!r} (queryables: "
                                 f"{', '.join(sorted(self.queryables))})", t)
            self.i += 1
            return Operand(q.column, q.type, t)
        what = f" after {after.text!r}" if after else ""
        raise self.error(f"expected a property or a value{what} but found {t.shown()}", t)

    # --- spatial
    def _spatial(self):
        name = self.tok.text.upper()
        self.i += 1
        self._expect("(", f" after {name}")
        a = self._geometry()
        self._expect(",", f" between the two geometries of {name}")
        b = self._geometry()
        self._expect(")", f" to close {name}")
        return getattr(sa.func, SPATIAL[name])(a, b)

    def _geometry(self):
        t = self.tok
        if t.kind != "name":
            raise self.error(f"expected a geometry but found {t.shown()}", t)
        word = t.text.upper()
        if t.value in GEOMETRY_PROPERTIES:
            self.i += 1
            return self.geometry
        self.i += 1
        if word == "BBOX":
            self._expect("(", " after BBOX")
            numbers = [self._number()]
            while self._take(","):
                numbers.append(self._number())
            self._expect(")", " to close BBOX")
            if len(numbers) not in (4, 6):
                raise self.error(f"BBOX takes 4 numbers, not {len(numbers)}", t)
            if len(numbers) == 6:
                numbers = numbers[0:2] + numbers[3:5]
            x1, y1, x2, y2 = numbers
            if x1 > x2 or y1 > y2:
                raise self.error("BBOX is inverted: give min x, min y, max x, max y", t)
            return self.geometry_sql(("box", x1, y1, x2, y2))
        levels = {"POINT": 0, "LINESTRING": 0, "MULTIPOINT": 0, "POLYGON": 1,
                  "MULTILINESTRING": 1, "MULTIPOLYGON": 2}
        if word in levels:
            self.count = 0
            body = self._coordinates(levels[word])
            if word == "POINT" and "," in body:
                raise self.error("a POINT has one position", t)
            return self.geometry_sql(("wkt", f"{word}{body}"))
        if t.value in self.queryables:
            raise self.error(f"{t.value!r} is not a geometry", t)
        raise self.error(f"expected a geometry (the property `geometry`, BBOX(...), "
                         f"POINT(...), POLYGON(...)...) but found {t.shown()}", t)

    def _number(self) -> float:
        t = self.tok
        if t.kind != "number":
            raise self.error(f"expected a number but found {t.shown()}", t)
        self.i += 1
        value = float(t.value)
        if value != value or abs(value) > 1e9:
            raise self.error(f"{t.text[:30]} is not a coordinate", t)
        return value

    def _coordinates(self, level: int) -> str:
        """``(x y, x y)`` (level 0) or a list of level - 1 lists, rebuilt as WKT from
        the parsed numbers."""
        self._expect("(", " to open a coordinate list")
        items = []
        while True:
            if level == 0:
                x, y = self._number(), self._number()
                self.count += 1
                if self.count > MAX_COORDINATES:
                    raise self.error(f"more than {MAX_COORDINATES} coordinates")
                items.append(f"{x!r} {y!r}")
            else:
                items.append(self._coordinates(level - 1))
            if not self._take(","):
                break
        self._expect(")", " to close a coordinate list")
        return "(" + ", ".join(items) + ")"


_NAMES = {"int": "an integer", "number": "a number", "text": "text", "bool": "a boolean"}


def to_sql(text: str, queryables: dict[str, Queryable], geometry: sa.ColumnElement,
           geometry_sql) -> sa.ColumnElement:
    """The condition ``text`` (CQL2 text) means, over ``queryables`` and ``geometry``;
    FilterError (400) saying where when it is malformed or names an unknown property."""
    return Parser(text, queryables, geometry, geometry_sql).parse()
