#!/usr/bin/env bash
# Fetch Leaflet, the web map's library, from npm into the git-ignored
# territorial_flux_plugin/resources/webmap/vendor/leaflet, after checking the package against the
# sha512 pinned in territorial_flux_plugin/resources/webmap/leaflet.pin ("name@version sha512-…").
# Idempotent: nothing is fetched when the pinned version is already there.
#   LEAFLET_PIN=FILE LEAFLET_TARGET=FOLDER scripts/fetch_leaflet.sh    another pin or target (tests)
set -euo pipefail
cd "$(dirname "$0")/.."
PIN="${LEAFLET_PIN:-territorial_flux_plugin/resources/webmap/leaflet.pin}"
TARGET="${LEAFLET_TARGET:-territorial_flux_plugin/resources/webmap/vendor/leaflet}"
read -r SPEC INTEGRITY < "$PIN"
if [ -f "$TARGET/.integrity" ] && [ "$(cat "$TARGET/.integrity")" = "$INTEGRITY" ] && [ -f "$TARGET/leaflet.js" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "fetch_leaflet: npm is missing (make setup installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$SPEC" >/dev/null)
tarball=$(ls "$work"/*.tgz)
actual="sha512-$(python3 -c 'import base64, hashlib, sys; print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$tarball")"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "fetch_leaflet: $SPEC from npm is $actual, not the pinned $INTEGRITY: refused, nothing installed" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"
rm -rf "$TARGET.new"
mkdir -p "$TARGET.new"
cp "$work/package/dist/leaflet.js" "$work/package/dist/leaflet.css" "$work/package/LICENSE" "$TARGET.new/"
cp -r "$work/package/dist/images" "$TARGET.new/"
echo "$INTEGRITY" > "$TARGET.new/.integrity"
rm -rf "$TARGET"
mv "$TARGET.new" "$TARGET"
echo "Leaflet ($SPEC) installed in $TARGET"
