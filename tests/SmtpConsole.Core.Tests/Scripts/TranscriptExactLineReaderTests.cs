using System.Text;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Scripts;

/// <summary>
/// A saved client line that had to be shown escaped (<c>\u200d</c>, <c>\u00ad</c>, <c>\x1b</c>) is followed by an
/// <c>E:</c> line holding its exact text; the reader sends that text, and only when it shows as the C: line does.
/// </summary>
public class TranscriptExactLineReaderTests
{
    private static string E(string exact) => TranscriptTextFormat.ExactPrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(exact));

    private static string Saved(string exact) => string.Join('\n', TranscriptTextFormat.FormatLines(new TranscriptEvent(TranscriptEventKind.Send, exact) { ExactText = exact }));

    [Theory]
    [InlineData("family \U0001F469\u200D\U0001F4BB")]
    [InlineData("Silben\u00ADtrennung")]
    [InlineData("\uFEFFSubject: bom")]
    [InlineData("esc \u001b[31m red")]
    [InlineData("rtl \u202Eevil")]
    public void BodyLineSavedWithItsExactText_IsReadBackExactly(string body)
    {
        string saved = Saved(body);
        Assert.NotEqual("C: " + body, saved.Split('\n')[0]); // the C: line shows it escaped
        string transcript = $"C: DATA\nS: 354 go\nC: Subject: x\nC: \n{saved}\nC: .\nS: 250 ok\n";
        var doc = ScriptReader.Read(transcript, "t.txt");
        Assert.Contains(doc.Lines, l => l.Kind == ScriptLineKind.Body && l.Text == body);
        Assert.DoesNotContain(doc.Lines, l => l.Text.StartsWith("E:", StringComparison.Ordinal));
    }

    [Fact]
    public void CommandLineSavedWithItsExactText_IsSentExactly()
    {
        string command = "EHLO client\u200B.example";
        var doc = ScriptReader.Read($"{Saved(command)}\nS: 250 ok\n", "t.txt");
        Assert.Equal(command, doc.Lines[0].Text);
    }

    [Fact]
    public void TextThatOnlyLooksEscaped_HasNoExactLine_AndIsSentAsTyped()
    {
        string typed = @"literal \u200d text";
        Assert.Null(new TranscriptEvent(TranscriptEventKind.Send, typed) { ExactText = typed }.ExactText);
        var doc = ScriptReader.Read($"C: NOOP {typed}\nS: 250 ok\n", "t.txt");
        Assert.Equal($"NOOP {typed}", doc.Lines[0].Text);
    }

    [Fact]
    public void ExactLineThatShowsOtherText_IsRefused()
    {
        // An E: line may only restore what the C: line shows escaped, never make replay send something else.
        var ex = Assert.Throws<ScriptSyntaxException>(() => ScriptReader.Read($"C: NOOP\n{E("RCPT TO:<someone@elsewhere>")}\nS: 250 ok\n", "t.txt"));
        Assert.Contains("t.txt:2", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ScriptSyntaxException>(() => ScriptReader.Read($"C: NOOP a\\u200db\n{E("NOOP a\u200Db\nRCPT TO:<x>")}\n", "t.txt"));
        Assert.Throws<ScriptSyntaxException>(() => ScriptReader.Read("C: NOOP\nE: not base64!\n", "t.txt"));
    }

    [Fact]
    public void ExactLineNotRightAfterAClientLine_IsRefused()
    {
        Assert.Throws<ScriptSyntaxException>(() => ScriptReader.Read($"C: NOOP\nS: 250 ok\n{E("NOOP")}\n", "t.txt"));
        Assert.Throws<ScriptSyntaxException>(() => ScriptReader.Read($"{E("NOOP")}\nC: NOOP\n", "t.txt"));
    }

    [Fact]
    public void ExactLineInsideAPipelinedGroup_IsSentExactly()
    {
        string rcpt = "RCPT TO:<b@example.test> NOTIFY=NEVER\u200B";
        string transcript = $"# >> /pipeline\nC: MAIL FROM:<a@example.test>\n{Saved(rcpt)}\nS: 250 ok\nS: 250 ok\n# << /pipeline\n";
        var doc = ScriptReader.Read(transcript, "t.txt");
        Assert.Contains(doc.Lines, l => l.Text == rcpt);
        Assert.Equal("RCPT TO:<b@example.test> NOTIFY=NEVER\\u200b", ServerText.NeutralizeLines(rcpt));
    }

    [Fact]
    public void HelperLineSavedWithItsExactText_RunsTheExactHelper()
    {
        string helper = "/compose --from a@b.test --to c@d.test --subject \"hi \U0001F469\u200D\U0001F4BB\"";
        var start = new TranscriptEvent(TranscriptEventKind.Info, helper) { Helper = HelperBoundary.Start, ExactText = helper };
        string saved = string.Join('\n', TranscriptTextFormat.FormatLines(start));
        Assert.Contains(@"\u200d", saved, StringComparison.Ordinal);
        var doc = ScriptReader.Read($"{saved}\nC: MAIL FROM:<a@b.test>\nS: 250 ok\n# << /compose\n", "t.txt");
        Assert.Equal(helper, doc.Lines[0].Text);
        // A helper's E: line is held to what the helper line shows, like a C: line's.
        Assert.Throws<ScriptSyntaxException>(() => ScriptReader.Read($"# >> /ehlo a\n{E("/ehlo b")}\n# << /ehlo\n", "t.txt"));
    }
}
