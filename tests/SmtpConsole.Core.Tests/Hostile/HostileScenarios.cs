using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SmtpConsole.Core.Tests.Support;
using Connection = SmtpConsole.Testing.ScriptedSmtpServer.ServerConnection;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// Server scripts for servers that misbehave on purpose. Each method is the server side of one connection and is
/// public so another test project (the TUI's, driving the same servers headlessly) can reuse it; <see cref="All"/>
/// lists them with the client steps that trigger them. Nothing here asserts: a script that cannot go on just returns.
/// </summary>
public static class HostileScenarios
{
    public const string Greeting = "220 hostile.test ESMTP\r\n";
    public const string Ehlo = "250-hostile.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n250-AUTH LOGIN PLAIN CRAM-MD5\r\n250 8BITMIME\r\n";

    /// <summary>The fake reply a STARTTLS injection appends to the real 220.</summary>
    public const string InjectedReply = "250 injected-fake-reply";

    /// <summary>Text with every kind of terminal trickery: CSI, OSC retitle with BEL, NUL, C1 CSI, bidi override, DEL.</summary>
    public const string TerminalAttack = "\u001b[2J\u001b[31mred\u001b]0;owned-title\u0007 nul:\0: c1:\u009b31m: bidi:\u202Egnp.exe: del:\u007f:";

    /// <summary>"欢迎使用 QQ 邮箱" (welcome to QQ mail) as QQ's servers send it: GBK, not UTF-8.</summary>
    public static readonly byte[] GbkWelcome = [.. "220 "u8, .. GbkBytes("欢迎使用QQ邮箱"), .. "\r\n"u8];

    /// <summary>"Grüße aus Köln" in Latin-1: the bytes are not valid UTF-8.</summary>
    public static readonly byte[] Latin1Greeting = [.. "220 "u8, .. Encoding.Latin1.GetBytes("Grüße aus Köln"), .. "\r\n"u8];

    public static IReadOnlyList<HostileScenario> All { get; } =
    [
        new("binary-garbage-greeting", ["/connect", "NOOP"], "a malformed-reply error for the greeting; NOOP then gets 250", BinaryGarbageGreeting),
        new("binary-garbage-stream", ["/connect", "/connect"], "malformed-reply errors, the connection closes, a reconnect works", BinaryGarbageStream),
        new("ten-megabyte-line", ["/connect", "NOOP"], "an over-long-line error at once (memory stays flat); NOOP then gets 250", TenMegabyteLine),
        new("non-three-digit-codes", ["/connect", "NOOP", "NOOP", "NOOP", "NOOP"], "2x0, 99 and 2500 are each a malformed-reply error; the fourth NOOP gets 250", NonThreeDigitCodes),
        new("mixed-code-multiline", ["/connect", "/ehlo"], "a warning about inconsistent codes; capabilities still read", MixedCodeMultiline),
        new("one-byte-per-segment", ["/connect", "/ehlo"], "the greeting and EHLO reply parse exactly as if sent at once", OneBytePerSegment),
        new("twenty-thousand-ehlo-lines", ["/connect", "/ehlo", "NOOP"], "a warning that lines past 10,000 are not kept; NOOP then gets 250", ThousandsOfEhloLines),
        new("closed-mid-reply", ["/connect", "/ehlo"], "a malformed reply cut by the close, then 'the server closed the connection'", ClosedMidReply),
        new("closed-mid-auth", ["/connect", "/ehlo", "/auth login alice SECRET"], "'closed the connection without replying'; the secret appears nowhere", ClosedMidAuth),
        new("closed-mid-data", ["/connect", "/ehlo", "MAIL FROM:<a@b>", "RCPT TO:<c@d>", "/data", "Subject: x", "", "."], "the close is reported; the transcript holds every body line sent", ClosedMidData),
        new("unsolicited-421-then-close", ["/connect", "(wait)", "/connect"], "the 421 is shown; the next connection's greeting is its own, not the stale 421", Unsolicited421ThenClose),
        new("never-answers", ["/connect"], "no greeting within the reply timeout; the connection stays open", NeverAnswers),
        new("silent-after-password", ["/connect", "/ehlo", "/auth login alice SECRET"], "a timeout on the password step that names no secret", SilentAfterPassword),
        new("slowloris", ["/connect"], "one byte a second: the reply timeout fires, no hang", Slowloris),
        new("plaintext-on-tls-port", ["/connect --tls"], "a TLS handshake failure in words; exit code 3 in scripts", PlaintextOnTlsPort),
        new("starttls-refused-454", ["/connect", "/ehlo", "/starttls", "NOOP"], "'STARTTLS failed … 454 instead of 220'; the connection is closed, nothing more sent in clear (exit 3 in scripts)", StartTlsRefused),
        new("starttls-garbage-handshake", ["/connect", "/ehlo", "/starttls"], "a TLS handshake failure; the connection is closed", StartTlsGarbageHandshake),
        new("invalid-base64-challenge", ["/connect", "/auth cram-md5 alice SECRET", "NOOP"], "'cannot answer the challenge', the exchange cancelled with '*'", InvalidBase64Challenge),
        new("terminal-escapes", ["/connect", "/ehlo", "NOOP", "NOOP"], "escapes, NUL and bidi shown as \\x1b, \\x00, \\u202e on screen and in saved files", TerminalEscapes),
        new("gbk-greeting", ["/connect"], "the Chinese text re-decoded from GB18030 and marked [GB18030] (raw bytes kept in the JSON transcript)", GbkGreeting),
        new("latin1-greeting", ["/connect"], "\\xNN escapes, or the text with a Latin-1 fallback encoding", Latin1GreetingScript),
    ];

    /// <summary>Runs <paramref name="hostile"/> on the first connection and a well-behaved <see cref="MiniSmtp"/> on every later one (for "a reconnect works").</summary>
    public static Func<Connection, Task> FirstConnectionOnly(Func<Connection, Task> hostile)
    {
        int connections = 0;
        return c => Interlocked.Increment(ref connections) == 1 ? hostile(c) : MiniSmtp.ServeAsync(c);
    }

    /// <summary>Deterministic random bytes (the same on every run, so a failure reproduces).</summary>
    public static byte[] Garbage(int length, int seed, bool withLineFeeds)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        if (!withLineFeeds)
        {
            for (int i = 0; i < bytes.Length; i++)
                if (bytes[i] is (byte)'\n') bytes[i] = 0xFF;
        }
        // Starting with a digit-free byte keeps it garbage however the dice fall.
        bytes[0] = 0xFE;
        return bytes;
    }

    /// <summary>4 KB of random bytes (no LF) as the greeting, then an ordinary server.</summary>
    public static async Task BinaryGarbageGreeting(Connection c)
    {
        await c.SendBytesAsync([.. Garbage(4096, 1, withLineFeeds: false), .. "\r\n"u8]);
        await Serve(c, OkTo);
    }

    /// <summary>64 KB of random bytes, LFs and all, then the connection closes.</summary>
    public static async Task BinaryGarbageStream(Connection c)
    {
        await c.SendBytesAsync(Garbage(64 * 1024, 2, withLineFeeds: true));
        c.Close();
    }

    /// <summary>A greeting of 10 MB with no CRLF until the very end, then an ordinary server.</summary>
    public static async Task TenMegabyteLine(Connection c)
    {
        var line = new byte[10 * 1024 * 1024];
        line.AsSpan().Fill((byte)'x');
        "220 "u8.CopyTo(line);
        await c.SendBytesAsync(line);
        await c.SendAsync("\r\n");
        await Serve(c, OkTo);
    }

    /// <summary>Answers successive commands with <c>2x0</c>, <c>99</c> and <c>2500</c>, then behaves.</summary>
    public static async Task NonThreeDigitCodes(Connection c)
    {
        await c.SendAsync(Greeting);
        string[] bad = ["2x0 letter in the code\r\n", "99 two digits\r\n", "2500 four digits\r\n"];
        int n = 0;
        await Serve(c, line => n < bad.Length ? bad[n++] : OkTo(line));
    }

    /// <summary>An EHLO reply whose lines carry 250, 251 and 452.</summary>
    public static async Task MixedCodeMultiline(Connection c)
    {
        await c.SendAsync(Greeting);
        await Serve(c, line => Verb(line) == "EHLO" ? "250-hostile.test\r\n251-PIPELINING\r\n452-SIZE 1000\r\n250 8BITMIME\r\n" : OkTo(line));
    }

    /// <summary>Every byte of every reply in its own TCP segment.</summary>
    public static async Task OneBytePerSegment(Connection c)
    {
        await c.SendSlowlyAsync(Greeting, TimeSpan.FromMilliseconds(1));
        while (await c.ReadLineAsync() is { } line)
        {
            await c.SendSlowlyAsync(OkTo(line), TimeSpan.FromMilliseconds(1));
        }
    }

    /// <summary>An EHLO reply of 20,000 lines.</summary>
    public static async Task ThousandsOfEhloLines(Connection c)
    {
        await c.SendAsync(Greeting);
        await Serve(c, line =>
        {
            if (Verb(line) != "EHLO") return OkTo(line);
            var reply = new StringBuilder("250-hostile.test\r\n250-PIPELINING\r\n");
            for (int i = 0; i < 20_000; i++) reply.Append("250-X-CAPABILITY-").Append(i).Append("\r\n");
            return reply.Append("250 8BITMIME\r\n").ToString();
        });
    }

    /// <summary>Half an EHLO reply, then the connection closes.</summary>
    public static async Task ClosedMidReply(Connection c)
    {
        await c.SendAsync(Greeting);
        await c.ReadLineAsync();
        await c.SendAsync("250-hostile.test\r\n250-PIPEL");
        c.Close();
    }

    /// <summary>AUTH LOGIN up to the password, then the connection closes instead of 235/535.</summary>
    public static async Task ClosedMidAuth(Connection c)
    {
        await c.SendAsync(Greeting);
        while (await c.ReadLineAsync() is { } line)
        {
            if (Verb(line) == "AUTH")
            {
                await c.SendAsync("334 VXNlcm5hbWU6\r\n");
                await c.ReadLineAsync();
                await c.SendAsync("334 UGFzc3dvcmQ6\r\n");
                await c.ReadLineAsync();
                c.Close();
                return;
            }
            await c.SendAsync(OkTo(line));
        }
    }

    /// <summary>Accepts DATA, reads two body lines, then the connection closes.</summary>
    public static async Task ClosedMidData(Connection c)
    {
        await c.SendAsync(Greeting);
        while (await c.ReadLineAsync() is { } line)
        {
            if (Verb(line) == "DATA")
            {
                await c.SendAsync("354 go ahead\r\n");
                await c.ReadLineAsync();
                await c.ReadLineAsync();
                c.Close();
                return;
            }
            await c.SendAsync(OkTo(line));
        }
    }

    /// <summary>Greets, then says 421 unprompted and closes: the client has no command waiting, so the 421 stays unread.</summary>
    public static async Task Unsolicited421ThenClose(Connection c)
    {
        await c.SendAsync(Greeting);
        await Task.Delay(200);
        await c.SendAsync("421 4.4.2 hostile.test Error: timeout exceeded\r\n");
        c.Close();
    }

    /// <summary>Accepts the connection and never says a word.</summary>
    public static Task NeverAnswers(Connection c) => c.WaitForCloseAsync(TimeSpan.FromSeconds(30));

    /// <summary>AUTH LOGIN up to the password, then silence (the client's reply timeout must fire).</summary>
    public static async Task SilentAfterPassword(Connection c)
    {
        await c.SendAsync(Greeting);
        while (await c.ReadLineAsync() is { } line)
        {
            if (Verb(line) == "AUTH")
            {
                await c.SendAsync("334 VXNlcm5hbWU6\r\n");
                await c.ReadLineAsync();
                await c.SendAsync("334 UGFzc3dvcmQ6\r\n");
                await c.ReadLineAsync();
                await c.WaitForCloseAsync(TimeSpan.FromSeconds(30));
                return;
            }
            await c.SendAsync(OkTo(line));
        }
    }

    /// <summary>The greeting at one byte a second.</summary>
    public static Task Slowloris(Connection c) => c.SendSlowlyAsync("220 this greeting arrives one byte a second\r\n", TimeSpan.FromSeconds(1));

    /// <summary>A plain-text greeting where the client expects a TLS handshake (port 465 misconfigured).</summary>
    public static async Task PlaintextOnTlsPort(Connection c)
    {
        await c.SendAsync(Greeting);
        await c.WaitForCloseAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Advertises STARTTLS, then refuses it with 454.</summary>
    public static async Task StartTlsRefused(Connection c)
    {
        await c.SendAsync(Greeting);
        await Serve(c, line => line.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase) ? "454 4.7.0 TLS not available due to local problem\r\n" : OkTo(line));
    }

    /// <summary>Says 220 to STARTTLS, then sends text instead of a TLS server hello.</summary>
    public static async Task StartTlsGarbageHandshake(Connection c)
    {
        await c.SendAsync(Greeting);
        while (await c.ReadLineAsync() is { } line)
        {
            if (line.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase))
            {
                await c.SendAsync("220 2.0.0 Ready to start TLS\r\n");
                await Task.Delay(100);
                await c.SendAsync("this is not a TLS server hello, just text\r\n");
                await c.WaitForCloseAsync(TimeSpan.FromSeconds(10));
                return;
            }
            await c.SendAsync(OkTo(line));
        }
    }

    /// <summary>
    /// STARTTLS response injection: the 220 and a forged reply in one segment, then a real TLS session whose EHLO
    /// advertises "secure.hostile.test". The forged reply must be dropped, never taken as the answer to anything.
    /// </summary>
    public static Func<Connection, Task> StartTlsInjection(X509Certificate2 certificate) => async c =>
    {
        await c.SendAsync(Greeting);
        while (await c.ReadLineAsync() is { } line)
        {
            if (line.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase))
            {
                await c.SendAsync("220 2.0.0 Ready\r\n" + InjectedReply + "\r\n");
                await c.StartTlsAsync(certificate);
                await Serve(c, l => Verb(l) == "EHLO" ? "250-secure.hostile.test\r\n250 AUTH PLAIN\r\n" : OkTo(l));
                return;
            }
            await c.SendAsync(OkTo(line));
        }
    };

    /// <summary>Answers AUTH with a 334 whose payload is not Base64; '*' gets 501, anything else 535.</summary>
    public static async Task InvalidBase64Challenge(Connection c)
    {
        await c.SendAsync(Greeting);
        while (await c.ReadLineAsync() is { } line)
        {
            if (Verb(line) == "AUTH")
            {
                await c.SendAsync("334 !!not*base64@@\r\n");
                string? answer = await c.ReadLineAsync();
                await c.SendAsync(answer == "*" ? "501 5.7.0 Authentication cancelled\r\n" : "535 5.7.8 Authentication failed\r\n");
                continue;
            }
            await c.SendAsync(OkTo(line));
        }
    }

    /// <summary>Terminal escapes, NUL and bidi overrides in the greeting, the EHLO reply, a 250 and a malformed line.</summary>
    public static async Task TerminalEscapes(Connection c)
    {
        await c.SendAsync("220 hostile.test " + TerminalAttack + "\r\n");
        int noops = 0;
        await Serve(c, line => Verb(line) switch
        {
            "EHLO" => $"250-hostile.test {TerminalAttack}\r\n250-X-{TerminalAttack}\r\n250 8BITMIME\r\n",
            "NOOP" => noops++ == 0 ? $"250 2.0.0 {TerminalAttack}\r\n" : $"{TerminalAttack} not even a code\r\n",
            _ => OkTo(line),
        });
    }

    public static async Task GbkGreeting(Connection c)
    {
        await c.SendBytesAsync(GbkWelcome);
        await Serve(c, OkTo);
    }

    public static async Task Latin1GreetingScript(Connection c)
    {
        await c.SendBytesAsync(Latin1Greeting);
        await Serve(c, OkTo);
    }

    /// <summary>A self-signed certificate whose subject carries terminal escapes and a bidi override.</summary>
    public static X509Certificate2 CreateHostileCertificate()
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName("evil\u001b]0;owned-title\u0007\u202Egnp.exe");
        name.AddOrganizationName("Hostile\u001b[2J Inc");
        return TestCertificateFactory.Create(name.Build(), "localhost");
    }

    /// <summary>Implicit TLS with <see cref="CreateHostileCertificate"/>, then an ordinary server.</summary>
    public static Func<Connection, Task> HostileCertificate(X509Certificate2 certificate) => async c =>
    {
        await c.StartTlsAsync(certificate);
        await c.SendAsync(Greeting);
        await Serve(c, OkTo);
    };

    /// <summary>An ordinary server: greets and answers every command with <see cref="OkTo"/>.</summary>
    public static async Task WellBehaved(Connection c)
    {
        await c.SendAsync(Greeting);
        await Serve(c, OkTo);
    }

    /// <summary>Answers each command until QUIT (answered with 221) or the client closes.</summary>
    public static async Task Serve(Connection c, Func<string, string> answer)
    {
        while (await c.ReadLineAsync() is { } line)
        {
            await c.SendAsync(answer(line));
            if (Verb(line) == "QUIT") return;
        }
    }

    /// <summary>What an ordinary server says to a command.</summary>
    public static string OkTo(string line) => Verb(line) switch
    {
        "EHLO" => Ehlo,
        "QUIT" => "221 2.0.0 Bye\r\n",
        "DATA" => "354 go ahead\r\n",
        _ => "250 2.0.0 Ok\r\n",
    };

    public static string Verb(string line) => line.Split(' ')[0].ToUpperInvariant();

    private static byte[] GbkBytes(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936).GetBytes(text);
    }
}
