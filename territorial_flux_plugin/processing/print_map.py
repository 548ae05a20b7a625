"""territorialflux:printmap — a printed territory map (PDF or PNG), also saved as a layout in the
workspace's project."""

from qgis.core import (
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS
from ..printing import content
from ..printing import layers as print_layers
from ..printing.export import print_map
from ..printing.layout import ORIENTATIONS, PAPERS
from ..printing.settings import PrintSettings
from .base import TerritorialFluxAlgorithm
from .params import choice_parameter, parameter_as_choice, parameter_as_workspace, workspace_parameter

OUTPUT_FILTER = QT_TRANSLATE_NOOP("Processing", "PDF (*.pdf);;PNG image (*.png)")
TEMPLATE_FILTER = QT_TRANSLATE_NOOP("Processing", "QGIS layout template (*.qpt)")


class PrintMapAlgorithm(TerritorialFluxAlgorithm):
    NAME = "printmap"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Print territory map")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Maps")
    GROUP_ID = "maps"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Prints a map of the territory to a PDF or PNG file (OUTPUT): its synergies, its missing links "
        "or its metabolism (THEME), on A4 or A3 paper (PAPER, ORIENTATION), with a legend of what the "
        "page shows and its counts, a scale bar, a north arrow, the title (TITLE), the territory's name "
        "and the date, the data sources, the workspace's last update and a confidentiality mention. "
        "Flows and synergies more restricted than MAX_CONFIDENTIALITY are left out of every layer the "
        "map draws and of the legend's counts; contact names, e-mails and phones are never printed. "
        "ATLAS prints one page per commune or business zone that has companies (their boundaries from "
        "the areas layer, else the extent of their companies), or one page per resource family (family: "
        "the families with missing links, synergies or flows, each page drawing only its family's marks). "
        "On the whole territory, missing links are counted per commune (else business zone, else hexagon) "
        "and possible links drawn as flows between them. BACKGROUND: areas (the areas' outlines and names), "
        "osm or planign (OpenStreetMap's or IGN's web tiles under them, credited on the page; printed "
        "without tiles when their server cannot be reached) or none. TEMPLATE: a .qpt layout whose items "
        "have the ids map, legend, title, subtitle, scalebar, north_arrow, sources and confidentiality "
        "(start from the plugin's resources/layouts/territory_map.qpt); its page size is kept. The "
        "missing-links map uses the workspace's latest value-chain analysis and runs it first when "
        "there is none or it is older than the data. The layout, and its layers filtered for the "
        "level, are saved in the workspace's project under Printed maps, to reprint or adjust from "
        "QGIS's layout designer.")

    THEME = "THEME"
    TITLE = "TITLE"
    PAPER = "PAPER"
    ORIENTATION = "ORIENTATION"
    MAX_CONFIDENTIALITY = "MAX_CONFIDENTIALITY"
    ATLAS = "ATLAS"
    TEMPLATE = "TEMPLATE"
    BACKGROUND = "BACKGROUND"
    OUTPUT = "OUTPUT"

    def flags(self):
        # layouts are rendered on the main thread, as QGIS's own layout export algorithms do
        from qgis.core import Qgis, QgsProcessingAlgorithm

        no_threading = getattr(getattr(Qgis, "ProcessingAlgorithmFlag", None), "NoThreading", None)
        if no_threading is None:
            no_threading = QgsProcessingAlgorithm.Flag.FlagNoThreading
        return super().flags() | no_threading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(workspace_parameter())
        self.addParameter(choice_parameter(self.THEME, self.tr("Map theme"), print_layers.THEMES, "synergies"))
        self.addParameter(QgsProcessingParameterString(self.TITLE, self.tr("Title"), optional=True))
        self.addParameter(choice_parameter(self.PAPER, self.tr("Paper size"), PAPERS, "A4"))
        self.addParameter(choice_parameter(self.ORIENTATION, self.tr("Orientation"), ORIENTATIONS, "landscape"))
        self.addParameter(choice_parameter(
            self.MAX_CONFIDENTIALITY, self.tr("Most restricted confidentiality level the audience may see"),
            list(CONFIDENTIALITY_LEVELS), "internal"))
        self.addParameter(choice_parameter(self.ATLAS, self.tr("Atlas: one page per"), print_layers.ATLAS_KINDS,
                                           "none"))
        self.addParameter(choice_parameter(self.BACKGROUND, self.tr("Background"), content.BACKGROUNDS, "areas"))
        self.addParameter(QgsProcessingParameterFile(
            self.TEMPLATE, self.tr("Layout template (.qpt)"), extension="qpt", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Printed map"), self.tr(OUTPUT_FILTER)))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages")))
        self.addOutput(QgsProcessingOutputString("LAYOUT", self.tr("Layout saved in the workspace's project")))
        self.addOutput(QgsProcessingOutputBoolean(
            "SAVED", self.tr("Whether the layout was saved in the workspace's project (a team workspace's shared "
                             "project is changed by its administrators only)")))

    def perform(self, parameters, context, feedback):
        workspace = parameter_as_workspace(self, parameters, context)
        settings = PrintSettings(
            theme=parameter_as_choice(self, parameters, self.THEME, context),
            output=self.parameterAsFileOutput(parameters, self.OUTPUT, context),
            title=self.parameterAsString(parameters, self.TITLE, context),
            paper=parameter_as_choice(self, parameters, self.PAPER, context),
            orientation=parameter_as_choice(self, parameters, self.ORIENTATION, context),
            level=parameter_as_choice(self, parameters, self.MAX_CONFIDENTIALITY, context),
            atlas=parameter_as_choice(self, parameters, self.ATLAS, context),
            template=self.parameterAsFile(parameters, self.TEMPLATE, context) or None,
            background=parameter_as_choice(self, parameters, self.BACKGROUND, context))
        result = print_map(workspace, settings, feedback=feedback)
        for path in result["files"][1:]:
            feedback.pushInfo(self.tr("Page written: {path}").format(path=path))
        if result["saved"]:
            feedback.pushInfo(self.tr("Map written to {path} (pages: {pages}); layout “{layout}” saved in the "
                                      "workspace's project.").format(pages=result["pages"], path=result["output"],
                                                                     layout=result["layout"]))
        else:
            feedback.pushInfo(self.tr("Map written to {path} (pages: {pages}).").format(
                pages=result["pages"], path=result["output"]))
        return {self.OUTPUT: result["output"], "PAGES": result["pages"], "LAYOUT": result["layout"],
                "SAVED": bool(result["saved"])}
