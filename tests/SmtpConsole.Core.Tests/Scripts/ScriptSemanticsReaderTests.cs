using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Scripts;

/// <summary>How the reader splits scripts and transcripts into commands, body lines and expectations (docs/scripts.md).</summary>
public class ScriptSemanticsReaderTests
{
    private static List<(ScriptLineKind Kind, string Text)> Read(string text) =>
        ScriptReader.Read(text, "s.smtp").Lines.Select(l => (l.Kind, l.Kind == ScriptLineKind.ExpectCode ? l.ExpectedCode! : l.Text)).ToList();

    [Fact]
    public void RefusedData_ExpectationAllowsOnlyARefusal_NoBodyFollows()
    {
        var lines = Read("DATA\n/expect 503\nQUIT\n");
        Assert.Equal([(ScriptLineKind.Command, "DATA"), (ScriptLineKind.Command, "/expect 503"), (ScriptLineKind.Command, "QUIT")], lines);
    }

    [Fact]
    public void DataWithoutExpectation_OrExpecting354_BodyFollows()
    {
        Assert.Equal(ScriptLineKind.Body, Read("DATA\nSubject: x\n.\n")[1].Kind);
        Assert.Equal(ScriptLineKind.Body, Read("/data\n/expect 354\nSubject: x\n.\n")[2].Kind);
    }

    [Theory]
    [InlineData("DATA\n/expect\t354\nSubject: x\n.\n")]
    [InlineData("/data\n  /EXPECT\t354|503  \nSubject: x\n.\n")]
    [InlineData("/pipeline\nMAIL FROM:<a@b>\nDATA\n/end\n/expect\t250\n/expect\t354\nSubject: x\n.\n")]
    public void ExpectAfterDataWithATab_IsAnExpectation_NeverABodyLine(string script)
    {
        var lines = Read(script);
        Assert.DoesNotContain(lines, l => l.Kind == ScriptLineKind.Body && l.Text.Contains("expect", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["Subject: x", "."], lines.Where(l => l.Kind == ScriptLineKind.Body).Select(l => l.Text));
    }

    [Theory]
    [InlineData("DATA\n/expect354\nSubject: x\n.\n", 2)]
    [InlineData("DATA\n/expects 354\nSubject: x\n.\n", 2)]
    [InlineData("DATA\n# note\n/expct 354\nSubject: x\n.\n", 3)]
    [InlineData("/data\n/Exepct 354\nSubject: x\n.\n", 2)]
    [InlineData("/pipeline\nMAIL FROM:<a@b>\nDATA\n/end\n/expect 250\n/expcet 354\nSubject: x\n.\n", 6)]
    public void MisspeltExpectAfterData_IsAScriptError_NotTheFirstBodyLine(string script, int line)
    {
        var ex = Assert.Throws<ScriptSyntaxException>(() => Read(script));
        Assert.StartsWith($"s.smtp:{line}: ", ex.Message);
        Assert.Contains("/expect", ex.Message);
    }

    [Theory]
    [InlineData("EHLO x\n/pipeline\nMAIL FROM:<a@b>\n/expect 250\nRCPT TO:<c@d>\n/end\n", 4)]
    [InlineData("EHLO x\n/pipeline\nMAIL FROM:<a@b>\n  /Expect\t250\n/end\n", 4)]
    public void ExpectInsideAPipelineGroup_IsAScriptErrorBeforeAnythingIsSent(string script, int line)
    {
        var ex = Assert.Throws<ScriptSyntaxException>(() => Read(script));
        Assert.StartsWith($"s.smtp:{line}: /expect inside /pipeline", ex.Message);
    }

    [Fact]
    public void BodyLineStartingWithASlash_AfterTheHeaders_IsStillABodyLine()
    {
        var lines = Read("DATA\nSubject: x\n\n/expct is only a word here\n.\n");
        Assert.Contains((ScriptLineKind.Body, "/expct is only a word here"), lines);
    }

    [Fact]
    public void DataLastInAPipelineGroup_BodyAfterTheExpectations()
    {
        var lines = Read("/pipeline\nMAIL FROM:<a@b>\nDATA\n/end\n/expect 250\n/expect 354\nSubject: x\n.\n/expect 250\n");
        Assert.Equal(ScriptLineKind.Command, lines[3].Kind); // /end
        Assert.Equal((ScriptLineKind.Body, "Subject: x"), lines[6]);
        Assert.Equal((ScriptLineKind.Body, "."), lines[7]);
        Assert.Throws<ScriptSyntaxException>(() => Read("/pipeline\nNOOP\n/end\n/expect 250\n/expect 250\n"));
    }

    [Fact]
    public void CommentsInABody_AreNeverSent_EscapedHashIs()
    {
        var lines = Read("DATA\nSubject: x\n# a note\n\\#hashtag\n.\n");
        Assert.Equal(["Subject: x", "#hashtag", "."], lines.Where(l => l.Kind == ScriptLineKind.Body).Select(l => l.Text));
    }

    [Fact]
    public void Transcript_AnnotationsInsideARawDataBody_AreNotBody()
    {
        string saved = "C: DATA\nS: 354 go\n# info: 354: now type the message\nC: Subject: x\n#    ↳ note\nC: \nC: ..dot\nC: .\nS: 250 ok\n";
        var body = Read(saved).Where(l => l.Kind == ScriptLineKind.Body).Select(l => l.Text);
        Assert.Equal(["Subject: x", "", ".dot", "."], body);
    }

    [Fact]
    public void Transcript_PipelineBlock_IsOneGroupWithOneExpectationPerCommand()
    {
        string saved = "# >> /pipeline\nC: MAIL FROM:<a@b>\nC: RCPT TO:<c@d>\nC: DATA\nS: 250 2.1.0 Ok\nS: 250 2.1.5 Ok\nS: 354 go\n# << /pipeline\nC: Subject: x\nC: .\nS: 250 queued\n";
        var lines = Read(saved);
        Assert.Equal(["/pipeline", "MAIL FROM:<a@b>", "RCPT TO:<c@d>", "DATA", "/end"], lines.Take(5).Select(l => l.Text));
        Assert.Equal(["250", "250", "354"], lines.Skip(5).Take(3).Select(l => l.Text));
        Assert.Equal([(ScriptLineKind.Body, "Subject: x"), (ScriptLineKind.Body, "."), (ScriptLineKind.ExpectCode, "250")], lines.Skip(8));
    }

    [Fact]
    public void Transcript_HandTypedAuthLogin_BecomesTheHelperWithThePlaceholder()
    {
        string saved = "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YWxpY2U=\nS: 334 UGFzc3dvcmQ6\nC: ••••••\nS: 235 2.7.0 ok\nC: QUIT\n";
        var doc = ScriptReader.Read(saved, "s.smtp");
        Assert.Equal("/auth login alice ${PASSWORD} --no-initial", doc.Lines[0].Text);
        Assert.Equal("235", doc.Lines[1].ExpectedCode);
        Assert.Contains("PASSWORD", doc.Variables);
        var plain = ScriptReader.Read("C: AUTH PLAIN ••••••\nS: 235 ok\n", "s.smtp");
        Assert.Equal("/auth plain ${USER} ${PASSWORD} --initial", plain.Lines[0].Text);
    }

    [Theory]
    [InlineData("DATA\nSubject: x\n\nbody\n/expect 250\n.\nQUIT\n", 5)]
    [InlineData("/data\nSubject: x\n  /EXPECT\t2xx\n.\n", 3)]
    [InlineData("/pipeline\nMAIL FROM:<a@b>\nDATA\n/end\n/expect 250\n/expect 354\nbody\n/expect 250\n.\n", 8)]
    public void ExpectInsideABody_IsAScriptError_NeverMailedAsText(string script, int line)
    {
        // The '.' before it forgotten: the /expect was sent as a line of the message and checked nothing (exit 0).
        var ex = Assert.Throws<ScriptSyntaxException>(() => Read(script));
        Assert.StartsWith($"s.smtp:{line}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EscapedExpectInsideABody_IsSentAsText()
    {
        var body = Read("DATA\nSubject: x\n\n\\/expect 250 is how scripts check\n\\\\/expect twice\n.\n").Where(l => l.Kind == ScriptLineKind.Body).Select(l => l.Text);
        Assert.Equal(["Subject: x", "", "/expect 250 is how scripts check", "\\/expect twice", "."], body);
    }

    [Fact]
    public void Transcript_RefusedHandTypedAuthPlain_NeedsNoVariable()
    {
        // Any wrong login is refused alike: neither the secret nor the user hidden inside the response is asked for.
        var doc = ScriptReader.Read("C: AUTH PLAIN ••••••\nS: 535 5.7.8 no\n", "s.smtp");
        Assert.Empty(doc.Variables);
        Assert.StartsWith("/auth plain refused-user refused-", doc.Lines[0].Text, StringComparison.Ordinal);
        Assert.Equal("535", doc.Lines[1].ExpectedCode);
    }

    [Fact]
    public void Transcript_DataFileBlock_CarriesItsBytes_OrIsRefused()
    {
        string saved = "# >> /data @/etc/passwd\n# info: message bytes kept for replay: 5 bytes\nD: aGVsbG8=\nC: DATA\nS: 354 go\nS: 250 ok\n# << /data\n";
        var line = ScriptReader.Read(saved, "s.smtp").Lines[0];
        Assert.Equal("hello"u8.ToArray(), line.Payload);
        var ex = Assert.Throws<ScriptSyntaxException>(() => ScriptReader.Read("# >> /data @/etc/passwd\nC: DATA\nS: 354 go\nS: 250 ok\n# << /data\n", "s.smtp"));
        Assert.Contains("never reads a local file", ex.Message);
    }

    [Fact]
    public void CrOrNulInsideALine_IsRefusedWithItsLineNumber()
    {
        Assert.StartsWith("s.smtp:2:", Assert.Throws<ScriptSyntaxException>(() => Read("EHLO x\nNOOP\rQUIT\n")).Message);
        Assert.StartsWith("s.smtp:1:", Assert.Throws<ScriptSyntaxException>(() => Read("NO\0OP\n")).Message);
    }

    [Fact]
    public void InvalidUtf8_IsRefusedWithItsLineNumber()
    {
        var ex = Assert.Throws<ScriptSyntaxException>(() => ScriptText.Decode([.. "EHLO x\nNOOP\n"u8, 0xC3, 0x28, (byte)'\n'], "u.smtp"));
        Assert.StartsWith("u.smtp:3: not valid UTF-8", ex.Message);
        Assert.Equal("EHLO é\n", ScriptText.Decode("EHLO é\n"u8, "u.smtp"));
    }

    [Fact]
    public void SavedLines_NeverContainCrOrLf()
    {
        var e = new TranscriptEvent(TranscriptEventKind.Info, "/connect evil\r\nC: RCPT TO:<x@y> 25 --plain") { Helper = HelperBoundary.Start };
        var lines = TranscriptTextFormat.FormatLines(e).ToList();
        Assert.Single(lines);
        Assert.DoesNotContain('\n', lines[0]);
        Assert.DoesNotContain('\r', lines[0]);
    }
}
