using SmtpConsole.Core.Analysis;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.PracticeServer;

namespace SmtpConsole.IntegrationTests.Practice;

/// <summary>
/// A new user's common mistakes (issue 14) get a hint naming the real cause, on the practice server and on the real
/// Postfix alike, although their wording differs: the hint comes from the session's state.
/// </summary>
[Collection("LocalServers")]
public class LearnerHintTests(LocalServers servers)
{
    public enum Setup
    {
        /// <summary>Plain connection to the MTA port.</summary>
        Plain,

        /// <summary>Submission: EHLO, STARTTLS, and no EHLO after it.</summary>
        TlsNoEhlo,

        /// <summary>Submission: EHLO, STARTTLS, EHLO, AUTH.</summary>
        Authenticated,

        /// <summary>Submission, plain: EHLO only (AUTH is offered only after TLS).</summary>
        SubmissionPlain,
    }

    public static TheoryData<string, Setup, string[], SessionStateRule> Mistakes => new()
    {
        { "RCPT before MAIL", Setup.Plain, ["EHLO me.example.test", "RCPT TO:<bob@example.test>"], SessionStateRule.MailMissing },
        { "second MAIL", Setup.Plain, ["EHLO me.example.test", "MAIL FROM:<a@example.test>", "MAIL FROM:<a@example.test>"], SessionStateRule.TransactionOpen },
        { "AUTH when authenticated", Setup.Authenticated, ["AUTH LOGIN"], SessionStateRule.AlreadyAuthenticated },
        { "EHLO without a name", Setup.Plain, ["EHLO"], SessionStateRule.EhloNeedsName },
        { "AUTH before STARTTLS", Setup.SubmissionPlain, ["EHLO me.example.test", "AUTH LOGIN"], SessionStateRule.AuthNeedsTls },
        { "MAIL before EHLO", Setup.Plain, ["MAIL FROM:<a@example.test>"], SessionStateRule.EhloFirst },
        { "DATA without RCPT", Setup.Plain, ["EHLO me.example.test", "MAIL FROM:<a@example.test>", "DATA"], SessionStateRule.RcptMissing },
        { "DATA without MAIL", Setup.Plain, ["EHLO me.example.test", "DATA"], SessionStateRule.MailAndRcptMissing },
        { "AUTH after STARTTLS, EHLO not re-sent", Setup.TlsNoEhlo, ["AUTH LOGIN"], SessionStateRule.EhloAgainAfterTls },
        { "MAIL after STARTTLS, EHLO not re-sent", Setup.TlsNoEhlo, ["MAIL FROM:<a@example.test>"], SessionStateRule.EhloAgainAfterTls },
        { "AUTH before EHLO", Setup.Plain, ["AUTH LOGIN"], SessionStateRule.EhloFirst },
        { "MAIL with SIZE over the limit", Setup.Plain, ["EHLO me.example.test", "MAIL FROM:<a@example.test> SIZE=99999999"], SessionStateRule.SizeOverLimit },
    };

    /// <summary>
    /// Servers without CHUNKING (aiosmtpd, nodemailer smtp-server) answer BDAT with "500 command not recognized", and
    /// aiosmtpd words a SIZE refusal like a full mailbox: the hint comes from the EHLO reply the session kept.
    /// </summary>
    public static TheoryData<string, string, string[], SessionStateRule> OtherServerMistakes => new()
    {
        { "BDAT without CHUNKING", "aiosmtpd", ["EHLO me.example.test", "MAIL FROM:<a@example.test>", "RCPT TO:<b@example.test>", "BDAT 5 LAST"], SessionStateRule.ChunkingNotOffered },
        { "BDAT without CHUNKING", "smtp-server", ["EHLO me.example.test", "MAIL FROM:<a@example.test>", "RCPT TO:<b@example.test>", "BDAT 5 LAST"], SessionStateRule.ChunkingNotOffered },
        { "MAIL with SIZE over the limit", "aiosmtpd", ["EHLO me.example.test", "MAIL FROM:<a@example.test> SIZE=999999999"], SessionStateRule.SizeOverLimit },
    };

    [Theory]
    [MemberData(nameof(OtherServerMistakes))]
    public async Task Mistake_HintNamesTheCause_OnOtherServers(string mistake, string server, string[] lines, SessionStateRule expected)
    {
        int port = server == "aiosmtpd" ? servers.Ports.Aiosmtpd : servers.Ports.SmtpServer;
        var options = new ConnectOptions { Host = servers.Host, Port = port, CaFile = servers.CaFile };
        await AssertHintAsync(server, mistake, options, Setup.Plain, lines, expected, servers.Alice.Name, servers.Alice.Password);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Mistake_HintNamesTheCause_OnPractice(string mistake, Setup setup, string[] lines, SessionStateRule expected)
    {
        await using var practice = await PracticeSmtpServer.StartAsync(new PracticeServerOptions());
        var demo = practice.Accounts[0];
        var options = new ConnectOptions { Host = "127.0.0.1", Port = practice.Port, PinnedCertificate = practice.Certificate, TlsServerName = "localhost" };
        await AssertHintAsync("practice", mistake, options, setup, lines, expected, demo.UserName, demo.Password);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Mistake_HintNamesTheCause_OnPostfix(string mistake, Setup setup, string[] lines, SessionStateRule expected)
    {
        int port = setup == Setup.Plain ? servers.Ports.Smtp : servers.Ports.Submission;
        var options = new ConnectOptions { Host = servers.Host, Port = port, CaFile = servers.CaFile };
        await AssertHintAsync("Postfix", mistake, options, setup, lines, expected, servers.Alice.Name, servers.Alice.Password);
    }

    [Fact]
    public async Task CommandAfter421_SaysTheServerClosed_OnPractice()
    {
        await using var practice = await PracticeSmtpServer.StartAsync(new PracticeServerOptions { HardErrorLimit = 3 });
        await AssertAfter421Async(new ConnectOptions { Host = "127.0.0.1", Port = practice.Port });
    }

    [Fact]
    public async Task CommandAfter421_SaysTheServerClosed_OnPostfix()
    {
        // Postfix sends 421 after smtpd_hard_error_limit (20) errors.
        await AssertAfter421Async(new ConnectOptions { Host = servers.Host, Port = servers.Ports.Smtp, CaFile = servers.CaFile });
    }

    private static async Task AssertAfter421Async(ConnectOptions options)
    {
        var replies = new List<int>();
        var recorder = new TranscriptRecorder();
        recorder.Recorded += e =>
        {
            if (e.Reply is { } reply) lock (replies) replies.Add(reply.Code);
        };
        await using var session = new SmtpSession(recorder);
        Assert.Equal(220, (await session.ConnectAsync(options with { ReplyTimeout = TimeSpan.FromSeconds(20) })).Reply?.Code);
        CommandResult result;
        int sent = 0;
        do
        {
            result = await session.SendCommandAsync("FROBNICATE");
            sent++;
        }
        while (result.Reply is { Code: not 421 } && sent < 40);
        // The 421 answers the last error (Postfix) or follows it unsolicited (the practice server).
        lock (replies) Assert.Contains(421, replies);
        var after = await session.SendCommandAsync("MAIL FROM:<a@example.test>");
        Assert.False(after.Succeeded);
        Assert.Contains("421", after.Message, StringComparison.Ordinal);
        Assert.Contains("reconnect", after.Message, StringComparison.Ordinal);
    }

    private static async Task AssertHintAsync(string server, string mistake, ConnectOptions options, Setup setup, string[] lines, SessionStateRule expected, string user, string password)
    {
        var events = new List<TranscriptEvent>();
        var recorder = new TranscriptRecorder();
        recorder.Recorded += e =>
        {
            lock (events) events.Add(e);
        };
        await using var session = new SmtpSession(recorder);
        Assert.Equal(220, (await session.ConnectAsync(options with { ReplyTimeout = TimeSpan.FromSeconds(15), EhloName = "me.example.test" })).Reply?.Code);
        if (setup is Setup.TlsNoEhlo or Setup.Authenticated)
        {
            await session.EhloAsync("me.example.test");
            Assert.True((await session.StartTlsAsync()).Succeeded);
        }
        if (setup == Setup.Authenticated)
        {
            await session.EhloAsync("me.example.test");
            var plain = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"\0{user}\0{password}"));
            Assert.Equal(235, (await session.SendCommandAsync("AUTH PLAIN " + plain)).Reply?.Code);
        }
        foreach (var line in lines)
        {
            var result = await session.SendCommandAsync(line);
            Assert.True(result.Reply is not null, $"{server}, {mistake}: no reply to {line}: {result.Message}");
        }
        TranscriptEvent reply;
        lock (events) reply = events.Last(e => e.Kind == TranscriptEventKind.Reply);
        string dump;
        lock (events) dump = string.Join('\n', events.SelectMany(e => TranscriptTextFormat.FormatLines(e)));
        Assert.True(reply.Context?.StateHint?.Rule == expected, $"{server}, {mistake}: expected {expected}, got {reply.Context?.StateHint?.Rule.ToString() ?? "none"}\n{dump}");
        Assert.Equal(reply.Context!.StateHint!.Text, reply.Context.Hint);
        Assert.Contains(TranscriptTextFormat.HintPrefix + reply.Context.Hint, dump, StringComparison.Ordinal);
    }
}
