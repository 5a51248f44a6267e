"""Template filters shared by every page (numbers, label levels and labels, the French
way)."""

from __future__ import annotations

from flask import Flask


def nombre(n: int) -> str:
    """12345 → "12 345" (French thousands separator, a no-break space)."""
    return f"{n:,}".replace(",", "\u00a0")


def arobases(level: int | None) -> str:
    return "@" * level if level else ""


def label_text(label: dict | None, none: str = "non labellisée") -> str:
    """A label answer (``atlas.queries.labels.as_dict``) in words: "4 @ en 2024", or
    "label de l'intercommunalité X, 4 @, 2024" when it is the EPCI's."""
    if not label:
        return none
    if label.get("held_by") == "epci":
        return (f"label de l'intercommunalité {label['epci']['name']}, "
                f"{label['level']} @, {label['year']}")
    return f"{label['level']} @ en {label['year']}"


def init_app(app: Flask) -> None:
    app.add_template_filter(nombre, "nombre")
    app.add_template_filter(arobases, "arobases")
    app.add_template_filter(label_text, "label_text")
