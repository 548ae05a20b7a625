# Territorial Flux — every target does its own set-up (Debian packages, virtual environment).
PLUGIN   := territorial_flux_plugin
VENV     ?= .venv
export VENV
PYTHON   := $(VENV)/bin/python
QGIS_PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup test test-unit test-qgis test-desktop test-team test-load test-journey demo bench package install \
        uninstall lint translations pictures clean

setup:
	@bash scripts/setup.sh

test: setup
	$(PYTHON) -m pytest

# The pure-Python tier never starts QGIS (pytest-qgis and pytest-qt left out): a few seconds.
test-unit: setup
	$(PYTHON) -m pytest tests/unit -p no:pytest_qgis -p no:pytest-qt -W ignore::pytest.PytestConfigWarning

test-qgis: setup
	$(PYTHON) -m pytest tests/qgis

# One tier each (pytest markers, set by tests/conftest.py from a test's folder or fixtures).
test-desktop test-team test-load test-journey: setup
	$(PYTHON) -m pytest -m $(subst test-,,$@)

demo: setup
	$(PYTHON) scripts/demo.py demo

bench: setup
	$(PYTHON) benchmarks/run.py $(BENCH)

package: setup
	$(PYTHON) scripts/package.py dist

install:
	mkdir -p "$(QGIS_PROFILE)/python/plugins"
	ln -sfn "$(CURDIR)/$(PLUGIN)" "$(QGIS_PROFILE)/python/plugins/$(PLUGIN)"
	@echo "Linked $(QGIS_PROFILE)/python/plugins/$(PLUGIN) -> $(CURDIR)/$(PLUGIN); enable it in Plugins > Manage and Install Plugins."

uninstall:
	rm -f "$(QGIS_PROFILE)/python/plugins/$(PLUGIN)"

lint: setup
	$(VENV)/bin/ruff check $(PLUGIN) tests scripts benchmarks

# The README's pictures, from the desktop journey and make demo (scripts/pictures.sh lists each one).
pictures: setup
	bash scripts/pictures.sh

translations: setup
	bash scripts/translations.sh

clean:
	rm -rf dist demo .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
