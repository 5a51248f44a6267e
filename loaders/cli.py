"""``python -m atlas load ...``: the loaders' commands, each one transaction with a report."""

from __future__ import annotations

from pathlib import Path

import click

from atlas import db
from atlas.cli import AtlasGroup, connected_config
from loaders import domains


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
    rows = domains.read(file)
    config = connected_config(ctx, need_schema=True)
    with db.engine(config).begin() as conn:
        counts = domains.merge(conn, rows)
    click.echo("domains: {domains} in the taxonomy, {added} added, {removed} removed"
               .format(**counts))
