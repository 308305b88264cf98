#!/usr/bin/env bash
# Installs the Debian packages the test suite runs besides the .NET SDK, and only those missing:
#   chromium        the browser tests render the dashboard and the registry view
#   docker-compose  validates docker-compose.yml (there is no Docker engine to run it)
#   wrk             the benchmarks' HTTP figures, which the quick-mode test runs
#   curl            README's curl examples are run as written
#   dig             the DNS tests and README's dig example query a silo (Debian package dnsutils)
#   redis-server    the Redis backend tests start a private server
#   postgres        the PostgreSQL backend tests start a private cluster (Debian package postgresql,
#                   whose server programs live in /usr/lib/postgresql/<version>/bin, off PATH)
# Tests/Tests.csproj runs it before every build of the tests, so it returns at once when nothing is
# missing. Name tools (commands) to look at only those (benchmarks/run.sh asks for wrk). It never fails the
# build: when it cannot install (no apt-get, not root, no network) it says what is missing, and the
# tests that need it fail with their own message.
set -uo pipefail

tools=("$@")
if [ ${#tools[@]} -eq 0 ]; then
  tools=(chromium docker-compose wrk curl dig redis-server postgres)
fi

# The Debian package that brings a command, where the names differ.
package_of() {
  case "$1" in
    dig) echo dnsutils ;;
    postgres) echo postgresql ;;
    *) echo "$1" ;;
  esac
}

# Whether a command is installed; PostgreSQL's server programs are not on PATH.
installed() {
  case "$1" in
    postgres) compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

missing=()
packages=()
for tool in "${tools[@]}"; do
  if ! installed "$tool"; then
    missing+=("$tool")
    packages+=("$(package_of "$tool")")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo -n)
fi

if ! command -v apt-get >/dev/null 2>&1 || { [ ${#as_root[@]} -gt 0 ] && ! sudo -n true 2>/dev/null; }; then
  echo "install-test-tools: missing ${missing[*]}; install the Debian packages ${packages[*]} (apt-get as root) for the tests that use them" >&2
  exit 0
fi

echo "install-test-tools: installing ${packages[*]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Waits for another apt or dpkg run to finish rather than failing on its lock.
apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300)
if ! { "${apt[@]}" update && "${apt[@]}" install -y --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-test-tools: could not install ${packages[*]}; the tests that use them will fail" >&2
fi
exit 0
