"""The desktop journey: what a new user does in the first ten minutes, in the real QGIS desktop
(Xvfb), in English and in French, then what a partner sees opening the same file in a QGIS where
the plugin is not even enabled. Screenshots of every step go to a temporary folder (``make
pictures`` copies them into docs/images); ``make test`` never writes into the tree."""

import json
import os
import shutil
import signal
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LANGUAGES = ("en", "fr")


def _qgis(folder, script, env, plugin_enabled, language, timeout=150):
    for program in ("qgis", "xvfb-run"):
        assert shutil.which(program), "{} is required (Debian packages qgis and xvfb)".format(program)
    profile = folder / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True, exist_ok=True)
    locale = "[locale]\noverrideFlag=true\nuserLocale={}\n".format("fr_FR" if language == "fr" else "en_US")
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nterritorial_flux_plugin={}\n{}".format(
        "true" if plugin_enabled else "false", locale))
    starter = folder / "start.py"
    starter.write_text("exec(compile(open({0!r}).read(), {0!r}, 'exec'))\n".format(script))
    env = dict(os.environ, **env)
    env.pop("QT_QPA_PLATFORM", None)
    if plugin_enabled:
        env["QGIS_PLUGINPATH"] = ROOT
    else:
        env.pop("QGIS_PLUGINPATH", None)
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(folder),
               "--nologo", "--noversioncheck", "--code", str(starter)]
    # its own process group: on a timeout, QGIS goes with xvfb-run instead of living on
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
    return subprocess.CompletedProcess(command, process.returncode, output)


@pytest.fixture(scope="module", params=LANGUAGES)
def journey(request, tmp_path_factory):
    language = request.param
    folder = tmp_path_factory.mktemp("journey_" + language)
    shots = os.environ.get("TF_JOURNEY_SHOTS") or str(folder / "shots")
    os.makedirs(shots, exist_ok=True)
    report = folder / "report.json"
    done = _qgis(folder / "advisor", os.path.join(HERE, "journey_script.py"), {
        "TF_JOURNEY_FOLDER": str(folder), "TF_JOURNEY_SHOTS": shots, "TF_JOURNEY_REPORT": str(report),
        "TF_JOURNEY_LANGUAGE": language}, True, language)
    assert report.exists(), done.stdout.decode(errors="replace")[-3000:]
    result = json.loads(report.read_text())
    # 8. the partner: a second QGIS, the plugin not enabled, opens the file the advisor made
    partner_report = folder / "partner.json"
    workspace = str(folder / "territory.gpkg")
    partner_shot = os.path.join(shots, "8_partner_{}.png".format(language))
    done = _qgis(folder / "partner", os.path.join(HERE, "partner_script.py"), {
        "TF_JOURNEY_REPORT": str(partner_report), "TF_JOURNEY_SHOT": partner_shot,
        "TF_JOURNEY_PROJECT": "geopackage:{}?projectName=territory".format(workspace)}, False, language)
    assert partner_report.exists(), done.stdout.decode(errors="replace")[-3000:]
    result["partner"] = json.loads(partner_report.read_text())
    result["shots"] = shots
    return result


def test_the_journey_runs_without_error(journey):
    assert "error" not in journey, journey.get("error")
    assert "dialog_errors" not in journey, journey.get("dialog_errors")
    assert "exceptions" not in journey, journey.get("exceptions")
    assert journey.get("message_boxes") is None, journey.get("message_boxes")  # nothing went wrong


def test_1_create_demo_frames_the_territory(journey):
    step = journey["steps"]["create_demo"]
    assert 10000 <= step["scale"] <= 500000, step["scale"]
    assert step["coloured"] > 0.05  # the canvas is drawn, not white
    assert step["layers"] >= 14


def test_2_company_dock_opens_at_the_first_click(journey):
    step = journey["steps"]["company_dock"]
    assert step["visible"]
    assert step["hidden_by_second_click"] and step["shown_by_third_click"]  # then it toggles


def test_3_locator_finds_a_company_from_three_letters(journey):
    step = journey["steps"]["locator"]
    letters = step["typed"][3:]
    assert any(text.startswith(letters) for text in step["found"]), step


def test_4_an_offer_is_added_by_typing(journey):
    step = journey["steps"]["add_offer"]
    assert step["after"] == step["before"] + 1
    assert step["stored"] == ["MA 06 01", 120.0, "t/yr"]  # stored canonical whatever the language
    expected_unit = "t/an" if journey["language"] == "fr" else "t/yr"
    assert step["unit"] == expected_unit
    assert any("MA 06 01" in cell for cell in step["cells"])
    assert "120 {}".format(expected_unit) in step["cells"]


def test_5_analyse_value_chains(journey):
    step = journey["steps"]["analyse"]
    assert step["missing_links"] > 0 and step["possible_links"] > 0


def test_6_synergy_dock_opens_at_the_first_click_with_its_synergies(journey):
    step = journey["steps"]["synergy_dock"]
    assert step["visible"] and step["rows"] >= 15


def test_6_possible_link_is_highlighted(journey):
    step = journey["steps"]["possible_links"]
    assert step["visible"] and step["link"]
    assert step["highlighted"] and step["ends_in_view"]


def test_7_print_writes_a_pdf(journey):
    step = journey["steps"]["print"]
    assert step["pdf"] and step["bytes"] > 10000


def test_9_sharing_and_flow_import_dialogs_open(journey):
    dialogs = journey["steps"]["dialogs"]
    assert set(dialogs) == {"9_share_dialog", "9_import_flows"}
    assert all(d["title"] for d in dialogs.values())


def test_8_partner_qgis_opens_the_stored_project_framed(journey):
    partner = journey["partner"]
    assert "error" not in partner, partner.get("error")
    assert not partner["plugin_loaded"]
    assert partner["valid"] and partner["layers"] >= 14
    assert 10000 <= partner["scale"] <= 500000, partner
    assert partner["companies_inside"]
    assert partner["coloured"] > 0.05


def test_menus_and_docks_speak_the_language(journey):
    menu = journey["steps"]["create_demo"]["menu"]
    dock = journey["steps"]["company_dock"]["title"]
    if journey["language"] == "fr":
        assert "Créer le territoire de démonstration" in menu or any("démonstration" in m for m in menu), menu
        assert dock != "Company"
        assert "Entreprise" in dock or "entreprise" in dock, dock
    else:
        assert "Create demo territory" in menu
        assert "Company" in dock


def test_every_step_left_a_screenshot(journey):
    names = sorted(os.listdir(journey["shots"]))
    for prefix in ("1_", "2_", "3_", "4_offer_dialog", "4_offer_added", "5_", "6_synergy_dock", "6_possible",
                   "7_", "8_"):
        assert any(n.startswith(prefix) and n.endswith("_{}.png".format(journey["language"])) for n in names), prefix
