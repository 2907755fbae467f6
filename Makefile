# EcoSecurity — the two commands of the README are `make demo` and `make test`.
# Both install what is missing first (Debian packages, .venv) and are fast when set up.
PY := .venv/bin/python
export QT_QPA_PLATFORM ?= offscreen
DEMO_DIR ?= demo_output
DEMO_SIZE ?= 1000

.PHONY: setup test test-core test-algorithms demo demo-data i18n bench package clean

setup:
	@bash scripts/setup.sh

## Run the whole test suite: pure cores with plain pytest (QGIS not loaded), then the
## Processing algorithms through pytest-qgis and scripts/qgis-process.
test: setup
	$(PY) -m pytest -p no:pytest_qgis -q tests/core
	$(PY) -m pytest -q tests/algorithms

test-core: setup
	$(PY) -m pytest -p no:pytest_qgis -q tests/core

test-algorithms: setup
	$(PY) -m pytest -q tests/algorithms

## The main job on the bundled (generated, synthetic) demo landscape: outputs and report.html.
demo: setup
	$(PY) scripts/demo.py --out $(DEMO_DIR) --size $(DEMO_SIZE)

## Only the demo input layers (use DEMO_SIZE=5000 for larger benchmark landscapes).
demo-data: setup
	$(PY) scripts/make_demo_data.py --out $(DEMO_DIR)/data --size $(DEMO_SIZE)

## Regenerate i18n/ecosecurity_zh_CN.ts from the code, fill it from i18n/zh/*.json, compile the .qm.
i18n: setup
	$(PY) scripts/i18n.py

## dist/ecosecurity.zip for Plugins > Install from ZIP and plugins.qgis.org; fails on any broken
## rule of the plugin repository (scripts/package.py). Needs only Python's standard library.
package:
	python3 scripts/package.py --out dist/ecosecurity.zip

clean:
	rm -rf $(DEMO_DIR) .pytest_cache .runtime .pkg dist
