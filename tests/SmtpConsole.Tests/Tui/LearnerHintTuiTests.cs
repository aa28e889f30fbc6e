using SmtpConsole.Cli;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// The screen shows the engine's hint (issue 17 item 1, issue 14): RCPT before MAIL on the practice server gets
/// "MAIL FROM is missing" once, with the screen's own pointer to F4, and F4 opens with the same cause.
/// </summary>
public sealed class LearnerHintTuiTests
{
    [Fact]
    public async Task RcptBeforeMail_HintRowNamesTheCause_AndF4StartsWithIt()
    {
        await using var practice = await PracticeTarget.StartAsync(new Core.Session.ConnectOptions { Host = "127.0.0.1", Port = 25, EhloName = "test.example" }, CancellationToken.None);
        using var tui = TuiHarness.Start(width: 140, height: 40);
        tui.Host.Connect(practice.Options);
        tui.WaitForText("S: 220 practice.smtpconsole.test");
        tui.Submit("EHLO me.example");
        tui.WaitIdle();
        tui.Submit("RCPT TO:<friend@practice.smtpconsole.test>");
        tui.WaitForText("MAIL FROM is missing");

        string screen = tui.Screen();
        Assert.Single(tui.ScreenLines(), l => l.Contains("MAIL FROM is missing", StringComparison.Ordinal));
        Assert.Contains(ReplyWording.ExplainPointer().Trim(), screen, StringComparison.Ordinal);
        Assert.DoesNotContain("an earlier command failed", screen, StringComparison.Ordinal);

        tui.Press(KeyMap.Explain);
        tui.WaitForText("In this session: MAIL FROM is missing");
    }
}
