#!/usr/bin/env bash
# Runs every test: installs what is missing, then the whole workspace's tests (core unit,
# golden, property, PDF and CLI tests; the app's commands and IPC types; the real app through
# WebDriver under Xvfb) and the UI's Vitest tests. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh || exit 1

log=$(mktemp)
# The end-to-end tests (tests/e2e) drive this binary under their own Xvfb display.
cargo build -p policywright-app || exit 1
cargo test --workspace --lib --bins --tests --no-fail-fast 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
(cd ui && npx --no-install tsc --noEmit) || status=1
# UI unit tests (Vitest); their "Tests  N passed" line joins the count below.
(cd ui && NO_COLOR=1 FORCE_COLOR=0 npx --no-install vitest run 2>&1) | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

awk '/^test result:/ || /^ +Tests +[0-9]/ {
       for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "%d passed, %d failed\n", p, f }' <(sed 's/\x1b\[[0-9;]*m//g' "$log")
rm -f "$log"
exit "$status"
