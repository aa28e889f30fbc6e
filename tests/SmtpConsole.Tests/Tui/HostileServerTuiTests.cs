using SmtpConsole.Tests.Support;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// The hostile-server cases that reach the screen, driven headlessly through the real window: escape sequences
/// and bidi overrides are shown escaped (never interpreted by the terminal), garbage is reported, silence times out,
/// and the console keeps working afterwards.
/// </summary>
public sealed class HostileServerTuiTests
{
    [Fact]
    public void EscapeSequencesNulAndBidi_AreShownEscaped_NeverRaw()
    {
        using var server = ScriptedSmtpServer.Start(
            "220 hostile.test ESMTP",
            "250 evil\u001b]0;owned-title\u0007 \u001b[2J cleared? \u202Egnp.exe\u0000end",
            "250 2.0.0 still fine");
        using var tui = TuiHarness.Start(width: 120, height: 30);
        tui.Connect(server);
        tui.Submit("NOOP");
        tui.WaitForText("owned-title");
        string screen = tui.Screen();
        Assert.Contains("\\x1b]0;owned-title\\x07", screen);
        Assert.Contains("\\u202egnp.exe\\x00end", screen);
        foreach (var cell in tui.App.Driver!.Contents!)
            Assert.False(cell.Grapheme.Length > 0 && (char.IsControl(cell.Grapheme[0]) || cell.Grapheme[0] == '\u202E'), $"a raw control character reached the screen: U+{(int)cell.Grapheme[0]:X4}");

        tui.Submit("RSET");
        tui.WaitForText("S: 250 2.0.0 still fine");
    }

    [Fact]
    public void NotAThreeDigitCode_IsReportedAsMalformed_AndTheConsoleStaysUsable()
    {
        using var server = ScriptedSmtpServer.Start("220 hostile.test ESMTP", "2x0 what is this", "250 2.0.0 Ok");
        using var tui = TuiHarness.Start(width: 120, height: 30);
        tui.Connect(server);
        tui.Submit("NOOP");
        tui.WaitForText("malformed reply");
        tui.Submit("NOOP");
        tui.WaitForText("S: 250 2.0.0 Ok");
    }

    [Fact]
    public void ServerThatNeverAnswers_TimesOut_AndTheConsoleStaysUsable()
    {
        using var server = ScriptedSmtpServer.Start("220 hostile.test ESMTP", ScriptedReply.Silence);
        using var tui = TuiHarness.Start(width: 120, height: 30);
        tui.Host.Connect(TuiHarness.TargetFor(server) with { ReplyTimeout = TimeSpan.FromSeconds(1) });
        tui.WaitForText("S: 220");
        tui.Submit("NOOP");
        tui.WaitForText("no reply to \"NOOP\"");
        tui.Submit("/b64 still here");
        tui.WaitForText("c3RpbGwgaGVyZQ==");
    }
}
