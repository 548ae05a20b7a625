"""territorialflux:importflows — offers and needs from a workshop spreadsheet."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..importing.flows import FlowImport
from ..importing.results import ImportResult, write_rejects
from ..importing.words import parse_words
from ..toolbelt.i18n import language
from .base import TerritorialFluxAlgorithm
from .import_companies import REJECTS_FILTER, import_workspace, notes_text, run_import
from .params import workspace_parameter

FLOWS_FILTER = QT_TRANSLATE_NOOP("Processing", "Spreadsheets and CSV (*.xlsx *.ods *.csv *.txt *.zip);;All files (*)")


class ImportFlowsAlgorithm(TerritorialFluxAlgorithm):
    NAME = "importflows"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Import flows")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Import")
    GROUP_ID = "import"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Imports offers and needs from a CSV or a spreadsheet such as the plugin's template (Territorial "
        "Flux → Save the flows template…), or a ZIP archive of one; when several sheets hold flows, "
        "give one as path|layername=sheet. Headers are recognised in English and French, in any case "
        "and with or without accents: company/entreprise, siret, direction/sens (offer/need, "
        "offre/besoin), resource/ressource (a code or words of the nomenclature), quantity/quantité "
        "(1 200, 12,5 or 12 t; 1,200 reads as the column's other numbers say, else as the "
        "interface's language: 1.2 in French, 1200 in English), unit/unité, confidentiality/confidentialité, priority/priorité, "
        "comment/commentaire. Companies are found by SIRET, else by name. A resource word is taken when it "
        "names one resource without doubt (a word the workspace learned, the vocabulary, a label); rows "
        "whose word still names several go to REJECTS with their candidates. WORDS settles such words "
        "(word=code; …): they are used for this file and remembered by the workspace, in the same "
        "transaction as the flows. All rows are written in one transaction; rows not imported are "
        "listed with their reason in REJECTS.")

    INPUT = "INPUT"
    WORDS = "WORDS"
    REJECTS = "REJECTS"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(workspace_parameter())
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Flows spreadsheet or CSV"), fileFilter=self.tr(FLOWS_FILTER)))
        self.addParameter(QgsProcessingParameterString(
            self.WORDS, self.tr("Resources of ambiguous words (word=code; …), remembered by the workspace"),
            multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REJECTS, self.tr("Rows not imported (CSV)"), self.tr(REJECTS_FILTER),
            QgsProcessing.TEMPORARY_OUTPUT))
        for name, text in (("IMPORTED", QT_TRANSLATE_NOOP("Processing", "Flows imported")),
                           ("REJECTED", QT_TRANSLATE_NOOP("Processing", "Rows rejected"))):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(text)))
        self.addOutput(QgsProcessingOutputString("NOTES", self.tr("Notes on the import")))

    def perform(self, parameters, context, feedback):
        rejects = self.parameterAsFileOutput(parameters, self.REJECTS, context)
        workspace = import_workspace(self, parameters, context, rejects, "flows")
        try:
            words = parse_words(self.parameterAsString(parameters, self.WORDS, context))
        except TerritorialFluxError as error:  # the rejects file still says why
            refused = ImportResult(str(parameters.get(self.INPUT)), [])
            refused.failure = error.message
            write_rejects(rejects, refused, QCoreApplication.translate)
            raise
        job = FlowImport(workspace, self.parameterAsFile(parameters, self.INPUT, context), lang=language(),
                         words=words)
        result = run_import(self, job, rejects, feedback)
        return {"IMPORTED": result.imported if result else 0, "REJECTED": result.rejected if result else 0,
                "NOTES": notes_text(result), self.REJECTS: rejects}
