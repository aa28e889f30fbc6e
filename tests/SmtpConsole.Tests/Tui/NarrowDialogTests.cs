using System.Text;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// Dialogs on a 60x20 (and 80x24) screen, in English and Chinese: every text, option and button is on screen
/// inside the dialog, wrapped rather than cut at its edge — the consent question's last words (the question itself),
/// every security and format option, the help under each field, all of F8's buttons.
/// </summary>
public sealed class NarrowDialogTests
{
    private static readonly string[] Profiles = ["126", "163", "163-plain", "gmail", "outlook"];

    private static TuiHarness Start(int width, int height, UiLanguage language = UiLanguage.English) =>
        TuiHarness.Start(width, height, writeLog: false, configure: o => o with { Language = language, ProfileNames = () => Profiles });

    /// <summary>The text inside the top dialog's border, read cell by cell, without any whitespace (wrapping adds some).</summary>
    private static string PanelText(TuiHarness tui)
    {
        tui.Screen();
        var frame = tui.Window.TopPanel!.Frame;
        var cells = tui.App.Driver!.Contents!;
        var text = new StringBuilder();
        for (int row = Math.Max(0, frame.Y + 1); row < Math.Min(cells.GetLength(0), frame.Bottom - 1); row++)
        {
            for (int column = Math.Max(0, frame.X + 1); column < Math.Min(cells.GetLength(1), frame.Right - 1); column++)
                text.Append(cells[row, column].Grapheme);
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ('│' or '┤' or '├')));

    private static void AssertShown(TuiHarness tui, params string[] texts)
    {
        string inside = PanelText(tui);
        foreach (string text in texts)
            Assert.True(Squeeze(inside).Contains(Squeeze(text), StringComparison.Ordinal), $"not all of \"{text}\" is inside the dialog:\n{inside}");
        var frame = tui.Window.TopPanel!.Frame;
        var screen = tui.App.Screen;
        Assert.True(frame.X >= 0 && frame.Y >= 0 && frame.Right <= screen.Width && frame.Bottom <= screen.Height, $"the dialog {frame} is not on the {screen.Width}x{screen.Height} screen");
    }

    [Theory]
    [InlineData(60, 20, UiLanguage.English)]
    [InlineData(60, 20, UiLanguage.SimplifiedChinese)]
    [InlineData(80, 24, UiLanguage.English)]
    public void ConnectDialog_ShowsEveryOptionAndHelpText(int width, int height, UiLanguage language)
    {
        using var tui = Start(width, height, language);
        tui.Press(Key.F2);
        Assert.IsType<ConnectPanel>(tui.Window.TopPanel);
        AssertShown(tui,
            language.Say("Connect.Profiles", Profiles.Length, string.Join(", ", Profiles.Take(4))),
            language.Say("Connect.PortHelp"),
            "( ) " + language.Say("Connect.Plain"), "STARTTLS", language.Say("Connect.ImplicitTls"),
            language.Say("Connect.CaFileHelp"),
            language.Say("Connect.Insecure"), language.Say("Connect.InsecureHelp"),
            language.Say("Connect.Button"), language.Say("Button.Cancel"));
        tui.Press(Key.Esc);
    }

    [Theory]
    [InlineData(60, 20, UiLanguage.English)]
    [InlineData(60, 20, UiLanguage.SimplifiedChinese)]
    public void SaveDialog_ShowsBothFormats(int width, int height, UiLanguage language)
    {
        using var tui = Start(width, height, language);
        tui.Press(Key.F7);
        Assert.IsType<SavePanel>(tui.Window.TopPanel);
        AssertShown(tui, language.Say("Save.Text"), language.Say("Save.Json"), language.Say("Save.Redacted"), language.Say("Save.Button"), language.Say("Button.Cancel"));
        tui.Press(Key.Esc);
    }

    [Theory]
    [InlineData(60, 20, UiLanguage.English)]
    [InlineData(60, 20, UiLanguage.SimplifiedChinese)]
    public void ScriptDialog_ShowsAllThreeButtons(int width, int height, UiLanguage language)
    {
        using var tui = Start(width, height, language);
        tui.Press(Key.F8);
        Assert.IsType<ScriptPanel>(tui.Window.TopPanel);
        AssertShown(tui, language.Say("Script.Help"), language.Say("Script.StepByStep"), language.Say("Script.RunAll"), language.Say("Button.Cancel"));
        tui.Press(Key.Esc);
    }

    [Theory]
    [InlineData(60, 20)]
    [InlineData(80, 24)]
    public void PlaintextConsent_ShowsTheWholeQuestion_BeforeAnySecretPrompt(int width, int height)
    {
        // A plain connection whose EHLO offers no AUTH: the consent question carries that warning too, and its
        // last words ("Send them anyway?") were cut at 60 columns.
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250-scripted.test\n250 PIPELINING", "221 bye");
        using var tui = Start(width, height);
        tui.Connect(server);
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 PIPELINING");
        tui.WaitIdle();
        tui.Submit("/auth login alice");
        var panel = tui.WaitForPanel<ConfirmPanel>();
        AssertShown(tui, panel.Question, "Send anyway (y)", "No");
        tui.Press(Key.N);
        tui.WaitIdle();
    }

    [Fact]
    public void SecretPrompt_ShowsALongPromptWhole()
    {
        using var server = ScriptedSmtpServer.StartTls("250-scripted.test\n250 AUTH LOGIN PLAIN", "235 2.7.0 ok");
        using var tui = Start(60, 20);
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS is up");
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH LOGIN PLAIN");
        tui.WaitIdle();
        string user = "a.very.long.mailbox.name.for.testing@subdomain.mail.example.org";
        tui.Submit("/auth plain " + user);
        tui.WaitForPanel<SecretPromptPanel>();
        AssertShown(tui, "Secret for " + user + " (PLAIN):", MessageCatalog.Get("Tui.Secret.Help", UiLanguage.English));
        tui.Press(Key.Esc);
        tui.WaitIdle();
    }
}
