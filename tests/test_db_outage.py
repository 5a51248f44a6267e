"""The database stops under the running app, then comes back (issue 26, finding 15)."""

from __future__ import annotations

import sqlalchemy as sa

from atlas.config import Config
from atlas.web import create_app
from tests.dbproxy import Relay

REGIONS_Z5 = "/tiles/regions/5/16/11.pbf"  # Paris: in the disk cache once asked


def test_every_route_is_a_503_while_the_database_is_down_and_resumes(config, api, tmp_path):
    url = sa.engine.make_url(config.database_url)
    relay = Relay(url.host, url.port or 5432).start()
    through = url.set(port=relay.port).render_as_string(hide_password=False)
    app = create_app(Config.from_env(database_url=through, tile_cache=str(tmp_path)))
    client = app.test_client()
    try:
        assert client.get("/api/stats").status_code == 200
        tile = client.get(REGIONS_Z5)
        assert tile.status_code == 200

        relay.stop()
        for path in ("/api/stats", "/api/initiatives", "/tiles/regions/5/17/11.pbf",
                     "/tiles/regions.json", "/export/labels.csv"):
            r = client.get(path)
            assert r.status_code == 503, (path, r.status_code)
            assert r.json["error"] == "database_unavailable"
            assert int(r.headers["Retry-After"]) > 0
        for path in ("/", "/communes/94076", "/communes/94076/pairs"):
            r = client.get(path)
            assert r.status_code == 503 and r.mimetype == "text/html", path
            assert "momentanément indisponible" in r.text
        # A tile already built is still served from the disk cache.
        cached = client.get(REGIONS_Z5)
        assert cached.status_code == 200 and cached.data == tile.data

        relay.start()  # same port: the app reconnects by itself
        assert client.get("/api/stats").status_code == 200
        assert client.get("/tiles/regions/5/17/11.pbf").status_code == 204  # built: at sea
        assert client.get("/communes/94076").status_code == 200
    finally:
        relay.stop()
