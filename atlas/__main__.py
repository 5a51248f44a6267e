"""``python -m atlas``: the command line's composition root.

The core commands live in ``atlas.cli``; the loaders' commands are attached here so that
the core package never imports the loaders (dependencies point loaders → atlas).
"""

from atlas.cli import main
from loaders.cli import geocode, load, synth

main.add_command(load)
main.add_command(geocode)
main.add_command(synth)

if __name__ == "__main__":
    main(prog_name="python -m atlas")
