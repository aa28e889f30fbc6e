#!/usr/bin/env bash
# Every whole-process comparison against the local test servers, one after the other:
# start-up (AOT vs JIT), headless session (vs swaks and curl), bulk DATA (vs socat), pipelining (vs socat),
# the greeting in the first TUI frame (vs the tmux baseline).
# The report goes to stdout and to bench/results/run-DATE.md; raw samples to bench/results/*.json.
# usage: bench/run.sh   (env: ROUNDS=10 alternating rounds per comparison; STARTUP_MARKER=text of the first TUI frame)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
report=$results/run-$(date -u +%Y%m%dT%H%M%SZ).md
{
    echo "# bench/run.sh"
    machine
    echo
    "$bench/startup.sh" --marker "${STARTUP_MARKER:-Quit}"
    echo
    "$bench/session.sh"
    echo
    "$bench/bulk-data.sh"
    echo
    "$bench/pipelining.sh"
    echo
    "$bench/first-frame.sh"
    echo
    machine
} 2>&1 | tee "$report"
echo "report: $report"
