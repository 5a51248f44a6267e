"""OGC API – Features: 1,000 items of ``initiatives`` with a filter, among 100,000
(synthetic) records, from our ``/ogc`` against pygeoapi's PostgreSQL provider on the same
database, both under gunicorn (one worker each) on 127.0.0.1.

pygeoapi (PyPI, ``PYGEOAPI_VERSION``) cannot share our virtual environment (it pins its
own dependencies), so the bench installs it once into ``.cache/pygeoapi-venv`` with
gunicorn, psycopg2 and GeoAlchemy2. It serves a view holding exactly our layer's rows and
columns (``atlas.exports.layers``' initiatives statement), so both answer the same
features with the same properties; the first request of each filter checks that both
return the same ids.

Filters, each at 10 offsets (0, 1,000, ... 9,000), interleaved ours/pygeoapi:
a queryable as a query parameter (``region=84``) and a CQL2 filter
(``filter=year >= 2010 AND region = '84'``). Times are the client's, the whole body read.

Standalone: ``python -m bench.ogc`` (a scratch database with the reference and the
synthetic records, dropped at the end; prints the figures).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import sqlalchemy as sa

from atlas.config import PROJECT_ROOT, Config
from atlas.exports import layers
from atlas.filters import Filters
from bench import data
from bench.harness import Figure

PYGEOAPI_VERSION = "0.21.0"
# pygeoapi's PostgreSQL provider and its server, pinned here (not our requirements).
PYGEOAPI_PACKAGES = [f"pygeoapi=={PYGEOAPI_VERSION}", "psycopg2-binary==2.9.13",
                     "GeoAlchemy2==0.20.0", "gunicorn==27.0.1"]
VIEW = "ogc_bench_initiatives"
QUERIES = [("region=84", "a queryable as a parameter"),
           ("filter=year >= 2010 AND region = '84'", "CQL2")]
OFFSETS = range(0, 10_000, 1000)


def _venv(cache: Path) -> Path:
    """pygeoapi's own virtual environment, created on first use."""
    venv = cache / "pygeoapi-venv"
    marker = venv / f".installed-{PYGEOAPI_VERSION}"
    if not marker.exists():
        subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet",
                        "--disable-pip-version-check", *PYGEOAPI_PACKAGES], check=True)
        marker.touch()
    return venv


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(command: list[str], env: dict, url: str, cwd: Path) -> subprocess.Popen:
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    for _ in range(300):
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return proc
        except requests.RequestException:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"{command[0]}: {proc.stderr.read().decode()[-500:]}")
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{' '.join(command)} did not start")


def _config(url: sa.engine.URL, port: int) -> str:
    # YAML written by hand: a few keys, and pygeoapi's own config schema.
    return f"""
server:
  bind: {{host: 127.0.0.1, port: {port}}}
  url: http://127.0.0.1:{port}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  language: fr-FR
  cors: false
  pretty_print: false
  limits: {{default_items: 100, max_items: 1000}}
  map: {{url: "", attribution: ""}}
logging: {{level: ERROR}}
metadata:
  identification:
    title: bench
    description: bench
    keywords: [bench]
    keywords_type: theme
    terms_of_service: ""
    url: http://127.0.0.1
  license: {{name: Licence Ouverte, url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}}
  provider: {{name: bench, url: http://127.0.0.1}}
  contact: {{name: bench, position: bench, address: "", city: "", stateorprovince: "",
            postalcode: "", country: "", phone: "", fax: "", email: "", url: "",
            hours: "", instructions: "", role: pointOfContact}}
resources:
  initiatives:
    type: collection
    title: initiatives
    description: initiatives
    keywords: [initiatives]
    extents:
      spatial: {{bbox: [-180, -90, 180, 90], crs: "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}}
    providers:
      - type: feature
        name: PostgreSQL
        data:
          host: {url.host}
          port: {url.port}
          dbname: {url.database}
          user: {url.username}
          password: "{url.password or ''}"
          search_path: [public]
        id_field: id
        table: {VIEW}
        geom_field: geom
"""


def _view(engine) -> None:
    """Our initiatives layer as a plain view: pygeoapi reads the same rows."""
    stmt = layers.statement("initiatives", Filters()).order_by(None)
    # The bare geometry: compiled as a result column, GeoAlchemy2 would wrap it in
    # ST_AsEWKB and the view's column would be bytea.
    columns = [c for c in stmt.selected_columns if c.name not in ("point", "geom")]
    columns.append(sa.literal_column("initiative.geom").label("geom"))
    sql = str(stmt.with_only_columns(*columns).compile(
        engine, compile_kwargs={"literal_binds": True}))
    with engine.begin() as conn:
        conn.execute(sa.text(f"DROP VIEW IF EXISTS {VIEW}"))
        conn.execute(sa.text(f"CREATE VIEW {VIEW} AS {sql}"))


def _get(url: str) -> tuple[float, dict]:
    start = time.perf_counter()
    r = requests.get(url, timeout=120)
    body = r.content
    elapsed = time.perf_counter() - start
    if r.status_code != 200:
        raise RuntimeError(f"{url}: {r.status_code} {body[:300]!r}")
    import json

    return elapsed, json.loads(body)


def run(engine, config: Config, n: int = 100_000, page: int = 1000,
        offsets=OFFSETS, reference: bool = True) -> list[Figure]:
    """Pages of ``page`` items at ``offsets``, ours against pygeoapi (``reference=False``,
    the bench's quick mode: ours alone, no pygeoapi installed)."""
    name = f"OGC API items: {page:,} initiatives with a filter, among {n:,}"
    target = "faster than pygeoapi at median and p95 (issue 22)"
    setup = data.ensure_synthetic(engine, n)
    _view(engine)
    venv = _venv(config.cache_dir) if reference else None
    url = sa.engine.make_url(config.database_url)
    ours_port, theirs_port = _free_port(), _free_port()
    work = Path(tempfile.mkdtemp(prefix="bench-pygeoapi-"))
    (work / "config.yml").write_text(_config(url, theirs_port), encoding="utf-8")
    penv = {**os.environ, "PYGEOAPI_CONFIG": str(work / "config.yml"),
            "PYGEOAPI_OPENAPI": str(work / "openapi.yml")}
    if reference:
        subprocess.run([str(venv / "bin" / "pygeoapi"), "openapi", "generate",
                        str(work / "config.yml"), "--output-file", str(work / "openapi.yml")],
                       env=penv, check=True, capture_output=True)
    ours_base = f"http://127.0.0.1:{ours_port}/ogc/collections/initiatives/items"
    theirs_base = f"http://127.0.0.1:{theirs_port}/collections/initiatives/items"
    ours = _start([sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{ours_port}",
                   "--workers", "1", "app:app"],
                  {**os.environ, "ATLAS_DATABASE_URL": config.database_url,
                   "ATLAS_WEB_DATABASE_URL": config.web_database_url},
                  ours_base + "?limit=1", PROJECT_ROOT)
    try:
        theirs = _start([str(venv / "bin" / "gunicorn"), "--bind",
                         f"127.0.0.1:{theirs_port}", "--workers", "1",
                         "pygeoapi.flask_app:APP"], penv, theirs_base + "?limit=1&f=json",
                        work) if reference else None
        try:
            figures = []
            for query, what in QUERIES:
                runs, reference_runs = [], []
                # Warm-up, and the check that both answer the same features.
                _, a = _get(f"{ours_base}?{query}&limit={page}")
                if len(a["features"]) != page:
                    raise RuntimeError(f"{query}: {len(a['features'])} features, not {page}")
                if reference:
                    _, b = _get(f"{theirs_base}?{query}&limit={page}&f=json")
                    if [f["id"] for f in a["features"]] != [f["id"] for f in b["features"]]:
                        raise RuntimeError(f"{query}: the two servers disagree")
                for offset in offsets:  # interleaved: both see the same machine load
                    runs.append(_get(f"{ours_base}?{query}&limit={page}&offset={offset}")[0])
                    if reference:
                        reference_runs.append(_get(
                            f"{theirs_base}?{query}&limit={page}&offset={offset}&f=json")[0])
                figures.append(Figure(
                    f"{name} ({what}: `{query}`)", target, runs=runs,
                    reference=f"pygeoapi {PYGEOAPI_VERSION}" if reference else "",
                    reference_runs=reference_runs,
                    unit="ms",
                    note=f"{a['numberMatched']:,} matching; offsets 0–9,000; both under "
                         "gunicorn (1 worker), same features checked; "
                         f"data set up in {setup:.0f} s"))
            return figures
        finally:
            if theirs is not None:
                theirs.terminate()
                theirs.wait(10)
    finally:
        ours.terminate()
        ours.wait(10)
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP VIEW IF EXISTS {VIEW}"))


def main() -> int:
    from atlas import db
    from bench.harness import write
    from loaders import reference, sources
    from loaders.progress import Progress

    config = Config.from_env()
    geodata = config.require_geodata()
    with data.scratch_database(config) as bench_config:
        engine = db.engine(bench_config)
        reference.run(engine, sources.Resolver(geodata, config.cache_dir, offline=True),
                      reference.Inputs(), Progress(quiet=True))
        figures = run(engine, bench_config)
        engine.dispose()
    print(write(figures, Path(tempfile.mkdtemp()) / "ogc.md"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
