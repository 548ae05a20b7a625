"""Plugin name and version, read from metadata.txt (the one source of both)."""

import configparser
import os

PLUGIN_FOLDER = os.path.dirname(os.path.abspath(__file__))
_metadata = configparser.ConfigParser(interpolation=None)
_metadata.read(os.path.join(PLUGIN_FOLDER, "metadata.txt"), encoding="utf-8")

__title__ = _metadata.get("general", "name")
__version__ = _metadata.get("general", "version")
__homepage__ = _metadata.get("general", "homepage")
PLUGIN_SLUG = os.path.basename(PLUGIN_FOLDER)
PROVIDER_ID = "territorialflux"
