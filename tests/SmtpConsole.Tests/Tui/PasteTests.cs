using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

/// <summary>Bracketed paste (what a terminal sends once the app enables it): every line arrives, in order.</summary>
public sealed class PasteTests
{
    [Fact]
    public void A300LinePasteAtDataPrompt_SendsEveryLineAsABodyLine_InOrder()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "354 go ahead", "250 2.0.0 queued as 7");
        using var tui = TuiHarness.Start(width: 100, height: 30);
        tui.Connect(server);
        tui.Submit("DATA");
        Assert.True(tui.WaitUntil(() => tui.Window.Prompt.Mode == RunnerMode.DataBody));

        var body = new List<string> { "Subject: pasted", "" };
        for (int i = 0; i < 300; i++) body.Add($"line {i:D3} of the pasted body" + (i % 50 == 0 ? "\t(with a tab)" : ""));
        body.Add(".starts with a dot");
        tui.App.RaisePasteEvent(string.Join("\r\n", body) + "\r\n.\r\n");

        tui.WaitForText("S: 250 2.0.0 queued as 7", TimeSpan.FromSeconds(30));
        tui.WaitIdle();
        var received = Assert.Single(server.Bodies);
        Assert.Equal(body.Count, received.Count);
        Assert.Equal(body[..^1], received.Take(body.Count - 1));
        Assert.Equal("..starts with a dot", received[^1]);
        Assert.Equal(string.Empty, tui.Window.Input.Text);
    }

    [Fact]
    public void AMultiLinePasteAtTheCommandPrompt_QueuesEachLine_AndKeepsTheUnfinishedLastLineInTheInput()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250 hello", "250 sender ok", "250 recipient ok");
        using var tui = TuiHarness.Start(width: 100, height: 30);
        tui.Connect(server);
        tui.Type("EHLO ");
        tui.App.RaisePasteEvent("me.example\nMAIL FROM:<a@scripted.test>\nRCPT TO:<b@scripted.test>\nRSET");

        Assert.True(server.WaitForCommands(3, TimeSpan.FromSeconds(15)), string.Join('\n', server.Commands));
        tui.WaitIdle();
        Assert.Equal(["EHLO me.example", "MAIL FROM:<a@scripted.test>", "RCPT TO:<b@scripted.test>"], server.Commands.Skip(server.Commands.Count - 3));
        Assert.Equal("RSET", tui.Window.Input.Text);
    }

    [Fact]
    public void ASingleLinePaste_GoesIntoTheInput_WithoutSending()
    {
        using var tui = TuiHarness.Start(width: 100, height: 30, writeLog: false);
        tui.App.RaisePasteEvent("MAIL FROM:<x@y.example>");
        Assert.Equal("MAIL FROM:<x@y.example>", tui.Window.Input.Text);
        Assert.True(tui.Host.Controller.IsIdle);
    }

    [Fact]
    public void LinesPastedIntoASecretPrompt_AreNotTakenAsTheSecret_AndWaitInTheQueue()
    {
        using var server = ScriptedSmtpServer.StartTls(
            "250-scripted.test\n250 AUTH LOGIN PLAIN",
            "334 VXNlcm5hbWU6",
            "334 UGFzc3dvcmQ6",
            "235 2.7.0 Authentication successful",
            "250 sender ok",
            "250 recipient ok");
        using var tui = TuiHarness.Start(width: 120, height: 40);
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS is up");
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH LOGIN PLAIN");
        tui.Submit("/auth login alice");
        var prompt = tui.WaitForPanel<SecretPromptPanel>();

        tui.App.RaisePasteEvent("MAIL FROM:<a@scripted.test>\nRCPT TO:<b@scripted.test>\n");
        Assert.Equal(string.Empty, prompt.Field.Text);
        Assert.Same(prompt, tui.Window.TopPanel);
        Assert.Equal(2, tui.Host.Controller.QueuedCount);

        tui.App.RaisePasteEvent("s3cret-from-a-manager\n");
        Assert.Equal("s3cret-from-a-manager", prompt.Field.Text);
        tui.Press(Key.Enter);

        tui.WaitForText("S: 250 recipient ok");
        tui.WaitIdle();
        Assert.Equal(["MAIL FROM:<a@scripted.test>", "RCPT TO:<b@scripted.test>"], server.Commands.Skip(server.Commands.Count - 2));
    }

    [Fact]
    public void ACrLfTextPastedThroughTmux_AtTheDataPrompt_KeepsItsHeadersAndLines()
    {
        // tmux pastes CR LF as CR CR: each line was followed by an empty one, and the first ended the headers.
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "354 go ahead", "250 2.0.0 queued as crlf");
        using var tui = TuiHarness.Start(width: 100, height: 30);
        tui.Connect(server);
        tui.Submit("DATA");
        Assert.True(tui.WaitUntil(() => tui.Window.Prompt.Mode == RunnerMode.DataBody));
        tui.App.RaisePasteEvent("Subject: crlf\r\rFrom: a@scripted.test\r\r\r\rline one\r\rline two\r\r.\r\r");
        tui.WaitForText("queued as crlf");
        Assert.Equal(["Subject: crlf", "From: a@scripted.test", "", "line one", "line two"], Assert.Single(server.Bodies));
    }

    [Fact]
    public void APasteIntoASecretPrompt_ThatMayHoldTheSecret_GoesNowhere()
    {
        // "password, line break, more lines" at the masked prompt: the lines were queued as commands, so the
        // password went to the server as a command in clear and into the session log and history.
        const string Secret = "Wonderland-42-paste";
        using var server = ScriptedSmtpServer.StartTls("250-scripted.test\n250 AUTH LOGIN PLAIN", "250 ok", "250 ok");
        using var tui = TuiHarness.Start(width: 120, height: 40);
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS is up");
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH LOGIN PLAIN");
        tui.Submit("/auth plain alice");
        var prompt = tui.WaitForPanel<SecretPromptPanel>();

        tui.App.RaisePasteEvent(Secret + "\nNOOP\nRSET\n");
        Assert.Equal(string.Empty, prompt.Field.Text);
        Assert.Equal(0, tui.Host.Controller.QueuedCount);
        Assert.Contains("A paste of 3 lines was not used", prompt.Notice);
        Assert.Same(prompt, tui.Window.TopPanel);

        tui.Press(Key.Esc);
        tui.WaitIdle();
        Assert.DoesNotContain(server.Commands, c => c.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, tui.Screen());
        Assert.DoesNotContain(Secret, File.ReadAllText(tui.Host.Log!.Path));
        string history = DataDirectory.HistoryFile(tui.DataDirectory);
        if (File.Exists(history)) Assert.DoesNotContain(Secret, File.ReadAllText(history));
    }

    [Theory]
    [InlineData("s3cret-with-crlf\r\r")] // a CR LF copied from a file, as tmux pastes it
    [InlineData("s3cret-with-crlf\r\n\r\n")]
    [InlineData("s3cret-with-crlf\n\n")]
    public void ASecretPastedWithTrailingLineEnds_GoesIntoTheField(string paste)
    {
        using var server = ScriptedSmtpServer.StartTls("250-scripted.test\n250 AUTH LOGIN PLAIN", "235 2.7.0 ok");
        using var tui = TuiHarness.Start(width: 120, height: 40);
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS is up");
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH LOGIN PLAIN");
        tui.Submit("/auth plain alice");
        var prompt = tui.WaitForPanel<SecretPromptPanel>();
        tui.App.RaisePasteEvent(paste);
        Assert.Equal("s3cret-with-crlf", prompt.Field.Text);
        Assert.Equal(0, tui.Host.Controller.QueuedCount);
        tui.Press(Key.Esc);
        tui.WaitIdle();
    }

    [Fact]
    public void APasteCutByTheTerminalLibraryAt1MiB_IsReported()
    {
        using var tui = TuiHarness.Start(width: 100, height: 30, writeLog: false);
        var input = tui.Window.Input;
        // What Terminal.Gui delivers for a larger paste: exactly its first 1 MiB, usually ending mid-line.
        string cut = string.Concat(Enumerable.Repeat("# a comment line that does nothing at all here\n", 1024 * 1024 / 40 + 1))[..(1024 * 1024)];
        tui.App.RaisePasteEvent(cut);
        Assert.Equal(1024 * 1024, input.LastPasteLength);
        tui.WaitIdle(TimeSpan.FromSeconds(60));
        Assert.Contains("the paste was larger than 1 MiB", tui.Screen());
    }
}
