"""The reference load's commune boundaries, read in a child process.

A national commune file is the load's longest chain of Python work: parsing 46 MB of
GeoJSON, reconciling 35,000 outlines with the COG, encoding them for the COPY and, on a
first load, computing every tile outline. That work holds the GIL; in threads of the
loading process it took turns with the COG's and the postal localities' reading and the
COPY's own encoding, so the communes reached the server about 3 s after the start of a
national load. In a child process it runs beside them, on the other core.

The child is forked (``os.fork`` through ``multiprocessing``'s fork context) at the start
of the load, before the load starts any thread of its own: it gets the load's modules and
settings without re-importing them (a spawned interpreter took over a second to import
geopandas and the rest). It uses no connection inherited from the parent: its engine
forgets the parent's pool before writing the tile outlines on connections of its own,
and it leaves with ``os._exit`` (``multiprocessing`` does), so nothing of the parent's
is closed or flushed from the child.

One duplex pipe, in order:

- parent → child, as soon as the COG is read: its successor table and, on a first
  load, what the tile outlines are made of besides the outlines (``Places``), or None
  (a load that merges into tables that are not empty). The child takes it in a thread
  while it parses, so that the parent's send never waits for the parse; and it is the
  parent's only message: the child's answer is tens of megabytes, and two processes
  sending each other more than a pipe holds would each wait for the other to read;
- child → parent: ``("communes", Encoded)``; then, on a first load, ``("outlines", n)``
  once the ``n`` rows are committed in the twin of ``tile_shape``
  (``tiles.shapes.stage``), for the load's transaction to swap in;
- ``("error", exception)`` instead, at any point: the parent raises it (an
  ``InputError`` with its one clear line for a bad file).
"""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from atlas import bulk
from loaders import boundaries as bnd
from tiles import shapes


@dataclasses.dataclass
class Places:
    """What the tile outlines are made of besides the communes' outlines: the COG's
    communes (département, INSEE code, name), départements (code → name, région) and
    régions (code → name)."""

    communes: list[tuple[str, str, str]]
    departements: dict[str, tuple[str, str]]
    regions: dict[str, str]


@dataclasses.dataclass
class Encoded:
    """The reconciled communes as the COPY takes them: for each INSEE code (``at``: code
    → index), its outline and its point on surface as EWKB (EPSG:4326), in two blobs
    (``outline(i)``, ``point(i)``); and what the load reports of the file and of the
    reconciliation.

    Blobs, not 70,000 bytes objects: the child sends them as they are, after the rest
    (a pickled list of 70,000 bytes took 0.3 s of the child's time to send)."""

    at: dict[str, int]
    geoms: bytes
    geom_ends: list[int]
    points: bytes
    point_ends: list[int]
    remapped: dict[str, str]
    repaired: list[str]
    unknown: list[tuple[str, str | None]]
    path: str
    driver: str
    source_crs: str
    features: int

    def outline(self, i: int) -> bytes:
        return self.geoms[self.geom_ends[i - 1] if i else 0:self.geom_ends[i]]

    def point(self, i: int) -> bytes:
        return self.points[self.point_ends[i - 1] if i else 0:self.point_ends[i]]


def _blob(values: list[bytes]) -> tuple[bytes, list[int]]:
    return b"".join(values), list(itertools.accumulate(map(len, values)))


def _encode(boundaries: bnd.Boundaries, communes: bnd.Reconciled) -> Encoded:
    frame = communes.frame
    return Encoded(
        {code: i for i, code in enumerate(frame["insee"].to_numpy(dtype=object))},
        *_blob(bulk.ewkb(frame.geometry.to_numpy(), 4326)),
        *_blob(bulk.ewkb(frame["point"].to_numpy(), 4326)),
        communes.remapped, communes.repaired, communes.unknown,
        boundaries.path, boundaries.driver, boundaries.source_crs, len(boundaries.frame))


def _outline_rows(places: Places, communes: bnd.Reconciled) -> list[tuple]:
    """Every tile outline row (``tiles.shapes.compute``) of what the load writes, the
    communes' and the areas' (unions of theirs) computed by two threads: GEOS releases
    the GIL in the unions, and the communes' projection runs meanwhile. The communes
    are given in the order ``shapes.places`` reads them back (a union's result depends
    on its order)."""
    outline = dict(zip(communes.frame["insee"].to_numpy(dtype=object),
                       communes.frame.geometry.to_numpy()))
    made = shapes.Places(
        [(insee, name, dep, outline[insee]) for dep, insee, name in sorted(places.communes)
         if insee in outline],
        places.departements, places.regions)
    with ThreadPoolExecutor(max_workers=2) as pool:
        areas = pool.submit(shapes.compute, made, {"departements": None, "regions": None})
        own = shapes.compute(made, {"communes": None})
        return areas.result() + own


def _child(pipe, path: Path, fmt, fields, crs, engine) -> None:
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            message = pool.submit(pipe.recv)
            boundaries = bnd.read(path, fmt, fields, crs)
            successor, places = message.result()
            communes = bnd.reconcile(boundaries, successor)
            # The outlines are computed (GEOS releases the GIL) while the communes are
            # encoded and sent, which the parent waits for first.
            if places is not None:
                outlines = pool.submit(_outline_rows, places, communes)
            encoded = _encode(boundaries, communes)
            blobs, encoded.geoms, encoded.points = (encoded.geoms, encoded.points), b"", b""
            pipe.send(("communes", encoded))
            for blob in blobs:  # as they are: no pickling, one copy
                pipe.send_bytes(blob)
            if places is not None:
                rows = outlines.result()
                # The parent's pooled connections stay the parent's: the child's engine
                # forgets them without closing them (SQLAlchemy's way after a fork;
                # psycopg closes a connection only in the process that opened it).
                engine.dispose(close=False)
                pipe.send(("outlines", shapes.stage(engine, rows)))
    except BaseException as e:  # everything goes to the parent, which decides
        e.add_note("in the reference load's commune worker process:\n"
                   + "".join(traceback.format_exception(e)))
        try:
            pipe.send(("error", e))
        except Exception:  # an exception that cannot be pickled: its text then
            pipe.send(("error", RuntimeError("".join(traceback.format_exception(e)))))
    finally:
        pipe.close()


class CommuneWorker:
    """The child process reading one commune boundary file (see the module's doc)."""

    def __init__(self, engine, path: Path, fmt: str | None, fields: dict[str, str],
                 crs: str | None):
        self._pipe, theirs = multiprocessing.Pipe(duplex=True)
        self._process = multiprocessing.get_context("fork").Process(
            target=_child, args=(theirs, path, fmt, fields, crs, engine),
            name="atlas-communes", daemon=True)
        self._process.start()
        theirs.close()

    def reconcile(self, cog, outlines: bool) -> None:
        """What the child waits for once the file is parsed: the COG's
        (``loaders.cog.Cog``) successor table and, with ``outlines`` (a first load), its
        places, for the child to compute and stage every tile outline (``outlines``)."""
        places = Places(
            [(c["departement_code"], c["insee"], c["name"]) for c in cog.communes],
            {d["code"]: (d["name"], d["region_code"]) for d in cog.departements},
            {r["code"]: r["name"] for r in cog.regions}) if outlines else None
        self._pipe.send((cog.successor(), places))

    def _receive(self, expected: str):
        try:
            kind, value = self._pipe.recv()
        except EOFError:
            self._process.join(5)
            raise RuntimeError("the reference load's commune worker process ended "
                               f"unexpectedly (exit code {self._process.exitcode})") from None
        if kind == "error":
            raise value
        assert kind == expected, (kind, expected)
        return value

    def communes(self) -> Encoded:
        """The reconciled communes, encoded (waits for them)."""
        encoded = self._receive("communes")
        encoded.geoms, encoded.points = self._pipe.recv_bytes(), self._pipe.recv_bytes()
        return encoded

    def outlines(self) -> int:
        """The count of tile outline rows committed in ``tiles.shapes.TWIN`` (waits)."""
        return self._receive("outlines")

    def stop(self) -> None:
        """End the child: at once if it still works (a load that failed), else when it
        has left; its uncommitted writes die with its connection."""
        if self._process.is_alive():
            self._process.join(0.05)
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._pipe.close()

