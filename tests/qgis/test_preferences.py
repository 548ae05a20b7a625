"""The plugin's preferences: one dataclass over QGIS's settings."""

from territorial_flux_plugin.toolbelt import preferences


def test_preferences_round_trip_and_keep_their_defaults(qgis_app):
    from qgis.core import QgsSettings

    before = preferences.load()
    try:
        preferences.remember(print_paper="A3", print_open_file=False, last_folder="/tmp")
        again = preferences.load()
        assert (again.print_paper, again.print_open_file, again.last_folder) == ("A3", False, "/tmp")
        assert again.print_theme == before.print_theme  # untouched
        # the print dialog's choices keep the keys they had
        assert QgsSettings().value("territorial_flux/print/paper") == "A3"
    finally:
        preferences.save(before)
    assert preferences.load() == before
