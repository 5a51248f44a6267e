"""Coordinates: each stated point located in PostGIS (one query for a whole batch) and
weighed against the commune its code or name gives (``geocode_many``)."""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa

from loaders.geocoder.match import (MATCHED, POINT_FAR, POINT_NOWHERE, POINT_UNCHECKED,
                                    POINT_UNUSABLE, UNMATCHED, Match, Reference, _clean,
                                    _join)

NEAR_METRES = 1000  # a stated point this close to the named commune still agrees


class PointChecks:
    """Mixed into ``Geocoder``: uses its ``geocode``, ``label`` and ``_ambiguous``."""

    def geocode_many(self, refs: list[Reference], conn=None, tolerance: float = NEAR_METRES,
                     keep_disputed: bool = False) -> list[Match]:
        """Resolve many references; those with coordinates are checked in PostGIS.

        A point agrees with the commune its code or name gives when it lies inside it or
        within ``tolerance`` metres of it. ``keep_disputed``: answer with the commune
        most of the evidence names, listing the disagreements (see the module's doc).
        """
        out = [self.geocode(r) if not (_clean(r.lat) or _clean(r.lon)) else None
               for r in refs]
        pending = [i for i, m in enumerate(out) if m is None]
        if pending:
            if conn is None:
                raise ValueError("coordinates need a database connection")
            stated = [self.geocode(dataclasses.replace(refs[i], lat="", lon=""))
                      if _clean(refs[i].commune) or _clean(refs[i].insee) else None
                      for i in pending]
            located = self._locate(conn, [refs[i] for i in pending], stated)
            for i, said, found in zip(pending, stated, located):
                out[i] = self._with_point(said, found, tolerance, keep_disputed)
        return out

    def _with_point(self, stated: Match | None, found, tolerance: float, keep: bool
                    ) -> Match:
        problem, inside, swapped, metres = found
        if stated is not None and stated.status == MATCHED and stated.insee:
            return self._check_point(stated, found, tolerance, keep)
        if problem:
            return Match(UNMATCHED, note=problem)
        if inside is None:
            return Match(UNMATCHED, note=self._nowhere(swapped))
        if stated is None:  # coordinates alone
            return Match(MATCHED, inside, method="coordinates", score=0.95, at_point=True)
        where = f"the point is in {self.label(inside)}"
        if inside in stated.candidate_codes() and (keep or not stated.disagreements):
            # The point picks one of the candidates: homonyms told apart, or a code and a
            # point outvoting an outdated name (then listed as a disagreement).
            return Match(MATCHED, inside, method="coordinates+candidate", score=0.9,
                         note=_join(stated.note, where), disagreements=stated.disagreements,
                         at_point=True)
        return dataclasses.replace(stated, note=_join(stated.note, where))

    def _check_point(self, stated: Match, found, tolerance: float, keep: bool) -> Match:
        """A commune named by code or name, against the stated point."""
        problem, inside, swapped, metres = found
        if inside == stated.insee:
            return dataclasses.replace(stated, method=stated.method + "+coordinates",
                                       score=1.0, at_point=True)
        if problem:
            kind, note = POINT_UNUSABLE, problem
        elif metres is None:  # the commune has no outline to check the point against
            kind, note = POINT_UNCHECKED, f"{self.label(stated.insee)} has no outline"
        elif metres <= tolerance:
            where = f"the point is in {self.label(inside)}" if inside else \
                "the point is in no commune"
            return dataclasses.replace(
                stated, method=stated.method + "+coordinates", at_point=True,
                note=_join(stated.note, f"{where}, {metres:,.0f} m from the stated commune"))
        elif inside is None:
            kind, note = POINT_NOWHERE, f"{self._nowhere(swapped)}, {metres / 1000:,.1f} " \
                                        f"km from {self.label(stated.insee)}"
        else:
            kind, note = POINT_FAR, f"the point is in {self.label(inside)}, " \
                                    f"{metres / 1000:,.1f} km from {self.label(stated.insee)}"
        if keep and kind == POINT_UNCHECKED:
            # Nothing contradicts the point, and a commune without outline has no other
            # place to put the record.
            return dataclasses.replace(stated, note=_join(stated.note, note),
                                       method=stated.method + "+unchecked_coordinates",
                                       disagreements=stated.disagreements + (kind,),
                                       at_point=True)
        if keep:  # the code and name outweigh the point, which is not used
            return dataclasses.replace(stated, note=_join(stated.note, note),
                                       disagreements=stated.disagreements + (kind,))
        if kind == POINT_FAR:
            return self._ambiguous({stated.insee, inside}, note)
        return Match(UNMATCHED, candidates=(self.label(stated.insee),), note=note)

    def _nowhere(self, swapped: str | None) -> str:
        if swapped:
            return f"lat and lon look swapped (swapped, the point is in {self.label(swapped)})"
        return "the point is in no commune we know"

    def _locate(self, conn, refs: list[Reference], stated: list[Match | None]):
        """Per reference: (problem, insee containing the point, insee containing it with
        lat/lon swapped when it is in none, metres from the point to the stated commune
        when it is not inside it; None when that commune has no outline)."""
        lons, lats, problems = [], [], []
        for r in refs:
            try:
                lat, lon = float(_clean(r.lat).replace(",", ".")), \
                    float(_clean(r.lon).replace(",", "."))
                problem = None if -90 <= lat <= 90 and -180 <= lon <= 180 \
                    else "coordinates outside the world"
            except ValueError:
                problem = f"coordinates are not numbers: {r.lat!r}, {r.lon!r}"
            if problem:  # a NULL point: PostGIS would refuse it as a geography
                lat = lon = None
            problems.append(problem)
            lats.append(lat)
            lons.append(lon)
        codes = [m.insee if m is not None and m.status == MATCHED else None for m in stated]
        # Only the commune index is searched per point; the distance (in metres, on the
        # spheroid) is computed for the few points outside their stated commune.
        rows = conn.execute(sa.text("""
            WITH p AS (
                SELECT i, lon, lat, stated, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS pt
                FROM unnest(CAST(:lons AS float8[]), CAST(:lats AS float8[]),
                            CAST(:codes AS text[])) WITH ORDINALITY AS u(lon, lat, stated, i)),
            q AS (
                SELECT p.*, (SELECT insee FROM commune c WHERE ST_Intersects(c.geom, p.pt)
                             LIMIT 1) AS inside
                FROM p)
            SELECT i, inside,
                   CASE WHEN inside IS NULL THEN
                       (SELECT insee FROM commune c WHERE ST_Intersects(
                            c.geom, ST_SetSRID(ST_MakePoint(lat, lon), 4326)) LIMIT 1) END,
                   CASE WHEN stated IS NOT NULL AND stated IS DISTINCT FROM inside THEN
                       (SELECT ST_Distance(c.geom::geography, pt::geography)
                        FROM commune c WHERE c.insee = stated) END
            FROM q ORDER BY i"""), {"lons": lons, "lats": lats, "codes": codes}).all()
        return [(problem, r[1], r[2], r[3]) for problem, r in zip(problems, rows)]
