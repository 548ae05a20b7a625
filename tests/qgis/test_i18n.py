"""The interface ships in English and French: every string of the code is in the French catalogue,
translated, and found at run time in the contexts the code asks for."""

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

import territorial_flux_plugin
from territorial_flux_plugin.domain.siret import siret_problem
from territorial_flux_plugin.toolbelt.i18n import tr, translate_message, vocabulary_label

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(territorial_flux_plugin.__file__)))
I18N = os.path.join(ROOT, "territorial_flux_plugin", "resources", "i18n")
TS = os.path.join(I18N, "territorial_flux_fr.ts")
QM = os.path.join(I18N, "territorial_flux_fr.qm")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def messages(path):
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            translation = message.find("translation")
            yield name, message.find("source").text, translation


@pytest.fixture
def french():
    translator = QTranslator()
    assert translator.load(QM)
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_every_string_is_translated_with_its_placeholders():
    count = 0
    for context, source, translation in messages(TS):
        count += 1
        assert translation is not None and translation.text, (context, source)
        assert translation.get("type") not in ("unfinished", "obsolete"), (context, source)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text)), (context, source)
    assert count > 500


def test_catalogue_matches_the_code(tmp_path):
    """A string added to the code without its French translation fails here."""
    assert shutil.which("pylupdate5"), "pylupdate5 is required (Debian package pyqt5-dev-tools)"
    sources = subprocess.run(["git", "ls-files", "territorial_flux_plugin/*.py"], cwd=ROOT, check=True,
                             stdout=subprocess.PIPE, text=True).stdout.split()
    fresh = str(tmp_path / "fresh.ts")
    subprocess.run(["pylupdate5", "-noobsolete"] + sources + ["-ts", fresh], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shipped = {(c, s) for c, s, t in messages(TS) if t is not None and t.text}
    missing = sorted((c, s) for c, s, _t in messages(fresh) if (c, s) not in shipped)
    assert not missing, "strings without French translation (run make translations): {}".format(missing[:10])


def test_strings_found_where_the_code_looks(french):
    assert tr("Offers") == "Offres"
    assert vocabulary_label("Need") == "Besoin"
    assert "SIRET" in translate_message(siret_problem("73282932000075")) and \
        translate_message(siret_problem("73282932000075")) != str(siret_problem("73282932000075"))
    from territorial_flux_plugin.processing.create_workspace import CreateWorkspaceAlgorithm

    algorithm = CreateWorkspaceAlgorithm()
    algorithm.initAlgorithm()
    assert algorithm.displayName() != "Create workspace"
    assert algorithm.parameterDefinition("NAME").description() != "Territory name"


def test_plugin_loads_french_from_the_qgis_locale(qgis_iface):
    settings = QgsSettings()
    previous = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    plugin = territorial_flux_plugin.classFactory(qgis_iface)
    try:
        assert plugin.translator is not None
        assert tr("Offers") == "Offres"
    finally:
        plugin.unload()
        settings.setValue("locale/overrideFlag", previous[0] if previous[0] is not None else False)
        settings.setValue("locale/userLocale", previous[1] if previous[1] is not None else "")
    assert tr("Offers") == "Offers"


def test_french_reads_french_units():
    """A French advisor reads t/an, €/an and MWh/an: no French label keeps the English units, and
    every unit the plugin knows has a French reading where French writes it differently."""
    from territorial_flux_plugin.domain.units import UNITS, unit_label

    english = re.compile(r"/yr\b|\bEUR\b|\bFTE\b")
    leftovers = [(c, t.text) for c, _s, t in messages(TS) if t is not None and t.text and english.search(t.text)]
    assert not leftovers, leftovers
    for unit in UNITS:
        assert not english.search(unit_label(unit, "fr")), unit
    assert unit_label("t/yr", "fr") == "t/an" and unit_label("EUR/yr", "fr") == "€/an"
