"""What the plugin's docks share: following the workspace of QGIS's current project."""

from qgis.core import QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QTimer

from ..project.build import workspace_layers


class WorkspaceDock(QgsDockWidget):
    """A dock showing the workspace of the current project.

    Subclasses list the tables whose saves they show (``WATCHED_TABLES``) and implement
    ``workspace_changed()`` (another workspace: forget the selection), ``refresh_all()`` and
    ``data_changed()`` (a watched layer was saved). They call ``follow_workspace()`` once their
    widgets exist, and ``disconnect_project()`` before they are deleted.
    """

    WATCHED_TABLES = ()

    def __init__(self, title, parent=None):
        super().__init__(title, parent)
        self.layers = {}
        self.writable = True  # False for a reader of a team workspace: the dock only shows
        self.author = None  # who the dock's edits name: the database login on a team workspace
        self._refresh_pending = False

    def _project_signals(self):
        project = QgsProject.instance()
        return project.readProject, project.cleared, project.layersAdded

    def follow_workspace(self):
        for signal in self._project_signals():
            signal.connect(self.follow_project)
        self._follow_now()

    def disconnect_project(self):
        for signal in self._project_signals():
            try:
                signal.disconnect(self.follow_project)
            except TypeError:
                pass
        self._watch({})

    def follow_project(self, *_args):
        # Layers read from a project return their features once the reading is over: refresh
        # from the event loop, once however many signals came.
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self._follow_now)

    def _follow_now(self):
        self._refresh_pending = False
        layers = workspace_layers()
        if set(layers.values()) != set(self.layers.values()):
            self._watch(layers)
            self.layers = layers
            self.writable, self.author = self._user_facts()
            self.workspace_changed()
        self.refresh_all()

    def _user_facts(self):
        """``(writable, author)`` for the open workspace: whether the user may change it (a team
        workspace's reader may not), and the name its edits record (None: QGIS's user name; on a
        team workspace the database login, which the server's audit trail and row-level security
        also know the user by)."""
        from ..project.build import current_workspace

        if not self.layers:
            return True, None
        try:
            workspace = current_workspace()
            if workspace is None:
                return True, None
            return bool(workspace.can_write("flows")), workspace.user
        except Exception:  # noqa: BLE001 - the server is unreachable: its refusal will say why on save
            return True, None

    @staticmethod
    def read_only_text():
        from ..toolbelt.i18n import tr

        return tr("Read-only: your role lets you read, analyse and print this team workspace, not change it.")

    def _read_only_label(self):
        """The note a reader of a team workspace sees at the top of the dock (hidden until then)."""
        from qgis.PyQt.QtWidgets import QLabel

        label = QLabel(self.read_only_text())
        label.setObjectName("readOnly")
        label.setWordWrap(True)
        label.setStyleSheet("color: #555; font-style: italic")
        label.hide()
        return label

    def _watch(self, layers):
        for layer in self.layers.values():
            try:
                layer.afterCommitChanges.disconnect(self.data_changed)
            except (TypeError, RuntimeError):
                pass
        for name in self.WATCHED_TABLES:
            layer = layers.get(name)
            if layer is not None:
                layer.afterCommitChanges.connect(self.data_changed)

    def workspace_changed(self):
        pass

    def refresh_all(self):
        pass

    def data_changed(self):
        self.refresh_all()
