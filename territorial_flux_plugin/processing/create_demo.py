"""territorialflux:createdemo — a realistic demo territory to explore the plugin."""

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ..demo.builder import DEFAULT_SEED, create_demo
from ..domain.messages import QT_TRANSLATE_NOOP
from ..toolbelt.compat import enum_value
from .base import TerritorialFluxAlgorithm


class CreateDemoAlgorithm(TerritorialFluxAlgorithm):
    NAME = "createdemo"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Create demo territory")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Workspace")
    GROUP_ID = "workspace"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Creates a demo workspace around Dunkirk (Nord, France): 160 invented companies in real "
        "communes with their NAF activities, over 400 offers and needs covering every resource "
        "family, and synergies at every status with their history. Its dates hang on a reference "
        "day, today unless REFERENCE_DATE says otherwise: a few next actions are overdue, most are "
        "upcoming, and the history covers the two years before. The same SEED and reference day "
        "always give the same territory.")

    OUTPUT = "OUTPUT"
    SEED = "SEED"
    OVERWRITE = "OVERWRITE"
    REFERENCE_DATE = "REFERENCE_DATE"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Seed"), QgsProcessingParameterNumber.Type.Integer, DEFAULT_SEED))
        self.addParameter(QgsProcessingParameterBoolean(
            self.OVERWRITE, self.tr("Overwrite an existing file"), False))
        self.addParameter(QgsProcessingParameterDateTime(
            self.REFERENCE_DATE, self.tr("Reference day of the demo's dates (today when empty)"),
            enum_value(QgsProcessingParameterDateTime, "Type.Date", "Date"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Demo workspace GeoPackage"), self.tr("GeoPackage (*.gpkg)")))

    def perform(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        overwrite = self.parameterAsBoolean(parameters, self.OVERWRITE, context)
        moment = self.parameterAsDateTime(parameters, self.REFERENCE_DATE, context)
        reference = moment.date().toPyDate() if moment is not None and moment.isValid() else None
        workspace, builder = create_demo(path, seed, overwrite=overwrite, reference=reference)
        feedback.pushInfo(self.tr("{companies} companies, {flows} flows and {synergies} synergies written to {path}").format(
            companies=len(builder.companies), flows=len(builder.flows), synergies=len(builder.synergies),
            path=workspace.path))
        return {self.OUTPUT: workspace.path}
