#!/usr/bin/env bash
# Runs every test: installs what is missing, then the workspace's lints (clippy, -D warnings),
# the whole workspace's tests (core unit, golden, property, PDF and CLI tests; the app's commands
# and IPC types; the real app through WebDriver under Xvfb), the UI's checks (tsc, svelte-check,
# Biome) and Vitest tests, and the exports through site generators' template engines
# (tests/site-generators). Ends with one line "N passed, N failed": each test counts once, and so
# does each check (a lint, a type check), so a failing check shows there, not only in the exit code.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh || exit 1

log=$(mktemp)
status=0
# A check passes or fails as a whole: "check NAME: ok" / "check NAME: FAILED" joins the count.
check() {
  local name=$1
  shift
  if "$@" 2>&1 | tee -a "$log"; then
    echo "check $name: ok" | tee -a "$log"
  else
    echo "check $name: FAILED" | tee -a "$log"
    status=1
  fi
}
# A test run counts by its own lines; a run that fails without a failed test (it did not build,
# say) still counts as one failure.
counted() {
  local name=$1
  shift
  local before
  before=$(wc -l <"$log")
  "$@" 2>&1 | tee -a "$log"
  if [ "${PIPESTATUS[0]}" -ne 0 ]; then
    status=1
    tail -n +"$((before + 1))" "$log" | sed 's/\x1b\[[0-9;]*m//g' |
      grep -qE '^test result: FAILED|^ +Tests +.*[0-9]+ failed|^# fail [1-9]' ||
      echo "check $name: FAILED" | tee -a "$log"
  fi
}

# The end-to-end tests (tests/e2e) drive this binary under their own Xvfb display.
cargo build -p policywright-app || exit 1
check "cargo clippy" cargo clippy --workspace --all-targets --locked -- -D warnings
check "cargo fmt" cargo fmt --all --check
counted "cargo test" cargo test --workspace --lib --bins --tests --no-fail-fast
check "tsc" bash -c 'cd ui && npx --no-install tsc --noEmit'
check "svelte-check" bash -c 'cd ui && npx --no-install svelte-check --tsconfig ./tsconfig.json --fail-on-warnings'
check "biome" bash -c 'cd ui && npx --no-install biome ci .'
# UI unit and component tests (Vitest); their "Tests  N passed" line joins the count below.
counted "vitest" bash -c 'cd ui && NO_COLOR=1 FORCE_COLOR=0 npx --no-install vitest run'
# The exports through what static site generators run over them (liquidjs, nunjucks, markdown-it
# with linkify, js-yaml); node's test runner, whose "# pass N" / "# fail N" join the count below.
counted "site generators" bash -c 'cd tests/site-generators && npm install --no-audit --no-fund --loglevel=error && NO_COLOR=1 npm test --silent'

awk '/^test result:/ || /^ +Tests +[0-9]/ {
       for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     /^# pass [0-9]+$/ { p += $3 }
     /^# fail [0-9]+$/ { f += $3 }
     /^check .*: ok$/ { p += 1 }
     /^check .*: FAILED$/ { f += 1 }
     END { printf "%d passed, %d failed\n", p, f }' <(sed 's/\x1b\[[0-9;]*m//g' "$log")
rm -f "$log"
exit "$status"
