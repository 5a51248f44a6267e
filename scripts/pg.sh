#!/usr/bin/env bash
# Private, throwaway PostgreSQL + PostGIS cluster for development and tests.
#
#   scripts/pg.sh start   install PostGIS if missing, initdb once, start on 127.0.0.1:$ATLAS_PG_PORT
#   scripts/pg.sh stop    stop it (data kept)
#   scripts/pg.sh destroy stop it and delete its data
#   scripts/pg.sh url     print the owner's database URL (migrations, loaders, CLI)
#   scripts/pg.sh web-url print the web app's URL: role `atlas_web`, read-only (see
#                         migration 0007_web_role)
#   scripts/pg.sh writer-url print the staff console's writer URL: role `atlas_writer`
#                         (DML on the published records, no DDL; migration 0011)
#
# The cluster lives in .pgdata/ (git-ignored). initdb refuses to run as root, so as root
# every server command runs as the `postgres` system user; when the project folder is
# not reachable by that user (a clone under /root), .pgdata is a link to a folder in /tmp.
# Authentication is by password (scram-sha-256) for every connection, socket included:
# the passwords of `postgres` (the owner) and `atlas_web` are generated on first start
# into owner.pass and web.pass beside the data (mode 600, never in the repository). A
# cluster made by an older version of this script with `trust` is converted on start.
# fsync stays on (the demo's data survive a crash); ATLAS_PG_FAST=1 (make test, make
# bench) starts the server with fsync, full-page writes and synchronous commit off.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
port="${ATLAS_PG_PORT:-54329}"
db="${ATLAS_PG_DB:-atlas}"
pgbin="${ATLAS_PG_BIN:-/usr/lib/postgresql/15/bin}"
link="$here/.pgdata"

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

need_postgis() {
  [ -x "$pgbin/initdb" ] && ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1
}

install_postgis() {
  if need_postgis; then return; fi
  if [ "$(id -u)" != 0 ]; then
    echo "pg.sh: PostgreSQL 15 + PostGIS 3 missing; run as root or: sudo apt-get install -y postgresql-15-postgis-3" >&2
    exit 1
  fi
  echo "pg.sh: installing postgresql-15-postgis-3 with apt" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-postgis-3 >/dev/null
}

data_dir() {
  if [ ! -e "$link" ]; then
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$here"; then
      ln -s "$(mktemp -d /tmp/atlas-pgdata.XXXXXX)" "$link"
    else
      mkdir -p "$link"
    fi
    [ "$(id -u)" = 0 ] && chown postgres: "$(readlink -f "$link")"
  fi
  readlink -f "$link"
}

# A generated password, kept in the cluster's folder (readable by its owner only).
secret() {
  local d f; d="$(data_dir)"; f="$d/$1"
  if [ ! -s "$f" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 > "$f")
    [ "$(id -u)" = 0 ] && chown postgres: "$f"
  fi
  cat "$f"
}

url() { echo "postgresql://postgres:$(secret owner.pass)@127.0.0.1:$port/$db"; }
web_url() { echo "postgresql://atlas_web:$(secret web.pass)@127.0.0.1:$port/$db"; }
writer_url() { echo "postgresql://atlas_writer:$(secret writer.pass)@127.0.0.1:$port/$db"; }

psql_owner() {
  as_pg env PGPASSWORD="$(secret owner.pass)" "$pgbin/psql" -h 127.0.0.1 -p "$port" \
    -U postgres -v ON_ERROR_STOP=1 "$@"
}

start() {
  install_postgis
  local d; d="$(data_dir)"
  secret owner.pass >/dev/null
  secret web.pass >/dev/null
  secret writer.pass >/dev/null
  if [ ! -f "$d/data/PG_VERSION" ]; then
    as_pg "$pgbin/initdb" -D "$d/data" -U postgres --auth=scram-sha-256 \
      --pwfile="$d/owner.pass" -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # wal_level=minimal: a private cluster has no standby nor WAL archive, and at this
  # level a table given a new file in the writing transaction (a first reference load
  # truncates its empty tables) is copied and indexed without logging it to the WAL.
  local options="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$d"
  options="$options -c wal_level=minimal -c max_wal_senders=0"
  if [ "${ATLAS_PG_FAST:-0}" = 1 ]; then
    options="$options -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
  fi
  if as_pg "$pgbin/pg_ctl" -D "$d/data" status >/dev/null 2>&1; then
    :
  else
    as_pg "$pgbin/pg_ctl" -D "$d/data" -l "$d/server.log" -w -t 60 -o "$options" \
      start >/dev/null || { tail -20 "$d/server.log" >&2; exit 1; }
  fi
  if grep -qE '^[^#].*trust$' "$d/data/pg_hba.conf"; then
    # A cluster made with `trust`: give the owner its password, then require it.
    psql_owner -d postgres -q <<<"ALTER ROLE postgres PASSWORD '$(secret owner.pass)'"
    as_pg sed -i -E 's/^([^#].*)trust$/\1scram-sha-256/' "$d/data/pg_hba.conf"
    as_pg "$pgbin/pg_ctl" -D "$d/data" reload >/dev/null
  fi
  psql_owner -d postgres -tAq -c "SELECT 1 FROM pg_database WHERE datname = '$db'" \
    | grep -q 1 || psql_owner -d postgres -q -c "CREATE DATABASE \"$db\""
  # The web app's role: it logs in with its own password; what it may read is granted
  # by the migrations (0007_web_role).
  psql_owner -d postgres -q <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_web') THEN
    CREATE ROLE atlas_web;
  END IF;
END \$\$;
ALTER ROLE atlas_web LOGIN PASSWORD '$(secret web.pass)';
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atlas_writer') THEN
    CREATE ROLE atlas_writer;
  END IF;
END \$\$;
ALTER ROLE atlas_writer LOGIN PASSWORD '$(secret writer.pass)';
SQL
  echo "pg.sh: PostGIS cluster up at $(url | sed 's/:[^:@]*@/:***@/')" >&2
}

stop() {
  [ -e "$link" ] || return 0
  local d; d="$(readlink -f "$link")"
  if [ -f "$d/data/PG_VERSION" ] && as_pg "$pgbin/pg_ctl" -D "$d/data" status >/dev/null 2>&1; then
    as_pg "$pgbin/pg_ctl" -D "$d/data" -m fast -w stop >/dev/null
  fi
}

destroy() {
  stop
  [ -e "$link" ] || return 0
  rm -rf "$(readlink -f "$link")"
  rm -f "$link" 2>/dev/null || rm -rf "$link"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  destroy) destroy ;;
  url) url ;;
  web-url) web_url ;;
  writer-url) writer_url ;;
  *) echo "usage: scripts/pg.sh start|stop|destroy|url|web-url|writer-url" >&2; exit 2 ;;
esac
