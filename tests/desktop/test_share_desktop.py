"""The menu's *Share with partners…* in the real QGIS desktop (Xvfb): the dialog's choices run the
web map and GeoPackage exports, the message bar announces them, and the partners' GeoPackage opens
styled as a project in the desktop."""

import json
import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "share_desktop_script.py")


@pytest.fixture(scope="module")
def share_report(demo_workspace, tmp_path_factory):
    for program in ("qgis", "xvfb-run"):
        assert shutil.which(program), "{} is required (Debian packages qgis and xvfb)".format(program)
    folder = tmp_path_factory.mktemp("desktop_share")
    profile = folder / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nterritorial_flux_plugin=true\n")
    workspace = folder / "territory.gpkg"
    shutil.copy(demo_workspace, workspace)
    # The stored project names the file the demo was built as: store it again pointing at this copy
    # (else the desktop asks for the missing layers in a modal dialog).
    from qgis.core import QgsProject

    from territorial_flux_plugin.project.build import open_workspace

    project = QgsProject()
    opened, _backup = open_workspace(str(workspace), project)
    assert project.write(opened.project_uri)
    project.clear()
    report = folder / "report.json"
    starter = folder / "start.py"
    starter.write_text("exec(compile(open({0!r}).read(), {0!r}, 'exec'))\n".format(SCRIPT))
    env = dict(os.environ, QGIS_PLUGINPATH=ROOT, TF_DESKTOP_REPORT=str(report),
               TF_DESKTOP_WORKSPACE=str(workspace), TF_DESKTOP_FOLDER=str(folder))
    env.pop("QT_QPA_PLATFORM", None)
    completed = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", "qgis", "--profiles-path", str(folder),
         "--nologo", "--noversioncheck", "--code", str(starter)],
        env=env, timeout=300, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert report.exists(), completed.stdout.decode(errors="replace")[-3000:]
    return json.loads(report.read_text()), folder


def test_share_from_the_menu_in_the_desktop(share_report):
    report, folder = share_report
    assert "error" not in report, report.get("error")
    assert report["action"] == "Share with partners…"
    assert all(p.startswith("What would leave: ") for p in report["previews"]) and len(report["previews"]) == 2
    assert report["web_index"] and report["web_message"].startswith(
        "Web map written: " + str(folder / "carte" / "index.html"))
    assert report["gpkg_message"].startswith("Export for partners written: " + str(folder / "partenaires.gpkg"))
    assert report["read"] is True
    assert set(report["layers"]) == {"companies", "flows", "synergies", "synergy_participants", "readme"}
    assert all(layer["valid"] for layer in report["layers"].values())
    assert report["layers"]["companies"]["renderer"] == "categorizedSymbol"
    assert report["layers"]["synergies"]["features"] > 0
    assert report["form_opened"] and report["form_tabs"][0] == "Company"
