#!/usr/bin/env bash
# Runs every test of AiNative Portal: services, HTTP and components, and the browser journeys.
# The browser tests need Debian's Chromium and the PostgreSQL tests Debian's PostgreSQL server;
# they are installed here when missing.
set -euo pipefail
cd "$(dirname "$0")"

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
missing=()
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || missing+=(chromium)
# The PostgreSQL tests start a throw-away cluster of their own from Debian's server packages.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests (apt-get install -y ${missing[*]})..."
  $sudo_cmd apt-get update
  $sudo_cmd apt-get install -y "${missing[@]}"
fi

# Every test on SQLite, the embedded default.
dotnet test AiNative.sln
# The service and HTTP tests again on PostgreSQL (the browser journeys run on SQLite only).
PORTAL_TEST_DATABASE=PostgreSQL dotnet test tests/AiNative.Services.Tests --no-build
PORTAL_TEST_DATABASE=PostgreSQL dotnet test tests/AiNative.Portal.Tests --no-build
