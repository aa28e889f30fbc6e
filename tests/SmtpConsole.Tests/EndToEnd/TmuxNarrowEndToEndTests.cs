using Xunit.Abstractions;

namespace SmtpConsole.Tests.EndToEnd;

/// <summary>
/// In a real terminal at 60x20 against the practice server: the plaintext-consent question is whole inside its
/// dialog, Ctrl+Q with a dialog open quits and leaves the summary, and a password pasted with more lines at the
/// masked prompt goes nowhere (not on the wire, not in the session log).
/// </summary>
public sealed class TmuxNarrowEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(20);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "smtpconsole-e2e", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private TmuxSession Start(int width, int height)
    {
        Assert.True(TmuxSession.IsAvailable(), "tmux is required for the end-to-end tests: apt-get install -y tmux");
        Directory.CreateDirectory(_data);
        return TmuxSession.Start(ConsoleBinary.Command() + "; echo EXIT=$?; sleep 60", width, height,
            new Dictionary<string, string> { ["SMTPCONSOLE_DATA_DIR"] = _data, ["TERM"] = "xterm-256color" });
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '│'));

    /// <summary>The text between the dialog's side borders, row after row (what is beside the dialog left out).</summary>
    private static string InsideDialog(string screen) => string.Concat(screen.Split('\n')
        .Where(line => line.IndexOf('│') is var first && first >= 0 && line.LastIndexOf('│') > first)
        .Select(line => line[(line.IndexOf('│') + 1)..line.LastIndexOf('│')]));

    /// <summary>Waits for <paramref name="text"/> on screen even when a narrow pane wrapped it over rows.</summary>
    private static string WaitWrapped(TmuxSession tmux, string text)
    {
        string screen = string.Empty;
        if (tmux.WaitUntil(s => Squeeze(screen = s).Contains(Squeeze(text), StringComparison.Ordinal), Step)) return screen;
        throw new TimeoutException($"\"{text}\" did not appear. Screen:\n{tmux.Capture()}");
    }

    [Fact]
    public void At60x20_TheConsentQuestionIsWhole_AndCtrlQInADialogQuits()
    {
        using var tmux = Start(60, 20);
        try
        {
            tmux.WaitForText("S: 220 practice", TimeSpan.FromSeconds(60));
            tmux.SendLine("EHLO me.example");
            tmux.WaitForText("250", Step);
            tmux.SendLine("/auth login demo");
            string asked = tmux.WaitForText("No ◄", Step);
            // The question's last words used to be cut off below the dialog's fourth row.
            Assert.Contains(Squeeze("Send them anyway? (Safer: /starttls first.)"), Squeeze(InsideDialog(asked)));
            tmux.SendKeys("n");
            WaitWrapped(tmux, "refused to send credentials");
            tmux.SendKeys("F2");
            tmux.WaitForText("Connect ◄", Step);
            tmux.SendKeys("C-q");
            string after = tmux.WaitForText("EXIT=0", Step);
            Assert.Contains("exit:Ctrl+Q", Squeeze(after));
        }
        finally
        {
            output.WriteLine(tmux.Capture());
        }
    }

    [Fact]
    public void APasswordPastedWithMoreLines_AtTheMaskedPrompt_GoesNowhere()
    {
        const string Secret = "pasted-Secret-7f3a";
        using var tmux = Start(100, 30);
        try
        {
            tmux.WaitForText("S: 220 practice", TimeSpan.FromSeconds(60));
            tmux.SendLine("EHLO me.example");
            tmux.WaitForText("250", Step);
            tmux.SendLine("/starttls");
            tmux.WaitForText("TLS is up", Step);
            tmux.SendLine("EHLO me.example");
            tmux.WaitForText("AUTH", Step);
            tmux.SendLine("/auth login demo");
            tmux.WaitForText("Secret for demo", Step);
            tmux.Paste(Secret + "\nNOOP\n", bracketed: true);
            WaitWrapped(tmux, "was not used");
            tmux.SendKeys("Escape");
            WaitWrapped(tmux, "no secret given");
            tmux.SendKeys("C-q");
            tmux.WaitForText("EXIT=0", Step);
            foreach (string file in Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories))
                Assert.DoesNotContain(Secret, File.ReadAllText(file));
        }
        finally
        {
            output.WriteLine(tmux.Capture());
        }
    }
}
