"""Contributions (issue 21): from a moderator's approval to the fiche's visibility.

A contributor's fiche (written for the benchmark, saying so in its title, about a real
commune) waits in the queue; the clock starts when the moderator's "Approuver et publier"
request is sent to the app (the web's role reads, the writer's role publishes through
the write path in that request) and stops when ``/api/initiatives`` answers with the
fiche and ``/api/clusters`` around the commune counts it (what the map reads), with
``n`` initiatives in the database (target < 1 s).
"""

from __future__ import annotations

import time

import sqlalchemy as sa

from atlas import accounts, contributions
from atlas.config import Config
from bench import data
from bench.harness import Figure
from loaders import contributions as publisher
from loaders import initiatives, pipeline
from loaders.records import LoadReport

PASSWORD = "un mot de passe de banc assez long"
BBOX = "2.33,48.77,2.39,48.81"  # around Villejuif (94076)


def _account(engine, email: str, role: str, commune: str | None = None):
    with engine.begin() as conn:
        found = accounts.by_email(conn, email)
        if found is None:
            found, token = accounts.add(conn, email, role, commune=commune)
            found = accounts.activate(conn, token, PASSWORD)
        return found


def _forget(engine) -> None:
    with pipeline.transaction(engine) as w:
        keys = list(w.conn.scalars(sa.text(
            "SELECT source_id FROM initiative WHERE source = :s"),
            {"s": contributions.SOURCE}))
        initiatives.remove(w.conn, contributions.SOURCE, keys, LoadReport("bench"),
                           w.changes)
        w.conn.execute(sa.text("TRUNCATE fiche_revision, fiche CASCADE"))


def _count(client, title: str) -> tuple[bool, int]:
    got = client.get("/api/initiatives?source=contributions").json
    listed = [f["properties"]["title"] for f in got["features"]] == [title]
    clusters = client.get(f"/api/clusters?source=contributions&bbox={BBOX}&zoom=12").json
    return listed, clusters["numberMatched"]


def run(engine, config: Config, n: int = 100_000, repeat: int = 10) -> list[Figure]:
    from atlas.web import create_app

    data.ensure_domains(engine)
    setup = data.ensure_synthetic(engine, n)
    agent = _account(engine, "banc-agent@villejuif.test", "contributor", "94076")
    moderator = _account(engine, "banc-moderation@asso.test", "moderator")
    app = create_app(config, publisher=publisher)
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    client = app.test_client()
    signed = client.post("/connexion", data={"email": moderator.email, "password": PASSWORD})
    assert signed.status_code == 302, signed.status_code
    runs = []
    for i in range(repeat + 1):  # the first is a warm-up (imports, plans)
        _forget(engine)
        title = f"Fiche de banc d'essai (synthétique) numéro {i}"
        with engine.begin() as conn:
            fiche_id = contributions.create_fiche(conn, agent, {
                "title": title, "summary": "Fiche écrite pour le banc d'essai.",
                "year": 2025, "domains": ["mediation"], "url": None,
                "commune_insee": "94076", "lon": None, "lat": None})
            revision_id = conn.scalar(sa.text(
                "SELECT id FROM fiche_revision WHERE fiche_id = :f"), {"f": fiche_id})
        start = time.perf_counter()
        answer = client.post(f"/admin/moderation/fiches/{revision_id}",
                             data={"decision": "approve"})
        assert answer.status_code == 303, answer.status_code
        while _count(client, title) != (True, 1):
            pass
        runs.append(time.perf_counter() - start)
    _forget(engine)
    return [Figure(
        f"contribution: moderator's approval to the fiche in /api/initiatives and the map's "
        f"clusters, {n:,} initiatives in the database", "< 1 s (issue 21)", runs=runs[1:],
        unit="ms", note="the approval request (publication through the write path in it), "
        "then GETs until both answers show the fiche; through the app in process (no "
        f"HTTP); synthetic data set up in {setup:.0f} s")]
