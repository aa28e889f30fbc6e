using System.Diagnostics;
using System.Globalization;
using SmtpConsole.Core.Session;
using SmtpConsole.PracticeServer;

namespace SmtpConsole.IntegrationTests.Practice;

/// <summary>
/// Issue 13's rare stall: the reader used to pause after "the next reply" and could take the EHLO reply for it,
/// leaving the 220 to STARTTLS unread until the reply timeout. Thousands of EHLO → STARTTLS → handshake rounds,
/// several at a time so the reader and the commands interleave in every order; each must finish well within the
/// short reply timeout. SMTPCONSOLE_STARTTLS_STRESS_COUNT sets the number of rounds (tests/stress-starttls.sh runs more).
/// </summary>
public class StartTlsStressTests
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task ThousandsOfStartTlsHandshakes_NoneStalls()
    {
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("SMTPCONSOLE_STARTTLS_STRESS_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 2000;
        const int parallel = 16;
        await using var practice = await PracticeSmtpServer.StartAsync(new PracticeServerOptions { IdleTimeout = TimeSpan.FromSeconds(30), MaxConnections = 64 });
        var options = new ConnectOptions
        {
            Host = "127.0.0.1",
            Port = practice.Port,
            Security = SecurityMode.StartTls,
            PinnedCertificate = practice.Certificate,
            TlsServerName = "localhost",
            ReplyTimeout = ReplyTimeout,
            ConnectTimeout = ReplyTimeout,
            EhloName = "stress.example.test",
        };
        int next = -1;
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();

        async Task WorkerAsync()
        {
            while (Interlocked.Increment(ref next) < rounds)
            {
                var round = Stopwatch.StartNew();
                var recorder = new Core.Transcript.TranscriptRecorder();
                await using var session = new SmtpSession(recorder);
                var connected = await session.ConnectAsync(options);
                bool tls = session.IsTls;
                var ehlo = connected.Succeeded ? await session.EhloAsync(null) : connected;
                var quit = session.IsConnected ? await session.QuitAsync() : null;
                round.Stop();
                lock (failures)
                {
                    if (round.Elapsed > slowest) slowest = round.Elapsed;
                    if (!connected.Succeeded || !tls || !ehlo.Succeeded || quit?.Reply?.Code != 221)
                        failures.Add($"round {next}: connect {connected.Failure} {connected.Message}; ehlo {ehlo.Reply?.Code} {ehlo.Message}; quit {quit?.Reply?.Code} ({round.Elapsed.TotalMilliseconds:0} ms)");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(WorkerAsync))).WaitAsync(TimeSpan.FromMinutes(10));

        Assert.True(failures.Count == 0, $"{failures.Count} of {rounds} STARTTLS rounds failed or stalled:\n" + string.Join('\n', failures.Take(10)));
        Assert.True(slowest < ReplyTimeout, $"the slowest round took {slowest.TotalMilliseconds:0} ms: a reply waited for its timeout");
        Console.WriteLine($"{rounds} STARTTLS rounds in {total.Elapsed.TotalSeconds:0.0} s, slowest {slowest.TotalMilliseconds:0} ms");
    }
}
