#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: initdb in a temp folder, a free port on
# 127.0.0.1, a random password, DATABASE_URL exported for the command, and everything stopped and
# deleted afterwards, whatever the command's outcome. Needs Debian's postgresql package.
#   scripts/with-postgres.sh npx vitest run test/unit/hub
# As root the cluster runs as the 'postgres' user, since PostgreSQL refuses to run as root.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
pg_bin=$(find_pg_bin)
if { [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; } && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "with-postgres: installing Debian's postgresql for the hub tests…" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(find_pg_bin)
fi
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql (Debian/Ubuntu)" >&2
  exit 3
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(runuser -u postgres --)
fi

workdir=$(mktemp -d /tmp/followthrough-pg.XXXXXX)
chmod 700 "$workdir"
[ "${#as_owner[@]}" -gt 0 ] && chown postgres: "$workdir"

cleanup() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

password=$(head -c 18 /dev/urandom | base64 | tr -d '+/=')
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

printf '%s\n' "$password" > "$workdir/pwfile"
[ "${#as_owner[@]}" -gt 0 ] && chown postgres: "$workdir/pwfile"
"${as_owner[@]}" "$pg_bin/initdb" -D "$workdir/data" -U hub --pwfile="$workdir/pwfile" -A scram-sha-256 \
  --no-sync -E UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 || { cat "$workdir/initdb.log" >&2; exit 4; }
rm -f "$workdir/pwfile"

# A test cluster: no durability needed, so no fsync; sockets stay inside the temp folder. The
# settings live in the cluster's own configuration, so a test that stops the server can start it
# again as it was with the pg_ctl command exported below.
cat >>"$workdir/data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$workdir'
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
pg_ctl=("${as_owner[@]}" "$pg_bin/pg_ctl" -D "$workdir/data" -w -l "$workdir/server.log")
"${pg_ctl[@]}" start >/dev/null || { cat "$workdir/server.log" >&2; exit 5; }

export DATABASE_URL="postgres://hub:${password}@127.0.0.1:${port}/postgres"
# For the outage tests: append "stop -m fast" or "start" (every word is free of spaces).
export WITH_POSTGRES_PG_CTL="${pg_ctl[*]}"
echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
