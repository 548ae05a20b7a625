"""territorialflux:importcompanies — companies from a partner's file or the SIRENE register."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..domain import importing as rules
from ..domain.errors import CanceledError, TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..importing.companies import CompanyImport
from ..importing.results import ImportResult, write_rejects
from ..project.view import refresh_stored_view
from ..toolbelt.i18n import error_text, translate_message
from .base import TerritorialFluxAlgorithm
from .params import choice_parameter, parameter_as_choice, parameter_as_workspace, workspace_parameter

INPUT_FILTER = QT_TRANSLATE_NOOP(
    "Processing", "Partner data (*.shp *.gpkg *.geojson *.json *.csv *.txt *.xlsx *.ods *.dbf *.zip);;All files (*)")
REJECTS_FILTER = QT_TRANSLATE_NOOP("Processing", "CSV (*.csv)")


def run_import(algorithm, job, rejects_path, feedback):
    """Run a Company/FlowImport job; the rejects file is written whatever happens."""
    result = None
    try:
        try:
            job.open()
            result = job.run(feedback, QCoreApplication.translate)
        except CanceledError:
            result = _failed(job, QCoreApplication.translate("Processing", "Canceled: nothing was written to the workspace."))
            feedback.reportError(QCoreApplication.translate("Processing", "Canceled: nothing was written to the workspace."))
            return None
        except TerritorialFluxError as failure:
            result = _failed(job, failure.message)
            raise QgsProcessingException(error_text(failure))
        except QgsProcessingException:
            raise
        except Exception as error:  # noqa: BLE001 - the workspace is untouched (rolled back)
            result = _failed(job, str(error))
            raise QgsProcessingException(QCoreApplication.translate("Processing",
                "The import failed and nothing was written to the workspace: {error}").format(error=error))
    finally:
        write_rejects(rejects_path, result, QCoreApplication.translate)
    for note in result.notes:
        feedback.pushInfo(translate_message(note))
    for _row, _outcome, message, _values in result.not_imported[:50]:
        feedback.pushInfo(translate_message(message))
    if len(result.not_imported) > 50:
        feedback.pushInfo(QCoreApplication.translate("Processing", "… and {count} more rows: see the rejects file.").format(
            count=len(result.not_imported) - 50))
    feedback.pushInfo(QCoreApplication.translate("Processing",
        "{imported} imported, {updated} updated, {skipped} skipped, {rejected} rejected. Rows not "
        "imported are listed in {path}").format(path=rejects_path, **result.counts()))
    if result.counts()["imported"] or result.counts()["updated"]:
        refresh_stored_view(job.workspace)  # the stored project opens on the territory as it is now
    return result


def import_workspace(algorithm, parameters, context, rejects, table):
    """The workspace of WORKSPACE as the import job takes it (a GeoPackage path or the team
    workspace), refused when the user may not add rows to ``table``.

    When the workspace is refused, the rejects file still says why.
    """
    try:
        workspace = parameter_as_workspace(algorithm, parameters, context)
        refusal = workspace.write_refusal(table)
        if refusal is not None:
            raise QgsProcessingException(translate_message(refusal))
        return workspace
    except QgsProcessingException as error:
        result = ImportResult(str(parameters.get("INPUT")), [])
        result.failure = str(error)
        write_rejects(rejects, result)
        raise


def notes_text(result):
    """The NOTES output: what the import says about the whole file, one sentence a line."""
    return "\n".join(translate_message(note) for note in (result.notes if result is not None else []))


def _failed(job, message):
    source = job.source
    result = ImportResult(source.file if source else str(job.source_value), source.columns if source else [])
    result.failure = message
    return result


class ImportCompaniesAlgorithm(TerritorialFluxAlgorithm):
    NAME = "importcompanies"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Import companies")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Import")
    GROUP_ID = "import"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Imports companies into the workspace from any vector source: a shapefile, a GeoPackage layer "
        "(path|layername=name), GeoJSON, a CSV, UTF-16 text or XLSX/ODS sheet with x/y or "
        "longitude/latitude columns, a ZIP archive of any of them, or SIRENE's establishment file. A "
        "file with several tables that could be imported is refused with their names: give one as "
        "path|layername=name. Polygons place the company at a point on their surface. Columns are recognised from SIRENE's official names "
        "and common French names; FIELD_MAPPING overrides them as field=column pairs separated by ';' "
        "(fields: {fields}). Points are reprojected into the workspace's CRS; a source that does not "
        "say its CRS is refused unless SOURCE_CRS is given, except SIRENE's Lambert coordinates, whose "
        "CRS follows from each row's commune code (NOTES says so). LEGAL_UNITS (SIRENE's StockUniteLegale) "
        "supplies the names the establishment file lacks. A SIRET already in the workspace is skipped "
        "or updated (ON_DUPLICATE); an update never erases a value with an empty one. Everything is "
        "written in one transaction: a failure or a cancel leaves the workspace as it was. Every row "
        "not imported is listed with its reason in REJECTS.")

    INPUT = "INPUT"
    SOURCE_CRS = "SOURCE_CRS"
    ENCODING = "ENCODING"
    LEGAL_UNITS = "LEGAL_UNITS"
    ON_DUPLICATE = "ON_DUPLICATE"
    SKIP_CLOSED = "SKIP_CLOSED"
    FIELD_MAPPING = "FIELD_MAPPING"
    REJECTS = "REJECTS"
    DUPLICATE_WORDS = ("skip", "update")

    def shortHelpString(self):  # noqa: N802
        return self.tr(self.HELP).format(fields=", ".join(rules.COMPANY_FIELDS))

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(workspace_parameter())
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("Companies file"), fileFilter=self.tr(INPUT_FILTER)))
        self.addParameter(QgsProcessingParameterCrs(
            self.SOURCE_CRS, self.tr("CRS of the source's coordinates (when the file does not say)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ENCODING, self.tr("Text encoding (empty: the .cpg, else detected)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.LEGAL_UNITS, self.tr("SIRENE legal units file (StockUniteLegale), for the names"),
            optional=True, fileFilter=self.tr(INPUT_FILTER)))
        self.addParameter(choice_parameter(
            self.ON_DUPLICATE, self.tr("A SIRET already in the workspace"), self.DUPLICATE_WORDS, "skip"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SKIP_CLOSED, self.tr("Skip closed establishments"), True))
        self.addParameter(QgsProcessingParameterString(
            self.FIELD_MAPPING, self.tr("Field mapping (field=column; …), empty: automatic"),
            multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REJECTS, self.tr("Rows not imported (CSV)"), self.tr(REJECTS_FILTER),
            QgsProcessing.TEMPORARY_OUTPUT))
        for name, text in (("IMPORTED", QT_TRANSLATE_NOOP("Processing", "Companies imported")),
                           ("UPDATED", QT_TRANSLATE_NOOP("Processing", "Companies updated")),
                           ("SKIPPED", QT_TRANSLATE_NOOP("Processing", "Rows skipped")),
                           ("REJECTED", QT_TRANSLATE_NOOP("Processing", "Rows rejected"))):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(text)))
        self.addOutput(QgsProcessingOutputString("NOTES", self.tr("Notes on the import")))

    def perform(self, parameters, context, feedback):
        rejects = self.parameterAsFileOutput(parameters, self.REJECTS, context)
        workspace = import_workspace(self, parameters, context, rejects, "companies")
        crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        legal_units = self.parameterAsFile(parameters, self.LEGAL_UNITS, context) or None
        try:
            mapping = rules.parse_mapping(self.parameterAsString(parameters, self.FIELD_MAPPING, context))
        except ValueError as error:
            self.fail(error.args[0])
        job = CompanyImport(
            workspace, self.parameterAsFile(parameters, self.INPUT, context), mapping=mapping,
            on_duplicate=parameter_as_choice(self, parameters, self.ON_DUPLICATE, context),
            skip_closed=self.parameterAsBoolean(parameters, self.SKIP_CLOSED, context),
            legal_units=legal_units, source_crs=crs.toWkt() if crs.isValid() else None,
            encoding=self.parameterAsString(parameters, self.ENCODING, context).strip() or None)
        result = run_import(self, job, rejects, feedback)
        counts = result.counts() if result is not None else dict.fromkeys(
            ("imported", "updated", "skipped", "rejected"), 0)
        return {"IMPORTED": counts["imported"], "UPDATED": counts["updated"], "SKIPPED": counts["skipped"],
                "REJECTED": counts["rejected"], "NOTES": notes_text(result), self.REJECTS: rejects}
