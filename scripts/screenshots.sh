#!/usr/bin/env bash
# Refreshes docs/screenshots/ from the real app under Xvfb (through WebDriver), after building
# the UI and the app. Look at the PNGs before committing them.
set -euo pipefail
cd "$(dirname "$0")/.."
npm --prefix ui run build
cargo build -p policywright-app
cargo test -p policywright-e2e --test app -- --ignored screenshots
cargo test -p policywright-e2e --test versions -- --ignored screenshots
cargo test -p policywright-e2e --test vendors -- --ignored screenshot
ls -l docs/screenshots/
