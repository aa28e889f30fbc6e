using SmtpConsole.Cli;
using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Tests.Cli;

/// <summary>The doctor's table in an 80-column terminal: Chinese details and fixes wrap under the detail column.</summary>
public sealed class DoctorTableWrapTests
{
    private static DoctorReport Report() => new(
    [
        new DoctorFinding("TCP connect", FindingStatus.Pass, "connected") { DetailText = LocalizedText.FromCatalog("Doctor.ConnectedIn", "smtp.qq.com", 465, "38") },
        new DoctorFinding("AUTH", FindingStatus.Fail, "x", "y")
        {
            DetailText = LocalizedText.FromCatalog("Doctor.AuthOnlyAfterStartTls", "PLAIN LOGIN XOAUTH2"),
            FixText = LocalizedText.FromCatalog("Doctor.Fix.TlsMode"),
        },
    ]);

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    public void ChineseRows_FitTheTerminal_AndContinueUnderTheDetailColumn(int width)
    {
        var lines = DoctorTable.Format(Report(), UiLanguage.SimplifiedChinese, colour: false, width);
        var table = lines.TakeWhile(l => l.Length > 0).ToList();
        Assert.True(table.Count > 3, string.Join('\n', lines));
        Assert.All(table, l => Assert.True(TerminalText.Columns(l) <= width, $"{TerminalText.Columns(l)} > {width}: {l}"));
        int detail = TerminalText.Columns(table[0][..table[0].IndexOf("已连接", StringComparison.Ordinal)]);
        Assert.All(table.Skip(1).Where(l => l.StartsWith(' ')), l =>
        {
            Assert.Equal(detail, l.Length - l.TrimStart().Length);
        });
        Assert.Contains(table, l => l.TrimStart().StartsWith("解决：", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAWidth_RowsStayWhole_AsInAFileOrPipe()
    {
        var lines = DoctorTable.Format(Report(), UiLanguage.SimplifiedChinese, colour: false);
        Assert.Equal(3, lines.TakeWhile(l => l.Length > 0).Count());
    }
}
