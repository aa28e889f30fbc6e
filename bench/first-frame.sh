#!/usr/bin/env bash
# First frame with a server: from launching `smtpconsole HOST PORT` (AOT) in a fresh 120x35 tmux pane until the
# server's greeting ("220 sink…" from smtp-sink) is on the screen, polled with capture-pane every 3 ms; against the
# same loop running `echo` of that line (the tmux baseline). Target: ≤ 60 ms above the baseline (median of the
# per-round differences). usage: bench/first-frame.sh   (env: ROUNDS=20)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v tmux >/dev/null || die "tmux is needed: apt-get install -y tmux"
load_servers
bin=$(aot_binary)
machine
rounds=${ROUNDS:-20}
greeting=$(python3 - "$host" "$port_sink" <<'PY'
import socket, sys
with socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=5) as s:
    print(s.makefile("rb").readline().decode().strip())
    s.sendall(b"QUIT\r\n")
PY
)
marker=${greeting:0:12}
echo "greeting: $greeting (marker '$marker')"
# A private data directory: session logs and history of the runs stay out of the user's.
export XDG_DATA_HOME=$work/first-frame-data XDG_STATE_HOME=$work/first-frame-data HOME=$work/first-frame-home
mkdir -p "$XDG_DATA_HOME" "$HOME"

python3 "$bench/alt.py" -n "$rounds" -w 2 --poll-ms 3 --marker "$marker" --title "greeting in the first frame: smtpconsole $host $port_sink (tmux 120x35)" \
    --json "$results/first-frame-greeting.json" --ratio smtpconsole/baseline \
    "baseline=tmux:sh -c 'echo \"S: $greeting\"; exec sleep 60'" \
    "smtpconsole=tmux:$bin $host $port_sink"
python3 - "$results/first-frame-greeting.json" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))
c = {x["label"]: x["samples"] for x in r["commands"]}
d = [a - b for a, b in zip(c["smtpconsole"], c["baseline"])]
print(f"greeting visible above the tmux baseline: median {statistics.median(d):.1f} ms of paired differences "
      f"(min {min(d):.1f}, max {max(d):.1f}); baseline median {statistics.median(c['baseline']):.1f} ms")
PY
