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
