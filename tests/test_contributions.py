"""Contributions (issue 21), through the web app with the web and writer roles: a
collectivité proposes, a moderator decides, the atlas shows the approved version only;
ownership, bad input, the public forms and their limits, the journal."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from atlas import accounts
from atlas.web import create_app
from loaders import contributions as publisher
from tests.conftest import clear_records
from tests.staff import PASSWORD, csrf_token, login, make_account, remove_accounts

FICHE = {"title": "Ateliers de réparation d'ordinateurs", "year": "2025",
         "summary": "Chaque samedi, des bénévoles réparent\navec les habitants.",
         "domains": ["mediation", "solidarites"], "url": "https://ville.test/ateliers",
         "commune": "94076", "lat": "", "lon": ""}


@pytest.fixture(scope="module")
def app(config, with_domains):
    app = create_app(config, publisher=publisher)
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)  # CSRF: its own test below
    make_account(with_domains, "agent@villejuif.test", "contributor", "94076")
    make_account(with_domains, "agent@arcueil.test", "contributor", "94003")
    make_account(with_domains, "relecture@asso.test", "moderator")
    with with_domains.begin() as conn:  # an EPCI's agent: the Métropole du Grand Paris
        _, token = accounts.add(conn, "agent@metropole.test", "contributor",
                                epci="200054781")
        accounts.activate(conn, token, PASSWORD)
    yield app
    remove_accounts(with_domains)
    clear_records(with_domains)


def _client(app, email=None):
    client = app.test_client()
    if email:
        assert login(client, email).status_code == 302
    return client


@pytest.fixture(scope="module")
def villejuif(app):
    return _client(app, "agent@villejuif.test")


@pytest.fixture(scope="module")
def arcueil(app):
    return _client(app, "agent@arcueil.test")


@pytest.fixture(scope="module")
def moderator(app):
    return _client(app, "relecture@asso.test")


def _published(app, title_word: str) -> list[str]:
    answer = app.test_client().get(f"/api/initiatives?source=contributions&q={title_word}")
    assert answer.status_code == 200
    return [f["properties"]["title"] for f in answer.get_json()["features"]]


def _propose(client, **changes) -> int:
    answer = client.post("/contribuer/fiches/nouvelle", data={**FICHE, **changes})
    assert answer.status_code == 303, answer.get_data(as_text=True)[-600:]
    return int(re.search(r"/contribuer/fiches/(\d+)$", answer.headers["Location"]).group(1))


def _pending_revision(engine, fiche_id: int) -> int:
    with engine.connect() as conn:
        return conn.scalar(sa.text("SELECT id FROM fiche_revision WHERE fiche_id = :f "
                                   "AND status = 'pending'"), {"f": fiche_id})


def test_a_fiche_is_published_only_once_approved_and_edits_wait_too(
        app, villejuif, moderator, with_domains):
    fiche_id = _propose(villejuif, title="Repair café numérique de Villejuif")
    assert _published(app, "repair") == []  # not on the map, not in the API
    mine = villejuif.get("/contribuer").get_data(as_text=True)
    assert "Repair café numérique de Villejuif" in mine and "non publiée" in mine

    queue = moderator.get("/admin/moderation/").get_data(as_text=True)
    assert "Nouvelle fiche" in queue and "Repair café numérique de Villejuif" in queue
    revision_id = _pending_revision(with_domains, fiche_id)
    item = moderator.get(f"/admin/moderation/fiches/{revision_id}").get_data(as_text=True)
    assert "Villejuif" in item and "agent@villejuif.test" in item
    assert "Médiation" in item or "mediation" in item

    answer = moderator.post(f"/admin/moderation/fiches/{revision_id}",
                            data={"decision": "approve"})
    assert answer.status_code == 303
    # Visible as soon as the approval's answer arrives: the write path ran in it.
    assert _published(app, "repair") == ["Repair café numérique de Villejuif"]
    with with_domains.connect() as conn:
        src = conn.execute(sa.text("SELECT attribution, licence FROM source "
                                   "WHERE name = 'contributions'")).one()
        assert tuple(src) == ("Contributions des collectivités", "Licence Ouverte 2.0")
        assert conn.scalar(sa.text("SELECT count(*) FROM audit_event "
                                   "WHERE action = 'contribution.approved'")) >= 1
        place = conn.execute(sa.text(
            "SELECT commune_insee, geocode_method FROM initiative "
            "WHERE source = 'contributions' AND source_id = :k"),
            {"k": f"fiche-{fiche_id}"}).one()
    assert tuple(place) == ("94076", "contribution_commune")

    # An edit: the published version stays until the edit is approved.
    answer = villejuif.post(f"/contribuer/fiches/{fiche_id}/modifier",
                            data={**FICHE, "title": "Repair café numérique, tous les samedis"})
    assert answer.status_code == 303
    assert _published(app, "repair") == ["Repair café numérique de Villejuif"]
    page = villejuif.get(f"/contribuer/fiches/{fiche_id}").get_data(as_text=True)
    assert "La version publiée reste en ligne" in page
    revision_id = _pending_revision(with_domains, fiche_id)
    item = moderator.get(f"/admin/moderation/fiches/{revision_id}").get_data(as_text=True)
    assert "Modification d&#39;une fiche publiée" in item or "Modification d'une" in item
    changed = re.findall(r'<td class="text-block changed">([^<]*)</td>', item)
    assert changed == ["Repair café numérique, tous les samedis"]
    moderator.post(f"/admin/moderation/fiches/{revision_id}", data={"decision": "approve"})
    assert _published(app, "repair") == ["Repair café numérique, tous les samedis"]


def test_another_collectivite_reaches_nothing_and_contributors_cannot_moderate(
        app, villejuif, arcueil, with_domains):
    fiche_id = _propose(villejuif, title="Fiche que seule Villejuif voit")
    revision_id = _pending_revision(with_domains, fiche_id)
    for method, path in (("GET", f"/contribuer/fiches/{fiche_id}"),
                         ("GET", f"/contribuer/fiches/{fiche_id}/modifier"),
                         ("POST", f"/contribuer/fiches/{fiche_id}/modifier"),
                         ("POST", f"/contribuer/fiches/{fiche_id}/retirer"),
                         ("POST", f"/contribuer/fiches/{fiche_id}/depublier")):
        answer = arcueil.open(path, method=method, data={**FICHE, "commune": "94003"})
        assert answer.status_code == 404, (method, path)
    assert "Fiche que seule Villejuif voit" not in arcueil.get("/contribuer").get_data(
        as_text=True)
    for client in (arcueil, villejuif):
        assert client.get("/admin/moderation/").status_code == 403
        assert client.post(f"/admin/moderation/fiches/{revision_id}",
                           data={"decision": "approve"}).status_code == 403
        assert client.post("/admin/moderation/lot",
                           data={"revision": str(revision_id)}).status_code == 403
    anonymous = app.test_client()
    assert anonymous.get("/contribuer").status_code == 302
    assert anonymous.post("/contribuer/fiches/nouvelle", data=FICHE).status_code == 302
    assert anonymous.get("/admin/moderation/").status_code == 302
    assert _pending_revision(with_domains, fiche_id) == revision_id  # nothing decided


@pytest.mark.parametrize("changes, message", [
    ({"title": ""}, "Titre : champ obligatoire"),
    ({"title": "Atelier\x00"}, "title : caractère de contrôle U+0000"),  # at the door
    ({"title": "Atelier\tdu samedi"}, "Titre : caractère de contrôle"),  # one line only
    ({"title": "x" * 301}, "Titre : 300 caractères au plus"),
    ({"summary": "y" * 10_001}, "Description : 10000 caractères au plus"),
    ({"url": "javascript:alert(1)"}, "Lien : une adresse http"),
    ({"year": "1850"}, "Année : un nombre de 1980"),
    ({"year": "２０２４"}, "Année"),
    ({"domains": []}, "Domaines : choisissez au moins un domaine"),
    ({"domains": ["astrologie"]}, "Domaines : domaine inconnu"),
    ({"commune": "94003"}, "Lieu : choisissez une commune de votre collectivité"),
    ({"lat": "48.8566", "lon": "2.3522"}, "Point : il doit se trouver dans la commune"),
    ({"lat": "quarante", "lon": "2"}, "Point : longitude et latitude"),
])
def test_bad_input_is_refused_with_its_reason_and_nothing_is_stored(
        app, villejuif, with_domains, changes, message):
    with with_domains.connect() as conn:
        before = conn.scalar(sa.text("SELECT count(*) FROM fiche_revision"))
    answer = villejuif.post("/contribuer/fiches/nouvelle", data={**FICHE, **changes})
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert message in page.replace("&#39;", "'")
    if not message.startswith("title :"):  # the form again, with the reason
        assert 'role="alert"' in page and "Envoyer pour relecture" in page
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM fiche_revision")) == before


def test_a_point_inside_the_commune_places_the_record_there(app, villejuif, moderator,
                                                            with_domains):
    fiche_id = _propose(villejuif, title="Borne d'accès au droit, place de la mairie",
                        lat="48.7922", lon="2.3636")
    moderator.post(f"/admin/moderation/fiches/{_pending_revision(with_domains, fiche_id)}",
                   data={"decision": "approve"})
    with with_domains.connect() as conn:
        row = conn.execute(sa.text(
            "SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat, geocode_method FROM initiative "
            "WHERE source = 'contributions' AND source_id = :k"),
            {"k": f"fiche-{fiche_id}"}).one()
    assert (round(row.lon, 4), round(row.lat, 4), row.geocode_method) == (
        2.3636, 48.7922, "contribution_point")


def test_changes_asked_reach_the_contributor_as_text(app, villejuif, moderator,
                                                     with_domains):
    fiche_id = _propose(villejuif, title="Fiche à préciser")
    revision_id = _pending_revision(with_domains, fiche_id)
    refused = moderator.post(f"/admin/moderation/fiches/{revision_id}",
                             data={"decision": "changes", "message": ""})
    assert refused.status_code == 400  # a request for changes says which
    moderator.post(f"/admin/moderation/fiches/{revision_id}",
                   data={"decision": "changes",
                         "message": "Précisez le public <b>visé</b>, s'il vous plaît."})
    page = villejuif.get(f"/contribuer/fiches/{fiche_id}").get_data(as_text=True)
    assert "modifications demandées" in page
    assert "&lt;b&gt;visé&lt;/b&gt;" in page and "<b>visé</b>" not in page
    assert "modifications demandées" in villejuif.get("/contribuer").get_data(as_text=True)
    assert _published(app, "preciser") == []
    # The edit form starts from the contributor's last wording, to amend it.
    form = villejuif.get(f"/contribuer/fiches/{fiche_id}/modifier").get_data(as_text=True)
    assert 'value="Fiche à préciser"' in form


def test_withdraw_and_unpublish(app, villejuif, moderator, with_domains):
    fiche_id = _propose(villejuif, title="Cartographie participative des bancs")
    assert villejuif.post(f"/contribuer/fiches/{fiche_id}/retirer").status_code == 303
    assert _pending_revision(with_domains, fiche_id) is None
    villejuif.post(f"/contribuer/fiches/{fiche_id}/modifier", data={
        **FICHE, "title": "Cartographie participative des bancs"})
    moderator.post(f"/admin/moderation/fiches/{_pending_revision(with_domains, fiche_id)}",
                   data={"decision": "approve"})
    assert _published(app, "bancs") == ["Cartographie participative des bancs"]

    assert villejuif.post(f"/contribuer/fiches/{fiche_id}/depublier").status_code == 303
    assert _published(app, "bancs") == ["Cartographie participative des bancs"]  # waits
    queue = moderator.get("/admin/moderation/?type=unpublish").get_data(as_text=True)
    assert "Cartographie participative des bancs" in queue
    moderator.post(f"/admin/moderation/fiches/{_pending_revision(with_domains, fiche_id)}",
                   data={"decision": "approve"})
    assert _published(app, "bancs") == []
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT state FROM fiche WHERE id = :f"),
                           {"f": fiche_id}) == "unpublished"


def test_bulk_approval_publishes_the_chosen_fiches_in_one_write(app, villejuif, moderator,
                                                                with_domains):
    ids = [_propose(villejuif, title=f"Semaine du numérique, édition {n}") for n in (1, 2)]
    left = _propose(villejuif, title="Semaine du numérique, brouillon")
    revisions = [_pending_revision(with_domains, f) for f in ids]
    with with_domains.connect() as conn:
        version = conn.scalar(sa.text("SELECT version FROM data_version"))
    answer = moderator.post("/admin/moderation/lot",
                            data={"revision": [str(r) for r in revisions]})
    assert answer.status_code == 303
    assert sorted(_published(app, "semaine")) == [
        "Semaine du numérique, édition 1", "Semaine du numérique, édition 2"]
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT version FROM data_version")) == version + 1
    assert _pending_revision(with_domains, left) is not None


def test_an_epci_agent_places_fiches_in_member_communes(app, moderator, with_domains):
    metropole = _client(app, "agent@metropole.test")
    form = metropole.get("/contribuer/fiches/nouvelle").get_data(as_text=True)
    assert 'value="94076"' in form and 'value="75056"' in form
    assert 'value="2A004"' not in form
    refused = metropole.post("/contribuer/fiches/nouvelle",
                             data={**FICHE, "commune": "2A004"})
    assert refused.status_code == 400
    fiche_id = _propose(metropole, title="Données ouvertes métropolitaines",
                        commune="94076")
    moderator.post(f"/admin/moderation/fiches/{_pending_revision(with_domains, fiche_id)}",
                   data={"decision": "approve"})
    with with_domains.connect() as conn:
        row = conn.execute(sa.text(
            "SELECT commune_insee, epci_siren FROM initiative WHERE source_id = :k"),
            {"k": f"fiche-{fiche_id}"}).one()
    assert tuple(row) == ("94076", "200054781")
    # The commune's own agent does not reach the EPCI's fiche.
    villejuif = _client(app, "agent@villejuif.test")
    assert villejuif.get(f"/contribuer/fiches/{fiche_id}").status_code == 404


def test_a_public_report_reaches_the_queue_and_a_fix_is_audited(app, moderator,
                                                               with_domains):
    target = _published_id(app, with_domains, "Rapport d'activité numérique")
    visitor = app.test_client()
    form = visitor.get(f"/initiatives/{target}/signaler")
    assert form.status_code == 200 and form.headers["Cache-Control"] == "no-store"
    page = visitor.get(f"/initiatives/{target}").get_data(as_text=True)
    assert f"/initiatives/{target}/signaler" in page
    sent = visitor.post(f"/initiatives/{target}/signaler",
                        data={"text": "L'année est fausse : c'était en 2023. <script>x</script>"})
    assert sent.status_code == 200
    assert visitor.post("/initiatives/999999999/signaler",
                        data={"text": "?"}).status_code == 404

    queue = moderator.get("/admin/moderation/?type=report").get_data(as_text=True)
    assert "Signalement" in queue and "Rapport d&#39;activité numérique" in queue
    with with_domains.connect() as conn:
        report_id = conn.scalar(sa.text("SELECT max(id) FROM error_report"))
    item = moderator.get(f"/admin/moderation/signalements/{report_id}").get_data(as_text=True)
    assert "&lt;script&gt;x&lt;/script&gt;" in item and "<script>x</script>" not in item

    answer = moderator.post(f"/admin/moderation/signalements/{report_id}", data={
        "decision": "fix", "title": "Rapport d'activité numérique 2023", "year": "2023",
        "domains": ["mediation"], "summary": "", "url": ""})
    assert answer.status_code == 303
    assert _published(app, "rapport") == ["Rapport d'activité numérique 2023"]
    with with_domains.connect() as conn:
        event = conn.execute(sa.text("SELECT before, after FROM audit_event "
                                     "WHERE action = 'record.fixed'")).one()
        assert conn.scalar(sa.text("SELECT status FROM error_report WHERE id = :r"),
                           {"r": report_id}) == "fixed"
    assert event.before["year"] == 2025 and event.after["year"] == 2023


def _published_id(app, engine, title: str) -> int:
    villejuif = _client(app, "agent@villejuif.test")
    moderator = _client(app, "relecture@asso.test")
    fiche_id = _propose(villejuif, title=title)
    moderator.post(f"/admin/moderation/fiches/{_pending_revision(engine, fiche_id)}",
                   data={"decision": "approve"})
    with engine.connect() as conn:
        return conn.scalar(sa.text("SELECT id FROM initiative WHERE source_id = :k"),
                           {"k": f"fiche-{fiche_id}"})


def test_reports_are_rate_limited_per_sender(app, with_domains):
    target = _published_id(app, with_domains, "Fiche très signalée")
    sender = app.test_client()
    codes = [sender.post(f"/initiatives/{target}/signaler", data={"text": f"erreur {n}"},
                         environ_base={"REMOTE_ADDR": "192.0.2.7"}).status_code
             for n in range(6)]
    assert codes == [200] * 5 + [429]
    other = sender.post(f"/initiatives/{target}/signaler", data={"text": "autre"},
                        environ_base={"REMOTE_ADDR": "192.0.2.8"})
    assert other.status_code == 200
    with with_domains.connect() as conn:
        stored = conn.scalars(sa.text("SELECT requester FROM error_report")).all()
    assert not any("192.0.2" in s for s in stored)  # the address itself is not kept
    empty = sender.post(f"/initiatives/{target}/signaler", data={"text": "  "},
                        environ_base={"REMOTE_ADDR": "192.0.2.9"})
    assert empty.status_code == 400


def test_an_account_request_becomes_a_contributor_account(app, moderator, with_domains):
    visitor = app.test_client()
    assert visitor.get("/contribuer/demande").status_code == 200
    bad = visitor.post("/contribuer/demande", data={
        "name": "Camille Martin", "email": "camille@arcueil.test", "position": "DGS",
        "collectivite": "Atlantide"})
    assert bad.status_code == 400 and "Collectivité" in bad.get_data(as_text=True)
    sent = visitor.post("/contribuer/demande", data={
        "name": "Camille Martin", "email": "Camille@Gentilly.test",
        "position": "Chargée de mission numérique", "collectivite": "Gentilly (94037)",
        "message": "Nous voulons décrire nos ateliers."})
    assert sent.status_code == 200
    queue = moderator.get("/admin/moderation/?type=account&departement=94").get_data(
        as_text=True)
    assert "Camille Martin (Chargée de mission numérique)" in queue
    with with_domains.connect() as conn:
        request_id = conn.scalar(sa.text("SELECT max(id) FROM account_request"))
    page = moderator.post(f"/admin/moderation/comptes/{request_id}",
                          data={"decision": "accept"}).get_data(as_text=True)
    link = re.search(r"/activation/([\w-]+)", page).group(1)
    activated = app.test_client().post(f"/activation/{link}", data={
        "password": PASSWORD, "confirm": PASSWORD})
    assert activated.status_code in (200, 302, 303)
    with with_domains.connect() as conn:
        made = accounts.by_email(conn, "camille@gentilly.test")
    assert (made.role, made.commune_insee, made.activated) == ("contributor", "94037", True)
    # A second request with that e-mail cannot become a second account: said in French.
    visitor.post("/contribuer/demande", data={
        "name": "Camille Martin", "email": "camille@gentilly.test", "position": "DGS",
        "collectivite": "94037"}, environ_base={"REMOTE_ADDR": "192.0.2.99"})
    with with_domains.connect() as conn:
        again = conn.scalar(sa.text("SELECT max(id) FROM account_request"))
    refused = moderator.post(f"/admin/moderation/comptes/{again}", data={"decision": "accept"})
    assert refused.status_code == 400
    assert "un compte existe déjà" in refused.get_data(as_text=True)
    # No contributor's personal data in what the public reads.
    for path in ("/api/initiatives?source=contributions", "/export/initiatives.csv"):
        body = app.test_client().get(path).get_data(as_text=True)
        assert "gentilly.test" not in body and "villejuif.test" not in body
        assert "Camille" not in body


def test_account_requests_are_rate_limited(app, with_domains):
    sender = app.test_client()
    codes = [sender.post("/contribuer/demande", data={
        "name": f"Personne {n}", "email": f"p{n}@ville.test", "position": "agent",
        "collectivite": "94076"}, environ_base={"REMOTE_ADDR": "198.51.100.4"}).status_code
        for n in range(4)]
    assert codes == [200, 200, 200, 429]


def test_public_forms_need_their_csrf_token(config, with_domains):
    app = create_app(config, publisher=publisher)
    app.config.update(TESTING=True)
    target = None
    with with_domains.connect() as conn:
        target = conn.scalar(sa.text("SELECT min(id) FROM initiative"))
        before = conn.scalar(sa.text("SELECT count(*) FROM error_report"))
    visitor = app.test_client()
    refused = visitor.post(f"/initiatives/{target}/signaler", data={"text": "sans jeton"})
    assert refused.status_code == 400
    token = csrf_token(visitor, f"/initiatives/{target}/signaler")
    assert visitor.post(f"/initiatives/{target}/signaler",
                        data={"text": "avec jeton", "csrf_token": token}).status_code == 200
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM error_report")) == before + 1


def test_signed_in_forms_need_their_csrf_token(config, with_domains):
    app = create_app(config, publisher=publisher)
    app.config.update(TESTING=True)  # CSRF checked
    agent, moderator = app.test_client(), app.test_client()
    assert login(agent, "agent@villejuif.test").status_code == 302
    assert login(moderator, "relecture@asso.test").status_code == 302
    with with_domains.connect() as conn:
        before = conn.scalar(sa.text("SELECT count(*) FROM fiche_revision"))
        waiting = conn.scalar(sa.text("SELECT max(id) FROM fiche_revision "
                                      "WHERE status = 'pending'"))
    assert agent.post("/contribuer/fiches/nouvelle", data=FICHE).status_code == 400
    assert waiting is not None
    for path in (f"/admin/moderation/fiches/{waiting}", "/admin/moderation/lot"):
        assert moderator.post(path, data={"decision": "approve",
                                          "revision": str(waiting)}).status_code == 400
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM fiche_revision")) == before
        assert conn.scalar(sa.text("SELECT status FROM fiche_revision WHERE id = :r"),
                           {"r": waiting}) == "pending"
    token = csrf_token(agent, "/contribuer/fiches/nouvelle")
    sent = agent.post("/contribuer/fiches/nouvelle", data={**FICHE, "csrf_token": token})
    assert sent.status_code == 303


def test_contributed_text_is_neutralised_in_spreadsheets(app, with_domains):
    _published_id(app, with_domains, "=HYPERLINK(\"http://piege.test\";\"clic\")")
    body = app.test_client().get("/export/initiatives.csv?source=contributions").get_data(
        as_text=True)
    assert "'=HYPERLINK" in body


def test_removing_the_contributions_source_unpublishes_its_fiches(app, villejuif, moderator,
                                                                   with_domains, config):
    """The console's "remove this source's data" on ``contributions`` takes the fiches
    out of the published state in the same write: none stays marked published with no
    record behind it. (Last in the module: it removes every published fiche.)"""
    from atlas import jobs
    from loaders import console

    fiche = _propose(villejuif, title="Permanence numérique du samedi")
    revision = _pending_revision(with_domains, fiche)
    assert moderator.post(f"/admin/moderation/fiches/{revision}",
                          data={"decision": "approve"}).status_code == 303
    assert _published(app, "permanence") == ["Permanence numérique du samedi"]
    with with_domains.begin() as conn:
        published = conn.scalar(sa.text("SELECT count(*) FROM fiche WHERE state = 'published'"))
        user = conn.scalar(sa.text("SELECT id FROM app_user WHERE email = 'relecture@asso.test'"))
        job = jobs.create(conn, "remove_source", user, source="contributions")
    assert console.run(config, job) == "done"
    assert _published(app, "permanence") == []
    with with_domains.connect() as conn:
        states = dict(conn.execute(sa.text(
            "SELECT state, count(*) FROM fiche GROUP BY state")).all())
        counts = conn.scalar(sa.text(
            "SELECT counts FROM audit_event WHERE action = 'source.remove_records' "
            "ORDER BY id DESC LIMIT 1"))
    assert "published" not in states and published >= 1
    assert counts == {"removed": published, "fiches_unpublished": published}
