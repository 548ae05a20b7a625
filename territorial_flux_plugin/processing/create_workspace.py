"""territorialflux:createworkspace — a new, empty workspace GeoPackage."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..domain.messages import QT_TRANSLATE_NOOP
from ..project.build import create_workspace
from .base import TerritorialFluxAlgorithm


class CreateWorkspaceAlgorithm(TerritorialFluxAlgorithm):
    NAME = "createworkspace"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Create workspace")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Workspace")
    GROUP_ID = "workspace"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Creates a territory workspace: a GeoPackage holding companies, flows, synergies and their "
        "history, link reviews, the resource nomenclature (the European List of Waste and the "
        "plugin's own codes) and NAF activities, with styles, forms, relations and a QGIS project "
        "stored inside it, so it opens in plain QGIS too. An existing file is kept unless "
        "OVERWRITE is true.")

    OUTPUT = "OUTPUT"
    NAME_PARAM = "NAME"
    CRS = "CRS"
    OVERWRITE = "OVERWRITE"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString(self.NAME_PARAM, self.tr("Territory name")))
        # Optional with a default: QGIS 3.22 refuses a missing CRS value even when a default exists.
        self.addParameter(QgsProcessingParameterCrs(self.CRS, self.tr("Coordinate reference system"),
                                                    "EPSG:2154", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.OVERWRITE, self.tr("Overwrite an existing file"), False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Workspace GeoPackage"), self.tr("GeoPackage (*.gpkg)")))

    def perform(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        name = self.parameterAsString(parameters, self.NAME_PARAM, context)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem("EPSG:2154")
        overwrite = self.parameterAsBoolean(parameters, self.OVERWRITE, context)
        workspace = create_workspace(path, name, crs, overwrite=overwrite)
        feedback.pushInfo(self.tr("Workspace created: {path}").format(path=workspace.path))
        return {self.OUTPUT: workspace.path}
