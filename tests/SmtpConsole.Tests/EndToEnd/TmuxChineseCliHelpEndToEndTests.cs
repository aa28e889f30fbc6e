namespace SmtpConsole.Tests.EndToEnd;

/// <summary>
/// <c>smtpconsole doctor --help</c> in Chinese in an 80-column terminal: long descriptions wrap under their column
/// (the library alone counts characters, so Chinese ran past the edge and broke at column 0).
/// </summary>
public sealed class TmuxChineseCliHelpEndToEndTests
{
    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    public void DoctorHelp_InChinese_WrapsByTerminalColumns(int width)
    {
        Assert.True(TmuxSession.IsAvailable(), "tmux is required for the end-to-end tests: apt-get install -y tmux");
        using var tmux = TmuxSession.Start(ConsoleBinary.Command() + " doctor --help; echo EXIT=$?; sleep 60", width: width, height: 70, environment: new Dictionary<string, string>
        {
            ["TERM"] = "xterm-256color",
            ["LANG"] = "zh_CN.UTF-8",
            ["LC_ALL"] = string.Empty,
            ["LC_MESSAGES"] = string.Empty,
            ["SMTPCONSOLE_LANG"] = string.Empty,
        });
        string screen = tmux.WaitForText("EXIT=0", TimeSpan.FromSeconds(30));
        var lines = screen.Split('\n').TakeWhile(l => !l.StartsWith("EXIT=", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
        Assert.Contains("选项：", lines);
        // Every line is a heading or indented: none was broken by the terminal at column 0.
        Assert.All(lines, line => Assert.True(line.EndsWith('：') || line.StartsWith("  ", StringComparison.Ordinal), "broken at the edge: " + line + "\n" + screen));
        // The secret-env row continues under its description column.
        int row = lines.FindIndex(l => l.TrimStart().StartsWith("--secret-env", StringComparison.Ordinal));
        int column = lines[row].IndexOf("存放", StringComparison.Ordinal);
        if (Core.Messages.TerminalText.Columns(lines[row]) >= width - 2)
            Assert.StartsWith(new string(' ', column), lines[row + 1], StringComparison.Ordinal);
    }
}
