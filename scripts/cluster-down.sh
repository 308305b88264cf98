#!/usr/bin/env bash
# Stops what scripts/cluster-up.sh started: silos first (SIGTERM, so they leave the cluster
# cleanly), then Azurite. Add --clean to delete Azurite's data as well.
set -uo pipefail
cd "$(dirname "$0")/.."
run=.cluster

stop() {
  local pidfile=$1
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$pidfile"
}

for i in 1 2 3; do stop "$run/silo$i.pid" & done
wait
stop "$run/azurite.pid"
if [ "${1:-}" = "--clean" ]; then
  rm -rf "$run"
fi
echo "cluster stopped"
