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
# A month under review for the lead's pages: random samples of escalated and kept conversations in four weeks,
# all tagged (false where the customer never asked for a person and CSAT was high; missed where a kept one was
# rated 1 or 2), 40 of them by a second reviewer too, and two targets for the quarter.
cp "$work/demo.ewb" "$work/month.ewb"
for week in 2026-W40 2026-W41 2026-W42 2026-W44; do
  for population in escalated contained; do
    "$app" sample --db "$work/month.ewb" --period "$week" --population "$population" --seed 5 >/dev/null
  done
done
sqlite3 -csv "$work/month.ewb" "SELECT 'conversation_id', 'reviewer', 'verdict', 'reason', 'note', 'tagged_at'
  UNION ALL SELECT * FROM (SELECT c.conversation_id, 'Dana',
    CASE WHEN c.escalated = 1 AND (c.signals & 1) = 0 AND ifnull(c.csat, 3) >= 4 THEN 'false_escalation'
         WHEN c.escalated = 1 THEN 'correct_escalation'
         WHEN ifnull(c.csat, 5) <= 2 THEN 'missed_escalation' ELSE 'correct_resolution' END,
    '', '', '' FROM sample_items i JOIN conversations c ON c.id = i.conversation_ref
    WHERE i.sample_id > 1 AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.conversation_ref = c.id)
    ORDER BY i.sample_id, i.position)" > "$work/dana.csv"
{ head -1 "$work/dana.csv"; sed -n '2,41p' "$work/dana.csv" | awk -F, 'BEGIN { OFS = "," }
    { $2 = "Lee" } NR % 8 == 0 { $3 = ($3 == "false_escalation") ? "correct_escalation" : $3 } { print }'; } \
  > "$work/lee.csv"
"$app" tags import --db "$work/month.ewb" "$work/lee.csv" >/dev/null
"$app" tags import --db "$work/month.ewb" "$work/dana.csv" >/dev/null
"$app" settings set --db "$work/month.ewb" target.false_escalation_rate 0.10 >/dev/null
"$app" settings set --db "$work/month.ewb" target.escalation_rate 0.22 >/dev/null

shoot() { # workspace, page, output
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    "$0" --db "$1" --page "$2" -geometry 1600x1000+0+0 &
    pid=$!
    sleep 7
    import -window root "$3"
    kill $pid' "$app" "$1" "$2" "$3"
}
shoot "$work/demo.ewb" review resources/screenshots/review-page.png
for page in dashboard monthly cost data; do
  shoot "$work/month.ewb" "$page" "resources/screenshots/$page-page.png"
done
# The import dialog, as its GUI test leaves it (a messy CSV mapped through a value map).
cmake --build --preset default --target tst_importdialog >/dev/null
QT_QPA_PLATFORM=offscreen WORKBENCH_SCREENSHOT_DIR="$work" "$root/build/default/tests/tst_importdialog" >/dev/null
cp "$work/import-dialog.png" resources/screenshots/import-dialog.png
echo "Wrote resources/screenshots/{review,dashboard,monthly,cost,data}-page.png and import-dialog.png"
