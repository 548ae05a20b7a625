"""The plugin's preferences: one dataclass of defaults over QGIS's settings (group
``territorial_flux``), read and written whole, so that no dialog handles raw keys.

``load()`` gives the current preferences; ``save(preferences)`` writes them; ``remember(**values)``
changes some. A value of the wrong type in the settings falls back to its default.
"""

import os
from dataclasses import asdict, dataclass, field, fields

GROUP = "territorial_flux/"


def _home():
    return os.path.expanduser("~")


@dataclass
class Preferences:
    #: the folder of the last file opened or saved
    last_folder: str = field(default_factory=_home)
    #: the team workspaces' server last chosen (a saved connection, or ``service:NAME``)
    team_server: str = ""
    #: the print dialog's last choices
    print_theme: str = "synergies"
    print_paper: str = "A4"
    print_orientation: str = "landscape"
    print_level: str = "internal"
    print_open_file: bool = True
    print_background: str = "areas"
    #: the URL templates of the web backgrounds (empty: the shipped ones, see printing/backgrounds.py)
    background_osm_url: str = ""
    background_planign_url: str = ""


# Where each preference lived before the dataclass (kept, so that choices survive an update).
_KEYS = {"print_theme": "print/theme", "print_paper": "print/paper", "print_orientation": "print/orientation",
         "print_level": "print/level", "print_open_file": "print/open"}


def _key(name):
    return GROUP + _KEYS.get(name, name)


def load():
    """The current preferences (defaults for what was never set)."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    values = {}
    for item in fields(Preferences):
        if not settings.contains(_key(item.name)):
            continue
        kind = bool if item.type in (bool, "bool") else str
        try:
            values[item.name] = settings.value(_key(item.name), type=kind)
        except TypeError:
            continue
    return Preferences(**values)


def save(preferences):
    from qgis.core import QgsSettings

    settings = QgsSettings()
    for name, value in asdict(preferences).items():
        settings.setValue(_key(name), value)


def remember(**values):
    """Change the preferences named in ``values``; returns the preferences."""
    preferences = load()
    for name, value in values.items():
        setattr(preferences, name, value)
    save(preferences)
    return preferences
