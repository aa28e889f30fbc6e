using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// A server that answers one command twice ("250 ok" then "250 extra" in one write): the extra reply is shown as
/// unsolicited, and the next command is judged by its own reply, never by the extra one.
/// </summary>
public class UnsolicitedReplyTests
{
    [Fact]
    public async Task ExtraReplyShownAsUnsolicited_IsNeverTakenAsTheNextCommandsReply()
    {
        var rcptReceived = new ManualResetEventSlim();
        var (h, server) = await SessionHarness.ConnectedAfterGreetingAsync(async c =>
        {
            Assert.StartsWith("MAIL", await c.ReadLineAsync(), StringComparison.Ordinal);
            await c.SendAsync("250 ok\r\n250 extra\r\n");
            Assert.StartsWith("RCPT", await c.ReadLineAsync(), StringComparison.Ordinal);
            rcptReceived.Set();
            await c.SendAsync("550 5.1.1 no such user\r\n");
        });
        await using (server)
        await using (h)
        {
            // A slow screen (the console, a log file) holds the reply reader right after it has shown "250 extra" as
            // unsolicited, while the next command goes out: the window in which the old code handed it to RCPT.
            h.Recorder.Recorded += e =>
            {
                if (e.Kind == TranscriptEventKind.Reply && e.Text == "250 extra") rcptReceived.Wait(TimeSpan.FromSeconds(5));
            };
            var mail = await h.Session.SendCommandAsync("MAIL FROM:<a@b>");
            var rcpt = await h.Session.SendCommandAsync("RCPT TO:<c@d>");

            Assert.Equal("ok", mail.Reply!.Text);
            Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Reply), e => e.Text == "250 extra" && e.Note == CoreMessages.UnsolicitedReply);
            Assert.True(rcpt.Reply?.Code == 550, h.Sink.Dump());
            Assert.Empty(server.Failures);
        }
    }
}
