# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make demo   venv + dependencies, PostGIS, schema, real reference data, the national lists
#               of geodata/sources/ (France Services, conseillers numériques), map on 127.0.0.1:5000
#   make test   venv + dependencies, PostGIS, the whole test suite
# Both use ATLAS_DATABASE_URL when set, else a private cluster under .pgdata/ (scripts/pg.sh).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
WITH_DB := scripts/with-db.sh
ATLAS  := $(BIN)/python -m atlas

.PHONY: demo _demo test bench gdal venv db-start db-stop db-destroy clean

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

test: venv
	$(WITH_DB) $(BIN)/python -m pytest $(PYTEST_ARGS)

demo: venv
	$(WITH_DB) $(MAKE) --no-print-directory _demo

# Runs inside with-db.sh, so ATLAS_DATABASE_URL is set.
_demo:
	$(ATLAS) db upgrade
	$(ATLAS) load domains
	$(ATLAS) load reference
	$(ATLAS) load source --all --reports .cache/load-reports
	$(ATLAS) serve

# Benchmarks: figures and ratios against reference runs, written to bench/RESULTS.md.
bench: venv gdal
	$(WITH_DB) $(BIN)/python -m bench

# ogr2ogr, the reference run of the loader and export benchmarks.
gdal:
	@command -v ogr2ogr >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdal-bin >/dev/null; \
	  else echo "ogr2ogr missing: sudo apt-get install gdal-bin" >&2; exit 1; fi; }

db-start:
	scripts/pg.sh start

db-stop:
	scripts/pg.sh stop

db-destroy:
	scripts/pg.sh destroy

clean: db-destroy
	rm -rf $(VENV) .pytest_cache
