"""territorialflux:printmap on a team workspace (a real PostgreSQL/PostGIS server): the administrator
prints and keeps the layout in the shared project; a reader prints through their own connection,
the server's row-level security deciding what the map may show, and the shared project untouched.
The PDFs are checked with poppler as tests/qgis/test_print.py does for a GeoPackage.
"""

import hashlib
import subprocess

import pytest
from qgis.core import QgsDataSourceUri, QgsProject

from territorial_flux_plugin.storage import workspace_at
from tests.qgis.test_print import A4_LANDSCAPE, drawn_share, layer_of, legend_entries, map_area, pdf_info, render
from tests.qgis_helpers import demo_team, team_reference

SCHEMA = "team_print"
USERS = {"pr_rita": "reader", "pr_alice": "editor"}


@pytest.fixture(scope="module")
def team(provider_registered, postgis_server, postgis_connection, demo_workspace):
    return demo_team(postgis_server, postgis_connection, demo_workspace, SCHEMA, "Print team", USERS)


def as_user(user):
    return team_reference(user, SCHEMA)


def query(server, sql, params=(), user="postgres"):
    return server.rows(SCHEMA, sql, params, user)


def stored_project(server):
    content = query(server, "SELECT content FROM qgis_projects WHERE name = 'territory'")[0][0]
    return hashlib.sha256(bytes(content)).hexdigest()


def pdf_text(path):
    return subprocess.run(["pdftotext", path, "-"], check=True, capture_output=True, text=True).stdout


def test_the_administrator_prints_and_keeps_the_layout_in_the_shared_project(run, team, tmp_path):
    output = str(tmp_path / "synergies.pdf")
    result = run("printmap", {"WORKSPACE": team, "THEME": "synergies", "TITLE": "Comité de l'équipe",
                              "OUTPUT": output})
    assert result["OUTPUT"] == output and result["PAGES"] == 1 and result["SAVED"] is True
    assert pdf_info(output) == (1, A4_LANDSCAPE)
    pixels = render(output, tmp_path)
    assert drawn_share(pixels) > 0.02  # not blank
    text = pdf_text(output)
    assert "Comité de l'équipe" in text and "Territoire dunkerquois" in text
    assert "last updated on" in text and "Sources:" in text
    project = QgsProject()
    assert project.read(workspace_at(team).project_uri)
    layout = project.layoutManager().layoutByName(result["LAYOUT"])
    assert layout is not None, "the layout is saved in the team workspace's project"
    assert drawn_share(map_area(pixels, layout)) > 0.005, "the map area has drawn features"
    synergies = layer_of(layout, "synergies")
    assert synergies.providerType() == "postgres" and synergies.isValid() and synergies.featureCount() > 0
    source = QgsDataSourceUri(synergies.source())
    assert '"{}"."synergies"'.format(SCHEMA) in source.table() and not source.password()
    project.clear()


def test_a_reader_prints_what_the_server_lets_them_see(run, team, postgis_server, tmp_path):
    before = stored_project(postgis_server)
    total = query(postgis_server, "SELECT count(*) FROM synergies")[0][0]
    hidden = query(postgis_server, "SELECT count(*) FROM synergies WHERE confidentiality = 'advisor'")[0][0]
    assert hidden > 0
    output = str(tmp_path / "reader.pdf")
    # the reader asks for everything up to advisor level: the server still hides advisor-level rows
    from territorial_flux_plugin.printing.export import print_map
    from territorial_flux_plugin.printing.settings import PrintSettings

    result = print_map(as_user("pr_rita"), PrintSettings("synergies", output, level="advisor"))
    assert result["pages"] == 1 and not result["saved"]
    assert pdf_info(output) == (1, A4_LANDSCAPE)
    pixels = render(output, tmp_path)
    assert drawn_share(map_area(pixels, result["layout_object"])) > 0.005
    layer = layer_of(result["layout_object"], "synergies")
    assert layer.featureCount() == total - hidden
    assert legend_entries(result["layout_object"])["Synergies"][0] == "Synergies [{}]".format(total - hidden)
    assert "pr_rita" in layer.source()  # through the reader's own connection
    result["project"].clear()
    assert stored_project(postgis_server) == before  # the shared project is the administrators'
    # and through Processing: the metabolism
    path = str(tmp_path / "metabolism.pdf")
    printed = run("printmap", {"WORKSPACE": as_user("pr_rita"), "THEME": "metabolism", "OUTPUT": path})
    assert printed["PAGES"] == 1 and printed["SAVED"] is False and pdf_info(path) == (1, A4_LANDSCAPE)
    assert drawn_share(render(path, tmp_path)) > 0.02
    assert stored_project(postgis_server) == before


def test_a_reader_prints_missing_links_from_the_stored_analysis(run, team, postgis_server, tmp_path):
    from qgis.core import QgsProcessingException

    path = str(tmp_path / "missinglinks.pdf")
    if not query(postgis_server, "SELECT 1 FROM workspace_info WHERE key = 'analysed_at'"):
        # none stored yet: the reader may not store one, and is told so
        with pytest.raises(QgsProcessingException, match="ask an editor"):
            run("printmap", {"WORKSPACE": as_user("pr_rita"), "THEME": "missinglinks", "OUTPUT": path})
        run("missinglinks", {"WORKSPACE": team, "OUTPUT": "memory:", "BALANCE": "memory:"})  # the administrator
        run("possiblelinks", {"WORKSPACE": team, "OUTPUT": "memory:"})
    from territorial_flux_plugin.printing.export import print_map
    from territorial_flux_plugin.printing.settings import PrintSettings

    result = print_map(as_user("pr_rita"), PrintSettings("missinglinks", path))
    assert result["pages"] == 1 and not result["analysed"]
    assert pdf_info(path) == (1, A4_LANDSCAPE)
    assert drawn_share(map_area(render(path, tmp_path), result["layout_object"])) > 0.005
    visible = query(postgis_server, "SELECT count(*) FROM missing_links WHERE confidentiality <> 'advisor'",
                    user="pr_rita")[0][0]
    # counted per commune on the territory's page: every visible missing link, none above the level
    aggregated = layer_of(result["layout_object"], "missing_areas")
    assert aggregated.providerType() == "postgres" and aggregated.isValid()
    assert visible > 0 and sum(int(f["flows"]) for f in aggregated.getFeatures()) == visible
    assert layer_of(result["layout_object"], "area_flows").featureCount() > 0
    result["project"].clear()


def test_a_reader_prints_an_atlas_by_commune(run, team, postgis_server, tmp_path):
    communes = query(postgis_server, "SELECT count(DISTINCT coalesce(commune_code, commune)) FROM companies "
                                     "WHERE status <> 'archived' AND coalesce(commune_code, commune) IS NOT NULL")[0][0]
    assert communes > 3
    output = str(tmp_path / "atlas.pdf")
    result = run("printmap", {"WORKSPACE": as_user("pr_rita"), "ATLAS": "commune", "OUTPUT": output})
    assert result["PAGES"] == communes
    assert pdf_info(output) == (communes, A4_LANDSCAPE)
    assert drawn_share(render(output, tmp_path, page=2)) > 0.02


def test_print_territory_map_from_the_menu_as_a_reader(team, postgis_server, tmp_path, qgis_iface, monkeypatch):
    """Print territory map… on a team workspace opened by a reader: the PDF, the layout in the open
    project, and a message that does not pretend the shared project keeps it."""
    from qgis.core import QgsProject

    from territorial_flux_plugin.gui import print_dialog
    from territorial_flux_plugin.project.build import open_workspace
    from tests.qgis_helpers import settle_qgis

    before = stored_project(postgis_server)
    monkeypatch.setattr(print_dialog, "open_file", lambda path: None)
    output = str(tmp_path / "reunion.pdf")

    class Filled(print_dialog.PrintDialog):
        def exec(self):  # the person's choices
            self.theme.setCurrentIndex(self.theme.findData("synergies"))
            self.paper.setCurrentIndex(self.paper.findData("A4"))
            self.orientation.setCurrentIndex(self.orientation.findData("landscape"))
            self.atlas.setCurrentIndex(self.atlas.findData("none"))
            self.template.setFilePath("")
            self.title.setText("Réunion des partenaires")
            self.output.setFilePath(output)
            self.accept()
            return self.result()

    open_workspace(as_user("pr_rita"))
    try:
        result = print_dialog.print_current_workspace(qgis_iface, Filled)
        assert result["OUTPUT"] == output and pdf_info(output) == (1, A4_LANDSCAPE)
        assert "Réunion des partenaires" in pdf_text(output)
        message = qgis_iface.messageBar().currentItem().text()
        assert "Map printed" in message and "administrators only" in message
        layout = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"])
        assert layout is not None and layer_of(layout, "synergies").providerType() == "postgres"
        assert stored_project(postgis_server) == before
    finally:
        settle_qgis()
        QgsProject.instance().clear()
