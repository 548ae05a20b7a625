"""The menu's *Share with partners…*: the dialog previews what would leave at the chosen level, its
format decides the algorithm and the kind of output, and the message bar announces what was
written with a button that opens it."""

import os

from qgis.core import Qgis, QgsProject

from tests.sharing_helpers import expected_rows


def test_the_dialog_previews_the_counts_and_switches_outputs(provider, demo_workspace, dialogs):
    from qgis.gui import QgsFileWidget

    from territorial_flux_plugin.gui.share_dialog import ShareDialog
    from territorial_flux_plugin.storage import workspace_at

    dialog = ShareDialog(workspace_at(demo_workspace))
    dialogs.append(dialog)
    for level in ("partners", "public"):
        dialog.level.setCurrentIndex(dialog.level.findData(level))
        expected = expected_rows(demo_workspace, level)
        assert dialog.preview.text() == "What would leave: {} companies, {} offers and needs, {} synergies.".format(
            len(expected["companies"]), len(expected["flows"]), len(expected["synergies"]))
    dialog.level.setCurrentIndex(dialog.level.findData("partners"))
    assert dialog.algorithm() == "territorialflux:exportpartners" and not dialog.title.isEnabled()
    assert dialog.output.storageMode() == QgsFileWidget.StorageMode.SaveFile
    dialog.file_format.setCurrentIndex(dialog.file_format.findData("csv"))
    assert dialog.output.storageMode() == QgsFileWidget.StorageMode.GetDirectory
    dialog.file_format.setCurrentIndex(dialog.file_format.findData("webmap"))
    assert dialog.algorithm() == "territorialflux:exportwebmap" and dialog.title.isEnabled()
    assert dialog.level.currentData() == "public", "a web map is public unless chosen otherwise"
    dialog.accept()
    assert dialog.error_label.text() == "Choose where to write the export." and dialog.result() == 0


def test_sharing_the_open_workspace_as_a_geopackage_then_as_a_web_map(provider, demo_workspace, tmp_path, qgis_iface,
                                                                        monkeypatch):
    from territorial_flux_plugin.gui import share_dialog
    from territorial_flux_plugin.project.build import open_workspace

    bar = qgis_iface.messageBar()
    bar.clear_messages()
    assert share_dialog.share_current_workspace(qgis_iface) is None
    assert "Open a workspace first" in bar.get_messages(Qgis.MessageLevel.Warning)[-1]
    opened = []
    monkeypatch.setattr(share_dialog, "open_path", opened.append)
    choices = {}

    class Filled(share_dialog.ShareDialog):
        def exec(self):  # the person's choices
            self.file_format.setCurrentIndex(self.file_format.findData(choices["format"]))
            self.level.setCurrentIndex(self.level.findData(choices["level"]))
            self.organisation.setText("CCI Littoral")
            self.output.setFilePath(choices["output"])
            self.accept()
            return self.result()

    open_workspace(demo_workspace)
    try:
        choices.update(format="gpkg", level="partners", output=str(tmp_path / "pour-la-cud"))  # no extension
        result = share_dialog.share_current_workspace(qgis_iface, Filled)
        assert result["OUTPUT"] == str(tmp_path / "pour-la-cud.gpkg") and os.path.isfile(result["OUTPUT"])
        expected = expected_rows(demo_workspace, "partners")
        assert result["COMPANIES"] == len(expected["companies"])
        message = bar.currentItem()
        assert message.text().startswith("Export for partners written: " + result["OUTPUT"])
        message.findChildren(share_dialog.QPushButton)[-1].click()
        assert opened == [result["OUTPUT"]]
        choices.update(format="webmap", level="public", output=str(tmp_path / "carte"))
        result = share_dialog.share_current_workspace(qgis_iface, Filled)
        index = str(tmp_path / "carte" / "index.html")
        assert os.path.isfile(index) and result["SYNERGIES"] == len(expected_rows(demo_workspace, "public")["synergies"])
        assert bar.currentItem().text().startswith("Web map written: " + index)
        bar.currentItem().findChildren(share_dialog.QPushButton)[-1].click()
        assert opened[-1] == index
    finally:
        QgsProject.instance().clear()
