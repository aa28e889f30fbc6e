#!/usr/bin/env bash
# CI smoke run: builds the harness, runs every fuzz target for a few seconds from its seed corpus, prints executions
# and crashes, and exits non-zero if any target crashed (or did not run at all). About a minute in total.
set -euo pipefail
export FUZZ_CONFIGURATION="${FUZZ_CONFIGURATION:-Debug}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SECONDS_PER_TARGET="${FUZZ_SMOKE_SECONDS:-15}"
fuzz_install
fuzz_build

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for target in "${FUZZ_TARGETS[@]}"; do
    # Every seed must pass before afl starts: afl refuses to start on a crashing seed with a less readable message.
    if ! fuzz_replay "$target" "$FUZZ_DIR/corpus/$target" >"$work/$target.replay" 2>&1; then
        fuzz_log "$target: a seed input crashes:"; cat "$work/$target.replay" >&2
        failed=1
        continue
    fi
    status=0
    fuzz_run "$target" "$SECONDS_PER_TARGET" "$work/$target" || status=$?
    execs=$(fuzz_stat "$work/$target" execs_done)
    crashes=$(fuzz_crashes "$work/$target")
    hangs=$(fuzz_stat "$work/$target" saved_hangs)
    echo "fuzz smoke: $target: $execs executions, $crashes crashes, $hangs hangs"
    if [ "$status" -ne 0 ] || [ "$execs" = 0 ]; then
        fuzz_log "$target: afl-fuzz did not run (exit $status):"; tail -20 "$work/$target.log" >&2
        failed=1
    elif [ "$crashes" != 0 ]; then
        for crash in "$work/$target"/default/crashes/id:*; do
            fuzz_log "$target: crashing input $(basename "$crash") (base64): $(base64 -w0 "$crash")"
            fuzz_replay "$target" "$crash" >&2 || true
        done
        failed=1
    fi
done
exit "$failed"
