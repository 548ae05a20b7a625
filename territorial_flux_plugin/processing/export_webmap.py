"""territorialflux:exportwebmap — a static web map of what partners may see, to open from the file
system or put on any static host."""

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFolderDestination, QgsProcessingParameterString

from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.sharing import LEVELS, LICENCES
from ..sharing.webmap import BACKGROUNDS, export_webmap
from ..toolbelt.i18n import language
from .base import TerritorialFluxAlgorithm
from .params import choice_parameter, parameter_as_choice, parameter_as_workspace, workspace_parameter


class ExportWebMapAlgorithm(TerritorialFluxAlgorithm):
    NAME = "exportwebmap"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Export a web map for partners")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Sharing")
    GROUP_ID = "sharing"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Writes a self-contained static web map into the OUTPUT folder: index.html opens from the file "
        "system or from any static host. It shows the synergies by status, the offers and needs by family "
        "with a filter, a search by company or resource, a popup per company, the legend, the date, the "
        "licence (LICENCE) and the issuing organisation (ORGANISATION), under TITLE, in the plugin's "
        "language. Only what partners may receive at MAX_CONFIDENTIALITY (public by default) is written, "
        "as for territorialflux:exportpartners: never personal data. The data is in data.js and, in WGS 84, "
        "in companies.geojson, flows.geojson and synergies.geojson. The page uses Leaflet, shipped with "
        "it: it makes no request to any server unless BACKGROUND is osm (OpenStreetMap's tiles).")

    MAX_CONFIDENTIALITY = "MAX_CONFIDENTIALITY"
    TITLE = "TITLE"
    ORGANISATION = "ORGANISATION"
    LICENCE = "LICENCE"
    BACKGROUND = "BACKGROUND"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(workspace_parameter())
        self.addParameter(choice_parameter(
            self.MAX_CONFIDENTIALITY, self.tr("Most restricted confidentiality level the page may show"),
            LEVELS, "public"))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Title (default: the workspace's name)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ORGANISATION, self.tr("Issuing organisation (default: the workspace's name)"), optional=True))
        self.addParameter(choice_parameter(self.LICENCE, self.tr("Licence"), list(LICENCES), "etalab-2.0"))
        self.addParameter(choice_parameter(self.BACKGROUND, self.tr("Background"), BACKGROUNDS, "none"))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, self.tr("Web map folder")))
        self.addOutput(QgsProcessingOutputNumber("COMPANIES", self.tr("Companies shown")))
        self.addOutput(QgsProcessingOutputNumber("FLOWS", self.tr("Offers and needs shown")))
        self.addOutput(QgsProcessingOutputNumber("SYNERGIES", self.tr("Synergies shown")))

    def perform(self, parameters, context, feedback):
        workspace = parameter_as_workspace(self, parameters, context)
        result = export_webmap(
            workspace, level=parameter_as_choice(self, parameters, self.MAX_CONFIDENTIALITY, context),
            title=self.parameterAsString(parameters, self.TITLE, context),
            organisation=self.parameterAsString(parameters, self.ORGANISATION, context).strip() or None,
            licence=parameter_as_choice(self, parameters, self.LICENCE, context),
            background=parameter_as_choice(self, parameters, self.BACKGROUND, context),
            output=self.parameterAsFileOutput(parameters, self.OUTPUT, context), language=language(),
            feedback=feedback)
        counts = result["counts"]
        feedback.pushInfo(self.tr("Web map written to {path}: {companies} companies, {flows} offers and needs, "
                                  "{synergies} synergies.").format(path=result["index"], **counts))
        return {self.OUTPUT: result["output"], "COMPANIES": counts["companies"], "FLOWS": counts["flows"],
                "SYNERGIES": counts["synergies"]}
