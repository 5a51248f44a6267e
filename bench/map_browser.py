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
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from atlas import serving
from atlas.config import PROJECT_ROOT, Config
from bench.harness import Figure
from tests.browser import browser, new_page

RUNS = 7


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


def _first_view(b, base: str) -> tuple[float, int]:
    page = new_page(b, base)
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    drawn = float(page.get_attribute("body", "data-drawn-ms")) / 1000
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


def run(config: Config, n: int) -> list[Figure]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _gunicorn(config, port)
    try:
        with browser() as b:
            for _ in range(4):  # each worker has answered the landing view
                _first_view(b, base)
            views = [_first_view(b, base) for _ in range(RUNS)]
            domains = [c for c, in _domain_codes(config)][:RUNS]
            redraws = _redraws(b, base, domains)
    finally:
        server.terminate()
        server.wait(10)
    sizes = [v[1] for v in views]
    return [
        Figure(f"map: first clusters drawn after navigation ({n:,} initiatives)", "< 1.5 s "
               "(issue 9)", runs=[v[0] for v in views], unit="ms",
               note=f"{RUNS} fresh browser contexts, gunicorn with 2 workers"),
        Figure("map: bytes transferred for the first view (base-map tiles excluded)",
               "< 1.5 MB (issue 9)", runs=[s / 1e6 for s in sizes], unit="MB",
               note="bodies and headers as received (gzip where the server compresses)"),
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
