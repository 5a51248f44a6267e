"""``python -m atlas load ...``: the loaders' commands, each one transaction with a report."""

from __future__ import annotations

import json
from pathlib import Path

import click

from atlas import csvsafe, db
from atlas.cli import AtlasGroup, connected_config
from atlas.errors import InputError
from loaders import boundaries, domains, reference, sources, tables
from loaders.progress import Progress


@click.group(cls=AtlasGroup)
def load() -> None:
    """Load reference data, the domain taxonomy, initiatives and labels."""


@load.command("domains")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path),
                default=domains.DEFAULT_FILE)
@click.pass_context
def load_domains(ctx: click.Context, file: Path) -> None:
    """Merge the domain taxonomy from FILE (default: geodata/domains.csv).

    Domains no longer listed are removed, unless initiatives still use them.
    """
    from loaders import pipeline

    rows = domains.read(file)
    config = connected_config(ctx, need_schema=True)
    with pipeline.transaction(db.engine(config)) as w:
        counts = domains.merge(w.conn, rows, w.changes)
    click.echo("domains: {domains} in the taxonomy, {added} added, {removed} removed"
               .format(**counts))


def _fields(ctx, param, values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for value in values:
        key, sep, field = value.partition("=")
        if not sep or key not in ("code", "name") or not field:
            raise click.BadParameter(f"{value!r}: expected code=FIELD or name=FIELD")
        out[key] = field
    return out


@load.command("reference")
@click.option("--geodata", type=click.Path(file_okay=False, path_type=Path),
              help="Reference data folder (default: ATLAS_GEODATA).")
@click.option("--boundaries", type=click.Path(dir_okay=False, path_type=Path),
              help="Commune boundary file (default: the national file of the data folder).")
@click.option("--format", "fmt", type=click.Choice(sorted(boundaries.FORMATS)),
              help="Force the boundary file's format instead of detecting it.")
@click.option("--field", "fields", multiple=True, callback=_fields, metavar="KEY=FIELD",
              help="Name the boundary file's fields: code=FIELD (INSEE code), name=FIELD.")
@click.option("--crs", help="CRS of a boundary file that declares none, e.g. EPSG:2154.")
@click.option("--departements", type=click.Path(dir_okay=False, path_type=Path),
              help="Département outlines (default: the data folder's).")
@click.option("--regions", type=click.Path(dir_okay=False, path_type=Path),
              help="Région outlines (default: the data folder's).")
@click.option("--derive-outlines", is_flag=True,
              help="Build département and région outlines by union of the communes.")
@click.option("--offline", is_flag=True, help="Never download a missing file.")
@click.option("--mirror", metavar="URL", help="Download missing files from URL/<path>.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report as JSON to this file.")
@click.option("--quiet", is_flag=True, help="Print the report only, no progress.")
@click.pass_context
def load_reference(ctx, geodata, boundaries, fmt, fields, crs, departements, regions,
                   derive_outlines, offline, mirror, report_file, quiet):
    """Load régions, départements, communes (with boundaries) and EPCI, in one transaction.

    Boundaries of an older vintage are brought to the current communes through the COG's
    former codes. Re-running gives the same database; a failure changes nothing.

    \b
    Examples:
      python -m atlas load reference
      python -m atlas load reference --boundaries COMMUNE.shp
      python -m atlas load reference --boundaries communes.gpkg --field code=CODE_COM
    """
    config = connected_config(ctx, need_schema=True)
    geodata = geodata.resolve() if geodata else config.geodata
    if geodata is not None and not geodata.is_dir():
        raise click.BadParameter(f"folder {geodata} does not exist", param_hint="--geodata")
    resolver = sources.Resolver(geodata, config.cache_dir, offline=offline, mirror=mirror)
    inputs = reference.Inputs(boundaries, fmt, fields, crs, departements, regions,
                              derive_outlines)
    result = reference.run(db.engine(config), resolver, inputs, Progress(quiet=quiet),
                           report_file)
    for line in result.lines():
        click.echo(line)


def _renames(allowed: tuple[str, ...] | None = None):
    """A click callback parsing ``--map NEW=OLD`` options (NEW among ``allowed``)."""

    def parse(ctx, param, values: tuple[str, ...]) -> dict[str, str]:
        out = {}
        for value in values:
            ours, sep, theirs = value.partition("=")
            if not sep or not ours or not theirs or (allowed and ours not in allowed):
                raise click.BadParameter(f"{value!r}: expected NEW=OLD" + (
                    f" with NEW one of {', '.join(allowed)}" if allowed else ""))
            out[ours] = theirs
        return out

    return parse


GEOCODE_COLUMNS = ("commune", "departement", "code_postal", "insee", "lat", "lon")
GEOCODE_OUTPUT = ("insee_code", "epci_siren", "match_status", "match_method", "match_score",
                  "candidates", "match_note")


def geocode_command(ctx, input_file: Path, output: Path, renames: dict[str, str]) -> None:
    from loaders.geocoder import Geocoder, Reference

    columns, rows, encoding = tables.read_csv(input_file, renames)
    if not any(c in columns or c in renames for c in GEOCODE_COLUMNS):
        raise InputError(f"{input_file}: none of the columns {', '.join(GEOCODE_COLUMNS)} "
                         f"(found: {', '.join(columns)}); rename with --map NEW=OLD")
    if encoding != "UTF-8":
        click.echo(f"{input_file}: read as {encoding}", err=True)
    config = connected_config(ctx, need_schema=True)
    with db.engine(config).connect() as conn:
        geocoder = Geocoder.from_db(conn)
        refs = [Reference(**{c: row.get(c) or "" for c in GEOCODE_COLUMNS}) for row in rows]
        matches = geocoder.geocode_many(refs, conn)
    out_columns = columns + [c for c in GEOCODE_OUTPUT if c not in columns]
    with open(output, "w", encoding="utf-8", newline="") as f:
        writer = csvsafe.DictWriter(f, out_columns, extrasaction="ignore")
        writer.writeheader()
        for row, m in zip(rows, matches):
            writer.writerow({**row, "insee_code": m.insee or "", "epci_siren": m.epci_siren or "",
                             "match_status": m.status, "match_method": m.method,
                             "match_score": f"{m.score:.3f}",
                             "candidates": " | ".join(m.candidates), "match_note": m.note})
    counts = {}
    for m in matches:
        counts[m.status] = counts.get(m.status, 0) + 1
    click.echo(f"{len(rows)} rows: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
               + f" → {output}")


@click.command("geocode")
@click.argument("input_file", metavar="INPUT.csv",
                type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the geocoded CSV (UTF-8).")
@click.option("--map", "renames", multiple=True, callback=_renames(GEOCODE_COLUMNS),
              metavar="NEW=OLD",
              help="Read column NEW (commune, departement, code_postal, insee, lat, lon) "
                   "from the file's column OLD.")
@click.pass_context
def geocode(ctx, input_file, output, renames):
    """Geocode a CSV of commune references to current INSEE codes.

    Reads the columns commune, departement, code_postal, insee, lat, lon (any may be
    empty or absent) and writes every input column plus insee_code, epci_siren,
    match_status (matched | ambiguous | unmatched), match_method, match_score,
    candidates and match_note, row for row in the same order.

    \b
    Example:
      python -m atlas geocode fiches.csv -o fiches-geocodees.csv --map commune=ville
    """
    geocode_command(ctx, input_file, output, renames)


def _echo_reports(reports, err: bool = False) -> None:
    for report in reports:
        for line in report.lines():
            click.echo(line, err=err)


def _load_records(ctx, kind: str, file: Path, source: str | None, renames, rejects_path,
                  keep_missing: bool):
    """``load initiatives`` and ``load labels``: read a table, then the one write path."""
    from loaders import initiatives, labels, pipeline
    from loaders.records import missing_columns, report_files

    module = {"initiatives": initiatives, "labels": labels}[kind]
    columns, rows, how = tables.read_table(file, renames)
    missing = missing_columns(columns, rows, module)
    if missing:
        raise InputError(f"{file}: missing column(s) {', '.join(missing)} (columns: "
                         f"{', '.join(c for c in columns if c)}); rename with --map NEW=OLD")
    click.echo(f"{file}: read as {how}", err=True)
    if kind == "initiatives" and "id" not in columns and "source_id" not in columns:
        click.echo(f"{file}: no id column, so records are keyed by their content: an "
                   "edited row becomes a new record (the old one is removed unless "
                   "--keep-missing)", err=True)
    config = connected_config(ctx, need_schema=True)
    batch = pipeline.Batch(kind, source or file.name, rows, keep_missing=keep_missing)
    with pipeline.transaction(db.engine(config)) as w:
        pipeline.load(w, [batch])
        report_files(w, [batch.report], [c for c in columns if c], batch.rejects,
                     rejects_path or Path(f"rejects-{file.stem}.csv"),
                     Path(f"disagreements-{file.stem}.csv"))
    _echo_reports([batch.report])


def _record_options(fn):
    fn = click.option("--keep-missing", is_flag=True,
                      help="A partial file: keep the source's records it does not hold "
                           "(by default a re-load removes them).")(fn)
    fn = click.option("--rejects", "rejects_path",
                      type=click.Path(dir_okay=False, path_type=Path),
                      help="Where to write rejected rows (default: rejects-<file>.csv).")(fn)
    fn = click.option("--map", "renames", multiple=True, callback=_renames(),
                      metavar="NEW=OLD", help="Read column NEW from the file's column OLD.")(fn)
    fn = click.option("--source", help="Source name stored with each record (default: the "
                                        "file name).")(fn)
    fn = click.argument("file", type=click.Path(dir_okay=False, exists=True,
                                                path_type=Path))(fn)
    return fn


@load.command("initiatives")
@_record_options
@click.pass_context
def load_initiatives(ctx, file, source, renames, rejects_path, keep_missing):
    """Load initiative records from FILE (CSV, JSON, GeoJSON or XLSX).

    Columns: title, summary, year, url, domains (";"-separated), and where: commune,
    departement, code_postal, insee, lat, lon. Re-loading the same source updates its
    records (key: the id column, else a hash of the row: an edited row is then a new
    record) and removes those the file no longer holds (unless --keep-missing).
    Rejected rows, with the reason, go to the rejects file.

    \b
    Example:
      python -m atlas load initiatives fiches.xlsx --source villes-internet
    """
    _load_records(ctx, "initiatives", file, source, renames, rejects_path, keep_missing)


@load.command("labels")
@_record_options
@click.pass_context
def load_labels(ctx, file, source, renames, rejects_path, keep_missing):
    """Load label awards from FILE: collectivité (commune, departement, code_postal, insee
    or an EPCI name/SIREN), year, level (1..5, "4@", "@@@@"), mentions (";"-separated).

    \b
    Example:
      python -m atlas load labels palmares-2020.csv --map commune=ville
    """
    _load_records(ctx, "labels", file, source, renames, rejects_path, keep_missing)


@load.command("press")
@click.argument("path", metavar="FILE_OR_DIR", type=click.Path(exists=True, path_type=Path))
@click.option("--dry-run", is_flag=True,
              help="Print what would be loaded, as JSON, and write nothing.")
@click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write rejected awards and initiatives "
                   "(default: rejects-<file or folder>.csv).")
@click.option("--review", "review_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write every extracted award, in the format `load labels` reads, "
                   "with its evidence, file, line, geocoded code and status (UTF-8 with "
                   "BOM, \";\").")
@click.option("--edition", type=int, metavar="YEAR",
              help="The edition of the texts that state none (no date line, no label "
                   "year): used only for those, a text stating its own keeps it; the "
                   "review file's edition_from column says which was used.")
@click.pass_context
def load_press(ctx, path, dry_run, rejects_path, review_path, edition):
    """Load the label awards and initiatives that press releases state.

    FILE_OR_DIR: one text, a folder of .txt/.md texts, or a zip of them. Each text gives
    the awards it
    states (collectivité, edition year, level, and earlier years' levels: single
    releases and palmarès round-ups, lists by level or by place) and, when it awards
    one collectivité, that collectivité's initiatives, classified with the taxonomy's
    keywords. The source is the file name. Awards that two files state with different
    levels for one collectivité and edition are all rejected, with the reason. Needs the
    reference and the taxonomy loaded, also for --dry-run (it geocodes and shows the
    geocoded codes).

    \b
    Examples:
      python -m atlas load press communique.txt --dry-run
      python -m atlas load press ../shared/seeds
      python -m atlas load press palmares/ --dry-run --review awards.csv
      python -m atlas load press undated.txt --edition 2014 --review awards.csv
    """
    from loaders import pipeline
    from loaders.press import load as press_load
    from loaders.press import review
    from loaders.records import report_files

    if edition is not None:
        press_load.check_edition(edition)
    texts = press_load.texts_of(path)
    config = connected_config(ctx, need_schema=True)
    # A dry run goes through the same write, rolled back: its summary counts what a load
    # would insert, update and remove.
    with pipeline.transaction(db.engine(config), dry_run=dry_run) as w:
        done = press_load.load(w, texts, edition)
        report_files(w, done.reports, press_load.REJECT_COLUMNS, done.rejects,
                     rejects_path or Path(f"rejects-{path.stem}.csv"))
    batches = done.batches
    results = [(b.report, b.records, b.rejects) for b in batches]
    if review_path:
        n = review.write_review(review_path, [(f, rows) for f, rows, _ in done.extracted],
                                done.outcome, loaded=not dry_run)
        click.echo(f"{n} awards, with their evidence and status: {review_path}", err=True)
    if dry_run:
        click.echo(json.dumps([_press_plan(file, rows, results[2 * i:2 * i + 2], done.outcome)
                               for i, (file, *rows) in enumerate(done.extracted)],
                              ensure_ascii=False, indent=1))
    _echo_reports(done.reports, err=dry_run)


def _press_plan(file: str, rows: list[list[dict]], results, awards: dict) -> dict:
    """What ``load press`` would load from one file: each extracted row beside the record
    it would become, or the reason it would be rejected (``awards``: the awards'
    outcome, see ``loaders.press.load.outcome_of``)."""
    from loaders.press.load import outcome_of

    plan = {"file": file}
    for kind, kind_rows, (_, records, rejected) in zip(("awards", "initiatives"), rows,
                                                        results):
        outcome = awards if kind == "awards" else outcome_of(kind_rows, records, rejected)
        plan[kind] = []
        for row in kind_rows:
            shown = {k: v for k, v in row.items() if k != "line"}
            record, why = outcome[id(row)]
            if why:
                shown["rejected"] = str(why)
            else:
                shown.update(commune_insee=record["commune_insee"],
                             epci_siren=record["epci_siren"])
            plan[kind].append(shown)
    return plan


@click.command("synth")
@click.option("--initiatives", "n_initiatives", default=100_000, show_default=True,
              type=click.IntRange(0, 2_000_000), help="How many synthetic initiatives.")
@click.option("--award-communes", default=2_200, show_default=True,
              type=click.IntRange(0, 40_000), help="How many communes get label awards.")
@click.option("--seed", default=1, show_default=True, type=int,
              help="Random seed: the same seed gives the same rows.")
@click.pass_context
def synth(ctx, n_initiatives, award_communes, seed):
    """Replace the synthetic records (source=synthetic) with a fresh set, for benchmarks.

    Initiatives go on real communes, more in populous ones, every domain, years
    2000–2025; label awards are added where no real award exists for that year. Every
    row is marked source=synthetic and never shown as real data. `--initiatives 0
    --award-communes 0` removes them.

    \b
    Example:
      python -m atlas synth --initiatives 100000 --seed 1
    """
    from loaders import synth as synthetic

    from loaders import pipeline

    config = connected_config(ctx, need_schema=True)
    with pipeline.transaction(db.engine(config)) as w:
        report = synthetic.run(w.conn, w.changes, n_initiatives, award_communes, seed)
    for line in report.lines():
        click.echo(line)


@load.command("source")
@click.argument("names", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Load every mapping of geodata/sources/.")
@click.option("--file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Read this file instead of the mapping's (with one NAME only).")
@click.option("--reports", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True,
              help="Folder for rejects-NAME.csv and disagreements-NAME.csv.")
@click.option("--keep-missing", is_flag=True,
              help="A partial file: keep the source's records it does not hold "
                   "(by default a re-load removes them).")
@click.pass_context
def load_source(ctx, names, every, file, reports, keep_missing):
    """Load declared sources: NAME is a mapping of geodata/sources/ (NAME.toml) or a path
    to a .toml mapping; its file is read from ATLAS_DATASETS.

    Each source is one transaction. Rejected rows, with the reason, go to
    rejects-NAME.csv; rows kept although their fields disagree (a point outside its
    commune, a postcode of another département...) are listed in disagreements-NAME.csv.

    \b
    Examples:
      python -m atlas load source france-services conseillers-numeriques
      python -m atlas load source --all
      python -m atlas load source my-list.toml --file my-list.csv
    """
    from loaders import mapping
    from loaders.geocoder import Geocoder

    if bool(names) == every:
        raise click.UsageError("give mapping NAMEs or --all (not both)")
    if file and len(names) != 1:
        raise click.UsageError("--file needs exactly one NAME")
    paths = mapping.every() if every else [mapping.find(n) for n in names]
    mappings = [mapping.read(p) for p in paths]  # all validated before anything is loaded
    config = connected_config(ctx, need_schema=True)
    engine = db.engine(config)
    with engine.connect() as conn:
        geocoder = Geocoder.from_db(conn)  # built once for every source
    reports.mkdir(parents=True, exist_ok=True)
    for m in mappings:
        if "id" not in m.columns:
            click.echo(f"{m.name}: no id column, so records are keyed by their content: an "
                       "edited row becomes a new record (the old one is removed unless "
                       "--keep-missing)", err=True)
        outcome = mapping.load(engine, m, config.datasets, file, geocoder, reports,
                               keep_missing)
        click.echo(f"{outcome.file}: {m.source.attribution}")
        _echo_reports([outcome.report])


@click.command("rebuild")
@click.pass_context
def rebuild(ctx):
    """Rebuild the derived data whole: the search rows (initiative_search) and the tile
    outlines (tile_shape), from the tables, and move the data version.

    Every write keeps them in step for what it changed; this is for repair (a table
    edited by hand in psql), and takes about as long as the first load did.
    """
    import time

    from loaders import pipeline

    config = connected_config(ctx, need_schema=True)
    start = time.perf_counter()
    derived = pipeline.rebuild(db.engine(config))
    click.echo(f"rebuilt {derived.search_rows} search rows and {derived.shape_rows} tile "
               f"outlines in {time.perf_counter() - start:.1f} s; data version "
               f"{derived.version}")
