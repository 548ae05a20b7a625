"""A quick picture of a workspace's map, as its stored project shows it (make demo's territory.png)."""

from qgis.core import QgsMapRendererCustomPainterJob, QgsMapSettings, QgsProject
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter

from .build import open_workspace


def render_map(workspace_path, image_path, width=1600, height=1100):
    """Render the visible layers of the workspace's stored project to ``image_path`` (PNG).

    The project is read into QGIS's current project (expressions such as the companies' role
    resolve relations there): call it headless, not from a desktop session with work open.
    """
    project = QgsProject.instance()
    workspace, _backup = open_workspace(workspace_path, project)
    root = project.layerTreeRoot()
    layers = [node.layer() for node in root.findLayers()
              if node.isVisible() and node.layer() is not None and node.layer().isSpatial()]
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(workspace.crs)
    settings.setOutputSize(QSize(width, height))
    settings.setOutputDpi(110)
    settings.setBackgroundColor(QColor("#fbfbf8"))
    extent = None
    for layer in layers:
        if layer.featureCount() > 0:
            layer_extent = layer.extent()
            if extent is None:
                extent = layer_extent
            else:
                extent.combineExtentWith(layer_extent)
    if extent is not None:
        extent.scale(1.05)
        settings.setExtent(extent)
    # Rendered in this thread: the companies' renderer aggregates their flows, which QGIS 3.40
    # fetches through the main thread; a job in other threads waited on would never end.
    image = QImage(settings.outputSize(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(settings.backgroundColor())
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    if not image.save(image_path, "PNG"):
        raise OSError("cannot write {}".format(image_path))
    project.clear()
    return image_path
