"""End-to-end: the staff flow in a real headless Chromium, on the app served by gunicorn
with 2 workers (as in production: the sessions, the CSRF tokens and the login throttle
must hold whichever worker answers).

An admin created by the CLI activates the account, signs in, uploads a CSV with a bad
row, sees the preview and the reject, confirms, and finds the records on the map and in
the API; a POST without CSRF token changes nothing; the eleventh bad password gets 429.
The console's pages pass axe-core.
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from tests.browser import axe_violations, gunicorn_site, shot_page
from tests.staff import PASSWORD, remove_accounts

CSV = (  # written for this test; line 3 names a commune that does not exist
    "id,titre,ville,departement,annee,domaines\n"
    "n1,Café numérique du samedi,Villejuif,94,2024,mediation\n"
    "n2,Borne imaginaire,Nulle-Part-sur-Mer,99,2024,services-publics\n"
    "n3,Ateliers code pour collégiens,Arcueil,94,2025,education\n")


@pytest.fixture(scope="module")
def site(config, with_domains, tmp_path_factory):
    """The app under gunicorn, 2 workers, on the test database (roles as configured)."""
    with gunicorn_site(config, tmp_path_factory.mktemp("cache"),
                       tmp_path_factory.mktemp("gunicorn") / "gunicorn.log") as served:
        yield served
    remove_accounts(with_domains)


@pytest.fixture()
def page(chromium, site, request):
    with shot_page(chromium, site[0], request.node.name) as page:
        yield page


def test_the_staff_flow_from_the_cli_to_the_map(page, site, atlas_cli, with_domains):
    base, env = site
    made = atlas_cli("users", "add", "equipe@asso.test", "--role", "admin", "--name",
                     "Équipe", env={"ATLAS_PUBLIC_URL": base})
    assert made.returncode == 0, made.stderr
    link = re.search(r"http\S+/activation/\S+", made.stdout).group()

    page.goto(link)
    assert page.locator("h1").text_content() == "Choisir votre mot de passe"
    page.get_by_label("Nouveau mot de passe").fill(PASSWORD)
    page.get_by_label("Le même, à nouveau").fill(PASSWORD)
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url(re.compile(r"/connexion$"))
    assert "mot de passe est enregistré" in page.locator("[role=status]").text_content()
    assert axe_violations(page) == []

    page.get_by_label("Adresse électronique").fill("equipe@asso.test")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert page.locator("h1").text_content() == "Tableau de bord"
    assert axe_violations(page) == []

    page.get_by_role("link", name="Imports").click()
    assert axe_violations(page) == []
    page.get_by_label(re.compile(r"^Fichier \(CSV")).set_input_files(
        files=[{"name": "fiches-2024.csv", "mimeType": "text/csv",
                "buffer": CSV.encode()}])
    page.get_by_label("Données du fichier").select_option("initiatives")
    page.get_by_label("Source", exact=True).select_option("__new__")
    page.get_by_label("Nom court (clé de la source)").fill("console-navigateur")
    page.get_by_label("Titre").fill("Fiches 2024 (essai)")
    page.get_by_label("Attribution affichée avec les données").fill("Villes Internet, essai")
    page.get_by_label("Licence", exact=True).fill("Licence Ouverte 2.0")
    page.get_by_role("button", name="Lire le fichier (aperçu)").click()

    page.wait_for_selector("#h-preview", timeout=120_000)  # the page polls the job
    rejects = page.locator("#rejects tbody tr")
    assert rejects.count() == 1
    assert "Nulle-Part-sur-Mer" in rejects.first.text_content()
    assert "place not found" in rejects.first.text_content()
    assert axe_violations(page) == []
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM initiative "
                                   "WHERE source = 'console-navigateur'")) == 0

    page.get_by_role("button", name="Confirmer et charger").click()
    page.wait_for_selector("#h-result", timeout=120_000)
    assert page.get_by_role("link", name="rejets.csv").count() == 1

    page.goto(base + "/?source=console-navigateur")
    page.wait_for_selector("body[data-ready]", timeout=20_000)
    assert page.locator("#count-matched").text_content() == "2"
    found = page.request.get(base + "/api/initiatives?q=collegiens").json()
    assert [f["properties"]["title"] for f in found["features"]] == [
        "Ateliers code pour collégiens"]

    # A POST without the CSRF token, with the signed-in cookies: refused, nothing written.
    refused = page.request.post(base + "/admin/sources/console-navigateur",
                                form={"attribution": "Piratée", "licence": "aucune"})
    assert refused.status == 400
    with with_domains.connect() as conn:
        assert conn.scalar(sa.text("SELECT attribution FROM source "
                                   "WHERE name = 'console-navigateur'")) == \
            "Villes Internet, essai"
        assert conn.scalar(sa.text("SELECT count(*) FROM console_job "
                                   "WHERE action = 'edit_source'")) == 0

    page.goto(base + "/admin/journal")
    assert "import.initiatives" in page.locator("#journal").text_content()
    assert axe_violations(page) == []


def test_the_eleventh_bad_password_is_429_whichever_worker_answers(chromium, site,
                                                                   with_domains):
    base, _ = site
    from tests.staff import make_account

    make_account(with_domains, "cible@asso.test", "admin")
    statuses = []
    for attempt in range(11):
        # A new browser context each time: a new connection, to either worker.
        context = chromium.new_context()
        page = context.new_page()
        page.goto(base + "/connexion")
        page.get_by_label("Adresse électronique").fill("cible@asso.test")
        page.get_by_label("Mot de passe").fill(
            PASSWORD if attempt == 10 else f"mauvais {attempt}")
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            page.get_by_role("button", name="Se connecter").click()
        statuses.append(answer.value.status)
        if attempt == 10:
            assert "15 minutes" in page.locator("[role=alert]").text_content()
        context.close()
    assert statuses == [401] * 10 + [429]
