"""The Processing provider ``territorialflux``."""

import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..__about__ import PLUGIN_FOLDER, PROVIDER_ID, __version__
from .copy_workspace import CopyWorkspaceAlgorithm
from .create_demo import CreateDemoAlgorithm
from .create_postgis_workspace import CreatePostgisWorkspaceAlgorithm
from .create_workspace import CreateWorkspaceAlgorithm
from .import_companies import ImportCompaniesAlgorithm
from .import_flows import ImportFlowsAlgorithm
from .upgrade_workspace import UpgradeWorkspaceAlgorithm
from .value_chains import MissingLinksAlgorithm, PossibleLinksAlgorithm

ALGORITHMS = (CreateWorkspaceAlgorithm, CreateDemoAlgorithm, ImportCompaniesAlgorithm, ImportFlowsAlgorithm)
# Team workspaces (PostgreSQL/PostGIS) and moving workspaces between storages.
ALGORITHMS += (CreatePostgisWorkspaceAlgorithm, CopyWorkspaceAlgorithm, UpgradeWorkspaceAlgorithm)
# Value-chain analysis: missing links and possible links (never creates a synergy).
ALGORITHMS += (MissingLinksAlgorithm, PossibleLinksAlgorithm)
# Boundaries and printed territory maps.
from .import_areas import ImportAreasAlgorithm  # noqa: E402
from .print_map import PrintMapAlgorithm  # noqa: E402
from .report import ReportAlgorithm  # noqa: E402

ALGORITHMS += (ImportAreasAlgorithm, PrintMapAlgorithm, ReportAlgorithm)
# Sharing with partners: filtered exports, without personal data.
from .export_partners import ExportPartnersAlgorithm  # noqa: E402
from .export_webmap import ExportWebMapAlgorithm  # noqa: E402

ALGORITHMS += (ExportPartnersAlgorithm, ExportWebMapAlgorithm)


class TerritorialFluxProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return "Territorial Flux"

    def longName(self):  # noqa: N802
        return "Territorial Flux {}".format(__version__)

    def icon(self):
        return QIcon(os.path.join(PLUGIN_FOLDER, "resources", "icons", "territorial_flux.svg"))

    def loadAlgorithms(self):  # noqa: N802
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
