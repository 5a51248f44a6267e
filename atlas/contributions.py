"""Contributions from collectivités (no Flask): fiches and their revisions, account
requests and error reports, as the web's forms and the moderation queue use them.

- A contributor's fiche belongs to the collectivité the account acts for (a commune, or
  an EPCI: then it takes place in one of the EPCI's member communes). Its content is
  checked here (``check_content``): the same rules for the form and for a moderator's
  decision, so nothing unchecked reaches the write path.
- Every change is a revision (``fiche_revision``), Wagtail-style: a new fiche, an edit of
  a published one (the published version stays until the edit is approved), a request to
  take it off the map. At most one revision of a fiche waits at a time: a new edit
  supersedes the one waiting.
- Publishing an approved revision is a write of the published records, so it is not
  here: ``loaders.contributions`` does it through the write path, and the web receives
  it from the composition root (``app.py``).
- The public forms (account request, error report) are rate-limited by a keyed hash of
  the sender's address (``requester``), counted in the database so every worker agrees;
  the address itself is never stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re

import sqlalchemy as sa

from atlas import accounts, audit, texts
from atlas.errors import InputError

SOURCE = "contributions"
ATTRIBUTION = "Contributions des collectivités"

TEXT_MAX, NAME_MAX = 2000, 200  # a report's or a request's text; a name
FIRST_YEAR = 1980
# Public forms: per sender, and for everybody (a flood from many addresses stops at the
# global cap and waits for moderators, rather than burying the queue).
REPORTS_PER_HOUR, REPORTS_PER_DAY_ALL = 5, 500
REQUESTS_PER_DAY, REQUESTS_PER_DAY_ALL = 3, 100


KINDS = {"fiche": "Nouvelle fiche", "revision": "Modification", "unpublish": "Dépublication",
         "account": "Demande de compte", "report": "Signalement"}
STATUS_FR = {"pending": "en attente de modération", "approved": "approuvée",
             "rejected": "refusée", "changes": "modifications demandées",
             "withdrawn": "retirée", "superseded": "remplacée par une version plus récente"}
STATE_FR = {"draft": "non publiée", "published": "publiée", "unpublished": "dépubliée"}


def requester(secret: str, address: str) -> str:
    """The keyed hash standing for a sender's address (rate limits only)."""
    return hmac.new(secret.encode(), (address or "").encode(), hashlib.sha256).hexdigest()


# -- collectivités -------------------------------------------------------------------------

def collectivite(conn, commune_insee: str | None, epci_siren: str | None) -> dict | None:
    """{kind, code, name, departement} of a commune or an EPCI, None if unknown."""
    if commune_insee:
        row = conn.execute(sa.text(
            "SELECT 'commune' AS kind, insee AS code, name, departement_code AS departement "
            "FROM commune WHERE insee = :c"), {"c": commune_insee}).first()
    else:
        row = conn.execute(sa.text(
            "SELECT 'epci' AS kind, siren AS code, name, NULL AS departement "
            "FROM epci WHERE siren = :e"), {"e": epci_siren}).first()
    return dict(row._mapping) if row else None


def places_of(conn, account) -> list[dict]:
    """The communes where the account's fiches may take place: its commune, or its
    EPCI's members (by name)."""
    if account.commune_insee:
        where, params = "c.insee = :c", {"c": account.commune_insee}
    elif account.epci_siren:
        where = "c.insee IN (SELECT commune_insee FROM epci_member WHERE epci_siren = :e)"
        params = {"e": account.epci_siren}
    else:
        return []
    return [dict(r._mapping) for r in conn.execute(sa.text(
        f"SELECT c.insee, c.name, ST_X(c.point) AS lon, ST_Y(c.point) AS lat "
        f"FROM commune c WHERE {where} ORDER BY c.name, c.insee"), params)]


def resolve_collectivite(conn, value: str | None) -> dict:
    """What the request form's collectivité field names: an INSEE code, a SIREN, or the
    commune search's "Nom (code)"; InputError otherwise."""
    value = texts.field(value, "Collectivité", NAME_MAX, required=True)
    found = re.search(r"\(?\b(\d[0-9AB]\d{3}|\d{9})\)?\s*$", value)
    code = found.group(1) if found else ""
    place = (collectivite(conn, None, code) if len(code) == 9
             else collectivite(conn, code, None) if code else None)
    if place is None:
        raise InputError("Collectivité : choisissez-la dans la liste (le nom suivi du code "
                         "INSEE de la commune ou du SIREN de l'intercommunalité)")
    return place


# -- fiches ------------------------------------------------------------------------------

def domains(conn) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(sa.text(
        "SELECT code, label FROM domain ORDER BY position, label"))]


def check_fields(conn, form: dict, *, strict: bool = True,
                 today: dt.date | None = None) -> dict:
    """Title, summary, year, domains (a list) and url from a form, checked; InputError
    naming the first wrong field. ``strict`` (a contributor's fiche): the summary and
    the year are required; a moderator fixing a loaded record may leave them empty."""
    last = (today or dt.date.today()).year + 1
    fields = {
        "title": texts.field(form.get("title"), "Titre", texts.TITLE_MAX, required=True),
        "summary": texts.field(form.get("summary"), "Description", texts.SUMMARY_MAX,
                               required=strict, lines=True),
        "url": texts.link_field(form.get("url"), "Lien"),
        "year": None,
    }
    year = (form.get("year") or "").strip()
    if year or strict:
        if not (year.isascii() and year.isdigit() and FIRST_YEAR <= int(year) <= last):
            raise InputError(f"Année : un nombre de {FIRST_YEAR} à {last}")
        fields["year"] = int(year)
    known = {d["code"] for d in domains(conn)}
    chosen = sorted(set(form.get("domains") or []))
    if not chosen:
        raise InputError("Domaines : choisissez au moins un domaine")
    if not set(chosen) <= known:
        raise InputError("Domaines : domaine inconnu")
    fields["domains"] = chosen
    return fields


def check_content(conn, account, form: dict, today: dt.date | None = None) -> dict:
    """A fiche's content from the form's fields (``check_fields``, and commune, lon,
    lat: where it takes place), checked; InputError naming the first wrong field."""
    content = check_fields(conn, form, today=today)
    commune = (form.get("commune") or "").strip()
    if commune not in {p["insee"] for p in places_of(conn, account)}:
        raise InputError("Lieu : choisissez une commune de votre collectivité")
    content["commune_insee"] = commune
    lon, lat = (form.get("lon") or "").strip(), (form.get("lat") or "").strip()
    content["lon"] = content["lat"] = None
    if lon or lat:
        try:
            x, y = float(lon.replace(",", ".")), float(lat.replace(",", "."))
        except ValueError:
            raise InputError("Point : longitude et latitude en degrés décimaux") from None
        inside = conn.scalar(sa.text(
            "SELECT ST_Covers(geom, ST_SetSRID(ST_MakePoint(:x, :y), 4326)) "
            "FROM commune WHERE insee = :c"), {"x": x, "y": y, "c": commune})
        if not inside:
            raise InputError("Point : il doit se trouver dans la commune choisie")
        content["lon"], content["lat"] = round(x, 6), round(y, 6)
    return content


def _dump(content: dict | None) -> str | None:
    return None if content is None else json.dumps(content, ensure_ascii=False)


def _add_revision(conn, fiche_id: int, user_id: int, kind: str, content: dict | None) -> int:
    # The waiting revision (if any) gives way: one at a time per fiche.
    conn.execute(sa.text(
        "UPDATE fiche_revision SET status = 'superseded', decided_at = now() "
        "WHERE fiche_id = :f AND status = 'pending'"), {"f": fiche_id})
    return conn.scalar(sa.text(
        "INSERT INTO fiche_revision (fiche_id, user_id, kind, content) "
        "VALUES (:f, :u, :k, CAST(:c AS jsonb)) RETURNING id"),
        {"f": fiche_id, "u": user_id, "k": kind, "c": _dump(content)})


def create_fiche(conn, account, content: dict) -> int:
    fiche_id = conn.scalar(sa.text(
        "INSERT INTO fiche (commune_insee, epci_siren, created_by) VALUES (:c, :e, :u) "
        "RETURNING id"), {"c": account.commune_insee, "e": account.epci_siren,
                          "u": account.id})
    _add_revision(conn, fiche_id, account.id, "publish", content)
    return fiche_id


def revise(conn, account, fiche_id: int, content: dict) -> int:
    return _add_revision(conn, fiche_id, account.id, "publish", content)


def ask_unpublish(conn, account, fiche_id: int) -> int:
    fiche = get_fiche(conn, fiche_id)
    if fiche is None or fiche["state"] != "published":
        raise InputError("seule une fiche publiée peut être dépubliée")
    return _add_revision(conn, fiche_id, account.id, "unpublish", None)


def withdraw(conn, fiche_id: int) -> bool:
    """The fiche's waiting revision withdrawn by its collectivité; False if none waits."""
    return conn.execute(sa.text(
        "UPDATE fiche_revision SET status = 'withdrawn', decided_at = now() "
        "WHERE fiche_id = :f AND status = 'pending' RETURNING id"),
        {"f": fiche_id}).first() is not None


_FICHE = """
    SELECT f.id, f.commune_insee, f.epci_siren, f.state, f.created_at,
           coalesce(c.name, e.name) AS collectivite, p.content AS published,
           w.id AS pending_id, w.kind AS pending_kind, w.content AS pending,
           w.created_at AS pending_at, last.status AS last_status,
           last.message AS last_message, last.decided_at AS last_decided_at,
           (SELECT content FROM fiche_revision r WHERE r.fiche_id = f.id
            AND r.content IS NOT NULL ORDER BY r.id DESC LIMIT 1) AS latest,
           (SELECT id FROM initiative WHERE source = 'contributions'
            AND source_id = 'fiche-' || f.id) AS initiative_id
    FROM fiche f
    LEFT JOIN commune c ON c.insee = f.commune_insee
    LEFT JOIN epci e ON e.siren = f.epci_siren
    LEFT JOIN fiche_revision p ON p.id = f.published_revision_id
    LEFT JOIN fiche_revision w ON w.fiche_id = f.id AND w.status = 'pending'
    LEFT JOIN LATERAL (
        SELECT status, message, decided_at FROM fiche_revision r
        WHERE r.fiche_id = f.id AND r.status IN ('approved', 'rejected', 'changes')
        ORDER BY r.decided_at DESC, r.id DESC LIMIT 1) last ON true
"""


def get_fiche(conn, fiche_id: int) -> dict | None:
    row = conn.execute(sa.text(_FICHE + " WHERE f.id = :id"), {"id": fiche_id}).first()
    return dict(row._mapping) if row else None


def fiches_of(conn, account) -> list[dict]:
    """The fiches of the account's collectivité, the newest first."""
    # A commune's agent or an EPCI's: an equality on the indexed column, not a
    # NULL-safe comparison of both (which no index answers).
    column, code = (("commune_insee", account.commune_insee) if account.commune_insee
                    else ("epci_siren", account.epci_siren))
    rows = conn.execute(sa.text(
        _FICHE + f" WHERE f.{column} = :code ORDER BY f.id DESC"), {"code": code})
    return [dict(r._mapping) for r in rows]


def history(conn, fiche_id: int) -> list[dict]:
    """Every revision of a fiche, the oldest first, with who wrote and who decided."""
    return [dict(r._mapping) for r in conn.execute(sa.text(
        "SELECT r.id, r.kind, r.status, r.content, r.created_at, r.decided_at, r.message, "
        "u.name AS author, d.name AS decider FROM fiche_revision r "
        "JOIN app_user u ON u.id = r.user_id LEFT JOIN app_user d ON d.id = r.decided_by "
        "WHERE r.fiche_id = :f ORDER BY r.id"), {"f": fiche_id})]


# -- public forms ------------------------------------------------------------------------

def _too_many(conn, table: str, who: str, per_sender: int, hours: int, per_all: int) -> bool:
    assert table in ("error_report", "account_request")  # a name of ours, never the request's
    row = conn.execute(sa.text(
        f"SELECT count(*) FILTER (WHERE requester = :who "
        f"AND created_at > now() - make_interval(hours => :hours)) AS mine, "
        f"count(*) AS everybody FROM {table} WHERE created_at > now() - interval '1 day'"),
        {"who": who, "hours": hours}).one()
    return row.mine >= per_sender or row.everybody >= per_all


TITLE_OF = sa.text("SELECT title FROM initiative WHERE id = :id")


def report_error(conn, initiative_id: int, text: str | None, who: str) -> int:
    """Store a visitor's report on a record; InputError for a bad text, a record that
    does not exist, or too many reports (then nothing is stored)."""
    text = texts.field(text, "Votre message", TEXT_MAX, required=True, lines=True)
    title = conn.scalar(TITLE_OF, {"id": initiative_id})
    if title is None:
        raise InputError("cette fiche n'existe plus")
    if _too_many(conn, "error_report", who, REPORTS_PER_HOUR, 1, REPORTS_PER_DAY_ALL):
        raise RateLimited("trop de signalements envoyés : réessayez dans une heure")
    return conn.scalar(sa.text(
        "INSERT INTO error_report (initiative_id, record_title, text, requester) "
        "VALUES (:i, :t, :x, :w) RETURNING id"),
        {"i": initiative_id, "t": title, "x": text, "w": who})


def request_account(conn, form: dict, who: str) -> int:
    name = texts.field(form.get("name"), "Nom", NAME_MAX, required=True)
    try:
        email = accounts.normal_email(form.get("email") or "")
    except InputError:
        raise InputError("Adresse électronique : adresse non valable") from None
    position = texts.field(form.get("position"), "Fonction dans la collectivité", NAME_MAX,
                          required=True)
    place = resolve_collectivite(conn, form.get("collectivite"))
    message = texts.field(form.get("message"), "Message", TEXT_MAX, lines=True)
    if _too_many(conn, "account_request", who, REQUESTS_PER_DAY, 24, REQUESTS_PER_DAY_ALL):
        raise RateLimited("trop de demandes envoyées : réessayez demain")
    return conn.scalar(sa.text(
        "INSERT INTO account_request (name, email, position, commune_insee, epci_siren, "
        "message, requester) VALUES (:n, :e, :p, :c, :s, :m, :w) RETURNING id"),
        {"n": name, "e": email, "p": position, "m": message, "w": who,
         "c": place["code"] if place["kind"] == "commune" else None,
         "s": place["code"] if place["kind"] == "epci" else None})


class RateLimited(InputError):
    status = 429
    code = "rate_limited"


# -- moderators' decisions that publish nothing --------------------------------------------

def decide_revisions(conn, moderator, ids: list[int], status: str, message: str | None
                     ) -> list[int]:
    """Reject, or ask for changes (``status`` rejected/changes), with a message the
    contributor reads; the pending ones among ``ids`` are decided, audited."""
    assert status in ("rejected", "changes")
    message = texts.field(message, "Message au contributeur", TEXT_MAX, required=True,
                         lines=True)
    rows = conn.execute(sa.text(
        "UPDATE fiche_revision SET status = :s, message = :m, decided_at = now(), "
        "decided_by = :u WHERE id = ANY(:ids) AND status = 'pending' "
        "RETURNING id, fiche_id, kind"),
        {"s": status, "m": message, "u": moderator.id, "ids": list(ids)}).all()
    for r in rows:
        audit.record(conn, f"contribution.{status}", actor=moderator.email,
                     user_id=moderator.id, target=f"fiche {r.fiche_id}",
                     after={"revision": r.id, "kind": r.kind, "message": message})
    return [r.id for r in rows]


def accept_request(conn, moderator, request_id: int) -> tuple[str, str] | None:
    """Make the account of a pending request; (e-mail, activation token), or None if the
    request is not pending. InputError when an account has that e-mail."""
    row = conn.execute(sa.text(
        "SELECT * FROM account_request WHERE id = :id AND status = 'pending' FOR UPDATE"),
        {"id": request_id}).first()
    if row is None:
        return None
    if accounts.by_email(conn, row.email) is not None:
        raise InputError(f"un compte existe déjà avec l'adresse {row.email} : refusez la "
                         "demande, ou changez le rôle du compte existant")
    account, token = accounts.add(conn, row.email, "contributor", name=row.name,
                                  commune=row.commune_insee, epci=row.epci_siren)
    conn.execute(sa.text(
        "UPDATE account_request SET status = 'accepted', decided_at = now(), "
        "decided_by = :u, user_id = :a WHERE id = :id"),
        {"u": moderator.id, "a": account.id, "id": request_id})
    audit.record(conn, "account.request_accepted", actor=moderator.email,
                 user_id=moderator.id, target=account.email,
                 after={"request": request_id, "commune": row.commune_insee,
                        "epci": row.epci_siren})
    return account.email, token


def reject_request(conn, moderator, request_id: int) -> bool:
    done = conn.execute(sa.text(
        "UPDATE account_request SET status = 'rejected', decided_at = now(), "
        "decided_by = :u WHERE id = :id AND status = 'pending' RETURNING id"),
        {"u": moderator.id, "id": request_id}).first() is not None
    if done:
        audit.record(conn, "account.request_rejected", actor=moderator.email,
                     user_id=moderator.id, target=f"demande {request_id}")
    return done


def close_report(conn, moderator, report_id: int, status: str) -> bool:
    """A report marked ``fixed`` (after an audited edit) or ``dismissed``."""
    assert status in ("fixed", "dismissed")
    row = conn.execute(sa.text(
        "UPDATE error_report SET status = :s, decided_at = now(), decided_by = :u "
        "WHERE id = :id AND status = 'open' RETURNING initiative_id"),
        {"s": status, "u": moderator.id, "id": report_id}).first()
    if row is not None:
        audit.record(conn, f"report.{status}", actor=moderator.email, user_id=moderator.id,
                     target=f"signalement {report_id}",
                     after={"initiative": row.initiative_id})
    return row is not None
