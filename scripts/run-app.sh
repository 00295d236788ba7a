#!/usr/bin/env bash
# Installs what is missing, builds the UI and starts the desktop app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
exec cargo run -p policywright-app
