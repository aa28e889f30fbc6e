#!/usr/bin/env bash
# Longer fuzzing of one target: fuzz/run.sh TARGET [SECONDS] (default 600). Findings go to fuzz/findings/TARGET and
# a later run resumes from them. See fuzz/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

target="${1:-}"
seconds="${2:-600}"
if [[ ! " ${FUZZ_TARGETS[*]} " == *" $target "* ]]; then
    echo "usage: fuzz/run.sh {${FUZZ_TARGETS[*]}} [SECONDS]" >&2
    exit 2
fi
fuzz_install
fuzz_build
findings="$FUZZ_DIR/findings/$target"
mkdir -p "$FUZZ_DIR/findings"
status=0
before=$(fuzz_stat "$findings" execs_done)
AFL_AUTORESUME=1 fuzz_run "$target" "$seconds" "$findings" resume || status=$?
execs=$(fuzz_stat "$findings" execs_done)
crashes=$(fuzz_crashes "$findings")
# afl keeps counting across resumed runs: report this run and the total.
echo "fuzz: $target: $((execs - before)) executions this run ($execs in total), $crashes crashes, $(fuzz_stat "$findings" saved_hangs) hangs, corpus $(fuzz_stat "$findings" corpus_count); log: $findings.log"
[ "$status" -eq 0 ] || { tail -20 "$findings.log" >&2; exit "$status"; }
if [ "$crashes" != 0 ]; then
    echo "reproduce with: dotnet $FUZZ_PLAIN_BIN/SmtpConsole.Fuzz.dll $target --replay $findings/default/crashes" >&2
    exit 1
fi
