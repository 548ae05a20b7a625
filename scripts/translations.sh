#!/usr/bin/env bash
# Refresh the translation sources (.ts) from the code and compile them (.qm).
set -euo pipefail
cd "$(dirname "$0")/.."
I18N=territorial_flux_plugin/resources/i18n
mapfile -t SOURCES < <(git ls-files 'territorial_flux_plugin/*.py' 2>/dev/null || find territorial_flux_plugin -name '*.py')
for lang in fr; do
  pylupdate5 -noobsolete "${SOURCES[@]}" -ts "$I18N/territorial_flux_$lang.ts"
  lrelease -silent "$I18N/territorial_flux_$lang.ts" -qm "$I18N/territorial_flux_$lang.qm"
done
