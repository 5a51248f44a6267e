"""The reference loader on the real files of ../shared/geodata, and on bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
import sqlalchemy as sa

from atlas.errors import InputError
from loaders import boundaries as bnd
from loaders import cog, reference, sources
from loaders.progress import Progress

pytestmark = pytest.mark.usefixtures("geodata")
QUIET = Progress(quiet=True)
# Former codes the COG 2026 gives two successors (an anciensCodes entry and a déléguée).
CONFLICTS = [("55273", ["55245", "55386"]), ("60455", ["60054", "60694"])]


@pytest.fixture(scope="session")
def geodata(config) -> Path:
    if config.geodata is None:
        pytest.fail("these tests need the reference data: set ATLAS_GEODATA")
    return config.geodata


@pytest.fixture(scope="session")
def the_cog(geodata):
    return cog.read(geodata / "cog")


def run(engine, geodata, cache, **inputs) -> reference.Report:
    resolver = sources.Resolver(geodata, cache, offline=True)
    return reference.run(engine, resolver, reference.Inputs(**inputs), QUIET)


def table_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in
                ("region", "departement", "commune", "commune_alias", "epci", "epci_member")} \
            | {"with_geom": conn.scalar(sa.text("SELECT count(geom) FROM commune"))}


def test_cog_aliases_bring_old_codes_to_their_commune(the_cog):
    successor = the_cog.successor()
    assert successor["75115"] == "75056"  # Paris 15e
    assert successor["13201"] == "13055" and successor["69381"] == "69123"
    assert successor["01039"] == "01138"  # Béon → Culoz-Béon
    assert successor["78251"] == "78551"  # Fourqueux → Saint-Germain-en-Laye
    # A former code merged into one commune and listed as déléguée of another: the
    # merge record wins, and the conflict is reported.
    assert successor["60455"] == "60054"
    assert the_cog.conflicts() == CONFLICTS
    names = the_cog.names()
    assert names["01001"] == "L'Abergement-Clémenciat" and names["78440"] == "Les Mureaux"


def test_national_raw_2018_file_loads_reconciled_and_idempotent(engine, geodata, the_cog,
                                                                tmp_path):
    report = run(engine, geodata, tmp_path)
    assert report.boundary_features == 35_357
    assert report.counts["commune"] == 34_969
    assert report.counts["commune with a boundary"] == 34_868
    assert len(report.codes_remapped) == 493
    assert report.codes_remapped["01091"] == "01033"  # Châtillon-en-Michaille → Valserhône
    assert report.polygons_repaired == ["14174"]
    assert report.unknown_codes == []
    assert report.successor_conflicts == CONFLICTS
    missing = dict(report.without_boundary)
    assert len(missing) == 101  # 94 COM + 7 communes re-established after 2018
    reestablished = {"14666", "15031", "15035", "15047", "15171", "85165", "85212"}
    com = {c["insee"] for c in the_cog.communes if c["zone"] == "com"}
    assert len(com) == 94 and set(missing) == reestablished | com
    with engine.connect() as conn:
        row = conn.execute(sa.text("""
            SELECT name, name_folded, ST_IsValid(geom), GeometryType(geom),
                   ST_Contains(geom, point), 'ancien' = ANY(ARRAY(
                     SELECT kind FROM commune_alias WHERE code = '01039'))
            FROM commune WHERE insee = '01001'""")).one()
        assert row == ("L'Abergement-Clémenciat", "l abergement clemenciat", True,
                       "MULTIPOLYGON", True, True)
        assert conn.scalar(sa.text(
            "SELECT count(*) FROM commune WHERE NOT ST_IsValid(geom)")) == 0
        assert conn.scalar(sa.text(
            "SELECT count(*) FROM commune WHERE geom IS NOT NULL "
            "AND NOT ST_Intersects(geom, point)")) == 0
        # Merged communes are the union of their 2018 parts: Valserhône covers its three.
        assert conn.scalar(sa.text(
            "SELECT ST_Area(geom::geography) / 1e6 FROM commune WHERE insee = '01033'")) \
            == pytest.approx(68, rel=0.1)
        assert conn.scalar(sa.text("SELECT count(geom) FROM departement")) == 101
        assert conn.scalar(sa.text("SELECT count(geom) FROM region")) == 18
        assert conn.scalar(sa.text(
            "SELECT count(*) FROM epci_member WHERE epci_siren = '200054781'")) == 130
    before = table_counts(engine)

    again = run(engine, geodata, tmp_path)
    assert all(c == {"inserted": 0, "updated": 0, "deleted": 0}
               for c in again.changes.values()), again.changes
    assert table_counts(engine) == before

    rekeyed = run(engine, geodata, tmp_path, boundaries=geodata / "france-geojson-2018" /
                  "communes-remapped-cog2026.geojson.gz")
    assert rekeyed.codes_remapped == {} and rekeyed.unknown_codes == []
    assert rekeyed.changes["commune"]["inserted"] == 0
    assert rekeyed.changes["commune"]["deleted"] == 0
    assert dict(rekeyed.without_boundary) == missing
    assert table_counts(engine) == before


def test_raw_and_rekeyed_files_give_the_same_outlines(geodata, the_cog):
    folder = geodata / "france-geojson-2018"
    raw = bnd.reconcile(bnd.read(folder / "communes.geojson.gz"), the_cog.successor())
    rekeyed = bnd.reconcile(bnd.read(folder / "communes-remapped-cog2026.geojson.gz"),
                            the_cog.successor())
    assert list(raw.frame["insee"]) == list(rekeyed.frame["insee"])
    a = raw.frame.set_index("insee").geometry.to_crs(2154)
    b = rekeyed.frame.set_index("insee").geometry.to_crs(2154)
    # Same polygons up to the re-keyed copy's rounding (6 decimals, ~0.1 m).
    assert (a.symmetric_difference(b).area / a.area).max() < 0.002


def test_lambert93_admin_express_shapefile(engine, geodata, tmp_path):
    shp = geodata / "admin-express-sample" / "COMMUNE.shp"
    report = run(engine, geodata, tmp_path, boundaries=shp)
    assert report.boundaries_driver == "ESRI Shapefile"
    assert report.boundaries_crs == "EPSG:2154"
    assert report.counts["commune with a boundary"] == 306
    assert report.unknown_codes == [] and report.codes_remapped == {}
    ref = bnd.read(geodata / "france-geojson-2018" / "communes-94-val-de-marne.geojson")
    creteil = ref.frame.set_index("code").loc["94028"].geometry
    with engine.connect() as conn:
        loaded = conn.scalar(sa.text(
            "SELECT ST_AsText(geom) FROM commune WHERE insee = '94028'"))
    from shapely import wkt

    loaded = wkt.loads(loaded)
    # Reprojected back to lon/lat, the outline matches the original within ~1 m.
    assert loaded.symmetric_difference(creteil).area / creteil.area < 1e-4
    assert 2.4 < loaded.centroid.x < 2.5 and 48.7 < loaded.centroid.y < 48.8


def test_geopackage_with_other_field_names(engine, geodata, tmp_path):
    frame = gpd.read_file(geodata / "france-geojson-2018" / "communes-78-yvelines.geojson")
    frame = frame.rename(columns={"code": "CODE_COMMUNE", "nom": "LIBELLE"}).to_crs(3857)
    gpkg = tmp_path / "communes.gpkg"
    frame.to_file(gpkg, driver="GPKG")
    with pytest.raises(InputError, match="no INSEE code field found.*CODE_COMMUNE"):
        run(engine, geodata, tmp_path, boundaries=gpkg)
    report = run(engine, geodata, tmp_path, boundaries=gpkg,
                 fields={"code": "CODE_COMMUNE", "name": "LIBELLE"})
    assert report.boundaries_driver == "GPKG" and report.boundaries_crs == "EPSG:3857"
    # 262 outlines of 2018 → 259 current communes: three merged since.
    assert report.counts["commune with a boundary"] == 259
    assert report.codes_remapped == {"78251": "78551", "78503": "78320", "78524": "78158"}


def test_zipped_shapefile_and_gzipped_geojson(geodata, tmp_path):
    folder = geodata / "admin-express-sample"
    archive = shutil.make_archive(str(tmp_path / "commune"), "zip", folder)
    assert len(bnd.read(Path(archive)).frame) == 306
    gz = tmp_path / "yvelines.geojson.gz"
    subprocess.run(f"gzip -c '{geodata}/france-geojson-2018/communes-78-yvelines.geojson' "
                   f"> '{gz}'", shell=True, check=True)
    assert len(bnd.read(gz, fmt="geojson").frame) == 262
    with pytest.raises(InputError, match="--format shapefile given, but the file is GeoJSON"):
        bnd.read(gz, fmt="shapefile")


def _as_gdal_reads(path: Path) -> bnd.Boundaries:
    """The boundary file as read through GDAL alone (the one-pass GeoJSON parser off)."""
    fast = bnd._read_geojson
    bnd._read_geojson = lambda _: None
    try:
        return bnd.read(path)
    finally:
        bnd._read_geojson = fast


def _same_boundaries(a: bnd.Boundaries, b: bnd.Boundaries) -> None:
    assert list(a.frame.columns) == list(b.frame.columns)
    assert list(a.frame["code"]) == list(b.frame["code"])
    assert list(a.frame["name"]) == list(b.frame["name"])
    assert (a.driver, a.source_crs) == (b.driver, b.source_crs)
    # GDAL keeps a Polygon a Polygon; the parser makes every outline a MultiPolygon,
    # as reconcile stores them anyway.
    assert [shapely.to_wkb(shapely.multipolygons([g]) if g.geom_type == "Polygon" else g)
            for g in b.frame.geometry] == list(shapely.to_wkb(a.frame.geometry.to_numpy()))


def test_geojson_parsed_in_one_pass_as_gdal_reads_it(geodata, the_cog, tmp_path):
    yvelines = geodata / "france-geojson-2018" / "communes-78-yvelines.geojson"
    fast, gdal = bnd.read(yvelines), _as_gdal_reads(yvelines)
    _same_boundaries(fast, gdal)
    a, b = (bnd.reconcile(x, the_cog.successor()) for x in (fast, gdal))
    assert list(shapely.to_wkb(a.frame.geometry.to_numpy())) == \
        list(shapely.to_wkb(b.frame.geometry.to_numpy()))
    assert list(shapely.to_wkb(a.frame["point"].to_numpy())) == \
        list(shapely.to_wkb(b.frame["point"].to_numpy()))
    # A hole, two parts, integers, exponents, a numeric code, a property not everywhere.
    square = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]
    hole = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]
    odd = tmp_path / "odd.geojson"
    odd.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": 1001, "nom": "Aville"},
         "geometry": {"type": "Polygon", "coordinates": [square, hole]}},
        {"type": "Feature", "properties": {"code": "01002", "nom": "Beville", "x": 1.5},
         "geometry": {"type": "MultiPolygon", "coordinates": [
             [[[5, 5], [6, 5], [6, 6], [5, 5]]],
             [[[7.25e0, 7], [8.5, 7], [8, 80e-1], [7.25, 7]]]]}}]}))
    _same_boundaries(bnd.read(odd), _as_gdal_reads(odd))
    assert list(bnd.read(odd).frame["code"]) == ["01001", "01002"]


@pytest.mark.parametrize("change", [
    lambda doc: doc.update(crs={"type": "name", "properties": {"name": "EPSG:2154"}}),
    lambda doc: doc["features"][0]["geometry"]["coordinates"][0][0].append(100.0),
    lambda doc: doc["features"][0]["geometry"]["coordinates"].append([]),
    lambda doc: doc["features"][0].update(geometry=None),
    lambda doc: doc["features"][0].update(geometry={"type": "Point", "coordinates": [1, 2]}),
    lambda doc: doc["features"][0].update(id="a"),
])
def test_geojson_the_parser_leaves_to_gdal(tmp_path, change):
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "01001"}, "geometry": {
            "type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]}
    path = tmp_path / "plain.geojson"
    path.write_text(json.dumps(doc))
    assert bnd._read_geojson(path) is not None
    change(doc)
    path.write_text(json.dumps(doc))
    assert bnd._read_geojson(path) is None


@pytest.fixture()
def shapefile_copy(geodata, tmp_path) -> Path:
    folder = tmp_path / "shp"
    shutil.copytree(geodata / "admin-express-sample", folder)
    return folder / "COMMUNE.shp"


def test_a_file_without_crs_needs_one(shapefile_copy):
    shapefile_copy.with_suffix(".prj").unlink()
    with pytest.raises(InputError, match="declares no CRS; give it with --crs"):
        bnd.read(shapefile_copy)
    with pytest.raises(InputError, match="unknown CRS 'EPSG:999999'"):
        bnd.read(shapefile_copy, crs="EPSG:999999")
    assert bnd.read(shapefile_copy, crs="EPSG:2154").frame.total_bounds[0] == \
        pytest.approx(1.446, abs=0.01)


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "absent.geojson", "no such file"),
    (lambda d: (d / "garbage.geojson").write_bytes(b"\x00\x01not a map") and
     d / "garbage.geojson", "cannot be read as a boundary file"),
    (lambda d: (d / "points.geojson").write_text(json.dumps({
        "type": "FeatureCollection", "features": [{
            "type": "Feature", "properties": {"code": "78440"},
            "geometry": {"type": "Point", "coordinates": [1.9, 49]}}]})) and
     d / "points.geojson", "1 feature(s) are not polygons, e.g. 78440 (Point)"),
    (lambda d: (d / "nocode.geojson").write_text(json.dumps({
        "type": "FeatureCollection", "features": [{
            "type": "Feature", "properties": {"label": "x"},
            "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}
    ]})) and d / "nocode.geojson", "no INSEE code field found"),
])
def test_bad_boundary_files_leave_the_database_unchanged(engine, geodata, tmp_path, make,
                                                         message):
    run(engine, geodata, tmp_path / "cache",
        boundaries=geodata / "admin-express-sample" / "COMMUNE.shp")
    before = table_counts(engine)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(engine, geodata, tmp_path / "cache", boundaries=make(tmp_path))
    assert table_counts(engine) == before


def test_a_commune_still_used_is_not_removed_and_nothing_changes(engine, geodata, tmp_path):
    shp = geodata / "admin-express-sample" / "COMMUNE.shp"
    run(engine, geodata, tmp_path / "cache", boundaries=shp)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO source (name, title, attribution) "
                             "VALUES ('test', 'test', 'test')"))
        conn.execute(sa.text(
            "INSERT INTO label_award (commune_insee, year, level, source) "
            "VALUES ('78440', 2020, 4, 'test')"))
    before = table_counts(engine)
    altered = tmp_path / "geodata"
    shutil.copytree(geodata / "cog", altered / "cog")
    communes = json.loads((altered / "cog" / "communes.json").read_text(encoding="utf-8"))
    (altered / "cog" / "communes.json").write_text(json.dumps(
        [c for c in communes if c["code"] not in ("78440", "01001")]), encoding="utf-8")
    with pytest.raises(InputError, match="still used by initiatives or labels: 78440 Les "):
        run(engine, altered, tmp_path / "cache", boundaries=shp, derive_outlines=True)
    assert table_counts(engine) == before


def test_cli_reports_and_fails_with_one_line(engine, atlas_cli, geodata, tmp_path):
    shp = geodata / "admin-express-sample" / "COMMUNE.shp"
    ok = atlas_cli("load", "reference", "--boundaries", str(shp), "--report",
                   str(tmp_path / "r.json"))
    assert ok.returncode == 0, ok.stderr
    assert "commune with a boundary: 306 loaded" in ok.stdout
    assert "current communes without a boundary: 34663" in ok.stdout
    assert "copying commune (34 969 rows): done in" in ok.stderr  # plain progress lines
    assert json.loads((tmp_path / "r.json").read_text())["counts"]["commune"] == 34_969
    bad = atlas_cli("load", "reference", "--boundaries", str(tmp_path / "r.json"))
    assert bad.returncode == 1
    assert bad.stderr.splitlines()[-1].startswith("atlas: error: ")
    assert "cannot be read as a boundary file" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_outlines_are_stored_without_compression(engine):
    """Migration 0011: coordinates do not compress, so outlines skip pglz's attempt."""
    with engine.connect() as conn:
        storage = dict(conn.execute(sa.text("""
            SELECT attrelid::regclass::text || '.' || attname, attstorage
            FROM pg_attribute WHERE attrelid IN ('region'::regclass, 'departement'::regclass,
                                                 'commune'::regclass, 'tile_shape'::regclass)
              AND attname IN ('geom', 'g0', 'g3', 'g9')""")).all())
    assert storage == {"region.geom": "e", "departement.geom": "e", "commune.geom": "e",
                       "tile_shape.g0": "e", "tile_shape.g3": "e",
                       "tile_shape.g9": "e"}


def _outline_table(conn) -> tuple:
    """tile_shape's rows, index names and privileges, and whether a twin is left."""
    return (conn.scalar(sa.text("SELECT count(*) FROM tile_shape")),
            sorted(conn.scalars(sa.text(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'tile_shape'"))),
            sorted(conn.execute(sa.text(
                "SELECT a.grantee, a.privilege_type FROM pg_class c, aclexplode(c.relacl) a "
                "WHERE c.relname = 'tile_shape'")).all()),
            conn.scalar(sa.text("SELECT to_regclass('tile_shape_twin') IS NOT NULL")))


def test_a_first_load_swaps_its_outlines_in_or_leaves_nothing(engine, geodata, tmp_path):
    """A first load writes its tile outlines into a twin table on a connection of its own
    (``tiles.shapes.stage``) and swaps it in at its commit: the table then equals a
    rebuild and keeps its indexes and privileges. A first load that fails at its commit
    (its report cannot be written) leaves the tables empty and no twin behind."""
    from tiles import shapes

    shp = geodata / "admin-express-sample" / "COMMUNE.shp"
    with engine.connect() as conn:
        empty = _outline_table(conn)
    assert empty[0] == 0 and empty[3] is False
    with pytest.raises(InputError, match="cannot write the report"):
        reference.run(engine, sources.Resolver(geodata, tmp_path / "cache", offline=True),
                      reference.Inputs(boundaries=shp), QUIET,
                      report_file=tmp_path / "absent" / "report.json")
    with engine.connect() as conn:
        assert _outline_table(conn) == empty
        assert conn.scalar(sa.text("SELECT count(*) FROM commune")) == 0
    run(engine, geodata, tmp_path / "cache", boundaries=shp)
    with engine.begin() as conn:
        rows, *kept = _outline_table(conn)
        assert rows > 306 and tuple(kept) == empty[1:]  # its 306 communes, their areas
        assert shapes.stale(conn) == 0


def test_a_commune_worker_that_dies_gives_a_clear_error_and_writes_nothing(
        engine, geodata, tmp_path, monkeypatch):
    """The commune file's child process (``loaders.commune_worker``) ending without a
    word (killed, out of memory) stops the load with one line, and nothing is written."""
    import os

    from loaders import commune_worker

    monkeypatch.setattr(commune_worker, "_encode", lambda *_: os._exit(3))
    with pytest.raises(RuntimeError, match=r"ended unexpectedly \(exit code 3\)"):
        run(engine, geodata, tmp_path / "cache",
            boundaries=geodata / "admin-express-sample" / "COMMUNE.shp")
    with engine.connect() as conn:
        assert _outline_table(conn)[0] == 0 and not _outline_table(conn)[3]
    assert set(table_counts(engine).values()) == {0}
