#!/usr/bin/env bash
# Generates the throw-away TLS material the test servers present:
#   ca.pem/ca.key               test CA (the only trust anchor tests use)
#   server.pem/server.key       CN=localhost, SAN localhost/127.0.0.1/::1, signed by the CA
#   expired.pem/expired.key     same names, signed by the CA, validity entirely in the past
#   wronghost.pem/wronghost.key CN/SAN wrong.example, signed by the CA
#   selfsigned.pem/selfsigned.key  CN=localhost, self-signed, unrelated to the CA
# Usage: make-tls.sh DIR. Reuses existing material unless the server
# certificate expires within a day, so restarts keep the same CA.
set -euo pipefail

dir=${1:?usage: make-tls.sh DIR}
mkdir -p "$dir"
cd "$dir"

if [[ -s ca.pem && -s server.pem && -s expired.pem && -s wronghost.pem && -s selfsigned.pem ]] &&
    openssl x509 -in server.pem -noout -checkend 86400 >/dev/null 2>&1; then
    exit 0
fi

rm -rf ./*.pem ./*.key ./*.csr ./*.cnf ./ca-db
umask 022
mkdir -p ca-db/new
: >ca-db/index.txt
# Random serials: a reissued certificate must never repeat one the client may
# have cached alongside the old CA.
openssl rand -hex 16 >ca-db/serial

# `openssl ca` rather than `x509 -req` because it accepts explicit
# -startdate/-enddate on OpenSSL 3.0 (Debian 12), which the expired
# certificate needs; `x509 -not_before` only exists from 3.4 on.
cat >ca.cnf <<'CNF'
[ ca ]
default_ca = test_ca

[ test_ca ]
dir             = .
database        = $dir/ca-db/index.txt
new_certs_dir   = $dir/ca-db/new
serial          = $dir/ca-db/serial
certificate     = $dir/ca.pem
private_key     = $dir/ca.key
default_md      = sha256
policy          = policy_any
unique_subject  = no
copy_extensions = none
email_in_dn     = no

[ policy_any ]
commonName       = supplied
organizationName = optional

[ req ]
distinguished_name = req_dn
prompt             = no

[ req_dn ]
CN = unused

[ v3_ca ]
basicConstraints       = critical, CA:true
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash

[ v3_localhost ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:localhost, IP:127.0.0.1, IP:::1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ v3_wronghost ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:wrong.example
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ v3_selfsigned ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature, keyEncipherment, keyCertSign
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:localhost, IP:127.0.0.1, IP:::1
subjectKeyIdentifier   = hash
CNF

newkey() {
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null
    chmod 600 "$1"
}

# The CA starts a day in the past so a clock skew between generation and use
# never makes the chain "not yet valid".
newkey ca.key
openssl req -new -key ca.key -subj "/O=SmtpConsole Tests/CN=SmtpConsole Test CA" -out ca.csr
openssl ca -batch -config ca.cnf -selfsign -keyfile ca.key -in ca.csr -out ca.pem -notext \
    -extensions v3_ca -startdate "$(date -u -d '1 day ago' +%Y%m%d%H%M%SZ)" -days 3650 2>/dev/null

issue() { # name subject extensions [ca-args...]
    local name=$1 subject=$2 ext=$3
    shift 3
    newkey "$name.key"
    openssl req -new -key "$name.key" -subj "$subject" -out "$name.csr"
    openssl ca -batch -config ca.cnf -in "$name.csr" -out "$name.pem" -notext -extensions "$ext" "$@" 2>/dev/null
}

issue server "/O=SmtpConsole Tests/CN=localhost" v3_localhost \
    -startdate "$(date -u -d '1 day ago' +%Y%m%d%H%M%SZ)" -days 825
# Expired: valid for one day, ending well before today (but after the CA's
# own start so only the leaf's dates are wrong).
issue expired "/O=SmtpConsole Tests/CN=localhost" v3_localhost \
    -startdate "$(date -u -d '3 days ago' +%Y%m%d%H%M%SZ)" -enddate "$(date -u -d '2 days ago' +%Y%m%d%H%M%SZ)"
issue wronghost "/O=SmtpConsole Tests/CN=wrong.example" v3_wronghost \
    -startdate "$(date -u -d '1 day ago' +%Y%m%d%H%M%SZ)" -days 825

newkey selfsigned.key
openssl req -new -x509 -key selfsigned.key -subj "/O=SmtpConsole Tests/CN=localhost" \
    -config ca.cnf -extensions v3_selfsigned -days 825 -out selfsigned.pem

rm -f ./*.csr
# Private keys stay root-only; certificates are public so a non-root test run
# can still read the CA to trust it.
chmod 644 ./*.pem
