"""territorialflux:report against the real QGIS, GDAL and poppler: the spreadsheet read back with
GDAL, the PDF opened with poppler (pages, text) and rendered page by page at 150 dpi, the web
page parsed, the layout saved in the workspace's project reopened, a partners' report searched
for personal data and internal figures, and the Sankey's totals compared with the metabolism
table the value-chain analysis stores."""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
import zipfile
from contextlib import closing
from html.parser import HTMLParser

import pytest
from osgeo import gdal

from territorial_flux_plugin.domain.indicators import SYNERGY_COLUMNS
from territorial_flux_plugin.reporting.xlsx import CONTRIBUTOR_COLUMNS, INDICATOR_COLUMNS

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PERIOD = {"FROM": "2020-01-01", "TO": "2030-12-31"}
ADVISORS = ("c.dupont", "m.leroy", "s.benali")


@pytest.fixture
def demo(demo_workspace, tmp_path):
    path = str(tmp_path / "demo.gpkg")
    shutil.copy(demo_workspace, path)
    return path


def report(run, demo, output, level="internal", **period):
    parameters = {"WORKSPACE": demo, "MAX_CONFIDENTIALITY": level, "OUTPUT": str(output)}
    parameters.update(period or PERIOD)
    return run("report", parameters)


def expected(demo, level, period=(PERIOD["FROM"], PERIOD["TO"])):
    from territorial_flux_plugin.reporting.report import ReportSettings, compute
    from territorial_flux_plugin.storage import workspace_at

    return compute(workspace_at(demo), ReportSettings("x.xlsx", period[0], period[1], level, "en"))


def sheets(path):
    """{sheet: (columns, rows)} as GDAL reads the workbook."""
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=["HEADERS=FORCE", "FIELD_TYPES=AUTO"])
    out = {}
    for index in range(dataset.GetLayerCount()):
        layer = dataset.GetLayer(index)
        definition = layer.GetLayerDefn()
        columns = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        rows = [feature.items() for feature in layer]
        if columns and columns[0] == "Field1" and rows:
            # GDAL takes the first row as data when it cannot tell it from the rest (all text): it is the header
            names = [rows[0][c] for c in columns]
            columns, rows = names, [dict(zip(names, row.values())) for row in rows[1:]]
        out[layer.GetName()] = (columns, rows)
    return out


def pdf_text(path):
    """The PDF's text, ligatures (ﬁ) spelled out."""
    text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout
    return unicodedata.normalize("NFKC", text)


def test_spreadsheet_has_the_issues_sheets_columns_and_values(run, demo, tmp_path):
    output = tmp_path / "report.xlsx"
    result = report(run, demo, output)
    assert result["OUTPUT"] == str(output) and result["LAYOUT"] == ""
    found = sheets(str(output))
    assert list(found) == ["indicators", "synergies", "contributors"]
    columns, rows = found["indicators"]
    assert columns == list(INDICATOR_COLUMNS)
    truth = expected(demo, "internal")
    assert {r["indicator"]: r["value"] for r in rows} == pytest.approx({i.key: i.value for i in truth.indicators})
    assert {r["period"] for r in rows} == {"2020-01-01/2030-12-31"}
    units = {r["indicator"]: r["unit"] for r in rows}
    assert (units["companies"], units["diverted_t_per_year"], units["savings_eur_per_year"],
            units["co2e_avoided_t_per_year"], units["distance_km"]) == ("count", "t/yr", "EUR/yr", "t CO2e/yr", "km")
    with closing(sqlite3.connect(demo)) as connection:
        companies = connection.execute("SELECT count(*) FROM companies WHERE status = 'active'").fetchone()[0]
        synergies = connection.execute("SELECT count(*) FROM synergies WHERE confidentiality <> 'advisor'").fetchone()[0]
    assert {r["indicator"]: r["value"] for r in rows}["companies"] == companies
    columns, rows = found["synergies"]
    assert columns == list(SYNERGY_COLUMNS) and len(rows) == synergies
    columns, rows = found["contributors"]
    assert columns == list(CONTRIBUTOR_COLUMNS) and {r["advisor"] for r in rows} == set(ADVISORS)


def test_spreadsheet_of_a_period_without_rows_keeps_its_columns(run, demo, tmp_path):
    output = tmp_path / "empty.xlsx"
    report(run, demo, output, FROM="1990-01-01", TO="1990-12-31")
    found = sheets(str(output))
    assert found["synergies"] == (list(SYNERGY_COLUMNS), [])
    assert found["contributors"] == (list(CONTRIBUTOR_COLUMNS), [])
    values = {r["indicator"]: r["value"] for r in found["indicators"][1]}
    assert values["synergies_created"] == 0 and values["synergies_operating"] == 0


def test_a_partners_report_carries_no_personal_data_and_no_internal_figure(run, demo, tmp_path):
    output = tmp_path / "partners.xlsx"
    report(run, demo, output, "partners")
    found = sheets(str(output))
    assert "contributors" not in found
    values = {r["indicator"]: r["value"] for r in found["indicators"][1]}
    assert values["savings_eur_per_year"] is None
    assert all(r["savings_eur_per_year"] is None for r in found["synergies"][1])
    with closing(sqlite3.connect(demo)) as connection:
        visible = connection.execute("SELECT count(*) FROM synergies WHERE confidentiality IN ('partners', 'public')"
                                     ).fetchone()[0]
    assert len(found["synergies"][1]) == visible
    with zipfile.ZipFile(output) as archive:
        text = " ".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    assert not any(login in text for login in ADVISORS)
    pdf = tmp_path / "partners.pdf"
    report(run, demo, pdf, "partners")
    printed = pdf_text(str(pdf))
    assert not any(login in printed for login in ADVISORS)
    assert "Savings" not in printed and "EUR/yr" not in printed
    assert "Document for the organisation's partners" in printed


def test_pdf_is_a_seven_page_layout_with_the_key_figures(run, demo, tmp_path):
    output = tmp_path / "report.pdf"
    result = report(run, demo, output)
    assert result["CHARTS"] is True and result["LAYOUT"].startswith("Territory report")
    info = subprocess.run(["pdfinfo", str(output)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+7$", info, re.M)
    assert re.search(r"^Page size:\s+595(\.\d+)? x 842", info, re.M)  # A4 portrait
    text = pdf_text(str(output))
    truth = expected(demo, "internal")
    values = {i.key: i.value for i in truth.indicators}
    for needle in ("Territory report", "Territoire dunkerquois (démo)", "From 2020-01-01 to 2030-12-31",
                   "Key figures", "{} ".format(values["companies"]), "Synergy pipeline", "Metabolism of the territory",
                   "Synergies map", "Contributions inside the organisation", "synergies_operating_reached"):
        assert needle in text, needle
    assert "Operating: {}".format(values["synergies_operating"]) in text
    # every page drawn: rendered at 150 dpi, none is blank
    for page in range(1, 8):
        prefix = str(tmp_path / "page{}".format(page))
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile",
                        str(output), prefix], check=True)
        from qgis.PyQt.QtGui import QImage

        image = QImage(prefix + ".png")
        assert image.width() == 1240 and abs(image.height() - 1754) <= 2  # A4 at 150 dpi
        dark = sum(1 for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)
                   if image.pixelColor(x, y).lightness() < 200)
        assert dark > 150, page


def test_the_saved_layout_reprints_with_its_charts(run, demo, tmp_path):
    from qgis.core import QgsLayoutExporter, QgsLayoutItemPicture, QgsProject

    from territorial_flux_plugin.storage import workspace_at

    report(run, demo, tmp_path / "first.pdf")
    result = report(run, demo, tmp_path / "report.pdf")  # the same report again replaces the first
    project = QgsProject()
    assert project.read(workspace_at(demo).project_uri)
    layout = project.layoutManager().layoutByName(result["LAYOUT"])
    assert layout is not None and layout.pageCollection().pageCount() == 7
    assert [item.name() for item in project.layoutManager().layouts()].count(result["LAYOUT"]) == 1
    from territorial_flux_plugin.printing.layers import PRINT_PROPERTY

    printed = [layer for layer in project.mapLayers().values() if layer.customProperty(PRINT_PROPERTY)]
    assert len(printed) == 3  # synergies, companies, areas: once
    map_item = layout.itemById("map")
    assert {layer.id() for layer in map_item.layers()} == {layer.id() for layer in printed}
    pictures = [item for item in layout.items() if isinstance(item, QgsLayoutItemPicture)]
    assert len(pictures) == 6 and all(p.picturePath().startswith("base64:") for p in pictures)
    again = str(tmp_path / "again.pdf")
    from territorial_flux_plugin.printing.export import text_as_text

    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = text_as_text()  # text as text, on QGIS 3.40 and later too
    assert QgsLayoutExporter(layout).exportToPdf(again, settings) == QgsLayoutExporter.Success
    assert "Synergy pipeline" in pdf_text(again)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources, self.links, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("img", "script"):
            self.sources.append(attrs.get("src", ""))
        if tag == "link" or "href" in attrs:
            self.links.append(attrs.get("href"))

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_one_self_contained_page(run, demo, tmp_path):
    output = tmp_path / "report.html"
    report(run, demo, output)
    page = _Page()
    page.feed(output.read_text(encoding="utf-8"))
    assert page.links == []
    assert sum(1 for s in page.sources if s.startswith("data:image/svg+xml;base64,")) == 6
    assert sum(1 for s in page.sources if s.startswith("data:image/png;base64,")) == 1
    assert all(s.startswith("data:") for s in page.sources)
    text = " ".join(page.text)
    values = {i.key: i.value for i in expected(demo, "internal").indicators}
    assert "Territory report" in text and "Key figures" in text
    assert "co2e_avoided_t_per_year" in text and str(values["flows_offer"]) in text


def test_sankey_totals_equal_the_metabolism_table(run, demo, tmp_path):
    for level in ("internal", "partners"):
        run("missinglinks", {"WORKSPACE": demo, "MAX_CONFIDENTIALITY": level, "OUTPUT": "TEMPORARY_OUTPUT"})
        with closing(sqlite3.connect(demo)) as connection:
            offers, needs = connection.execute("SELECT sum(offers), sum(needs) FROM metabolism").fetchone()
        truth = expected(demo, level)
        assert (truth.sankey_flows.left_total, truth.sankey_flows.right_total) == (offers, needs)
        values = {i.key: i.value for i in truth.indicators}
        assert (values["flows_offer"], values["flows_need"]) == (offers, needs)


def test_bad_input_gets_a_sentence(run, demo, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="The period starts"):
        report(run, demo, tmp_path / "r.xlsx", FROM="2025-06-01", TO="2025-01-01")
    with pytest.raises(QgsProcessingException, match=r"\.pdf, \.xlsx or \.html"):
        report(run, demo, tmp_path / "r.docx")
    with pytest.raises(QgsProcessingException, match="not a date"):
        report(run, demo, tmp_path / "r.xlsx", FROM="1 janvier", TO="2025-01-01")
    assert not os.listdir(tmp_path) == [] and not (tmp_path / "r.xlsx").exists()


NO_MATPLOTLIB = """
import sys
sys.modules["matplotlib"] = None  # as in a QGIS without it: import matplotlib raises ImportError
sys.path.insert(0, {root!r})
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
from territorial_flux_plugin.reporting.report import ReportSettings, write_report
for output in {outputs!r}:
    result = write_report({demo!r}, ReportSettings(output, "2020-01-01", "2030-12-31", "internal", "en"))
    print(output, result["charts"])
app.exitQgis()
"""


def test_without_matplotlib_the_report_is_written_and_says_so(demo, tmp_path):
    outputs = [str(tmp_path / "plain.pdf"), str(tmp_path / "plain.html")]
    script = NO_MATPLOTLIB.format(root=ROOT, outputs=outputs, demo=demo)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [outputs[0], "False", outputs[1], "False"]
    text = pdf_text(outputs[0])
    assert "The charts are not drawn" in re.sub(r"\s+", " ", text) and "Key figures" in text
    assert "The charts are not drawn" in open(outputs[1], encoding="utf-8").read()


def test_the_menus_dialog_writes_the_report_of_the_open_workspace(provider, demo, tmp_path, qgis_iface, monkeypatch):
    from qgis.core import Qgis, QgsProject
    from qgis.PyQt.QtCore import QDate

    from territorial_flux_plugin.gui import report_dialog
    from territorial_flux_plugin.project.build import open_workspace

    bar = qgis_iface.messageBar()
    bar.clear_messages()
    assert report_dialog.report_current_workspace(qgis_iface) is None
    assert "Open a workspace first" in bar.get_messages(Qgis.MessageLevel.Warning)[-1]
    opened = []
    monkeypatch.setattr(report_dialog, "open_file", opened.append)
    output = str(tmp_path / "bilan.xlsx")
    outputs = [output, str(tmp_path / "bilan.pdf")]

    class Filled(report_dialog.ReportDialog):
        def exec(self):  # the person's choices
            self.date_from.setDate(QDate(2020, 1, 1))
            self.date_to.setDate(QDate(2030, 12, 31))
            self.level.setCurrentIndex(self.level.findData("partners"))
            self.output.setFilePath(outputs.pop(0))
            self.accept()
            return self.result()

    open_workspace(demo)
    try:
        result = report_dialog.report_current_workspace(qgis_iface, Filled)
        assert result["OUTPUT"] == output and opened == [output]
        assert "Report written" in bar.currentItem().text()
        found = sheets(output)
        assert "contributors" not in found  # partners
        values = {r["indicator"]: r["value"] for r in found["indicators"][1]}
        assert values == pytest.approx({i.key: i.value for i in expected(demo, "partners").indicators})
        pdf = report_dialog.report_current_workspace(qgis_iface, Filled)
        assert pdf["LAYOUT"] and os.path.exists(pdf["OUTPUT"])
        assert QgsProject.instance().layoutManager().layoutByName(pdf["LAYOUT"]) is not None
    finally:
        QgsProject.instance().clear()



def test_empty_avoided_emissions_are_estimated_and_marked(run, demo, tmp_path):
    with closing(sqlite3.connect(demo)) as connection:
        uid, diverted, distance, family = connection.execute(
            "SELECT s.uid, s.diverted_t_per_year, s.distance_km, r.family FROM synergies s "
            "JOIN resource_nomenclature r ON r.code = s.resource_code WHERE s.status = 'operating' "
            "AND s.diverted_t_per_year IS NOT NULL AND s.distance_km IS NOT NULL AND s.confidentiality <> 'advisor' "
            "LIMIT 1").fetchone()
    from territorial_flux_plugin.storage.database import sqlite_database

    database = sqlite_database(demo)
    with database.transaction():
        database.execute("UPDATE synergies SET co2e_avoided_t_per_year = NULL WHERE uid = ?", (uid,))
        database.execute("UPDATE emission_factors SET kg_co2e_per_t = 500, source = 'test', source_date = '2024-01-01' "
                         "WHERE family = ?", (family,))
    database.close()
    output = tmp_path / "estimated.xlsx"
    report(run, demo, output)
    found = sheets(str(output))
    row = next(r for r in found["synergies"][1] if r["uid"] == uid)
    expected_value = round(diverted * 0.5 - diverted * distance * 0.105 / 1000.0, 1)
    assert (row["co2e_avoided_t_per_year"], row["co2e_estimated"]) == (pytest.approx(expected_value), True)
    indicator = next(r for r in found["indicators"][1] if r["indicator"] == "co2e_avoided_t_per_year")
    assert indicator["estimated"] is True
    pdf = tmp_path / "estimated.pdf"
    report(run, demo, pdf)
    assert "includes estimates made with the workspace's emission factors" in re.sub(r"\s+", " ", pdf_text(str(pdf)))


@pytest.fixture
def in_french():
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(os.path.join(ROOT, "territorial_flux_plugin", "resources", "i18n", "territorial_flux_fr.qm"))
    QCoreApplication.installTranslator(translator)
    settings = QgsSettings()
    before = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", "fr_FR")
    yield
    settings.setValue("locale/userLocale", before)
    QCoreApplication.removeTranslator(translator)


def test_the_report_in_french_keeps_its_keys(run, demo, tmp_path, in_french):
    output = tmp_path / "rapport.pdf"
    report(run, demo, output)
    text = re.sub(r"\s+", " ", pdf_text(str(output)))
    for needle in ("Rapport du territoire", "Chiffres clés", "Du 2020-01-01 au 2030-12-31", "Avancement des synergies",
                   "Métabolisme du territoire (flux)", "Carte des synergies", "Page 7 sur 7", "Entreprises",
                   "synergies_operating"):
        assert needle in text, needle
    assert "Key figures" not in text
    values = {i.key: i.value for i in expected(demo, "internal").indicators}
    assert "{}".format(values["flows_offer"]) in text
    sheet = tmp_path / "rapport.xlsx"
    report(run, demo, sheet)
    found = sheets(str(sheet))
    assert {r["indicator"] for r in found["indicators"][1]} == set(values)  # stable English keys
    with closing(sqlite3.connect(demo)) as connection:
        labels_fr = {r[0] for r in connection.execute(
            "SELECT r.label_fr FROM synergies s JOIN resource_nomenclature r ON r.code = s.resource_code")}
    assert {r["resource"] for r in found["synergies"][1]} <= labels_fr
