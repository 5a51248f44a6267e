"""``/api/stats`` counted on the process's columnar copy (``atlas.queries.facets``)
answers what the SQL counts (``atlas.queries.stats.sql_counts``) answer, on the API's
hand-checked records (an EPCI's record, awards of communes and of an EPCI, a former
commune code) and a few thousand synthetic ones."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
import sqlalchemy as sa

from atlas import filters
from atlas.queries import facets, stats
from loaders import pipeline, synth

OWN = {name: own for name, (own, _) in stats.FACETS.items()}


@pytest.fixture(scope="module")
def records(api_data, with_domains):
    with pipeline.transaction(with_domains) as w:
        synth.run(w.conn, w.changes, 3_000, 300, seed=5)
    return with_domains


def parsed(query: str) -> filters.Filters:
    return filters.parse({k: v for k, v in parse_qs(query, keep_blank_values=True).items()})


@pytest.mark.parametrize("query", [
    "domain=education", "domain=mediation,services-publics&level=4,5",
    "label_year=2020&level=5", "label_year=2021", "label_year=2021&level=3",
    "label_year=2019&level=4&domain=education", "source=synthetic&level=1",
    "source=api-test", "region=11&year_min=2019", "departement=94,2A&year_max=2020",
    "commune=75076", "commune=94076,2A004&level=2,3,4", "q=numérique",
    "q=tablettes%20école&domain=education", "bbox=2.2,48.7,2.5,48.9",
    "bbox=2.2,48.7,2.5,48.9&level=4,5&year_min=2018", "kind=initiative&level=1,2",
    "year_min=2000&year_max=2010&region=84", "domain=cooperation&label_year=2021&level=3",
    "q=zzzz-introuvable", "level=5&departement=971",
])
def test_columnar_counts_equal_the_sql_counts(records, query):
    f = parsed(query)
    with records.connect() as conn:
        total, counts = facets.counts(conn, f, OWN)
        assert (total, counts) == stats.sql_counts(conn, f), query
    assert total or query in ("q=zzzz-introuvable", "level=5&departement=971")


def test_a_write_is_counted_by_the_next_request(records, api_data):
    f = parsed("label_year=2021&level=3")
    with records.connect() as conn:
        before, _ = facets.counts(conn, f, OWN)
    epci_record = api_data["Observatoire métropolitain des données"]
    with pipeline.transaction(records) as w:  # the EPCI's award of 2021 moves to 4 @
        w.conn.execute(sa.text("UPDATE label_award SET level = 4 WHERE epci_siren = "
                               "'200054781' AND year = 2021"))
        w.changes.holders.add("200054781")
    try:
        with records.connect() as conn:
            after, counts = facets.counts(conn, f, OWN)
            assert (after, counts) == stats.sql_counts(conn, f)
            assert after == before - 1 and counts["level"].get(4, 0) >= 1
            assert conn.scalar(sa.text("SELECT count(*) FROM initiative_search WHERE id = "
                                       ":id AND level = 4"), {"id": epci_record}) == 1
    finally:
        with pipeline.transaction(records) as w:
            w.conn.execute(sa.text("UPDATE label_award SET level = 3 WHERE epci_siren = "
                                   "'200054781' AND year = 2021"))
            w.changes.holders.add("200054781")
