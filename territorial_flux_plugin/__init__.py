"""Territorial Flux: territorial industrial ecology in QGIS."""


def classFactory(iface):  # noqa: N802 - name required by QGIS
    """Called by QGIS to load the plugin; the plugin class is imported only then."""
    from .plugin import TerritorialFluxPlugin

    return TerritorialFluxPlugin(iface)
