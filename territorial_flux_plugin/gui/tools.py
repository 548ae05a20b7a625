"""The plugin's map tools, docks and locator filter, each created on first use and removed on unload;
and the follower that keeps synergy lines on their participants when companies move."""

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject

from ..domain.errors import TerritorialFluxError
from ..project import editing
from ..project.build import workspace_layers
from ..project.view import refresh_stored_view
from ..storage import workspace_of_layer
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import error_text
from ..toolbelt.log import log


class GeometryFollower(QObject):
    """When company points are moved and saved, the lines of their synergies follow."""

    def __init__(self):
        super().__init__()
        self.layer = None
        self.moved = set()
        QgsProject.instance().readProject.connect(self.follow_project)
        QgsProject.instance().layersAdded.connect(self.follow_project)
        self.follow_project()

    def follow_project(self, *_args):
        layer = workspace_layers().get("companies")
        if layer is self.layer:
            return
        self._detach()
        self.layer = layer
        if layer is not None:
            layer.geometryChanged.connect(self._moved)
            layer.afterCommitChanges.connect(self._committed)

    def _detach(self):
        if self.layer is not None:
            try:
                self.layer.geometryChanged.disconnect(self._moved)
                self.layer.afterCommitChanges.disconnect(self._committed)
            except (TypeError, RuntimeError):
                pass
        self.layer = None

    def _moved(self, fid, _geometry):
        feature = self.layer.getFeature(fid)
        if feature.isValid():
            self.moved.add(feature["uid"])

    def _committed(self):
        moved, self.moved = self.moved, set()
        layers = workspace_layers()
        workspace = workspace_of_layer(self.layer) if self.layer is not None else None
        if workspace is not None:
            refresh_stored_view(workspace)  # the first companies, a company placed far away
        for uid in moved:
            try:
                editing.refresh_synergy_geometries(layers, uid)
            except TerritorialFluxError as error:
                log(error_text(error))

    def unload(self):
        for signal in (QgsProject.instance().readProject, QgsProject.instance().layersAdded):
            try:
                signal.disconnect(self.follow_project)
            except TypeError:
                pass
        self._detach()


class PluginTools:
    """Lazily created docks and map tools of the plugin."""

    def __init__(self, iface):
        self.iface = iface
        self._company_dock = None
        self._synergy_dock = None
        self._dashboard_dock = None
        self._tools = {}
        self.locator_filter = None

    # --- docks --------------------------------------------------------------------------------
    def company_dock(self):
        if self._company_dock is None:
            from .company_dock import CompanyDock

            self._company_dock = CompanyDock(self.iface, self, self.iface.mainWindow())
            self.iface.addDockWidget(enum_value(_qt(), "DockWidgetArea.RightDockWidgetArea", "RightDockWidgetArea"),
                                     self._company_dock)
        return self._company_dock

    def synergy_dock(self):
        if self._synergy_dock is None:
            from .synergy_dock import SynergyDock

            self._synergy_dock = SynergyDock(self.iface, self, self.iface.mainWindow())
            self.iface.addDockWidget(enum_value(_qt(), "DockWidgetArea.RightDockWidgetArea", "RightDockWidgetArea"),
                                     self._synergy_dock)
            if self._company_dock is not None:
                self.iface.mainWindow().tabifyDockWidget(self._company_dock, self._synergy_dock)
        return self._synergy_dock

    def has_dock(self, getter):
        """True when the dock ``getter`` (``company_dock``, ``synergy_dock``, ``dashboard_dock``) returns was made already."""
        return {self.company_dock: self._company_dock, self.synergy_dock: self._synergy_dock,
                self.dashboard_dock: self._dashboard_dock}.get(getter) is not None
    def dashboard_dock(self):
        if self._dashboard_dock is None:
            from .dashboard_dock import DashboardDock

            self._dashboard_dock = DashboardDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(enum_value(_qt(), "DockWidgetArea.RightDockWidgetArea", "RightDockWidgetArea"),
                                     self._dashboard_dock)
        return self._dashboard_dock

    def show_company(self, uid):
        dock = self.company_dock()
        dock.show()
        dock.raise_()
        dock.show_company(uid, zoom=True)

    # --- map tools ----------------------------------------------------------------------------
    def _tool(self, name, factory):
        if name not in self._tools:
            self._tools[name] = factory()
        return self._tools[name]

    def _companies(self):
        return workspace_layers().get("companies")

    def company_pick_tool(self):
        def make():
            from .map_tools import CompanyPickTool

            tool = CompanyPickTool(self.iface.mapCanvas(), self._companies)
            tool.companyPicked.connect(self.show_company)
            return tool
        return self._tool("pick", make)

    def place_company_tool(self):
        def make():
            from .map_tools import PlacePointTool

            tool = PlacePointTool(self.iface.mapCanvas(), self._companies)
            tool.pointPlaced.connect(lambda point: self.company_dock().add_company_at(point))
            return tool
        return self._tool("place", make)

    def substitution_tool(self):
        def make():
            from .map_tools import SubstitutionTool

            tool = SubstitutionTool(self.iface.mapCanvas(), self._companies)
            tool.pairPicked.connect(lambda supplier, receiver: self.synergy_dock().pair_picked(supplier, receiver))
            return tool
        return self._tool("substitution", make)

    # --- locator ------------------------------------------------------------------------------
    def register_locator(self):
        from .locator import CompanyLocatorFilter

        self.locator_filter = CompanyLocatorFilter(self.show_company)
        self.iface.registerLocatorFilter(self.locator_filter)

    def unload(self):
        canvas = self.iface.mapCanvas()
        for tool in self._tools.values():
            if canvas.mapTool() is tool:
                canvas.unsetMapTool(tool)
            tool.deleteLater()
        self._tools = {}
        for dock in (self._company_dock, self._synergy_dock, self._dashboard_dock):
            if dock is not None:
                dock.disconnect_project()
                self.iface.removeDockWidget(dock)
                dock.deleteLater()
        self._company_dock = self._synergy_dock = self._dashboard_dock = None
        if self.locator_filter is not None:
            self.iface.deregisterLocatorFilter(self.locator_filter)
            self.locator_filter = None


def _qt():
    from qgis.PyQt.QtCore import Qt

    return Qt
