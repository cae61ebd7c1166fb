#!/usr/bin/env bash
# Installs the Debian packages the dashboard and its tests use, only those missing (idempotent).
set -euo pipefail

packages=(ffmpeg espeak-ng sox pocketsphinx pocketsphinx-en-us libpocketsphinx3 pocketsphinx-testdata sphinxbase-utils sphinxtrain chromium wrk fonts-dejavu-core flite festival festvox-us-slt-hts sctk)
if [ "${1:-}" = "--runtime-only" ]; then
  packages=(ffmpeg pocketsphinx pocketsphinx-en-us libpocketsphinx3 sphinxbase-utils sphinxtrain espeak-ng flite)
fi
# PostgreSQL 15 for the scale-out tests, which start a server of their own in a temporary folder.
if [ "${1:-}" != "--runtime-only" ]; then packages+=(postgresql); fi

missing=()
# node and npm usually come with the machine (nodejs from its own repository); Debian's packages only if absent.
if [ "${1:-}" != "--runtime-only" ] && ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# JavaScript clients used by the tests (official SignalR and Deepgram clients), pinned by package-lock.json.
if [ "${1:-}" != "--runtime-only" ]; then
  for folder in tests/js; do
    if [ -f "$folder/package-lock.json" ]; then (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error); fi
  done
fi
