"""make package: the zip that QGIS's "Install from ZIP" accepts.

The plugin folder goes in as it is, with metadata.txt (a link to the repository's one source)
stored as a file, LICENSE added, and no caches.
Usage: python scripts/package.py DIST_FOLDER
"""

import configparser
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN = "territorial_flux_plugin"


def main(dist):
    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    version = metadata.get("general", "version")
    leaflet = os.path.join(ROOT, PLUGIN, "resources", "webmap", "vendor", "leaflet", "leaflet.js")
    if not os.path.isfile(leaflet):
        sys.exit("package: the web map's library is missing ({}): run make setup first".format(leaflet))
    os.makedirs(dist, exist_ok=True)
    target = os.path.join(dist, "{}-{}.zip".format(PLUGIN, version))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for folder, subfolders, files in os.walk(os.path.join(ROOT, PLUGIN), followlinks=False):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")) or name.endswith(".ts"):
                    continue
                path = os.path.join(folder, name)
                archive.write(os.path.realpath(path), os.path.relpath(path, ROOT))
        archive.write(os.path.join(ROOT, "LICENSE"), os.path.join(PLUGIN, "LICENSE"))
    print(target)
    return target


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dist")
