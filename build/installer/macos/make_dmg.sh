#!/usr/bin/env bash
# Package "Engage Desktop.app" (built by build/engage_desktop.spec on macOS) into a .dmg.
# Run on macOS from the repository root, after the PyInstaller build:
#   bash build/installer/macos/make_dmg.sh 0.1.0
# Unsigned: signing and notarisation need the publisher's Apple Developer ID (codesign/notarytool),
# which CI does not have; Gatekeeper will ask the owner to confirm the first start.
set -euo pipefail
version="${1:?version}"
app="build/dist/Engage Desktop.app"
out="build/dist/EngageDesktop-${version}.dmg"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
test -d "$app" || { echo "no $app: build it first" >&2; exit 1; }
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$out"
hdiutil create -volname "Engage Desktop" -srcfolder "$stage" -ov -format UDZO "$out"
echo "wrote $out"
