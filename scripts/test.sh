#!/usr/bin/env bash
# Runs every test: installs what is missing, then the whole workspace's tests (core unit,
# golden, property and CLI tests; the app package). Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh || exit 1

log=$(mktemp)
cargo test --workspace --lib --bins --tests --no-fail-fast 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
(cd ui && npx --no-install tsc --noEmit) || status=1

awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
