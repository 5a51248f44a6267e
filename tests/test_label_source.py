"""Label records from a declared source (``[records] kind = "label"``): the mapping's
checks, and the real press facts of ``ATLAS_DATASETS`` loaded as ``make demo`` does, each
award citing its page, what the geocoder cannot place counted in the rejects."""

from __future__ import annotations

import csv
import re

import pytest
import sqlalchemy as sa

from atlas.errors import InputError
from loaders import mapping

LABELS = """
[source]
name = "test-labels"
title = "Test labels"
attribution = "Test, 2024"

[file]
path = "x.csv"

[records]
kind = "label"

[columns]
commune = "ville"
year = "annee"
level = "niveau"
url = "page"
"""
FACTS = "label-awards-press-facts/awards.csv"


def test_a_label_mapping_reads_its_columns(tmp_path):
    path = tmp_path / "test-labels.toml"
    path.write_text(LABELS, encoding="utf-8")
    m = mapping.read(path, set())
    assert m.kind == "label" and m.columns["level"] == "niveau"


@pytest.mark.parametrize("change, message", [
    (('level = "niveau"\n', ""), "missing key columns.level (records.kind = 'label')"),
    (('url = "page"', 'url = "page"\ntitle = "nom"'),
     "columns.title is not for records.kind = 'label'"),
    (("[records]\nkind = \"label\"", "[records]\nkind = \"label\"\ndomains = []"),
     "label records take no domains"),
    (('kind = "label"', 'kind = "initiative"'),
     "missing key columns.title (records.kind = 'initiative')"),
])
def test_a_label_mapping_is_checked_for_its_kind(tmp_path, change, message):
    path = tmp_path / "test-labels.toml"
    path.write_text(LABELS.replace(*change), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message)):
        mapping.read(path, set())


def test_the_press_facts_load_each_award_citing_its_page(with_domains, atlas_cli, config,
                                                         tmp_path):
    if config.datasets is None or not (config.datasets / FACTS).is_file():
        pytest.fail(f"this test needs {FACTS} under ATLAS_DATASETS")
    with open(config.datasets / FACTS, encoding="utf-8") as f:
        facts = list(csv.DictReader(f))
    try:
        r = atlas_cli("load", "source", "label-awards-press-facts", "--reports", str(tmp_path))
        assert r.returncode == 0, r.stderr
        rejects = list(csv.DictReader((tmp_path / "rejects-label-awards-press-facts.csv")
                                      .open(encoding="utf-8")))
        with with_domains.connect() as conn:
            loaded = conn.execute(sa.text(
                "SELECT coalesce(commune_insee, epci_siren), year, level, url "
                "FROM label_award WHERE source = 'villes-internet-press-facts'")).all()
        assert len(loaded) + len(rejects) == len(facts)
        assert f"{len(facts)} read, {len(loaded)} loaded" in r.stdout
        # every row in the database or in the rejects file, with its reason
        assert {row["collectivite"] for row in rejects} >= {"Bromont"}
        assert all(row["reject_reason"] for row in rejects)
        assert all(url and url.startswith("http") for *_, url in loaded)
        assert ("64445", 2015, 5, None) not in loaded  # only what the file states
        urls = {(code, year): url for code, year, _, url in loaded}
        assert urls[("65440", 2020)] == ("https://lourdesactu.fr/2020/02/04/"
                                         "la-ville-de-tarbes-conserve-ses-5robases")
        _the_commune_page_cites_it(config, "65440", urls[("65440", 2020)])
        again = atlas_cli("load", "source", "label-awards-press-facts", "--reports",
                          str(tmp_path))
        assert f"{len(facts)} read, 0 loaded, 0 updated, {len(loaded)} unchanged" \
            in again.stdout
    finally:
        with with_domains.begin() as conn:
            conn.execute(sa.text("DELETE FROM label_award WHERE source = :s"),
                         {"s": "villes-internet-press-facts"})
            conn.execute(sa.text("DELETE FROM source WHERE name = :s"),
                         {"s": "villes-internet-press-facts"})


def _the_commune_page_cites_it(config, insee: str, url: str) -> None:
    from atlas.web import create_app

    client = create_app(config).test_client()
    labels = client.get(f"/api/communes/{insee}").get_json()["properties"]["labels"]
    assert {"year": 2020, "level": 5, "mentions": [], "url": url,
            "source": "villes-internet-press-facts"} in labels
    page = client.get(f"/communes/{insee}").get_data(as_text=True)
    assert f'<a href="{url}" rel="nofollow noopener">page citée</a>' in page


def test_a_label_url_must_be_a_web_address():
    from loaders.labels import parse_url
    from loaders.records import Rejected

    assert parse_url(" https://example.org/a ") == "https://example.org/a"
    assert parse_url("") is None
    for bad in ("javascript:alert(1)", "ftp://x", "http://a b"):
        with pytest.raises(Rejected, match="is not a web address"):
            parse_url(bad)
