"""Exports: every layer and format read back with pyogrio/pandas equals what the API
answers for the same filters; RFC 7946 GeoJSON, a CSV a French spreadsheet opens, a
Shapefile with short field names, Lambert-93 on request; errors as the API gives them."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import zipfile

import pandas as pd
import pyogrio
import pytest
import shapely
from pyproj import Transformer

from atlas import exports
from atlas.exports import layers
from tests.conftest import API_AWARDS

FILTER_SETS = ["", "domain=education", "level=4,5", "departement=94&year_min=2019",
               "q=num%C3%A9rique", "bbox=2.2,48.7,2.5,48.9", "label_year=2018&level=5",
               "commune=97411", "region=11&domain=education,solidarites"]
FORMATS = ["geojson", "csv", "gpkg", "shp.zip", "fgb"]


def _api(api, query: str) -> list[dict]:
    r = api.get(f"/api/initiatives?{query}&limit=1000")
    assert r.status_code == 200, r.json
    return r.json["features"]


def _expected(feature: dict) -> dict:
    """An API feature as the export's flat record (see atlas.exports.layers)."""
    p = feature["properties"]
    commune, epci, label = p["commune"] or {}, p["epci"] or {}, p["label"] or {}
    return {
        "id": p["id"], "title": p["title"], "summary": p["summary"], "year": p["year"],
        "url": p["url"], "domains": p["domains"], "commune_insee": commune.get("insee"),
        "commune_name": commune.get("name"), "epci_siren": epci.get("siren"),
        "epci_name": epci.get("name"), "departement": p["departement"],
        "region": p["region"], "label_level": label.get("level"),
        "label_year": label.get("year"), "kind": p["kind"], "place_type": p["place_type"],
        "attributes": p["attributes"], "source": p["source"],
        "attribution": p["attribution"], "licence": p["licence"],
        "licence_url": p["licence_url"], "synthetic": p["synthetic"],
        "updated_at": dt.datetime.fromisoformat(p["updated_at"]).replace(microsecond=0),
    }


def _clean(field: layers.Field, value):
    """A value read back from any format, as the API types it."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        value = None
    if field.kind == "list":
        if value is None or isinstance(value, list):
            return value or []
        if hasattr(value, "tolist"):
            return list(value.tolist())
        return json.loads(value) if value.startswith("[") else value.split(";")
    if field.kind == "json":
        return json.loads(value) if isinstance(value, str) else (value or {})
    if value is None or value == "":
        return None
    if field.kind == "int":
        return int(value)
    if field.kind == "bool":
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
    if field.name == "updated_at":  # GDAL recognises ISO 8601 text as a timestamp
        value = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
        return value.replace(microsecond=0)
    return value


def _download(api, path: str, tmp_path):
    r = api.get(path)
    assert r.status_code == 200, r.get_data()[:300]
    name = r.headers["Content-Disposition"].split('filename="')[1].rstrip('"')
    target = tmp_path / name
    target.write_bytes(r.get_data())
    return r, target


def _read(target, fmt: str, fields: list[layers.Field]):
    """Records (field name → value) and geometries of an exported file."""
    if fmt == "csv":
        df = pd.read_csv(target, sep=";", decimal=",", encoding="utf-8-sig", dtype=str,
                         keep_default_na=False)
        geoms = [shapely.Point(float(x.replace(",", ".")), float(y.replace(",", ".")))
                 for x, y in zip(df["lon"], df["lat"])]
        names = [f.name for f in fields]
    else:
        df = pyogrio.read_dataframe(f"/vsizip/{target}" if fmt == "shp.zip" else target)
        geoms = list(df.geometry)
        names = [f.shp if fmt == "shp.zip" else f.name for f in fields]
    records = [{f.name: _clean(f, row[n]) for f, n in zip(fields, names)}
               for _, row in df.iterrows()]
    return records, geoms


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("query", FILTER_SETS)
def test_initiatives_export_equals_the_api_answer(api, tmp_path, fmt, query):
    expected = {f["id"]: f for f in _api(api, query)}
    _, target = _download(api, f"/export/initiatives.{fmt}?{query}", tmp_path)
    records, geoms = _read(target, fmt, layers.INITIATIVES)
    assert sorted(r["id"] for r in records) == sorted(expected)
    for record, geom in zip(records, geoms):
        feature = expected[record["id"]]
        want = _expected(feature)
        if fmt == "shp.zip":  # dBase strings stop at 254 characters
            want["attributes"] = record["attributes"] if len(
                json.dumps(want["attributes"])) > 254 else want["attributes"]
        assert record == want
        lon, lat = feature["geometry"]["coordinates"]
        assert geom.x == pytest.approx(lon, abs=1e-6) and geom.y == pytest.approx(lat, abs=1e-6)


def test_empty_answer_is_a_valid_empty_file_in_every_format(api, tmp_path):
    for fmt in FORMATS:
        _, target = _download(api, f"/export/initiatives.{fmt}?commune=75056", tmp_path)
        records, _ = _read(target, fmt, layers.INITIATIVES)
        assert records == []


def test_geojson_follows_rfc_7946_and_carries_sources_and_licence(api):
    r = api.get("/export/communes.geojson?departement=94")
    assert r.mimetype == "application/geo+json"
    doc = json.loads(r.get_data())
    assert "crs" not in doc and doc["type"] == "FeatureCollection"
    attributions = [s["attribution"] for s in doc["metadata"]["sources"]]
    assert "IGN – ADMIN EXPRESS COG 2018" in attributions
    assert any("Code officiel géographique" in a for a in attributions)
    assert "api-test" in [s.get("name") for s in doc["metadata"]["sources"]]
    assert "Licence Ouverte" in doc["metadata"]["licence"]
    assert doc["metadata"]["filters"] == {"departement": "94"}
    assert {f["properties"]["insee"] for f in doc["features"]} == {"94076", "94002"}
    for feature in doc["features"]:
        assert feature["geometry"]["type"] == "MultiPolygon"
        for polygon in feature["geometry"]["coordinates"]:
            # Right-hand rule: exterior counterclockwise, holes clockwise.
            assert shapely.LinearRing(polygon[0]).is_ccw
            assert all(not shapely.LinearRing(hole).is_ccw for hole in polygon[1:])
            for lon, lat in polygon[0]:
                assert -180 <= lon <= 180 and -90 <= lat <= 90
                assert len(repr(lon).split(".")[-1]) <= 6


def test_geojson_keeps_domains_as_a_list_and_attributes_as_an_object(api):
    doc = json.loads(api.get("/export/initiatives.geojson?q=troc").get_data())
    (feature,) = doc["features"]
    assert feature["properties"]["domains"] == ["cohesion-sociale", "solidarites"]
    assert feature["properties"]["attributes"] == {}
    assert feature["id"] == feature["properties"]["id"]


def test_communes_layer_counts_the_filtered_view_with_the_latest_label(api, tmp_path):
    features = _api(api, "domain=education")
    _, target = _download(api, "/export/communes.gpkg?domain=education", tmp_path)
    records, geoms = _read(target, "gpkg", layers.COMMUNES)
    counts = {}
    for f in features:
        if f["properties"]["commune"]:
            counts[f["properties"]["commune"]["insee"]] = counts.get(
                f["properties"]["commune"]["insee"], 0) + 1
    assert {r["insee"]: r["initiatives"] for r in records} == counts
    villejuif = next(r for r in records if r["insee"] == "94076")
    assert (villejuif["label_level"], villejuif["label_year"]) == (4, 2019)
    assert not villejuif["label_epci_siren"] and not villejuif["label_epci_name"]
    assert villejuif["name"] == "Villejuif" and villejuif["places"] == 0
    assert all(g.geom_type == "MultiPolygon" for g in geoms)
    assert geoms[[r["insee"] for r in records].index("94076")].contains(
        shapely.Point(2.36, 48.79))


def test_communes_layer_gives_the_epci_label_when_the_commune_has_none(api, tmp_path):
    # In 2021 Villejuif holds no award, its Métropole does: the row says whose it is.
    for fmt in ("csv", "gpkg"):
        _, target = _download(api, f"/export/communes.{fmt}?commune=94076&label_year=2021",
                              tmp_path)
        (row,), _ = _read(target, fmt, layers.COMMUNES)
        assert (int(row["label_level"]), int(row["label_year"])) == (3, 2021)
        assert (row["label_epci_siren"], row["label_epci_name"]) == \
            ("200054781", "Métropole du Grand Paris")


def test_labels_layer_has_one_row_per_award_at_the_collectivite(api, tmp_path):
    _, target = _download(api, "/export/labels.fgb", tmp_path)
    records, geoms = _read(target, "fgb", layers.LABELS)
    got = sorted((r["commune_insee"] or r["epci_siren"], r["year"], r["level"])
                 for r in records)
    assert got == sorted(API_AWARDS)
    for record, geom in zip(records, geoms):
        assert geom is not None and geom.geom_type == "Point"
        assert record["source"] == "api-test" and record["synthetic"] is False
    # label_year keeps that edition's awards only; a domain keeps its collectivités.
    doc = json.loads(api.get("/export/labels.geojson?label_year=2018").get_data())
    assert sorted((f["properties"]["commune_insee"], f["properties"]["level"])
                  for f in doc["features"]) == [("94002", 5), ("94076", 3)]
    doc = json.loads(api.get("/export/labels.geojson?domain=democratie-locale").get_data())
    assert [f["properties"]["commune_insee"] for f in doc["features"]] == ["2A004"]


def test_shapefile_zip_has_short_names_an_encoding_and_the_licence(api, tmp_path):
    for layer, fields in layers.FIELDS.items():
        assert all(len(f.shp) <= 10 for f in fields), layer
        assert len({f.shp for f in fields}) == len(fields), layer
    _, target = _download(api, "/export/initiatives.shp.zip?departement=974", tmp_path)
    with zipfile.ZipFile(target) as z:
        names = set(z.namelist())
        assert {"initiatives.shp", "initiatives.shx", "initiatives.dbf", "initiatives.prj",
                "initiatives.cpg", "LICENCE.txt"} <= names
        assert z.read("initiatives.cpg").decode().strip().upper() in ("UTF-8", "UTF8")
        licence = z.read("LICENCE.txt").decode()
    assert "ADMIN EXPRESS" in licence and "Licence Ouverte" in licence
    info = pyogrio.read_info(f"/vsizip/{target}")
    assert list(info["fields"]) == [f.shp for f in layers.INITIATIVES]
    records, _ = _read(target, "shp.zip", layers.INITIATIVES)
    assert [r["title"] for r in records] == ["<img src=x onerror=alert(1)> atelier"]


@pytest.mark.parametrize("fmt", ["gpkg", "shp.zip", "fgb"])
def test_lambert_93_on_request(api, tmp_path, fmt):
    features = {f["id"]: f for f in _api(api, "departement=94")}
    r, target = _download(api, f"/export/initiatives.{fmt}?departement=94&crs=2154",
                          tmp_path)
    assert "epsg-2154" in r.headers["Content-Disposition"]
    path = f"/vsizip/{target}" if fmt == "shp.zip" else target
    assert pyogrio.read_info(path)["crs"] == "EPSG:2154"
    to_l93 = Transformer.from_crs(4326, 2154, always_xy=True)
    records, geoms = _read(target, fmt, layers.INITIATIVES)
    assert len(records) == len(features) == 3
    for record, geom in zip(records, geoms):
        x, y = to_l93.transform(*features[record["id"]]["geometry"]["coordinates"])
        assert geom.x == pytest.approx(x, abs=0.2) and geom.y == pytest.approx(y, abs=0.2)
    gpkg = api.get("/export/communes.gpkg?crs=EPSG:2154&departement=94")
    assert gpkg.status_code == 200


def test_csv_opens_as_a_french_spreadsheet_expects(api):
    data = api.get("/export/initiatives.csv?departement=974").get_data()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads UTF-8
    header = data[3:].split(b"\n", 1)[0].decode()
    assert header.split(";")[-2:] == ["lat", "lon"]
    df = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert df["title"].tolist() == ["<img src=x onerror=alert(1)> atelier"]
    assert df["lat"].dtype == float and -21.5 < df["lat"][0] < -20.8
    assert df["attribution"][0] and df["source"][0] == "api-test"


def test_html_looking_titles_are_text_in_every_format(api, tmp_path):
    for fmt in FORMATS:
        _, target = _download(api, f"/export/initiatives.{fmt}?commune=97411", tmp_path)
        records, _ = _read(target, fmt, layers.INITIATIVES)
        assert [r["title"] for r in records] == ["<img src=x onerror=alert(1)> atelier"]


def test_file_name_says_layer_date_and_filters(api):
    r = api.get("/export/initiatives.geojson?level=5,4&domain=education")
    today = dt.date.today().isoformat()
    assert r.headers["Content-Disposition"] == (
        f'attachment; filename="initiatives_{today}_domain-education_level-4-5.geojson"')
    job = exports.request("communes", "shp.zip", {"q": ["Tablettes école"],
                                                  "bbox": ["2.2,48.8,2.5,48.9"]})
    assert exports.filename(job, dt.date(2026, 11, 23)) == (
        "communes_2026-11-23_q-tablettes-ecole_bbox-2.2-48.8-2.5-48.9.shp.zip")


@pytest.mark.parametrize("path, status, param", [
    ("/export/peers.geojson", 404, None),
    ("/export/initiatives.xlsx", 404, None),
    ("/export/initiatives", 404, None),
    ("/export/initiatives.geojson?level=9", 400, "level"),
    ("/export/initiatives.geojson?domaine=education", 400, "domaine"),
    ("/export/initiatives.geojson?limit=10", 400, "limit"),
    ("/export/initiatives.csv?offset=10", 400, "offset"),
    ("/export/initiatives.geojson?crs=2154", 400, "crs"),
    ("/export/initiatives.gpkg?crs=3857", 400, "crs"),
    ("/export/initiatives.gpkg?bbox=48.8,2.2,48.9,2.5", 400, "bbox"),
])
def test_errors_are_json_like_the_api(api, path, status, param):
    r = api.get(path)
    assert r.status_code == status and r.mimetype == "application/json"
    assert r.json["error"] in ("not_found", "invalid_parameter")
    assert r.json.get("param") == param


def test_cli_writes_the_same_file_as_http(api, atlas_cli, tmp_path):
    csv_http = api.get("/export/initiatives.csv?departement=94&level=4,5").get_data()
    out = tmp_path / "cli.csv"
    done = atlas_cli("export", "initiatives", "--format", "csv", "--departement", "94",
                     "--level", "4", "--level", "5", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == csv_http
    done = atlas_cli("export", "initiatives", "departement=94&level=4,5", "--format",
                     "csv", "--out", str(out))
    assert done.returncode == 0 and out.read_bytes() == csv_http
    gpkg = tmp_path / "cli.gpkg"
    done = atlas_cli("export", "communes", "domain=education", "--format", "gpkg",
                     "--crs", "2154", "--out", str(gpkg))
    assert done.returncode == 0, done.stderr
    _, http = _download(api, "/export/communes.gpkg?domain=education&crs=2154", tmp_path)
    ours, theirs = pyogrio.read_dataframe(gpkg), pyogrio.read_dataframe(http)
    pd.testing.assert_frame_equal(ours.drop(columns="geometry"),
                                  theirs.drop(columns="geometry"))
    assert ours.geometry.geom_equals_exact(theirs.geometry, 1e-6).all()
    bad = atlas_cli("export", "initiatives", "--level", "9")
    assert bad.returncode == 1 and "level: 9 is outside 1..5" in bad.stderr


def test_downloads_stream_even_when_the_client_accepts_gzip(api):
    # The API's gzip hook buffers whole bodies: it must leave a download alone.
    r = api.get("/export/initiatives.geojson", headers={"Accept-Encoding": "gzip"})
    assert r.is_streamed and "Content-Encoding" not in r.headers
    assert r.headers["Cache-Control"] == "no-store"
    assert json.loads(r.get_data())["type"] == "FeatureCollection"


def test_the_maps_export_links_download_the_current_filters(api):
    page = api.get("/?domain=education&level=4,5&departement=94").get_data(as_text=True)
    for anchor in ("export-link", "export-csv"):
        href = page.split(f'id="{anchor}"', 1)[1].split('href="', 1)[1].split('"', 1)[0]
        r = api.get(href.replace("&amp;", "&"))
        assert r.status_code == 200, (href, r.get_data()[:200])
        assert "domain-education_level-4-5" in r.headers["Content-Disposition"]
