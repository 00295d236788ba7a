#!/usr/bin/env bash
# Runs every test: installs what is missing, then the whole workspace's tests (core unit,
# golden, property, PDF and CLI tests; the app's commands and IPC types; the real app through
# WebDriver under Xvfb), the UI's Vitest tests and the exports through site generators' template
# engines (tests/site-generators). Ends with one line "N passed, N failed".
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
# The exports through what static site generators run over them (liquidjs, nunjucks, markdown-it
# with linkify, js-yaml); node's test runner, whose "# pass N" / "# fail N" join the count below.
(cd tests/site-generators && npm install --no-audit --no-fund --loglevel=error &&
  NO_COLOR=1 npm test --silent 2>&1) | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

awk '/^test result:/ || /^ +Tests +[0-9]/ {
       for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     /^# pass [0-9]+$/ { p += $3 }
     /^# fail [0-9]+$/ { f += $3 }
     END { printf "%d passed, %d failed\n", p, f }' <(sed 's/\x1b\[[0-9;]*m//g' "$log")
rm -f "$log"
exit "$status"
