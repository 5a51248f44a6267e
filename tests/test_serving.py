"""``python -m atlas serve`` under load a sync server could not take (issue 26, finding 6):
a slow download neither blocks the site nor gets cut by the worker timeout, and
connections are kept alive between requests."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time

import pytest

from atlas.config import PROJECT_ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Module-scoped: both tests read the same data from the same server (one synthetic
# set and one server start instead of two; the CLI's synth is tested in test_synth).
@pytest.fixture(scope="module")
def big_data(with_domains):
    from loaders import pipeline, synth

    with pipeline.transaction(with_domains) as w:
        synth.run(w.conn, w.changes, 30_000, 0, seed=3)
    yield
    with pipeline.transaction(with_domains) as w:
        synth.run(w.conn, w.changes, 0, 0, seed=3)


@pytest.fixture(scope="module")
def server(config, big_data):
    port = _free_port()
    env = {**os.environ, "ATLAS_DATABASE_URL": config.database_url,
           "ATLAS_PORT": str(port), "ATLAS_HOST": "127.0.0.1", "ATLAS_TILE_CACHE": "off"}
    proc = subprocess.Popen([sys.executable, "-m", "atlas", "serve", "--workers", "1",
                             "--threads", "4", "--timeout", "2", "--keep-alive", "10"],
                            cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    yield port
    proc.terminate()
    proc.wait(15)


def _get(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, body


def test_slow_download_is_complete_and_the_site_still_answers(server):
    path = "/export/initiatives.geojson?source=synthetic"
    status, full = _get(server, path, timeout=60)
    assert status == 200 and len(full) > 10_000_000  # far more than socket buffers hold

    sock = socket.create_connection(("127.0.0.1", server))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16384)
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n".encode())
    received = sock.recv(65536)
    # The only worker's thread is stuck sending to us for twice its timeout: a sync
    # worker would answer nobody meanwhile, then be killed and cut the download.
    for _ in range(8):
        time.sleep(0.5)
        start = time.perf_counter()
        status, _ = _get(server, "/api/domains", timeout=5)
        assert status == 200 and time.perf_counter() - start < 2
    sock.settimeout(30)
    while chunk := sock.recv(1 << 20):
        received += chunk
    sock.close()
    head, _, body = received.partition(b"\r\n\r\n")
    assert b" 200 " in head.split(b"\r\n")[0]
    if b"transfer-encoding: chunked" in head.lower():
        body = _unchunk(body)
    # The same file but for its export time in the metadata.
    assert json.loads(body)["features"] == json.loads(full)["features"]


def _unchunk(data: bytes) -> bytes:
    out, pos = [], 0
    while True:
        end = data.index(b"\r\n", pos)
        size = int(data[pos:end].split(b";")[0], 16)
        if size == 0:
            return b"".join(out)
        out.append(data[end + 2:end + 2 + size])
        pos = end + 2 + size + 2


def test_connections_are_kept_alive(server):
    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=10)
    conn.request("GET", "/api/domains")
    first = conn.getresponse()
    first.read()
    sock = conn.sock
    conn.request("GET", "/tiles/regions.json")
    second = conn.getresponse()
    second.read()
    assert first.status == second.status == 200
    assert conn.sock is sock  # the same TCP connection served both
    assert (first.getheader("Connection") or "").lower() != "close"
    conn.close()
