#!/usr/bin/python3
"""Checks that SMTP listeners greet with 220 (or, with --free, that nothing
listens on them). Used by start.sh for health checks.

usage: probe.py [--wait SECONDS] [--free] HOST SPEC...
SPEC is PORT for plain SMTP or tls:PORT for implicit TLS (certificate not
verified: this checks liveness, not trust). Exit status 0 when every port
passes; otherwise prints one line per failing port and exits 1.
"""

import argparse
import socket
import ssl
import sys
import time


def greeting(host, spec, timeout):
    tls = spec.startswith("tls:")
    port = int(spec[4:] if tls else spec)
    with socket.create_connection((host, port), timeout=timeout) as raw:
        sock = raw
        if tls:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            sock = ctx.wrap_socket(raw, server_hostname=host)
        data = b""
        while b"\n" not in data:
            chunk = sock.recv(512)
            if not chunk:
                break
            data += chunk
        line = data.split(b"\n", 1)[0].decode("utf-8", "replace").strip()
        try:
            sock.sendall(b"QUIT\r\n")
        except OSError:
            pass
        return line


def listening(host, spec, timeout):
    port = int(spec[4:] if spec.startswith("tls:") else spec)
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wait", type=float, default=0.0, help="keep retrying for this many seconds")
    ap.add_argument("--free", action="store_true", help="require that nothing listens")
    ap.add_argument("host")
    ap.add_argument("specs", nargs="+")
    args = ap.parse_args()

    deadline = time.monotonic() + args.wait
    pending = list(args.specs)
    problems = {}
    while True:
        still = []
        for spec in pending:
            if args.free:
                if listening(args.host, spec, 1.0):
                    still.append(spec)
                    problems[spec] = "something already listens"
                continue
            try:
                line = greeting(args.host, spec, 3.0)
                if line.startswith("220"):
                    continue
                problems[spec] = "unexpected greeting: %r" % line
            except (OSError, ssl.SSLError) as e:
                problems[spec] = "%s: %s" % (type(e).__name__, e)
            still.append(spec)
        pending = still
        if not pending or time.monotonic() >= deadline:
            break
        time.sleep(0.1)

    for spec in pending:
        print("%s:%s %s" % (args.host, spec, problems.get(spec, "failed")), file=sys.stderr)
    return 1 if pending else 0


if __name__ == "__main__":
    sys.exit(main())
