"""What a text people wrote may hold, wherever it comes from: a loaded file, a form of
the console, a contributor's fiche. One set of limits and character rules, so a record
a collectivité proposes is held to what a loaded one is."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from atlas.errors import InputError

TITLE_MAX = 300
SUMMARY_MAX = 10_000
URL_MAX = 2_000
# C0 and C1 controls and DEL: never in a one-line text people wrote.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# The same but tab and line breaks: a description keeps its paragraphs.
CONTROL_BUT_BLANKS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def web_link(value: str) -> bool:
    """Is ``value`` an ``http(s)://host...`` link? ``javascript:``, ``data:``, ``file:``
    or a bare word would be a trap or a broken link on the record's page."""
    try:
        parts = urlsplit(value)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        ok = False
    return ok and not any(c.isspace() for c in value)


def field(value: str | None, label: str, limit: int, *, required: bool = False,
          lines: bool = False) -> str | None:
    """A form's field: the stripped text, None when empty; InputError (in French, naming
    the field) when required and empty, too long, or holding control characters
    (``lines``: a multi-line text, keeping its line breaks)."""
    value = (value or "").strip()
    if lines:
        value = value.replace("\r\n", "\n")
    if not value:
        if required:
            raise InputError(f"{label} : champ obligatoire")
        return None
    if len(value) > limit:
        raise InputError(f"{label} : {limit} caractères au plus ({len(value)} reçus)")
    if (CONTROL_BUT_BLANKS if lines else CONTROL).search(value):
        raise InputError(f"{label} : caractère de contrôle refusé")
    return value


def link_field(value: str | None, label: str) -> str | None:
    """A form's web link: None when empty, InputError unless ``web_link``."""
    value = field(value, label, URL_MAX)
    if value and not web_link(value):
        raise InputError(f"{label} : une adresse http:// ou https:// est attendue")
    return value
