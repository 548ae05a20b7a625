#!/usr/bin/env bash
# QGIS's own PyQt5-to-PyQt6 migration checker (scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py of QGIS's
# Debian source package) over a copy of the plugin: it must change nothing and print nothing.
# Run it in a Debian chroot as root (CI: ../shared/tools/qgis-chroot trixie -- bash scripts/qt6_check.sh);
# the source package, PyQt6 and tokenize-rt are installed on first use (in /opt, kept).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
SOURCES=/opt/territorial-flux/qgis-source
TOOLS=/opt/territorial-flux/qt6-check-venv

if ! ls -d "$SOURCES"/qgis-*/scripts/pyqt5_to_pyqt6 >/dev/null 2>&1; then
  grep -qs "^deb-src" /etc/apt/sources.list || sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >> /etc/apt/sources.list
  apt-get update -q
  apt-get install -y -q --no-install-recommends dpkg-dev python3-venv python3-pyqt6 python3-pyqt6.qsci \
    python3-pyqt6.qtquick python3-pyqt6.qtsvg >/dev/null
  mkdir -p "$SOURCES"
  (cd "$SOURCES" && apt-get source -q qgis >/dev/null)
fi
checker=$(ls "$SOURCES"/qgis-*/scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py | head -n 1)
if [ ! -x "$TOOLS/bin/python" ]; then
  python3 -m venv --system-site-packages "$TOOLS"
  "$TOOLS/bin/pip" install -q --disable-pip-version-check tokenize-rt
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -rL territorial_flux_plugin "$work/plugin"
find "$work/plugin" -name __pycache__ -prune -exec rm -rf {} +
cp -r "$work/plugin" "$work/before"
echo "checker: $checker"
status=0
report=$(cd "$work" && QT_QPA_PLATFORM=offscreen "$TOOLS/bin/python" "$checker" plugin 2>&1) || status=$?
changed=$(diff -r "$work/before" "$work/plugin" || true)
[ -n "$report" ] && printf '%s\n' "$report"
[ -n "$changed" ] && printf 'The checker would change the plugin:\n%s\n' "$changed"
if [ "$status" -ne 0 ] || [ -n "$report" ] || [ -n "$changed" ]; then
  echo "PyQt5-to-PyQt6 check: exit $status, see above" >&2
  exit 1
fi
echo "PyQt5-to-PyQt6 check: clean (exit 0, no warning, no change)"
