#!/usr/bin/env bash
# Private, throwaway PostgreSQL + PostGIS cluster for development and tests.
#
#   scripts/pg.sh start   install PostGIS if missing, initdb once, start on 127.0.0.1:$ATLAS_PG_PORT
#   scripts/pg.sh stop    stop it (data kept)
#   scripts/pg.sh destroy stop it and delete its data
#   scripts/pg.sh url     print the database URL the Makefile passes to the app
#
# The cluster lives in .pgdata/ (git-ignored). initdb refuses to run as root, so as root
# every server command runs as the `postgres` system user; when the project folder is
# not reachable by that user (a clone under /root), .pgdata is a link to a folder in /tmp.
# Authentication is `trust`, which is acceptable only because the server listens on
# 127.0.0.1 alone and holds throwaway data.
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

url() { echo "postgresql://postgres@127.0.0.1:$port/$db"; }

start() {
  install_postgis
  local d; d="$(data_dir)"
  if [ ! -f "$d/data/PG_VERSION" ]; then
    as_pg "$pgbin/initdb" -D "$d/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_pg "$pgbin/pg_ctl" -D "$d/data" status >/dev/null 2>&1; then
    :
  else
    as_pg "$pgbin/pg_ctl" -D "$d/data" -l "$d/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$d -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
      start >/dev/null || { tail -20 "$d/server.log" >&2; exit 1; }
  fi
  as_pg "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAq \
    -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
  echo "pg.sh: PostGIS cluster up at $(url)" >&2
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
  *) echo "usage: scripts/pg.sh start|stop|destroy|url" >&2; exit 2 ;;
esac
