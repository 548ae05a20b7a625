"""Plugin load, double reload, workspace opening and unload in the real QGIS desktop (Xvfb).

pytest-qgis's iface is a stub that answers any call; this test runs the real application.
"""

import html
import json
import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "desktop_script.py")


@pytest.fixture(scope="module")
def desktop_report(demo_workspace, tmp_path_factory):
    for program in ("qgis", "xvfb-run"):
        assert shutil.which(program), "{} is required (Debian packages qgis and xvfb)".format(program)
    folder = tmp_path_factory.mktemp("desktop")
    profile = folder / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nterritorial_flux_plugin=true\n")
    report = folder / "report.json"
    starter = folder / "start.py"
    starter.write_text("exec(compile(open({0!r}).read(), {0!r}, 'exec'))\n".format(SCRIPT))
    env = dict(os.environ, QGIS_PLUGINPATH=ROOT, TF_DESKTOP_REPORT=str(report),
               TF_DESKTOP_WORKSPACE=demo_workspace)
    env.pop("QT_QPA_PLATFORM", None)
    completed = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", "qgis", "--profiles-path", str(folder),
         "--nologo", "--noversioncheck", "--code", str(starter)],
        env=env, timeout=300, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert report.exists(), completed.stdout.decode(errors="replace")[-3000:]
    return json.loads(report.read_text())


def test_no_error_in_the_desktop(desktop_report):
    assert "error" not in desktop_report, desktop_report.get("error")


def test_load_and_double_reload_leave_one_of_everything(desktop_report):
    steps = {s["label"]: s for s in desktop_report["steps"]}
    started = steps["started"]
    assert started["loaded"] and started["provider"]
    assert started["menus"] == ["TerritorialFluxMenu"]
    assert started["toolbars"] == ["TerritorialFluxToolbar"]
    assert {"TerritorialFlux_new_workspace", "TerritorialFlux_territory_report",
            "TerritorialFlux_dashboard"} <= set(started["actions"])
    opened = steps["docks open"]
    assert opened["docks"] == ["TerritorialFluxCompanyDock", "TerritorialFluxSynergyDock"]
    assert steps["reloaded with docks"]["docks"] == []  # docks are created on first use only
    for label in ("reloaded once", "reloaded twice", "reloaded with docks"):
        step = steps[label]
        assert step["menus"] == started["menus"], label
        assert step["toolbars"] == started["toolbars"], label
        assert step["actions"] == started["actions"], label
        assert step["docks"] == started["docks"], label
        assert step["provider"], label


def test_unload_leaves_nothing_behind(desktop_report):
    unloaded = [s for s in desktop_report["steps"] if s["label"] == "unloaded"][0]
    assert unloaded == {"label": "unloaded", "menus": [], "toolbars": [], "actions": [], "docks": [],
                        "provider": False, "loaded": False}


def test_workspace_opens_in_the_desktop(desktop_report):
    assert desktop_report["valid_layers"]
    assert desktop_report["companies"] >= 150
    assert {"flows_company", "participants_synergy", "events_synergy"} <= set(desktop_report["relations"])
    assert len(desktop_report["workspace_layers"]) >= 10
    assert desktop_report["synergy_rows"] >= 15
    assert desktop_report["dashboard_companies"] == desktop_report["active_companies"] > 100
    assert {"Territory report…", "Dashboard"} <= set(desktop_report["menu_titles"])
    assert html.escape(desktop_report["company_name"]) in desktop_report["card"]
