"""Geocoding: throughput, and how right it is on references it was not written for.

- Throughput: 100,000 references of mixed kinds (the tests' generated cases and messy
  cases: codes, names with département or postcode, upper case, moved articles, typos,
  homonyms, postal mentions, renamed communes), no coordinates. Start-up (building the
  index from the database) is timed apart.
- The national lists of ``ATLAS_DATASETS`` (France Services, conseillers numériques)
  geocoded from their commune name and postcode only, the INSEE code hidden, then
  compared with that code (brought to its current commune): right, ambiguous, unmatched,
  WRONG, by method, beside a baseline plain look-up in the style of API Géo's
  ``/communes?codePostal=&nom=``: the communes of the postcode whose name, folded (case,
  accents, hyphens), equals the written one, else the postcode's only commune.
- Messy references built from the COG (``tests.geocoder_cases.messy``) by kind.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter, defaultdict

import sqlalchemy as sa

from atlas import names
from bench.harness import Figure
from loaders import cog as cog_reader
from loaders import geocoder as geocoder_module
from loaders.geocoder import MATCHED, Geocoder, Reference
from tests.geocoder_cases import cases, former_names, messy

OUTCOMES = ("right", "ambiguous", "unmatched", "WRONG")
# (list, file under ATLAS_DATASETS, its name, postcode and INSEE code fields)
LISTS = (
    ("France Services", "france-services-2024-08-01/liste-fs-20240801.csv",
     "lib_com", "code_postal", "insee_com"),
    ("conseillers numériques", "conseillers-numeriques-structures-2021-06/cnfs.json",
     "commune_insee", "code_postal_bis", "insee_com"),  # commune_insee holds the name
)


def run(engine, geodata, datasets=None, n: int = 100_000, repeat: int = 3
        ) -> list[Figure]:
    cog = cog_reader.read(geodata / "cog")
    old = former_names(geodata / "france-geojson-2018" / "communes.geojson.gz")
    messy_cases = messy(cog, old, n=1500, seed=11)
    start = time.perf_counter()
    with engine.connect() as conn:
        geocoder = Geocoder.from_db(conn)
        successor = dict(conn.execute(sa.text(
            "SELECT code, commune_insee FROM commune_alias")).all())
        localities = conn.scalar(sa.text("SELECT count(*) FROM postal_locality"))
    build = time.perf_counter() - start
    figures = [_throughput(geocoder, cog, messy_cases, n, repeat, build, localities)]
    if datasets is not None:
        for title, rel, *fields in LISTS:
            if (datasets / rel).is_file():
                figures.append(_national(geocoder, successor, title, datasets / rel,
                                         *fields))
    figures.append(_messy(geocoder, messy_cases))
    return figures


def _throughput(geocoder, cog, messy_cases, n, repeat, build, localities) -> Figure:
    refs = [ref for _, ref, _, _ in cases(cog, n=2000, seed=2)]
    refs += [ref for _, ref, _, _ in messy_cases]
    refs = (refs * (n // len(refs) + 1))[:n]
    rates = []
    for _ in range(repeat):
        # A fresh name cache each run: repeated names must not make the figure rosy.
        geocoder_module._key.cache_clear()
        start = time.perf_counter()
        for ref in refs:
            geocoder.geocode(ref)
        rates.append(time.perf_counter() - start)
    return Figure(f"geocoding {n:,} references (mixed kinds, no coordinates)",
                  "≥ 50,000 refs/s (issue 6)", runs=rates,
                  note=f"{n / sorted(rates)[len(rates) // 2]:,.0f} refs/s at the median; "
                       f"index built in {build:.2f} s; {localities:,} postal localities; "
                       f"the mix includes the messy kinds (postal mentions, renamed "
                       f"communes...)")


def _rows(path, name_field, pc_field, code_field):
    if path.suffix == ".json":
        records = json.loads(path.read_text(encoding="utf-8"))
    else:
        with open(path, encoding="utf-8", newline="") as f:
            records = list(csv.DictReader(f))
    for r in records:
        yield (str(r.get(name_field) or "").strip(), str(r.get(pc_field) or "").strip(),
               str(r.get(code_field) or "").strip())


def _baseline(geocoder: Geocoder, name: str, pc: str) -> tuple[str, str | None]:
    """API Géo style: folded name equality among the postcode's communes, else the
    postcode's only commune."""
    in_pc = geocoder.by_postcode.get(pc.zfill(5), set())
    folded = names.fold(name)
    hits = [i for i in in_pc if names.fold(geocoder.name[i]) == folded]
    if len(hits) == 1:
        return MATCHED, hits[0]
    if len(hits) > 1:
        return "ambiguous", None
    if len(in_pc) == 1:
        return MATCHED, next(iter(in_pc))
    return "unmatched", None


def _outcome(status: str, got: str | None, expected: str) -> str:
    if status == MATCHED:
        return "right" if got == expected else "WRONG"
    return status


def _national(geocoder, successor, title, path, name_field, pc_field, code_field
              ) -> Figure:
    rows = [(n, pc, c) for n, pc, c in _rows(path, name_field, pc_field, code_field)
            if n and n != "0" and c and c != "0"]  # "0": the list's placeholder rows
    start = time.perf_counter()
    matches = [geocoder.geocode(Reference(commune=n, code_postal=pc)) for n, pc, _ in rows]
    elapsed = time.perf_counter() - start
    ours, base = Counter(), Counter()
    by_method = defaultdict(Counter)
    misses = []
    for (name, pc, code), m in zip(rows, matches):
        expected = code if code in geocoder.name else successor.get(code, code)
        outcome = _outcome(m.status, m.insee, expected)
        ours[outcome] += 1
        by_method[m.method or "—"][outcome] += 1
        base[_outcome(*_baseline(geocoder, name, pc), expected)] += 1
        if outcome != "right":
            misses.append((name, pc, code, outcome, m.note))
    figure = Figure(f"{title}: {len(rows):,} communes from name + postcode (code hidden)",
                    "0 wrong (issue 19)", runs=[elapsed],
                    note=_counts(ours) + "; baseline name + postcode look-up: "
                         + _counts(base))
    table = ["| method | " + " | ".join(OUTCOMES) + " |", "|---|" + "---|" * len(OUTCOMES)]
    table += [f"| {method} | " + " | ".join(str(c[o]) for o in OUTCOMES) + " |"
              for method, c in sorted(by_method.items(), key=lambda kv: -sum(kv[1].values()))]
    table += ["| **all** | " + " | ".join(str(ours[o]) for o in OUTCOMES) + " |",
              "| baseline (name + postcode look-up) | "
              + " | ".join(str(base[o]) for o in OUTCOMES) + " |"]
    if misses:
        table += ["", "Not right (name, postcode, the list's code: outcome, note):", ""]
        table += [f"- {name!r}, {pc}, {code}: {outcome}, {note}"
                  for name, pc, code, outcome, note in misses]
    figure.details = "\n".join(table)
    return figure


def _messy(geocoder, messy_cases) -> Figure:
    by_kind = defaultdict(Counter)
    total = Counter()
    start = time.perf_counter()
    for kind, ref, insee, status in messy_cases:
        m = geocoder.geocode(ref)
        if m.status == MATCHED and m.insee != insee:
            outcome = "WRONG"
        elif (m.status, m.insee) == (status, insee):
            outcome = "right"
        else:
            outcome = m.status
        by_kind[kind][outcome] += 1
        total[outcome] += 1
    elapsed = time.perf_counter() - start
    renamed = by_kind.get("renamed, old name+postcode", Counter())
    rest = total - renamed
    figure = Figure(f"messy references built from the COG: {sum(total.values()):,}",
                    "≥ 99.5% right, 0 wrong (issue 19)", runs=[elapsed],
                    note=f"{_counts(total)}; without the renamed communes "
                         f"{rest['right'] / sum(rest.values()):.2%} right")
    table = ["| kind | " + " | ".join(OUTCOMES) + " |", "|---|" + "---|" * len(OUTCOMES)]
    table += [f"| {kind} | " + " | ".join(str(c[o]) for o in OUTCOMES) + " |"
              for kind, c in by_kind.items()]
    figure.details = ("Expected answers come from the COG (and, for renamed communes, "
                      "the 2018 boundary file's names), never from the geocoder. A "
                      "dropped accent that leaves two communes alike expects "
                      "`ambiguous`.\n\n" + "\n".join(table))
    return figure


def _counts(c: Counter) -> str:
    total = sum(c.values())
    return (f"{c['right']:,} right ({c['right'] / total:.2%}), {c['ambiguous']:,} "
            f"ambiguous, {c['unmatched']:,} unmatched, {c['WRONG']:,} wrong")
