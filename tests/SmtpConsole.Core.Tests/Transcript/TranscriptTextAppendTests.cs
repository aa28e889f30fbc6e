using System.Text;
using CsCheck;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Transcript;

/// <summary>
/// <see cref="TranscriptTextFormat.AppendLines"/> (replay's stdout path, no string per line) writes exactly the
/// lines of <see cref="TranscriptTextFormat.FormatLines"/>, each ended by '\n', for every kind of event.
/// </summary>
public class TranscriptTextAppendTests
{
    private static string ViaFormatLines(TranscriptEvent e, bool showSecrets) =>
        string.Concat(TranscriptTextFormat.FormatLines(e, showSecrets).Select(line => line + "\n"));

    private static string ViaAppend(TranscriptEvent e, bool showSecrets)
    {
        var sb = new StringBuilder("kept: ");
        TranscriptTextFormat.AppendLines(sb, e, showSecrets);
        Assert.StartsWith("kept: ", sb.ToString(), StringComparison.Ordinal); // appends, never clears
        return sb.ToString()["kept: ".Length..];
    }

    public static TheoryData<string> EventNames => [.. Events().Keys];

    private static Dictionary<string, TranscriptEvent> Events()
    {
        var context = new ReplyContext(PendingCommand.Command("RCPT TO:<a@b>", "RCPT TO:<a@b>"), SessionPhase.Mail) { Hint = "the mailbox does not exist" };
        return new Dictionary<string, TranscriptEvent>
        {
            ["send"] = new(TranscriptEventKind.Send, "RCPT TO:<rcpt1@example.test>"),
            ["send with note"] = new(TranscriptEventKind.Send, "AUTH LOGIN dXNlcg==") { Note = "initial response: user \"user\"" },
            ["send secret"] = new(TranscriptEventKind.Send, TranscriptEvent.RedactedText) { Secret = true, RevealText = "c2VjcmV0" },
            ["send with CR and LF"] = new(TranscriptEventKind.Send, "NOOP a\rb\nc"),
            ["send with escaped characters and their exact text"] = new(TranscriptEventKind.Send, "coder \U0001F469\u200D\U0001F4BB") { ExactText = "coder \U0001F469\u200D\U0001F4BB", Note = "n" },
            ["reply"] = new(TranscriptEventKind.Reply, "250 2.1.5 Ok") { Reply = SmtpReply.Create(250, "2.1.5 Ok") },
            ["reply multi-line with note and hint"] = new(TranscriptEventKind.Reply, "x")
            {
                Reply = SmtpReply.Create(550, "5.1.1 first", "5.1.1 second"), Note = "reply to RCPT TO:<a@b>", Context = context,
            },
            ["reply unsolicited"] = new(TranscriptEventKind.Reply, "x") { Reply = SmtpReply.Create(421, "4.4.2 idle"), Context = new ReplyContext(null, SessionPhase.Mail) },
            ["reply with empty line text"] = new(TranscriptEventKind.Reply, "x") { Reply = SmtpReply.Create(354, "") },
            ["reply malformed"] = new(TranscriptEventKind.Reply, "garbage") { Reply = Parse("garbage\r\n") },
            ["reply without parsed reply"] = new(TranscriptEventKind.Reply, "250 a\n250 b"),
            ["info"] = TranscriptEvent.Info("the server closed the connection"),
            ["warn multi-line"] = TranscriptEvent.Warn("one\ntwo"),
            ["error"] = TranscriptEvent.Error("cannot connect"),
            ["expect"] = new(TranscriptEventKind.Expect, "FAILED: x") { Passed = false },
            ["helper start"] = new(TranscriptEventKind.Info, "/auth login alice secret") { Helper = HelperBoundary.Start },
            ["helper end"] = new(TranscriptEventKind.Info, "/auth") { Helper = HelperBoundary.End },
            ["payload"] = new(TranscriptEventKind.Info, "message from @file") { Payload = Encoding.ASCII.GetBytes(new string('m', 200)) },
            ["tls"] = new(TranscriptEventKind.Tls, "TLSv1.3"),
            ["connect"] = new(TranscriptEventKind.Connect, "connected"),
        };
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void EveryKindOfEvent_SameTextAsFormatLines(string name)
    {
        var e = Events()[name];
        Assert.Equal(ViaFormatLines(e, showSecrets: false), ViaAppend(e, showSecrets: false));
        Assert.Equal(ViaFormatLines(e, showSecrets: true), ViaAppend(e, showSecrets: true));
    }

    [Fact]
    public void AnyCommandOrReplyText_SameTextAsFormatLines()
    {
        var text = Gen.String[Gen.Char['\0', '\u00ff'], 0, 40];
        var code = Gen.Int[200, 599];
        Gen.Select(text, text, code).Sample(t =>
        {
            var send = new TranscriptEvent(TranscriptEventKind.Send, t.Item1) { Note = t.Item2.Length > 20 ? t.Item2 : null };
            Assert.Equal(ViaFormatLines(send, false), ViaAppend(send, false));
            var lines = t.Item1.Split('\n', '\r').Where(l => l.Length > 0).DefaultIfEmpty("x").ToArray();
            var reply = SmtpReply.Create(t.Item3, lines);
            var received = new TranscriptEvent(TranscriptEventKind.Reply, reply.DisplayText) { Reply = reply, Note = t.Item2.Length > 0 ? t.Item2 : null };
            Assert.Equal(ViaFormatLines(received, false), ViaAppend(received, false));
        });
    }

    /// <summary>A reply as the parser makes it (malformed ones included).</summary>
    private static SmtpReply Parse(string wire)
    {
        var buffer = new System.Buffers.ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(wire));
        Assert.True(new ReplyParser().TryRead(ref buffer, out var reply));
        return reply!;
    }
}
