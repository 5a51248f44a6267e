"""The one write path (``loaders.pipeline``): every writer keeps every row accounted for,
writes only what changed, keeps the derived rows equal to a full rebuild, and writes its
reports only with its commit."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import sqlalchemy as sa

from atlas import search
from loaders import domains, pipeline, synth
from loaders.pipeline import Batch
from tests.conftest import _fingerprint_of
from tiles import shapes

NEXT_YEAR = dt.date.today().year + 1


@pytest.fixture(scope="module")
def geocoder(with_domains):
    from loaders.geocoder import Geocoder

    with with_domains.connect() as conn:
        return Geocoder.from_db(conn)


def version(engine) -> int:
    with engine.connect() as conn:
        return search.version(conn)


# The facets kept in facet_count (migration 0014), and their initiative_search column.
FACET_COLUMNS = {"domain": "domain_bits", "region": "region_code",
                 "departement": "departement_code", "level": "level", "year": "year",
                 "source": "source", "kind": "kind", "place_type": "place_type"}


# The states (database, then rows and writing transactions of the reference tables and
# of tile_shape) at which tile_shape was found equal to a rebuild.
_OUTLINES_IN_STEP: set[tuple] = set()


def assert_in_step(engine) -> None:
    """The incrementally kept rows equal a full rebuild, row for row, and the facet
    counts kept by triggers equal a count of the search rows.

    The outlines' rebuild is national (3 s): it is skipped when neither ``tile_shape``
    nor any table it is made of was written since a check found them equal (the same
    inputs give the same rows; ``conftest._fingerprint_of`` changes with any write)."""
    with engine.connect() as conn:
        assert search.stale(conn) == 0
        state = (engine.url.database, _fingerprint_of(conn))
        if state not in _OUTLINES_IN_STEP:
            assert shapes.stale(conn) == 0
            _OUTLINES_IN_STEP.add(state)
        counted = {(facet, value): n for facet, column in FACET_COLUMNS.items()
                   for value, n in conn.execute(sa.text(
                       f"SELECT {column}::text, count(*) FROM initiative_search GROUP BY 1"))}
        kept = {(facet, value): n for facet, value, n in conn.execute(sa.text(
            "SELECT facet, value, n FROM facet_count"))}
        assert kept == counted


def load(engine, geocoder, kind, rows, source="pipeline-test", **options):
    dry_run = options.pop("dry_run", False)
    batch = Batch(kind, source, rows, **options)
    with pipeline.transaction(engine, dry_run=dry_run) as w:
        pipeline.load(w, [batch], geocoder)
    report = batch.report
    assert report.read == (report.inserted + report.updated + report.unchanged
                           + sum(report.rejected.values()))
    return batch, w.derived


def fiche(key, title, insee="94076", year="2020", domains="éducation", **more):
    return {"id": key, "title": title, "insee": insee, "year": year, "domains": domains,
            **more}


def test_every_kind_of_write_keeps_the_derived_rows_equal_to_a_rebuild(clean, geocoder):
    engine = clean
    fiches = [fiche("a", "Tablettes"), fiche("b", "Wifi public", insee="94002"),
              {"id": "c", "title": "Observatoire", "commune": "200054781", "year": "2023",
               "domains": "coopération"}]
    load(engine, geocoder, "initiatives", fiches)
    assert_in_step(engine)
    # Labels: the initiatives of the collectivité take its latest level.
    awards = [{"insee": "94076", "year": "2019", "level": "4"},
              {"commune": "200054781", "year": "2021", "level": "3"}]
    load(engine, geocoder, "labels", awards)
    assert_in_step(engine)
    # An update, and a label removed by a shrunk file.
    load(engine, geocoder, "initiatives", [dict(fiches[0], title="Tablettes numériques"),
                                           *fiches[1:]])
    load(engine, geocoder, "labels", awards[1:])
    assert_in_step(engine)
    # A domain moved in the taxonomy (its bit moves), then moved back.
    rows = domains.read()
    swapped = [dataclasses_replace(r, position=len(rows) - r.position) for r in rows]
    for taxonomy in (swapped, rows):
        with pipeline.transaction(engine) as w:
            domains.merge(w.conn, taxonomy, w.changes)
        assert w.changes.domains
        assert_in_step(engine)
    # A commune renamed and its outline moved (as a reference load would), then back.
    for name, dx in (("Villejuif-Test", 0.01), ("Villejuif", -0.01)):
        with pipeline.transaction(engine) as w:
            w.conn.execute(sa.text("UPDATE commune SET name = :n, geom = ST_Translate(geom, "
                                   ":dx, 0) WHERE insee = '94076'"), {"n": name, "dx": dx})
            w.changes.communes.add("94076")
            w.changes.shape("communes", {"94076"})
        assert_in_step(engine)
    # One record deleted, then synthetic records made and removed.
    assert pipeline.delete_initiative(engine, "pipeline-test", "b").removed == 1
    assert_in_step(engine)
    for n in (300, 0):
        with pipeline.transaction(engine) as w:
            synth.run(w.conn, w.changes, n, n // 10, seed=3)
        assert_in_step(engine)


def dataclasses_replace(row, **changes):
    import dataclasses

    return dataclasses.replace(row, **changes)


def test_a_reload_of_the_same_rows_writes_nothing_and_keeps_the_version(clean, geocoder):
    engine = clean
    fiches = [fiche(str(n), f"Initiative {n}") for n in range(5)] + [fiche("x", "")]
    batch, derived = load(engine, geocoder, "initiatives", fiches)
    assert (batch.report.inserted, sum(batch.report.rejected.values())) == (5, 1)
    assert derived.version is not None and derived.search_rows == 5
    with engine.connect() as conn:
        stamp = conn.scalar(sa.text("SELECT max(updated_at) FROM initiative"))
    before = version(engine)
    batch, derived = load(engine, geocoder, "initiatives", fiches)
    assert (batch.report.unchanged, batch.report.removed) == (5, 0)
    assert derived.version is None and derived.search_rows == 0
    assert version(engine) == before
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT max(updated_at) FROM initiative")) == stamp
    # Same for label awards.
    awards = [{"insee": "94076", "year": "2019", "level": "4@"}]
    load(engine, geocoder, "labels", awards)
    before = version(engine)
    batch, derived = load(engine, geocoder, "labels", awards)
    assert batch.report.unchanged == 1 and derived.version is None
    assert version(engine) == before


def test_a_shrunk_file_removes_what_it_lost_unless_keep_missing(clean, geocoder):
    engine = clean
    fiches = [fiche(str(n), f"Initiative {n}") for n in range(4)]
    load(engine, geocoder, "initiatives", fiches)
    batch, _ = load(engine, geocoder, "initiatives", fiches[:3], keep_missing=True)
    assert (batch.report.unchanged, batch.report.removed) == (3, 0)
    batch, _ = load(engine, geocoder, "initiatives", fiches[:2])
    assert (batch.report.unchanged, batch.report.removed) == (2, 2)
    # A file whose every row is rejected (a wrong file, a wrong mapping) removes nothing.
    batch, _ = load(engine, geocoder, "initiatives", [fiche("z", "")])
    assert batch.report.removed == 0
    assert "every row rejected: no record removed" in "\n".join(batch.report.lines())
    awards = [{"insee": "94076", "year": str(y), "level": "3"} for y in (2018, 2019)]
    load(engine, geocoder, "labels", awards)
    batch, _ = load(engine, geocoder, "labels", awards[:1])
    assert batch.report.removed == 1
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM initiative")) == 2
        assert conn.scalar(sa.text("SELECT count(*) FROM label_award")) == 1
        # The initiatives now carry the 2018 level, the latest award left.
        assert conn.execute(sa.text("SELECT DISTINCT label_year, level FROM initiative_search"
                                    )).all() == [(2018, 3)]
    assert_in_step(engine)


def test_bad_rows_are_rejects_with_their_reason_never_a_crash(clean, geocoder):
    engine = clean
    batch, _ = load(engine, geocoder, "initiatives", [
        fiche("ok", "Atelier", url="https://example.org/atelier"),
        fiche("nul", "Atelier\x00caché"),
        fiche("bell", "Atelier", summary="sonne\x07"),
        fiche("long", "T" * 301),
        fiche("summary", "Atelier", summary="x" * 10_001),
        fiche("js", "Atelier", url="javascript:alert(1)"),
        fiche("ftp", "Atelier", url="ftp://example.org/x"),
        fiche("bare", "Atelier", url="example.org"),
        fiche("spaces", "Atelier", url="https://example.org/a b"),
        fiche("lines", "Atelier", summary="une ligne\nune autre\tligne"),
    ])
    reasons = {row["id"]: str(why) for _, row, why in batch.rejects}
    assert reasons == {
        "nul": "title holds a control character (U+0000)",
        "bell": "summary holds a control character (U+0007)",
        "long": "title is 301 characters long (at most 300)",
        "summary": "summary is 10001 characters long (at most 10000)",
        "js": "url 'javascript:alert(1)' is not an http(s) link",
        "ftp": "url 'ftp://example.org/x' is not an http(s) link",
        "bare": "url 'example.org' is not an http(s) link",
        "spaces": "url 'https://example.org/a b' is not an http(s) link"}
    assert batch.report.inserted == 2
    batch, _ = load(engine, geocoder, "labels", [
        {"insee": "94076", "year": "1998", "level": "3"},
        {"insee": "94076", "year": str(NEXT_YEAR + 1), "level": "3"},
        {"insee": "94076", "year": "1999", "level": "1"},
        {"insee": "94076", "year": str(NEXT_YEAR), "level": "2"},
        {"insee": "94002", "year": "2020", "level": "2", "mentions": "coup de cœur\x1b"}])
    reasons = sorted(str(why) for _, _, why in batch.rejects)
    assert reasons == ["mention holds a control character (U+001B)",
                       f"year 1998 is not a label edition (1999..{NEXT_YEAR})",
                       f"year {NEXT_YEAR + 1} is not a label edition (1999..{NEXT_YEAR})"]
    assert batch.report.inserted == 2


def test_one_record_through_the_pipeline_preview_insert_update_delete(clean, geocoder,
                                                                    config):
    from atlas.web import create_app

    engine = clean
    api = create_app(config).test_client()
    row = fiche("console-1", "Café numérique", domains="médiation")
    preview = pipeline.put_initiative(engine, row, "console", geocoder=geocoder,
                                      dry_run=True)
    assert preview.report.inserted == 1 and preview.records[0]["commune_insee"] == "94076"
    assert api.get("/api/initiatives?source=console").json["numberMatched"] == 0
    bad = pipeline.put_initiative(engine, dict(row, url="javascript:x"), "console",
                                  geocoder=geocoder)
    assert sum(bad.report.rejected.values()) == 1 and bad.report.inserted == 0
    assert api.get("/api/initiatives?source=console").json["numberMatched"] == 0
    pipeline.put_initiative(engine, row, "console", geocoder=geocoder)
    found = api.get("/api/initiatives?source=console").json
    assert [f["properties"]["title"] for f in found["features"]] == ["Café numérique"]
    done = pipeline.put_initiative(engine, dict(row, title="Café numérique du mardi"),
                                   "console", geocoder=geocoder)
    assert done.report.updated == 1
    found = api.get("/api/initiatives?source=console&q=mardi").json
    assert found["numberMatched"] == 1
    assert pipeline.delete_initiative(engine, "console", "console-1", dry_run=True).removed == 1
    assert api.get("/api/initiatives?source=console").json["numberMatched"] == 1
    assert pipeline.delete_initiative(engine, "console", "console-1").removed == 1
    assert api.get("/api/initiatives?source=console").json["numberMatched"] == 0
    assert_in_step(engine)


FICHES = ("id;titre;année;domaines;insee\n"
          "1;Tablettes;2019;éducation;94076\n"
          "2;Wifi;2020;services publics;94002\n"
          "3;Sans lieu;2020;médiation;\n")


def _state(engine):
    with engine.connect() as conn:
        return (conn.scalar(sa.text("SELECT count(*) FROM initiative")),
                conn.scalar(sa.text("SELECT count(*) FROM label_award")), search.version(conn))


@pytest.mark.parametrize("kind, content", [
    ("initiatives", FICHES),
    ("labels", "insee;année;niveau\n94076;2019;4\n94002;2020;5\n"),
])
def test_cli_loads_sync_and_an_unwritable_report_leaves_the_database_unchanged(
        clean, atlas_cli, tmp_path, kind, content):
    path = tmp_path / f"{kind}.csv"
    path.write_text(content, encoding="utf-8")
    rejects = tmp_path / "rejects.csv"
    before = _state(clean)
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    r = atlas_cli("load", kind, str(path), "--rejects", str(blocked / "rejects.csv"))
    assert r.returncode == 1 and r.stderr.strip().splitlines()[-1].startswith(
        f"atlas: error: {blocked / 'rejects.csv'}: cannot write the report")
    assert _state(clean) == before
    r = atlas_cli("load", kind, str(path), "--rejects", str(rejects))
    assert r.returncode == 0, r.stderr
    lines = list(csv.DictReader(rejects.open(encoding="utf-8")))
    read = content.count("\n") - 1
    assert f"{read} read, {read - len(lines)} loaded" in r.stdout
    assert not list(tmp_path.glob(".rejects.csv.*"))  # no temporary file left
    # A shrunk file: the lost row is removed; with --keep-missing it is kept.
    path.write_text(content.split("\n", 2)[0] + "\n" + content.split("\n")[2] + "\n",
                    encoding="utf-8")
    r = atlas_cli("load", kind, str(path), "--rejects", str(rejects), "--keep-missing")
    assert ", 0 removed" in r.stdout, r.stdout
    r = atlas_cli("load", kind, str(path), "--rejects", str(rejects))
    assert ", 1 removed" in r.stdout, r.stdout
    assert rejects.read_text(encoding="utf-8").count("\n") == 1  # header only now
    assert_in_step(clean)


def test_an_unwritable_press_report_loads_nothing(clean, atlas_cli, tmp_path):
    text = tmp_path / "communique.txt"
    text.write_text("La commune de Villejuif (Val-de-Marne) a obtenu le label Ville "
                    "Internet 2020 avec 4@.\n", encoding="utf-8")
    before = _state(clean)
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    r = atlas_cli("load", "press", str(text), "--rejects", str(blocked / "r.csv"))
    assert r.returncode == 1 and "cannot write the report" in r.stderr
    assert _state(clean) == before
    r = atlas_cli("load", "press", str(text), "--rejects", str(tmp_path / "r.csv"))
    assert r.returncode == 0 and "awards: 1 read, 1 loaded" in r.stdout, r.stdout
    assert _state(clean)[1] == 1


def test_a_reference_reload_writes_nothing(loaded, config):
    from loaders import reference, sources
    from loaders.progress import Progress

    before = version(loaded)
    reference.run(loaded, sources.Resolver(config.geodata, config.cache_dir, offline=True),
                  reference.Inputs(), Progress(quiet=True))
    assert version(loaded) == before
    assert_in_step(loaded)


def test_rebuild_command_repairs_a_hand_edit(clean, atlas_cli, geocoder):
    load(clean, geocoder, "initiatives", [fiche("a", "Tablettes")])
    with clean.begin() as conn:  # a hand edit in psql, behind the write path's back
        conn.execute(sa.text("UPDATE initiative_search SET level = 5"))
        conn.execute(sa.text("DELETE FROM tile_shape WHERE code = '94076'"))
    with clean.connect() as conn:
        assert search.stale(conn) == 2 and shapes.stale(conn) == 1
    before = version(clean)
    r = atlas_cli("rebuild")
    assert r.returncode == 0, r.stderr
    assert "rebuilt 1 search rows and" in r.stdout
    assert version(clean) > before
    assert_in_step(clean)


def test_a_write_runs_without_jit_and_announces_its_last_steps(engine):
    from loaders.progress import Progress

    class Steps(Progress):
        def __init__(self):
            super().__init__(quiet=True)
            self.labels = []

        def step(self, label):
            self.labels.append(label)
            return super().step(label)

    steps = Steps()
    with pipeline.transaction(engine, progress=steps) as w:
        assert w.conn.scalar(sa.text("SHOW jit")) == "off"
    assert steps.labels == ["keeping the derived data in step (tile outlines, search rows)",
                            "writing the reports, committing"]
    with engine.connect() as conn:  # SET LOCAL: the pooled connection gets its default back
        assert conn.scalar(sa.text("SHOW jit")) == conn.scalar(
            sa.text("SELECT reset_val FROM pg_settings WHERE name = 'jit'"))
