#!/bin/bash
# Team mode from the command line on a real server (the cluster of cluster.sh): a workspace file copied to
# PostgreSQL gives the same `metrics --json` to the byte, reviewers sign in as themselves and the server refuses
# a tag under another name, an adjudication by a reviewer and an import by a reviewer, the audit records every
# tag with its role, and the copy back to a file is complete.
set -uo pipefail
app=$1 dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() { # check NAME COMMAND...: the command must succeed
  if "${@:2}" >"$work/last.out" 2>&1; then echo "PASS   : $1"; else echo "FAIL!  : $1: $(cat "$work/last.out")"; failures=$((failures + 1)); fi
}
refused() { # refused NAME PATTERN COMMAND...: the command must exit 1 with PATTERN in its message
  local out; out=$("${@:3}" 2>&1); local rc=$?
  if [ $rc = 1 ] && grep -q -- "$2" <<<"$out"; then echo "PASS   : $1"; else
    echo "FAIL!  : $1 (exit $rc): $out"; failures=$((failures + 1)); fi
}
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse -c "SET client_min_messages = warning" -h "$dir" -U ewb_admin "$@"; }

db=team_$$
psql_admin -d postgres -c "CREATE DATABASE $db"
admin="postgresql://ewb_admin@/$db?host=$dir"
for person in alice bob; do
  psql_admin -d postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$person') THEN CREATE ROLE $person LOGIN; END IF; END \$\$"
done
psql_admin -d postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'carol') THEN CREATE ROLE carol LOGIN; END IF; END \$\$"

check "demo workspace file" "$app" demo --db "$work/demo.ewb" --months 3
period=$(date -u -d "$(date -u +%Y-%m-15) -1 month" +%Y-%m)
check "sample on the file" "$app" sample --db "$work/demo.ewb" --period "$period" --population escalated --size 30 --seed 11 --json
check "workspace init" "$app" workspace init "$admin"
psql_admin -d postgres -c "GRANT ewb_reviewer TO alice, bob" -c "GRANT ewb_lead TO carol"
check "workspace copy file -> server" "$app" workspace copy "$work/demo.ewb" "$admin"

ids=$("$app" sample --db "$work/demo.ewb" --period "$period" --population escalated --size 30 --seed 11 --json |
  python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)["conversation_ids"][:6]))')
alice="postgresql://alice@/$db?host=$dir"
bob="postgresql://bob@/$db?host=$dir"
carol="postgresql://carol@/$db?host=$dir"
n=0
for id in $ids; do
  n=$((n + 1))
  verdict=$([ $((n % 3)) = 0 ] && echo false_escalation || echo correct_escalation)
  check "alice tags $id on the server" "$app" tag --db "$alice" --conversation "$id" --verdict "$verdict" --reviewer alice --at 2026-11-02T10:00:0${n}Z
  check "the same tag on the file" "$app" tag --db "$work/demo.ewb" --conversation "$id" --verdict "$verdict" --reviewer alice --at 2026-11-02T10:00:0${n}Z
done
first=${ids%% *}
check "bob tags a second review" "$app" tag --db "$bob" --conversation "$first" --verdict false_escalation --reviewer bob --at 2026-11-02T11:00:00Z
check "the same on the file" "$app" tag --db "$work/demo.ewb" --conversation "$first" --verdict false_escalation --reviewer bob --at 2026-11-02T11:00:00Z
refused "bob cannot tag as alice" "row-level security" "$app" tag --db "$bob" --conversation "$first" --verdict correct_escalation --reviewer alice
refused "a reviewer cannot adjudicate" "row-level security" "$app" tag --db "$bob" --conversation "$first" --verdict correct_escalation --reviewer bob --role adjudication
refused "a reviewer cannot change settings" "refused" "$app" settings set agent_cost 9 --db "$bob"
"$app" metrics --db "$alice" --period "$period" --json >"$work/before.json"
check "the disagreement waits for a lead" python3 -c "
import json, sys
m = json.load(open(sys.argv[1]))
assert m['disagreement_rate'] == 1 and m['adjudication_pending'] == 1, m['disagreement_rate']
assert m['adjudication_queue'] == [sys.argv[2]], m['adjudication_queue']" "$work/before.json" "$first"
check "carol (lead) adjudicates" "$app" tag --db "$carol" --conversation "$first" --verdict correct_escalation --reviewer carol --role adjudication --at 2026-11-02T12:00:00Z
check "the same on the file" "$app" tag --db "$work/demo.ewb" --conversation "$first" --verdict correct_escalation --reviewer carol --role adjudication --at 2026-11-02T12:00:00Z

"$app" metrics --db "$work/demo.ewb" --period "$period" --json >"$work/file.json"
"$app" metrics --db "$alice" --period "$period" --json >"$work/server.json"
check "metrics --json identical on both stores" cmp "$work/file.json" "$work/server.json"
check "the figures hold the tags" grep -q '"reviewed_escalated":6' "$work/server.json"
check "the adjudication settled it" python3 -c "
import json, sys
m = json.load(open(sys.argv[1]))
assert m['disagreement_rate'] == 1 and m['adjudication_pending'] == 0 and m['adjudication_queue'] == []" "$work/server.json"

audit=$(psql_admin -d "$db" -At -c "SELECT string_agg(changed_by || ':' || operation || ':' || coalesce(role, ''), ',' ORDER BY id) FROM tag_audit WHERE changed_by <> 'ewb_admin'")
expected="alice:insert:review,alice:insert:review,alice:insert:review,alice:insert:review,alice:insert:review,alice:insert:review,bob:insert:review,carol:insert:adjudication"
check "the audit records every tag with its role" test "$audit" = "$expected"
refused "a reviewer cannot read the audit" "permission denied" psql -X -h "$dir" -U bob -d "$db" -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM tag_audit"

check "workspace copy server -> file" "$app" workspace copy "$admin" "$work/back.ewb"
"$app" metrics --db "$work/back.ewb" --period "$period" --json >"$work/back.json"
check "metrics --json identical after the round trip" cmp "$work/file.json" "$work/back.json"
"$app" tags export "$work/file-tags.csv" --db "$work/demo.ewb" >/dev/null
"$app" tags export "$work/back-tags.csv" --db "$work/back.ewb" >/dev/null
check "every tag came back" cmp "$work/file-tags.csv" "$work/back-tags.csv"

psql_admin -d postgres -c "DROP DATABASE $db"
echo "Totals: $failures failed"
[ $failures = 0 ]
