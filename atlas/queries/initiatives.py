"""Which initiatives match a ``Filters``: the WHERE clause every consumer shares, and the
paged GeoJSON answer of ``/api/initiatives``.

Filters become SQLAlchemy expressions over ``initiative_search`` with bound values only.
Each filter reads an indexed column of the view (GIN for domains and text, GiST for the
bbox, B-tree for codes and years), so the planner can start from the most selective one.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from atlas.errors import NotFound
from atlas.filters import Filters
from atlas.models import Commune, Epci, Initiative, Source
from atlas.queries import labels
from atlas.search import TEXT_CONFIG, initiative_search as s

_award = sa.table("label_award", sa.column("commune_insee"), sa.column("epci_siren"),
                  sa.column("year"), sa.column("level"))
_alias = sa.table("commune_alias", sa.column("code"), sa.column("commune_insee"))
# The award of each initiative's collectivité in the requested label year.
_ya = _award.alias("ya")


def from_(f: Filters):
    """The FROM clause for ``f``: the view, joined to the label year's awards if any."""
    if f.label_year is None:
        return s
    return s.outerjoin(_ya, sa.and_(
        sa.func.coalesce(_ya.c.commune_insee, _ya.c.epci_siren) == s.c.holder,
        _ya.c.year == f.label_year))


def level_column(f: Filters) -> sa.ColumnElement:
    """The collectivité's level that ``f`` means: in ``label_year``, else its latest."""
    return s.c.level if f.label_year is None else _ya.c.level


def label_year_column(f: Filters) -> sa.ColumnElement:
    return s.c.label_year if f.label_year is None else _ya.c.year


def tsquery(q: str) -> sa.ColumnElement:
    return sa.func.websearch_to_tsquery(sa.literal_column(f"'{TEXT_CONFIG}'"),
                                        sa.bindparam("q", q, type_=sa.Text))


def where(f: Filters) -> list[sa.ColumnElement]:
    """The conditions on ``initiative_search`` (alias ``s``) for ``f``."""
    out: list[sa.ColumnElement] = []
    if f.domain:
        out.append(s.c.domains.overlap(sa.cast(list(f.domain), s.c.domains.type)))
    if f.level:
        out.append(level_column(f).in_(f.level))
    if f.region:
        out.append(s.c.region_code.in_(f.region))
    if f.departement:
        out.append(s.c.departement_code.in_(f.departement))
    if f.commune:
        # A former code or an arrondissement counts as the commune it belongs to now.
        # One array computed once (an InitPlan): the codes given plus the communes their
        # former codes now belong to, so the commune index answers.
        aliased = (sa.select(sa.func.array_agg(_alias.c.commune_insee))
                   .where(_alias.c.code.in_(f.commune)).scalar_subquery())
        codes = sa.func.array_cat(aliased, sa.cast(list(f.commune), ARRAY(sa.Text)),
                                  type_=ARRAY(sa.Text))
        out.append(s.c.commune_insee == sa.any_(codes))
    if f.year_min is not None:
        out.append(s.c.year >= f.year_min)
    if f.year_max is not None:
        out.append(s.c.year <= f.year_max)
    if f.q:
        out.append(s.c.search.op("@@")(tsquery(f.q)))
    if f.bbox:
        out.append(s.c.geom.op("&&")(sa.func.ST_MakeEnvelope(*f.bbox, 4326)))
    if f.source:
        out.append(s.c.source.in_(f.source))
    if f.kind:
        out.append(s.c.kind.in_(f.kind))
    if f.place_type:
        out.append(s.c.place_type.in_(f.place_type))
    return out


def matching(f: Filters, *columns) -> sa.Select:
    """SELECT ``columns`` (of ``s``, ``level_column(f)``...) of the matching initiatives:
    the one statement exports, stats and tiles build on."""
    return sa.select(*columns).select_from(from_(f)).where(*where(f))


_i, _c, _e = Initiative.__table__, Commune.__table__, Epci.__table__
_src = Source.__table__


def _select(f: Filters) -> sa.Select:
    """Everything a feature shows, for the initiatives of the view ``s``."""
    return (sa.select(
        _i.c.id, _i.c.title, _i.c.summary, _i.c.year, _i.c.url, _i.c.source,
        _i.c.kind, _i.c.place_type, _i.c.attributes, _src.c.attribution, _src.c.licence,
        _src.c.licence_url, _src.c.synthetic, _i.c.updated_at, _i.c.commune_insee,
        _c.c.name.label("commune_name"), _i.c.epci_siren, _e.c.name.label("epci_name"),
        s.c.departement_code, s.c.region_code, s.c.domains,
        label_year_column(f).label("label_year"), level_column(f).label("level"),
        sa.func.ST_X(_i.c.geom).label("lon"), sa.func.ST_Y(_i.c.geom).label("lat"))
        .select_from(from_(f).join(_i, _i.c.id == s.c.id)
                     .outerjoin(_c, _c.c.insee == _i.c.commune_insee)
                     .outerjoin(_e, _e.c.siren == _i.c.epci_siren)
                     .join(_src, _src.c.name == _i.c.source)))


def _with_label(stmt: sa.Select, f: Filters) -> sa.Select:
    """``stmt`` (``_select``) plus the label a visitor is shown for a commune's record:
    the commune's own, else its EPCI's, flagged (``atlas.queries.labels``). The ``level``
    filter keeps meaning the holder's own award (``initiative_search``)."""
    lbl = labels.latest_lateral(_i.c.commune_insee, f.label_year)
    return stmt.outerjoin(lbl, sa.true()).add_columns(
        lbl.c.label_year.label("c_label_year"), lbl.c.label_level.label("c_label_level"),
        lbl.c.label_epci_siren.label("c_label_epci_siren"),
        lbl.c.label_epci_name.label("c_label_epci_name"))


def _label(r) -> dict | None:
    if r.commune_insee:
        return labels.as_dict(r, prefix="c_label_")
    # An EPCI's own record: its own award.
    return ({"year": r.label_year, "level": r.level, "held_by": "epci",
             "epci": {"siren": r.epci_siren, "name": r.epci_name}} if r.level else None)


def _feature(r) -> dict:
    return {
        "type": "Feature",
        "id": r.id,
        "geometry": {"type": "Point", "coordinates": [round(r.lon, 6), round(r.lat, 6)]},
        "properties": {
            "id": r.id, "title": r.title, "summary": r.summary, "year": r.year,
            "url": r.url, "domains": list(r.domains or []),
            "commune": ({"insee": r.commune_insee, "name": r.commune_name}
                        if r.commune_insee else None),
            "epci": {"siren": r.epci_siren, "name": r.epci_name} if r.epci_siren else None,
            "departement": r.departement_code, "region": r.region_code,
            "label": _label(r),
            "kind": r.kind, "place_type": r.place_type, "attributes": r.attributes or {},
            "source": r.source, "attribution": r.attribution, "licence": r.licence,
            "licence_url": r.licence_url, "synthetic": r.synthetic,
            "updated_at": r.updated_at.isoformat() if r.updated_at else None,
        },
    }


# Without filters, the total is read, not counted (100,000 rows: tens of milliseconds):
# every search row is counted once under its source in facet_count, which triggers keep
# in step with initiative_search (migration 0014).
_TOTAL = sa.text("SELECT coalesce(sum(n), 0)::bigint FROM facet_count WHERE facet = 'source'")


def count(conn, f: Filters) -> int:
    if f == Filters():
        return conn.scalar(_TOTAL)
    return conn.scalar(matching(f, sa.func.count()))


def page(conn, f: Filters, limit: int, offset: int) -> dict:
    """A FeatureCollection of the matching initiatives, ordered by id, with
    ``numberMatched`` and ``numberReturned`` (links are the web layer's business)."""
    # The page's ids first (filters, order and limit on the search table alone), then
    # everything a feature shows for those ids only: the label of each record's commune
    # (a lateral look-up) is not computed for the thousands of matches a text search or
    # a large filter can have before the limit keeps a hundred.
    ids = (matching(f, s.c.id).order_by(s.c.id).limit(limit).offset(offset)
           .correlate(None))
    rows = conn.execute(_with_label(_select(f), f).where(s.c.id.in_(ids))
                        .order_by(s.c.id)).all()
    features = [_feature(r) for r in rows]
    return {"type": "FeatureCollection", "numberMatched": count(conn, f),
            "numberReturned": len(features), "features": features}


def one(conn, initiative_id: int) -> dict:
    """The initiative as a GeoJSON Feature; NotFound if there is none."""
    if not 0 < initiative_id < 2**63:  # beyond bigint: no such row, and no SQL error
        raise NotFound(f"no initiative {initiative_id}")
    row = conn.execute(_with_label(_select(Filters()), Filters())
                       .where(s.c.id == initiative_id)).first()
    if row is None:
        raise NotFound(f"no initiative {initiative_id}")
    return _feature(row)
