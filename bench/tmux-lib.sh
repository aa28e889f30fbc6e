# Shared by the tmux benchmarks (tui-paste.sh, tui-echo.sh): a private tmux server, Postfix's smtp-sink on a free
# loopback port, and pane polling. Source it, then call: tmux_bench_init NAME SINK_BACKLOG
# Defines: work, sock, port, sink, now_ms, pane, wait_for TEXT [TIMEOUT_S], start ARGS… (a 120x35 pane "b").
tmux_bench_init() { # NAME BACKLOG
    work=$(mktemp -d "/tmp/smtpconsole-$1.XXXXXX")
    sock=$1-$$
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    smtp-sink -u nobody 127.0.0.1:"$port" "$2" &
    sink=$!
    trap tmux_bench_cleanup EXIT
}
tmux_bench_cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; kill "$sink" 2>/dev/null || true; rm -rf "$work"; }
now_ms() { date +%s%3N; }
pane() { tmux -L "$sock" capture-pane -p -t b; }
wait_for() { # TEXT TIMEOUT_S
    local deadline=$(($(now_ms) + ${2:-30} * 1000))
    until pane | grep -qF -- "$1"; do
        (($(now_ms) < deadline)) || { echo "timeout waiting for '$1'" >&2; pane >&2; return 1; }
        sleep 0.005
    done
}
start() { # ARGS…
    tmux -L "$sock" kill-server 2>/dev/null || true
    while tmux -L "$sock" has-session 2>/dev/null; do sleep 0.05; done
    sleep 0.2 # the old server must be gone before a new one takes the socket
    tmux -L "$sock" -f /dev/null new-session -d -s b -x 120 -y 35 -e SMTPCONSOLE_DATA_DIR="$work/data" -e TERM=xterm-256color "$@"
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f", m}'; }
echo_median_us() { # the median µs from sending 30 short markers to each showing on the pane (ready for input)
    local samples=() c t0 marker
    for ((i = 0; i < 30; i++)); do
        c=$(printf "\\x$(printf %x $((97 + i % 26)))")
        marker="q${c}${i}z"
        t0=$(date +%s%N)
        tmux -L "$sock" send-keys -t b -l "$marker"
        until pane | grep -qF -- "$marker"; do :; done
        samples+=($((($(date +%s%N) - t0) / 1000)))
        tmux -L "$sock" send-keys -t b C-u
        sleep 0.05
    done
    printf '%s\n' "${samples[@]}" | median
}
