"""territorialflux:upgradeworkspace — bring a workspace's schema to this plugin's version."""

from qgis.core import QgsProcessingOutputString, QgsProcessingParameterBoolean

from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..storage import workspace_at
from .base import TerritorialFluxAlgorithm
from .params import WORKSPACE, workspace_parameter


class UpgradeWorkspaceAlgorithm(TerritorialFluxAlgorithm):
    NAME = "upgradeworkspace"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Upgrade workspace")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Workspace")
    GROUP_ID = "workspace"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Migrates the schema of WORKSPACE (a GeoPackage path or a team workspace reference) to this "
        "plugin's version, in one transaction: on any failure the workspace stays as it was. A "
        "GeoPackage gets a backup copy first. A team workspace is never upgraded when it is opened: "
        "its administrator runs this algorithm once, after every advisor has closed it, with CONFIRM "
        "set to true.")

    CONFIRM = "CONFIRM"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(workspace_parameter())
        self.addParameter(QgsProcessingParameterBoolean(
            self.CONFIRM, self.tr("I confirm: every advisor has closed this workspace"), False))
        self.addOutput(QgsProcessingOutputString(self.OUTPUT, self.tr("Workspace reference")))

    def perform(self, parameters, context, feedback):
        if not self.parameterAsBoolean(parameters, self.CONFIRM, context):
            self.fail(Message(QT_TRANSLATE_NOOP(
                "Validation", "Nothing was changed: set CONFIRM to true to upgrade the workspace.")))
        reference = self.parameterAsString(parameters, WORKSPACE, context).strip()
        if not reference:
            self.fail(Message(QT_TRANSLATE_NOOP("Validation", "Give the workspace: the path of its GeoPackage.")))
        workspace = workspace_at(reference)
        before, after = workspace.upgrade()
        if before == after:
            feedback.pushInfo(self.tr("The workspace is already at schema version {version}.").format(version=after))
        else:
            feedback.pushInfo(self.tr("Workspace upgraded from schema version {before} to {after}.").format(
                before=before, after=after))
        return {self.OUTPUT: workspace.reference}
