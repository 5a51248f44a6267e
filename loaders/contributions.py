"""Publishing the moderators' decisions through the write path (issue 21).

An approved revision of a fiche becomes the initiative ``contributions``/``fiche-<id>``
(or leaves the map, for an unpublish request) in one ``pipeline.transaction`` with the
revisions' new status, the fiches' state and the audit rows: the derived rows of that
record only are redone and the data version moves, so the API, the map, the exports and
the tiles show it as soon as the transaction commits. A moderator's fix of a reported
record is an edit of that record, audited with its values before and after.

The web receives this module from the composition root (``app.py``): the core
(``atlas``) never imports the loaders.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from atlas import audit, contributions
from loaders import initiatives, pipeline, provenance
from loaders.records import LoadReport

_PENDING = sa.text("""
    SELECT r.id, r.fiche_id, r.kind, r.content, f.epci_siren, f.state
    FROM fiche_revision r JOIN fiche f ON f.id = r.fiche_id
    WHERE r.id = ANY(:ids) AND r.status = 'pending'
    ORDER BY r.id
    FOR UPDATE OF r, f""")


def source(licence: str, licence_url: str | None) -> provenance.Source:
    """The source of every published contribution, under the association's licence."""
    return provenance.Source(
        name=contributions.SOURCE, title=contributions.ATTRIBUTION,
        attribution=contributions.ATTRIBUTION, licence=licence, licence_url=licence_url)


def _record(fiche_id: int, content: dict, epci_siren: str | None) -> dict:
    placed = content.get("lon") is not None
    return dict(
        title=content["title"], summary=content.get("summary"), year=content["year"],
        url=content.get("url"), commune_insee=content["commune_insee"],
        # An EPCI's fiche stays the EPCI's (its peers, its label), placed in the member
        # commune it names.
        epci_siren=epci_siren, lon=content.get("lon"), lat=content.get("lat"),
        source_id=f"fiche-{fiche_id}",
        geocode_method="contribution_point" if placed else "contribution_commune",
        geocode_score=1.0, domains=content["domains"])


def approve(engine, moderator, revision_ids: list[int], src: provenance.Source) -> list[int]:
    """Publish the pending revisions among ``revision_ids`` (one write); their ids."""
    with pipeline.transaction(engine) as w:
        rows = w.conn.execute(_PENDING, {"ids": list(revision_ids)}).all()
        publish = [r for r in rows if r.kind == "publish"]
        gone = [r for r in rows if r.kind == "unpublish"]
        report = LoadReport(source=src.name)
        if publish:
            initiatives.merge(w.conn, [_record(r.fiche_id, r.content, r.epci_siren)
                                       for r in publish], src, report, w.changes)
        if gone:
            initiatives.remove(w.conn, src.name, [f"fiche-{r.fiche_id}" for r in gone],
                               report, w.changes)
        for r in rows:
            published = r.kind == "publish"
            w.conn.execute(sa.text(
                "UPDATE fiche_revision SET status = 'approved', decided_at = now(), "
                "decided_by = :u WHERE id = :id"), {"u": moderator.id, "id": r.id})
            w.conn.execute(sa.text(
                "UPDATE fiche SET state = :s, published_revision_id = CASE WHEN :p "
                "THEN :id ELSE published_revision_id END WHERE id = :f"),
                {"s": "published" if published else "unpublished", "p": published,
                 "id": r.id, "f": r.fiche_id})
            audit.record(w.conn, "contribution.approved", actor=moderator.email,
                         user_id=moderator.id, target=f"fiche {r.fiche_id}",
                         after={"revision": r.id, "kind": r.kind, "content": r.content})
    return [r.id for r in rows]


def unpublish_every(conn) -> int:
    """Mark every published fiche unpublished, in the write that removes the source's
    records (the console's "remove this source's data"): a fiche shown as published
    whose record is gone would mislead its collectivité. Their revisions stay; a new
    approval publishes them again. Returns how many."""
    return conn.execute(sa.text(
        "UPDATE fiche SET state = 'unpublished' WHERE state = 'published'")).rowcount


_FIELDS = ("title", "summary", "year", "url")


def fix_record(engine, moderator, report_id: int, initiative_id: int, form: dict) -> bool:
    """Correct a reported record's title, description, year, link and domains (the
    form's fields, checked as a contributor's are), close the report as fixed; False when
    the record is gone. InputError for a bad field (nothing written)."""
    with pipeline.transaction(engine) as w:
        row = w.conn.execute(sa.text(
            "SELECT title, summary, year, url, ARRAY(SELECT domain_code FROM "
            "initiative_domain WHERE initiative_id = i.id ORDER BY 1) AS domains "
            "FROM initiative i WHERE id = :id FOR UPDATE"),
            {"id": initiative_id}).first()
        if row is None:
            return False
        before = dict(row._mapping)
        after = contributions.check_fields(w.conn, form, strict=False)
        if after != before:
            w.conn.execute(sa.text(
                "UPDATE initiative SET title = :title, summary = :summary, year = :year, "
                "url = :url, updated_at = now() WHERE id = :id"),
                {**after, "id": initiative_id})
            w.conn.execute(sa.text(
                "DELETE FROM initiative_domain WHERE initiative_id = :id "
                "AND NOT domain_code = ANY(:d)"), {"id": initiative_id, "d": after["domains"]})
            w.conn.execute(sa.text(
                "INSERT INTO initiative_domain (initiative_id, domain_code) "
                "SELECT :id, unnest(CAST(:d AS text[])) ON CONFLICT DO NOTHING"),
                {"id": initiative_id, "d": after["domains"]})
            w.changes.initiatives.add(initiative_id)
            audit.record(w.conn, "record.fixed", actor=moderator.email, user_id=moderator.id,
                         target=f"initiative {initiative_id}",
                         before=json.loads(json.dumps(before, default=str)), after=after)
        contributions.close_report(w.conn, moderator, report_id, "fixed")
    return True
