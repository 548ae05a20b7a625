"""No deprecated QGIS or Qt call from the plugin's own modules (QGIS 3.44 deprecates
saveStyleToDatabase, for instance): the plugin's main jobs, run with every warning recorded.

pyproject.toml also turns such a warning into an error in every test."""

import os
import warnings

import territorial_flux_plugin

PLUGIN = os.path.dirname(os.path.abspath(territorial_flux_plugin.__file__))


def test_the_main_jobs_raise_no_deprecation_warning_from_the_plugin(run, tmp_path):
    from territorial_flux_plugin.printing.export import print_map
    from territorial_flux_plugin.printing.settings import PrintSettings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        demo = run("createdemo", {"OUTPUT": str(tmp_path / "demo.gpkg")})["OUTPUT"]
        run("possiblelinks", {"WORKSPACE": demo})
        run("missinglinks", {"WORKSPACE": demo})
        print_map(demo, PrintSettings("missinglinks", str(tmp_path / "map.pdf"), level="partners"))
        run("copyworkspace", {"INPUT": demo, "OUTPUT": str(tmp_path / "copy.gpkg")})
    ours = ["{}:{}: {}".format(w.filename, w.lineno, w.message) for w in caught
            if issubclass(w.category, DeprecationWarning) and os.path.abspath(w.filename).startswith(PLUGIN)]
    assert ours == []
