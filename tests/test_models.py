"""The schema: every model can be written and read, constraints hold, indexes are used."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from geoalchemy2.shape import from_shape, to_shape
from shapely.geometry import MultiPolygon, Point, box
from sqlalchemy.orm import Session

from atlas.models import (Base, Commune, Departement, Domain, Epci, Initiative, LabelAward,
                          Region, Source)


def square(x, y, size=0.1):
    return from_shape(MultiPolygon([box(x, y, x + size, y + size)]), srid=4326)


@pytest.fixture()
def session(engine):
    with Session(engine) as s:
        yield s


@pytest.fixture()
def geography(session):
    session.add(Region(code="11", name="Île-de-France", zone="metro", type_liaison=0))
    session.flush()
    session.add(Departement(code="78", name="Yvelines", region_code="11", zone="metro"))
    session.flush()
    session.add(Commune(
        insee="78440", name="Les Mureaux", name_folded="mureaux les", type_liaison=4,
        departement_code="78", region_code="11", zone="metro", population=33_000,
        postcodes=["78130"], former_codes=[], geom=square(1.9, 48.98),
        point=from_shape(Point(1.95, 49.03), srid=4326)))
    session.add(Epci(siren="200059889", name="CU Grand Paris Seine et Oise",
                     name_folded="cu grand paris seine et oise", type="CU", population=400_000))
    session.add(Domain(code="education", label="Éducation", keywords=["école"], position=1))
    for name in ("test", "s", "a", "b", "synthetic"):
        session.add(Source(name=name, title=name, attribution=name))
    session.commit()


def test_every_model_round_trips(session, geography):
    epci = session.get(Epci, "200059889")
    epci.members.append(session.get(Commune, "78440"))
    session.add(LabelAward(commune_insee="78440", year=2020, level=4, mentions=["Mention"],
                           source="test"))
    session.add(LabelAward(epci_siren="200059889", year=2020, level=2, source="test"))
    session.add(Initiative(
        title="Tablettes à l'école", summary="Des tablettes dans 12 écoles", year=2019,
        url="https://example.org/fiche/1", commune_insee="78440",
        geom=from_shape(Point(1.95, 49.03), srid=4326), source="test", source_id="1",
        geocode_method="insee", geocode_score=1.0,
        domains=[session.get(Domain, "education")]))
    session.commit()
    session.expunge_all()

    commune = session.get(Commune, "78440")
    assert commune.name == "Les Mureaux" and commune.postcodes == ["78130"]
    assert commune.departement.name == "Yvelines"
    assert to_shape(commune.point).equals(Point(1.95, 49.03))
    assert [c.insee for c in session.get(Epci, "200059889").members] == ["78440"]
    awards = session.scalars(sa.select(LabelAward).order_by(LabelAward.level)).all()
    assert [(a.epci_siren, a.commune_insee, a.level) for a in awards] == [
        ("200059889", None, 2), (None, "78440", 4)]
    initiative = session.scalars(sa.select(Initiative)).one()
    assert [d.label for d in initiative.domains] == ["Éducation"]
    assert initiative.updated_at is not None


@pytest.mark.parametrize("award, constraint", [
    (dict(commune_insee="78440", year=2020, level=7), "label_award_level_range"),
    (dict(commune_insee="78440", epci_siren="200059889", year=2020, level=3),
     "label_award_one_collectivite"),
    (dict(year=2020, level=3), "label_award_one_collectivite"),
])
def test_label_award_constraints(session, geography, award, constraint):
    session.add(LabelAward(source="test", **award))
    with pytest.raises(sa.exc.IntegrityError, match=constraint):
        session.commit()


def test_one_level_per_collectivite_and_year(session, geography):
    session.add(LabelAward(commune_insee="78440", year=2020, level=3, source="a"))
    session.commit()
    session.add(LabelAward(commune_insee="78440", year=2020, level=4, source="b"))
    with pytest.raises(sa.exc.IntegrityError, match="label_award_commune_year_uq"):
        session.commit()


def test_initiative_is_unique_per_source_record(session, geography):
    for _ in range(2):
        session.add(Initiative(title="x", geom=from_shape(Point(2, 48), srid=4326),
                               source="s", source_id="7", geocode_method="m", geocode_score=1))
    with pytest.raises(sa.exc.IntegrityError, match="initiative_source_uq"):
        session.commit()


# Not models: PostGIS's and Alembic's tables, and the derived tables (migration 0007)
# that atlas.search and tiles.shapes describe and the write path keeps in step, and the
# facet counts that initiative_search's triggers keep (migration 0014).
_NOT_MODELS = ("spatial_ref_sys", "alembic_version", "initiative_search", "tile_shape",
               "facet_count")


def _is_model(obj, name, kind, *_) -> bool:
    table = name if kind == "table" else getattr(getattr(obj, "table", None), "name", None)
    return table not in _NOT_MODELS


def test_migrations_and_models_describe_the_same_schema(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": _is_model})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def _plan(conn, sql, **params):
    conn.execute(sa.text("SET LOCAL enable_seqscan = off"))
    return "\n".join(conn.scalars(sa.text("EXPLAIN " + sql), params))


@pytest.mark.parametrize("table, index, where", [
    ("commune", "commune_geom_gist",
     "geom && ST_MakeEnvelope(1.9, 48.9, 2.1, 49.1, 4326)"),
    ("commune", "commune_point_geog_gist",
     "ST_DWithin(CAST(point AS geography), "
     "CAST(ST_SetSRID(ST_MakePoint(1.95, 49.03), 4326) AS geography), 10000)"),
    ("initiative", "initiative_geom_gist",
     "ST_Intersects(geom, ST_MakeEnvelope(1.9, 48.9, 2.1, 49.1, 4326))"),
    ("region", "region_geom_gist", "geom && ST_MakeEnvelope(1.9, 48.9, 2.1, 49.1, 4326)"),
    ("departement", "departement_geom_gist",
     "geom && ST_MakeEnvelope(1.9, 48.9, 2.1, 49.1, 4326)"),
])
def test_spatial_filters_use_the_gist_indexes(engine, geography, table, index, where):
    with engine.begin() as conn:
        conn.execute(sa.text(f"ANALYZE {table}"))
        plan = _plan(conn, f"SELECT * FROM {table} WHERE {where}")
    assert index in plan, plan


def test_spatial_index_chosen_without_forcing_on_many_rows(engine, geography):
    # With realistic volume the planner picks the index by itself.
    with engine.begin() as conn:
        conn.execute(sa.text("""
            INSERT INTO initiative (title, geom, source, source_id, geocode_method,
                                    geocode_score)
            SELECT 'synthetic ' || g, ST_SetSRID(ST_MakePoint(-4 + (g % 1000) * 0.012,
                   42 + (g / 1000) * 0.09), 4326), 'synthetic', g::text, 'synthetic', 1
            FROM generate_series(1, 100000) g"""))
        conn.execute(sa.text("ANALYZE initiative"))
        plan = "\n".join(conn.scalars(sa.text(
            "EXPLAIN SELECT id FROM initiative "
            "WHERE geom && ST_MakeEnvelope(1.9, 48.9, 2.1, 49.1, 4326)")))
    assert "initiative_geom_gist" in plan, plan


@pytest.mark.parametrize("record, constraint", [
    (dict(kind="lieu"), "initiative_kind"),
    (dict(kind="initiative", place_type="France Services"), "initiative_place_type"),
    (dict(source="nowhere"), "initiative_source_fkey"),
])
def test_initiative_kind_and_source_constraints(session, geography, record, constraint):
    session.add(Initiative(**{"title": "x", "geom": from_shape(Point(2, 48), srid=4326),
                              "source": "s", "source_id": "1", "geocode_method": "m",
                              "geocode_score": 1, **record}))
    with pytest.raises(sa.exc.IntegrityError, match=constraint):
        session.commit()


def test_a_place_keeps_its_type_and_attributes_and_renaming_a_source_follows(session,
                                                                              geography):
    session.add(Initiative(title="France services", geom=from_shape(Point(2, 48), srid=4326),
                           source="s", source_id="1", geocode_method="m", geocode_score=1,
                           kind="place", place_type="France Services",
                           attributes={"format": "Bus", "nb_postes": 2}))
    session.commit()
    session.execute(sa.text("UPDATE source SET name = 's2' WHERE name = 's'"))
    session.commit()
    session.expunge_all()
    place = session.scalars(sa.select(Initiative)).one()
    assert (place.kind, place.place_type, place.attributes, place.source) == (
        "place", "France Services", {"format": "Bus", "nb_postes": 2}, "s2")


def test_migration_0003_backfills_a_source_row_per_source_in_use(engine, atlas_cli):
    assert atlas_cli("db", "downgrade", "0002").returncode == 0
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("""
                INSERT INTO epci (siren, name, name_folded, type)
                VALUES ('200059889', 'CU GPS&O', 'cu gps o', 'CU');
                INSERT INTO label_award (epci_siren, year, level, source)
                VALUES ('200059889', 2020, 4, 'palmares-2020.csv');
                INSERT INTO initiative (title, geom, source, source_id, geocode_method,
                                        geocode_score)
                VALUES ('x', ST_SetSRID(ST_MakePoint(2, 48), 4326), 'fiches.xlsx', '1',
                        'm', 1)"""))
    finally:
        up = atlas_cli("db", "upgrade")
    assert up.returncode == 0, up.stderr
    with engine.connect() as conn:
        assert conn.execute(sa.text(
            "SELECT name, title, attribution, synthetic FROM source ORDER BY name")).all() \
            == [("fiches.xlsx", "fiches.xlsx", "fiches.xlsx", False),
                ("palmares-2020.csv", "palmares-2020.csv", "palmares-2020.csv", False)]
        assert conn.scalar(sa.text("SELECT kind FROM initiative")) == "initiative"
