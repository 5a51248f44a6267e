"""``python -m atlas``: the command line's composition root.

The core commands live in ``atlas.cli``; the loaders' commands are attached here so that
the core package never imports the loaders or the tiles (dependencies point loaders →
atlas, tiles → atlas).
"""

from atlas.cli import main
from loaders.cli import geocode, load, rebuild, synth
from tiles.cli import tiles_

main.add_command(load)
main.add_command(geocode)
main.add_command(synth)
main.add_command(rebuild)
main.add_command(tiles_)

if __name__ == "__main__":
    main(prog_name="python -m atlas")
