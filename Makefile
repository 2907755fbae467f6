# EcoSecurity — the two commands of the README are `make demo` and `make test`.
# Both install what is missing first (Debian packages, .venv) and are fast when set up.
PY := .venv/bin/python
export QT_QPA_PLATFORM ?= offscreen
DEMO_DIR ?= demo_output
DEMO_SIZE ?= 1000
DEMO_WORKFLOWS ?= liuzhi,gujiao,xian

.PHONY: setup test test-core test-algorithms demo demo-data i18n models docs package clean

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

## The main job on the bundled (generated, synthetic) demo landscape: outputs and report.html
## (DEMO_SIZE=10000 DEMO_WORKFLOWS=liuzhi: the province-scale run of 10^8 cells).
demo: setup
	$(PY) scripts/demo.py --out $(DEMO_DIR) --size $(DEMO_SIZE) --workflows $(DEMO_WORKFLOWS)

## Only the demo input layers (use DEMO_SIZE=5000 for larger benchmark landscapes).
demo-data: setup
	$(PY) scripts/make_demo_data.py --out $(DEMO_DIR)/data --size $(DEMO_SIZE)

## Regenerate i18n/ecosecurity_zh_CN.ts from the code, fill it from i18n/zh/*.json, compile the .qm.
i18n: setup
	$(PY) scripts/i18n.py

## Regenerate models/*.model3 (the Workflows of the toolbox) from scripts/build_models.py.
models: setup
	$(PY) scripts/build_models.py --out models

## docs/algorithms/{en,zh}/: a page per algorithm and model from the help texts (after `make i18n`), and
## docs/images/: the guide's figures rendered headless from $(DEMO_DIR) (running the demo when it is missing).
docs: setup
	$(PY) scripts/make_docs.py --out docs/algorithms
	@[ -f $(DEMO_DIR)/report.html ] || $(PY) scripts/demo.py --out $(DEMO_DIR) --size $(DEMO_SIZE)
	$(PY) scripts/make_screenshots.py --demo $(DEMO_DIR) --out docs/images

## dist/ecosecurity.zip for Plugins > Install from ZIP and plugins.qgis.org; fails on any broken
## rule of the plugin repository (scripts/package.py). Needs only Python's standard library.
package:
	python3 scripts/package.py --out dist/ecosecurity.zip

clean:
	rm -rf $(DEMO_DIR) .pytest_cache .runtime .pkg dist
