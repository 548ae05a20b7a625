import os
import sys

import pytest


@pytest.fixture(scope="session")
def provider(qgis_processing):
    """The plugin's Processing provider, registered as QGIS does for a loaded plugin."""
    from qgis.core import QgsApplication

    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    import territorial_flux_plugin

    plugin = territorial_flux_plugin.classFactory(None)
    plugin.initProcessing()
    yield QgsApplication.processingRegistry().providerById("territorialflux")
    plugin.unload()


@pytest.fixture(scope="session")
def demo_workspace(provider, tmp_path_factory):
    """The demo territory, built once with territorialflux:createdemo."""
    import processing

    path = str(tmp_path_factory.mktemp("demo") / "demo.gpkg")
    result = processing.run("territorialflux:createdemo", {"OUTPUT": path})
    return result["OUTPUT"]


@pytest.fixture
def run():
    """processing.run with the algorithm's feedback kept quiet."""
    import processing

    def _run(algorithm, parameters):
        return processing.run("territorialflux:" + algorithm, parameters)

    return _run
