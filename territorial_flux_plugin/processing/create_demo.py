"""territorialflux:createdemo — a realistic demo territory to explore the plugin."""

from qgis.core import QgsProcessingParameterBoolean, QgsProcessingParameterFileDestination, QgsProcessingParameterNumber

from ..demo.builder import DEFAULT_SEED, create_demo
from ..domain.messages import QT_TRANSLATE_NOOP
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
        "family, and synergies at every status with their history. The same SEED always gives "
        "the same territory.")

    OUTPUT = "OUTPUT"
    SEED = "SEED"
    OVERWRITE = "OVERWRITE"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Seed"), QgsProcessingParameterNumber.Type.Integer, DEFAULT_SEED))
        self.addParameter(QgsProcessingParameterBoolean(
            self.OVERWRITE, self.tr("Overwrite an existing file"), False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Demo workspace GeoPackage"), self.tr("GeoPackage (*.gpkg)")))

    def perform(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        overwrite = self.parameterAsBoolean(parameters, self.OVERWRITE, context)
        workspace, builder = create_demo(path, seed, overwrite=overwrite)
        feedback.pushInfo(self.tr("{companies} companies, {flows} flows and {synergies} synergies written to {path}").format(
            companies=len(builder.companies), flows=len(builder.flows), synergies=len(builder.synergies),
            path=workspace.path))
        return {self.OUTPUT: workspace.path}
