using SmtpConsole.Cli;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;

namespace SmtpConsole.Tests.Tui;

/// <summary>A learner sends a message to the built-in practice server and reads what arrived in the inbox panel (F10).</summary>
public sealed class PracticeInboxTests
{
    [Theory]
    [InlineData(Core.Messages.UiLanguage.English, "message 1 of 1", "authenticated")]
    [InlineData(Core.Messages.UiLanguage.SimplifiedChinese, "第 1 封，共 1 封", "未认证")]
    public async Task InboxPanel_ShowsTheEnvelopeAndTheMessageAsStored(Core.Messages.UiLanguage language, string header, string authWord)
    {
        await using var practice = await PracticeTarget.StartAsync(new Core.Session.ConnectOptions { Host = "127.0.0.1", Port = 25, EhloName = "test.example" }, CancellationToken.None);
        using var tui = TuiHarness.Start(width: 120, height: 40, configure: o => o with { InboxLines = () => practice.InboxLines(language), Language = language });
        tui.Host.Connect(practice.Options);
        tui.WaitForText("S: 220 practice.smtpconsole.test");
        foreach (var line in new[] { "EHLO me.example", "MAIL FROM:<demo@practice.smtpconsole.test>", "RCPT TO:<friend@practice.smtpconsole.test>" })
        {
            tui.Submit(line);
            tui.WaitIdle();
        }
        tui.Submit("/data");
        tui.WaitForText("DATA>");
        foreach (var line in new[] { "Subject: inbox check", "", ".dot line kept", "." }) tui.Submit(line);
        tui.WaitForText("queued as");
        Assert.True(tui.WaitUntil(() => practice.Server.Inbox.Count == 1));

        tui.Press(KeyMap.Inbox);
        tui.WaitForText(header);
        Assert.Contains(authWord, tui.Screen());
        string screen = tui.Screen();
        Assert.Contains("MAIL FROM:<demo@practice.smtpconsole.test>", screen);
        Assert.Contains("RCPT TO:<friend@practice.smtpconsole.test>", screen);
        Assert.Contains("Subject: inbox check", screen);
        Assert.Contains(".dot line kept", screen);
        Assert.DoesNotContain("..dot line kept", screen);
    }
}
