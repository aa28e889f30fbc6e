#!/usr/bin/env python3
"""Alternating wall-clock timer for whole processes (the bench/*.sh scripts call it).

Runs every command once per round, rotating the order each round, so background load on a shared machine hits
all of them alike; reports median/min/max per command, the ratio of medians to the first command, and the
median of per-round ratios. Exits non-zero if any run fails.

  alt.py [-n ROUNDS] [-w WARMUP] [--json FILE] [--title TEXT] LABEL=COMMAND ...

COMMAND is split like a shell line (shlex) and run without a shell; `< FILE` and `> FILE` redirect stdin/stdout
(stdout and stderr go to /dev/null otherwise). A COMMAND starting with `tmux:` is started in a detached 120x35
tmux session instead, and the time is until `--marker TEXT` appears on its screen (polled with capture-pane).
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

TMUX_SOCKET = "smtpconsole-bench"


def parse_command(text):
    tokens = shlex.split(text)
    argv, stdin, stdout = [], None, None
    i = 0
    while i < len(tokens):
        if tokens[i] == "<":
            stdin = tokens[i + 1]
            i += 2
        elif tokens[i] == ">":
            stdout = tokens[i + 1]
            i += 2
        else:
            argv.append(tokens[i])
            i += 1
    return argv, stdin, stdout


def run_process(command, env):
    """Wall time in ns and the child's CPU time (user + system) in ns."""
    argv, stdin, stdout = parse_command(command)
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    fout = open(stdout, "wb") if stdout else subprocess.DEVNULL
    with tempfile.TemporaryFile() as ferr:
        try:
            start = time.perf_counter_ns()
            proc = subprocess.Popen(argv, stdin=fin, stdout=fout, stderr=ferr, env=env)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter_ns() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if stdin:
                fin.close()
            if stdout:
                fout.close()
        if proc.returncode != 0:
            ferr.seek(0)
            raise RuntimeError(f"{command!r} exited {proc.returncode}: {ferr.read().decode(errors='replace')[-2000:]}")
    return elapsed, int((usage.ru_utime + usage.ru_stime) * 1e9)


def tmux(*args, check=True):
    return subprocess.run(["tmux", "-L", TMUX_SOCKET, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=check)


def first_frame(command, marker, timeout_s, poll_ms):
    """Time from starting the command in a fresh tmux session until `marker` is on its screen."""
    name = f"ff{os.getpid()}{time.monotonic_ns() % 100000}"
    argv, _, _ = parse_command(command)
    start = time.perf_counter_ns()
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "35", "exec " + shlex.join(argv))
    try:
        tmux("set-option", "-t", name, "remain-on-exit", "on", check=False)
        deadline = start + int(timeout_s * 1e9)
        while True:
            screen = tmux("capture-pane", "-p", "-t", name, check=False).stdout.decode(errors="replace")
            now = time.perf_counter_ns()
            if marker in screen:
                return now - start, pane_cpu(name)
            dead = tmux("display-message", "-p", "-t", name, "#{pane_dead}", check=False).stdout.strip() == b"1"
            if dead:
                screen = tmux("capture-pane", "-p", "-t", name, check=False).stdout.decode(errors="replace")
                if marker in screen:
                    return now - start, None
                text = " ".join(screen.split())[:300]
                raise RuntimeError(f"{command!r} exited before {marker!r} appeared; screen: {text}")
            if now > deadline:
                raise RuntimeError(f"{marker!r} did not appear within {timeout_s} s; screen: {' '.join(screen.split())[:300]}")
            time.sleep(poll_ms / 1000)
    finally:
        tmux("kill-session", "-t", name, check=False)


def pane_cpu(name):
    """CPU time (user + system, ns; 10 ms resolution) used so far by the process in the pane."""
    pid = tmux("display-message", "-p", "-t", name, "#{pane_pid}", check=False).stdout.decode().strip()
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])
        return int(ticks * 1e9 / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return None


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--rounds", type=int, default=10)
    ap.add_argument("-w", "--warmup", type=int, default=2)
    ap.add_argument("--json")
    ap.add_argument("--title", default="")
    ap.add_argument("--marker", default=None)
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--poll-ms", type=float, default=2.0)
    ap.add_argument("--unit", choices=["ms", "s"], default="ms")
    ap.add_argument("--ratio", action="append", default=[], metavar="A/B", help="also print median(A)/median(B) and the median of per-round A/B")
    ap.add_argument("commands", nargs="+", metavar="LABEL=COMMAND")
    args = ap.parse_args()

    labels, commands = [], []
    for item in args.commands:
        label, _, command = item.partition("=")
        labels.append(label)
        commands.append(command)

    env = dict(os.environ)
    uses_tmux = any(c.startswith("tmux:") for c in commands)
    if uses_tmux:
        if args.marker is None:
            sys.exit("alt.py: tmux: commands need --marker")
        # A server that stays up for the whole measurement, so no run pays for starting tmux itself.
        tmux("kill-server", check=False)
        tmux("new-session", "-d", "-s", "keepalive", "-x", "120", "-y", "35", "sleep 100000")

    def once(command):
        if command.startswith("tmux:"):
            return first_frame(command[5:], args.marker, args.timeout, args.poll_ms)
        return run_process(command, env)

    load_before = load()
    try:
        for _ in range(args.warmup):
            for command in commands:
                once(command)
        samples = [[] for _ in commands]
        cpu = [[] for _ in commands]
        for r in range(args.rounds):
            order = [(r + k) % len(commands) for k in range(len(commands))]
            for k in order:
                wall, used = once(commands[k])
                samples[k].append(wall)
                if used is not None:
                    cpu[k].append(used)
    finally:
        if uses_tmux:
            tmux("kill-server", check=False)
    load_after = load()

    scale = 1e6 if args.unit == "ms" else 1e9
    medians = [statistics.median(s) / scale for s in samples]
    result = {
        "title": args.title,
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "rounds": args.rounds,
        "load_before": load_before,
        "load_after": load_after,
        "unit": args.unit,
        "commands": [],
    }
    print(f"## {args.title}" if args.title else "##")
    print(f"{args.rounds} alternating rounds (+{args.warmup} warm-up), load average before {load_before}, after {load_after}")
    print(f"| command | median {args.unit} | min | max | ratio of medians to {labels[0]} | median of paired ratios | median CPU {args.unit} (user+sys) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for i, label in enumerate(labels):
        s = [x / scale for x in samples[i]]
        paired = statistics.median(a / b for a, b in zip(s, [x / scale for x in samples[0]]))
        ratio = medians[i] / medians[0]
        cpu_median = statistics.median(cpu[i]) / scale if cpu[i] else None
        cpu_text = f"{cpu_median:.1f}" if cpu_median is not None else "-"
        print(f"| {label} | {medians[i]:.1f} | {min(s):.1f} | {max(s):.1f} | {ratio:.2f} | {paired:.2f} | {cpu_text} |")
        result["commands"].append({"label": label, "command": commands[i], "median": medians[i], "min": min(s), "max": max(s),
                                   "ratio": ratio, "paired_ratio": paired, "cpu_median": cpu_median, "samples": s})
    result["ratios"] = []
    for spec in args.ratio:
        a, _, b = spec.partition("/")
        ia, ib = labels.index(a), labels.index(b)
        of_medians = medians[ia] / medians[ib]
        paired = statistics.median(x / y for x, y in zip(samples[ia], samples[ib]))
        print(f"ratio {a} / {b}: {of_medians:.2f} (ratio of medians), {paired:.2f} (median of per-round ratios)")
        result["ratios"].append({"a": a, "b": b, "ratio": of_medians, "paired": paired})
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        # Results are kept and compared across machines: the checkout's own path is written as "<repo>".
        repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        text = json.dumps(result, indent=1).replace(json.dumps(repo)[1:-1], "<repo>")
        with open(args.json, "w") as f:
            f.write(text)


if __name__ == "__main__":
    try:
        main()
    except RuntimeError as e:
        sys.exit(f"alt.py: {e}")
