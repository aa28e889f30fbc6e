#!/usr/bin/env bash
# TUI input throughput and echo under tmux (AOT binary, against Postfix's smtp-sink on a free loopback port):
#  1. a 3,000-line (150 KB) message body pasted at DATA> with bracketed paste (tmux paste-buffer -p) and without it
#     (plain paste-buffer: the terminal "types" every byte; TYPED_LINES, default 3,000), from the
#     paste to the prompt being back at smtp>;
#  2. keystroke echo: one key sent to the pane until it shows, with a short and a long (~15,000-row) transcript,
#     next to the same loop against `cat` in a tmux pane (the baseline: tmux + polling cost).
# Usage: bench/tui-paste.sh [ROUNDS]   (default 5)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-5}
binary=${SMTPCONSOLE_E2E_BINARY:-$("$repo/scripts/publish-aot.sh")}
. "$repo/bench/tmux-lib.sh"
tmux_bench_init tui-bench 100
body() { # LINES FILE
    python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    for i in range(n): f.write(f"{i:04d} " + chr(97 + i % 26) * 44 + "\n")   # 50 bytes a line
    f.write(".\n")
PY
}

body 3000 "$work/bracketed.txt"
body "${TYPED_LINES:-3000}" "$work/typed.txt"
for mode in bracketed typed; do
    times=()
    for ((r = 0; r < rounds; r++)); do
        start "$binary" 127.0.0.1 "$port" --plain
        wait_for "S: 220" 60
        tmux -L "$sock" send-keys -t b 'EHLO me.example' Enter 'MAIL FROM:<a@example.test>' Enter 'RCPT TO:<b@example.test>' Enter DATA Enter
        wait_for "DATA>" 20
        tmux -L "$sock" load-buffer -b p "$work/$mode.txt"
        t0=$(now_ms)
        if [[ $mode == bracketed ]]; then tmux -L "$sock" paste-buffer -d -p -b p -t b; else tmux -L "$sock" paste-buffer -d -b p -t b; fi
        wait_for "smtp>" 120
        times+=($(($(now_ms) - t0)))
    done
    lines=$([[ $mode == bracketed ]] && echo 3000 || echo "${TYPED_LINES:-3000}")
    echo "paste $lines lines (50 bytes each) at DATA>, $mode: median $(printf '%s\n' "${times[@]}" | median) ms (runs: ${times[*]})"
done

echo_latency() { # LABEL — the pane already shows the console or cat, ready for input
    echo "$1: median $(echo_median_us) µs (30 keystroke groups)"
}
start cat
sleep 0.3
echo_latency "echo baseline (cat in tmux)"
start "$binary" 127.0.0.1 "$port" --plain
wait_for "S: 220" 60
echo_latency "echo, short transcript"
body 15000 "$work/long.txt"
tmux -L "$sock" send-keys -t b 'EHLO me.example' Enter 'MAIL FROM:<a@example.test>' Enter 'RCPT TO:<b@example.test>' Enter DATA Enter
wait_for "DATA>" 20
tmux -L "$sock" load-buffer -b p "$work/long.txt"
tmux -L "$sock" paste-buffer -d -p -b p -t b
wait_for "smtp>" 300
echo_latency "echo, 15,000-row transcript"
