using SmtpConsole.App;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Tests.App;

/// <summary>A history file that cannot be written is reported in the console's language (the TUI shows it as a warning).</summary>
public sealed class ChineseHistoryProblemTests : IDisposable
{
    private readonly string _blocker = Path.Combine(Path.GetTempPath(), $"smtpconsole-history-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_blocker);

    [Fact]
    public void UnwritableHistory_InChinese_NamesTheFile()
    {
        File.WriteAllText(_blocker, "a file where a folder should be");
        string path = Path.Combine(_blocker, "history");
        using var speak = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        var history = CommandHistory.Load(path);
        history.Add("EHLO a");
        Assert.NotNull(history.Problem);
        Assert.StartsWith($"无法写入历史记录文件 {path}：", history.Problem, StringComparison.Ordinal);
    }
}
