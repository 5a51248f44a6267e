"""The staff console: imports previewed as a dry run then loaded by a detached job,
through the one write path; sources edited and emptied; the audit journal; the writer
role's limits."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
import sqlalchemy as sa

from atlas import uploads
from atlas.config import Config
from atlas.errors import InputError
from atlas.web import create_app
from tests.conftest import assert_refused, clear_records
from tests.staff import csrf_token, login, make_account, remove_accounts

CSV = (  # written for these tests; line 3 names a commune that does not exist
    "id,title,commune,departement,year,domains\n"
    "c1,Atelier numérique des aînés,Villejuif,94,2022,mediation\n"
    "c2,Guichet en ligne imaginaire,Nulle-Part-sur-Mer,99,2021,services-publics\n"
    "c3,Fablab de quartier,Arcueil,94,2023,education\n")


def _config(config, cache_dir, **overrides) -> Config:
    """The session's configuration, with the console's files in ``cache_dir``."""
    return Config.from_env(database_url=config.database_url,
                           web_database_url=config.web_database_url,
                           writer_database_url=config.writer_database_url,
                           cache_dir=str(cache_dir), **overrides)


@pytest.fixture(scope="module")
def app(config, with_domains, tmp_path_factory):
    app = create_app(_config(config, tmp_path_factory.mktemp("cache")))
    app.config["TESTING"] = True
    yield app
    remove_accounts(with_domains)


@pytest.fixture()
def admin(app, with_domains):
    make_account(with_domains, "admin@asso.test", "admin")
    client = app.test_client()
    login(client, "admin@asso.test")
    yield client
    clear_records(with_domains)
    with with_domains.begin() as conn:
        conn.execute(sa.text("DELETE FROM source WHERE name LIKE 'console-%'"))
    remove_accounts(with_domains)


def _wait(engine, job_id: int, statuses=("previewed", "done", "failed"), timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            status = conn.scalar(sa.text("SELECT status FROM console_job WHERE id = :id"),
                                 {"id": job_id})
        if status in statuses:
            return status
        time.sleep(0.3)
    raise AssertionError(f"job {job_id} still {status} after {timeout} s")


def _upload(client, data: bytes, name: str, kind="initiatives", **form):
    fields = {"csrf_token": csrf_token(client, "/admin/imports"), "kind": kind,
              "source": "__new__", "new_name": "console-essai", "new_title": "Essai",
              "new_attribution": "Association, essai de la console",
              "new_licence": "Licence Ouverte 2.0", **form,
              "file": (io.BytesIO(data), name)}
    return client.post("/admin/imports", data=fields, content_type="multipart/form-data")


def test_an_import_is_previewed_without_writing_then_confirmed(app, admin, with_domains):
    sent = _upload(admin, CSV.encode(), "fiches.csv")
    assert sent.status_code == 303, sent.get_data(as_text=True)
    job_id = int(sent.headers["Location"].rsplit("/", 1)[1])
    assert _wait(with_domains, job_id) == "previewed"
    page = admin.get(f"/admin/taches/{job_id}").get_data(as_text=True)
    assert "Aperçu (rien n'a été écrit)" in page
    assert "place not found" in page and "Nulle-Part-sur-Mer" in page
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text(
            "SELECT count(*) FROM initiative WHERE source = 'console-essai'")) == 0
        preview = conn.scalar(sa.text("SELECT preview FROM console_job WHERE id = :id"),
                              {"id": job_id})
    assert (preview["read"], preview["inserted"], preview["rejected_total"]) == (3, 2, 1)

    confirmed = admin.post(f"/admin/taches/{job_id}/confirmer",
                           data={"csrf_token": csrf_token(admin, f"/admin/taches/{job_id}")})
    assert confirmed.status_code == 303
    assert _wait(with_domains, job_id, ("done", "failed")) == "done"
    found = app.test_client().get("/api/initiatives?q=fablab").get_json()
    assert [f["properties"]["title"] for f in found["features"]] == ["Fablab de quartier"]
    report = admin.get(f"/admin/taches/{job_id}/rejets.csv")
    assert report.status_code == 200 and "Nulle-Part-sur-Mer" in report.get_data(as_text=True)
    assert admin.get(f"/admin/taches/{job_id}/job.log").status_code == 404
    with with_domains.connect() as conn:
        event = conn.execute(sa.text("SELECT * FROM audit_event WHERE action = "
                                     "'import.initiatives'")).one()
        source = conn.execute(sa.text("SELECT attribution, licence FROM source "
                                      "WHERE name = 'console-essai'")).one()
    assert event.actor == "admin@asso.test" and event.counts["inserted"] == 2
    assert event.after["file"] == "fiches.csv" and len(event.after["sha256"]) == 64
    assert tuple(source) == ("Association, essai de la console", "Licence Ouverte 2.0")
    history = admin.get("/admin/imports").get_data(as_text=True)
    assert "fiches.csv" in history and "admin@asso.test" in history
    # A second click on "confirm" loads nothing twice.
    again = admin.post(f"/admin/taches/{job_id}/confirmer",
                       data={"csrf_token": csrf_token(admin, f"/admin/taches/{job_id}")})
    assert again.status_code == 303
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT status FROM console_job WHERE id = :id"),
                           {"id": job_id}) == "done"


# Written for these tests: two texts that give Villejuif two levels for one edition.
PRESS = {
    "arcueil-2024.txt": "Communiqué de la ville d'Arcueil, le 3 février 2024.\n\nLors de la "
                        "cérémonie du label Territoires, Villes et Villages Internet 2024, la "
                        "ville d'Arcueil a obtenu 4 @.\n",
    "valdemarne-2024.md": "Palmarès 2024 du label Villes Internet en Val-de-Marne : "
                          "Villejuif obtient 3 @ et Cachan obtient 2 @.\n",
    "erratum-2024.txt": "Palmarès 2024 du label Villes Internet : Villejuif obtient 4 @.\n",
}


def _zip(files: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in files.items():
            z.writestr(name, data if isinstance(data, bytes) else data.encode())
    return out.getvalue()


def _confirm_press(admin, engine, job_id: int) -> tuple[list[tuple], sa.Row]:
    """Confirm a previewed press import; the awards loaded (commune, year, level,
    source) and its journal row."""
    admin.post(f"/admin/taches/{job_id}/confirmer",
               data={"csrf_token": csrf_token(admin, f"/admin/taches/{job_id}")})
    assert _wait(engine, job_id, ("done", "failed")) == "done"
    with engine.connect() as conn:
        loaded = conn.execute(sa.text(
            "SELECT c.name, a.year, a.level, a.source FROM label_award a "
            "JOIN commune c ON c.insee = a.commune_insee ORDER BY c.name")).all()
        event = conn.execute(sa.text("SELECT * FROM audit_event WHERE action = "
                                     "'import.press'")).one()
    return [tuple(r) for r in loaded], event


def test_press_texts_in_a_zip_are_previewed_then_loaded_each_as_its_source(
        app, admin, with_domains):
    sent = _upload(admin, _zip(PRESS), "palmares.zip", kind="press", source="")
    assert sent.status_code == 303, sent.get_data(as_text=True)
    job_id = int(sent.headers["Location"].rsplit("/", 1)[1])
    assert _wait(with_domains, job_id) == "previewed"
    with with_domains.connect() as conn:
        preview = conn.scalar(sa.text("SELECT preview FROM console_job WHERE id = :id"),
                              {"id": job_id})
        assert conn.scalar(sa.text("SELECT count(*) FROM label_award")) == 0
    # Arcueil and Cachan would load; both of Villejuif's levels are refused.
    assert preview["texts"] == 3 and preview["inserted"] == 2
    assert preview["rejected_total"] == 2
    page = admin.get(f"/admin/taches/{job_id}").get_data(as_text=True)
    assert "Villejuif" in page

    loaded, event = _confirm_press(admin, with_domains, job_id)
    assert loaded == [("Arcueil", 2024, 4, "arcueil-2024.txt"),
                      ("Cachan", 2024, 2, "valdemarne-2024.md")]
    assert event.after["sources"] == sorted(PRESS) and event.counts["inserted"] == 2
    rejects = admin.get(f"/admin/taches/{job_id}/rejets.csv").get_data(as_text=True)
    refused = [line for line in rejects.splitlines() if "files disagree on 94076" in line]
    assert len(refused) == 2  # one row from each text
    clear_records(with_domains)
    with with_domains.begin() as conn:
        conn.execute(sa.text("DELETE FROM source WHERE name LIKE '%-2024.%'"))


def test_a_zip_holding_anything_but_texts_is_refused_before_a_job(admin, with_domains):
    refused = _upload(admin, _zip({**PRESS, "notes.pdf": b"%PDF-1.4"}), "palmares.zip",
                      kind="press", source="")
    assert refused.status_code == 400
    assert "notes.pdf" in refused.get_data(as_text=True)


# Written for these tests: a town's page stating no edition, and a dated round-up.
UNDATED = {
    "arcueil-page.txt": "Communiqué de la ville d'Arcueil.\n\nLors de la cérémonie du label "
                        "Territoires, Villes et Villages Internet, la ville d'Arcueil a "
                        "obtenu 4 @.\n",
    "cachan-2024.txt": "Palmarès 2024 du label Villes Internet en Val-de-Marne : Cachan "
                       "obtient 2 @.\n",
}


@pytest.mark.parametrize("fields, message", [
    ({"edition": "2010"}, "pas eu d'édition en 2010"),
    ({"edition": "1990"}, "1990 n'est pas une édition du label"),
    ({"edition": "2O14"}, "quatre chiffres"),
    ({"edition": "2014", "kind": "labels"}, "seulement pour des textes de presse"),
    ({"edition": "2014", "csrf_token": ""}, "rechargez la page"),
])
def test_a_refused_edition_says_why_and_queues_nothing(admin, with_domains, fields,
                                                        message):
    answer = _upload(admin, _zip(UNDATED), "pages.zip", **{"kind": "press", "source": "",
                                                          **fields})
    assert answer.status_code == 400
    assert message in answer.get_data(as_text=True).replace("&#39;", "'")
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM console_job")) == 0


def test_the_edition_given_dates_only_the_press_texts_stating_none(admin, with_domains):
    sent = _upload(admin, _zip(UNDATED), "pages.zip", kind="press", source="",
                   edition=" 2015 ")
    assert sent.status_code == 303, sent.get_data(as_text=True)
    job_id = int(sent.headers["Location"].rsplit("/", 1)[1])
    assert _wait(with_domains, job_id) == "previewed"
    page = admin.get(f"/admin/taches/{job_id}").get_data(as_text=True).replace("&#39;", "'")
    assert "Édition donnée</dt><dd>2015" in page
    assert "datées par l'édition donnée (2015)" in page
    with with_domains.connect() as conn:
        preview = conn.scalar(sa.text("SELECT preview FROM console_job WHERE id = :id"),
                              {"id": job_id})
    assert preview["edition"] == {"year": 2015, "awards": 1}
    assert preview["inserted"] == 2 and preview["rejected_total"] == 0
    assert "(édition donnée : 2015)" in admin.get("/admin/imports").get_data(as_text=True)

    loaded, event = _confirm_press(admin, with_domains, job_id)
    # The town's page takes the edition given; the round-up keeps its own.
    assert loaded == [("Arcueil", 2015, 4, "arcueil-page.txt"),
                      ("Cachan", 2024, 2, "cachan-2024.txt")]
    assert event.counts["edition"] == {"year": 2015, "awards": 1}
    clear_records(with_domains)
    with with_domains.begin() as conn:
        conn.execute(sa.text("DELETE FROM source WHERE name IN ('arcueil-page.txt', "
                             "'cachan-2024.txt')"))


def test_a_source_is_edited_and_emptied_through_jobs_and_journal(admin, with_domains):
    job_id = int(_upload(admin, CSV.encode(), "fiches.csv").headers["Location"]
                 .rsplit("/", 1)[1])
    _wait(with_domains, job_id)
    admin.post(f"/admin/taches/{job_id}/confirmer",
               data={"csrf_token": csrf_token(admin, f"/admin/taches/{job_id}")})
    assert _wait(with_domains, job_id, ("done", "failed")) == "done"

    token = csrf_token(admin, "/admin/sources/console-essai")
    edited = admin.post("/admin/sources/console-essai", data={
        "csrf_token": token, "attribution": "Villes Internet, 2026", "licence": "CC-BY 4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/"})
    assert edited.status_code == 303
    assert _wait(with_domains, int(edited.headers["Location"].rsplit("/", 1)[1])) == "done"
    wrong = admin.post("/admin/sources/console-essai/retirer",
                       data={"csrf_token": token, "confirm": "console"})
    assert wrong.status_code == 400
    removed = admin.post("/admin/sources/console-essai/retirer",
                         data={"csrf_token": token, "confirm": "console-essai"})
    assert _wait(with_domains, int(removed.headers["Location"].rsplit("/", 1)[1])) == "done"
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text(
            "SELECT count(*) FROM initiative WHERE source = 'console-essai'")) == 0
        assert conn.scalar(sa.text(
            "SELECT count(*) FROM initiative_search s JOIN initiative i USING (id) "
            "WHERE i.source = 'console-essai'")) == 0
        events = conn.execute(sa.text(
            "SELECT action, counts, before, after FROM audit_event "
            "WHERE action LIKE 'source.%' ORDER BY id")).all()
    assert [e.action for e in events] == ["source.edit", "source.remove_records"]
    assert events[0].before == {"attribution": "Association, essai de la console",
                                "licence": "Licence Ouverte 2.0", "licence_url": None}
    assert events[0].after["licence"] == "CC-BY 4.0"
    assert events[1].counts == {"removed": 2}
    journal = admin.get("/admin/journal").get_data(as_text=True)
    assert "source.edit" in journal and "CC-BY 4.0" in journal


@pytest.mark.parametrize("data, kind, message", [
    (b"", "initiatives", "vide"),
    (b"%PDF-1.7 ...", "labels", "un PDF"),
    (b"\x89PNG\r\n\x1a\n", "initiatives", "PNG"),
    (b"title\x00,year\n", "initiatives", "binaires"),
    (_zip({"a.txt": b"x"}), "initiatives", "textes de presse"),
    (_zip({"xl/workbook.xml": b"<x/>"}), "press", "tableau"),
    (_zip({"word/document.xml": b"<x/>"}), "press", "Word"),
    (_zip({"a.txt": b"x", "b.exe": b"MZ"}), "press", "b.exe"),
    ('[{"title": "x"}]'.encode(), "press", "tableau"),
])
def test_the_file_type_is_read_from_its_content(tmp_path, data, kind, message):
    path = tmp_path / "envoi.csv"  # the name says CSV; the content decides
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        uploads.check(path, kind)


def test_readable_files_are_accepted(tmp_path):
    cases = [(b"title;year\nx;2020\n", "initiatives", "text"),
             ("titre,année\nÉcole,2020\n".encode("cp1252"), "labels", "text"),
             (b'{"type": "FeatureCollection"}', "places", "json"),
             (_zip({"xl/workbook.xml": b"<x/>"}), "labels", "xlsx"),
             (_zip({"a.txt": b"x", "dossier/b.md": b"y"}), "press", "zip"),
             ("Communiqué".encode(), "press", "text")]
    for n, (data, kind, found) in enumerate(cases):
        path = tmp_path / f"f{n}"
        path.write_bytes(data)
        assert uploads.check(path, kind) == found


def test_a_refused_upload_says_why_and_queues_nothing(config, admin, with_domains,
                                                      tmp_path):
    answer = _upload(admin, b"%PDF-1.4", "fiches.csv")
    assert answer.status_code == 400
    assert "ressemble à un PDF" in answer.get_data(as_text=True)
    small = create_app(_config(config, tmp_path, upload_max_bytes="1K"))
    client = small.test_client()
    login(client, "admin@asso.test")
    too_big = _upload(client, b"title\n" + b"x" * 4000, "gros.csv")
    assert too_big.status_code == 400 and "dépasse 0 Mo" not in too_big.get_data(
        as_text=True) and "dépasse" in too_big.get_data(as_text=True)
    # Far past the limit, the request itself is refused before any form is read.
    huge = _upload(client, b"x" * (2 * 2**20), "enorme.csv")
    assert huge.status_code == 413 and "Fichier trop gros" in huge.get_data(as_text=True)
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM console_job")) == 0


LOGIN = "atlas_writer_test"


def test_the_roles_cannot_rewrite_the_journal_nor_change_the_schema(config, admin,
                                                                     with_domains):
    owner = sa.create_engine(config.database_url, isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.execute(sa.text(f"DROP ROLE IF EXISTS {LOGIN}"))
        conn.execute(sa.text(f"CREATE ROLE {LOGIN} LOGIN PASSWORD 'only-for-this-test' "
                             "IN ROLE atlas_writer, atlas_web"))
        conn.execute(sa.text("INSERT INTO audit_event (actor, action) VALUES ('t', 't')"))
    url = sa.engine.make_url(config.database_url).set(username=LOGIN,
                                                      password="only-for-this-test")
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:  # what the console's jobs do
            conn.execute(sa.text("INSERT INTO audit_event (actor, action) VALUES ('w', 'w')"))
            conn.execute(sa.text("UPDATE source SET licence = licence"))
        assert_refused(engine, ("UPDATE audit_event SET actor = 'x'",
                                "DELETE FROM audit_event", "TRUNCATE audit_event",
                                "UPDATE app_user SET role = 'admin'",
                                "UPDATE commune SET name = 'x'", "DELETE FROM epci",
                                "CREATE TABLE public.intrus (id int)",
                                "ALTER TABLE initiative ADD COLUMN x int"))
    finally:
        engine.dispose()
        with owner.connect() as conn:
            conn.execute(sa.text(f"DROP ROLE {LOGIN}"))
        owner.dispose()


PLACES = (  # written for this test
    "id,title,commune,departement,type\n"
    "p1,Espace public numérique de la gare,Villejuif,94,epn\n"
    "p2,Médiathèque du centre,Arcueil,94,mediatheque\n")
LABELS = (
    "commune,departement,annee,niveau\n"
    "Villejuif,94,2025,4@\n"
    "Arcueil,94,2025,six\n")


@pytest.mark.parametrize("kind, data, inserted", [("places", PLACES, 2),
                                                  ("labels", LABELS, 1)])
def test_places_and_labels_go_through_the_same_job(config, admin, with_domains, tmp_path,
                                                   kind, data, inserted):
    from atlas import jobs
    from loaders import console

    cfg = _config(config, tmp_path)
    with with_domains.begin() as conn:
        user = conn.scalar(sa.text("SELECT id FROM app_user"))
        job_id = jobs.create(conn, "import", user, kind=kind, source="console-essai",
                             file_name=f"{kind}.csv", params={"new_source": {
                                 "name": "console-essai", "title": "Essai",
                                 "attribution": "Essai"}})
    path = jobs.upload_path(cfg, job_id, f"{kind}.csv")
    path.parent.mkdir(parents=True)
    path.write_text(data, encoding="utf-8")
    assert console.run(cfg, job_id) == "previewed"
    assert console.run(cfg, job_id) is None  # not queued: nothing runs twice
    with with_domains.begin() as conn:
        assert jobs.confirm(conn, job_id) and not jobs.confirm(conn, job_id)
    assert console.run(cfg, job_id) == "done"
    with with_domains.connect() as conn:
        result = conn.scalar(sa.text("SELECT result FROM console_job WHERE id = :id"),
                             {"id": job_id})
        if kind == "places":
            kinds = set(conn.execute(sa.text(
                "SELECT kind, place_type FROM initiative WHERE source = 'console-essai'")))
            assert kinds == {("place", "epn"), ("place", "mediatheque")}
    assert result["inserted"] == inserted
    assert result["rejected_total"] == len(data.splitlines()) - 1 - inserted


def test_a_job_whose_process_died_is_said_failed_not_left_running(admin, with_domains):
    from atlas import jobs

    with with_domains.begin() as conn:
        user_id = conn.scalar(sa.text("SELECT id FROM app_user WHERE email = "
                                      "'admin@asso.test'"))
        ids = [jobs.create(conn, "import", user_id, kind="initiatives", source="x",
                           file_name="x.csv") for _ in range(2)]
        conn.execute(sa.text("UPDATE console_job SET status = 'running' "
                             "WHERE id = ANY(:ids)"), {"ids": ids})
    alive, dead = ids
    with with_domains.connect() as holder:  # a job process at work holds its lock
        jobs.hold(holder, alive)
        holder.commit()
        assert admin.get(f"/admin/taches/{alive}/etat").get_json()["status"] == "running"
        state = admin.get(f"/admin/taches/{dead}/etat").get_json()
        assert state["status"] == "failed"
        page = admin.get(f"/admin/taches/{dead}").get_data(as_text=True)
        assert "interrompu" in page
        jobs.release(holder, alive)
    # Once its process is gone, the other one too.
    assert admin.get(f"/admin/taches/{alive}/etat").get_json()["status"] == "failed"
    with with_domains.begin() as conn:
        conn.execute(sa.text("DELETE FROM console_job WHERE id = ANY(:ids)"), {"ids": ids})
