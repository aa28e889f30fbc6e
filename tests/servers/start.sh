#!/usr/bin/env bash
# Starts the private test mail servers (Postfix + Dovecot SASL, Exim, aiosmtpd,
# smtp-sink, nodemailer smtp-server) under tests/servers/.run/ and writes
# .run/servers.json.
# Idempotent: exits 0 at once when they already run and answer.
#
# usage: start.sh [--sink] [--restart] [--no-deps]
#   --sink     accepted for compatibility; the smtp-sink is always started
#   --restart  stop running servers first, then start fresh
#   --no-deps  skip tests/install-deps.sh
# env: SMTPCONSOLE_TEST_PORT_OFFSET  added to every port (default 0), so two
#      checkouts on one machine can run their servers side by side.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
py=/usr/bin/python3
# shellcheck source=paths.sh source-path=SCRIPTDIR
. "$here/paths.sh"

restart=0
deps=1
for arg in "$@"; do
    case $arg in
        --sink) ;;
        --restart) restart=1 ;;
        --no-deps) deps=0 ;;
        *)
            echo "start.sh: unknown argument: $arg" >&2
            exit 2
            ;;
    esac
done

if ((deps)); then
    "$repo/tests/install-deps.sh"
fi

if [[ $(id -u) -ne 0 ]]; then
    # Postfix's master daemon and Dovecot need root to drop privileges to
    # their service users; there is no unprivileged mode.
    echo "start.sh: must run as root (Postfix and Dovecot drop privileges themselves)." >&2
    echo "start.sh: try: sudo $here/start.sh   (mail files will then be owned by you)" >&2
    exit 1
fi

offset=${SMTPCONSOLE_TEST_PORT_OFFSET:-0}
if ! [[ $offset =~ ^[0-9]+$ ]]; then
    echo "start.sh: SMTPCONSOLE_TEST_PORT_OFFSET must be a number, got '$offset'" >&2
    exit 2
fi
host=127.0.0.1
p_smtp=$((2525 + offset))
p_aiosmtpd=$((2526 + offset))
p_sink=$((2527 + offset))
p_submission=$((2587 + offset))
p_submission_noplain=$((2588 + offset))
p_submission_plainauth=$((2468 + offset))
p_smtps=$((2465 + offset))
p_smtps_expired=$((2466 + offset))
p_smtps_wronghost=$((2467 + offset))
p_smtpserver=$((2529 + offset))
p_smtpserver_tls=$((2469 + offset))
p_exim=$((2530 + offset))
p_exim_tls=$((2470 + offset))
p_exim_broken_tls=$((2531 + offset))
all_probes=("$p_smtp" "$p_submission" "$p_submission_noplain" "$p_submission_plainauth"
    "tls:$p_smtps" "tls:$p_smtps_expired" "tls:$p_smtps_wronghost" "$p_aiosmtpd" "$p_sink"
    "$p_smtpserver" "tls:$p_smtpserver_tls" "$p_exim" "tls:$p_exim_tls" "$p_exim_broken_tls")

mkdir -p "$run"
chmod 755 "$run"
# Serialise concurrent starts (test.sh and a test fixture may race). Every
# long-lived server below is started with 9>&- or it would inherit the lock.
exec 9>"$run/.lock"
flock -w 120 9 || {
    echo "start.sh: timed out waiting for $run/.lock" >&2
    exit 1
}
export SMTPCONSOLE_SERVERS_LOCKED=1

pid_alive() { # pidfile
    local pid
    [[ -s $1 ]] && pid=$(tr -dc '0-9' <"$1") && [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null
}

healthy() {
    [[ -s $run/servers.json ]] &&
        grep -q "\"smtp\": $p_smtp," "$run/servers.json" &&
        pid_alive "$postfix_queue/pid/master.pid" &&
        pid_alive "$dovecot_base/master.pid" &&
        pid_alive "$run/aiosmtpd.pid" &&
        pid_alive "$run/sink.pid" &&
        pid_alive "$run/smtp-server.pid" &&
        pid_alive "$run/exim/exim.pid" &&
        "$py" "$here/probe.py" "$host" "${all_probes[@]}" 2>/dev/null
}

if ((!restart)) && healthy; then
    echo "start.sh: test servers already running ($run/servers.json)"
    exit 0
fi

# Anything half-running from an earlier attempt goes first, so the port
# check below only sees strangers.
"$here/stop.sh" >/dev/null

if ! "$py" "$here/probe.py" --free "$host" "${all_probes[@]}"; then
    echo "start.sh: the ports above are taken by another process (another checkout's servers?)." >&2
    echo "start.sh: stop it, or set SMTPCONSOLE_TEST_PORT_OFFSET to use other ports." >&2
    exit 1
fi

show_logs() {
    local f
    for f in "$run/postfix/maillog" "$run/postfix/start.log" "$run/dovecot/dovecot.log" \
        "$run/dovecot/start.log" "$run/aiosmtpd.log" "$run/sink.log" "$run/smtp-server.log" \
        "$run/exim/start.log" "$run/exim/log/mainlog" "$run/exim/log/paniclog"; do
        if [[ -s $f ]]; then
            echo "----- $f (last 40 lines) -----" >&2
            tail -n 40 "$f" >&2
        fi
    done
}

fail() {
    echo "start.sh: $*" >&2
    show_logs
    "$here/stop.sh" >/dev/null 2>&1 || true
    exit 1
}

started_ns=$(date +%s%N)

"$here/make-tls.sh" "$run/tls" || fail "TLS material generation failed"

# Delivered Maildir files are created 0600 by the virtual agent, owned by
# this uid. Prefer the human behind sudo, else the checkout's owner, so a
# non-root test process can read them; root (CI) reads anything.
mail_uid=${SUDO_UID:-}
mail_gid=${SUDO_GID:-}
if [[ -z $mail_uid || $mail_uid == 0 ]]; then
    mail_uid=$(stat -c %u "$repo")
    mail_gid=$(stat -c %g "$repo")
fi
if [[ $mail_uid == 0 ]]; then
    mail_uid=$(id -u nobody)
    mail_gid=$(id -g nobody)
fi

# A fresh start begins with empty mailboxes and an empty queue, so stale mail
# from an earlier run can never satisfy a test's wait.
# Postfix's data_directory (PRNG state, locks) is kept: recreating it costs
# about a second of start time.
rm -rf "$run/postfix/conf" "$postfix_queue" "$run/dovecot" "$dovecot_base" "$run/mail" "$run/aiosmtpd" \
    "$run/servers.json" "$run/postfix/maillog" "$run/postfix/start.log" "$run/aiosmtpd.log" "$run/sink.log" \
    "$run/smtp-server-mail" "$run/smtp-server.log" "$run/exim"
mkdir -p "$run/postfix/conf" "$postfix_queue" "$run/postfix/data" \
    "$dovecot_base" "$run/dovecot/state" "$run/mail" "$run/aiosmtpd" "$run/smtp-server-mail"
chown postfix "$run/postfix/data"
chown "$mail_uid:$mail_gid" "$run/mail"
chmod 755 "$run/postfix" "$run/dovecot" "$run/mail"
if [[ $socket_root != "$run" ]]; then
    chmod 755 "$socket_root" "$socket_root/postfix" "$socket_root/dovecot"
fi

render() { # template output
    sed -e "s|@RUN@|$run|g" -e "s|@CONF@|$run/postfix/conf|g" \
        -e "s|@POSTFIX_QUEUE@|$postfix_queue|g" \
        -e "s|@DOVECOT_BASE@|$dovecot_base|g" -e "s|@AUTH_SOCKET@|$auth_socket|g" \
        -e "s|@UID@|$mail_uid|g" -e "s|@GID@|$mail_gid|g" \
        -e "s|@P_SMTP@|$p_smtp|g" -e "s|@P_SUBMISSION@|$p_submission|g" \
        -e "s|@P_SUBMISSION_NOPLAIN@|$p_submission_noplain|g" \
        -e "s|@P_SUBMISSION_PLAINAUTH@|$p_submission_plainauth|g" \
        -e "s|@P_SMTPS@|$p_smtps|g" -e "s|@P_SMTPS_EXPIRED@|$p_smtps_expired|g" \
        -e "s|@P_SMTPS_WRONGHOST@|$p_smtps_wronghost|g" \
        -e "s|@P_EXIM@|$p_exim|g" -e "s|@P_EXIM_TLS@|$p_exim_tls|g" -e "s|@P_EXIM_BROKEN_TLS@|$p_exim_broken_tls|g" -e "s|@EXIM@|$exim_binary|g" \
        "$1" >"$2"
    if grep -q '@[A-Z_]*@' "$2"; then
        fail "unsubstituted placeholder in $2: $(grep -o '@[A-Z_]*@' "$2" | head -1)"
    fi
}

# --- Dovecot (SASL only) -----------------------------------------------------
render "$here/dovecot/dovecot.conf.in" "$run/dovecot/dovecot.conf"
install -m 640 -o root -g dovecot "$here/dovecot/users" "$run/dovecot/users"
dovecot -c "$run/dovecot/dovecot.conf" </dev/null >"$run/dovecot/start.log" 2>&1 9>&- ||
    fail "dovecot did not start"
for _ in $(seq 100); do
    [[ -S $auth_socket ]] && break
    sleep 0.05
done
[[ -S $auth_socket ]] || fail "dovecot auth socket $auth_socket did not appear"
doveadm -c "$run/dovecot/dovecot.conf" auth test alice Wonderland-42 >>"$run/dovecot/start.log" 2>&1 ||
    fail "dovecot rejects alice's password (doveadm auth test)"

# --- Postfix -------------------------------------------------------------------
render "$here/postfix/main.cf.in" "$run/postfix/conf/main.cf"
render "$here/postfix/master.cf.in" "$run/postfix/conf/master.cf"
cp "$here/postfix/virtual_mailbox" "$here/postfix/virtual_relayed" "$run/postfix/conf/"
# `postfix -c DIR` needs no alternate_config_directories entry when run as
# root, so /etc/postfix is never read or written.
postfix -c "$run/postfix/conf" start </dev/null >"$run/postfix/start.log" 2>&1 9>&- ||
    fail "postfix did not start"

# --- aiosmtpd ------------------------------------------------------------------
# setsid: the servers must outlive a caller's process group (e.g. a test
# fixture that started them), and must not hold the caller's stdout open.
setsid "$py" "$here/aiosmtpd_server.py" --host "$host" --port "$p_aiosmtpd" \
    --cert "$run/tls/server.pem" --key "$run/tls/server.key" \
    --out "$run/aiosmtpd" --pidfile "$run/aiosmtpd.pid" \
    </dev/null >"$run/aiosmtpd.log" 2>&1 9>&- &

# --- smtp-sink -----------------------------------------------------------------
# -u postfix: drop root after binding. -h: a recognisable greeting. 256 is the
# listen backlog, enough for the benchmark's concurrent connections.
setsid smtp-sink -u postfix -h sink.example.test "$host:$p_sink" 256 \
    </dev/null >"$run/sink.log" 2>&1 9>&- &
echo "$!" >"$run/sink.pid"

# --- nodemailer smtp-server -------------------------------------------------------
# Its npm dependencies (pinned by smtp-server/package-lock.json) are installed
# under .run/smtp-server/ and reinstalled only when the lock file changes.
# Checked by use: the module must load.
deps_dir=$run/smtp-server
if ! cmp -s "$here/smtp-server/package-lock.json" "$deps_dir/package-lock.json" ||
    ! node -e "require('$deps_dir/node_modules/smtp-server')" 2>/dev/null; then
    rm -rf "$deps_dir"
    mkdir -p "$deps_dir"
    cp "$here/smtp-server/package.json" "$here/smtp-server/package-lock.json" "$deps_dir/"
    (cd "$deps_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >"$run/smtp-server-npm.log" 2>&1 ||
        fail "npm ci for smtp-server failed (see $run/smtp-server-npm.log)"
    node -e "require('$deps_dir/node_modules/smtp-server')" || fail "smtp-server does not load after npm ci"
fi
NODE_PATH=$deps_dir/node_modules setsid node "$here/smtp-server/server.js" --host "$host" \
    --port "$p_smtpserver" --tls-port "$p_smtpserver_tls" \
    --cert "$run/tls/server.pem" --key "$run/tls/server.key" \
    --out "$run/smtp-server-mail" --pidfile "$run/smtp-server.pid" \
    </dev/null >"$run/smtp-server.log" 2>&1 9>&- &

# --- Exim ------------------------------------------------------------------------
# The daemon starts as root and drops to Debian-exim for everything else, so that
# user owns its spool, log, mail and a copy of the server key.
[[ -x $exim_binary ]] || fail "the private Exim is missing ($exim_binary): run tests/install-deps.sh"
mkdir -p "$run/exim/spool" "$run/exim/log" "$run/exim/mail"
install -m 600 -o Debian-exim "$run/tls/server.key" "$run/exim/server.key"
install -m 644 "$run/tls/server.pem" "$run/exim/server.pem"
chown Debian-exim "$run/exim/spool" "$run/exim/log" "$run/exim/mail"
chmod 755 "$run/exim" "$run/exim/mail"
render "$here/exim/exim.conf.in" "$run/exim/exim.conf"
"$exim_binary" -C "$run/exim/exim.conf" -bd </dev/null >"$run/exim/start.log" 2>&1 9>&- ||
    fail "exim did not start"

if ! "$py" "$here/probe.py" --wait 20 "$host" "${all_probes[@]}"; then
    fail "not every port answered 220 within 20 s"
fi
pid_alive "$run/aiosmtpd.pid" || fail "aiosmtpd wrote no pid file"
pid_alive "$run/smtp-server.pid" || fail "smtp-server wrote no pid file"
pid_alive "$run/exim/exim.pid" || fail "exim wrote no pid file"

SERVERS_JSON_RUN=$run SERVERS_JSON_HOST=$host \
    P_SMTP=$p_smtp P_SUBMISSION=$p_submission P_SUBMISSION_NOPLAIN=$p_submission_noplain \
    P_SUBMISSION_PLAINAUTH=$p_submission_plainauth P_SMTPS=$p_smtps \
    P_SMTPS_EXPIRED=$p_smtps_expired P_SMTPS_WRONGHOST=$p_smtps_wronghost \
    P_AIOSMTPD=$p_aiosmtpd P_SINK=$p_sink P_SMTPSERVER=$p_smtpserver P_SMTPSERVER_TLS=$p_smtpserver_tls P_EXIM=$p_exim P_EXIM_TLS=$p_exim_tls P_EXIM_BROKEN_TLS=$p_exim_broken_tls \
    "$py" - <<'PY' || fail "could not write servers.json"
import json, os
e = os.environ
run = e["SERVERS_JSON_RUN"]
doc = {
    "host": e["SERVERS_JSON_HOST"],
    "domain": "example.test",
    "ports": {
        "smtp": int(e["P_SMTP"]),
        "submission": int(e["P_SUBMISSION"]),
        "submissionNoPlaintext": int(e["P_SUBMISSION_NOPLAIN"]),
        "submissionPlainAuth": int(e["P_SUBMISSION_PLAINAUTH"]),
        "smtps": int(e["P_SMTPS"]),
        "smtpsExpired": int(e["P_SMTPS_EXPIRED"]),
        "smtpsWrongHost": int(e["P_SMTPS_WRONGHOST"]),
        "aiosmtpd": int(e["P_AIOSMTPD"]),
        "sink": int(e["P_SINK"]),
        "smtpServer": int(e["P_SMTPSERVER"]),
        "smtpServerTls": int(e["P_SMTPSERVER_TLS"]),
        "exim": int(e["P_EXIM"]),
        "eximTls": int(e["P_EXIM_TLS"]),
        "eximBrokenTls": int(e["P_EXIM_BROKEN_TLS"]),
    },
    "caFile": f"{run}/tls/ca.pem",
    "serverCertFile": f"{run}/tls/server.pem",
    "expiredCertFile": f"{run}/tls/expired.pem",
    "wrongHostCertFile": f"{run}/tls/wronghost.pem",
    "selfSignedCertFile": f"{run}/tls/selfsigned.pem",
    "mailDir": f"{run}/mail",
    "aiosmtpdDir": f"{run}/aiosmtpd",
    "smtpServerDir": f"{run}/smtp-server-mail",
    "postfixLog": f"{run}/postfix/maillog",
    "eximMailDir": f"{run}/exim/mail",
    "eximLog": f"{run}/exim/log/mainlog",
    "users": [
        {"name": "alice", "password": "Wonderland-42", "address": "alice@example.test"},
        {"name": "bob", "password": "Builder-7", "address": "bob@example.test"},
    ],
}
tmp = f"{run}/servers.json.tmp"
with open(tmp, "w") as f:
    json.dump(doc, f, indent=2)
    f.write("\n")
os.chmod(tmp, 0o644)
os.replace(tmp, f"{run}/servers.json")
PY

elapsed_ms=$((($(date +%s%N) - started_ns) / 1000000))
echo "start.sh: test servers up in ${elapsed_ms} ms: smtp $p_smtp, submission $p_submission," \
    "submission-noplain $p_submission_noplain, submission-plainauth $p_submission_plainauth," \
    "smtps $p_smtps/$p_smtps_expired(expired)/$p_smtps_wronghost(wrong host)," \
    "aiosmtpd $p_aiosmtpd, sink $p_sink, smtp-server $p_smtpserver/$p_smtpserver_tls(tls)," \
    "exim $p_exim/$p_exim_tls(tls)/$p_exim_broken_tls(STARTTLS 454)"
echo "start.sh: $run/servers.json"
