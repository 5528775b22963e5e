#!/usr/bin/env bash
# Regenerates the README screenshots (resources/screenshots/*.png): the real app, on a fresh demo workspace
# with a fixed end month, in a 1600x1000 X server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash packaging/install-deps.sh --screenshots
cmake --preset default >/dev/null
cmake --build --preset default

app="$root/build/default/app/escalation-workbench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
"$app" demo --db "$work/demo.ewb" --end 2026-10 --seed 1 >/dev/null
mkdir -p resources/screenshots
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  "$0" --db "$1" -geometry 1600x1000+0+0 &
  pid=$!
  sleep 6
  import -window root "$2"
  kill $pid' "$app" "$work/demo.ewb" "resources/screenshots/data-page.png"
# The import dialog, as its GUI test leaves it (a messy CSV mapped through a value map).
cmake --build --preset default --target tst_importdialog >/dev/null
QT_QPA_PLATFORM=offscreen WORKBENCH_SCREENSHOT_DIR="$work" "$root/build/default/tests/tst_importdialog" >/dev/null
cp "$work/import-dialog.png" resources/screenshots/import-dialog.png
echo "Wrote resources/screenshots/data-page.png and import-dialog.png"
