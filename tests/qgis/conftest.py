"""The QGIS tier: fixtures come from tests/qgis_fixtures.py (registered by tests/conftest.py)."""
