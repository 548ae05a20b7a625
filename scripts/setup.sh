#!/usr/bin/env bash
# Install what the tests, the demo and the screenshots need on Debian 12, 13 or sid (Ubuntu 24.04
# is expected to work the same way): the distribution's QGIS (its Python bindings belong to
# /usr/bin/python3), its PostgreSQL with PostGIS 3, and a virtual environment that sees them.
# Idempotent: installs only what is missing.
#   VENV=/opt/tf-venv scripts/setup.sh    the virtual environment elsewhere (default: .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
updated=""
apt_update() {
  if [ -z "$updated" ]; then
    $SUDO apt-get update -q
    updated=1
  fi
}

# The distribution's PostgreSQL major version (15 on Debian 12, 17 on Debian 13, 18 on sid): the
# server the `postgresql` package depends on, and PostGIS 3 built for it.
pg_major() {
  apt-cache show postgresql 2>/dev/null | sed -n 's/^Depends:.*postgresql-\([0-9][0-9]*\).*/\1/p' | head -n 1
}
major=$(pg_major)
if [ -z "$major" ]; then
  apt_update
  major=$(pg_major)
fi
[ -n "$major" ] || { echo "setup: cannot tell which PostgreSQL this distribution ships (apt-cache show postgresql)" >&2; exit 1; }

PACKAGES=(python3-qgis qgis-providers qgis xvfb xauth imagemagick poppler-utils gdal-bin
          pyqt5-dev-tools qttools5-dev-tools python3-venv make git python3-matplotlib
          "postgresql-$major-postgis-3" "postgresql-$major" python3-psycopg2
          chromium chromium-driver python3-selenium python3-pil)
missing=()
# npm fetches the web map's library (Leaflet); NodeSource's nodejs brings its own npm.
command -v npm >/dev/null || missing+=(npm)
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  apt_update
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The venv must see the distribution's QGIS bindings and numpy: --system-site-packages, /usr/bin/python3.
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import qgis.core" 2>/dev/null; then
  rm -rf "$VENV"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
if ! cmp -s requirements-dev.txt "$VENV/.requirements" 2>/dev/null; then
  "$VENV/bin/pip" install -q --disable-pip-version-check -r requirements-dev.txt
  cp requirements-dev.txt "$VENV/.requirements"
fi

# The web map's library, from npm, checked against its pinned sha512 (git-ignored vendor folder).
bash scripts/fetch_leaflet.sh
