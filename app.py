"""Composition root of the web app, for gunicorn (``gunicorn app:app``): the web app,
given the loaders' publisher of the moderators' approvals (the core never imports the
loaders)."""

from atlas.web import create_app
from loaders import contributions

app = create_app(publisher=contributions)
