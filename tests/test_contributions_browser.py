"""End-to-end (issue 21): contributions in a real headless Chromium, on the app served by
gunicorn (2 workers, the web and writer roles, ``app.py``'s publisher).

A contributor proposes a fiche (placing its point on the form's small map): it is absent
from the API and the map. A moderator sees it in the queue with its values and approves
it: it is in ``/api/initiatives`` and on the map as soon as the approval's page is back.
The contributor edits it: the published version stays until the edit, shown with its
changed field, is approved. Another collectivité's contributor is refused. A visitor's
error report reaches the queue. Every page of the flow passes axe-core.
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from tests.browser import SHOTS, axe_violations, gunicorn_site, new_page
from tests.conftest import clear_records
from tests.staff import PASSWORD, make_account, remove_accounts

TITLE = "Permanence numérique à la médiathèque"


@pytest.fixture(scope="module")
def site(config, with_domains, tmp_path_factory):
    make_account(with_domains, "agent@villejuif.test", "contributor", "94076")
    make_account(with_domains, "agent@arcueil.test", "contributor", "94003")
    make_account(with_domains, "relecture@asso.test", "moderator")
    with gunicorn_site(config, tmp_path_factory.mktemp("cache"),
                       tmp_path_factory.mktemp("gunicorn") / "gunicorn.log") as served:
        yield served[0]
    remove_accounts(with_domains)
    clear_records(with_domains)


def _signed_in(chromium, base: str, email: str):
    page = new_page(chromium, base)
    page.goto(base + "/connexion")
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    return page


def _shot(page, name: str) -> None:
    page.wait_for_load_state("networkidle")  # the map's tiles drawn
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"contributions-{name}.png"), full_page=True)


def _published(page, base: str) -> list[str]:
    answer = page.request.get(base + "/api/initiatives?source=contributions").json()
    return [f["properties"]["title"] for f in answer["features"]]


def _on_the_map(page, base: str) -> str:
    page.goto(base + "/?source=contributions")
    page.wait_for_selector("body[data-ready]", timeout=20_000)
    return page.locator("#count-matched").text_content()


def test_a_fiche_from_proposal_to_the_map_and_its_edit(chromium, site, with_domains):
    base = site
    agent = _signed_in(chromium, base, "agent@villejuif.test")
    agent.get_by_role("link", name="Mes fiches", exact=True).click()
    assert "Villejuif" in agent.locator("h1").text_content()
    assert axe_violations(agent) == []
    agent.get_by_role("link", name="Décrire une nouvelle initiative").click()
    agent.get_by_label("Titre").fill(TITLE)
    agent.get_by_label("Description").fill("Un agent aide chaque mardi aux démarches en "
                                           "ligne.\nSans rendez-vous.")
    agent.get_by_label("Année").fill("2025")
    agent.get_by_label("Médiation").check()
    agent.get_by_label("Lien (facultatif)").fill("https://villejuif.test/permanence")
    # The small map draws the communes from our tiles, fitted to the chosen one; a
    # click at its centre places the point (the server checks it lies in the commune).
    agent.wait_for_selector("#point-map svg path", timeout=20_000)
    assert axe_violations(agent) == []
    agent.locator("#point-map").click()
    assert agent.get_by_label("Latitude").input_value() != ""
    _shot(agent, "form")
    agent.get_by_role("button", name="Envoyer pour relecture").click()
    agent.wait_for_url(re.compile(r"/contribuer/fiches/\d+$"))
    fiche_url = agent.url
    assert "attend la relecture" in agent.locator("#pending").text_content()
    assert axe_violations(agent) == []
    assert _published(agent, base) == []
    assert _on_the_map(agent, base) == "0"

    moderator = _signed_in(chromium, base, "relecture@asso.test")
    moderator.get_by_role("link", name="Modération", exact=True).click()
    assert axe_violations(moderator) == []
    moderator.locator("#queue").get_by_role("link", name=TITLE).click()
    assert moderator.locator("h1").text_content() == "Nouvelle fiche"
    diff = moderator.locator("#diff").text_content()
    assert TITLE in diff and "Médiation" in diff and "94076" in diff
    assert "au point" in moderator.locator("#geocoding").text_content()
    # The proposed commune and point on the item's small map, from our tiles.
    moderator.wait_for_selector("#point-map svg path", timeout=20_000)
    moderator.wait_for_selector("#point-map path.leaflet-interactive, #point-map "
                                ".leaflet-overlay-pane path", timeout=20_000)
    _shot(moderator, "new-fiche")
    assert axe_violations(moderator) == []
    moderator.get_by_role("button", name="Approuver et publier").click()
    moderator.wait_for_url(re.compile(r"/admin/moderation/$"))
    # The approval's answer comes after the commit: visible at once, no waiting.
    assert _published(moderator, base) == [TITLE]
    assert _on_the_map(moderator, base) == "1"
    with with_domains.connect() as conn:
        placed = conn.scalar(sa.text("SELECT geocode_method FROM initiative "
                                     "WHERE source = 'contributions'"))
    assert placed == "contribution_point"

    agent.goto(fiche_url)
    agent.get_by_role("link", name="Modifier la fiche").click()
    agent.get_by_label("Titre").fill(TITLE + " (le mardi)")
    agent.get_by_role("button", name="Envoyer pour relecture").click()
    agent.wait_for_url(re.compile(r"/contribuer/fiches/\d+$"))
    assert "La version publiée reste en ligne" in agent.locator("#pending").text_content()
    assert _published(agent, base) == [TITLE]  # the published version stays

    moderator.goto(base + "/admin/moderation/?type=revision")
    moderator.locator("#queue").get_by_role("link", name=TITLE + " (le mardi)").click()
    changed = moderator.locator("#diff td.changed")
    assert changed.count() == 1 and changed.text_content() == TITLE + " (le mardi)"
    _shot(moderator, "revision-diff")
    assert axe_violations(moderator) == []
    moderator.get_by_role("button", name="Approuver et publier").click()
    moderator.wait_for_url(re.compile(r"/admin/moderation/$"))
    assert _published(moderator, base) == [TITLE + " (le mardi)"]

    other = _signed_in(chromium, base, "agent@arcueil.test")
    refused = other.goto(fiche_url)
    assert refused.status == 404
    assert other.goto(base + "/admin/moderation/").status == 403
    for page in (agent, moderator, other):
        assert page.errors == [] and page.traffic.blocked == []
        page.context.close()


def test_a_visitors_error_report_reaches_the_queue(chromium, site, with_domains):
    base = site
    with with_domains.connect() as conn:
        target = conn.scalar(sa.text("SELECT min(id) FROM initiative "
                                     "WHERE source = 'contributions'"))
    assert target is not None  # published by the test above
    visitor = new_page(chromium, base)
    visitor.goto(f"{base}/initiatives/{target}")
    visitor.get_by_role("link", name="Signaler une erreur").click()
    assert axe_violations(visitor) == []
    visitor.get_by_label("Votre message").fill("La permanence a lieu le jeudi, pas le mardi.")
    visitor.get_by_role("button", name="Envoyer le signalement").click()
    assert "Merci" in visitor.locator("h1").text_content()
    assert axe_violations(visitor) == []

    visitor.goto(base + "/contribuer/demande")
    assert axe_violations(visitor) == []

    moderator = _signed_in(chromium, base, "relecture@asso.test")
    moderator.goto(base + "/admin/moderation/?type=report")
    moderator.locator("#queue").get_by_role("link", name=re.compile(TITLE)).click()
    assert "le jeudi, pas le mardi" in moderator.locator("#report-text").text_content()
    assert axe_violations(moderator) == []
    for page in (visitor, moderator):
        assert page.errors == [] and page.traffic.blocked == []
        page.context.close()
