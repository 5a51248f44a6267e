"""The domain taxonomy file is the source of truth, merged idempotently."""

import sqlalchemy as sa
import pytest

from atlas.errors import InputError
from loaders import domains, pipeline

REQUIRED = {"emploi", "culture-patrimoine", "services-publics", "identite", "education",
            "democratie-locale", "cooperation", "vie-quotidienne", "developpement-economique",
            "solidarites", "vie-associative", "cohesion-sociale", "attractivite", "mediation",
            "innovation", "transition-ecologique"}


def test_shipped_taxonomy_has_the_villes_internet_enjeux():
    rows = domains.read()
    assert {r.code for r in rows} == REQUIRED
    assert all(r.keywords and r.label for r in rows)
    assert next(r for r in rows if r.code == "education").label == "Éducation"


def _merge(engine, rows):
    with pipeline.transaction(engine) as w:
        counts = domains.merge(w.conn, rows, w.changes)
    return counts, w.derived.version


def test_merge_is_idempotent_and_removes_unlisted(engine):
    rows = domains.read()
    counts, version = _merge(engine, rows)
    assert counts["added"] == 16 and version is not None
    # Unchanged: nothing written, the data version does not move.
    assert _merge(engine, rows) == ({"domains": 16, "added": 0, "removed": 0}, None)
    renamed = [r if r.code != "emploi" else domains.DomainRow(
        "emploi", "Emploi et insertion", r.keywords, None, r.position) for r in rows[1:]]
    counts, version = _merge(engine, renamed)
    assert counts["removed"] == 1 and version is not None
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM domain")) == 15


def test_a_domain_in_use_is_not_removed(engine):
    rows = domains.read()
    _merge(engine, rows)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO source (name, title, attribution) "
                             "VALUES ('s', 's', 's')"))
        conn.execute(sa.text(
            "INSERT INTO initiative (title, geom, source, source_id, geocode_method, "
            "geocode_score) VALUES ('x', 'SRID=4326;POINT(2 48)', 's', '1', 'm', 1)"))
        conn.execute(sa.text("INSERT INTO initiative_domain SELECT id, 'mediation' "
                             "FROM initiative"))
    with pytest.raises(InputError, match="still used by initiatives cannot be removed.*mediation"):
        _merge(engine, [r for r in rows if r.code != "mediation"])
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM domain")) == 16


@pytest.mark.parametrize("content, message", [
    ("code,label\nx,y\n", "missing column(s) keywords"),
    ("code,label,keywords\nBad Code,Label,a\n", ":2: code 'Bad Code' must be"),
    ("code,label,keywords\na,A,k\na,B,k\n", ":3: domain 'a' / 'B' is listed twice"),
    ("code,label,keywords\na,,k\n", ":2: domain a has no label"),
    ("code,label,keywords\n", "no domain listed"),
])
def test_bad_taxonomy_file_is_refused_with_its_line(tmp_path, content, message):
    path = tmp_path / "domains.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as e:
        domains.read(path)
    assert message in str(e.value)


def test_latin1_taxonomy_is_refused_clearly(tmp_path):
    path = tmp_path / "domains.csv"
    path.write_bytes("code,label,keywords\neducation,Éducation,école\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        domains.read(path)
