"""The moderation queue: what waits for a moderator, oldest first, and one item in full.

Five kinds wait: a new fiche, a revision of a published fiche, an unpublish request (all
three are pending rows of ``fiche_revision``), an account request and an error report.
They are listed together (``queue``), filterable by kind, département and collectivité
(an INSEE code or a SIREN). An item's page (``revision``, ``account_request``,
``report``) shows the proposed values beside the published ones (``diff``).
"""

from __future__ import annotations

import sqlalchemy as sa

FIELDS = (("title", "Titre"), ("summary", "Description"), ("year", "Année"),
          ("domains", "Domaines"), ("url", "Lien"), ("commune_insee", "Commune"),
          ("lon", "Longitude"), ("lat", "Latitude"))

# Each kind's rows: (kind, id, created_at, collectivité code and name, département,
# one line of what it is). The département of an EPCI's fiche is that of the commune
# it takes place in.
_QUEUE = """
    SELECT * FROM (
        SELECT CASE WHEN r.kind = 'unpublish' THEN 'unpublish'
                    WHEN f.state = 'draft' THEN 'fiche' ELSE 'revision' END AS kind,
               r.id, r.created_at, coalesce(f.commune_insee, f.epci_siren) AS code,
               coalesce(fc.name, e.name) AS collectivite,
               coalesce(pc.departement_code, fc.departement_code) AS departement,
               coalesce(r.content ->> 'title', p.content ->> 'title') AS what
        FROM fiche_revision r
        JOIN fiche f ON f.id = r.fiche_id
        LEFT JOIN fiche_revision p ON p.id = f.published_revision_id
        LEFT JOIN commune fc ON fc.insee = f.commune_insee
        LEFT JOIN epci e ON e.siren = f.epci_siren
        LEFT JOIN commune pc ON pc.insee = coalesce(r.content, p.content) ->> 'commune_insee'
        WHERE r.status = 'pending'
      UNION ALL
        SELECT 'account', a.id, a.created_at, coalesce(a.commune_insee, a.epci_siren),
               coalesce(c.name, e.name),
               coalesce(c.departement_code, (
                   SELECT m.departement_code FROM epci_member em
                   JOIN commune m ON m.insee = em.commune_insee
                   WHERE em.epci_siren = a.epci_siren
                   ORDER BY m.population DESC NULLS LAST LIMIT 1)),
               a.name || ' (' || a.position || ')'
        FROM account_request a
        LEFT JOIN commune c ON c.insee = a.commune_insee
        LEFT JOIN epci e ON e.siren = a.epci_siren
        WHERE a.status = 'pending'
      UNION ALL
        SELECT 'report', x.id, x.created_at, coalesce(i.commune_insee, i.epci_siren),
               coalesce(c.name, e.name), c.departement_code, x.record_title
        FROM error_report x
        LEFT JOIN initiative i ON i.id = x.initiative_id
        LEFT JOIN commune c ON c.insee = i.commune_insee
        LEFT JOIN epci e ON e.siren = i.epci_siren
        WHERE x.status = 'open'
    ) q
    WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
      AND (CAST(:departement AS text) IS NULL OR departement = :departement)
      AND (CAST(:code AS text) IS NULL OR code = :code)
    ORDER BY created_at, kind, id
    LIMIT :limit"""


def queue(conn, kind: str | None = None, departement: str | None = None,
          code: str | None = None, limit: int = 500) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(sa.text(_QUEUE), {
        "kind": kind, "departement": departement, "code": code, "limit": limit})]


def counts(conn) -> dict[str, int]:
    """How many items of each kind wait (the console's menu and dashboard)."""
    return {r.kind: r.n for r in conn.execute(sa.text(
        f"SELECT kind, count(*) AS n FROM ({_QUEUE}) w GROUP BY kind"),
        {"kind": None, "departement": None, "code": None, "limit": None})}


def revision(conn, revision_id: int) -> dict | None:
    """A revision with its fiche, its author and the published content beside it."""
    row = conn.execute(sa.text("""
        SELECT r.id, r.fiche_id, r.kind, r.status, r.content, r.created_at, r.message,
               f.state, f.commune_insee, f.epci_siren, coalesce(c.name, e.name) AS collectivite,
               p.content AS published, u.name AS author, u.email AS author_email,
               (SELECT id FROM initiative WHERE source = 'contributions'
                AND source_id = 'fiche-' || f.id) AS initiative_id
        FROM fiche_revision r JOIN fiche f ON f.id = r.fiche_id
        JOIN app_user u ON u.id = r.user_id
        LEFT JOIN fiche_revision p ON p.id = f.published_revision_id
        LEFT JOIN commune c ON c.insee = f.commune_insee
        LEFT JOIN epci e ON e.siren = f.epci_siren
        WHERE r.id = :id"""), {"id": revision_id}).first()
    if row is None:
        return None
    item = dict(row._mapping)
    shown = item["content"] or item["published"] or {}
    item["place"] = conn.execute(sa.text(
        "SELECT insee, name, departement_code, ST_X(point) AS lon, ST_Y(point) AS lat "
        "FROM commune WHERE insee = :c"), {"c": shown.get("commune_insee")}).first()
    return item


def diff(published: dict | None, proposed: dict | None, labels: dict[str, str]
         ) -> list[dict]:
    """One row per field: its label, the published and proposed values (as text: the
    domains by their labels), and whether it changed."""
    def shown(content, name):
        value = (content or {}).get(name)
        if name == "domains" and value is not None:
            return ", ".join(labels.get(d, d) for d in value)
        return "" if value is None else str(value)

    return [{"field": name, "label": label, "published": shown(published, name),
             "proposed": shown(proposed, name),
             "changed": published is not None and proposed is not None
             and shown(published, name) != shown(proposed, name)}
            for name, label in FIELDS]


def account_request(conn, request_id: int) -> dict | None:
    row = conn.execute(sa.text("""
        SELECT a.*, coalesce(c.name, e.name) AS collectivite,
               (SELECT count(*) FROM app_user u WHERE u.email = a.email) > 0 AS email_taken
        FROM account_request a
        LEFT JOIN commune c ON c.insee = a.commune_insee
        LEFT JOIN epci e ON e.siren = a.epci_siren
        WHERE a.id = :id"""), {"id": request_id}).first()
    return dict(row._mapping) if row else None


def report(conn, report_id: int) -> dict | None:
    row = conn.execute(sa.text("""
        SELECT x.id, x.initiative_id, x.record_title, x.text, x.status, x.created_at,
               i.title, i.summary, i.year, i.url, i.source,
               coalesce(array_agg(d.domain_code ORDER BY d.domain_code)
                        FILTER (WHERE d.domain_code IS NOT NULL), '{}') AS domains
        FROM error_report x
        LEFT JOIN initiative i ON i.id = x.initiative_id
        LEFT JOIN initiative_domain d ON d.initiative_id = i.id
        WHERE x.id = :id
        GROUP BY x.id, i.id"""), {"id": report_id}).first()
    return dict(row._mapping) if row else None
