"""The data model: reference geography, the domain taxonomy, sources, label awards and
initiative or place records.

Geometries are stored in EPSG:4326 (lon/lat). Every table here is created and evolved by
the Alembic migrations in ``atlas/migrations``; the models describe the same schema for
queries and tests, and a test checks the two agree.

A commune's label level is never an attribute of the commune: it is a ``LabelAward`` per
year, so "the level in 2019" and "the latest level" are both answerable. Every award and
record names its ``Source``, which carries the licence and the attribution line to show.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

SRID = 4326


class Base(DeclarativeBase):
    pass


def _geom(kind: str, nullable: bool = True):
    # Indexes are declared explicitly in __table_args__ (and in the migration), so that
    # the schema does not depend on GeoAlchemy2's implicit index creation.
    return mapped_column(Geometry(kind, srid=SRID, spatial_index=False), nullable=nullable)


class Region(Base):
    __tablename__ = "region"
    code: Mapped[str] = mapped_column(sa.String(3), primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)
    type_liaison: Mapped[int | None] = mapped_column(sa.SmallInteger)
    chef_lieu: Mapped[str | None] = mapped_column(sa.String(5))
    zone: Mapped[str] = mapped_column(sa.String(5))
    geom = _geom("MULTIPOLYGON")
    __table_args__ = (sa.Index("region_geom_gist", "geom", postgresql_using="gist"),)


class Departement(Base):
    __tablename__ = "departement"
    code: Mapped[str] = mapped_column(sa.String(3), primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("region.code"))
    type_liaison: Mapped[int | None] = mapped_column(sa.SmallInteger)
    chef_lieu: Mapped[str | None] = mapped_column(sa.String(5))
    zone: Mapped[str] = mapped_column(sa.String(5))
    geom = _geom("MULTIPOLYGON")
    __table_args__ = (
        sa.Index("departement_geom_gist", "geom", postgresql_using="gist"),
        sa.Index("departement_region_idx", "region_code"),
    )


class Commune(Base):
    """A current commune of the COG, keyed by its INSEE code."""

    __tablename__ = "commune"
    insee: Mapped[str] = mapped_column(sa.String(5), primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)  # official, with its article
    name_folded: Mapped[str] = mapped_column(sa.Text)  # for matching, see atlas.names
    type_liaison: Mapped[int | None] = mapped_column(sa.SmallInteger)
    departement_code: Mapped[str] = mapped_column(sa.ForeignKey("departement.code"))
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("region.code"))
    zone: Mapped[str] = mapped_column(sa.String(5))
    siren: Mapped[str | None] = mapped_column(sa.String(9))
    population: Mapped[int | None] = mapped_column(sa.Integer)
    postcodes: Mapped[list[str]] = mapped_column(ARRAY(sa.Text), server_default="{}")
    former_codes: Mapped[list[str]] = mapped_column(ARRAY(sa.Text), server_default="{}")
    geom = _geom("MULTIPOLYGON")
    point = _geom("POINT")  # point on surface: markers and labels
    __table_args__ = (
        sa.Index("commune_geom_gist", "geom", postgresql_using="gist"),
        # Nearby peers: KNN (<->), radius by true distance and population range
        # (btree_gist) in one index (migration 0005_peers).
        sa.Index("commune_point_geog_gist", sa.text("(point::geography)"), "population",
                 postgresql_using="gist"),
        sa.Index("commune_departement_idx", "departement_code"),
        sa.Index("commune_region_idx", "region_code"),
        # The figures' counts read these columns of every commune without the wide
        # rows and their outlines (index-only scans; migration 0011).
        sa.Index("commune_place_idx", "insee",
                 postgresql_include=["region_code", "departement_code", "population"]),
        sa.Index("commune_name_folded_idx", "name_folded"),
        sa.Index("commune_name_prefix", "name_folded",
                 postgresql_ops={"name_folded": "text_pattern_ops"}),
        sa.Index("commune_name_trgm", "name_folded", postgresql_using="gin",
                 postgresql_ops={"name_folded": "gin_trgm_ops"}),
        sa.Index("commune_postcodes_gin", "postcodes", postgresql_using="gin"),
        sa.Index("commune_former_codes_gin", "former_codes", postgresql_using="gin"),
    )

    departement: Mapped[Departement] = relationship()


class CommuneAlias(Base):
    """A code or name that designates (part of) a current commune: a former code merged
    into it, a commune déléguée or associée, an arrondissement municipal."""

    __tablename__ = "commune_alias"
    code: Mapped[str] = mapped_column(sa.String(5), primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(16), primary_key=True)
    name: Mapped[str | None] = mapped_column(sa.Text)
    name_folded: Mapped[str | None] = mapped_column(sa.Text)
    commune_insee: Mapped[str] = mapped_column(
        sa.ForeignKey("commune.insee", ondelete="CASCADE"))
    __table_args__ = (
        sa.CheckConstraint("kind IN ('ancien', 'deleguee', 'associee', 'arrondissement')",
                           name="commune_alias_kind"),
        sa.Index("commune_alias_commune_idx", "commune_insee"),
        sa.Index("commune_alias_name_folded_idx", "name_folded"),
        sa.Index("commune_alias_name_trgm", "name_folded", postgresql_using="gin",
                 postgresql_ops={"name_folded": "gin_trgm_ops"}),
    )


class PostalLocality(Base):
    """A name mail is routed by (a *libellé d'acheminement*, a former village) for a
    postcode, with the current commune it lies in; only names differing from the
    commune's own (``loaders.geocoder.postal``)."""

    __tablename__ = "postal_locality"
    postcode: Mapped[str] = mapped_column(sa.String(5), primary_key=True)
    name_folded: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    commune_insee: Mapped[str] = mapped_column(
        sa.ForeignKey("commune.insee", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)
    __table_args__ = (sa.Index("postal_locality_commune_idx", "commune_insee"),)


epci_member = sa.Table(
    "epci_member",
    Base.metadata,
    sa.Column("epci_siren", sa.ForeignKey("epci.siren", ondelete="CASCADE"), primary_key=True),
    sa.Column("commune_insee", sa.ForeignKey("commune.insee", ondelete="CASCADE"),
              primary_key=True),
    sa.Index("epci_member_commune_idx", "commune_insee"),
)


class Epci(Base):
    """An EPCI à fiscalité propre (CC, CA, CU, métropole), keyed by its SIREN."""

    __tablename__ = "epci"
    siren: Mapped[str] = mapped_column(sa.String(9), primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)
    name_folded: Mapped[str] = mapped_column(sa.Text)
    type: Mapped[str] = mapped_column(sa.String(5))
    population: Mapped[int | None] = mapped_column(sa.Integer)
    members: Mapped[list[Commune]] = relationship(secondary=epci_member)


class Domain(Base):
    """A domain of the taxonomy (the Villes Internet "enjeux"), seeded from geodata/."""

    __tablename__ = "domain"
    code: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    label: Mapped[str] = mapped_column(sa.Text, unique=True)
    keywords: Mapped[list[str]] = mapped_column(ARRAY(sa.Text), server_default="{}")
    description: Mapped[str | None] = mapped_column(sa.Text)
    position: Mapped[int] = mapped_column(sa.SmallInteger)


class Source(Base):
    """Where records come from: a national list, a staff spreadsheet, a press corpus.

    ``name`` is the key stored with each record; ``attribution`` is the full line shown
    beside the data ("ANCT – France Services, 2024-08-01, Licence Ouverte 2.0").
    """

    __tablename__ = "source"
    name: Mapped[str] = mapped_column(sa.Text, primary_key=True)
    title: Mapped[str] = mapped_column(sa.Text)
    publisher: Mapped[str | None] = mapped_column(sa.Text)
    edition: Mapped[str | None] = mapped_column(sa.Text)
    licence: Mapped[str | None] = mapped_column(sa.Text)
    licence_url: Mapped[str | None] = mapped_column(sa.Text)
    url: Mapped[str | None] = mapped_column(sa.Text)
    attribution: Mapped[str] = mapped_column(sa.Text)
    synthetic: Mapped[bool] = mapped_column(sa.Boolean, server_default=sa.false())
    loaded_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))


def _source_key():
    return mapped_column(sa.ForeignKey("source.name", onupdate="CASCADE"))


class LabelAward(Base):
    """The label level (1..5 "@") a collectivité received for one edition year."""

    __tablename__ = "label_award"
    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    commune_insee: Mapped[str | None] = mapped_column(sa.ForeignKey("commune.insee"))
    epci_siren: Mapped[str | None] = mapped_column(sa.ForeignKey("epci.siren"))
    year: Mapped[int] = mapped_column(sa.SmallInteger)
    level: Mapped[int] = mapped_column(sa.SmallInteger)
    mentions: Mapped[list[str]] = mapped_column(ARRAY(sa.Text), server_default="{}")
    url: Mapped[str | None] = mapped_column(sa.Text)  # the page stating it, if any
    source: Mapped[str] = _source_key()
    __table_args__ = (
        sa.CheckConstraint("(commune_insee IS NULL) <> (epci_siren IS NULL)",
                           name="label_award_one_collectivite"),
        sa.CheckConstraint("level BETWEEN 1 AND 5", name="label_award_level_range"),
        sa.CheckConstraint("year BETWEEN 1990 AND 2100", name="label_award_year_range"),
        sa.Index("label_award_commune_year_uq", "commune_insee", "year", unique=True,
                 postgresql_where=sa.text("commune_insee IS NOT NULL")),
        sa.Index("label_award_epci_year_uq", "epci_siren", "year", unique=True,
                 postgresql_where=sa.text("epci_siren IS NOT NULL")),
        sa.Index("label_award_year_level_idx", "year", "level"),
    )


initiative_domain = sa.Table(
    "initiative_domain",
    Base.metadata,
    sa.Column("initiative_id", sa.ForeignKey("initiative.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("domain_code", sa.ForeignKey("domain.code", onupdate="CASCADE"), primary_key=True),
    sa.Index("initiative_domain_domain_idx", "domain_code", "initiative_id"),
)


class Initiative(Base):
    """A record on the map: a fiche d'initiative (what a collectivité did, where, when, in
    which domains) or a place (``kind = 'place'``: a France Services, a structure hosting
    conseillers numériques...), with its source's public fields in ``attributes``."""

    __tablename__ = "initiative"
    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    title: Mapped[str] = mapped_column(sa.Text)
    summary: Mapped[str | None] = mapped_column(sa.Text)
    year: Mapped[int | None] = mapped_column(sa.SmallInteger)
    url: Mapped[str | None] = mapped_column(sa.Text)
    commune_insee: Mapped[str | None] = mapped_column(sa.ForeignKey("commune.insee"))
    epci_siren: Mapped[str | None] = mapped_column(sa.ForeignKey("epci.siren"))
    geom = _geom("POINT", nullable=False)
    source: Mapped[str] = _source_key()
    source_id: Mapped[str] = mapped_column(sa.Text)
    kind: Mapped[str] = mapped_column(sa.Text, server_default="initiative")
    place_type: Mapped[str | None] = mapped_column(sa.Text)
    attributes: Mapped[dict] = mapped_column(JSONB, server_default=sa.text("'{}'::jsonb"))
    geocode_method: Mapped[str] = mapped_column(sa.Text)
    geocode_score: Mapped[float] = mapped_column(sa.Float)
    updated_at: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now())
    domains: Mapped[list[Domain]] = relationship(secondary=initiative_domain)
    __table_args__ = (
        sa.UniqueConstraint("source", "source_id", name="initiative_source_uq"),
        sa.CheckConstraint("year IS NULL OR year BETWEEN 1980 AND 2100",
                           name="initiative_year_range"),
        sa.CheckConstraint("geocode_score BETWEEN 0 AND 1", name="initiative_score_range"),
        sa.CheckConstraint("kind IN ('initiative', 'place')", name="initiative_kind"),
        sa.CheckConstraint("kind = 'place' OR place_type IS NULL",
                           name="initiative_place_type"),
        sa.Index("initiative_kind_idx", "kind", "place_type"),
        sa.Index("initiative_geom_gist", "geom", postgresql_using="gist"),
        sa.Index("initiative_commune_idx", "commune_insee"),
        sa.Index("initiative_epci_idx", "epci_siren"),
        sa.Index("initiative_year_idx", "year"),
    )


class DataVersion(Base):
    """One row counting changes of the data the API serves: writers bump it (with
    ``loaders.pipeline``), readers use it for ETags and to invalidate caches."""

    __tablename__ = "data_version"
    id: Mapped[int] = mapped_column(sa.SmallInteger, primary_key=True)
    version: Mapped[int] = mapped_column(sa.BigInteger, server_default="0")
    changed_at: Mapped[dt.datetime] = mapped_column(
        sa.DateTime(timezone=True), server_default=sa.func.now())
    __table_args__ = (sa.CheckConstraint("id = 1", name="data_version_one_row"),)


# -- the staff console (migration 0012_staff_console): accounts, jobs, audit ---------------

ROLES = ("contributor", "moderator", "admin")  # each may do what the former may, and more


class User(Base):
    """A staff or contributor account. A contributor acts for one collectivité (a commune
    or an EPCI: no foreign key, so a reference re-load that merges communes never fails
    on an account; the CLI checks the code exists). ``password_hash`` is Argon2id, NULL
    until the account is activated; the activation/reset token is stored hashed.
    ``session_gen`` is part of every session's id: bumping it (reset, disable, password
    change) ends every open session of the account."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    email: Mapped[str] = mapped_column(sa.Text, unique=True)
    name: Mapped[str] = mapped_column(sa.Text)
    role: Mapped[str] = mapped_column(sa.Text)
    commune_insee: Mapped[str | None] = mapped_column(sa.String(5))
    epci_siren: Mapped[str | None] = mapped_column(sa.String(9))
    active: Mapped[bool] = mapped_column(sa.Boolean, server_default=sa.true())
    password_hash: Mapped[str | None] = mapped_column(sa.Text)
    token_hash: Mapped[str | None] = mapped_column(sa.Text)
    token_expires: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    session_gen: Mapped[int] = mapped_column(sa.Integer, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True),
                                                    server_default=sa.func.now())
    activated_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    last_login_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    __table_args__ = (
        sa.CheckConstraint("role IN ('contributor', 'moderator', 'admin')",
                           name="app_user_role"),
        sa.CheckConstraint("email = lower(email) AND email LIKE '%_@_%'",
                           name="app_user_email"),
        sa.CheckConstraint("num_nonnulls(commune_insee, epci_siren) = "
                           "CASE WHEN role = 'contributor' THEN 1 ELSE 0 END",
                           name="app_user_collectivite"),
    )


class LoginFailure(Base):
    """One failed login, by account (folded e-mail) and address: the throttle counts the
    last 15 minutes' rows, the same for every gunicorn worker."""

    __tablename__ = "login_failure"
    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    account: Mapped[str] = mapped_column(sa.Text)
    address: Mapped[str] = mapped_column(sa.Text)
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True),
                                            server_default=sa.func.now())
    __table_args__ = (
        sa.Index("login_failure_account_idx", "account", "at"),
        sa.Index("login_failure_address_idx", "address", "at"),
    )


class ConsoleJob(Base):
    """A write asked from the console, run by a detached ``python -m atlas jobs run ID``
    (never by a web worker): an import (previewed as a dry run, then confirmed), a
    source's records removed, a source's description edited. ``phase`` is the progress
    the page shows; ``preview`` and ``result`` the pipeline's summaries."""

    __tablename__ = "console_job"
    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    action: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.Text, server_default="queued")
    phase: Mapped[str | None] = mapped_column(sa.Text)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("app_user.id"))
    kind: Mapped[str | None] = mapped_column(sa.Text)
    source: Mapped[str | None] = mapped_column(sa.Text)
    params: Mapped[dict] = mapped_column(JSONB, server_default="{}")
    file_name: Mapped[str | None] = mapped_column(sa.Text)
    file_sha256: Mapped[str | None] = mapped_column(sa.Text)
    file_size: Mapped[int | None] = mapped_column(sa.BigInteger)
    confirmed: Mapped[bool] = mapped_column(sa.Boolean, server_default=sa.false())
    preview: Mapped[dict | None] = mapped_column(JSONB)
    result: Mapped[dict | None] = mapped_column(JSONB)
    error: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True),
                                                    server_default=sa.func.now())
    finished_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    __table_args__ = (
        sa.CheckConstraint("action IN ('import', 'remove_source', 'edit_source')",
                           name="console_job_action"),
        sa.CheckConstraint("status IN ('queued', 'running', 'previewed', 'done', 'failed')",
                           name="console_job_status"),
        sa.Index("console_job_created_idx", "created_at"),
    )


class AuditEvent(Base):
    """One write made from the console or the accounts commands: who, when, what, the
    counts, and for an edit the values before and after. The web's roles may INSERT and
    SELECT it, never UPDATE or DELETE (migration 0012)."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True),
                                            server_default=sa.func.now())
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("app_user.id"))
    actor: Mapped[str] = mapped_column(sa.Text)
    action: Mapped[str] = mapped_column(sa.Text)
    target: Mapped[str | None] = mapped_column(sa.Text)
    counts: Mapped[dict] = mapped_column(JSONB, server_default="{}")
    before: Mapped[dict | None] = mapped_column(JSONB)
    after: Mapped[dict | None] = mapped_column(JSONB)
    job_id: Mapped[int | None] = mapped_column(sa.ForeignKey("console_job.id"))
    __table_args__ = (sa.Index("audit_event_at_idx", "at"),)


# -- contributions (migration 0016_contributions): fiches proposed by collectivités -------

FICHE_STATES = ("draft", "published", "unpublished")
REVISION_KINDS = ("publish", "unpublish")
REVISION_STATES = ("pending", "approved", "rejected", "changes", "withdrawn", "superseded")


def _when(**kw):
    return mapped_column(sa.DateTime(timezone=True), **kw)


class Fiche(Base):
    """A fiche d'initiative proposed by a collectivité (the commune or EPCI its author's
    account acts for). What it says lives in its revisions; the approved one is published
    as the initiative ``contributions``/``fiche-<id>`` through the write path.
    ``state``: ``draft`` until a first approval, then ``published`` or ``unpublished``."""

    __tablename__ = "fiche"
    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    commune_insee: Mapped[str | None] = mapped_column(sa.String(5))
    epci_siren: Mapped[str | None] = mapped_column(sa.String(9))
    created_by: Mapped[int] = mapped_column(sa.ForeignKey("app_user.id"))
    created_at: Mapped[dt.datetime] = _when(server_default=sa.func.now())
    state: Mapped[str] = mapped_column(sa.Text, server_default="draft")
    published_revision_id: Mapped[int | None] = mapped_column(sa.ForeignKey(
        "fiche_revision.id", use_alter=True, name="fiche_published_revision_fk"))
    __table_args__ = (
        sa.CheckConstraint("num_nonnulls(commune_insee, epci_siren) = 1",
                           name="fiche_collectivite"),
        sa.CheckConstraint("state IN ('draft', 'published', 'unpublished')",
                           name="fiche_state"),
        sa.Index("fiche_commune_idx", "commune_insee"),
        sa.Index("fiche_epci_idx", "epci_siren"),
    )


class FicheRevision(Base):
    """One proposed change of a fiche: its whole content (``publish``) or a request to
    take it off the map (``unpublish``), waiting for a moderator. At most one is pending
    per fiche: a new edit supersedes the pending one. ``message``: the moderator's words
    to the contributor (a rejection, changes asked)."""

    __tablename__ = "fiche_revision"
    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    fiche_id: Mapped[int] = mapped_column(sa.ForeignKey("fiche.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("app_user.id"))
    kind: Mapped[str] = mapped_column(sa.Text)
    content: Mapped[dict | None] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(sa.Text, server_default="pending")
    created_at: Mapped[dt.datetime] = _when(server_default=sa.func.now())
    decided_at: Mapped[dt.datetime | None] = _when()
    decided_by: Mapped[int | None] = mapped_column(sa.ForeignKey("app_user.id"))
    message: Mapped[str | None] = mapped_column(sa.Text)
    __table_args__ = (
        sa.CheckConstraint("kind IN ('publish', 'unpublish')", name="fiche_revision_kind"),
        sa.CheckConstraint("status IN ('pending', 'approved', 'rejected', 'changes', "
                           "'withdrawn', 'superseded')", name="fiche_revision_status"),
        sa.CheckConstraint("(kind = 'publish') = (content IS NOT NULL)",
                           name="fiche_revision_content"),
        sa.Index("fiche_revision_fiche_idx", "fiche_id"),
        sa.Index("fiche_revision_pending_idx", "created_at",
                 postgresql_where=sa.text("status = 'pending'")),
        sa.Index("fiche_revision_one_pending", "fiche_id", unique=True,
                 postgresql_where=sa.text("status = 'pending'")),
    )


class AccountRequest(Base):
    """A request for a contributor account from the public form: who (name, e-mail,
    position in the collectivité), for which collectivité, why. ``requester``: a keyed
    hash of the address, for the rate limit only. Never shown outside moderation."""

    __tablename__ = "account_request"
    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    name: Mapped[str] = mapped_column(sa.Text)
    email: Mapped[str] = mapped_column(sa.Text)
    position: Mapped[str] = mapped_column(sa.Text)
    commune_insee: Mapped[str | None] = mapped_column(sa.String(5))
    epci_siren: Mapped[str | None] = mapped_column(sa.String(9))
    message: Mapped[str | None] = mapped_column(sa.Text)
    requester: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.Text, server_default="pending")
    created_at: Mapped[dt.datetime] = _when(server_default=sa.func.now())
    decided_at: Mapped[dt.datetime | None] = _when()
    decided_by: Mapped[int | None] = mapped_column(sa.ForeignKey("app_user.id"))
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("app_user.id"))
    __table_args__ = (
        sa.CheckConstraint("num_nonnulls(commune_insee, epci_siren) = 1",
                           name="account_request_collectivite"),
        sa.CheckConstraint("status IN ('pending', 'accepted', 'rejected')",
                           name="account_request_status"),
        sa.Index("account_request_requester_idx", "requester", "created_at"),
        sa.Index("account_request_pending_idx", "created_at",
                 postgresql_where=sa.text("status = 'pending'")),
    )


class ErrorReport(Base):
    """"Signaler une erreur" on an initiative's page: a short text, stored as text, with
    the record's title as it was (the queue stays readable if the record goes)."""

    __tablename__ = "error_report"
    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    initiative_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("initiative.id", ondelete="SET NULL"))
    record_title: Mapped[str] = mapped_column(sa.Text)
    text: Mapped[str] = mapped_column(sa.Text)
    requester: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.Text, server_default="open")
    created_at: Mapped[dt.datetime] = _when(server_default=sa.func.now())
    decided_at: Mapped[dt.datetime | None] = _when()
    decided_by: Mapped[int | None] = mapped_column(sa.ForeignKey("app_user.id"))
    __table_args__ = (
        sa.CheckConstraint("status IN ('open', 'fixed', 'dismissed')",
                           name="error_report_status"),
        sa.Index("error_report_requester_idx", "requester", "created_at"),
        sa.Index("error_report_open_idx", "created_at",
                 postgresql_where=sa.text("status = 'open'")),
        sa.Index("error_report_initiative_idx", "initiative_id"),
    )
