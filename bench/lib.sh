# Sourced by the bench/*.sh scripts: repository paths, the local test servers, machine facts.
# shellcheck shell=bash disable=SC2034  # variables are for the sourcing script
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench=$repo/bench
results=$bench/results # gitignored: raw JSON of each run
work=${BENCH_WORK:-/tmp/smtpconsole-bench}
rounds=${ROUNDS:-10}
mkdir -p "$results" "$work"

die() {
    echo "${0##*/}: $*" >&2
    exit 1
}

# The servers' description: $SMTPCONSOLE_TEST_SERVERS, this checkout's tests/servers/.run/servers.json (started
# here when absent), or the one of another worktree of this repository whose servers already run on the ports.
find_servers() {
    local candidate
    if [[ -n ${SMTPCONSOLE_TEST_SERVERS:-} ]]; then
        echo "$SMTPCONSOLE_TEST_SERVERS"
        return
    fi
    if [[ -s $repo/tests/servers/.run/servers.json ]] && "$repo/tests/servers/start.sh" --no-deps >/dev/null 2>&1; then
        echo "$repo/tests/servers/.run/servers.json"
        return
    fi
    while read -r candidate; do
        candidate=$candidate/tests/servers/.run/servers.json
        if [[ -s $candidate ]] && python3 "$repo/tests/servers/probe.py" 127.0.0.1 \
            "$(json_get "$candidate" ports.submission)" "$(json_get "$candidate" ports.sink)" 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done < <(git -C "$repo" worktree list --porcelain | sed -n 's/^worktree //p')
    "$repo/tests/servers/start.sh" >&2 || die "cannot start the test servers (tests/servers/start.sh needs root)"
    echo "$repo/tests/servers/.run/servers.json"
}

json_get() { # file dotted.key
    python3 -c 'import json,sys
v=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v=v[int(k)] if isinstance(v,list) else v[k]
print(v)' "$1" "$2"
}

load_servers() {
    servers=$(find_servers)
    host=$(json_get "$servers" host)
    port_submission=$(json_get "$servers" ports.submission)
    port_sink=$(json_get "$servers" ports.sink)
    cafile=$(json_get "$servers" caFile)
    user=$(json_get "$servers" users.0.name)
    password=$(json_get "$servers" users.0.password)
    from=$(json_get "$servers" users.0.address)
    to=$(json_get "$servers" users.1.address)
    echo "servers: $servers (submission $host:$port_submission, sink $host:$port_sink)" >&2
}

machine() {
    local cpu
    cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
    echo "machine: $cpu, $(nproc) CPUs, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r); $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
}

aot_binary() {
    "$bench/publish-aot.sh"
}

# bench/MinimalSmtpClient published with Native AOT (again only when its sources changed); prints the binary's path.
minimal_client_binary() {
    local project=$bench/MinimalSmtpClient out=$work/minimal-client stamp
    stamp=$(cat "$project"/*.cs "$project"/*.csproj "$repo/Directory.Build.props" | sha256sum | cut -d' ' -f1)
    if [[ ! -x $out/minimal-smtp-client || $(cat "$out/.stamp" 2>/dev/null) != "$stamp" ]]; then
        echo "bench: publishing bench/MinimalSmtpClient (Native AOT, about a minute)…" >&2
        dotnet publish "$project/MinimalSmtpClient.csproj" -c Release -r linux-x64 -o "$out" --nologo </dev/null >"$work/minimal-client.log" 2>&1 ||
            die "publishing bench/MinimalSmtpClient failed: $work/minimal-client.log"
        echo "$stamp" >"$out/.stamp"
    fi
    echo "$out/minimal-smtp-client"
}
