"""territorialflux:exportpartners — the data partners may receive, as a styled GeoPackage, a
workbook or CSV files, without personal data."""

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFileDestination, QgsProcessingParameterString

from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.sharing import FORMATS, LEVELS, LICENCES
from ..sharing.partners import export_partners
from ..toolbelt.i18n import language
from .base import TerritorialFluxAlgorithm
from .params import choice_parameter, parameter_as_choice, parameter_as_workspace, workspace_parameter

OUTPUT_FILTER = QT_TRANSLATE_NOOP("Processing", "GeoPackage (*.gpkg);;Excel workbook (*.xlsx);;All files (*)")


def output_path(algorithm, parameters, name, context):
    """The OUTPUT as given (a file or a folder): never a temporary name QGIS makes up."""
    value = parameters.get(name)
    if value is None or str(value).strip() in ("", "TEMPORARY_OUTPUT"):
        return ""
    return algorithm.parameterAsFileOutput(parameters, name, context)


class ExportPartnersAlgorithm(TerritorialFluxAlgorithm):
    NAME = "exportpartners"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Export for partners")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Sharing")
    GROUP_ID = "sharing"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Exports what partners may receive: the active flows of active companies and the synergies (not "
        "abandoned) at MAX_CONFIDENTIALITY or a less restricted level, their participants, and the companies "
        "that have such a flow or synergy. Only these columns leave: companies (uid, siret, name, naf_code, "
        "activity, headcount_band, commune, commune_code, zone, the point), flows (uid, company_uid, "
        "direction, family, resource_code, resource, label, quantity, unit, availability, hazardous, "
        "priority, confidentiality, last_verified), synergies (uid, kind, title, resource_code, resource, "
        "status, quantity, unit, diverted_t_per_year, co2e_avoided_t_per_year, distance_km, "
        "confidentiality, the line) and synergy_participants (synergy_uid, company_uid, flow_uid, role). "
        "Contacts, logins, notes, addresses, costs, savings, next actions and the history never leave. "
        "FORMAT gpkg: a GeoPackage that opens styled in plain QGIS (project “partners” stored inside, "
        "read-only forms, relations, metadata); xlsx: a workbook with one sheet per table, points as "
        "longitude and latitude (WGS 84); csv: one file per table in the OUTPUT folder (UTF-8, “;”, "
        "decimal commas). Each carries a readme: source, date, level, licence (LICENCE) and issuing "
        "organisation (ORGANISATION, by default the workspace's name). The files are written whole or "
        "not at all.")

    MAX_CONFIDENTIALITY = "MAX_CONFIDENTIALITY"
    ORGANISATION = "ORGANISATION"
    LICENCE = "LICENCE"
    FORMAT = "FORMAT"
    OUTPUT = "OUTPUT"

    def flags(self):
        # the GeoPackage's project is built with QGIS objects (and lends its relations to the open
        # project while its forms are built): on the main thread, as printmap does
        from qgis.core import Qgis, QgsProcessingAlgorithm

        no_threading = getattr(getattr(Qgis, "ProcessingAlgorithmFlag", None), "NoThreading", None)
        if no_threading is None:
            no_threading = QgsProcessingAlgorithm.Flag.FlagNoThreading
        return super().flags() | no_threading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(workspace_parameter())
        self.addParameter(choice_parameter(
            self.MAX_CONFIDENTIALITY, self.tr("Most restricted confidentiality level the partners may see"),
            LEVELS, "partners"))
        self.addParameter(QgsProcessingParameterString(
            self.ORGANISATION, self.tr("Issuing organisation (default: the workspace's name)"), optional=True))
        self.addParameter(choice_parameter(self.LICENCE, self.tr("Licence"), list(LICENCES), "etalab-2.0"))
        self.addParameter(choice_parameter(self.FORMAT, self.tr("Format"), FORMATS, "gpkg"))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Output file (gpkg, xlsx) or folder (csv)"), self.tr(OUTPUT_FILTER)))
        self.addOutput(QgsProcessingOutputNumber("COMPANIES", self.tr("Companies exported")))
        self.addOutput(QgsProcessingOutputNumber("FLOWS", self.tr("Offers and needs exported")))
        self.addOutput(QgsProcessingOutputNumber("SYNERGIES", self.tr("Synergies exported")))

    def perform(self, parameters, context, feedback):
        workspace = parameter_as_workspace(self, parameters, context)
        result = export_partners(
            workspace, level=parameter_as_choice(self, parameters, self.MAX_CONFIDENTIALITY, context),
            organisation=self.parameterAsString(parameters, self.ORGANISATION, context).strip() or None,
            licence=parameter_as_choice(self, parameters, self.LICENCE, context),
            file_format=parameter_as_choice(self, parameters, self.FORMAT, context),
            output=output_path(self, parameters, self.OUTPUT, context), language=language(), feedback=feedback)
        counts = result["counts"]
        feedback.pushInfo(self.tr("Written to {path}: {companies} companies, {flows} offers and needs, {synergies} "
                                  "synergies.").format(path=result["output"], **counts))
        return {self.OUTPUT: result["output"], "COMPANIES": counts["companies"], "FLOWS": counts["flows"],
                "SYNERGIES": counts["synergies"]}
