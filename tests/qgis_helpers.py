"""Helpers shared by the QGIS test tiers."""


def settle_qgis(canvas=None):
    """Let QGIS's background work end before layers are removed.

    The companies' style evaluates aggregates on the flows layer, also from map rendering and
    feature-counting threads; removing the layers under them crashes QGIS 3.22. Call before
    ``QgsProject.instance().clear()`` in tests that drew or counted.
    """
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication, QThreadPool

    if canvas is not None:
        canvas.setLayers([])
        canvas.stopRendering()
        canvas.waitWhileRendering()
    QgsApplication.taskManager().cancelAll()
    for _ in range(200):
        QCoreApplication.processEvents()
        if not QgsApplication.taskManager().countActiveTasks():
            break
        QThreadPool.globalInstance().waitForDone(50)
    QThreadPool.globalInstance().waitForDone(10000)


_PLUGINS = []  # the headless plugin objects whose providers the tests use, kept alive


def live_provider():
    """The plugin's Processing provider in QGIS's registry, registered again when a test that
    loads and unloads the plugin took it out (the registry then deleted the old one)."""
    from qgis.core import QgsApplication

    import territorial_flux_plugin

    registry = QgsApplication.processingRegistry()
    if registry.providerById("territorialflux") is None:
        plugin = territorial_flux_plugin.classFactory(None)
        plugin.initProcessing()
        _PLUGINS.append(plugin)
    return registry.providerById("territorialflux")


def demo_team(server, connection, demo_workspace, schema, name, users):
    """The demo territory copied into a new team workspace in ``schema`` of ``server`` (reached
    through the QGIS connection ``connection``), with the login roles ``users``
    (``{login: 'reader'|'editor'|'admin'}``); returns the workspace's reference."""
    import processing

    reference = processing.run("territorialflux:createpostgisworkspace", {
        "CONNECTION": connection, "SCHEMA": schema, "NAME": name, "CRS": "EPSG:2154"})["OUTPUT"]
    processing.run("territorialflux:copyworkspace", {"INPUT": demo_workspace, "OUTPUT": reference})
    server.add_logins(schema, users)
    return reference


def team_reference(user, schema):
    """The reference of the team workspace in ``schema`` as the login ``user`` opens it (its service)."""
    return "postgres:service=tf_{};schema={}".format(user, schema)


def create_team_workspace(connection, schema, name, crs=None):
    """A new team workspace in ``schema`` of the server of the QGIS ``connection``."""
    from territorial_flux_plugin.project.build import create_workspace
    from territorial_flux_plugin.storage.postgres import format_reference

    return create_workspace(format_reference(schema, connection=connection), name, crs)


def patch_migration(monkeypatch, version, statements):
    """Make the migration to schema ``version`` run ``statements`` (on either storage), and the
    plugin's schema version at least ``version``."""
    import types

    from territorial_flux_plugin.storage import migrations, schema

    def run(database):
        for statement in statements:
            database.execute(statement)

    real = migrations.step
    monkeypatch.setattr(migrations, "step", lambda v: types.SimpleNamespace(geopackage=run, postgres=run)
                        if v == version else real(v))
    if schema.SCHEMA_VERSION < version:
        monkeypatch.setattr(schema, "SCHEMA_VERSION", version)
