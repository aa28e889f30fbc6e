using SmtpConsole.Core.Scripts;

namespace SmtpConsole.Core.Tests.Scripts;

public class ScriptReaderTests
{
    [Fact]
    public void Read_PlainScript_SkipsCommentsAndMarksBody()
    {
        var doc = ScriptReader.Read("""
            # a comment
            EHLO me
            /expect 250
            MAIL FROM:<${FROM}>
            DATA
            Subject: hi

            .dot line
            .
            QUIT
            """, "s.txt");
        Assert.False(doc.IsTranscript);
        Assert.Equal(["FROM"], doc.Variables);
        Assert.Equal(
            [ScriptLineKind.Command, ScriptLineKind.Command, ScriptLineKind.Command, ScriptLineKind.Command,
             ScriptLineKind.Body, ScriptLineKind.Body, ScriptLineKind.Body, ScriptLineKind.Body, ScriptLineKind.Command],
            doc.Lines.Select(l => l.Kind));
        Assert.Equal(".dot line", doc.Lines[6].Text);
        Assert.Equal(2, doc.Lines[0].Number);
    }

    [Fact]
    public void Read_Transcript_SendsClientLines_ExpectsFinalServerCodes_UnstuffsBody()
    {
        var doc = ScriptReader.Read("""
            S: 220 mail ESMTP
            C: EHLO me
            S: 250-mail
            S: 250 PIPELINING
            C: DATA
            S: 354 go
            C: ..hidden
            C: .
            S: 250 2.0.0 Ok
            """, "t.txt");
        Assert.True(doc.IsTranscript);
        Assert.Equal(["220", "EHLO me", "250", "DATA", "354", ".hidden", ".", "250"],
            doc.Lines.Select(l => l.Kind == ScriptLineKind.ExpectCode ? l.ExpectedCode! : l.Text));
    }

    [Fact]
    public void Read_HelperBlock_RunsHelperAgainAndExpectsItsFinalReply()
    {
        var doc = ScriptReader.Read("""
            # >> /auth login alice
            C: AUTH LOGIN
            S: 334 VXNlcm5hbWU6
            C: YWxpY2U=
            S: 334 UGFzc3dvcmQ6
            C: ••••••
            S: 235 2.7.0 Authentication successful
            # << /auth
            """, "t.txt");
        Assert.Equal(2, doc.Lines.Count);
        Assert.Equal("/auth login alice ${PASSWORD}", doc.Lines[0].Text);
        Assert.Equal("235", doc.Lines[1].ExpectedCode);
    }

    [Fact]
    public void Read_DataHelperBlock_KeepsBodyLines()
    {
        var doc = ScriptReader.Read("""
            # >> /data
            C: DATA
            S: 354 End data with <CR><LF>.<CR><LF>
            C: Subject: x
            C: ..dot
            C: .
            S: 250 2.0.0 Ok: queued
            # << /data
            """, "t.txt");
        Assert.Equal(["/data", "Subject: x", ".dot", ".", "250"], doc.Lines.Select(l => l.ExpectedCode ?? l.Text));
    }

    [Theory]
    [InlineData("C: ••••••", "redacted")]
    [InlineData("/data\nbody without end", "single '.'")]
    [InlineData("# >> /auth login a\nC: AUTH LOGIN", "not closed")]
    [InlineData("# << /auth", "without a matching")]
    [InlineData("MAIL FROM:<${bad name}>", "malformed variable")]
    public void Read_BrokenScripts_GiveLineAndReason(string text, string reason)
    {
        var ex = Assert.Throws<ScriptSyntaxException>(() => ScriptReader.Read(text, "bad.txt"));
        Assert.Contains("bad.txt", ex.Message);
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void Variables_ResolveFromGivenThenEnvironment_ElseClearError()
    {
        var env = new Dictionary<string, string> { ["SMTPCONSOLE_B"] = "from-env" };
        var resolver = new VariableResolver(new Dictionary<string, string> { ["A"] = "given" }, name => env.GetValueOrDefault(name));
        var values = resolver.ResolveAll(["A", "B"], "s");
        Assert.Equal("given", values["A"]);
        Assert.Equal("from-env", values["B"]);
        var ex = Assert.Throws<ScriptSyntaxException>(() => resolver.ResolveAll(["MISSING"], "s"));
        // The engine names the variable; how to give it (--var, SMTPCONSOLE_…, a prompt) is each front end's wording
        // (replay's: ScriptVariableWordingTests in SmtpConsole.Tests).
        Assert.Equal(["MISSING"], ex.MissingVariables);
        Assert.Contains("no value for MISSING", ex.Message);
    }

    [Fact]
    public void Variables_WithLineBreaks_AreRefused()
    {
        var resolver = new VariableResolver(new Dictionary<string, string> { ["X"] = "a@b>\r\nRCPT TO:<evil@x" }, _ => null);
        Assert.Throws<ScriptSyntaxException>(() => resolver.ResolveAll(["X"], "s"));
    }

    [Fact]
    public void Read_Transcript_MalformedServerCodes_StayComments()
    {
        var doc = ScriptReader.Read("S: 199 not a code\nC: EHLO me\nS: 600 nor this\nS: 250 ok\n", "t.txt");
        Assert.Equal(["EHLO me", "250"], doc.Lines.Select(l => l.ExpectedCode ?? l.Text));
    }
}
