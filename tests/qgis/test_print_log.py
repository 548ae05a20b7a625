"""A print writes nothing to the log but what it did: no GDAL error, no QGIS warning from the
plugin's layers, on every QGIS release (QGIS 3.40 printed a GDAL SQL error for each print layer
whose source was an SQL subset). The print runs in a process of its own, whose output is read."""

import os
import subprocess
import sys
import textwrap

import territorial_flux_plugin

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(territorial_flux_plugin.__file__)))

SCRIPT = textwrap.dedent('''
    import os, sys
    sys.path.insert(0, {root!r})
    from qgis.core import QgsApplication, QgsMessageLog, Qgis
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing
    Processing.initialize()
    sys.stderr.write("ready\\n"); sys.stderr.flush()  # before: Processing's own providers, not the print
    messages = []
    QgsApplication.messageLog().messageReceived.connect(
        lambda text, tag, level: messages.append((tag, int(level), text)))
    import territorial_flux_plugin
    plugin = territorial_flux_plugin.classFactory(None)
    plugin.initProcessing()
    import processing
    for theme, atlas in (("missinglinks", "commune"), ("missinglinks", "none"), ("missinglinks", "family"),
                         ("synergies", "none"), ("metabolism", "zone")):
        result = processing.run("territorialflux:printmap", {{
            "WORKSPACE": {workspace!r}, "THEME": theme, "ATLAS": atlas, "MAX_CONFIDENTIALITY": "partners",
            "OUTPUT": os.path.join({folder!r}, theme + ".pdf")}})
        print("printed", theme, result["PAGES"], flush=True)
    for tag, level, text in messages:
        if level >= int(Qgis.Warning) and tag not in ("Python warning",):
            print("LOG", tag, level, text, flush=True)
    plugin.unload()
''')


def test_printing_logs_no_error(demo_workspace, tmp_path):
    import shutil

    workspace = str(tmp_path / "demo.gpkg")
    shutil.copy(demo_workspace, workspace)
    script = tmp_path / "print.py"
    script.write_text(SCRIPT.format(root=ROOT, workspace=workspace, folder=str(tmp_path)))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"))
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr.split("ready\n")[-1]
    assert done.returncode == 0, output[-3000:]
    assert output.count("printed ") == 5, output[-3000:]
    noise = [line for line in output.splitlines()
             if "ERROR" in line or line.startswith("LOG ") or "Warning" in line or "deprecated" in line.lower()]
    assert noise == []
