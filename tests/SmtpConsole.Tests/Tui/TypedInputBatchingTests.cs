using SmtpConsole.Core.Commands;
using SmtpConsole.Tests.Support;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// Typed characters (a paste from a terminal without bracketed paste arrives as key events) go into the command
/// line in one text change per batch, not one TextField insertion per key; nothing is lost, reordered or misplaced.
/// </summary>
public sealed class TypedInputBatchingTests
{
    [Fact]
    public void TypedCharacters_AreCollected_AndAppearWhenDrawnOrRead()
    {
        using var tui = TuiHarness.Start(width: 100, height: 30);
        tui.Type("x");          // the first key goes through TextField (it marks the field used)
        tui.Type("EHLO me.example");
        Assert.True(tui.Window.Input.PendingTypedLength > 0, "typed characters should wait for one text change");
        Assert.Contains("xEHLO me.example", tui.Screen());
        Assert.Equal(0, tui.Window.Input.PendingTypedLength);
        tui.Type(" more");
        Assert.Equal("xEHLO me.example more", tui.Window.Input.Text);
    }

    [Fact]
    public void TypingAfterMovingTheCursor_InsertsAtTheCursor_AndEditingKeysSeeTheTypedText()
    {
        using var tui = TuiHarness.Start(width: 100, height: 30);
        tui.Type("MAIL FROM:<>");
        tui.Press(Key.CursorLeft);
        tui.Type("a@b.example");
        tui.Press(Key.Backspace);   // an editing key applies what was typed before it (deletes its last "e")
        tui.Type("X");
        Assert.Equal("MAIL FROM:<a@b.examplX>", tui.Window.Input.Text);
        tui.Press(Key.End);
        tui.Type("!");
        Assert.Equal("MAIL FROM:<a@b.examplX>!", tui.Window.Input.Text);
    }

    [Fact]
    public void AThreeHundredLineBodyTypedKeyByKey_ArrivesWhole_InOrder()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "354 go ahead", "250 2.0.0 queued as 9");
        using var tui = TuiHarness.Start(width: 100, height: 30);
        tui.Connect(server);
        tui.Submit("DATA");
        Assert.True(tui.WaitUntil(() => tui.Window.Prompt.Mode == RunnerMode.DataBody));

        var body = new List<string> { "Subject: typed", "" };
        for (int i = 0; i < 300; i++) body.Add($"{i:D4} " + new string((char)('a' + i % 26), 44));
        for (int i = 0; i < body.Count; i++)
        {
            tui.Submit(body[i]);
            if (i % 7 == 0) tui.Screen(); // frames in between, as the main loop draws while keys arrive
        }
        tui.Submit(".");

        tui.WaitForText("S: 250 2.0.0 queued as 9", TimeSpan.FromSeconds(30));
        tui.WaitIdle();
        Assert.Equal(body, Assert.Single(server.Bodies));
        Assert.Equal(string.Empty, tui.Window.Input.Text);
    }
}

public sealed class MainLoopRateTests
{
    [Theory]
    [InlineData(null, 100)]
    [InlineData("", 100)]
    [InlineData("25", 25)]
    [InlineData("250", 250)]
    [InlineData("0", 100)]
    [InlineData("-5", 100)]
    [InlineData("5000", 100)]
    [InlineData("fast", 100)]
    public void TheMainLoopRate_Defaults_To100PerSecond_AndTakesASaneOverride(string? value, int expected)
    {
        Assert.Equal(expected, SmtpConsole.Tui.MainLoopRate.Parse(value));
    }
}
