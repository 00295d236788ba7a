#!/usr/bin/env bash
# Soak test of saving and exporting under kill -9 (not run in CI: it takes a while).
#
#   scripts/soak-files.sh [SAVE_KILLS] [EXPORT_KILLS]     # default 1000 each
#
# Saves: the test-support program `soak_save` (crates/policywright/examples) saves a 2.5 MB
# project in a loop, alternating two versions; it is killed with SIGKILL after a random delay.
# Then: the project file and its .bak must each be byte-identical to one of the two versions
# (anything else is corrupt or truncated); the next save must succeed and leave no temporary file.
#
# Exports: `policywright export --format all` of one of two versions of the saas example is
# killed after a random delay around its run time (files are written at the end), until
# EXPORT_KILLS kills landed while it ran. Each exported file must be byte-identical to that
# format's export of one of the two versions; then, if the kill left temporary files, the next
# (complete) export must remove them.
#
# Debug binaries (the shared build machine has no time for a release build); timings are rough.
set -euo pipefail

SAVE_KILLS=${1:-1000}
EXPORT_KILLS=${2:-1000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# Copies of the binaries, so a build during the hour-long run cannot replace them mid-way.
cargo build -q -p policywright --example soak_save --bin policywright
BIN=$(mktemp -d "${TMPDIR:-/tmp}/soak-bin.XXXXXX")
cp "$ROOT/target/debug/examples/soak_save" "$ROOT/target/debug/policywright" "$BIN/"
SOAK_SAVE=$BIN/soak_save
PW=$BIN/policywright

WORK=$(mktemp -d "${TMPDIR:-/tmp}/soak-files.XXXXXX")
trap 'rm -rf "$WORK" "$BIN"' EXIT

sha() { sha256sum "$1" | cut -d' ' -f1; }
# Temporary files of the given targets (names as atomic.rs makes them).
temps() {
    local n=0 f
    for f in "$@"; do
        n=$((n + $(find "$(dirname "$f")" -maxdepth 1 -name ".$(basename "$f").policywright-tmp-*" | wc -l)))
    done
    echo "$n"
}
# A random delay in [$2, $2 + $1) milliseconds, as seconds for sleep.
delay() {
    local ms=$(((RANDOM * 32768 + RANDOM) % $1 + ${2:-0}))
    printf '%d.%03d' $((ms / 1000)) $((ms % 1000))
}

# kill_after MS PID [MIN]: SIGKILL after a random delay in [MIN, MIN + MS) ms. Sets KILLED to 1
# if the process was still running (not finished, nor a zombie waiting to be reaped), else 0.
kill_after() {
    sleep "$(delay "$1" "${3:-0}")"
    local state
    state=$(ps -o stat= -p "$2" 2>/dev/null || true)
    if [[ -n $state && $state != Z* ]]; then KILLED=1; else KILLED=0; fi
    kill -9 "$2" 2>/dev/null || true
    wait "$2" 2>/dev/null || true
}

# ---- saves ----
mkdir -p "$WORK/ref" "$WORK/save"
"$SOAK_SAVE" write "$WORK/ref/a.policy.json" a
"$SOAK_SAVE" write "$WORK/ref/b.policy.json" b
A=$(sha "$WORK/ref/a.policy.json")
B=$(sha "$WORK/ref/b.policy.json")
P=$WORK/save/p.policy.json
"$SOAK_SAVE" write "$P" a
"$SOAK_SAVE" write "$P" b

save_bad=0 bak_bad=0 save_temps_after_kill=0 save_temps_after_next=0 save_next_failed=0
start=$(date +%s)
for ((i = 1; i <= SAVE_KILLS; i++)); do
    "$SOAK_SAVE" loop "$P" &
    kill_after 800 $!
    for f in "$P" "$P.bak"; do
        h=$(sha "$f" 2>/dev/null || echo missing)
        if [[ $h != "$A" && $h != "$B" ]]; then
            if [[ $f == "$P" ]]; then save_bad=$((save_bad + 1)); else bak_bad=$((bak_bad + 1)); fi
            echo "save kill $i: $f is neither version ($(stat -c %s "$f" 2>/dev/null || echo missing) bytes)" >&2
        fi
    done
    left=$(temps "$P" "$P.bak")
    if ((left > 0)); then save_temps_after_kill=$((save_temps_after_kill + 1)); fi
    # The next save: the version the file does not have, so it writes the file and the .bak.
    if ((i % 100 == 0)); then echo "saves: $i kills, $((save_bad + bak_bad)) bad files so far" >&2; fi
    if [[ $(sha "$P") == "$A" ]]; then next=b; else next=a; fi
    "$SOAK_SAVE" write "$P" "$next" || save_next_failed=$((save_next_failed + 1))
    save_temps_after_next=$((save_temps_after_next + $(temps "$P" "$P.bak")))
done
save_secs=$(($(date +%s) - start))
# Printed now: on a loaded machine the export half can take much longer.
cat <<EOF
machine: $(nproc) cores, $(uname -sr); debug build
saves:   $SAVE_KILLS kill -9 of a save loop (2.5 MB project, random delay 0-800 ms) in ${save_secs}s
         corrupt or truncated project files: $save_bad
         corrupt or truncated .bak files:    $bak_bad
         kills that left temporary files:    $save_temps_after_kill
         temporary files after next save:    $save_temps_after_next
         next saves that failed:             $save_next_failed
EOF

# ---- exports ----
mkdir -p "$WORK/a" "$WORK/b" "$WORK/refa" "$WORK/refb" "$WORK/out"
"$PW" new --example saas >"$WORK/a/saas.policy.json"
sed 's/"legal_name": "Kestrel Metrics GmbH"/"legal_name": "Kestrel Metrics Soak GmbH"/' \
    "$WORK/a/saas.policy.json" >"$WORK/b/saas.policy.json"
cmp -s "$WORK/a/saas.policy.json" "$WORK/b/saas.policy.json" && {
    echo "the two export versions are the same; fix the sed above" >&2
    exit 2
}
t0=$(date +%s%N)
"$PW" export "$WORK/a/saas.policy.json" --format all --out "$WORK/refa" >/dev/null
export_ms=$((($(date +%s%N) - t0) / 1000000))
"$PW" export "$WORK/b/saas.policy.json" --format all --out "$WORK/refb" >/dev/null
declare -A REF
for ext in md html pdf; do
    REF[$ext.a]=$(sha "$WORK/refa/saas.$ext")
    REF[$ext.b]=$(sha "$WORK/refb/saas.$ext")
done
TARGETS=("$WORK/out/saas.md" "$WORK/out/saas.html" "$WORK/out/saas.pdf")
"$PW" export "$WORK/b/saas.policy.json" --format all --out "$WORK/out" >/dev/null

export_bad=0 export_killed=0 export_changed=0 export_temps_after_kill=0 export_temps_after_next=0
start=$(date +%s)
# Runs that finish before their kill do not count: go on until EXPORT_KILLS landed mid-export.
for ((i = 1; export_killed < EXPORT_KILLS; i++)); do
    if ((i % 2)); then v=a; else v=b; fi
    before=$(cat "${TARGETS[@]}" 2>/dev/null | sha256sum || true)
    "$PW" export "$WORK/$v/saas.policy.json" --format all --out "$WORK/out" >/dev/null 2>&1 &
    # Files are written at the end of an export, so kills cluster around its usual end.
    kill_after "$export_ms" $! $((export_ms / 2))
    export_killed=$((export_killed + KILLED))
    if ((KILLED && export_killed % 100 == 0)); then
        echo "exports: $export_killed kills in $i runs, $export_bad bad files so far" >&2
    fi
    after=$(cat "${TARGETS[@]}" 2>/dev/null | sha256sum || true)
    if [[ $after != "$before" ]]; then export_changed=$((export_changed + 1)); fi
    for ext in md html pdf; do
        f=$WORK/out/saas.$ext
        h=$(sha "$f" 2>/dev/null || echo missing)
        if [[ $h != "${REF[$ext.a]}" && $h != "${REF[$ext.b]}" ]]; then
            export_bad=$((export_bad + 1))
            echo "export kill $i: $f is neither version ($(stat -c %s "$f" 2>/dev/null || echo missing) bytes)" >&2
        fi
    done
    left=$(temps "${TARGETS[@]}")
    if ((left > 0)); then
        export_temps_after_kill=$((export_temps_after_kill + 1))
        "$PW" export "$WORK/$v/saas.policy.json" --format all --out "$WORK/out" >/dev/null
        export_temps_after_next=$((export_temps_after_next + $(temps "${TARGETS[@]}")))
    fi
done
export_secs=$(($(date +%s) - start))

cat <<EOF
exports: $EXPORT_KILLS kill -9 during 'export --format all' (random delay $((export_ms / 2))-$((export_ms * 3 / 2)) ms around one export's ${export_ms} ms) in ${export_secs}s
         runs:                               $((i - 1)) ($((i - 1 - export_killed)) finished before their kill)
         runs that changed the exported files: $export_changed
         corrupt or truncated exported files: $export_bad
         kills that left temporary files:    $export_temps_after_kill
         temporary files after next export:  $export_temps_after_next
EOF
((save_bad + bak_bad + save_temps_after_next + save_next_failed + export_bad + export_temps_after_next == 0))
