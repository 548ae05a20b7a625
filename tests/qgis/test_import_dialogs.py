"""The Import flows dialog: it checks the file without writing, lists each distinct unresolved
word once with the rows it holds up and its candidates, and writes the flows and the chosen words
in one transaction; the words are known to later imports and to the flow form."""

import pytest

from tests.qgis.test_import import count, digest, query, rejects_rows, write_csv


@pytest.fixture(autouse=True)
def collect_gdal_objects():
    yield
    import gc

    gc.collect()


def workshop(demo, tmp_path):
    s1, s2 = [r[0] for r in query(demo, "SELECT siret FROM companies WHERE siret IS NOT NULL ORDER BY fid LIMIT 2")]
    rows = [[s1, "offre", "emballages", "3"], [s2, "besoin", "Emballages", "4"], [s1, "offre", "cartons", "1,200"],
            [s2, "offre", "emballages", "2"], [s1, "besoin", "bois traité", "5"], [s2, "offre", "chaleur fatale", "40"]]
    return write_csv(tmp_path / "atelier.csv", ["siret", "sens", "ressource", "quantité"], rows)


def test_the_dialog_asks_about_each_word_once_and_remembers_the_choice(provider, demo, tmp_path, qgis_app, dialogs):
    from territorial_flux_plugin.gui.flow_dialog import FlowDialog
    from territorial_flux_plugin.gui.flow_import_dialog import ImportFlowsDialog
    from territorial_flux_plugin.importing.words import learned_words

    source = workshop(demo, tmp_path)
    before, flows = digest(demo), count(demo, "flows")
    dialog = ImportFlowsDialog(None, demo)
    dialogs.append(dialog)
    dialog.input_widget.setFilePath(source)
    assert digest(demo) == before  # checked, nothing written
    words = [(w["word"], w["rows"]) for w in dialog.words]
    assert words == [("emballages", [2, 3, 5]), ("bois traité", [6])]  # each word once, with its rows
    assert dialog.words_table.rowCount() == 2
    combo = dialog.words_table.cellWidget(0, 2)
    assert combo.count() > 2 and combo.itemData(1).startswith("15 01")
    assert "2 words to settle" in dialog.info_label.text()
    dialog.choose("emballages", "15 01 06")
    assert dialog.parameters()["WORDS"] == "emballages=15 01 06"
    dialog.run_import()
    assert "5 flows imported, 1 rows not imported" in dialog.result_label.text()
    assert count(demo, "flows") == flows + 5
    assert query(demo, "SELECT count(*) FROM flows WHERE resource_code = '15 01 06'")[0][0] == 3
    assert learned_words_of(demo) == {"emballages": "15 01 06"}
    rejected = rejects_rows(dialog.rejects_path)
    assert [r["row"] for r in rejected] == ["6"] and "close ones" in rejected[0]["reason"]
    # the flow form knows the word now
    from territorial_flux_plugin.domain.resources import resource_matcher
    from territorial_flux_plugin.storage import workspace_at

    matcher = resource_matcher().with_learned(learned_words(workspace_at(demo)))
    form = FlowDialog("Test", lambda v: None, language="fr", matcher=matcher)
    try:
        form.resource_edit.setText("emballages")
        form._resource_chosen()
        assert form.resource_code() == "15 01 06"
    finally:
        form.deleteLater()


def learned_words_of(path):
    return dict(query(path, "SELECT word, code FROM vocabulary"))


def test_a_learned_word_is_used_by_the_next_import_and_processing(run, demo, tmp_path):
    source = workshop(demo, tmp_path)
    first = run("importflows", {"WORKSPACE": demo, "INPUT": source, "REJECTS": str(tmp_path / "r1.csv")})
    assert first["REJECTED"] == 4  # three emballages rows and bois traité
    report = rejects_rows(str(tmp_path / "r1.csv"))
    assert all("close ones" in r["reason"] for r in report)
    run("importflows", {"WORKSPACE": demo, "INPUT": source, "WORDS": "emballages = 15 01 06; bois traité=17 02 04",
                        "REJECTS": str(tmp_path / "r2.csv")})
    assert learned_words_of(demo) == {"emballages": "15 01 06", "bois traité": "17 02 04"}
    again = run("importflows", {"WORKSPACE": demo, "INPUT": source, "REJECTS": str(tmp_path / "r3.csv")})
    assert (again["IMPORTED"], again["REJECTED"]) == (6, 0)
    # a correction replaces the word's resource, it does not add a second word
    run("importflows", {"WORKSPACE": demo, "INPUT": source, "WORDS": "Emballages=15 01 05",
                        "REJECTS": str(tmp_path / "r4.csv")})
    assert learned_words_of(demo) == {"emballages": "15 01 05", "bois traité": "17 02 04"}
    audit = query(demo, "SELECT operation FROM audit_log WHERE table_name = 'vocabulary' ORDER BY fid")
    assert [a for (a,) in audit] == ["insert", "insert", "update"]


def test_a_bad_choice_or_a_failed_write_leaves_flows_and_words_untouched(run, demo, tmp_path, monkeypatch):
    from qgis.core import QgsProcessingException

    source = workshop(demo, tmp_path)
    before = digest(demo)
    with pytest.raises(QgsProcessingException, match="XX 99 99"):
        run("importflows", {"WORKSPACE": demo, "INPUT": source, "WORDS": "emballages=XX 99 99",
                            "REJECTS": str(tmp_path / "r.csv")})
    assert digest(demo) == before
    from territorial_flux_plugin.importing import flows

    def broken(database, choices, user):
        raise RuntimeError("disk full")

    monkeypatch.setattr(flows, "remember_words", broken)
    with pytest.raises(QgsProcessingException, match="disk full"):
        run("importflows", {"WORKSPACE": demo, "INPUT": source, "WORDS": "emballages=15 01 06",
                            "REJECTS": str(tmp_path / "r.csv")})
    assert digest(demo) == before  # the flows were rolled back with the words
    assert rejects_rows(str(tmp_path / "r.csv"))[-1]["outcome"] == "failed"


def test_words_that_are_not_word_code_pairs_are_refused_with_a_rejects_file(run, demo, tmp_path):
    from qgis.core import QgsProcessingException

    source = workshop(demo, tmp_path)
    before = digest(demo)
    with pytest.raises(QgsProcessingException, match="word=code"):
        run("importflows", {"WORKSPACE": demo, "INPUT": source, "WORDS": "emballages 15 01 06",
                            "REJECTS": str(tmp_path / "r.csv")})
    assert digest(demo) == before
    assert rejects_rows(str(tmp_path / "r.csv"))[-1]["outcome"] == "failed"
