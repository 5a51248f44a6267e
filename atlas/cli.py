"""The command line: ``python -m atlas <command>``, with ``--help`` on every command.

Configuration is read once, when a command runs (not at import). Any ``AtlasError`` is
printed as one line, ``atlas: error: ...``, with exit status 1; a usage error exits 2.
Command groups of other packages (the loaders) are attached by ``atlas.__main__``.
"""

from __future__ import annotations

import os
import sys
from urllib.parse import parse_qs

import click

from atlas import db, exports, filters, migrate, serving
from atlas.config import SETTINGS, Config
from atlas.errors import AtlasError


class AtlasGroup(click.Group):
    """A click group that reports AtlasError as one line instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AtlasError as e:
            click.echo(f"atlas: error: {e}", err=True)
            ctx.exit(1)


def config_of(ctx: click.Context) -> Config:
    """The configuration, read from the environment the first time a command asks."""
    root = ctx.find_root()
    if not isinstance(root.obj, Config):
        root.obj = Config.from_env()
    return root.obj


def connected_config(ctx: click.Context, need_schema: bool = False) -> Config:
    config = config_of(ctx)
    db.check(db.engine(config), need_schema=need_schema)
    return config


_SETTINGS_HELP = "\n".join(f"  {s.env}: {s.help}" for s in SETTINGS)


@click.group(cls=AtlasGroup, epilog="\b\nConfiguration (environment variables):\n"
             + _SETTINGS_HELP)
@click.version_option(package_name=None, version=__import__("atlas").__version__)
def main() -> None:
    """Atlas des initiatives numériques: load, check and serve the atlas."""


@main.group("db", cls=AtlasGroup)
def db_() -> None:
    """Create and evolve the database schema (Alembic migrations)."""


@db_.command()
@click.argument("revision", default="head")
@click.pass_context
def upgrade(ctx: click.Context, revision: str) -> None:
    """Apply migrations up to REVISION (default: head).

    Example: python -m atlas db upgrade
    """
    migrate.upgrade(connected_config(ctx), revision)
    click.echo(f"database at {migrate.current(config_of(ctx))}")


@db_.command()
@click.argument("revision")
@click.pass_context
def downgrade(ctx: click.Context, revision: str) -> None:
    """Revert migrations down to REVISION (`base` empties the schema).

    Example: python -m atlas db downgrade base
    """
    migrate.downgrade(connected_config(ctx), revision)
    click.echo(f"database at {migrate.current(config_of(ctx))}")


@db_.command()
@click.pass_context
def current(ctx: click.Context) -> None:
    """Print the revision the database is at."""
    click.echo(migrate.current(connected_config(ctx)))


@db_.command()
def history() -> None:
    """List the migrations, newest first."""
    click.echo(migrate.history(Config.from_env()))


@main.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Validate the configuration and reach the database; print what is used."""
    config = connected_config(ctx, need_schema=True)
    click.echo(f"database: {db.safe_url(config.database_url)} ({migrate.current(config)})")
    click.echo(f"geodata: {config.geodata or '(none)'}")
    click.echo(f"datasets: {config.datasets or '(none)'}")
    click.echo(f"seeds: {config.seeds or '(none)'}")


@main.command()
@click.option("--workers", type=click.IntRange(1, 64), default=serving.WORKERS,
              show_default=True, help="gunicorn worker processes.")
@click.option("--threads", type=click.IntRange(1, 256), default=serving.THREADS,
              show_default=True, help="Clients each worker serves at once (gthread).")
@click.option("--timeout", type=click.IntRange(1, 3600), default=serving.TIMEOUT,
              show_default=True,
              help="Seconds before a worker that stopped answering is restarted (never "
                   "cuts a download).")
@click.option("--keep-alive", type=click.IntRange(0, 300), default=serving.KEEP_ALIVE,
              show_default=True, help="Seconds an idle connection is kept open.")
@click.pass_context
def serve(ctx: click.Context, workers: int, threads: int, timeout: int,
          keep_alive: int) -> None:
    """Serve the map and the API with gunicorn on ATLAS_HOST:ATLAS_PORT (threaded
    workers, connections kept alive).

    Example: ATLAS_PORT=8000 python -m atlas serve --workers 4 --threads 16
    """
    config = connected_config(ctx, need_schema=True)
    bind = f"{config.host}:{config.port}"
    click.echo(f"serving on http://{bind}/ ({workers} workers × {threads} threads)",
               err=True)
    sys.stdout.flush()
    command = serving.argv(bind, workers, threads, timeout, keep_alive)
    # exec: gunicorn becomes this process, so signals (Ctrl-C, SIGTERM) reach it directly.
    os.execvp(command[0], command)


def _filter_options(command):
    """One ``--name`` option per API filter (``--year-min`` for ``year_min``), repeatable
    like the query parameter; the names and checks are those of ``atlas.filters``."""
    for p in reversed(filters.FILTER_PARAMS):
        command = click.option(f"--{p.name.replace('_', '-')}", p.name, multiple=True,
                               metavar=p.type.upper(), help=p.description)(command)
    return command


@main.command("export")
@click.argument("layer", type=click.Choice(exports.LAYERS))
@click.argument("query", required=False, default="")
@click.option("--format", "fmt", type=click.Choice(list(exports.FORMATS)),
              default="geojson", show_default=True, help="File format.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, allow_dash=True),
              help="Output file; `-` for standard output; default: the name the web "
                   "export gives (layer, date, filters) in the current folder.")
@click.option("--crs", help="4326 (default) or 2154 (Lambert-93, gpkg, shp.zip and fgb).")
@_filter_options
@click.pass_context
def export(ctx: click.Context, layer: str, query: str, fmt: str, out: str | None,
           crs: str | None, **given) -> None:
    """Export LAYER (initiatives, communes, labels) with the API's filters, given as
    options or as a QUERY string copied from a URL; the same files as
    GET /export/LAYER.FORMAT?QUERY.

    \b
    Examples:
      python -m atlas export initiatives --format csv --domain education --level 4,5
      python -m atlas export communes "region=11&year_min=2020" --format gpkg --crs 2154
    """
    args: dict[str, list[str]] = {}
    for name, values in parse_qs(query.lstrip("?"), keep_blank_values=True).items():
        args.setdefault(name, []).extend(values)
    for name, values in given.items():
        if values:
            args.setdefault(name, []).extend(values)
    if crs:
        args["crs"] = [crs]
    job = exports.request(layer, fmt, args)
    engine = db.engine(connected_config(ctx, need_schema=True))
    out = out or exports.filename(job)
    chunks = exports.stream(engine, job)
    if out == "-":
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
        return
    # Written beside the target, then renamed: a failed export leaves no partial file.
    partial = f"{out}.part"
    try:
        with open(partial, "wb") as f:
            for chunk in chunks:
                f.write(chunk)
        os.replace(partial, out)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    click.echo(f"{out}: {os.path.getsize(out):,} bytes", err=True)
