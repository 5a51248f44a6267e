"""A real headless Chromium on the app, for the end-to-end tests and the map bench.

Debian's ``chromium`` is driven by Playwright with ``executable_path`` (Playwright never
downloads a browser here). The app is served by werkzeug in a thread on 127.0.0.1, and
every request for another host is aborted and recorded: the map must work offline and
must not leak visitors to a CDN.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from pathlib import Path

from werkzeug.serving import make_server

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"]


# axe-core from npm, the version package-lock.json pins (installed by `make venv`):
# injected by the tests only, never served by the app.
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# What "no violation" means: WCAG 2.0/2.1 A and AA, plus axe's best practices (the rules
# axe runs by default).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it is now, one line each (empty: none)."""
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: run `make venv` (npm ci)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""tags => axe.run(document,
        {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""", AXE_TAGS)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})"
            for v in result["violations"]]


# A phone: 390×844 CSS pixels (an iPhone 12 to 15), touch, mobile viewport rules.
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
         "device_scale_factor": 2}


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Debian's chromium is missing: `make test` installs it "
                           "(apt-get install -y chromium)")
    return path


@contextlib.contextmanager
def serve(app) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 (a free port) while the block runs; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


@contextlib.contextmanager
def gunicorn_site(config, cache_dir: Path, log: Path, workers: int = 2) -> Iterator[tuple]:
    """The app as production runs it (``app:app`` under gunicorn, ``workers`` processes:
    sessions, CSRF tokens and throttles must hold whichever worker answers) on the test
    database and roles, on a free port; yields (base URL, its environment)."""
    import os
    import socket
    import subprocess
    import time
    import urllib.request

    from atlas import serving
    from atlas.config import PROJECT_ROOT

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, ATLAS_DATABASE_URL=config.database_url,
               ATLAS_WEB_DATABASE_URL=config.web_database_url,
               ATLAS_WRITER_DATABASE_URL=config.writer_database_url,
               ATLAS_CACHE_DIR=str(cache_dir), ATLAS_TILE_CACHE="off", ATLAS_BASEMAP_URL="")
    server = subprocess.Popen(serving.argv(f"127.0.0.1:{port}", workers=workers, threads=4,
                                           access_log=False),
                              cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=open(log, "w"))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/api/health", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError("gunicorn did not start: " + log.read_text()[-2000:])
            time.sleep(0.3)
    try:
        yield base, env
    finally:
        server.terminate()
        server.wait(30)
        print(log.read_text()[-5000:])  # shown when a test failed


@dataclass
class Traffic:
    """What a page asked for: bytes received from our server, and blocked requests."""

    base: str
    blocked: list[str] = field(default_factory=list)
    bytes: int = 0

    def route(self, route) -> None:
        if route.request.url.startswith(self.base + "/"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def finished(self, request) -> None:
        sizes = request.sizes()
        self.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]


@contextlib.contextmanager
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield b
        finally:
            b.close()


SHOTS = Path(__file__).resolve().parent / "screenshots"  # gitignored


@contextlib.contextmanager
def shot_page(b, base: str, name: str, full_page: bool = True, **context_args):
    """``new_page`` for one test: a screenshot named after the test once it is done (the
    state a failure left, or what passed), then its context closed."""
    page = new_page(b, base, **context_args)
    try:
        yield page
    finally:
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)
        page.context.close()


def new_page(b, base: str, **context_args):
    """A page in a fresh context (empty cache) that only reaches ``base``; the page has
    ``traffic`` (Traffic) and ``errors`` (uncaught script errors) attributes."""
    # bypass_csp: wait_for_function evaluates strings, which our CSP (rightly) forbids.
    context = b.new_context(**{"viewport": {"width": 1400, "height": 900},
                               "locale": "fr-FR", "bypass_csp": True, **context_args})
    page = context.new_page()
    traffic = Traffic(base)
    page.route("**/*", traffic.route)
    page.on("requestfinished", traffic.finished)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.traffic, page.errors = traffic, errors
    return page
