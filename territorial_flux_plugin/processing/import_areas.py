"""territorialflux:importareas — commune boundaries, business zones, the territory's outline."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.vocabulary import AREA_KINDS
from ..importing.areas import AreaImport
from .base import TerritorialFluxAlgorithm
from .import_companies import REJECTS_FILTER, import_workspace, run_import
from .params import choice_parameter, parameter_as_choice, workspace_parameter

AREAS_FILTER = QT_TRANSLATE_NOOP(
    "Processing", "Polygons (*.shp *.gpkg *.geojson *.json *.fgb *.kml *.gml *.zip);;All files (*)")


class ImportAreasAlgorithm(TerritorialFluxAlgorithm):
    NAME = "importareas"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Import areas (communes, zones, territory)")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Import")
    GROUP_ID = "import"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Loads boundaries into the workspace's areas layer: commune boundaries (such as IGN's ADMIN "
        "EXPRESS shapefile, zipped or not), business-zone perimeters or the territory's outline (KIND). A "
        "file with several polygon layers is refused with their names: give one as path|layername=name. "
        "NAME_FIELD is "
        "the column holding each area's name, CODE_FIELD (optional) its code (the INSEE code of a "
        "commune, checked). Polygons are reprojected into the workspace's CRS; a source that does not "
        "say its CRS is refused unless SOURCE_CRS is given. An area the workspace already has (same kind "
        "and code, or same name without code) is skipped. Everything is written in one transaction: a "
        "failure or a cancel leaves the workspace as it was. Every row not imported is listed with its "
        "reason in REJECTS. Printed maps draw the areas as their background, label the communes and use "
        "communes or zones as the pages of an atlas.")

    INPUT = "INPUT"
    KIND = "KIND"
    NAME_FIELD = "NAME_FIELD"
    CODE_FIELD = "CODE_FIELD"
    SOURCE_CRS = "SOURCE_CRS"
    ENCODING = "ENCODING"
    REJECTS = "REJECTS"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(workspace_parameter())
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Polygons file"), fileFilter=self.tr(AREAS_FILTER)))
        self.addParameter(choice_parameter(self.KIND, self.tr("Kind of area"), list(AREA_KINDS), "commune"))
        self.addParameter(QgsProcessingParameterString(self.NAME_FIELD, self.tr("Column of the names")))
        self.addParameter(QgsProcessingParameterString(
            self.CODE_FIELD, self.tr("Column of the codes (INSEE code of a commune)"), optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.SOURCE_CRS, self.tr("CRS of the polygons (when the file does not say)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ENCODING, self.tr("Text encoding (empty: the .cpg, else detected)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REJECTS, self.tr("Rows not imported (CSV)"), self.tr(REJECTS_FILTER),
            QgsProcessing.TEMPORARY_OUTPUT))
        for name, text in (("IMPORTED", "Areas imported"), ("SKIPPED", "Rows skipped"),
                           ("REJECTED", "Rows rejected")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(text)))

    def perform(self, parameters, context, feedback):
        rejects = self.parameterAsFileOutput(parameters, self.REJECTS, context)
        workspace = import_workspace(self, parameters, context, rejects, "areas")
        crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        job = AreaImport(
            workspace, self.parameterAsFile(parameters, self.INPUT, context),
            parameter_as_choice(self, parameters, self.KIND, context),
            self.parameterAsString(parameters, self.NAME_FIELD, context).strip(),
            self.parameterAsString(parameters, self.CODE_FIELD, context).strip() or None,
            source_crs=crs.toWkt() if crs.isValid() else None,
            encoding=self.parameterAsString(parameters, self.ENCODING, context).strip() or None)
        result = run_import(self, job, rejects, feedback)
        counts = result.counts() if result is not None else dict.fromkeys(("imported", "skipped", "rejected"), 0)
        return {"IMPORTED": counts["imported"], "SKIPPED": counts["skipped"], "REJECTED": counts["rejected"],
                self.REJECTS: rejects}
