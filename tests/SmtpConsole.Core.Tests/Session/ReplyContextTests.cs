using System.Text.Json;
using SmtpConsole.Core.Analysis;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Session;

/// <summary>
/// The reply event says what it answers (issue 17 item 1): verb, masked line, phase and hint come from the engine's
/// typed pending command, so no front end has to guess them from display text.
/// </summary>
public class ReplyContextTests
{
    private const string Greeting = "220 test.example ESMTP ready\r\n";
    private const string Ehlo = "250-test.example\r\n250-PIPELINING\r\n250 AUTH PLAIN LOGIN\r\n";

    private static IReadOnlyList<TranscriptEvent> Replies(SessionHarness h) => [.. h.Sink.OfKind(TranscriptEventKind.Reply)];

    [Fact]
    public async Task SaslResponses_AnswerAuth_SecretMasked_AndPhaseBecomesAuthenticated()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            int step = 0;
            await c.ServeAsync(line => line.StartsWith("EHLO") ? Ehlo
                : line == "AUTH LOGIN" ? "334 VXNlcm5hbWU6\r\n"
                : ++step == 1 ? "334 UGFzc3dvcmQ6\r\n"
                : "235 2.7.0 Authentication successful\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await h.Session.EhloAsync("client.test");
        await h.Session.SendCommandAsync("AUTH LOGIN");
        await h.Session.SendCommandAsync("dXNlcg==");
        var done = await h.Session.SendCommandAsync("c2VjcmV0LXBhc3M=", new SendAnnotation(true, "password"));

        Assert.Equal(235, done.Reply!.Code);
        var last = Replies(h)[^1].Context!;
        Assert.Equal("AUTH", last.Verb);
        Assert.Equal(PendingCommandKind.SaslResponse, last.Answers!.Kind);
        Assert.DoesNotContain("c2VjcmV0", last.Answers.Line, StringComparison.Ordinal);
        Assert.Equal(SessionPhase.Authenticated, h.Session.Phase);
        Assert.Equal("AUTH", h.Session.LastVerb);
    }

    [Fact]
    public async Task Greeting_AnswersConnect_AndUnsolicitedReply_AnswersNothing()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line.StartsWith("NOOP") ? "250 ok\r\n" : null);
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        Assert.Equal(PendingCommand.ConnectVerb, Replies(h)[0].Context!.Verb);
        Assert.Equal(PendingCommandKind.Greeting, Replies(h)[0].Context!.Answers!.Kind);
    }

    [Fact]
    public async Task Pipelined_EachReplyNamesItsOwnCommand()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line.StartsWith("EHLO") ? Ehlo
                : line.StartsWith("MAIL") ? "250 2.1.0 Ok\r\n"
                : line.Contains("nobody") ? "550 5.1.1 <nobody@d>: Recipient address rejected\r\n"
                : "250 2.1.5 Ok\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await h.Session.EhloAsync("client.test");
        await h.Session.SendPipelinedAsync(["MAIL FROM:<a@b>", "RCPT TO:<nobody@d>", "RCPT TO:<c@d>"]);

        var replies = Replies(h).TakeLast(3).Select(e => e.Context!).ToList();
        Assert.Equal(["MAIL", "RCPT", "RCPT"], replies.Select(c => c.Verb));
        Assert.Equal(["MAIL FROM:<a@b>", "RCPT TO:<nobody@d>", "RCPT TO:<c@d>"], replies.Select(c => c.Answers!.Line));
        Assert.All(replies, c => Assert.Equal(PendingCommandKind.PipelinedCommand, c.Answers!.Kind));
        // The phase each command was sent in, as the engine saw it when the reply arrived.
        Assert.Equal([SessionPhase.Ehlo, SessionPhase.Mail, SessionPhase.Mail], replies.Select(c => c.Phase));
        Assert.NotNull(replies[1].Hint);
        Assert.Null(replies[2].Hint);
        Assert.Equal(SessionPhase.Rcpt, h.Session.Phase);
    }

    [Fact]
    public async Task EndOfData_AnswersData_AndEndsTheTransaction()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            while (await c.ReadLineAsync() is { } line)
            {
                if (line == "DATA")
                {
                    await c.SendAsync("354 End data with <CR><LF>.<CR><LF>\r\n");
                    while (await c.ReadLineAsync() is { } body && body != ".")
                    {
                        // The body is not answered line by line.
                    }
                    await c.SendAsync("554 5.7.1 Message rejected as spam\r\n");
                    continue;
                }
                await c.SendAsync(line.StartsWith("EHLO") ? Ehlo : "250 Ok\r\n");
            }
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await h.Session.EhloAsync("client.test");
        await h.Session.SendCommandAsync("MAIL FROM:<a@b>");
        await h.Session.SendCommandAsync("RCPT TO:<c@d>");
        await h.Session.SendCommandAsync("DATA");
        Assert.Equal(SessionPhase.Data, h.Session.Phase);
        await h.Session.SendDataLineAsync("Subject: hi");
        var end = await h.Session.EndDataAsync();

        Assert.Equal(554, end.Reply!.Code);
        var context = Replies(h)[^1].Context!;
        Assert.Equal("DATA", context.Verb);
        Assert.Equal(PendingCommandKind.EndOfData, context.Answers!.Kind);
        Assert.Equal(SessionPhase.Data, context.Phase);
        Assert.NotNull(context.Explanation);
        Assert.Equal(SessionPhase.Ehlo, h.Session.Phase);
    }

    [Fact]
    public async Task RcptBeforeMail_HintNamesTheCause_OnceInTextAndInJson()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line.StartsWith("EHLO") ? Ehlo : line.StartsWith("RCPT") ? "503 5.5.1 Error: need MAIL command\r\n" : null);
        });
        await using var h = new SessionHarness(server.Port);
        await h.Runner.ExecuteAsync($"/connect 127.0.0.1 {server.Port} --plain");
        await h.Runner.ExecuteAsync("EHLO client.test");
        await h.Runner.ExecuteAsync("RCPT TO:<bob@example.test>");

        var reply = Replies(h)[^1];
        Assert.Equal(SessionStateRule.MailMissing, reply.Context!.StateHint!.Rule);
        Assert.StartsWith("MAIL FROM is missing", reply.Context.Hint, StringComparison.Ordinal);

        string text = h.Sink.Dump();
        Assert.Single(text.Split('\n'), l => l.StartsWith(TranscriptTextFormat.HintPrefix, StringComparison.Ordinal));
        Assert.Contains("# hint: MAIL FROM is missing", text, StringComparison.Ordinal);
        Assert.DoesNotContain("F4", text, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(TranscriptJsonFormat.ToJson(reply));
        Assert.Equal("RCPT", json.RootElement.GetProperty("verb").GetString());
        Assert.Equal("RCPT TO:<bob@example.test>", json.RootElement.GetProperty("command").GetString());
        Assert.Equal("Ehlo", json.RootElement.GetProperty("phase").GetString());
        Assert.Equal(reply.Context.Hint, json.RootElement.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task AuthWithInitialResponse_CommandLineIsMaskedInJson()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line.StartsWith("EHLO") ? Ehlo : "535 5.7.8 Error: authentication failed\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await h.Session.EhloAsync("client.test");
        await h.Session.SendCommandAsync("AUTH PLAIN AGFsaWNlAHNlY3JldA==");
        string json = TranscriptJsonFormat.ToJson(Replies(h)[^1]);
        Assert.DoesNotContain("AGFsaWNlAHNlY3JldA", json, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"AUTH\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandAfter421_OnAConnectionStillOpen_IsWarned_AndItsReplyNamesTheCause()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line.StartsWith("EHLO") ? Ehlo : line.StartsWith("MAIL") ? "421 4.3.2 Service shutting down\r\n" : "503 5.5.1 Error: need MAIL command\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await h.Session.EhloAsync("client.test");
        await h.Session.SendCommandAsync("MAIL FROM:<a@b>");
        await h.Session.SendCommandAsync("RCPT TO:<c@d>");

        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Warn), e => e.Text.Contains("\"RCPT TO:<c@d>\" will most likely not be processed", StringComparison.Ordinal));
        Assert.Equal(SessionStateRule.AfterClosing, Replies(h)[^1].Context!.StateHint!.Rule);
    }
}
