"""Plugin skeleton against pytest-qgis's iface stub. The real desktop is checked in tests/desktop."""

import os

import pytest
from qgis.core import QgsApplication

import territorial_flux_plugin
from territorial_flux_plugin.__about__ import __version__
from tests.qgis_helpers import live_provider


def test_metadata_is_one_source():
    folder = os.path.dirname(territorial_flux_plugin.__file__)
    inner = os.path.join(folder, "metadata.txt")
    root = os.path.join(os.path.dirname(folder), "metadata.txt")
    assert os.path.islink(inner)
    assert os.path.realpath(inner) == os.path.realpath(root)
    text = open(root, encoding="utf-8").read()
    assert "version={}".format(__version__) in text
    for line in ("qgisMinimumVersion=3.22", "qgisMaximumVersion=4.99", "hasProcessingProvider=yes"):
        assert line in text


@pytest.fixture
def no_provider(qgis_processing):
    """Take out a provider registered by other tests; put one back afterwards."""
    registry = QgsApplication.processingRegistry()
    had_one = registry.providerById("territorialflux") is not None
    if had_one:
        registry.removeProvider("territorialflux")
    yield registry
    if had_one and registry.providerById("territorialflux") is None:
        live_provider()


def test_headless_processing_without_iface(no_provider):
    registry = QgsApplication.processingRegistry()
    plugin = territorial_flux_plugin.classFactory(None)
    plugin.initProcessing()
    try:
        provider = registry.providerById("territorialflux")
        assert provider is not None
        names = {a.name() for a in provider.algorithms()}
        assert {"createworkspace", "createdemo"} <= names
        assert all(n == n.lower() and n.isalnum() for n in names)
    finally:
        plugin.unload()
    assert registry.providerById("territorialflux") is None


def test_gui_lifecycle_twice(qgis_iface, no_provider):
    registry = QgsApplication.processingRegistry()
    for _ in range(2):
        plugin = territorial_flux_plugin.classFactory(qgis_iface)
        plugin.initGui()
        assert registry.providerById("territorialflux") is not None
        names = [a.objectName() for a in plugin.menu.actions() if a.objectName()]
        assert {"TerritorialFlux_new_workspace", "TerritorialFlux_open_workspace",
                "TerritorialFlux_create_demo", "TerritorialFlux_share_with_partners", "TerritorialFlux_territory_report",
                "TerritorialFlux_dashboard"} <= set(names)
        share = [a for a in plugin.menu.actions() if a.objectName() == "TerritorialFlux_share_with_partners"][0]
        assert share.text() == "Share with partners…" and not share.icon().isNull()
        plugin.unload()
        assert registry.providerById("territorialflux") is None
        assert plugin.actions == [] and plugin.menu is None and plugin.toolbar is None
