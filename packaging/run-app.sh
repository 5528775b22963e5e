#!/usr/bin/env bash
# Installs what is missing, builds, and opens the workbench on a demo workspace (created and filled with
# 30,000 demo conversations on first start). Extra arguments go to the app, e.g. --db FILE.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash packaging/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default

app="$root/build/default/app/escalation-workbench"
demo="${XDG_DATA_HOME:-$HOME/.local/share}/EscalationWorkbench/escalation-workbench/demo.ewb"
if [[ ! -s "$demo" ]]; then
  echo "Creating the demo workspace $demo ..."
  "$app" demo --db "$demo"
fi
# The demo workspace unless the caller names another with --db.
for argument in "$@"; do
  if [[ "$argument" == --db || "$argument" == --db=* ]]; then
    exec "$app" "$@"
  fi
done
exec "$app" --db "$demo" "$@"
