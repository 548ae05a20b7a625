#!/usr/bin/env bash
# Install what the tests, the demo and the screenshots need on Debian 12+ / Ubuntu 24.04+:
# Debian's QGIS (its Python bindings belong to /usr/bin/python3) and a virtual environment
# that sees them. Idempotent: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(python3-qgis qgis-providers qgis xvfb imagemagick poppler-utils gdal-bin
          pyqt5-dev-tools qttools5-dev-tools python3-venv make git
          postgresql-15-postgis-3 python3-psycopg2)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The venv must see Debian's QGIS bindings and numpy: --system-site-packages, /usr/bin/python3.
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import qgis.core" 2>/dev/null; then
  rm -rf .venv
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
if ! cmp -s requirements-dev.txt .venv/.requirements 2>/dev/null; then
  .venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
  cp requirements-dev.txt .venv/.requirements
fi
