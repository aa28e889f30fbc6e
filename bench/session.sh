#!/usr/bin/env bash
# Headless session: `smtpconsole replay` (AOT) of STARTTLS + AUTH LOGIN + one small message against the local Postfix
# submission port, against swaks and curl doing the same dialogue. Targets (issue 16): ≤ 0.4× swaks and ≤ 0.6× curl
# (medians of ≥ 20 alternating runs). usage: bench/session.sh   (env: ROUNDS=20)
# curl is told AUTH=LOGIN (it would pick DIGEST-MD5 from Postfix's list otherwise); swaks and curl verify the
# certificate against the same CA file smtpconsole gets with --cafile. dotnet-minimal (bench/MinimalSmtpClient) is the
# least a .NET program can do for the same dialogue, with the same AOT settings: the floor for any .NET client here.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rounds=${ROUNDS:-20}
load_servers
bin=$(aot_binary)
minimal=$(minimal_client_binary)
machine

msg=$work/session-msg.eml
printf 'From: %s\r\nTo: %s\r\nSubject: bench session\r\nMessage-ID: <bench-session@example.test>\r\n\r\nA small message.\r\n.a line with a leading dot\r\nThe end.\r\n' \
    "$from" "$to" >"$msg"
# smtpconsole narrows its trust store to --cafile by itself (TrustStoreNarrowing); smtpconsole-env-narrowed is the same
# binary with OpenSSL's locations pointed at the CA from outside, the reference the in-process narrowing should match.
mkdir -p "$work/no-system-certs"
script=$work/session.smtp
cat >"$script" <<SCRIPT
/ehlo bench.example.test
/auth login $user \${PASS}
MAIL FROM:<$from>
RCPT TO:<$to>
/data @$msg
QUIT
SCRIPT

python3 "$bench/alt.py" -n "$rounds" -w 2 --title "session: STARTTLS + AUTH LOGIN + 1 message to Postfix submission $host:$port_submission" \
    --json "$results/session.json" --ratio smtpconsole/swaks --ratio smtpconsole/curl --ratio smtpconsole/smtpconsole-env-narrowed \
    --ratio smtpconsole/dotnet-minimal --ratio dotnet-minimal/curl \
    "smtpconsole=$bin replay $script --host $host --port $port_submission --starttls --cafile $cafile --var PASS=$password" \
    "smtpconsole-env-narrowed=env SSL_CERT_FILE=$cafile SSL_CERT_DIR=$work/no-system-certs $bin replay $script --host $host --port $port_submission --starttls --cafile $cafile --var PASS=$password" \
    "dotnet-minimal=env SSL_CERT_FILE=$cafile SSL_CERT_DIR=$work/no-system-certs $minimal $host $port_submission $cafile $user $password $from $to $msg" \
    "swaks=swaks --server $host:$port_submission --tls --tls-verify --tls-ca-path $cafile --auth LOGIN --auth-user $user --auth-password $password --from $from --to $to --ehlo bench.example.test --data @$msg" \
    "curl=curl -sS --ssl-reqd --cacert $cafile --url smtp://$host:$port_submission --login-options AUTH=LOGIN --user $user:$password --mail-from $from --mail-rcpt $to --upload-file $msg"
