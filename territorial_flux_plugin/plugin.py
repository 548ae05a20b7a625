"""The plugin object QGIS loads: Processing provider, menu, toolbar, translations."""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QFileDialog, QMenu, QMessageBox

from .__about__ import PLUGIN_FOLDER, __title__
from .domain.errors import TerritorialFluxError
from .processing.provider import TerritorialFluxProvider
from .toolbelt.i18n import error_text, qgis_language, tr
from .toolbelt.log import critical_level, info_level, log, success_level, warning_level

ICON = os.path.join(PLUGIN_FOLDER, "resources", "icons", "territorial_flux.svg")


class TerritorialFluxPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.menu = None
        self.toolbar = None
        self.actions = []
        self.tools = None
        self.follower = None
        self.translator = None
        self._install_translator()

    # --- translations -------------------------------------------------------------------------
    def _install_translator(self):
        path = os.path.join(PLUGIN_FOLDER, "resources", "i18n",
                            "territorial_flux_{}.qm".format(qgis_language()))
        if os.path.exists(path):
            translator = QTranslator()
            if translator.load(path):
                QCoreApplication.installTranslator(translator)
                self.translator = translator

    # --- Processing (also headless: qgis_process, classFactory(None)) -------------------------
    def initProcessing(self):  # noqa: N802
        if self.provider is None:
            self.provider = TerritorialFluxProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # --- desktop ------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802
        from .gui.tools import GeometryFollower, PluginTools

        self.initProcessing()
        self.tools = PluginTools(self.iface)
        self.tools.register_locator()
        self.follower = GeometryFollower()
        main_window = self.iface.mainWindow()
        self.menu = QMenu(tr("Territorial &Flux"), main_window)
        self.menu.setObjectName("TerritorialFluxMenu")
        help_menu = self.iface.firstRightStandardMenu()
        if isinstance(help_menu, QMenu):  # before Help, as QGIS's own menus
            main_window.menuBar().insertMenu(help_menu.menuAction(), self.menu)
        else:
            main_window.menuBar().addMenu(self.menu)
        self.toolbar = self.iface.addToolBar(__title__)
        self.toolbar.setObjectName("TerritorialFluxToolbar")
        theme = QgsApplication.getThemeIcon
        self._add_action("new_workspace", theme("/mActionNewGeoPackageLayer.svg"),
                         tr("New workspace…"), self.new_workspace, toolbar=True)
        self._add_action("open_workspace", theme("/mActionFileOpen.svg"),
                         tr("Open workspace…"), self.open_workspace, toolbar=True)
        self._add_action("open_team_workspace", theme("/mIconPostgis.svg"),
                         tr("Open team workspace…"), self.open_team_workspace, toolbar=False)
        self._add_action("upgrade_workspace", theme("/processingAlgorithm.svg"),
                         tr("Upgrade workspace…"), self.upgrade_workspace, toolbar=False)
        self.menu.addSeparator()
        self._add_action("create_demo", QIcon(ICON), tr("Create demo territory"), self.create_demo,
                         toolbar=False)
        self._add_action("import_companies", theme("/mActionAddOgrLayer.svg"), tr("Import companies…"),
                         lambda: self._import_gui("open_import_companies"), toolbar=False)
        self._add_action("import_flows", theme("/mActionAddDelimitedTextLayer.svg"), tr("Import flows…"),
                         lambda: self._import_gui("open_import_flows"), toolbar=False)
        self._add_action("save_flows_template", theme("/mActionFileSaveAs.svg"), tr("Save the flows template…"),
                         lambda: self._import_gui("save_flows_template"), toolbar=False)
        self._add_action("analyse_value_chains", QgsApplication.getThemeIcon("/processingAlgorithm.svg"),
                         tr("Analyse value chains"), self.analyse_value_chains, toolbar=False)
        self._add_action("print_map", theme("/mActionFilePrint.svg"), tr("Print territory map…"),
                         self.print_map, toolbar=False)
        self._add_action("share_with_partners", theme("/mActionSharingExport.svg"), tr("Share with partners…"),
                         self.share_with_partners, toolbar=False)
        self._add_action("territory_report", theme("/mActionNewReport.svg"), tr("Territory report…"),
                         self.territory_report, toolbar=False)
        self.menu.addSeparator()
        self._add_action("company_dock", QIcon(os.path.join(PLUGIN_FOLDER, "resources", "icons", "company.svg")),
                         tr("Company dock"), lambda: self._toggle(self.tools.company_dock), toolbar=True)
        self._add_action("synergy_dock", QIcon(os.path.join(PLUGIN_FOLDER, "resources", "icons", "synergy.svg")),
                         tr("Synergy dock"), lambda: self._toggle(self.tools.synergy_dock), toolbar=True)
        self._add_action("dashboard", theme("/mActionNewReport.svg"), tr("Dashboard"),
                         lambda: self._toggle(self.tools.dashboard_dock), toolbar=False)
        self._add_action("pick_company", theme("/mActionIdentify.svg"), tr("Pick a company on the map"),
                         lambda: self.iface.mapCanvas().setMapTool(self.tools.company_pick_tool()), toolbar=True)

    def _import_gui(self, name):
        from .gui import import_dialog

        try:
            getattr(import_dialog, name)(self.iface)
        except Exception as error:  # noqa: BLE001 - shown to the user, logged
            self._report(error)

    def _add_action(self, name, icon, text, slot, toolbar):
        action = QAction(icon, text, self.iface.mainWindow())
        action.setObjectName("TerritorialFlux_" + name)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _toggle(self, dock_getter):
        """The dock shows at the first click (it is made then) and toggles after that; a dock
        hidden behind another tab comes to the front rather than closing."""
        created = not self.tools.has_dock(dock_getter)
        dock = dock_getter()
        show = created or not dock.isVisible() or dock.visibleRegion().isEmpty()
        dock.setVisible(show)
        if show:
            dock.raise_()

    def unload(self):
        if self.follower is not None:
            self.follower.unload()
            self.follower = None
        if self.tools is not None:
            self.tools.unload()
            self.tools = None
        for action in self.actions:
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            if self.menu is not None:
                self.menu.removeAction(action)
            action.triggered.disconnect()
            action.deleteLater()
        self.actions = []
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None

    # --- actions ------------------------------------------------------------------------------
    def _bar(self, level, text):
        self.iface.messageBar().pushMessage(__title__, text, level=level, duration=8)

    def _load(self, reference):
        """Replace the current project with the workspace's stored project; the Workspace, or None
        when the person kept the current project."""
        from .project.build import open_workspace
        from .project.view import refresh_stored_view

        if not self.iface.newProject(True):
            return None
        workspace, backup = open_workspace(reference)
        if backup:
            self._bar(warning_level(), tr("The workspace was upgraded to this plugin's version; "
                                          "a copy of the old file was kept: {backup}").format(backup=backup))
        self.iface.mapCanvas().setExtent(self._extent())
        self.iface.mapCanvas().refresh()
        refresh_stored_view(workspace)  # companies added since: a partner's QGIS opens on them too
        log(tr("Workspace opened: {path}").format(path=workspace.reference))
        return workspace

    def _extent(self):
        from .project.build import workspace_layers

        layers = workspace_layers()
        extent = None
        for table in ("companies", "areas"):
            layer = layers.get(table)
            if layer is not None and layer.featureCount():
                layer_extent = self.iface.mapCanvas().mapSettings().layerExtentToOutputExtent(
                    layer, layer.extent())
                if extent is None:
                    extent = layer_extent
                else:
                    extent.combineExtentWith(layer_extent)
        if extent is None:
            return self.iface.mapCanvas().extent()
        extent.scale(1.1)
        return extent

    def _report(self, error):
        message = error_text(error) if isinstance(error, TerritorialFluxError) else str(error)
        log(message, critical_level())
        QMessageBox.warning(self.iface.mainWindow(), __title__, message)

    def new_workspace(self):
        from .gui.workspace_dialogs import NewWorkspaceDialog
        from .project.build import create_workspace

        dialog = NewWorkspaceDialog(self.iface.mainWindow())
        if not dialog.exec():
            return
        try:
            workspace = create_workspace(dialog.path(), dialog.name(), dialog.crs(), overwrite=True)
            if self._load(workspace.reference):
                self._bar(success_level(), tr("Workspace {name} created: {path}").format(
                    name=workspace.name, path=workspace.reference))
        except Exception as error:  # noqa: BLE001 - shown to the user, logged
            self._report(error)

    def open_workspace(self):
        from .gui.workspace_dialogs import last_folder, remember_folder

        path, _filter = QFileDialog.getOpenFileName(
            self.iface.mainWindow(), tr("Open a Territorial Flux workspace"), last_folder(),
            tr("GeoPackage (*.gpkg)"))
        if not path:
            return
        remember_folder(path)
        try:
            self._load(path)
        except Exception as error:  # noqa: BLE001
            self._report(error)

    def open_team_workspace(self):
        """Open team workspace…: a saved PostgreSQL connection or a service, then one of its workspaces."""
        from .gui.workspace_dialogs import OpenTeamWorkspaceDialog

        dialog = OpenTeamWorkspaceDialog(self.iface.mainWindow())
        try:
            if not dialog.exec():
                return
            reference = dialog.reference()
        finally:
            dialog.deleteLater()
        try:
            workspace = self._load(reference)
        except Exception as error:  # noqa: BLE001 - shown to the user, logged
            self._report(error)
            return
        if workspace is None:
            return
        try:
            writer = workspace.can_write("flows")
        except Exception:  # noqa: BLE001 - the server went away meanwhile: QGIS's layers will say so
            writer = True
        if writer:
            self._bar(success_level(), tr("Team workspace {name} opened ({reference}).").format(
                name=workspace.name, reference=reference))
        else:
            self._bar(info_level(), tr("Team workspace {name} opened read-only: your role lets you read, analyse "
                                       "and print it, not change it.").format(name=workspace.name))

    def upgrade_workspace(self):
        """Upgrade workspace…: territorialflux:upgradeworkspace's dialog, on the open workspace."""
        from qgis import processing

        from .project.build import current_workspace

        workspace = current_workspace()
        parameters = {"WORKSPACE": workspace.reference} if workspace is not None else {}
        processing.execAlgorithmDialog("territorialflux:upgradeworkspace", parameters)

    def create_demo(self):
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtWidgets import QApplication

        from .demo.builder import create_demo
        from .gui.workspace_dialogs import last_folder, remember_folder
        from .toolbelt.compat import enum_value

        path, _filter = QFileDialog.getSaveFileName(
            self.iface.mainWindow(), tr("Save the demo territory as"),
            os.path.join(last_folder(), "territorial_flux_demo.gpkg"), tr("GeoPackage (*.gpkg)"))
        if not path:
            return
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        remember_folder(path)
        QApplication.setOverrideCursor(enum_value(Qt, "CursorShape.WaitCursor", "WaitCursor"))
        try:
            workspace, builder = create_demo(path, overwrite=True)
        except Exception as error:  # noqa: BLE001
            QApplication.restoreOverrideCursor()
            self._report(error)
            return
        QApplication.restoreOverrideCursor()
        if self._load(workspace.reference):
            self._bar(success_level(), tr("Demo territory created: {companies} companies, {flows} flows, "
                                          "{synergies} synergies.").format(
                companies=len(builder.companies), flows=len(builder.flows),
                synergies=len(builder.synergies)))

    def analyse_value_chains(self):
        """Run territorialflux:missinglinks and possiblelinks on the open workspace (default settings)."""
        from .gui.value_chains import analyse_current_workspace

        analyse_current_workspace(self.iface)

    def print_map(self):
        """Print territory map…: the dialog, then territorialflux:printmap on the open workspace."""
        from .gui.print_dialog import print_current_workspace

        try:
            print_current_workspace(self.iface)
        except Exception as error:  # noqa: BLE001 - shown to the user, logged
            self._report(error)

    def share_with_partners(self):
        """Share with partners…: the dialog, then territorialflux:exportpartners or exportwebmap."""
        from .gui.share_dialog import share_current_workspace

        try:
            share_current_workspace(self.iface)
        except Exception as error:  # noqa: BLE001 - shown to the user, logged
            self._report(error)

    def territory_report(self):
        """Territory report…: the dialog, then territorialflux:report on the open workspace."""
        from .gui.report_dialog import report_current_workspace

        try:
            report_current_workspace(self.iface)
        except Exception as error:  # noqa: BLE001 - shown to the user, logged
            self._report(error)
