"""How the app is served: the gunicorn command line of ``python -m atlas serve`` (and of
the benchmarks, so they measure what visitors get).

Threaded workers (``gthread``), not sync ones: a sync worker serves one client at a
time and closes every connection, so two slow downloads took the whole site down and a
map asking 20 tiles paid 20 TCP handshakes. With ``gthread``, each worker serves
``threads`` clients at once and keeps connections alive between requests; its main
thread answers the arbiter's heartbeat whatever the request threads do, so a long
download (an 89 MB export at 20 kB/s) is never cut by ``timeout``, which only restarts a
worker that stopped answering altogether. The database statements of a request keep
their own budget (``ATLAS_STATEMENT_TIMEOUT``, ``ATLAS_EXPORT_TIMEOUT``).
"""

from __future__ import annotations

import sys

WORKERS = 2
THREADS = 8
TIMEOUT = 30  # seconds without a heartbeat before the arbiter restarts a worker
KEEP_ALIVE = 15  # seconds an idle kept-alive connection stays open
GRACEFUL = 30  # seconds a stopping worker has to finish its requests


def argv(bind: str, workers: int = WORKERS, threads: int = THREADS,
         timeout: int = TIMEOUT, keep_alive: int = KEEP_ALIVE, access_log: bool = True,
         app: str = "app:app") -> list[str]:
    """The command running the app under gunicorn on ``bind`` (host:port)."""
    return [sys.executable, "-m", "gunicorn", "--bind", bind,
            "--worker-class", "gthread", "--workers", str(workers),
            "--threads", str(threads), "--timeout", str(timeout),
            "--graceful-timeout", str(GRACEFUL), "--keep-alive", str(keep_alive),
            *(["--access-logfile", "-"] if access_log else []), app]
