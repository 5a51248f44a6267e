#!/usr/bin/env bash
# Run a command with a PostGIS database: ATLAS_DATABASE_URL when set, otherwise the
# private cluster of scripts/pg.sh, started here and stopped when the command ends
# (with the web app's read-only role in ATLAS_WEB_DATABASE_URL).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -z "${ATLAS_DATABASE_URL:-}" ]; then
  "$here/pg.sh" start
  trap '"$here/pg.sh" stop' EXIT
  export ATLAS_DATABASE_URL="$("$here/pg.sh" url)"
  # The web app connects with its own read-only role (see scripts/pg.sh).
  export ATLAS_WEB_DATABASE_URL="${ATLAS_WEB_DATABASE_URL:-$("$here/pg.sh" web-url)}"
  # The staff console's writes (jobs) use the writer role (migration 0011).
  export ATLAS_WRITER_DATABASE_URL="${ATLAS_WRITER_DATABASE_URL:-$("$here/pg.sh" writer-url)}"
fi
# Not exec: the trap must run to stop the cluster once the command ends.
"$@"
