#!/usr/bin/env bash
# Times Policywright's PDF export of the largest example against headless Chromium printing
# Policywright's own HTML of the same project, both as whole processes, in one run of this
# script. Needs a release build and Debian's chromium. Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
command -v chromium >/dev/null || { echo "install Debian's chromium first (apt-get install chromium)" >&2; exit 1; }
cargo build --release -q -p policywright
bin=target/release/policywright
project=$(ls -S examples/*.policy.json | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" export "$project" --format html --out "$work/html" >/dev/null
page=$(ls "$work"/html/*.html)

now() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1e6 }'; }

ours=()
theirs=()
for i in $(seq "$runs"); do
  t=$(now); "$bin" export "$project" --format pdf --out "$work/ours" >/dev/null; ours+=($(( $(now) - t )))
  t=$(now)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$work/profile" --no-pdf-header-footer \
    --print-to-pdf="$work/chromium.pdf" "file://$page" >/dev/null 2>&1
  theirs+=($(( $(now) - t )))
done
ours_ms=$(printf '%s\n' "${ours[@]}" | median)
theirs_ms=$(printf '%s\n' "${theirs[@]}" | median)
ours_pdf=$(ls "$work"/ours/*.pdf)
echo "project: $project ($(pdfinfo "$ours_pdf" | awk '/^Pages/ {print $2}') pages ours, $(pdfinfo "$work/chromium.pdf" | awk '/^Pages/ {print $2}') pages Chromium)"
echo "runs: $runs each, interleaved; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "| | median wall time | file size |"
echo "|---|---|---|"
echo "| policywright export --format pdf | ${ours_ms} ms | $(stat -c %s "$ours_pdf") bytes |"
echo "| chromium --print-to-pdf (our HTML) | ${theirs_ms} ms | $(stat -c %s "$work/chromium.pdf") bytes |"
awk -v a="$theirs_ms" -v b="$ours_ms" 'BEGIN { printf "ratio: Policywright is %.1fx faster\n", a / b }'
