#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, in a folder of its own, on 127.0.0.1 only.
#   scripts/test-postgres.sh start DIR   starts it and prints its URL on stdout
#   scripts/test-postgres.sh stop DIR    stops it and removes DIR
#   scripts/test-postgres.sh pause DIR   stops the server, keeping DIR (an outage)
#   scripts/test-postgres.sh resume DIR  starts it again on the same port
# Installs Debian's `postgresql` when no initdb is found. The server runs as an
# unprivileged user (initdb refuses root): `postgres` when the package made it, else `nobody`.
set -euo pipefail
usage="usage: $0 start|stop|pause|resume DIR"
cmd=${1:?$usage}
dir=${2:?$usage}

find_bin() {
  local b
  for b in /usr/lib/postgresql/*/bin; do
    [ -x "$b/initdb" ] && { echo "$b"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(readlink -f "$(command -v initdb)")"; return 0; }
  return 1
}

# Runs a command as the server's user (as is, when not root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
fi

start_server() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -p $1 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300" \
    start >&2
}

case "$cmd" in
start)
  if ! bin=$(find_bin); then
    sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
    apt_install() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2; }
    apt_install || { $sudo apt-get update >&2 && apt_install; }
    bin=$(find_bin) || { echo "error: postgresql installed but no initdb found" >&2; exit 1; }
    [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 && owner=postgres
  fi
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$owner" "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U distill -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  # A free port: try a few random ones in a range nothing else here uses by default.
  for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    # Durability is not what these tests try: fsync off keeps the run fast.
    if start_server "$port"; then
      echo "$port" >"$dir/port"
      echo "postgres://distill@127.0.0.1:$port/postgres"
      exit 0
    fi
  done
  cat "$dir/server.log" >&2 || true
  echo "error: the test PostgreSQL server did not start" >&2
  exit 1
  ;;
pause)
  bin=$(find_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2
  ;;
resume)
  bin=$(find_bin)
  start_server "$(cat "$dir/port")"
  ;;
stop)
  if bin=$(find_bin) && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "$usage" >&2
  exit 2
  ;;
esac
