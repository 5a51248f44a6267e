"""Downloading official files: from a local HTTP server on 127.0.0.1, checked, cached."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from atlas.errors import InputError
from loaders import sources

REL = "cog/regions.json"


@pytest.fixture()
def server(config, tmp_path):
    """Serve a folder on 127.0.0.1; yield (base URL, folder)."""
    if config.geodata is None:
        pytest.fail("these tests need the reference data: set ATLAS_GEODATA")
    root = tmp_path / "served"
    (root / "cog").mkdir(parents=True)
    (root / REL).write_bytes((config.geodata / REL).read_bytes())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    httpd.shutdown()
    httpd.server_close()


def test_the_manifest_matches_the_shared_files(config):
    entries = sources.manifest()
    # The shared folder's files as they are; a file it lacks (the postal localities) from
    # the cache, downloaded once.
    resolver = sources.Resolver(config.geodata, config.cache_dir)
    for rel, entry in entries.items():
        assert sources.sha256(resolver.path(rel)) == entry.sha256, rel
    assert all(e.url is None or e.url.startswith("https://") for e in entries.values())


def test_a_file_in_the_data_folder_is_used_as_is(config, tmp_path):
    resolver = sources.Resolver(config.geodata, tmp_path, offline=True)
    assert resolver.path(REL) == config.geodata / REL


def test_a_missing_file_is_downloaded_checked_and_cached(server, tmp_path):
    base, _ = server
    cache = tmp_path / "cache"
    got = sources.Resolver(None, cache, mirror=base).path(REL)
    assert got == cache / "geodata" / REL
    assert sources.sha256(got) == sources.manifest()[REL].sha256
    # Once cached, no network is needed.
    assert sources.Resolver(None, cache, offline=True).path(REL) == got


def test_a_tampered_download_is_refused_and_not_kept(server, tmp_path):
    base, root = server
    (root / REL).write_text("[]", encoding="utf-8")
    cache = tmp_path / "cache"
    with pytest.raises(InputError, match="SHA-256 .* is not the manifest's"):
        sources.Resolver(None, cache, mirror=base).path(REL)
    assert not any(p.is_file() for p in cache.rglob("*"))


def test_offline_and_unreachable_are_clear_errors(tmp_path):
    with pytest.raises(InputError, match="--offline forbids downloading it"):
        sources.Resolver(None, tmp_path, offline=True).path(REL)
    with pytest.raises(InputError, match="download from http://127.0.0.1:1/cog/regions.json "
                                         "failed"):
        sources.Resolver(None, tmp_path, mirror="http://127.0.0.1:1").path(REL)
    with pytest.raises(InputError, match="has no download URL"):
        sources.Resolver(None, tmp_path).path("france-geojson-2018/communes.geojson.gz")
