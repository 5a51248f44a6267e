"""Template filters shared by every page (numbers and label levels, the French way)."""

from __future__ import annotations

from flask import Flask


def nombre(n: int) -> str:
    """12345 → "12 345" (French thousands separator, a no-break space)."""
    return f"{n:,}".replace(",", "\u00a0")


def arobases(level: int | None) -> str:
    return "@" * level if level else ""


def init_app(app: Flask) -> None:
    app.add_template_filter(nombre, "nombre")
    app.add_template_filter(arobases, "arobases")
