#!/usr/bin/env bash
# Idle CPU of the console (AOT) in a 120x35 tmux pane, connected to Postfix's smtp-sink on a free loopback port, over
# 10 s with nothing happening, once per main-loop rate given (SMTPCONSOLE_TUI_ITERATIONS).
# Usage: bench/idle-cpu.sh [RATE...]   (default: 25 100 25 100)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary=${SMTPCONSOLE_E2E_BINARY:-$("$repo/scripts/publish-aot.sh")}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
work=$(mktemp -d /tmp/smtpconsole-idle.XXXXXX)
sock=idlebench-$$
smtp-sink -u nobody 127.0.0.1:"$port" 100 &
sink=$!
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; kill "$sink" 2>/dev/null || true; rm -rf "$work"' EXIT
ticks=$(getconf CLK_TCK)
for rate in "${@:-25 100 25 100}"; do
    for r in $rate; do
        tmux -L "$sock" -f /dev/null new-session -d -s b -x 120 -y 35 -e SMTPCONSOLE_TUI_ITERATIONS="$r" \
            -e SMTPCONSOLE_DATA_DIR="$work/data" -e TERM=xterm-256color "$binary" 127.0.0.1 "$port" --plain
        sleep 3
        pid=$(tmux -L "$sock" display -p -t b '#{pane_pid}')
        a=$(awk '{print $14+$15}' "/proc/$pid/stat"); sleep 10; b=$(awk '{print $14+$15}' "/proc/$pid/stat")
        echo "$r iterations/s: $(((b - a) * 1000 / ticks)) ms CPU in 10 s idle ($(awk -v c=$((b - a)) -v t="$ticks" 'BEGIN{printf "%.1f", c*100/t/10}') % of a CPU)"
        tmux -L "$sock" kill-server
        sleep 0.3
    done
done
