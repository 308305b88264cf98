#!/usr/bin/env bash
# Runs the whole benchmark suite and prints the table (see BENCHMARKS.md).
#   benchmarks/run.sh              full run (under 10 minutes on 2 cores)
#   benchmarks/run.sh --quick      short runs that only check the harness
#   benchmarks/run.sh http memory  chosen benchmarks; --out FILE also writes the table to FILE
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-tools.sh wrk

if [ ! -f node_modules/azurite/package.json ]; then
  npm ci --no-audit --no-fund
fi

if [ $# -eq 0 ] || { [ $# -eq 1 ] && [ "$1" = "--quick" ]; }; then
  set -- all "$@"
fi

exec dotnet run -c Release --project benchmarks/OrleansRegistry.Benchmarks -- "$@"
