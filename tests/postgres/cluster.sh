#!/bin/bash
# A throwaway PostgreSQL 15 cluster for the team-mode tests: `cluster.sh start DIR` (initdb and pg_ctl in DIR,
# socket only, trust for the local socket, superuser ewb_admin), `cluster.sh stop DIR`. initdb refuses to run as
# root, so as root the server runs as the unprivileged `postgres` user (created by the postgresql package).
set -euo pipefail
verb=$1 dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "cluster.sh: PostgreSQL's initdb not found (run packaging/install-deps.sh)" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case $verb in
start)
  rm -rf "$dir" && mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U ewb_admin --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  # Every test user reaches the socket folder (the server's own folder is 700).
  chmod 711 "$dir"
  ;;
stop)
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
  ;;
*) echo "usage: cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
