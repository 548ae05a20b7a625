"""territorialflux:copyworkspace — a whole workspace from a GeoPackage into PostGIS and back."""

import os

from qgis.core import QgsProcessingOutputString, QgsProcessingParameterString

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..project.build import create_workspace
from ..storage.copy import copy_workspace
from ..storage.postgres import is_reference
from .base import TerritorialFluxAlgorithm
from .params import parameter_as_workspace, workspace_parameter


class CopyWorkspaceAlgorithm(TerritorialFluxAlgorithm):
    NAME = "copyworkspace"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Copy workspace")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Workspace")
    GROUP_ID = "workspace"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Copies every company, flow, synergy, participant, history event, link review, area and the "
        "audit trail of the INPUT workspace into the OUTPUT workspace, keeping uids, row versions and "
        "history: from a GeoPackage into a team workspace (postgres:connection=NAME;schema=SCHEMA) to "
        "start a team, or back into a GeoPackage to hand a snapshot to someone without the server. "
        "OUTPUT must be new or empty: a GeoPackage path that does not exist yet is created; a team "
        "workspace is made first with Create team workspace. The copy is verified (row counts and "
        "checksums of every table) before it is committed; on any difference nothing is written. "
        "Copying a team workspace needs its administrator role.")

    INPUT = "INPUT"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(workspace_parameter(self.INPUT, self.tr("Workspace to copy")))
        self.addParameter(QgsProcessingParameterString(
            self.OUTPUT, self.tr("Target workspace (new GeoPackage path or empty team workspace)")))
        self.addOutput(QgsProcessingOutputString(self.OUTPUT, self.tr("Target workspace reference")))

    def perform(self, parameters, context, feedback):
        source = parameter_as_workspace(self, parameters, context, self.INPUT)
        target_text = self.parameterAsString(parameters, self.OUTPUT, context).strip()
        if not target_text:
            self.fail(Message(QT_TRANSLATE_NOOP("Validation", "Give the target workspace.")))
        created = None
        try:
            if not is_reference(target_text) and not os.path.exists(target_text):
                target = create_workspace(target_text, source.name, source.crs)
                created = target
            else:
                target = parameter_as_workspace(self, parameters, context, self.OUTPUT)
            report = copy_workspace(source, target, feedback)
        except TerritorialFluxError:
            if created is not None:
                created.discard()
            raise
        for table, (count, digest) in report.items():
            feedback.pushInfo(self.tr("{table}: {count} rows copied, checksum {checksum}").format(
                table=table, count=count, checksum=digest[:16]))
        return {self.OUTPUT: target.reference}
