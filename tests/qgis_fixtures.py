"""Fixtures of the QGIS test tiers (tests/qgis, tests/desktop, the journey): registered by
tests/conftest.py when pytest-qgis runs, so that the pure-Python tier (make test-unit) never
starts QGIS."""

import os
import shutil
import sys

import pytest

from tests.qgis_helpers import live_provider


@pytest.fixture(scope="session")
def provider_registered(qgis_processing):
    """The plugin's Processing provider registered for the session, as QGIS does for a loaded plugin."""
    from qgis.core import QgsApplication

    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    live_provider()
    yield
    registry = QgsApplication.processingRegistry()
    if registry.providerById("territorialflux") is not None:
        registry.removeProvider("territorialflux")


@pytest.fixture
def provider(provider_registered):
    """The plugin's Processing provider as registered now."""
    return live_provider()


@pytest.fixture(scope="session")
def demo_workspace(provider_registered, tmp_path_factory):
    """The demo territory, built once with territorialflux:createdemo."""
    import processing

    folder = tmp_path_factory.mktemp("demo")
    built = processing.run("territorialflux:createdemo", {"OUTPUT": str(folder / "built.gpkg")})["OUTPUT"]
    # QGIS keeps its connections to the file it built (and SQLite's write-ahead log with them):
    # hand the tests a consistent copy that no connection holds, safe to copy with shutil.
    path = str(folder / "demo.gpkg")
    copy_geopackage(built, path)
    return path


@pytest.fixture(scope="module")
def empty_workspace(provider_registered, tmp_path_factory):
    import processing

    path = str(tmp_path_factory.mktemp("ws") / "empty.gpkg")
    processing.run("territorialflux:createworkspace", {"OUTPUT": path, "NAME": "Test territory"})
    return path


@pytest.fixture
def workspace(empty_workspace, tmp_path):
    path = str(tmp_path / "workspace.gpkg")
    shutil.copy(empty_workspace, path)
    return path


@pytest.fixture
def demo(demo_workspace, tmp_path):
    path = str(tmp_path / "demo.gpkg")
    shutil.copy(demo_workspace, path)
    return path


def copy_geopackage(source, target):
    """A consistent copy of a GeoPackage, even while QGIS holds it open in WAL mode."""
    import sqlite3

    origin, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        origin.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
        origin.close()


@pytest.fixture
def run(provider):
    """processing.run with the algorithm's feedback kept quiet."""
    import processing

    def _run(algorithm, parameters):
        return processing.run("territorialflux:" + algorithm, parameters)

    return _run


# --- team workspaces: a real PostgreSQL 15 + PostGIS 3 server (tests fail, not skip, without it) ---

@pytest.fixture(scope="session")
def postgis_server():
    """A throw-away cluster on a free local port, with a pg_service entry (see tests/pgserver.py)."""
    from tests import pgserver

    server = pgserver.Server()
    try:
        server.start()
    except pgserver.ServerMissingError as error:
        server.stop()
        pytest.fail(str(error), pytrace=False)
    previous = os.environ.get("PGSERVICEFILE")
    os.environ["PGSERVICEFILE"] = server.service_file
    yield server
    if previous is None:
        os.environ.pop("PGSERVICEFILE", None)
    else:
        os.environ["PGSERVICEFILE"] = previous
    server.stop()


@pytest.fixture(scope="session")
def postgis_connection(postgis_server, provider_registered):
    """The name of a PostgreSQL connection saved in QGIS's settings, reaching the server by service."""
    from qgis.core import QgsSettings

    from tests import pgserver

    # One name per test session: concurrent sessions share QGIS's settings file.
    name = "Territorial Flux tests {}".format(os.getpid())
    base = "PostgreSQL/connections/{}/".format(name)
    settings = QgsSettings()
    for key, value in {"service": pgserver.SERVICE, "host": "", "port": "", "database": "",
                       "username": "", "password": "", "authcfg": "", "saveUsername": "false",
                       "savePassword": "false", "projectsInDatabase": "true"}.items():
        settings.setValue(base + key, value)
    settings.sync()
    yield name
    settings.remove("PostgreSQL/connections/" + name)



@pytest.fixture(scope="session", autouse=True)
def no_canvas_drawing(qgis_app, qgis_iface):
    """The stub desktop's map canvas does not draw: the dock tests check widgets and files, the
    desktop tier and the printed maps check what is drawn. (Drawing threads evaluate the
    companies' aggregate style; QGIS 3.22 crashes when a test then removes the layers.)"""
    canvas = qgis_iface.mapCanvas()
    canvas.setRenderFlag(False)
    yield
    canvas.setRenderFlag(True)


@pytest.fixture(scope="session", autouse=True)
def quiet_exit(qgis_app):
    """Before pytest-qgis ends QGIS: drop the project, delete what waits for deletion and collect
    Python's leftovers, so that no QGIS object outlives the application (a crash at exit)."""
    yield
    import gc

    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    from tests.qgis_helpers import settle_qgis

    settle_qgis()
    QgsProject.instance().clear()
    gc.collect()
    for leftover in [o for o in gc.get_objects() if isinstance(o, QgsProject)]:
        leftover.clear()  # a project still referenced somewhere: its layers go while GDAL is alive
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    gc.collect()


@pytest.fixture
def dialogs():
    """Dialogs made by a test, deleted while QGIS still runs (not at interpreter exit)."""
    from qgis.PyQt import sip

    made = []
    yield made
    for dialog in made:
        dialog.close()
        sip.delete(dialog)
