#!/usr/bin/env bash
# Installs what is missing, builds the UI and starts the desktop app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# custom-protocol serves the built UI from the binary instead of the Vite dev server.
exec cargo run -p policywright-app --features tauri/custom-protocol
