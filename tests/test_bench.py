"""Every benchmark runs: ``python -m bench --quick`` goes through each one's code with tiny
sizes (a scratch database on the test server, no figure written), so a benchmark broken
by a change fails here, not at the next ``make bench``."""

from __future__ import annotations

import subprocess
import sys

from atlas.config import PROJECT_ROOT


def test_every_benchmark_runs_in_quick_mode(cli_env, tmp_path):
    results = PROJECT_ROOT / "bench" / "RESULTS.md"
    before = results.read_bytes() if results.exists() else None
    r = subprocess.run([sys.executable, "-m", "bench", "--quick"], env=cli_env,
                       cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "figures computed, none written" in r.stdout
    assert (results.read_bytes() if results.exists() else None) == before
