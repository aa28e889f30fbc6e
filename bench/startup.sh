#!/usr/bin/env bash
# Start-up: publishes the Native AOT and the JIT (framework-dependent) builds, then measures
#   1. `smtpconsole --version` (hyperfine when installed, and alternating AOT/JIT runs)      target ≤ 25 ms (AOT)
#   2. process start → first TUI frame under tmux (120x35): the time until MARKER is on the screen,
#      polled with `tmux capture-pane` every 2 ms                                            target ≤ 100 ms (AOT)
# usage: bench/startup.sh [--marker TEXT] [-- TUI ARGS...]    (env: ROUNDS=10)
#   --marker  text that appears in the first frame (default: "Quit", the status bar's quit shortcut)
#   TUI ARGS  arguments for the TUI run (default: none = the built-in practice server)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
marker=Quit
tui_args=()
while (($#)); do
    case $1 in
        --marker)
            marker=$2
            shift 2
            ;;
        --)
            shift
            tui_args=("$@")
            break
            ;;
        *) die "unknown argument: $1 (usage: startup.sh [--marker TEXT] [-- TUI ARGS...])" ;;
    esac
done
command -v tmux >/dev/null || die "tmux is needed: apt-get install -y tmux"

aot=$(aot_binary)
jit=$("$bench/publish-aot.sh" --jit)
machine
echo "AOT: $aot ($(du -h "$aot" | cut -f1)); JIT: $jit (framework-dependent, $(du -sh "$(dirname "$jit")" | cut -f1) folder)"

if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 5 --runs $((rounds * 3)) --export-json "$results/version-hyperfine.json" \
        "$aot --version" "$jit --version" >"$work/hyperfine.txt" 2>&1 || cat "$work/hyperfine.txt" >&2
    python3 - "$results/version-hyperfine.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print("## --version (hyperfine -N, consecutive runs)")
print("| build | median ms | mean ms | min | max | user+sys ms (mean) |")
print("|---|---:|---:|---:|---:|---:|")
for x, name in zip(r, ["AOT", "JIT"]):
    print(f"| {name} | {x['median']*1000:.1f} | {x['mean']*1000:.1f} | {x['min']*1000:.1f} | {x['max']*1000:.1f} | {(x['user']+x['system'])*1000:.1f} |")
PY
else
    echo "(hyperfine not installed: apt-get install -y hyperfine; the alternating runs below still measure --version)"
fi

python3 "$bench/alt.py" -n "$rounds" -w 3 --title "--version, alternating" --json "$results/version.json" --ratio aot/jit \
    "aot=$aot --version" "jit=$jit --version"

printf -v args ' %q' "${tui_args[@]}"
[[ ${#tui_args[@]} -eq 0 ]] && args=
if ! python3 "$bench/alt.py" -n "$rounds" -w 1 --title "first TUI frame (tmux 120x35, marker '$marker')" \
    --marker "$marker" --json "$results/first-frame.json" --ratio aot/jit \
    "aot=tmux:$aot$args" "jit=tmux:$jit$args" 2>"$work/first-frame.err"; then
    echo "first TUI frame: not measured: $(cat "$work/first-frame.err")"
    echo "(until the TUI is merged the binary prints a placeholder and exits; re-run with --marker TEXT once it lands)"
fi
