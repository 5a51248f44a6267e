"""Vector tiles (issue 12) on the real reference and the API's hand-checked records,
decoded with a real MVT decoder (mapbox-vector-tile) and checked against SQL."""

from __future__ import annotations

import gzip

import mapbox_vector_tile
import pytest
import shapely
import sqlalchemy as sa

from loaders import pipeline
from atlas.config import Config
from tiles import layers
from tiles.serve import france_tiles

VILLEJUIF_Z12 = (12, 2074, 1410)  # Villejuif (94076) and its two records
VILLEJUIF_Z9 = (9, 259, 176)
OCEAN_Z10 = (10, 400, 300)  # mid-Atlantic: nothing


@pytest.fixture(scope="module")
def tile_config(config, tmp_path_factory) -> Config:
    return Config.from_env(database_url=config.database_url,
                           tile_cache=str(tmp_path_factory.mktemp("tiles")),
                           tile_cache_control="public, max-age=7")


@pytest.fixture(scope="module")
def tc(tile_config, api_data):
    """A test client over ``api_data`` with its own tile cache folder."""
    from atlas.web import create_app

    app = create_app(tile_config)
    app.config["TESTING"] = True
    return app.test_client()


def decode(response) -> dict:
    assert response.status_code == 200, response.get_data()[:300]
    assert response.content_type == "application/vnd.mapbox-vector-tile"
    return mapbox_vector_tile.decode(response.get_data())


def url(layer: str, z: int, x: int, y: int, query: str = "") -> str:
    return f"/tiles/{layer}/{z}/{x}/{y}.pbf" + (f"?{query}" if query else "")


def sql_codes(engine, table: str, key: str, z, x, y, margin: bool) -> set[str]:
    env = (f"ST_Transform(ST_TileEnvelope({z},{x},{y}" + (", margin => 0.015625" if margin
                                                         else "") + "), 4326)")
    op = "&&" if margin else "ST_Intersects"
    cond = f"geom && {env}" if margin else f"ST_Intersects(geom, {env})"
    with engine.connect() as conn:
        return set(conn.scalars(sa.text(f"SELECT {key} FROM {table} WHERE {cond}")))


def test_tilejson_describes_each_layer(tc):
    for name, layer in layers.LAYERS.items():
        r = tc.get(f"/tiles/{name}.json")
        assert r.status_code == 200 and r.headers["ETag"].startswith('W/"')
        tj = r.json
        assert tj["tilejson"] == "3.0.0"
        assert tj["tiles"] == [f"http://localhost/tiles/{name}/{{z}}/{{x}}/{{y}}.pbf"]
        assert (tj["minzoom"], tj["maxzoom"]) == (layer.minzoom, layer.maxzoom)
        assert tj["bounds"][0] < -61 and tj["bounds"][3] > 51
        parts = layer.parts or (layer,)
        assert [vl["id"] for vl in tj["vector_layers"]] == [p.name for p in parts]
        for vl, part in zip(tj["vector_layers"], parts):
            assert set(vl["fields"]) == {f.name for f in part.fields}
    communes = tc.get("/tiles/communes.json").json
    assert "ADMIN EXPRESS" in communes["attribution"] and "INSEE" in communes["attribution"]
    assert "Licence Ouverte" in communes["attribution"]
    # Filters travel into the tile URL; unknown ones are refused as by the API.
    tj = tc.get("/tiles/initiatives.json?domain=education&level=4").json
    assert tj["tiles"][0].endswith(".pbf?domain=education&level=4")
    assert tc.get("/tiles/communes.json?domain=education").status_code == 400
    assert tc.get("/tiles/nowhere.json").status_code == 404


def test_communes_tile_matches_sql(tc, api_data, with_domains):
    z, x, y = VILLEJUIF_Z9
    tile = decode(tc.get(url("communes", z, x, y)))
    assert list(tile) == ["communes"]
    features = tile["communes"]["features"]
    codes = {f["properties"]["insee"] for f in features}
    assert len(codes) == len(features)
    # Every commune drawn touches the tile or its buffer; every commune inside is drawn.
    assert codes <= sql_codes(with_domains, "commune", "insee", z, x, y, margin=True)
    assert codes >= sql_codes(with_domains, "commune", "insee", z, x, y, margin=False)
    props = {f["properties"]["insee"]: f["properties"] for f in features}
    assert props["94076"] == {"insee": "94076", "name": "Villejuif", "level": 4,
                              "label_year": 2019, "initiatives": 2}
    assert props["94002"]["level"] == 5 and props["94002"]["initiatives"] == 1
    # Ivry has no label of its own: it carries the Métropole du Grand Paris's (3 @, 2021),
    # named; a commune outside the Métropole and without a label carries none.
    assert props["94041"] == {"insee": "94041", "name": "Ivry-sur-Seine", "level": 3,
                              "label_year": 2021, "label_epci": "Métropole du Grand Paris",
                              "initiatives": 0}
    with with_domains.connect() as conn:
        members = set(conn.scalars(sa.text(
            "SELECT commune_insee FROM epci_member WHERE epci_siren = '200054781'")))
    outside = codes - members
    assert outside and all("level" not in props[c] for c in outside)
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in features)


def test_communes_tile_takes_the_label_edition(tc, api_data):
    def props(query=""):
        r = tc.get(url("communes", *VILLEJUIF_Z9, query))
        assert r.status_code == 200, r.get_data(as_text=True)
        return {f["properties"]["insee"]: f["properties"]
                for f in decode(r)["communes"]["features"]}

    edition = props("label_year=2018")
    assert (edition["94076"]["level"], edition["94076"]["label_year"]) == (3, 2018)
    assert "level" not in edition["94041"]  # neither Ivry nor the Métropole in 2018
    assert props("label_year=2021")["94076"]["label_epci"] == "Métropole du Grand Paris"
    assert tc.get(url("communes", *VILLEJUIF_Z9, "domain=education")).status_code == 400


def test_initiatives_tile_attributes_and_filters(tc, api_data):
    tile = decode(tc.get(url("initiatives", *VILLEJUIF_Z12)))
    props = {f["properties"]["title"]: f["properties"]
             for f in tile["initiatives"]["features"]}
    assert set(props) == {"Tablettes numériques à l'École Jules-Ferry",
                          "Prise de rendez-vous en ligne"}
    tablettes = props["Tablettes numériques à l'École Jules-Ferry"]
    assert tablettes == {"id": api_data["Tablettes numériques à l'École Jules-Ferry"],
                         "title": "Tablettes numériques à l'École Jules-Ferry",
                         "domains": "education", "level": 4}
    # The API's filters, with its meaning (label_year's level).
    only = decode(tc.get(url("initiatives", *VILLEJUIF_Z12, "domain=education")))
    assert [f["properties"]["title"] for f in only["initiatives"]["features"]] == [
        "Tablettes numériques à l'École Jules-Ferry"]
    in_2018 = decode(tc.get(url("initiatives", *VILLEJUIF_Z12, "label_year=2018")))
    assert {f["properties"]["level"] for f in in_2018["initiatives"]["features"]} == {3}
    assert tc.get(url("initiatives", *VILLEJUIF_Z12, "level=5")).status_code == 204
    # The whole world at z0: every record, each in its own cell.
    world = decode(tc.get(url("initiatives", 0, 0, 0)))
    assert len(world["initiatives"]["features"]) <= len(api_data)


@pytest.mark.parametrize("path, status, param", [
    ("/tiles/nowhere/3/4/2.pbf", 404, None),
    ("/tiles/communes/3/4/2.pbf", 400, "z"),  # communes start at z7
    ("/tiles/regions/3/8/2.pbf", 400, "x"),
    ("/tiles/regions/3/2/8.pbf", 400, "y"),
    ("/tiles/regions/15/0/0.pbf", 400, "z"),
    ("/tiles/regions/-1/0/0.pbf", 400, "z"),
    ("/tiles/regions/a/0/0.pbf", 400, "z"),
    ("/tiles/regions/1/0/0.5.pbf", 400, "y"),
    ("/tiles/regions/5/16/11.pbf?level=4", 400, "level"),
    ("/tiles/initiatives/5/16/11.pbf?domaine=education", 400, "domaine"),
    ("/tiles/initiatives/5/16/11.pbf?level=9", 400, "level"),
    ("/tiles/initiatives/5/16/11.pbf?bbox=48,2,49,3", 400, "bbox"),
])
def test_bad_requests(tc, path, status, param):
    r = tc.get(path)
    assert r.status_code == status, path
    assert r.json["error"] in ("invalid_parameter", "not_found")
    assert r.json.get("param") == param


def test_empty_tile_is_204_and_caching_headers(tc):
    r = tc.get(url("regions", *OCEAN_Z10))
    assert r.status_code == 204 and r.get_data() == b""
    assert r.headers["Cache-Control"] == "public, max-age=7"
    r = tc.get(url("regions", 5, 16, 11))
    tag = r.headers["ETag"]
    assert r.status_code == 200 and r.headers["Cache-Control"] == "public, max-age=7"
    again = tc.get(url("regions", 5, 16, 11), headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == tag
    other = tc.get(url("regions", 5, 16, 10), headers={"If-None-Match": tag})
    assert other.status_code == 200
    zipped = tc.get(url("regions", 5, 16, 11), headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.get_data()) == r.get_data()


def test_low_zooms_show_whole_france(tc, with_domains):
    """z0–z4: every région and département is drawn, whole, in the tiles over France."""
    with with_domains.connect() as conn:
        want = {"regions": set(conn.scalars(sa.text(
                    "SELECT code FROM region WHERE geom IS NOT NULL"))),
                "departements": set(conn.scalars(sa.text(
                    "SELECT code FROM departement WHERE geom IS NOT NULL")))}
    assert len(want["departements"]) >= 101
    for z in range(0, 5):
        for name, codes in want.items():
            seen = set()
            for _, x, y in [t for t in france_tiles(z, z)]:
                r = tc.get(url(name, z, x, y))
                if r.status_code == 200:
                    seen |= {f["properties"]["code"]
                             for f in decode(r)[name]["features"]}
            assert seen == codes, (z, name, codes - seen)


def test_z5_tiles_over_france_stay_under_500_kb(tc):
    sizes = {}
    for name, layer in layers.LAYERS.items():
        if layer.minzoom <= 5:
            for _, x, y in france_tiles(5, 5):
                sizes[(name, x, y)] = len(tc.get(url(name, 5, x, y)).get_data())
    assert max(sizes.values()) < 500_000, max(sizes.items(), key=lambda kv: kv[1])
    assert sizes[("departements", 16, 11)] > 10_000  # dense, and not empty


def test_dense_initiatives_are_thinned_below_500_kb(tc, with_domains):
    """60,000 records over the densest z5 tile: one per 64×64 cell, under 500 KB."""
    with pipeline.transaction(with_domains) as w:
        conn = w.conn
        w.changes.every_initiative = True
        conn.execute(sa.text("INSERT INTO source (name, title, attribution) "
                             "VALUES ('tile-test', 'tile test', 'tile test')"))
        conn.execute(sa.text("""
            INSERT INTO initiative (title, commune_insee, geom, source, source_id,
                                    geocode_method, geocode_score)
            SELECT 'Initiative dense numéro ' || n, c.insee, c.point, 'tile-test',
                   n::text, 'test', 1
            FROM (SELECT array_agg(insee ORDER BY insee) AS codes FROM commune
                  WHERE departement_code IN ('75', '92', '93', '94', '69', '13')) a
            CROSS JOIN generate_series(1, 60000) n
            JOIN commune c
              ON c.insee = a.codes[1 + (n * 7919) % cardinality(a.codes)]"""))
    try:
        r = tc.get(url("initiatives", 5, 16, 11))
        tile = decode(r)
        n = len(tile["initiatives"]["features"])
        assert 0 < n <= (layers.EXTENT // layers.THIN_CELL) ** 2
        assert len(r.get_data()) < 500_000
    finally:
        with pipeline.transaction(with_domains) as w:
            w.changes.initiatives |= set(w.conn.scalars(sa.text(
                "DELETE FROM initiative WHERE source = 'tile-test' RETURNING id")))
            w.conn.execute(sa.text("DELETE FROM source WHERE name = 'tile-test'"))


def test_disk_cache_is_read_and_invalidated_by_a_load(tc, tile_config, with_domains):
    folder = tile_config.tile_cache_dir() / "atlas-tiles"
    z, x, y = VILLEJUIF_Z9
    first = tc.get(url("communes", z, x, y))
    (version,) = [p.name for p in folder.glob("v*")]
    cached = folder / version / "communes" / str(z) / str(x) / f"{y}.pbf"
    assert cached.read_bytes() == first.get_data()
    # The cached file is what is served (a filtered tile is never cached).
    cached.write_bytes(b"cached")
    assert tc.get(url("communes", z, x, y)).get_data() == b"cached"
    # A load (here: a new award, and the refresh every loader ends with) changes the
    # version: the tile is rebuilt, the old version's folder removed.
    with pipeline.transaction(with_domains) as w:
        w.conn.execute(sa.text("INSERT INTO source (name, title, attribution) "
                               "VALUES ('tile-award', 'award', 'award')"))
        w.conn.execute(sa.text("INSERT INTO label_award (commune_insee, year, level, source) "
                               "VALUES ('94041', 2024, 5, 'tile-award')"))
        w.changes.holders.add("94041")
    try:
        fresh = tc.get(url("communes", z, x, y))
        props = {f["properties"]["insee"]: f["properties"]
                 for f in decode(fresh)["communes"]["features"]}
        assert props["94041"]["level"] == 5 and props["94041"]["label_year"] == 2024
        assert [p.name for p in folder.glob("v*")] != [version]
        assert not (folder / version).exists()
        assert fresh.headers["ETag"] != first.headers["ETag"]
        # The process still guesses the old version first: the guess is checked.
        stale = tc.get(url("communes", z, x, y), headers={"If-None-Match": first.headers["ETag"]})
        assert stale.status_code == 200 and stale.headers["ETag"] == fresh.headers["ETag"]
    finally:
        with pipeline.transaction(with_domains) as w:
            w.conn.execute(sa.text("DELETE FROM label_award WHERE source = 'tile-award'"))
            w.conn.execute(sa.text("DELETE FROM source WHERE name = 'tile-award'"))
            w.changes.holders.add("94041")


def test_seed_command_fills_the_cache(atlas_cli, api_data, tmp_path):
    r = atlas_cli("tiles", "seed", "--layer", "regions", "--maxzoom", "3",
                  env={"ATLAS_TILE_CACHE": str(tmp_path)})
    assert r.returncode == 0, r.stderr
    total = len(france_tiles(0, 3))
    assert f"regions: {total} tiles z0–z3: " in r.stdout
    written = len(list(tmp_path.glob("atlas-tiles/v*/regions/*/*/*.pbf")))
    assert written == total and f"{total} written" in r.stdout
    again = atlas_cli("tiles", "seed", "--layer", "regions", "--maxzoom", "3",
                      env={"ATLAS_TILE_CACHE": str(tmp_path)})
    assert f"0 written, {total} already cached" in again.stdout
    off = atlas_cli("tiles", "seed", "--layer", "regions", env={"ATLAS_TILE_CACHE": "off"})
    assert off.returncode == 1 and "ATLAS_TILE_CACHE" in off.stderr


def test_openapi_lists_every_tile_layer():
    from atlas import openapi

    spec = openapi.spec()["paths"]["/tiles/{layer}/{z}/{x}/{y}.pbf"]["get"]
    (layer,) = [p for p in spec["parameters"] if p.get("name") == "layer"]
    assert layer["schema"]["enum"] == list(layers.LAYERS)


def test_cache_keeps_only_nonempty_tiles_over_the_territories(tc, tile_config):
    folder = tile_config.tile_cache_dir() / "atlas-tiles"
    assert tc.get(url("regions", *OCEAN_Z10)).status_code == 204
    assert tc.get(url("initiatives", 16, 20000, 30000)).status_code == 204  # far at sea
    built = tc.get(url("regions", 10, 518, 352))  # Paris
    assert built.status_code == 200
    files = {p.relative_to(folder).as_posix().split("/", 1)[1]
             for p in folder.glob("v*/*/*/*/*.pbf")}
    assert "regions/10/518/352.pbf" in files
    assert not any(f.startswith(("regions/10/400/", "initiatives/16/")) for f in files)


def test_cache_stops_writing_at_its_byte_cap(tmp_path):
    from tiles.cache import TileCache

    cache = TileCache(tmp_path, max_bytes=1000)
    assert cache.put(1, "regions", 5, 16, 11, b"x" * 600)
    assert not cache.put(1, "regions", 5, 16, 12, b"x" * 600)  # would pass the cap
    assert cache.put(1, "regions", 5, 16, 13, b"x" * 300)
    assert not cache.put(1, "regions", 5, 16, 14, b"")  # empty: never written
    assert cache.get(1, "regions", 5, 16, 12) is None
    assert sum(p.stat().st_size for p in tmp_path.rglob("*.pbf")) <= 1000
    # A second process counts what is on disk before writing.
    other = TileCache(tmp_path, max_bytes=1000)
    assert not other.put(1, "regions", 5, 17, 11, b"x" * 200)


def test_prune_removes_only_its_own_version_folders(tmp_path):
    from tiles.cache import TileCache

    # ATLAS_TILE_CACHE pointed at a folder holding other things.
    for name in ("venv", "v2-notes", "vacances", "atlas-tiles/venv", "atlas-tiles/v1x"):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "keep.txt").write_text("not the cache's")
    cache = TileCache(tmp_path)
    assert cache.put(1, "regions", 5, 16, 11, b"tile")
    assert cache.put(2, "regions", 5, 16, 11, b"tile")
    assert not (tmp_path / "atlas-tiles" / "v1").exists()
    assert (tmp_path / "atlas-tiles" / "v2" / "regions" / "5" / "16" / "11.pbf").exists()
    for name in ("venv", "v2-notes", "vacances", "atlas-tiles/venv", "atlas-tiles/v1x"):
        assert (tmp_path / name / "keep.txt").read_text() == "not the cache's", name


def test_a_tile_is_one_statement_and_a_revalidation_one_line(tc):
    """The fixed cost of a tile is its round trips: the tile's statement carries the data
    version, on a pool with no transaction to open or close; a revalidation at the
    version last seen asks the version alone."""
    tc.get(url("regions", 5, 16, 11))  # the tile pool exists, a version was seen
    engine = tc.application.extensions["atlas_tile_engine"]
    with engine.connect() as conn:
        assert conn.connection.driver_connection.autocommit
    sent = []

    def count(conn, cursor, statement, *args):
        sent.append(statement)

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        # Filtered: never read from the disk cache, always built.
        r = tc.get(url("initiatives", *VILLEJUIF_Z12, "domain=education"))
        assert r.status_code == 200 and len(sent) == 1 and "ST_AsMVT" in sent[0]
        sent.clear()
        again = tc.get(url("initiatives", *VILLEJUIF_Z12, "domain=education"),
                       headers={"If-None-Match": r.headers["ETag"]})
        assert again.status_code == 304 and again.headers["ETag"] == r.headers["ETag"]
        assert len(sent) == 1 and "ST_AsMVT" not in sent[0]
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)


def test_tiles_run_under_their_own_time_budget(config, api_data, monkeypatch):
    from atlas.web import create_app
    from tiles import mvt

    monkeypatch.setattr(mvt, "STATEMENT_TIMEOUT_MS", 1)
    app = create_app(Config.from_env(database_url=config.database_url, tile_cache="off",
                                     statement_timeout_ms="60000"))
    # 1 ms is less than a z5 tile of the départements takes on the national outlines.
    r = app.test_client().get(url("departements", 5, 16, 11))
    assert r.status_code == 503 and r.json["error"] == "timeout"
    assert r.headers["Retry-After"].isdigit()


def test_the_map_layer_holds_departements_and_labelled_communes_in_one_tile(tc):
    """The public map's one layer: départements (the land) at every zoom, the communes
    with their label from z7, only the labelled ones below z11, at extent 512."""
    z6 = mapbox_vector_tile.decode(tc.get(url("map", 6, 32, 22)).get_data())
    assert set(z6) == {"departements"} and z6["departements"]["extent"] == 512
    assert {"75", "94"} <= {f["properties"]["code"] for f in z6["departements"]["features"]}
    # z9 over Paris: Villejuif's own 4 @ (2019); its neighbours of the Métropole du Grand
    # Paris carry the EPCI's 3 @ (2021), named; unlabelled communes are not sent.
    z9 = decode(tc.get(url("map", *VILLEJUIF_Z9)))
    communes = {f["properties"]["insee"]: f["properties"] for f in z9["communes"]["features"]}
    assert communes["94076"]["level"] == 4 and "label_epci" not in communes["94076"]
    assert communes["94041"] == {"insee": "94041", "name": communes["94041"]["name"],
                                 "level": 3, "label_year": 2021,
                                 "label_epci": "Métropole du Grand Paris"}
    assert all(p.get("level") for p in communes.values())
    assert "78646" not in communes  # Versailles: no label, not in the Métropole
    # From z11 every commune comes, as an outline; the edition changes the labels.
    z12 = decode(tc.get(url("map", *VILLEJUIF_Z12, "label_year=2018")))
    levels = {f["properties"]["insee"]: f["properties"].get("level")
              for f in z12["communes"]["features"]}
    assert levels["94076"] == 3 and levels["94041"] is None
    assert tc.get(url("map", *VILLEJUIF_Z12, "domain=education")).status_code == 400


def test_departement_borders_are_their_communes_borders(loaded):
    """One generalisation for every layer: a département's outline, in every zoom band,
    is its communes' outlines put together, so borders coincide on the map (the official
    département file sits up to 230 m off its communes)."""
    with loaded.connect() as conn:
        # Communes are drawn from z7, from g9 (below, départements from g0, g3).
        gap = conn.scalar(sa.text("""
            SELECT ST_Area(ST_SymDifference(d.g9, (SELECT ST_Union(c.g9) FROM tile_shape c
                                                   WHERE c.layer = 'communes'
                                                     AND c.parent = d.code)))
            FROM tile_shape d WHERE d.layer = 'departements' AND d.code = '94'"""))
        # Square metres of difference over 245 km²: vertices shared, nothing between.
        assert gap < 1000, gap


def test_bands_are_snapped_as_postgis_snaps(loaded):
    """``tiles.shapes._snap`` (numpy, for the loader's worker) gives ST_SnapToGrid's
    outlines: the départements' bands equal PostGIS's snap of their outline, vertex for
    vertex, rings collapsed by the snap dropped alike."""
    from tiles import shapes

    with loaded.connect() as conn:
        for column, z in shapes.SNAPPED.items():
            unit = 2 * shapes._HALF_WORLD / 2**z / 4096
            rows = conn.execute(sa.text(f"""
                SELECT code, ST_AsBinary(t.{column}), ST_AsBinary(ST_Multi(ST_SnapToGrid(
                    t.g9, :o, :o, :u, :u)))
                FROM tile_shape t WHERE t.layer = 'departements'"""),
                {"o": -shapes._HALF_WORLD, "u": unit}).all()
            assert len(rows) > 90
            for code, ours, theirs in rows:
                ours, theirs = shapely.from_wkb(ours), shapely.from_wkb(theirs)
                if theirs is None or theirs.is_empty:
                    assert ours is None, (column, code)
                else:
                    assert shapely.equals_exact(ours, theirs, 0), (column, code)


def test_the_lean_path_answers_as_flask_and_the_site_hooks_would(tc):
    """Plain tile requests skip Flask's request cycle (``atlas.web.tiles.LeanTiles``):
    no site hook runs, and the answers, headers included, are the route's own."""
    from werkzeug.test import Client

    from atlas.web.tiles import LeanTiles

    app = tc.application
    assert isinstance(app.wsgi_app, LeanTiles)
    through_flask = Client(app.wsgi_app.wsgi)  # the route and every site hook
    hooked = []
    app.before_request_funcs[None].append(lambda: hooked.append(1))
    try:
        for path, headers in [(url("regions", 5, 16, 11), {}),
                              (url("regions", 5, 16, 11), {"Accept-Encoding": "gzip"}),
                              (url("regions", *OCEAN_Z10), {}),
                              (url("initiatives", *VILLEJUIF_Z12, "domain=education"), {})]:
            lean = tc.get(path, headers=headers)
            assert not hooked, path
            full = through_flask.get(path, headers=headers)
            assert hooked, path
            hooked.clear()
            assert lean.status_code in (200, 204), path
            assert (lean.status_code, sorted(lean.headers.items()), lean.get_data()) == \
                   (full.status_code, sorted(full.headers.items()), full.get_data()), path
            assert lean.headers["X-Content-Type-Options"] == "nosniff"
            assert "Content-Type" in lean.headers or lean.status_code == 204
            again = {**headers, "If-None-Match": lean.headers["ETag"]}
            lean, full = tc.get(path, headers=again), through_flask.get(path, headers=again)
            assert lean.status_code == 304 and lean.get_data() == b"", path
            assert sorted(lean.headers.items()) == sorted(full.headers.items()), path
            hooked.clear()
        head = tc.head(url("regions", 5, 16, 11))  # not a GET: Flask's route
        assert head.status_code == 200 and hooked
    finally:
        app.before_request_funcs[None].pop()


def test_a_lean_path_error_is_the_sites_answer_and_the_tile_is_asked_once(tc, monkeypatch):
    from tiles import mvt

    asked = []

    def down(*args, **kwargs):
        asked.append(args)
        raise sa.exc.OperationalError("SELECT", {}, Exception("connection refused"))

    monkeypatch.setattr(mvt, "build", down)
    # Filtered: never in the disk cache, so the database is asked.
    r = tc.get(url("initiatives", *VILLEJUIF_Z12, "domain=education"))
    assert r.status_code == 503 and r.json["error"] == "database_unavailable"
    assert r.headers["Retry-After"].isdigit() and len(asked) == 1
    r = tc.get(url("initiatives", *VILLEJUIF_Z12, "domain=m%01"))  # before any SQL
    assert r.status_code == 400 and r.json["param"] == "domain" and len(asked) == 1


def test_an_unfiltered_tile_is_one_statement_on_the_driver(config, api_data, monkeypatch):
    """Unfiltered tiles run on psycopg's connection without SQLAlchemy's execution layer
    (``atlas.web.tiles._build``): still one statement, and the bytes the SQL gives."""
    import psycopg

    from atlas import db
    from atlas.web import create_app
    from tiles import mvt

    app = create_app(Config.from_env(database_url=config.database_url, tile_cache="off"))
    tc = app.test_client()
    tc.get(url("regions", 5, 16, 11))  # a version seen, the statement compiled
    sent, execute = [], psycopg.Cursor.execute

    def count(cursor, query, *args, **kwargs):
        sent.append(str(query))
        return execute(cursor, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", count)
    r = tc.get(url("departements", 6, 32, 22))
    assert r.status_code == 200 and len(sent) == 1 and "ST_AsMVT" in sent[0]
    monkeypatch.undo()
    with db.engine(config).connect() as conn:
        assert r.get_data() == mvt.render(conn, layers.get("departements"), 6, 32, 22)
