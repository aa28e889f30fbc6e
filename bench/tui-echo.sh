#!/usr/bin/env bash
# Keystroke echo under tmux, alternating builds in the same run (so load from other work falls on all alike):
# from `tmux send-keys` of a short marker to the marker being on the pane, 30 keystroke groups per measurement,
# next to the same loop against `cat` (the baseline: tmux + capture-pane polling). Each console is measured with
# a short transcript and with a ~15,000-row one (a 15,000-line body pasted at DATA>), against Postfix's smtp-sink.
# Usage: bench/tui-echo.sh [ROUNDS] [BINARY...]   (default 3 rounds, the AOT binary of this checkout)
#        LABELS="before after" names the binaries in the output.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-3}
shift || true
binaries=("$@")
((${#binaries[@]})) || binaries=("$("$repo/scripts/publish-aot.sh")")
read -r -a labels <<<"${LABELS:-}"
for ((b = ${#labels[@]}; b < ${#binaries[@]}; b++)); do labels[b]="binary$b"; done
. "$repo/bench/tmux-lib.sh"
tmux_bench_init tui-echo 1000
python3 - "$work/long.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(15000): f.write(f"{i:05d} " + chr(97 + i % 26) * 44 + "\n")
    f.write(".\n")
PY

declare -A results
for ((r = 0; r < rounds; r++)); do
    start cat
    sleep 0.3
    results[cat]+="$(echo_median_us) "
    n=${#binaries[@]}
    for ((k = 0; k < n; k++)); do
        b=$(((k + r) % n)) # order rotated each round
        start "${binaries[b]}" 127.0.0.1 "$port" --plain
        wait_for "S: 220" 60
        results[${labels[b]}-short]+="$(echo_median_us) "
        tmux -L "$sock" send-keys -t b 'EHLO me.example' Enter 'MAIL FROM:<a@example.test>' Enter 'RCPT TO:<b@example.test>' Enter DATA Enter
        wait_for "DATA>" 20
        tmux -L "$sock" load-buffer -b p "$work/long.txt"
        tmux -L "$sock" paste-buffer -d -p -b p -t b
        wait_for "smtp>" 300
        results[${labels[b]}-long]+="$(echo_median_us) "
    done
    echo "round $((r + 1)): load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
# Above cat: the median of the per-round differences (each round's console and cat ran back to back).
python3 - "${results[cat]}" "${labels[@]}" -- "$(for l in "${labels[@]}"; do printf '%s|%s;' "${results[$l-short]}" "${results[$l-long]}"; done)" <<'PY'
import statistics, sys
args = sys.argv[1:]
cat = [int(x) for x in args[0].split()]
sep = args.index("--")
labels, packed = args[1:sep], args[sep + 1]
print("| what | median of round medians (µs) | above cat, median of per-round differences (µs) | rounds (µs) |")
print("|---|---:|---:|---|")
print(f"| cat in tmux (baseline) | {statistics.median(cat):.0f} | | {' '.join(map(str, cat))} |")
for label, pair in zip(labels, packed.strip(";").split(";")):
    for kind, text in zip(("short", "long"), pair.split("|")):
        v = [int(x) for x in text.split()]
        d = [a - b for a, b in zip(v, cat)]
        print(f"| {label}, {kind} transcript | {statistics.median(v):.0f} | {statistics.median(d):.0f} | {' '.join(map(str, v))} |")
PY
