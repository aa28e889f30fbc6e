using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

/// <summary>Quitting is easy to find (key bar, Ctrl+C, /quit) and leaves a summary behind.</summary>
public sealed class QuitTests
{
    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(120)]
    public void TheQuitKey_IsOnTheKeyBar_AtAnyWidth(int width)
    {
        using var tui = TuiHarness.Start(width: width, height: 20, writeLog: false);
        string bottom = tui.ScreenLines()[19];
        Assert.Contains("^Q Quit", bottom);
        Assert.Contains("F1 Help", bottom);
        Assert.True(bottom.TrimEnd().Length <= width);
        if (width >= 120) Assert.Contains("F10 Inbox", bottom);
    }

    [Fact]
    public void CtrlC_OnAnEmptyLine_SaysHowToQuit()
    {
        using var tui = TuiHarness.Start(width: 100, height: 24, writeLog: false);
        tui.Press(Key.C.WithCtrl);
        Assert.Contains("Ctrl+Q or /quit quits", tui.Screen());
        Assert.False(tui.Window.StopRequested);
    }

    [Theory]
    [InlineData("/quit")]
    [InlineData("/exit")]
    [InlineData("quit")]
    [InlineData("QUIT")]
    public void QuitWords_WhileDisconnected_EndTheConsole(string word)
    {
        using var tui = TuiHarness.Start(width: 100, height: 24, writeLog: false);
        tui.Submit(word);
        Assert.True(tui.WaitUntil(() => tui.Window.StopRequested), "the console should stop");
        Assert.Contains("exit: " + word.ToLowerInvariant(), tui.Window.ExitLines()[0]);
    }

    [Fact]
    public void SlashQuit_WhileConnected_SendsQuitThenEnds_ButABareQuitIsTheSmtpCommand()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250 ok", "221 bye");
        using var tui = TuiHarness.Start(width: 100, height: 24);
        tui.Connect(server);
        tui.Submit("NOOP");
        tui.WaitForText("S: 250 ok");
        tui.Submit("/quit");
        Assert.True(tui.WaitUntil(() => tui.Window.StopRequested), "the window should stop after QUIT");
        Assert.Equal(["NOOP", "QUIT"], server.Commands);

        using var second = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "221 bye");
        using var tui2 = TuiHarness.Start(width: 100, height: 24);
        tui2.Connect(second);
        tui2.Submit("quit");
        tui2.WaitForText("S: 221 bye");
        tui2.WaitIdle();
        Assert.False(tui2.Window.StopRequested);
        Assert.Equal(["QUIT"], second.Commands);
    }

    [Fact]
    public void TheExitSummary_NamesTheServer_Tls_User_MessagesAccepted_Log_AndReason()
    {
        using var server = ScriptedSmtpServer.StartTls(
            "250-scripted.test\n250 AUTH PLAIN",
            "235 2.7.0 ok",
            "250 sender ok",
            "250 recipient ok",
            "354 go",
            "250 2.0.0 queued as 1",
            "221 bye");
        using var tui = TuiHarness.Start(width: 120, height: 40, configure: o => o with { ShowSecrets = false });
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS is up");
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH PLAIN");
        tui.Submit("/auth plain alice");
        tui.WaitForPanel<SecretPromptPanel>();
        tui.Type("pw");
        tui.Press(Key.Enter);
        tui.WaitForText("S: 235");
        tui.Submit("MAIL FROM:<a@scripted.test>");
        tui.Submit("RCPT TO:<b@scripted.test>");
        tui.Submit("DATA");
        Assert.True(tui.WaitUntil(() => tui.Window.Prompt.Mode == RunnerMode.DataBody));
        tui.Submit("Subject: x");
        tui.Submit(".");
        tui.WaitForText("queued as 1");
        tui.WaitIdle();
        tui.Press(Key.Q.WithCtrl);
        Assert.True(tui.WaitUntil(() => tui.Window.StopRequested));

        var lines = tui.Window.ExitLines();
        Assert.Matches(@"^smtpconsole: 127\.0\.0\.1:\d+ · TLS TLSv1\.[23].* · auth alice · 1 message accepted · exit: Ctrl\+Q$", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("session log: " + tui.Host.Log!.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void TheExitSummary_CountsAMessageAcceptedAfterBdatLast_AndOneAfterData()
    {
        // BDAT never enters the Data phase, so a tally that watched the phase missed it; the engine counts the 2xx to LAST.
        using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 scripted.test ESMTP\r\n");
            while (await c.ReadLineAsync(Timeout.InfiniteTimeSpan) is { } line)
            {
                if (line.StartsWith("BDAT ", StringComparison.Ordinal))
                {
                    await c.ReadBytesAsync(int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
                    await c.SendAsync(line.EndsWith(" LAST", StringComparison.Ordinal) ? "250 2.0.0 queued as B1\r\n" : "250 2.0.0 chunk ok\r\n");
                }
                else if (line == "DATA")
                {
                    await c.SendAsync("354 go\r\n");
                    await c.ReadDataAsync();
                    await c.SendAsync("250 2.0.0 queued as D1\r\n");
                }
                else
                {
                    await c.SendAsync(line == "QUIT" ? "221 bye\r\n" : "250 ok\r\n");
                }
            }
        });
        using var tui = TuiHarness.Start(width: 120, height: 40);
        string file = Path.Combine(tui.DataDirectory, "message.eml");
        File.WriteAllText(file, "Subject: chunked\r\n\r\nbody\r\n");
        tui.Connect(server);
        tui.Submit("MAIL FROM:<a@scripted.test>");
        tui.Submit("RCPT TO:<b@scripted.test>");
        tui.Submit($"/bdat @{file} --chunk 16");
        tui.WaitForText("queued as B1");
        tui.WaitIdle();
        tui.Press(Key.Q.WithCtrl);
        Assert.True(tui.WaitUntil(() => tui.Window.StopRequested));
        Assert.Contains(" · 1 message accepted · ", tui.Window.ExitLines()[0]);

        using var tui2 = TuiHarness.Start(width: 120, height: 40);
        tui2.Connect(server);
        tui2.Submit("MAIL FROM:<a@scripted.test>");
        tui2.Submit("RCPT TO:<b@scripted.test>");
        tui2.Submit($"/bdat @{file}");
        tui2.WaitForText("queued as B1");
        tui2.Submit("MAIL FROM:<a@scripted.test>");
        tui2.Submit("RCPT TO:<b@scripted.test>");
        tui2.Submit("DATA");
        Assert.True(tui2.WaitUntil(() => tui2.Window.Prompt.Mode == RunnerMode.DataBody));
        tui2.Submit("Subject: x");
        tui2.Submit(".");
        tui2.WaitForText("queued as D1");
        tui2.WaitIdle();
        tui2.Press(Key.Q.WithCtrl);
        Assert.True(tui2.WaitUntil(() => tui2.Window.StopRequested));
        Assert.Contains(" · 2 messages accepted · ", tui2.Window.ExitLines()[0]);
    }

    [Fact]
    public void HelpQuit_OnScreen_NamesTheQuitKey_FromTheRemedyKey()
    {
        // The engine's /quit topic names no key (replay has none); the screen words the remedy as its own key.
        using var tui = TuiHarness.Start(width: 120, height: 30, writeLog: false);
        tui.Submit("/help /quit");
        tui.WaitForText("what to do: Ctrl+Q quits the same way");
        Assert.False(tui.Window.StopRequested);
    }

    [Fact]
    public void TheExitSummary_AfterConnectingElsewhere_DoesNotCarryTlsOrTheLoginOver_AndNamesTheEarlierConnection()
    {
        // The tally kept "TLS was ever up" and "the last user who logged in" for the whole sitting, so after
        // /connect to a plain server it said "· TLS … · auth alice ·" of a connection that had neither.
        using var first = ScriptedSmtpServer.StartTls(
            "250-scripted.test\n250 AUTH PLAIN",
            "235 2.7.0 ok",
            "250 sender ok",
            "250 recipient ok",
            "354 go",
            "250 2.0.0 queued as 1");
        using var second = ScriptedSmtpServer.Start(
            "220 second.test ESMTP",
            "250-second.test\n250 AUTH PLAIN",
            "535 5.7.8 authentication failed",
            "250 sender ok",
            "250 recipient ok",
            "354 go",
            "550 5.7.1 message refused",
            "221 bye");
        using var tui = TuiHarness.Start(width: 120, height: 40, configure: o => o with { RunnerSettings = o.RunnerSettings with { AllowPlaintextAuth = true } });
        tui.Connect(first, SecurityMode.StartTls, waitFor: "TLS is up");
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH PLAIN");
        tui.Submit("/auth plain alice pw");
        tui.WaitForText("S: 235");
        SendMessage(tui, "queued as 1");

        tui.Submit($"/connect 127.0.0.1 {second.Port} --plain");
        tui.WaitForText("S: 220 second.test");
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH PLAIN");
        tui.Submit("/auth plain bob wrong");
        tui.WaitForText("S: 535");
        SendMessage(tui, "message refused");
        tui.Press(Key.Q.WithCtrl);
        Assert.True(tui.WaitUntil(() => tui.Window.StopRequested));

        var lines = tui.Window.ExitLines();
        Assert.Equal($"smtpconsole: 127.0.0.1:{second.Port} · no TLS · no auth · 0 messages accepted · exit: Ctrl+Q", lines[0]);
        Assert.Matches($@"^earlier in this session: 127\.0\.0\.1:{first.Port} · TLS TLSv1\.[23].* · auth alice · 1 message accepted$", lines[1]);
    }

    [Fact]
    public void CtrlQ_WithADialogOpen_QuitsTheConsole_NotJustTheDialog()
    {
        // The key bar behind a dialog says "^Q Quit", but Ctrl+Q only closed the dialog.
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "221 bye");
        using var tui = TuiHarness.Start(width: 80, height: 24);
        tui.Connect(server);
        tui.Press(Key.F2);
        Assert.IsType<ConnectPanel>(tui.Window.TopPanel);
        tui.Press(Key.Q.WithCtrl);
        Assert.True(tui.WaitUntil(() => tui.Window.StopRequested), "Ctrl+Q in a dialog should quit the console");
        Assert.Null(tui.Window.TopPanel);
        Assert.Equal(["QUIT"], server.Commands);
        Assert.Contains("exit: Ctrl+Q", tui.Window.ExitLines()[0]);
    }

    [Fact]
    public void CtrlQ_AtTheSecretPrompt_QuitsWithoutSendingAnySecret()
    {
        using var server = ScriptedSmtpServer.StartTls("250-scripted.test\n250 AUTH PLAIN", "221 bye");
        using var tui = TuiHarness.Start(width: 80, height: 24);
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS is up");
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH PLAIN");
        tui.Submit("/auth plain alice");
        tui.WaitForPanel<SecretPromptPanel>();
        tui.Type("half-typed");
        tui.Press(Key.Q.WithCtrl);
        Assert.True(tui.WaitUntil(() => tui.Window.StopRequested), "Ctrl+Q at the secret prompt should quit the console");
        Assert.Equal("QUIT", server.Commands[^1]);
        Assert.DoesNotContain(server.Commands, c => c.StartsWith("AUTH", StringComparison.Ordinal));
    }

    private static void SendMessage(TuiHarness tui, string reply)
    {
        tui.Submit("MAIL FROM:<a@scripted.test>");
        tui.Submit("RCPT TO:<b@scripted.test>");
        tui.Submit("DATA");
        Assert.True(tui.WaitUntil(() => tui.Window.Prompt.Mode == RunnerMode.DataBody));
        tui.Submit("Subject: x");
        tui.Submit(".");
        tui.WaitForText(reply);
        tui.WaitIdle();
    }
}
