"""Atlas des initiatives numériques: the core package.

Core modules (config, db, models, queries) never import Flask; the web layer lives in
``atlas.web`` and the command line in ``atlas.cli``.
"""

__version__ = "0.1.0"
