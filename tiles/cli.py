"""``python -m atlas tiles ...``: fill the tile cache ahead of visitors."""

from __future__ import annotations

import time

import click

from atlas import db
from atlas.cli import AtlasGroup, connected_config
from atlas.errors import ConfigError
from tiles import layers, serve
from tiles.cache import TileCache


@click.group("tiles", cls=AtlasGroup)
def tiles_() -> None:
    """Vector tiles: the on-disk cache (ATLAS_TILE_CACHE)."""


@tiles_.command()
@click.option("--layer", "layer_names", multiple=True, required=True,
              type=click.Choice(list(layers.LAYERS)), help="Layer to build (repeatable).")
@click.option("--minzoom", type=click.IntRange(0, 22), default=0, show_default=True,
              help="From this zoom (at least the layer's minzoom).")
@click.option("--maxzoom", type=click.IntRange(0, 22), default=8, show_default=True,
              help="Up to this zoom (at most the layer's maxzoom).")
@click.option("--quiet", is_flag=True, help="No progress line.")
@click.pass_context
def seed(ctx, layer_names, minzoom, maxzoom, quiet) -> None:
    """Build every tile over France (metropolitan and DROM) of a layer into the cache, at
    the current data version; tiles already built at that version are kept.

    Example: python -m atlas tiles seed --layer communes --maxzoom 8
    """
    config = connected_config(ctx, need_schema=True)
    folder = config.tile_cache_dir()
    if folder is None:
        raise ConfigError("ATLAS_TILE_CACHE is off: there is no cache to seed")
    cache = TileCache(folder, config.tile_cache_max_bytes)
    engine = db.engine(config)
    for name in layer_names:
        layer = layers.get(name)
        start = time.perf_counter()

        def progress(done, total, written, _name=name):
            if not quiet and (done == total or done % 50 == 0):
                click.echo(f"\r{_name}: {done}/{total} tiles, {written} written",
                           nl=done == total, err=True)

        counts = serve.seed(engine, cache, layer, minzoom, maxzoom, progress)
        click.echo(f"{name}: {counts['tiles']} tiles z{max(minzoom, layer.minzoom)}–"
                   f"z{min(maxzoom, layer.maxzoom)}: {counts['written']} written, "
                   f"{counts['cached']} already cached, {counts['empty']} empty, "
                   f"in {time.perf_counter() - start:.1f} s → {folder}")
