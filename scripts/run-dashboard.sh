#!/usr/bin/env bash
# Sets up and starts the dashboard and API on http://localhost:5000 (SQLite and audio under ./data).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-dependencies.sh --runtime-only
exec dotnet run --project src/Dashboard.Server -c Release --urls "${URLS:-http://localhost:5000}"
