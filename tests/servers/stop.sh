#!/usr/bin/env bash
# Stops every test server start.sh started (found through the pid files under
# tests/servers/.run/) and waits until the processes are gone. Idempotent;
# keeps logs, mail and TLS material for inspection.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=paths.sh source-path=SCRIPTDIR
. "$here/paths.sh"

[[ -d $run ]] || exit 0

# start.sh calls us while holding the lock; flock is not re-entrant across
# processes, so only take it when running on our own.
if [[ -z ${SMTPCONSOLE_SERVERS_LOCKED:-} ]]; then
    exec 9>"$run/.lock"
    flock -w 120 9 || {
        echo "stop.sh: timed out waiting for $run/.lock" >&2
        exit 1
    }
fi

read_pid() { # pidfile expected-cmdline-substring -> pid on stdout if that process is alive
    local pid
    [[ -s $1 ]] || return 1
    pid=$(tr -dc '0-9' <"$1")
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
    # A pid file left over from before a reboot may name an unrelated process
    # by now; only signal the program we started.
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2" || return 1
    echo "$pid"
}

pids=()
stopped=()

if pid=$(read_pid "$postfix_queue/pid/master.pid" postfix/sbin/master); then
    pids+=("$pid")
    # `postfix stop` also tells the children to exit; fall back to signalling
    # the master if the config dir is gone.
    postfix -c "$run/postfix/conf" stop >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    stopped+=(postfix)
fi
if pid=$(read_pid "$dovecot_base/master.pid" "$run/dovecot/dovecot.conf"); then
    pids+=("$pid")
    # SIGTERM to the Dovecot master is what `doveadm stop` does, minus needing
    # a working config.
    kill -TERM "$pid" 2>/dev/null || true
    stopped+=(dovecot)
fi
if pid=$(read_pid "$run/exim/exim.pid" "$run/exim/exim.conf"); then
    pids+=("$pid")
    kill -TERM "$pid" 2>/dev/null || true
    stopped+=(exim)
fi
for name in aiosmtpd sink smtp-server; do
    case $name in
        aiosmtpd) expect=aiosmtpd_server.py ;;
        sink) expect=smtp-sink ;;
        smtp-server) expect=smtp-server/server.js ;;
    esac
    if pid=$(read_pid "$run/$name.pid" "$expect"); then
        pids+=("$pid")
        kill -TERM "$pid" 2>/dev/null || true
        stopped+=("$name")
    fi
done

# Masters exit after their children; wait for all of them (Postfix can take
# a second or two), then insist.
children() { # pid -> pids of its descendants
    local c
    for c in $(pgrep -P "$1" 2>/dev/null || true); do
        echo "$c"
        children "$c"
    done
}
if ((${#pids[@]} > 0)); then
    family=()
    for pid in "${pids[@]}"; do
        family+=("$pid")
        while read -r c; do
            [[ -n $c ]] && family+=("$c")
        done < <(children "$pid")
    done
    for _ in $(seq 100); do
        alive=()
        for pid in "${family[@]}"; do
            kill -0 "$pid" 2>/dev/null && alive+=("$pid")
        done
        ((${#alive[@]} == 0)) && break
        sleep 0.1
    done
    for pid in "${alive[@]}"; do
        echo "stop.sh: process $pid did not exit, killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
    done
fi

rm -f "$run/aiosmtpd.pid" "$run/sink.pid" "$run/smtp-server.pid" "$run/exim/exim.pid" "$run/servers.json"
if ((${#stopped[@]} > 0)); then
    echo "stop.sh: stopped ${stopped[*]}"
else
    echo "stop.sh: nothing was running"
fi
