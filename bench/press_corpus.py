"""The press reader on real palmarès articles: awards right, invented and missed.

The articles stay outside the repository (third-party text): a folder of ``.txt`` files
named by ``ATLAS_PRESS_CORPUS`` (default ``../press-corpus`` beside the project). What
each one states was written by hand in ``bench/press_truth/``: ``texts.csv`` (file, its
form, the page's URL) and ``awards.csv`` (file, collectivité as printed, département if
printed, edition, level). ``texts.csv``'s ``set`` column keeps the texts read while
writing the rules (``dev``) apart from those kept from rule writing (``heldout``: their
truth written, and their score taken, before any rule was changed for them); the two
are reported separately, since only the held-out figure says how the rules generalise.
Its ``batch`` column numbers the searches that found the texts: the latest batch's texts
are marked *new* in the tables; its ``note`` column, when filled, says why a text is
missed or how it left the held-out set, printed under the tables; its ``edition`` column,
for a text whose page states no edition, is the edition staff would give with ``load press
--edition`` (the text is scored with it, and the figures without it are printed too).
An award is right when ``loaders.press.extract`` gives the same
collectivité (names compared by ``atlas.names.key``), edition and level; invented when
the text does not state it; missed when stated and not given. A text of ``texts.csv``
whose file is absent from the folder (a rebuilt folder may lack pages that the stored
pages no longer hold) is listed as absent and not scored. No database is needed.

``python -m bench.press_corpus`` prints the table and writes it into bench/RESULTS.md
(its own section, the rest of the file kept); ``python -m bench`` does the same.
"""

from __future__ import annotations

import csv
import dataclasses
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

from atlas import names
from atlas.config import PROJECT_ROOT
from bench.harness import Figure
from loaders import domains, press

TRUTH = Path(__file__).resolve().parent / "press_truth"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
ENV = "ATLAS_PRESS_CORPUS"
BEGIN, END = "<!-- press-corpus: begin -->", "<!-- press-corpus: end -->"
TARGET = "≥ 90% right, 0 invented, 0 from texts that award nothing (issue 25)"


def corpus_dir() -> Path:
    return Path(os.environ.get(ENV) or PROJECT_ROOT.parent / "press-corpus")


@dataclasses.dataclass
class Score:
    stated: int = 0
    right: int = 0
    invented: list = dataclasses.field(default_factory=list)
    missed: list = dataclasses.field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.stated += other.stated
        self.right += other.right
        self.invented += other.invented
        self.missed += other.missed


def _truth() -> tuple[list[dict], dict[str, set]]:
    with open(TRUTH / "texts.csv", encoding="utf-8") as f:
        texts = list(csv.DictReader(f))
    stated: dict[str, set] = defaultdict(set)
    with open(TRUTH / "awards.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            stated[row["file"]].add((names.key(row["collectivite"]), int(row["year"]),
                                     int(row["level"])))
    return texts, stated


def score(folder: Path, staff: bool = True) -> tuple[dict[str, Score], float]:
    """Score per text file, and the seconds the extraction of the whole corpus took;
    ``staff``: with the staff editions of ``texts.csv`` (``--edition``)."""
    texts, stated = _truth()
    keywords = {d.code: d.keywords for d in domains.read()}
    out, took = {}, 0.0
    for t in texts:
        if not (folder / t["file"]).is_file():
            continue  # listed by ``section`` as absent, never counted as missed
        text = (folder / t["file"]).read_text(encoding="utf-8")
        edition = int(t["edition"]) if staff and t.get("edition") else None
        start = time.perf_counter()
        found = press.extract(text, keywords, edition).awards
        took += time.perf_counter() - start
        given = {(names.key(a.collectivite), a.year, a.level): a.collectivite for a in found}
        truth = stated.get(t["file"], set())
        out[t["file"]] = Score(len(truth), len(truth & set(given)),
                               sorted(f"{given[k]} {k[1]} {k[2]}@" for k in set(given) - truth),
                               sorted(f"{k[0]} {k[1]} {k[2]}@" for k in truth - set(given)))
    return out, took


def section(folder: Path) -> tuple[str, list[Figure]]:
    if not folder.is_dir():
        message = (f"Press corpus: skipped, no folder {folder} (set {ENV} to the folder of "
                   "the articles listed in bench/press_truth/texts.csv).")
        return message + "\n", [Figure("press corpus: awards right", TARGET,
                                       note="skipped: corpus folder absent")]
    texts, _ = _truth()
    form_of = {t["file"]: t["form"] for t in texts}
    set_of = {t["file"]: t.get("set") or "dev" for t in texts}
    batch_of = {t["file"]: int(t.get("batch") or 1) for t in texts}
    latest = max(batch_of.values(), default=1)
    new = sum(1 for b in batch_of.values() if b == latest)
    note_of = {t["file"]: t.get("note") or "" for t in texts}
    edition_of = {t["file"]: t.get("edition") or "" for t in texts}
    scores, took = score(folder)
    bare, _ = score(folder, staff=False)
    lines = ["## Press corpus (`bench/press_corpus.py`)", "",
             f"{len(scores)} real articles, truth in `bench/press_truth/`; extraction of "
             f"the whole corpus {took * 1000:.0f} ms. Target: {TARGET}. `dev`: the texts "
             "read while writing the rules; `heldout`: texts kept from rule writing, "
             "scored before any rule was changed for them. "
             f"Batch {latest}, the latest search, added {new} texts, marked *new*.", ""]
    absent = [t["file"] for t in texts if t["file"] not in scores]
    if absent:  # a rebuilt folder may lack pages the stored pages no longer hold
        lines += [f"{len(absent)} of the {len(texts)} texts of `texts.csv` are absent from "
                  f"the corpus folder and not scored (not counted as right, missed or "
                  f"invented): {', '.join(absent)}.", ""]
    notes = []
    for name in ("dev", "heldout"):
        mine = {f: s for f, s in scores.items() if set_of[f] == name}
        if not mine:
            continue
        total, per_form = Score(), defaultdict(Score)
        for file, s in mine.items():
            total.add(s)
            per_form[form_of[file]].add(s)
        nothing = [f for f, s in mine.items() if not s.stated]
        from_nothing = sum(len(mine[f].invented) for f in nothing)
        pct = f"{100 * total.right / total.stated:.0f}%" if total.stated else "no award stated"
        notes.append(f"{name} {total.right}/{total.stated} right ({pct}), "
                     f"{len(total.invented)} invented, {from_nothing} from texts "
                     "awarding nothing")
        lines += [f"### {name}: {len(mine)} texts ({len(nothing)} awarding nothing), "
                  f"{total.stated} awards stated", "",
                  f"**{total.right} / {total.stated} right ({pct}), "
                  f"{len(total.invented)} invented, {from_nothing} from texts that award "
                  "nothing.**", ""]
        staffed = [f for f in mine if edition_of[f]]
        if staffed:
            plain = Score()
            for f in mine:
                plain.add(bare[f])
            said = "1 text states" if len(staffed) == 1 else f"{len(staffed)} texts state"
            lines += [f"{said} no edition, scored with the edition staff give "
                      f"(`--edition`, marked in the table); without it "
                      f"this set gives {plain.right} / {plain.stated}, "
                      f"{len(plain.invented)} invented.", ""]
        lines += [
                  "| form | texts | stated | right | invented | missed |",
                  "|---|---|---|---|---|---|"]
        for form in sorted(per_form):
            s = per_form[form]
            n = sum(1 for f in mine if form_of[f] == form)
            lines.append(f"| {form} | {n} | {s.stated} | {s.right} | {len(s.invented)} | "
                         f"{len(s.missed)} |")
        lines += ["", "| text | form | stated | right | invented | missed |",
                  "|---|---|---|---|---|---|"]
        for file, s in mine.items():
            shown = f"{file} *new*" if batch_of[file] == latest else file
            shown += f" (--edition {edition_of[file]})" if edition_of[file] else ""
            lines.append(f"| {shown} | {form_of[file]} | {s.stated} | {s.right} | "
                         f"{', '.join(s.invented) or 0} | {', '.join(s.missed) or 0} |")
        lines += [""] + [f"- {file}: {note_of[file]}" for file in mine if note_of[file]]
        lines.append("")
    figure = Figure("press corpus: extraction of every text", TARGET, [took],
                    note="; ".join(notes), unit="ms")
    return "\n".join(lines), [figure]


def write_section(text: str, path: Path = RESULTS) -> None:
    """Put ``text`` between this module's markers in RESULTS.md, keeping the rest."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{BEGIN}\n{text}{END}\n"
    if BEGIN in old and END in old:
        new = old[:old.index(BEGIN)] + block + old[old.index(END) + len(END) + 1:]
    else:
        new = old.rstrip("\n") + "\n\n" + block
    path.write_text(new, encoding="utf-8")


def write_row(figure: Figure, path: Path = RESULTS) -> None:
    """Replace this module's row of the figures table (or add it after the last row),
    when run alone: ``python -m bench`` rewrites the whole table."""
    row = "| " + " | ".join(figure.cells()) + " |"
    lines = path.read_text(encoding="utf-8").split("\n") if path.exists() else []
    mine = [i for i, line in enumerate(lines) if line.startswith(f"| {figure.name} |")]
    if mine:
        lines[mine[0]] = row
    else:
        rows = [i for i, line in enumerate(lines) if line.startswith("| ")
                and BEGIN not in "\n".join(lines[:i])]
        lines.insert(rows[-1] + 1 if rows else len(lines), row)
    path.write_text("\n".join(lines), encoding="utf-8")


def run() -> tuple[str, list[Figure]]:
    text, figures = section(corpus_dir())
    return text, figures


def main() -> int:
    text, figures = run()
    print(text)
    for figure in figures:
        write_row(figure)
    write_section(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
