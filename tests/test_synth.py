"""Synthetic records for benchmarks: deterministic, spread like the real atlas, always
marked ``source=synthetic``, never overwriting a real award."""

import sqlalchemy as sa

from loaders import pipeline, synth

COMMUNES = [("75056", "Paris", 2_100_000), ("94076", "Villejuif", 60_000),
            ("01001", "L'Abergement-Clémenciat", 800)]
DOMAINS = ["education", "mediation", "services-publics", "emploi"]


def test_same_seed_same_rows_and_a_realistic_spread():
    a = synth.initiative_rows(COMMUNES, DOMAINS, 3000, seed=7)
    assert a == synth.initiative_rows(COMMUNES, DOMAINS, 3000, seed=7)
    assert a != synth.initiative_rows(COMMUNES, DOMAINS, 3000, seed=8)
    by_commune = {c: sum(r["commune_insee"] == c for r in a) for c, _, _ in COMMUNES}
    assert by_commune["75056"] > by_commune["94076"] > by_commune["01001"]
    assert {d for r in a for d in r["domains"]} == set(DOMAINS)
    years = [r["year"] for r in a]
    assert min(years) >= 2000 and max(years) == 2025
    assert sum(y >= 2020 for y in years) > sum(y < 2010 for y in years)
    assert all("synthétique" in r["summary"] for r in a)


def test_awards_move_one_at_a_time_over_consecutive_years():
    awards = synth.award_rows(COMMUNES, 2, seed=3)
    assert len({a["commune_insee"] for a in awards}) == 2
    for c in {a["commune_insee"] for a in awards}:
        mine = [a for a in awards if a["commune_insee"] == c]
        assert [a["year"] for a in mine] == list(range(mine[0]["year"], mine[-1]["year"] + 1))
        assert all(abs(x["level"] - y["level"]) <= 1 for x, y in zip(mine, mine[1:]))


def test_synth_command_replaces_its_rows_and_never_a_real_award(loaded, atlas_cli):
    from loaders import domains

    with pipeline.transaction(loaded) as w:
        conn = w.conn
        domains.merge(conn, domains.read(domains.DEFAULT_FILE), w.changes)
        conn.execute(sa.text("INSERT INTO source (name, title, attribution) "
                             "VALUES ('real.csv', 'real.csv', 'real.csv')"))
        conn.execute(sa.text("INSERT INTO label_award (commune_insee, year, level, source) "
                             "SELECT insee, y, 5, 'real.csv' FROM commune, "
                             "generate_series(2010, 2026) y WHERE insee = '75056'"))
        w.changes.holders.add("75056")
    for _ in range(2):
        r = atlas_cli("synth", "--initiatives", "2000", "--award-communes", "300", "--seed", "4")
        assert r.returncode == 0, r.stderr
    with loaded.connect() as conn:
        count = dict(conn.execute(sa.text(
            "SELECT source, count(*) FROM initiative GROUP BY source")).all())
        assert count == {"synthetic": 2000}
        assert conn.execute(sa.text("SELECT synthetic, attribution FROM source "
                                    "WHERE name = 'synthetic'")).one()[0] is True
        assert conn.scalar(sa.text("SELECT count(*) FROM initiative_search")) == 2000
        assert conn.scalar(sa.text(
            "SELECT count(DISTINCT commune_insee) FROM label_award WHERE source = 'synthetic'")) \
            <= 300
        real = conn.execute(sa.text("SELECT DISTINCT level, source FROM label_award "
                                    "WHERE commune_insee = '75056'")).all()
        assert real == [(5, "real.csv")]
    r = atlas_cli("synth", "--initiatives", "0", "--award-communes", "0")
    assert r.returncode == 0 and "removed 2000 initiatives" in r.stdout
    with loaded.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM initiative")) == 0
        assert conn.scalar(sa.text(
            "SELECT count(*) FROM label_award WHERE source = 'synthetic'")) == 0
