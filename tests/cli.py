"""The command line run in the test process (``atlas_cli``): a new interpreter per
command cost 3 to 15 s of imports, several minutes of the suite."""

from __future__ import annotations

import os
import subprocess
import traceback

from atlas.config import PROJECT_ROOT


def in_process(args, env: dict[str, str]) -> subprocess.CompletedProcess:
    """``python -m atlas ARGS`` in this process through click's runner, from the project
    folder, with ``env`` over this process's environment; the answer reads like the
    subprocess's: an exception the command lets through ends it as it would end the
    interpreter (status 1, the traceback on stderr)."""
    from click.testing import CliRunner

    from atlas.__main__ import main

    here = os.getcwd()
    os.chdir(PROJECT_ROOT)
    try:
        result = CliRunner().invoke(main, list(args), env=env, prog_name="python -m atlas")
    finally:
        os.chdir(here)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(*result.exc_info))
    return subprocess.CompletedProcess(["python", "-m", "atlas", *args], result.exit_code,
                                       result.stdout, stderr)
