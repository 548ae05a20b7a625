"""Fixtures shared by the QGIS tiers live in tests/conftest.py."""
