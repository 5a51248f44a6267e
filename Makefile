# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make demo   venv + dependencies, PostGIS, schema, real reference data, the national lists
#               of geodata/sources/ (France Services, conseillers numériques), map on 127.0.0.1:5000
#   make test   venv + dependencies, PostGIS, the whole test suite
# Both use ATLAS_DATABASE_URL when set, else a private cluster under .pgdata/ (scripts/pg.sh:
# generated passwords, the web app as the read-only role atlas_web; fsync off only for
# test and bench).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
WITH_DB := scripts/with-db.sh
ATLAS  := $(BIN)/python -m atlas
SYSTEM := scripts/system.sh
# PostGIS is installed here only when the private cluster is used.
# Press releases about the label: real awards and initiatives for the demo's map. The
# setting ATLAS_SEEDS of atlas/config.py (taken from the environment when set; this default
# is the config's: ../shared/seeds beside the project).
ATLAS_SEEDS ?= ../shared/seeds
PG_PKG := $(if $(ATLAS_DATABASE_URL),,postgresql-15-postgis-3)
# The slowest tests named at the end of every run: where the suite's time goes.
PYTEST_ARGS ?= --durations=25

.PHONY: demo _demo test bench venv db-start db-stop db-destroy clean

venv: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Front-end libraries from npm, exactly as package-lock.json pins them (Leaflet.VectorGrid,
# served under /vendor/; axe-core, injected by the browser tests). Debian's nodejs/npm are
# installed only when no npm is on the PATH (a NodeSource nodejs already carries npm).
node_modules/.installed: package.json package-lock.json
	command -v npm >/dev/null || $(SYSTEM) nodejs npm
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# chromium: Debian's browser, driven by Playwright in the end-to-end tests and the map bench.
# gdal-bin: ogrinfo/ogr2ogr, the OGC API – Features client of tests/test_ogc_clients.py.
test: venv
	$(SYSTEM) chromium gdal-bin $(PG_PKG)
	ATLAS_PG_FAST=1 $(WITH_DB) $(BIN)/python -m pytest $(PYTEST_ARGS)

demo: venv
	$(SYSTEM) $(PG_PKG)
	$(WITH_DB) $(MAKE) --no-print-directory _demo

# Runs inside with-db.sh, so ATLAS_DATABASE_URL is set.
_demo:
	$(ATLAS) db upgrade
	$(ATLAS) load domains
	$(ATLAS) load reference
	$(ATLAS) load source --all --reports .cache/load-reports
	if [ -d "$(ATLAS_SEEDS)" ]; then $(ATLAS) load press "$(ATLAS_SEEDS)" --rejects .cache/load-reports/press-rejects.csv; fi
	$(ATLAS) serve

# Benchmarks: figures and ratios against reference runs, written to bench/RESULTS.md.
bench: venv
	$(SYSTEM) chromium gdal-bin $(PG_PKG)
	ATLAS_PG_FAST=1 $(WITH_DB) $(BIN)/python -m bench

db-start:
	scripts/pg.sh start

db-stop:
	scripts/pg.sh stop

db-destroy:
	scripts/pg.sh destroy

clean: db-destroy
	rm -rf $(VENV) .pytest_cache
