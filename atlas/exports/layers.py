"""What each export layer holds: one SELECT per layer, built on the filtered view.

Every layer starts from ``atlas.queries.initiatives.matching`` (the one filtered query
over ``initiative_search``), so an export is exactly what the API answers for the same
filters:

- ``initiatives``: the matching records, ordered by id, at their point;
- ``communes``: the communes holding at least one matching record, with their outline,
  their label (``atlas.queries.labels``: their own, else their EPCI's, with its SIREN
  and name; in ``label_year`` if given, else the latest) and how
  many matching initiatives and places they hold;
- ``labels``: every label award of the collectivités holding at least one matching
  record (only the ``label_year`` edition when that filter is given), at the commune's
  point on surface, or for an EPCI at its most populous member's.

A layer is a list of ``Field`` (name, Shapefile name, kind) and a statement selecting
them, labelled with the field names, plus ``geom`` (EPSG:4326) and ``lon``/``lat`` (the
point a CSV row gets). Formats decide how a ``list`` or ``json`` field is written.
"""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa

from atlas.filters import Filters
from atlas.models import Commune, Epci, LabelAward, Source, epci_member
from atlas.queries import initiatives as iq
from atlas.queries import labels
from atlas.search import initiative_search as s

_i = iq.Initiative.__table__
_c, _e, _a, _src = Commune.__table__, Epci.__table__, LabelAward.__table__, Source.__table__


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    shp: str  # the Shapefile (dBase) name: 10 characters at most
    kind: str = "text"  # text | int | bool | list (text[]) | json (an object)


# The reference data every layer's codes, names and outlines come from.
REFERENCE_SOURCES = [
    {"title": "IGN – ADMIN EXPRESS COG 2018 (contours des communes)",
     "attribution": "IGN – ADMIN EXPRESS COG 2018",
     "licence": "Licence Ouverte / Open Licence (Etalab)",
     "licence_url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"},
    {"title": "INSEE – Code officiel géographique 2026",
     "attribution": "INSEE – Code officiel géographique 2026",
     "licence": "Licence Ouverte / Open Licence (Etalab)",
     "licence_url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"},
]
REFERENCE_ATTRIBUTION = "IGN – ADMIN EXPRESS COG 2018 ; INSEE – COG 2026"
REFERENCE_LICENCE = "Licence Ouverte / Open Licence (Etalab)"

_SOURCE_FIELDS = [Field("source", "source"), Field("attribution", "attributn"),
                  Field("licence", "licence"), Field("licence_url", "lic_url"),
                  Field("synthetic", "synthetic", "bool")]

INITIATIVES = [
    Field("id", "id", "int"), Field("title", "title"), Field("summary", "summary"),
    Field("year", "year", "int"), Field("url", "url"), Field("domains", "domains", "list"),
    Field("commune_insee", "com_insee"), Field("commune_name", "com_name"),
    Field("epci_siren", "epci_siren"), Field("epci_name", "epci_name"),
    Field("departement", "dep"), Field("region", "region"),
    Field("label_level", "lbl_level", "int"), Field("label_year", "lbl_year", "int"),
    Field("kind", "kind"), Field("place_type", "place_type"),
    Field("attributes", "attributes", "json"),
    *_SOURCE_FIELDS, Field("updated_at", "updated_at"),
]

COMMUNES = [
    Field("insee", "insee"), Field("name", "name"), Field("departement", "dep"),
    Field("region", "region"), Field("population", "population", "int"),
    Field("label_level", "lbl_level", "int"), Field("label_year", "lbl_year", "int"),
    Field("label_epci_siren", "lbl_epci"), Field("label_epci_name", "lbl_epcinm"),
    Field("initiatives", "n_initiat", "int"), Field("places", "n_places", "int"),
    Field("attribution", "attributn"), Field("licence", "licence"),
]

LABELS = [
    Field("id", "id", "int"), Field("year", "year", "int"), Field("level", "level", "int"),
    Field("mentions", "mentions", "list"), Field("url", "url"),
    Field("commune_insee", "com_insee"), Field("commune_name", "com_name"),
    Field("epci_siren", "epci_siren"), Field("epci_name", "epci_name"),
    Field("departement", "dep"), Field("region", "region"), *_SOURCE_FIELDS,
]

FIELDS = {"initiatives": INITIATIVES, "communes": COMMUNES, "labels": LABELS}
GEOMETRY = {"initiatives": "Point", "communes": "MultiPolygon", "labels": "Point"}


def _utc(column) -> sa.ColumnElement:
    # Text, so every format writes the same instant the same way (Shapefile has no
    # timestamp type, and GDAL would shift a naive one).
    return sa.func.to_char(sa.func.timezone("UTC", column), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')


def _initiatives(f: Filters) -> sa.Select:
    # The API's own select (same joins, same label columns), with the export's columns.
    return (iq._select(f).with_only_columns(
        _i.c.id, _i.c.title, _i.c.summary, _i.c.year, _i.c.url,
        s.c.domains.label("domains"), _i.c.commune_insee,
        _c.c.name.label("commune_name"), _i.c.epci_siren, _e.c.name.label("epci_name"),
        s.c.departement_code.label("departement"), s.c.region_code.label("region"),
        iq.level_column(f).label("label_level"),
        iq.label_year_column(f).label("label_year"),
        _i.c.kind, _i.c.place_type,
        sa.func.coalesce(_i.c.attributes, sa.text("'{}'::jsonb")).label("attributes"),
        _i.c.source, _src.c.attribution, _src.c.licence, _src.c.licence_url,
        _src.c.synthetic, _utc(_i.c.updated_at).label("updated_at"),
        _i.c.geom.label("geom"), _i.c.geom.label("point"),
        maintain_column_froms=False)
        .where(*iq.where(f)).order_by(s.c.id))


def _communes(f: Filters) -> sa.Select:
    view = iq.matching(f, s.c.commune_insee, s.c.kind
                       ).where(s.c.commune_insee.is_not(None)).subquery("v")
    per = (sa.select(view.c.commune_insee,
                     sa.func.count().filter(view.c.kind == "initiative").label("n_i"),
                     sa.func.count().filter(view.c.kind == "place").label("n_p"))
           .group_by(view.c.commune_insee).subquery("per"))
    # The commune's label: its own, else its EPCI's (flagged), one rule for every consumer.
    lbl = labels.latest_lateral(_c.c.insee, f.label_year)
    return (sa.select(
        _c.c.insee, _c.c.name, _c.c.departement_code.label("departement"),
        _c.c.region_code.label("region"), _c.c.population,
        lbl.c.label_level, lbl.c.label_year, lbl.c.label_epci_siren, lbl.c.label_epci_name,
        per.c.n_i.label("initiatives"), per.c.n_p.label("places"),
        sa.literal(REFERENCE_ATTRIBUTION).label("attribution"),
        sa.literal(REFERENCE_LICENCE).label("licence"),
        _c.c.geom.label("geom"), _c.c.point.label("point"))
        .select_from(per.join(_c, _c.c.insee == per.c.commune_insee)
                     .outerjoin(lbl, sa.true()))
        .order_by(_c.c.insee))


def _labels(f: Filters) -> sa.Select:
    holders = iq.matching(f, s.c.holder).distinct().subquery("h")
    pc = _c.alias("pc")  # an EPCI's most populous member: where its awards are drawn
    seat = (sa.select(pc.c.point, pc.c.departement_code, pc.c.region_code)
            .select_from(epci_member.join(pc, pc.c.insee == epci_member.c.commune_insee))
            .where(epci_member.c.epci_siren == _a.c.epci_siren)
            .order_by(pc.c.population.desc().nulls_last(), pc.c.insee)
            .limit(1).lateral("seat"))
    point = sa.func.coalesce(_c.c.point, seat.c.point)
    stmt = (sa.select(
        _a.c.id, _a.c.year, _a.c.level, _a.c.mentions, _a.c.url, _a.c.commune_insee,
        _c.c.name.label("commune_name"), _a.c.epci_siren, _e.c.name.label("epci_name"),
        sa.func.coalesce(_c.c.departement_code, seat.c.departement_code).label("departement"),
        sa.func.coalesce(_c.c.region_code, seat.c.region_code).label("region"),
        _a.c.source, _src.c.attribution, _src.c.licence, _src.c.licence_url,
        _src.c.synthetic, point.label("geom"), point.label("point"))
        .select_from(
            _a.join(holders, holders.c.holder
                    == sa.func.coalesce(_a.c.commune_insee, _a.c.epci_siren))
            .outerjoin(_c, _c.c.insee == _a.c.commune_insee)
            .outerjoin(_e, _e.c.siren == _a.c.epci_siren)
            .outerjoin(seat, sa.true())
            .join(_src, _src.c.name == _a.c.source))
        .order_by(_a.c.id))
    if f.label_year is not None:
        stmt = stmt.where(_a.c.year == f.label_year)
    return stmt


_BUILD = {"initiatives": _initiatives, "communes": _communes, "labels": _labels}


def statement(layer: str, f: Filters) -> sa.Select:
    """The layer's rows for ``f``: its fields (labelled by name), ``geom`` and ``point``
    (EPSG:4326; for communes the outline and the point on surface)."""
    return _BUILD[layer](f)


def record_sources(conn, layer: str, f: Filters) -> list[dict]:
    """The ``source`` rows (attribution, licence...) of the records the export holds."""
    if layer == "labels":
        names = sa.select(statement(layer, f).subquery().c.source).distinct()
    else:
        names = iq.matching(f, s.c.source).distinct()
    rows = conn.execute(
        sa.select(_src.c.name, _src.c.title, _src.c.attribution, _src.c.licence,
                  _src.c.licence_url, _src.c.url, _src.c.synthetic)
        .where(_src.c.name.in_(names)).order_by(_src.c.synthetic, _src.c.name)).mappings()
    return [dict(r) for r in rows]
