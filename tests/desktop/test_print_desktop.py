"""The menu's *Print territory map…* in the real QGIS desktop (Xvfb): the dialog's choices run
territorialflux:printmap, the message bar announces the file, and the layout opens and reprints
in QGIS's layout designer."""

import json
import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "print_desktop_script.py")


@pytest.fixture(scope="module")
def print_report(demo_workspace, tmp_path_factory):
    for program in ("qgis", "xvfb-run"):
        assert shutil.which(program), "{} is required (Debian packages qgis and xvfb)".format(program)
    folder = tmp_path_factory.mktemp("desktop_print")
    profile = folder / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nterritorial_flux_plugin=true\n")
    workspace = folder / "territory.gpkg"
    shutil.copy(demo_workspace, workspace)
    # The stored project names the file the demo was built as (relative path): the desktop would ask
    # for the missing layers in a modal dialog. Store it again pointing at this copy.
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
               TF_DESKTOP_WORKSPACE=str(workspace), TF_DESKTOP_OUTPUT=str(folder / "printed.pdf"))
    env.pop("QT_QPA_PLATFORM", None)
    completed = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", "qgis", "--profiles-path", str(folder),
         "--nologo", "--noversioncheck", "--code", str(starter)],
        env=env, timeout=300, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert report.exists(), completed.stdout.decode(errors="replace")[-3000:]
    return json.loads(report.read_text()), folder


def test_print_from_the_menu_in_the_desktop(print_report):
    report, folder = print_report
    assert "error" not in report, report.get("error")
    assert report["action"] == "Print territory map…"
    assert report["written"] and report["opened"] == [str(folder / "printed.pdf")]
    assert report["message"].startswith("Map printed:")
    assert report["layouts"] == ["Territory map — Synergies — Partners"]
    assert report["designer"] and report["reprinted"]
    assert (folder / "from_designer.pdf").exists()
    for subset in report["subsets"]:
        assert subset.startswith("CREATE VIEW ")
        assert "contact_" not in subset
    assert any("'partners', 'public'" in subset for subset in report["subsets"])
