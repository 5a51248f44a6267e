#!/usr/bin/env bash
# Install the Debian packages named as arguments that are missing, with a single
# `apt-get update` for all of them (as root; otherwise say what to run and fail).
set -euo pipefail
missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "system.sh: missing Debian packages: ${missing[*]}" >&2
  echo "system.sh: run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "system.sh: installing ${missing[*]} with apt" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
