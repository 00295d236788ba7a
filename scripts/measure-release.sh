#!/usr/bin/env bash
# The desktop app's figures from the release build: launch to interactive, edit to preview
# (measured inside the app, for the saas example and the 1,000-entry project), memory (PSS of
# the app and its WebKit processes), binary size.
# Needs what the end-to-end tests need (scripts/install-deps.sh). Takes ~6 minutes (LTO).
set -euo pipefail
cd "$(dirname "$0")/.."
npm --prefix ui run build
cargo build --release -p policywright-app --features tauri/custom-protocol
bin=target/release/policywright-app
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "release binary: $(stat -c %s "$bin") bytes ($(du -h "$bin" | cut -f1))"
POLICYWRIGHT_APP="$PWD/$bin" cargo test -p policywright-e2e --test app -- --ignored release_figures --nocapture
POLICYWRIGHT_APP="$PWD/$bin" cargo test -p policywright-e2e --test app -- --ignored large_project_figures --nocapture
