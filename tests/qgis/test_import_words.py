"""The words and numbers of a workshop spreadsheet: one reading of 1,200 for the importer and the
flow form; the resource words the vocabulary and the search resolve."""

import pytest

from tests.qgis.test_import import query, write_csv


@pytest.fixture(autouse=True)
def collect_gdal_objects():
    yield
    import gc

    gc.collect()


def first_siret(demo):
    return query(demo, "SELECT siret FROM companies WHERE siret IS NOT NULL ORDER BY fid LIMIT 1")[0][0]


@pytest.mark.parametrize("others, lang, expected", [
    (["12,5"], "en", 1.2),  # a decimal comma elsewhere in the column
    (["1,500.25"], "fr", 1200.0),  # a thousands comma elsewhere in the column
    (["40"], "fr", 1.2),  # nothing decides: the interface's language
    (["40"], "en", 1200.0),
])
def test_the_column_decides_how_1200_reads_else_the_language(provider, demo, tmp_path, others, lang, expected):
    from territorial_flux_plugin.importing.flows import FlowImport

    s1 = first_siret(demo)
    rows = [[s1, "offre", "15 01 01", "1,200"]] + [[s1, "offre", "15 01 01", q] for q in others]
    source = write_csv(tmp_path / "quantites.csv", ["siret", "sens", "ressource", "quantité"], rows)
    before = query(demo, "SELECT count(*) FROM flows")[0][0]
    result = FlowImport(demo, source, lang=lang).run()
    assert result.imported == 2 and query(demo, "SELECT count(*) FROM flows")[0][0] == before + 2
    stored = [q for (q,) in query(demo, "SELECT quantity FROM flows ORDER BY fid DESC LIMIT 2")]
    assert stored[1] == pytest.approx(expected)
    assert any("1,200" in str(note) for note in result.notes)


def test_importflows_says_how_it_read_1200_in_notes(run, demo, tmp_path):
    s1 = first_siret(demo)
    source = write_csv(tmp_path / "q.csv", ["siret", "sens", "ressource", "quantité"],
                       [[s1, "offre", "15 01 01", "1,200"], [s1, "offre", "15 01 01", "12,5"]])
    result = run("importflows", {"WORKSPACE": demo, "INPUT": source, "REJECTS": str(tmp_path / "r.csv")})
    assert result["IMPORTED"] == 2
    assert "1,200 was read as 1.2 (1 such quantities in all), as the other numbers of its column" in result["NOTES"]


@pytest.mark.parametrize("lang, typed, reading, stored", [
    ("fr", "1,200", "Read as 1,2 t/yr", 1.2),
    ("en", "1,200", "Read as 1200 t/yr", 1200.0),
    ("fr", "1 200,5", "Read as 1200,5 t/yr", 1200.5),
    ("en", "1.200,5", "Read as 1200.5 t/yr", 1200.5),
])
def test_the_flow_form_shows_its_reading_before_it_saves(qgis_app, lang, typed, reading, stored):
    from territorial_flux_plugin.gui.flow_dialog import FlowDialog

    saved = []
    dialog = FlowDialog("Test", saved.append, language=lang)
    try:
        dialog.quantity_edit.setText(typed)
        assert dialog.quantity_reading.text() == reading
        assert dialog.values()["quantity"] == pytest.approx(stored)
    finally:
        dialog.deleteLater()


def test_the_flow_form_labels_show_no_literal_ampersand(qgis_app):
    from qgis.PyQt.QtWidgets import QFormLayout, QLabel

    from territorial_flux_plugin.gui.flow_dialog import FlowDialog

    dialog = FlowDialog("Test", lambda v: None)
    try:
        labels = [w for w in dialog.findChildren(QLabel) if "&" in w.text()]
        assert labels and all(label.buddy() is not None for label in labels)
        assert isinstance(dialog.form, QFormLayout)
    finally:
        dialog.deleteLater()


ISSUE_ROWS = [  # the words of the issue, each with the answers it calls right
    ("chaleur fatale", "EN 01"), ("district heating", "EN 01"), ("réseau de chaleur", "EN 01"),
    ("waste heat", "EN 01"), ("cartons", "15 01 01|20 01 01|MA 06 05"), ("cardboard", "15 01 01|20 01 01|MA 06 05"),
    ("sciure", "MA 01 01|03 01 05"), ("sawdust", "MA 01 01|03 01 05"), ("boues de station d'épuration", "19 08 05"),
    ("huiles usagées", "13 02|13 01|20 01 25"), ("déchets verts", "20 02 01"), ("mâchefers", "19 01 12|19 01 11"),
    ("DEEE", "20 01 35|20 01 36|16 02"), ("verre", "15 01 07|17 02 02|19 12 05|20 01 02|MA 04 04"),
    ("ferraille", "17 04 05|19 12 02|12 01 01|20 01 40|MA 02"), ("scrap metal", "17 04 05|19 12 02|12 01 01|20 01 40|MA 02"),
    ("sable de fonderie", "10 09 08|10 10 08"), ("gravats", "17 01 07|17 09 04|17 01 01"),
    ("biodéchets", "20 01 08|20 02 01"),
]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_importflows_places_the_issue_words_right(provider, demo, tmp_path, lang):
    from territorial_flux_plugin.importing.flows import FlowImport

    s1 = first_siret(demo)
    rows = [[s1, "offre", word, ""] for word, _accepted in ISSUE_ROWS]
    source = write_csv(tmp_path / "mots.csv", ["siret", "sens", "ressource", "quantité"], rows)
    result = FlowImport(demo, source, lang=lang).run()
    assert result.rejected == 0, [str(m) for _r, _o, m, _v in result.not_imported]
    assert result.imported == len(ISSUE_ROWS)
    stored = query(demo, "SELECT label, resource_code FROM flows ORDER BY fid DESC LIMIT ?", (len(ISSUE_ROWS),))
    by_word = dict(stored)
    for word, accepted in ISSUE_ROWS:
        assert any(by_word[word].startswith(a) for a in accepted.split("|")), (word, by_word[word])
