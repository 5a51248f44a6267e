"""Composition root of the web app, for gunicorn (``gunicorn app:app``)."""

from atlas.web import create_app

app = create_app()
