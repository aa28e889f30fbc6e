using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Color = Terminal.Gui.Drawing.Color;

namespace SmtpConsole.Tests.Tui;

public sealed class ConsoleWindowTests
{
    [Fact]
    public void TypedRawCommand_AppearsWithItsReplyColouredByClass()
    {
        using var server = ScriptedSmtpServer.Start(
            "220 scripted.test ESMTP ready",
            "250-scripted.test hello\n250 PIPELINING",
            "354 go ahead",
            "550 5.1.1 <nobody@scripted.test>: Recipient address rejected");
        using var tui = TuiHarness.Start();
        tui.Connect(server);

        tui.Submit("EHLO me.example");
        tui.WaitForText("S: 250 PIPELINING");

        var sent = tui.Find("C: EHLO me.example");
        Assert.NotNull(sent);
        var ok = tui.Find("S: 250-scripted.test hello")!.Value;
        Assert.Equal(new Color(ColorName16.BrightGreen), tui.AttributeAt(ok.X + 3, ok.Y).Foreground);
        Assert.Equal(new Color(ColorName16.BrightGreen), tui.AttributeAt(tui.Find("S: 250 PIPELINING")!.Value.X + 3, tui.Find("S: 250 PIPELINING")!.Value.Y).Foreground);
        Assert.True(tui.AttributeAt(sent.Value.X + 3, sent.Value.Y).Style.HasFlag(TextStyle.Bold));

        tui.Submit("DATA");
        tui.WaitForText("S: 354 go ahead");
        var intermediate = tui.Find("S: 354")!.Value;
        Assert.Equal(new Color(ColorName16.BrightCyan), tui.AttributeAt(intermediate.X + 3, intermediate.Y).Foreground);
        tui.Submit(".");
        tui.WaitForText("S: 550 5.1.1");
        var refused = tui.Find("S: 550 5.1.1")!.Value;
        Assert.Equal(new Color(ColorName16.BrightRed), tui.AttributeAt(refused.X + 3, refused.Y).Foreground);
        var greeting = tui.Find("S: 220")!.Value;
        Assert.Equal(new Color(ColorName16.BrightGreen), tui.AttributeAt(greeting.X + 3, greeting.Y).Foreground);
        Assert.Equal(["EHLO me.example", "DATA"], server.Commands);
    }

    [Fact]
    public void FailingReply_GetsAOneLineHintRowUnderIt()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "530 5.7.0 Authentication required");
        using var tui = TuiHarness.Start(width: 140);
        tui.Connect(server);

        tui.Submit("MAIL FROM:<a@b.example>");
        tui.WaitForText("S: 530 5.7.0");

        var reply = tui.Find("S: 530 5.7.0")!.Value;
        string hintRow = tui.ScreenLines()[reply.Y + 1];
        Assert.Contains("↳", hintRow);
        Assert.Contains("F4", hintRow);
    }

    [Fact]
    public void LinesTypedWhileAReplyIsPending_AreQueuedAndRunInOrder()
    {
        using var server = ScriptedSmtpServer.Start(
            "220 scripted.test ESMTP",
            new ScriptedReply("250 slow hello", TimeSpan.FromMilliseconds(600)),
            "250 noop one",
            "250 noop two");
        using var tui = TuiHarness.Start();
        tui.Connect(server);

        tui.Submit("EHLO me");
        tui.Submit("NOOP 1");
        tui.Submit("NOOP 2");
        Assert.True(tui.WaitUntil(() => tui.Window.ModeLine.Activity?.Contains("queued", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(5)),
            "the mode line should say lines are queued");

        tui.WaitForText("S: 250 noop two");
        Assert.Equal(["EHLO me", "NOOP 1", "NOOP 2"], server.Commands);
        var lines = tui.ScreenLines();
        Assert.True(Array.FindIndex(lines, l => l.Contains("250 slow hello", StringComparison.Ordinal)) < Array.FindIndex(lines, l => l.Contains("C: NOOP 1", StringComparison.Ordinal)));
    }

    [Fact]
    public void Escape_CancelsThePendingStep_AndTheConsoleStaysUsable()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", ScriptedReply.Silence);
        using var tui = TuiHarness.Start();
        tui.Connect(server);

        tui.Submit("NOOP");
        Assert.True(server.WaitForCommands(1, TimeSpan.FromSeconds(5)));
        tui.Submit("RSET");
        tui.Press(Key.Esc);

        tui.WaitForText("cancelled waiting for the reply");
        tui.WaitForText("dropped 1 queued line(s)");
        tui.WaitIdle();
        tui.Type("still typing");
        Assert.Equal("still typing", tui.Window.Input.Text);
        Assert.False(tui.Window.QuitRequested);
    }

    [Fact]
    public void CtrlQ_SendsQuitWhenConnected_ThenStops()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "221 bye");
        using var tui = TuiHarness.Start();
        tui.Connect(server);

        tui.Press(Key.Q.WithCtrl);

        Assert.True(tui.WaitUntil(() => tui.Window.StopRequested), "the window should stop after QUIT");
        Assert.Equal(["QUIT"], server.Commands);
        Assert.True(tui.Window.QuitRequested);
    }

    [Fact]
    public void Details_OfASelectedReply_ShowRawBytesEscapedAndTheEnhancedCode()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "550 5.7.1 relay\tdenied");
        using var tui = TuiHarness.Start(width: 120, height: 36);
        tui.Connect(server);
        tui.Submit("RCPT TO:<x@elsewhere.example>");
        tui.WaitForText("S: 550 5.7.1");

        tui.Press(Key.Tab.WithShift);
        Assert.True(tui.Window.Transcript.HasFocus);
        int replyRow = tui.Window.Transcript.SelectedRow;
        while (tui.Window.Transcript.SelectedTranscriptRow?.Event.Reply?.Code != 550 && replyRow-- > 0) tui.Press(Key.CursorUp);
        Assert.Equal(550, tui.Window.Transcript.SelectedTranscriptRow?.Event.Reply?.Code);
        tui.Press(Key.Enter);

        var panel = Assert.IsType<TextPanel>(tui.Window.TopPanel);
        string text = panel.Content.AllText;
        Assert.Contains("550 5.7.1 relay", text);
        Assert.Contains(@"\x09denied\r\n", text);
        Assert.Contains("enhanced status 5.7.1", text);
        tui.Press(Key.Esc);
        Assert.Null(tui.Window.TopPanel);
        Assert.True(tui.Window.Transcript.HasFocus, "back from the details, the user is still browsing the transcript");
    }

    [Fact]
    public void NoColor_KeepsTheGuttersAndUsesNoColours()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "550 no");
        using var tui = TuiHarness.Start(colour: false);
        tui.Connect(server);
        tui.Submit("MAIL FROM:<a@b.example>");
        tui.WaitForText("S: 550 no");

        var refused = tui.Find("S: 550 no")!.Value;
        var sent = tui.Find("C: MAIL FROM")!.Value;
        Assert.Equal(tui.AttributeAt(refused.X + 3, refused.Y).Foreground, tui.AttributeAt(sent.X + 3, sent.Y).Foreground);
        Assert.NotEqual(new Color(ColorName16.BrightRed), tui.AttributeAt(refused.X + 3, refused.Y).Foreground);
        Assert.True(tui.AttributeAt(sent.X + 3, sent.Y).Style.HasFlag(TextStyle.Bold));
    }

    [Fact]
    public void F9_ShowsATimeColumn()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP");
        using var tui = TuiHarness.Start();
        tui.Connect(server);

        tui.Press(Key.F9);

        Assert.Matches(@"\d\d:\d\d:\d\d\.\d\d\d +\+ *\d+\.\dms S: 220", tui.Screen());
    }

    [Fact]
    public void F4_ExplainsTheLastFailingReply_WithTheKnowledgeBase()
    {
        using var server = ScriptedSmtpServer.Start("220 smtp.gmail.com ESMTP", "535-5.7.8 Username and Password not accepted.\n535 5.7.8 https://support.google.com/mail/?p=BadCredentials");
        using var tui = TuiHarness.Start(width: 120, height: 36);
        tui.Connect(server);
        tui.Submit("MAIL FROM:<a@b.example>");
        tui.WaitForText("S: 535 5.7.8 https");

        tui.Press(Key.F4);

        var panel = Assert.IsType<TextPanel>(tui.Window.TopPanel);
        string text = panel.Content.AllText;
        Assert.Contains("535", text);
        Assert.Contains("5.7.8", text);
        Assert.Contains("Diagnosis", text);
    }
}
