"""Bad bytes stop at the door: control characters in a request are a 400 naming where.

PostgreSQL refuses a NUL in text (``invalid byte sequence``), so ``q=a%00`` reached the
database and came back as a 500. No parameter of the atlas has a use for control
characters (C0, DEL, C1: a tab in a search box is pasted by mistake), so any in a query
parameter's name or value, or in a path segment (a commune code), is refused before a
handler runs, naming the parameter. The one exception is an expression language: a CQL2
``filter`` (OGC API) may be written on several lines, so line breaks and tabs are
blanks there (its parser reports errors by line and column).

A form's fields (a POST) are text people type, some on several lines (a description, a
message): tabs and line breaks pass, every other control character is refused the same
way, before the view, so no form of the site can carry a NUL to the database; each
form's own checks then say what a one-line field may hold (``atlas.texts``).
"""

from __future__ import annotations


from flask import Flask, request

from atlas.errors import InvalidParameter
from atlas.texts import CONTROL, CONTROL_BUT_BLANKS

# Parameters whose language has blanks: tab, line feed, carriage return allowed.
_MULTILINE = {"filter"}


def check(name: str, value: str) -> None:
    """InvalidParameter (400) naming ``name`` when ``value`` holds a control character."""
    found = (CONTROL_BUT_BLANKS if name in _MULTILINE else CONTROL).search(value)
    if found:
        raise InvalidParameter(
            f"{name}: control character U+{ord(found.group()):04X} at position "
            f"{found.start() + 1} (not allowed in any parameter)", param=name)


def check_args(args) -> None:
    """InvalidParameter (400) for the first query parameter (a MultiDict) whose name or
    value holds a control character (the lean tile path calls it itself)."""
    for name, values in args.lists():
        check(name if not CONTROL.search(name) else repr(name)[1:-1], name)
        for value in values:
            check(name, value)


def _refuse_control_characters() -> None:
    check_args(request.args)
    for name, value in (request.view_args or {}).items():
        if isinstance(value, str):
            check(name, value)
    if request.method == "POST" and request.mimetype in _FORMS:
        for name, values in request.form.lists():
            check(name if not CONTROL.search(name) else repr(name)[1:-1], name)
            for value in values:
                found = CONTROL_BUT_BLANKS.search(value)
                if found:
                    # Forms are French pages: said in French, naming the field.
                    raise InvalidParameter(
                        f"{name} : caractère de contrôle U+{ord(found.group()):04X} en "
                        f"position {found.start() + 1}, refusé dans un formulaire : "
                        "revenez en arrière et corrigez ce champ", param=name)


_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


def init_app(app: Flask) -> None:
    app.before_request(_refuse_control_characters)
