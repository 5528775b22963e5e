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
# A review mid-sample: this week's 50 escalated conversations, 17 of them tagged by two reviewers.
"$app" sample --db "$work/demo.ewb" --period 2026-W43 --seed 7 >/dev/null
mapfile -t ids < <(sqlite3 "$work/demo.ewb" "SELECT c.conversation_id FROM sample_items i
  JOIN conversations c ON c.id = i.conversation_ref WHERE i.sample_id = 1 ORDER BY i.position LIMIT 17")
verdicts=(false_escalation correct_escalation correct_escalation false_escalation correct_escalation)
reasons=(tracking_data_available policy_exception_needed angry_customer kb_article_existed legal_or_regulatory)
for i in $(seq 0 16); do
  reviewer=$([ $((i % 3)) -eq 2 ] && echo "Lee" || echo "Dana")
  "$app" tag --db "$work/demo.ewb" --conversation "${ids[$i]}" --verdict "${verdicts[$((i % 5))]}" \
    --reason "${reasons[$((i % 5))]}" --reviewer "$reviewer" >/dev/null
done
shoot() { # page, output
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    "$0" --db "$1" --page "$2" -geometry 1600x1000+0+0 &
    pid=$!
    sleep 6
    import -window root "$3"
    kill $pid' "$app" "$work/demo.ewb" "$1" "$2"
}
shoot review resources/screenshots/review-page.png
shoot data resources/screenshots/data-page.png
# The import dialog, as its GUI test leaves it (a messy CSV mapped through a value map).
cmake --build --preset default --target tst_importdialog >/dev/null
QT_QPA_PLATFORM=offscreen WORKBENCH_SCREENSHOT_DIR="$work" "$root/build/default/tests/tst_importdialog" >/dev/null
cp "$work/import-dialog.png" resources/screenshots/import-dialog.png
echo "Wrote resources/screenshots/review-page.png, data-page.png and import-dialog.png"
