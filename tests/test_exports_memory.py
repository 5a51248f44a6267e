"""GeoJSON and CSV exports stream with constant memory: exporting 100,000 initiatives
grows the exporting process by less than 100 MB (measured in a fresh subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import sqlalchemy as sa

from loaders import pipeline
from atlas.config import PROJECT_ROOT

N = 100_000

# 100,000 synthetic records spread over the real communes, written by SQL: the synth
# command builds the same volume through the loaders' merge path, which takes minutes.
_FILL = [
    """INSERT INTO source (name, title, attribution, synthetic)
       VALUES ('synthetic', 'Données synthétiques',
               'Données synthétiques : ce ne sont pas des initiatives réelles', true)
       ON CONFLICT (name) DO NOTHING""",
    """INSERT INTO initiative (title, summary, year, commune_insee, geom, source, source_id,
                              geocode_method, geocode_score, attributes)
       SELECT 'Atelier numérique n°' || g || ' à ' || c.name,
              'Donnée synthétique « " ; ' || repeat('é', g % 50), 2000 + g % 26, c.insee,
              c.point, 'synthetic', g::text, 'synthetic', 1,
              jsonb_build_object('rang', g, 'note', 'ligne' || chr(10) || 'suivante')
       FROM generate_series(1, :n) g
       JOIN (SELECT insee, name, point, row_number() OVER (ORDER BY insee) AS rn
             FROM commune WHERE point IS NOT NULL) c
         ON c.rn = 1 + g % (SELECT count(*) FROM commune WHERE point IS NOT NULL)""",
    """INSERT INTO initiative_domain (initiative_id, domain_code)
       SELECT i.id, d.code FROM initiative i
       JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM domain) d
         ON d.k IN (i.id % 5, 5 + i.id % 3)""",
]

_MEASURE = """
import json
from atlas.web import create_app

def rss_mb(what="VmRSS"):
    # VmHWM is this process's peak RSS (ru_maxrss would include the parent's: pytest).
    with open("/proc/self/status") as f:
        return int(f.read().split(what + ":")[1].split()[0]) / 1024

client = create_app().test_client()
client.get("/export/initiatives.geojson?commune=75056").get_data()  # imports, pool, plans
before = rss_mb()
out = {"before": before}
for fmt in ("geojson", "csv"):
    r = client.get(f"/export/initiatives.{fmt}")
    size = rows = 0
    for chunk in r.response:
        size += len(chunk)
        # no field holds a line break: one per row
        rows += chunk.count(b'"Feature"') if fmt == "geojson" else chunk.count(b"\\n")
    r.close()
    out[fmt] = {"bytes": size, "rows": rows,
                "peak": rss_mb("VmHWM")}
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def hundred_thousand(with_domains):
    with pipeline.transaction(with_domains) as w:
        for statement in _FILL:
            w.conn.execute(sa.text(statement), {"n": N})
        w.changes.every_initiative = True
    with with_domains.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("ANALYZE initiative_search"))
    yield with_domains
    with pipeline.transaction(with_domains) as w:
        w.conn.execute(sa.text("TRUNCATE initiative, initiative_domain CASCADE"))
        w.changes.every_initiative = True


def test_exporting_100000_initiatives_grows_the_process_by_less_than_100_mb(
        hundred_thousand, cli_env):
    done = subprocess.run([sys.executable, "-c", _MEASURE], env=cli_env, cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["geojson"]["rows"] == N
    assert out["csv"]["rows"] == N + 1  # and the header
    assert out["geojson"]["bytes"] > 50_000_000  # large enough for buffering to show
    growth = out["csv"]["peak"] - out["before"]
    print(f"RSS {out['before']:.0f} MB before, peak {out['csv']['peak']:.0f} MB after "
          f"GeoJSON ({out['geojson']['bytes'] / 1e6:.0f} MB) and CSV "
          f"({out['csv']['bytes'] / 1e6:.0f} MB): +{growth:.0f} MB")
    assert growth < 100
