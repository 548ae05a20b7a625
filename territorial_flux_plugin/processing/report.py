"""territorialflux:report — the territory's report for funders and boards: indicators, charts,
the metabolism Sankey and the synergies map, as PDF, XLSX or HTML."""

from qgis.core import (
    QgsProcessingOutputBoolean,
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS
from ..reporting.report import ReportSettings, write_report
from .base import TerritorialFluxAlgorithm
from .params import choice_parameter, parameter_as_choice, parameter_as_workspace, workspace_parameter

OUTPUT_FILTER = QT_TRANSLATE_NOOP("Processing", "PDF (*.pdf);;Spreadsheet (*.xlsx);;Web page (*.html)")


class ReportAlgorithm(TerritorialFluxAlgorithm):
    NAME = "report"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Territory report")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Maps")
    GROUP_ID = "maps"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Writes the territory's report for a period (FROM and TO, ISO dates, both included; by default from 1 "
        "January of this year to today): companies, flows by direction and family, synergies per status as of TO "
        "(from their history), synergies created and that began operating in the period, tonnes diverted, "
        "savings, CO2e avoided and kilometres of operating synergies, possible links promoted and rejected. "
        "OUTPUT's extension chooses the form: .xlsx (sheets indicators, synergies and, inside the organisation, "
        "contributors), .html (one self-contained page) or .pdf (a QGIS layout of seven pages with the charts, "
        "the metabolism as a Sankey in flows and in tonnes, and the synergies map; it is saved in the "
        "workspace's project). Only flows and synergies at MAX_CONFIDENTIALITY or a less restricted level are "
        "counted; at partners and public the report carries no advisor's name and no savings. Avoided "
        "emissions left empty are estimated from the workspace's emission factors and marked as estimated.")

    FROM = "FROM"
    TO = "TO"
    MAX_CONFIDENTIALITY = "MAX_CONFIDENTIALITY"
    OUTPUT = "OUTPUT"

    def flags(self):
        from qgis.core import Qgis, QgsProcessingAlgorithm

        no_threading = getattr(getattr(Qgis, "ProcessingAlgorithmFlag", None), "NoThreading", None)
        if no_threading is None:
            no_threading = QgsProcessingAlgorithm.Flag.FlagNoThreading
        return super().flags() | no_threading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(workspace_parameter())
        self.addParameter(QgsProcessingParameterString(
            self.FROM, self.tr("From (YYYY-MM-DD; default: 1 January of this year)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TO, self.tr("To (YYYY-MM-DD; default: today)"), optional=True))
        self.addParameter(choice_parameter(
            self.MAX_CONFIDENTIALITY, self.tr("Most restricted confidentiality level the audience may see"),
            list(CONFIDENTIALITY_LEVELS), "internal"))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Report"), self.tr(OUTPUT_FILTER)))
        self.addOutput(QgsProcessingOutputString("LAYOUT", self.tr("Layout saved in the workspace's project")))
        self.addOutput(QgsProcessingOutputBoolean("CHARTS", self.tr("Whether the charts were drawn")))

    def perform(self, parameters, context, feedback):
        workspace = parameter_as_workspace(self, parameters, context)
        settings = ReportSettings(
            output=self.parameterAsFileOutput(parameters, self.OUTPUT, context),
            date_from=self.parameterAsString(parameters, self.FROM, context).strip() or None,
            date_to=self.parameterAsString(parameters, self.TO, context).strip() or None,
            level=parameter_as_choice(self, parameters, self.MAX_CONFIDENTIALITY, context))
        result = write_report(workspace, settings, feedback=feedback)
        feedback.pushInfo(self.tr("Report written to {path}.").format(path=result["output"]))
        if result["layout"]:
            feedback.pushInfo(self.tr("Layout “{layout}” saved in the workspace's project.").format(
                layout=result["layout"]))
        return {self.OUTPUT: result["output"], "LAYOUT": result["layout"], "CHARTS": bool(result["charts"])}
