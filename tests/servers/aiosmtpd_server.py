#!/usr/bin/python3
"""Second, non-Postfix SMTP server for the integration tests (aiosmtpd).

SMTPUTF8 enabled, STARTTLS with the test server certificate, AUTH PLAIN and
LOGIN (only after STARTTLS) for alice/Wonderland-42. Every accepted message
is stored verbatim as <n>.eml in the output directory, with the envelope in
<n>.json beside it. Files appear atomically (written then renamed), the .json
before the .eml, so a poller that sees an .eml can read both.

Run with Debian's /usr/bin/python3 (python3-aiosmtpd), not a pyenv python.
"""

import argparse
import asyncio
import itertools
import json
import os
import re
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

USERS = {"alice": "Wonderland-42"}


def authenticate(server, session, envelope, mechanism, auth_data):
    if not isinstance(auth_data, LoginPassword):
        return AuthResult(success=False, handled=False)
    login = auth_data.login.decode("utf-8", "replace")
    # Accept "alice" and "alice@example.test", like the Dovecot setup.
    user = login.split("@", 1)[0] if login.endswith("@example.test") else login
    password = auth_data.password.decode("utf-8", "replace")
    ok = USERS.get(user) == password
    return AuthResult(success=ok, handled=False, auth_data=login if ok else None)


class SavingHandler:
    def __init__(self, out_dir):
        self.out_dir = out_dir
        os.makedirs(out_dir, exist_ok=True)
        existing = [int(m.group(1)) for f in os.listdir(out_dir) if (m := re.fullmatch(r"(\d+)\.eml", f))]
        # Keep numbering across restarts so earlier captures are never overwritten.
        self.counter = itertools.count(max(existing, default=0) + 1)

    def _write(self, path, data):
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        base = os.path.join(self.out_dir, str(n))
        meta = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "mailOptions": envelope.mail_options,
            "rcptOptions": envelope.rcpt_options,
            "smtputf8": envelope.smtp_utf8,
            "helo": session.host_name,
            "tls": session.ssl is not None,
            "authenticatedAs": session.auth_data if session.authenticated else None,
            "peer": list(session.peer) if session.peer else None,
        }
        self._write(base + ".json", json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8"))
        self._write(base + ".eml", envelope.original_content or b"")
        return "250 2.0.0 Ok: queued as %d" % n


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=2526)
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--out", required=True, help="directory for <n>.eml / <n>.json")
    ap.add_argument("--pidfile")
    args = ap.parse_args()

    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(args.cert, args.key)

    handler = SavingHandler(args.out)

    def factory():
        return SMTP(
            handler,
            hostname="aiosmtpd.example.test",
            enable_SMTPUTF8=True,
            decode_data=False,
            tls_context=tls,
            require_starttls=False,
            auth_required=False,
            auth_require_tls=True,
            authenticator=authenticate,
            # Larger than Postfix's limit so size tests can tell the servers apart.
            data_size_limit=33554432,
        )

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(factory, host=args.host, port=args.port, reuse_address=True))
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, loop.stop)
    if args.pidfile:
        with open(args.pidfile, "w") as f:
            f.write("%d\n" % os.getpid())
    print("aiosmtpd listening on %s:%d" % (args.host, args.port), flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.run_until_complete(server.wait_closed())
        if args.pidfile:
            try:
                os.unlink(args.pidfile)
            except FileNotFoundError:
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
