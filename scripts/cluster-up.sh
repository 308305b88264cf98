#!/usr/bin/env bash
# Starts a local production-shaped cluster without Docker: Azurite + 3 silos on Azure Storage
# clustering, state and reminders. Stop it with scripts/cluster-down.sh.
#   silo 1: HTTP 8080, silo 11111, gateway 30000, DNS 8600
#   silo 2: HTTP 8081, silo 11112, gateway 30001, DNS 8601
#   silo 3: HTTP 8082, silo 11113, gateway 30002, DNS 8602
set -euo pipefail
cd "$(dirname "$0")/.."
run=.cluster
mkdir -p "$run/azurite"

if [ ! -d node_modules/azurite ]; then
  npm ci --no-audit --no-fund >/dev/null
fi
dotnet build Silo -c Release -v quiet -nologo >/dev/null

if [ ! -f "$run/azurite.pid" ] || ! kill -0 "$(cat "$run/azurite.pid")" 2>/dev/null; then
  # Persistent location (not in-memory), so a restart of the cluster keeps its registrations.
  node node_modules/azurite/dist/src/azurite.js --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --location "$run/azurite" --disableTelemetry --skipApiVersionCheck >"$run/azurite.log" 2>&1 &
  echo $! >"$run/azurite.pid"
fi

for i in 1 2 3; do
  if [ -f "$run/silo$i.pid" ] && kill -0 "$(cat "$run/silo$i.pid")" 2>/dev/null; then
    continue
  fi
  dotnet Silo/bin/Release/net10.0/OrleansRegistry.Silo.dll \
    --urls "http://127.0.0.1:$((8079 + i))" \
    --Orleans:Clustering=AzureStorage --Registry:Storage=AzureStorage \
    --Orleans:AdvertisedIP=127.0.0.1 \
    --Orleans:SiloPort=$((11110 + i)) --Orleans:GatewayPort=$((29999 + i)) --Registry:Dns:Port=$((8599 + i)) \
    >"$run/silo$i.log" 2>&1 &
  echo $! >"$run/silo$i.pid"
done

for i in 1 2 3; do
  url="http://127.0.0.1:$((8079 + i))/readyz"
  for _ in $(seq 1 120); do
    if curl -fs "$url" >/dev/null 2>&1; then
      echo "silo $i ready: http://127.0.0.1:$((8079 + i)) (gateway 127.0.0.1:$((29999 + i)))"
      continue 2
    fi
    sleep 0.5
  done
  echo "silo $i did not become ready; see $run/silo$i.log" >&2
  exit 1
done
