using SmtpConsole.Cli;
using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Tests.Cli;

/// <summary>Tables with Chinese text line up on a terminal, where a CJK character takes two columns.</summary>
public class CjkTableWidthTests
{
    [Fact]
    public void ProfileTable_MixedChineseAndAscii_StartsEveryColumnAtTheSameTerminalColumn()
    {
        var lines = ProfileTextTable.Format([["名称", "主机", "端口"], ["qq", "smtp.qq.com", "465"], ["网易163", "smtp.163.com", "465"]]).ToList();

        foreach (string cell in new[] { "主机", "smtp.qq.com", "smtp.163.com" })
            Assert.Equal(ColumnOf(lines[0], "主机"), ColumnOf(lines.Single(l => l.Contains(cell, StringComparison.Ordinal)), cell));
        Assert.Equal(ColumnOf(lines[0], "端口"), ColumnOf(lines[2], "465"));
    }

    [Fact]
    public void DoctorTable_InChinese_AlignsDetailsAndFixes()
    {
        var report = new DoctorReport(
        [
            new DoctorFinding("TCP connect", FindingStatus.Pass, "connected"),
            new DoctorFinding("AUTH over plaintext", FindingStatus.Warn, "offered before TLS", "run STARTTLS first"),
            new DoctorFinding("Login", FindingStatus.Fail, "535"),
        ]);

        var lines = DoctorTable.Format(report, UiLanguage.SimplifiedChinese, colour: false);

        Assert.StartsWith("通过  TCP 连接", lines[0], StringComparison.Ordinal);
        int detail = ColumnOf(lines[0], "connected");
        Assert.Equal(detail, ColumnOf(lines[1], "offered before TLS"));
        Assert.Equal(detail, ColumnOf(lines.Single(l => l.StartsWith("失败", StringComparison.Ordinal)), "535"));
        Assert.Equal(detail, ColumnOf(lines.Single(l => l.Contains("解决：", StringComparison.Ordinal)), "解决：run STARTTLS first"));
        Assert.Equal("1 个失败项，1 个警告", lines[^1]);
    }

    [Fact]
    public void DoctorTable_InEnglish_IsTheFormerLayout()
    {
        var report = new DoctorReport([new DoctorFinding("Greeting", FindingStatus.Pass, "220 ok"), new DoctorFinding("TLS", FindingStatus.Warn, "old", "upgrade")]);

        var lines = DoctorTable.Format(report, UiLanguage.English, colour: false);

        Assert.Equal(["PASS  Greeting  220 ok", "WARN  TLS       old", "                fix: upgrade", "", "no failures (1 warning(s))"], lines);
    }

    /// <summary>The terminal column where <paramref name="text"/> starts in <paramref name="line"/>.</summary>
    private static int ColumnOf(string line, string text)
    {
        int index = line.IndexOf(text, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' is not in '{line}'");
        return TerminalText.Columns(line[..index]);
    }
}
