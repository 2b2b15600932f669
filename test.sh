#!/usr/bin/env bash
# Runs every test of AiNative Portal: services, HTTP and components, and the browser journeys.
# The browser tests need Debian's Chromium; it is installed here when it is missing.
set -euo pipefail
cd "$(dirname "$0")"

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Installing Chromium for the browser tests (apt-get install -y chromium)..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update
  $sudo_cmd apt-get install -y chromium
fi

dotnet test AiNative.sln
