"""Real OGC API – Features clients on /ogc, the app served over HTTP on 127.0.0.1: GDAL's
OAPIF driver (``ogrinfo``, ``ogr2ogr``, Debian's gdal-bin) and OWSLib.

The data: the hand-checked records of conftest plus the real France Services list
(2,845 places), so that a layer has more than 1,000 features to page through.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pyogrio
import pytest
import requests

from tests.browser import serve

IDF = (1.4, 48.1, 3.6, 49.3)  # Île-de-France, lon/lat


@pytest.fixture(scope="module")
def base(config, api_data):
    """The app over api_data + France Services, served on 127.0.0.1; yields /ogc's URL."""
    from atlas.web import create_app
    from loaders import mapping

    if shutil.which("ogrinfo") is None:
        pytest.fail("GDAL's ogrinfo is missing: `make test` installs gdal-bin")
    from atlas import db

    engine = db.engine(config)
    mapping.load(engine, mapping.read(mapping.find("france-services")), config.datasets)
    with serve(create_app(config)) as url:
        yield url + "/ogc"


def gdal(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def api_matched(base: str, query: str) -> int:
    root = base.removesuffix("/ogc")
    return requests.get(f"{root}/api/initiatives?{query}&limit=1", timeout=30).json()[
        "numberMatched"]


def test_ogrinfo_lists_the_three_layers_with_their_fields(base):
    listing = gdal("ogrinfo", "-ro", "-q", f"OAPIF:{base}")
    assert "1: initiatives" in listing and "(Point)" in listing
    assert "2: communes" in listing and "Multi Polygon" in listing
    assert "3: labels" in listing
    summary = gdal("ogrinfo", "-ro", "-so", f"OAPIF:{base}", "initiatives")
    for field in ("title: String", "year: Integer", "domains: StringList",
                  "commune_insee: String", "departement: String", "licence: String"):
        assert field in summary, field
    assert "Feature Count: 2852" in summary  # 2,845 France Services + 7 hand-written
    labels = gdal("ogrinfo", "-ro", "-so", f"OAPIF:{base}", "labels")
    assert "level: Integer" in labels and "Feature Count: 6" in labels


def test_ogr2ogr_with_a_box_and_a_where_copies_what_the_api_counts(base, tmp_path):
    out = tmp_path / "idf.gpkg"
    gdal("ogr2ogr", "-f", "GPKG", str(out), f"OAPIF:{base}", "initiatives",
         "-spat", *map(str, IDF), "-where", "departement = '75'")
    copied = pyogrio.read_dataframe(out)
    expected = api_matched(base, "bbox=" + ",".join(map(str, IDF)) + "&departement=75")
    assert expected > 10  # Paris's France Services and the Métropole's record
    assert len(copied) == expected
    assert set(copied["departement"]) == {"75"}
    # Server-side: the bbox and the where travel as query parameters of /items.
    ours = requests.get(f"{base}/collections/initiatives/items",
                        params={"bbox": ",".join(map(str, IDF)), "departement": "75",
                                "limit": 1000}, timeout=30).json()
    assert sorted(copied["id"]) == sorted(f["id"] for f in ours["features"])


def test_paging_through_more_than_1000_features_loses_and_repeats_none(base, tmp_path,
                                                                       config):
    import sqlalchemy as sa

    from atlas import db

    out = tmp_path / "all.gpkg"
    # 1,000 per page (GDAL's default is 10): three pages for 2,852 features.
    gdal("ogr2ogr", "-f", "GPKG", str(out), f"OAPIF:{base}", "initiatives",
         "-oo", "PAGE_SIZE=1000")
    ids = list(pyogrio.read_dataframe(out, read_geometry=False)["id"])
    with db.engine(config).connect() as conn:
        expected = sorted(conn.scalars(sa.text("SELECT id FROM initiative")))
    assert len(expected) > 2000
    assert len(ids) == len(set(ids)) and sorted(ids) == expected


def test_lambert_93_through_gdal_matches_pyproj(base, tmp_path):
    from pyproj import Transformer

    out = tmp_path / "l93.gpkg"
    gdal("ogr2ogr", "-f", "GPKG", str(out), f"OAPIF:{base}", "initiatives",
         "-where", "commune_insee = '94076'", "-t_srs", "EPSG:2154")
    frame = pyogrio.read_dataframe(out)
    assert len(frame) >= 2
    ours = requests.get(f"{base}/collections/initiatives/items",
                        params={"commune_insee": "94076", "crs": "EPSG:2154"},
                        timeout=30)
    assert ours.headers["Content-Crs"] == "<http://www.opengis.net/def/crs/EPSG/0/2154>"
    to_l93 = Transformer.from_crs("OGC:CRS84", "EPSG:2154", always_xy=True)
    served = {f["id"]: f["geometry"]["coordinates"] for f in ours.json()["features"]}
    for fid, point in zip(frame["id"], frame.geometry):
        assert abs(served[fid][0] - point.x) < 0.5 and abs(served[fid][1] - point.y) < 0.5
        lon, lat = requests.get(f"{base}/collections/initiatives/items/{fid}",
                                timeout=30).json()["geometry"]["coordinates"]
        x, y = to_l93.transform(lon, lat)
        assert abs(served[fid][0] - x) < 0.5 and abs(served[fid][1] - y) < 0.5


def test_owslib_reads_collections_items_and_queryables(base):
    from owslib.ogcapi.features import Features

    service = Features(base)
    assert [c["id"] for c in service.collections()["collections"]] == [
        "initiatives", "communes", "labels"]
    assert any(c.endswith("/conf/geojson") for c in service.conformance()["conformsTo"])
    assert service.collection("communes")["itemType"] == "feature"
    page = service.collection_items("initiatives", limit=50, place_type="France Services",
                                    departement="75")
    assert page["numberMatched"] == api_matched(base, "place_type=France%20Services&"
                                                      "departement=75")
    assert len(page["features"]) == min(50, page["numberMatched"])
    filtered = service.collection_items("initiatives", filter="year >= 2021 AND "
                                                              "departement = '94'")
    assert {f["properties"]["title"] for f in filtered["features"]} >= {
        "Prise de rendez-vous en ligne"}
    assert all(f["properties"]["year"] >= 2021 for f in filtered["features"])
    queryables = service.collection_queryables("labels")
    assert queryables["properties"]["level"]["type"] == "integer"
    one = service.collection_item("communes", "94076")
    assert json.loads(json.dumps(one))["properties"]["name"] == "Villejuif"
