"""What every test tier shares: the import path, and the tiers as pytest markers.

The QGIS fixtures (tests/qgis_fixtures.py) are registered only when pytest-qgis runs: the
pure-Python tier runs with ``-p no:pytest_qgis`` and never starts QGIS (make test-unit).
"""

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

# Markers of the tiers (make test-<marker>): the path or the fixtures of a test decide.
TEAM_FIXTURES = {"postgis_server", "postgis_connection"}


def pytest_configure(config):
    if config.pluginmanager.has_plugin("pytest_qgis"):
        from tests import qgis_fixtures

        config.pluginmanager.register(qgis_fixtures, "territorial_flux_qgis_fixtures")


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = str(item.fspath)
        if os.sep + "desktop" + os.sep in path:
            item.add_marker(pytest.mark.desktop)
        if os.sep + "journey" + os.sep in path:
            item.add_marker(pytest.mark.journey)
        if TEAM_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.team)
        if os.path.basename(path) == "test_team_load.py":
            item.add_marker(pytest.mark.load)
