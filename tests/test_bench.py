"""Every benchmark runs: ``python -m bench --quick`` goes through each one's code with tiny
sizes (a scratch database on the test server, no figure written), so a benchmark broken
by a change fails here, not at the next ``make bench``."""

from __future__ import annotations

from atlas.config import PROJECT_ROOT


def test_every_benchmark_runs_in_quick_mode(config, monkeypatch, capsys):
    # ``bench.__main__.main`` in this process, with the environment ``python -m bench``
    # would get: the interpreter and its imports cost 10 to 20 s under load, and the
    # entry point is one call (the benchmarks' own subprocesses still run).
    from bench.__main__ import main

    results = PROJECT_ROOT / "bench" / "RESULTS.md"
    before = results.read_bytes() if results.exists() else None
    monkeypatch.setenv("ATLAS_DATABASE_URL", config.database_url)
    monkeypatch.chdir(PROJECT_ROOT)
    assert main(["--quick"]) == 0
    assert "figures computed, none written" in capsys.readouterr().out
    assert (results.read_bytes() if results.exists() else None) == before
