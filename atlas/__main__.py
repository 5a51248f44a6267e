"""``python -m atlas``: the command line's composition root.

The core commands live in ``atlas.cli``; the loaders' commands are attached here so that
the core package never imports the loaders or the tiles (dependencies point loaders →
atlas, tiles → atlas).
"""

from atlas.cli import main
from atlas.users import users
from loaders.cli import geocode, load, rebuild, synth
from loaders.console import jobs_
from tiles.cli import tiles_

main.add_command(load)
main.add_command(geocode)
main.add_command(synth)
main.add_command(rebuild)
main.add_command(tiles_)
main.add_command(users)
main.add_command(jobs_)

if __name__ == "__main__":
    main(prog_name="python -m atlas")
