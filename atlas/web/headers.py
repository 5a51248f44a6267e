"""Headers every response carries, and the addresses the app writes about itself.

- ``X-Content-Type-Options: nosniff`` on every response: a JSON body or a tile is never
  run as a script or page, whatever a browser guesses.
- Pages get a Content-Security-Policy allowing only our own server (and the base-map
  tiles): scripts need ``'self'`` or the request's nonce, so an injected inline script
  does not run even if a template ever let one through. Only ``/embed`` may be framed.
- ``external_url`` builds absolute URLs (TileJSON, API ``links``) from
  ``ATLAS_PUBLIC_URL`` when set, never from the request's Host header, which the client
  writes; behind ``ATLAS_PROXY_HOPS`` trusted proxies, their ``X-Forwarded-*`` headers
  are read (werkzeug's ProxyFix).
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import Flask, current_app, g, request
from markupsafe import Markup
from werkzeug.middleware.proxy_fix import ProxyFix


def nonce() -> str:
    """This request's CSP nonce (one per request, unguessable)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def nonce_scripts(html: str) -> Markup:
    """``html`` (our own rendered fragment: folium's header) with the request's nonce on
    each inline ``<script>`` tag."""
    return Markup(html.replace("<script>", f'<script nonce="{nonce()}">'))


def external_url(path: str) -> str:
    """The absolute URL of ``path`` (which starts with ``/``, the script root included)."""
    public = current_app.config["ATLAS"].public_url
    if public:
        parts = urlsplit(public)
        # The public URL's own path replaces the script root the proxy strips.
        path = path.removeprefix(request.script_root)
        return f"{parts.scheme}://{parts.netloc}{parts.path}{path}"
    return request.host_url.rstrip("/") + path


def csp_origin(url: str) -> str:
    """The CSP source of the base map's tiles (``{s}`` subdomains become ``*``); empty
    without a base map (``ATLAS_BASEMAP_URL=""``)."""
    if not url:
        return ""
    parts = urlsplit(url.replace("{s}", "x"))
    host = parts.hostname or ""
    if "{s}" in url.split("/")[2]:
        host = "*." + host.split(".", 1)[1]
    return f"{parts.scheme}://{host}" if host else ""


# Sent on every response (the lean tile path of ``atlas.web.tiles`` adds it itself).
NOSNIFF = ("X-Content-Type-Options", "nosniff")


def _headers(response):
    response.headers[NOSNIFF[0]] = NOSNIFF[1]
    if response.mimetype == "text/html":
        tiles = csp_origin(current_app.config["ATLAS"].basemap_url or "")
        frame = "*" if request.endpoint == "pages.embed" else "'self'"
        # Styles stay 'unsafe-inline': folium and Leaflet set style attributes, and a
        # style cannot run code.
        response.headers["Content-Security-Policy"] = (
            f"default-src 'self'; script-src 'self' 'nonce-{nonce()}'; "
            "style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data: {tiles}; connect-src 'self'; object-src 'none'; "
            f"frame-ancestors {frame}; base-uri 'self'; form-action 'self'")
        response.headers["Referrer-Policy"] = "same-origin"
    return response


def init_app(app: Flask) -> None:
    hops = app.config["ATLAS"].proxy_hops
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops,
                                x_port=hops, x_prefix=hops)
    app.after_request(_headers)
    app.jinja_env.globals["csp_nonce"] = nonce
