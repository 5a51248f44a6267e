"""The public map in headless Chromium, with the bench's 100,000 synthetic initiatives:
first clusters drawn after navigation, bytes transferred for the first view, and the
redraw after a filter change.

The app runs under gunicorn (2 workers), as in production, on the bench's scratch
database; the browser is the one of the end-to-end tests (tests/browser.py), with every
request off 127.0.0.1 aborted, so base-map tiles are neither fetched nor counted.

- First view: a fresh browser context each run (empty browser cache) on a server that
  has already answered the landing view once, as for any visitor but the very first.
  The figure is the page's own clock (``performance.now()``, from navigation start)
  when the clusters are drawn.
- Filter redraw: each run ticks one more domain, a filter set never asked before, so
  the server computes clusters, counts and list; measured in the page from the
  ``change`` event to the clusters drawn.
- Phone: the first view again at 390×844 with touch, the page's CPU slowed 4× by
  Chromium (CDP ``Emulation.setCPUThrottlingRate``).
- Paris z8 → z12: the bytes of the map's vector tiles (``/tiles/map``: land,
  départements, the communes' labels) the page asks while zooming in over Paris
  (desktop viewport), and the bytes of the GeoJSON choropleth answers it used to ask
  for the same views (``/api/labels/communes``, asked by the bench): both figured.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

from atlas import serving
from atlas.config import PROJECT_ROOT, Config
from bench.harness import Figure
from tests.browser import PHONE, browser, new_page

RUNS = 7
PARIS = (48.8566, 2.3522)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _gunicorn(config: Config, port: int) -> subprocess.Popen:
    env = {**os.environ, "ATLAS_DATABASE_URL": config.database_url,
           "ATLAS_WEB_DATABASE_URL": config.web_database_url}
    # The command `python -m atlas serve` runs: what visitors get.
    proc = subprocess.Popen(
        serving.argv(f"127.0.0.1:{port}", access_log=False), cwd=PROJECT_ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1)
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("gunicorn did not start")


def _first_view(b, base: str, phone: bool = False) -> tuple[float, int]:
    page = new_page(b, base, **(PHONE if phone else {}))
    if phone:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    drawn = float(page.get_attribute("body", "data-drawn-ms")) / 1000
    page.wait_for_load_state("networkidle")  # the view's vector tiles counted too
    sent = page.traffic.bytes
    page.context.close()
    return drawn, sent


def _redraws(b, base: str, domains: list[str]) -> list[float]:
    page = new_page(b, base)
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    page.evaluate("document.addEventListener('change', "
                  "() => { document.body.dataset.changedMs = performance.now(); }, true)")
    out = []
    for code in domains:
        before = page.get_attribute("body", "data-drawn-ms")
        page.check(f"#domain-{code}")
        page.wait_for_function("b => document.body.dataset.drawnMs !== b "
                               "&& !document.body.dataset.loading", arg=before,
                               timeout=30_000)
        drawn = float(page.get_attribute("body", "data-drawn-ms"))
        changed = float(page.get_attribute("body", "data-changed-ms"))
        out.append((drawn - changed) / 1000)
    page.context.close()
    return out


def _paris_bytes(b, base: str) -> tuple[int, int]:
    """(bytes of the map's vector tiles the page asked, bytes of the former choropleth's
    GeoJSON answers for the same views), zooming from z8 to z12 over Paris."""
    page = new_page(b, base)
    tiles = {"bytes": 0}

    def finished(request):
        if "/tiles/map/" in request.url:
            sizes = request.sizes()
            tiles["bytes"] += sizes["responseBodySize"] + sizes["responseHeadersSize"]

    page.on("requestfinished", finished)
    lat, lon = PARIS
    page.goto(f"{base}/?lat={lat}&lon={lon}&z=8")
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    views = []
    for z in range(8, 13):
        bounds = page.evaluate("""z => {
            const s = JSON.parse(document.getElementById('atlas-settings').textContent);
            const m = window[s.map];
            m.setView([%f, %f], z, {animate: false});
            const b = m.getBounds();
            return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }""" % PARIS, z)
        page.wait_for_load_state("networkidle")
        views.append((z, bounds))
    page.wait_for_timeout(500)
    # Counted up to here: a request still finishing as the page closes has no sizes left
    # to read (Playwright printed a TargetClosedError per such request).
    page.remove_listener("requestfinished", finished)
    page.context.close()
    # What the GeoJSON choropleth asked for these views: below zoom 9 France for the
    # zoom band, from zoom 9 the view (here the view's exact box, a little smaller
    # than the snapped box it asked: the GeoJSON figure is, if anything, low).
    geojson = 0
    for url in _geojson_urls(views):
        request = urllib.request.Request(base + url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as r:
            geojson += len(r.read()) + sum(len(k) + len(v) + 4 for k, v in r.headers.items())
    return tiles["bytes"], geojson


def _geojson_urls(views) -> list[str]:
    from atlas.queries import choropleth

    urls = []
    for z, (x1, y1, x2, y2) in views:
        if z < choropleth.BBOX_ZOOM:
            band = [b[0] for b in choropleth.BANDS if b[0] <= z][-1]
            url = f"/api/labels/communes?zoom={band}"
        else:
            url = f"/api/labels/communes?zoom={z}&bbox={x1:.5f},{y1:.5f},{x2:.5f},{y2:.5f}"
        if url not in urls:
            urls.append(url)
    return urls


def run(config: Config, n: int, runs: int = RUNS) -> list[Figure]:
    """``runs`` of each view (``--quick``: 1, the same code with one page each)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _gunicorn(config, port)
    try:
        with browser() as b:
            for _ in range(min(4, runs)):  # each worker has answered the landing view
                _first_view(b, base)
            views = [_first_view(b, base) for _ in range(runs)]
            phones = [_first_view(b, base, phone=True) for _ in range(runs)]
            domains = [c for c, in _domain_codes(config)][:runs]
            redraws = _redraws(b, base, domains)
            mvt, geojson = _paris_bytes(b, base)
    finally:
        server.terminate()
        server.wait(10)
    sizes = [v[1] for v in views]
    return [
        Figure(f"map: first clusters drawn after navigation ({n:,} initiatives)", "< 1.5 s "
               "(issue 9)", runs=[v[0] for v in views], unit="ms",
               note=f"{runs} fresh browser contexts, gunicorn with 2 workers"),
        Figure("map: bytes transferred for the first view (base-map tiles excluded)",
               "< 1.5 MB (issue 9)", runs=[s / 1e6 for s in sizes], unit="MB",
               note="bodies and headers as received (gzip where the server compresses)"),
        Figure("map on a phone (390×844, touch, CPU slowed 4×): first clusters drawn",
               "< 1.5 s (issue 24)", runs=[v[0] for v in phones], unit="ms",
               note=f"{runs} fresh browser contexts, CDP Emulation.setCPUThrottlingRate 4"),
        Figure("map on a phone: bytes transferred for the first view (base-map tiles "
               "excluded)", "< 1.5 MB (issue 24)", runs=[v[1] / 1e6 for v in phones],
               unit="MB", note="bodies and headers as received"),
        Figure("map: outline and choropleth bytes zooming z8 → z12 over Paris: the map's "
               "vector tiles (reference: the former GeoJSON answers)",
               "tiles < GeoJSON (issue 24)",
               runs=[mvt / 1e6], reference="GeoJSON /api/labels/communes",
               reference_runs=[geojson / 1e6], unit="MB",
               note="the same five views (1400×900); /tiles/map as the page asked them "
                    "(départements and communes in one tile, gzip); GeoJSON gzip, asked "
                    "for the same views"),
        Figure("map: redraw after a filter change (a new domain ticked)", "< 300 ms "
               "(issue 9)", runs=redraws, unit="ms",
               note="from the change event to the clusters drawn, filter sets never asked "
                    "before (server computes)"),
    ]


def _domain_codes(config: Config):
    import sqlalchemy as sa

    from atlas import db

    with db.engine(config).connect() as conn:
        return conn.execute(sa.text("SELECT code FROM domain ORDER BY position, code")).all()
