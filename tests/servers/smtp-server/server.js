#!/usr/bin/env node
// nodemailer's smtp-server as a second real, independently written MTA for
// the SmtpConsole integration tests. tests/servers/start.sh runs it with its
// dependencies installed by `npm ci` under tests/servers/.run/smtp-server/.
//
// Two listeners on 127.0.0.1: --port (STARTTLS optional, AUTH only after TLS)
// and --tls-port (implicit TLS). AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2 for alice
// and bob (XOAUTH2 token: "<name>-token"); PIPELINING, 8BITMIME, SMTPUTF8,
// DSN, ENHANCEDSTATUSCODES and SIZE advertised. Mail to @example.test is
// accepted from anyone, any other domain only after AUTH (554 otherwise).
// Each message is stored as <n>.eml (raw, dot-unstuffed) plus <n>.json (the
// envelope) in --out, like aiosmtpd_server.py.
'use strict';

const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');

function arg(name) {
    const i = process.argv.indexOf(`--${name}`);
    if (i < 0 || i + 1 >= process.argv.length) {
        console.error(`smtp-server: missing --${name}`);
        process.exit(2);
    }
    return process.argv[i + 1];
}

const host = arg('host');
const port = Number(arg('port'));
const tlsPort = Number(arg('tls-port'));
const out = arg('out');
const pidfile = arg('pidfile');
const key = fs.readFileSync(arg('key'));
const cert = fs.readFileSync(arg('cert'));
const users = { alice: 'Wonderland-42', bob: 'Builder-7' };
const localDomain = 'example.test';
let counter = 0;

function user(name) {
    const local = String(name || '').replace(/@example\.test$/i, '');
    return Object.prototype.hasOwnProperty.call(users, local) ? local : null;
}

function onAuth(auth, session, callback) {
    const name = user(auth.username);
    let ok = false;
    if (name) {
        switch (auth.method) {
            case 'PLAIN':
            case 'LOGIN':
                ok = auth.password === users[name];
                break;
            case 'CRAM-MD5':
                ok = auth.validatePassword(users[name]);
                break;
            case 'XOAUTH2':
                ok = auth.accessToken === `${name}-token`;
                break;
        }
    }
    if (!ok) {
        const err = new Error('Authentication credentials invalid');
        err.responseCode = 535;
        return callback(err);
    }
    return callback(null, { user: name });
}

function onRcptTo(address, session, callback) {
    const domain = address.address.split('@').pop().toLowerCase();
    if (!session.user && domain !== localDomain) {
        const err = new Error(`<${address.address}>: Relay access denied`);
        err.responseCode = 554;
        return callback(err);
    }
    return callback();
}

function options(args) {
    return Object.entries(args || {}).map(([k, v]) => (v === true ? k : `${k}=${v}`));
}

function onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', chunk => chunks.push(chunk));
    stream.on('end', () => {
        if (stream.sizeExceeded) {
            const err = new Error('Message exceeds fixed maximum message size');
            err.responseCode = 552;
            return callback(err);
        }
        const n = ++counter;
        const base = path.join(out, String(n));
        const envelope = {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTos: session.envelope.rcptTo.map(r => r.address),
            // "KEY=VALUE" strings as sent (upper-cased keys), like aiosmtpd's envelope.
            mailOptions: options(session.envelope.mailFrom && session.envelope.mailFrom.args),
            rcptOptions: session.envelope.rcptTo.flatMap(r => options(r.args)),
            smtputf8: Boolean(session.envelope.mailFrom && session.envelope.mailFrom.args && session.envelope.mailFrom.args.SMTPUTF8),
            helo: session.hostNameAppearsAs,
            tls: Boolean(session.secure),
            authenticatedAs: session.user || null,
        };
        // Envelope last: a test that sees the .json can read the .eml.
        fs.writeFileSync(`${base}.eml`, Buffer.concat(chunks));
        fs.writeFileSync(`${base}.json.tmp`, JSON.stringify(envelope, null, 2));
        fs.renameSync(`${base}.json.tmp`, `${base}.json`);
        return callback(null, `Ok: queued as ${n}`);
    });
}

function make(secure) {
    const server = new SMTPServer({
        secure,
        name: 'smtp-server.example.test',
        banner: 'nodemailer smtp-server',
        key,
        cert,
        size: 10240000,
        authMethods: ['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2'],
        authOptional: true,
        allowInsecureAuth: false,
        hideSTARTTLS: false,
        hidePIPELINING: false,
        hide8BITMIME: false,
        hideSMTPUTF8: false,
        hideDSN: false,
        hideENHANCEDSTATUSCODES: false,
        disabledCommands: [],
        logger: false,
        onAuth,
        onRcptTo,
        onData,
    });
    server.on('error', err => console.error(`smtp-server (${secure ? 'tls' : 'starttls'}): ${err.message}`));
    return server;
}

const plain = make(false);
const implicit = make(true);
plain.listen(port, host, () => {
    implicit.listen(tlsPort, host, () => {
        fs.writeFileSync(pidfile, `${process.pid}\n`);
        console.log(`smtp-server listening on ${host}:${port} (STARTTLS) and ${host}:${tlsPort} (TLS)`);
    });
});
for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
        plain.close(() => implicit.close(() => process.exit(0)));
        setTimeout(() => process.exit(0), 2000).unref();
    });
}
