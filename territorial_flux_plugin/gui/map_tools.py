"""Map tools: pick a company, place a new company, draw a substitution (supplier then receiver)."""

from qgis.core import QgsFeatureRequest, QgsPointXY, QgsRectangle
from qgis.gui import QgsMapToolEmitPoint
from qgis.PyQt.QtCore import pyqtSignal


def nearest_company(layer, canvas, point, tolerance_pixels=8):
    """The company feature nearest to ``point`` (map coordinates) within a few pixels, or None."""
    if layer is None:
        return None
    tolerance = canvas.mapUnitsPerPixel() * tolerance_pixels
    layer_point = canvas.mapSettings().mapToLayerCoordinates(layer, QgsPointXY(point))
    layer_tolerance = tolerance
    try:
        scale = canvas.mapSettings().layerToMapCoordinates(layer, QgsPointXY(layer_point.x() + 1, layer_point.y()))
        origin = canvas.mapSettings().layerToMapCoordinates(layer, layer_point)
        unit = max(abs(scale.x() - origin.x()), 1e-12)
        layer_tolerance = tolerance / unit
    except Exception:  # noqa: BLE001 - same CRS: the tolerance is right as it is
        pass
    box = QgsRectangle(layer_point.x() - layer_tolerance, layer_point.y() - layer_tolerance,
                       layer_point.x() + layer_tolerance, layer_point.y() + layer_tolerance)
    best, best_distance = None, None
    for feature in layer.getFeatures(QgsFeatureRequest().setFilterRect(box)):
        if not feature.hasGeometry():
            continue
        distance = feature.geometry().asPoint().sqrDist(layer_point)
        if best is None or distance < best_distance:
            best, best_distance = feature, distance
    return best


class CompanyPickTool(QgsMapToolEmitPoint):
    """Click a company on the map: emits its uid."""

    companyPicked = pyqtSignal(str)

    def __init__(self, canvas, layer_getter):
        super().__init__(canvas)
        self.layer_getter = layer_getter

    def canvasReleaseEvent(self, event):  # noqa: N802
        feature = nearest_company(self.layer_getter(), self.canvas(), event.mapPoint())
        if feature is not None:
            self.companyPicked.emit(feature["uid"])


class PlacePointTool(QgsMapToolEmitPoint):
    """Click where the new company is: emits the point in the layer's CRS."""

    pointPlaced = pyqtSignal(QgsPointXY)

    def __init__(self, canvas, layer_getter):
        super().__init__(canvas)
        self.layer_getter = layer_getter

    def canvasReleaseEvent(self, event):  # noqa: N802
        layer = self.layer_getter()
        point = self.canvas().mapSettings().mapToLayerCoordinates(layer, event.mapPoint()) if layer else event.mapPoint()
        self.pointPlaced.emit(QgsPointXY(point))


class SubstitutionTool(QgsMapToolEmitPoint):
    """Click the supplier, then the receiver: emits both companies' uids."""

    supplierPicked = pyqtSignal(str)
    pairPicked = pyqtSignal(str, str)

    def __init__(self, canvas, layer_getter):
        super().__init__(canvas)
        self.layer_getter = layer_getter
        self.supplier = None

    def activate(self):
        self.supplier = None
        super().activate()

    def canvasReleaseEvent(self, event):  # noqa: N802
        feature = nearest_company(self.layer_getter(), self.canvas(), event.mapPoint())
        if feature is None:
            return
        if self.supplier is None:
            self.supplier = feature["uid"]
            self.supplierPicked.emit(self.supplier)
        else:
            supplier, self.supplier = self.supplier, None
            self.pairPicked.emit(supplier, feature["uid"])
