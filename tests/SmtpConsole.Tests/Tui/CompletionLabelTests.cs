using SmtpConsole.Tests.Support;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

public sealed class CompletionLabelTests
{
    [Fact]
    public void CandidatesForAVerb_AreListedWhole_NotByTheirLastWord()
    {
        using var tui = TuiHarness.Start(width: 120, height: 24, writeLog: false);
        tui.Type("R");
        tui.Press(Key.Tab);
        string hint = tui.Window.ModeLine.Hint ?? string.Empty;
        Assert.Contains("RCPT TO:<", hint);
        Assert.Contains("RSET", hint);
    }

    [Fact]
    public void TheDataModeLabel_HasASeparatorBeforeTheDotNote()
    {
        using var tui = TuiHarness.Start(width: 120, height: 24, writeLog: false);
        tui.Window.ModeLine.SetMode(SmtpConsole.Core.Commands.RunnerMode.DataBody);
        Assert.Contains("'.' alone ends · leading dots are doubled for you", tui.Screen());
    }
}
