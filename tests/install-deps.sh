#!/usr/bin/env bash
# Installs the Debian packages the integration tests and tools need (real
# Postfix/Dovecot/aiosmtpd servers, swaks, tmux, fuzzing toolchain).
# Idempotent: does nothing when everything is present. Never configures or
# starts system mail services; tests/servers/start.sh runs private instances.
set -euo pipefail

# Package -> a check that proves the tests can use it. Checks run what the
# tests run (a module load, a binary's --version) instead of testing for a
# file: swaks without its TLS modules exists as /usr/bin/swaks but cannot
# do STARTTLS, and a file check let a fresh machine fail four swaks tests.
declare -A required=(
    [postfix]='test -x /usr/sbin/postfix && test -x /usr/sbin/postconf'
    [dovecot-core]='/usr/sbin/dovecot --version'
    [python3-aiosmtpd]='/usr/bin/python3 -c "import aiosmtpd.controller"'
    [swaks]='/usr/bin/swaks --version'
    [libnet-ssleay-perl]='perl -MNet::SSLeay -e1'
    [libio-socket-ssl-perl]='perl -MIO::Socket::SSL -e1'
    [tmux]='tmux -V'
    [openssl]='openssl version'
    [socat]='socat -V'
    [curl]='curl --version'
    [clang]='clang --version'
    [zlib1g-dev]='test -f /usr/include/zlib.h'
    [nodejs]='node --version'
    [npm]='npm --version'
)
# Nice to have: absence from the apt sources must not fail the run.
declare -A optional=(
    [afl++]='command -v afl-fuzz'
)

present() { bash -c "$1" >/dev/null 2>&1; }

# Exim, the second real MTA of the integration tests, is never installed as a package: exim4-daemon-light would
# replace Postfix as the system MTA. Debian's binary is unpacked from its .deb under $exim_root instead (start.sh runs
# it with a private configuration), and the service user compiled into it is created. Checked by running it.
exim_root=/opt/smtpconsole-test/exim # tests/servers/paths.sh names the binary under it
exim_binary=$exim_root/usr/sbin/exim4
exim_ready() { id Debian-exim >/dev/null 2>&1 && "$exim_binary" -C /dev/null -bV >/dev/null 2>&1; }
install_private_exim() {
    local download libraries
    # Its libraries (GnuTLS, libidn, Berkeley DB, …) are ordinary packages that conflict with nothing.
    mapfile -t libraries < <(apt-cache depends exim4-daemon-light 2>/dev/null | awk '$1 == "Depends:" && $2 ~ /^lib/ {print $2}')
    if ((${#libraries[@]} > 0)) &&
        ! apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${libraries[@]}" >/dev/null 2>&1; then
        echo "install-deps: installing Exim's libraries failed: ${libraries[*]}" >&2
        return 1
    fi
    download=$(mktemp -d)
    chmod 755 "$download" # apt's download runs as _apt and writes here
    if ! (cd "$download" && apt-get "${apt_opts[@]}" download -qq exim4-daemon-light >/dev/null 2>&1); then
        rm -rf "$download"
        echo "install-deps: apt-get download exim4-daemon-light failed" >&2
        return 1
    fi
    rm -rf "$exim_root"
    mkdir -p "$exim_root"
    dpkg-deb -x "$download"/exim4-daemon-light_*.deb "$exim_root"
    rm -rf "$download"
    # The package's binary is setuid root, for a system MTA; this copy only ever runs from start.sh as root.
    chmod u-s "$exim_binary"
    chmod 755 /opt/smtpconsole-test "$exim_root"
    id Debian-exim >/dev/null 2>&1 ||
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin Debian-exim
    exim_ready || {
        echo "install-deps: the unpacked Exim does not run: $("$exim_binary" -C /dev/null -bV 2>&1 | head -1)" >&2
        return 1
    }
    echo "install-deps: unpacked Exim $("$exim_binary" -C /dev/null -bV 2>/dev/null | sed -n '1s/^Exim version \([^ ]*\).*/\1/p') privately under $exim_root"
}

missing=()
for pkg in "${!required[@]}"; do
    present "${required[$pkg]}" || missing+=("$pkg")
done
missing_optional=()
for pkg in "${!optional[@]}"; do
    present "${optional[$pkg]}" || missing_optional+=("$pkg")
done

need_exim=0
exim_ready || need_exim=1

if ((${#missing[@]} == 0 && ${#missing_optional[@]} == 0 && !need_exim)); then
    echo "install-deps: all dependencies present"
    exit 0
fi

has_candidate() {
    [[ -n $(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)"') ]]
}

# With every required package present, only refresh apt for an optional one
# the current package lists actually offer: afl++ is absent from some Debian
# releases and must not cost an apt-get update on every test run.
if ((${#missing[@]} == 0 && !need_exim)); then
    offered=()
    for pkg in "${missing_optional[@]}"; do
        if has_candidate "$pkg"; then
            offered+=("$pkg")
        else
            echo "install-deps: note: optional package '$pkg' is not available from apt; continuing without it"
        fi
    done
    if ((${#offered[@]} == 0)); then
        echo "install-deps: all required dependencies present"
        exit 0
    fi
    missing_optional=("${offered[@]}")
fi

if [[ $(id -u) -ne 0 ]]; then
    if ((need_exim)); then
        echo "install-deps: the private Exim under $exim_root is missing; run this script as root once" >&2
        exit 1
    fi
    if ((${#missing[@]} > 0)); then
        echo "install-deps: missing packages: ${missing[*]}" >&2
        echo "install-deps: run as root, or: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
    echo "install-deps: optional packages missing (not root, skipped): ${missing_optional[*]}"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# Other jobs on the same machine may hold the apt/dpkg locks; wait rather than fail.
apt_opts=(-o DPkg::Lock::Timeout=600)

# Postfix's postinst would otherwise ask (or default to "Internet Site") and
# write /etc/postfix/main.cf for the whole machine; "No configuration" leaves
# the system alone since the tests run a private instance.
if [[ " ${missing[*]} " == *" postfix "* ]]; then
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
fi

# Keep invoke-rc.d from starting postfix/dovecot as system services during
# install. Only install our policy if none exists, and only remove ours.
policy=/usr/sbin/policy-rc.d
created_policy=0
cleanup() {
    if ((created_policy)); then rm -f "$policy"; fi
}
trap cleanup EXIT
if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    created_policy=1
fi

echo "install-deps: apt-get update"
apt-get "${apt_opts[@]}" update -qq

# Drop optional packages the configured sources do not carry.
installable_optional=()
for pkg in "${missing_optional[@]}"; do
    if has_candidate "$pkg"; then
        installable_optional+=("$pkg")
    else
        echo "install-deps: note: optional package '$pkg' is not available from apt; continuing without it"
    fi
done

to_install=("${missing[@]}" "${installable_optional[@]}")
if ((${#to_install[@]} > 0)); then
    echo "install-deps: installing: ${to_install[*]}"
    # dpkg's chatter goes to a log so CI output stays readable; shown on failure.
    log=$(mktemp)
    if ! apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${to_install[@]}" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "install-deps: apt-get install failed" >&2
        exit 1
    fi
    rm -f "$log"
    echo "install-deps: installed: ${to_install[*]}"
fi

# On a systemd host the postinst enables the units even when policy-rc.d
# blocks starting them; the tests never want system-wide instances, but only
# touch units of packages this run installed.
if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
    for pkg in "${to_install[@]}"; do
        case $pkg in
            postfix) systemctl disable --now postfix >/dev/null 2>&1 || true ;;
            dovecot-core) systemctl disable --now dovecot >/dev/null 2>&1 || true ;;
        esac
    done
fi

if ((need_exim)) && ! install_private_exim; then
    exit 1
fi

still_missing=()
for pkg in "${!required[@]}"; do
    present "${required[$pkg]}" || still_missing+=("$pkg")
done
if ((${#still_missing[@]} > 0)); then
    echo "install-deps: still missing after install: ${still_missing[*]}" >&2
    exit 1
fi
