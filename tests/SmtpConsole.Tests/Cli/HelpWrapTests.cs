using SmtpConsole.Cli;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Tests.Cli;

/// <summary>Help rows wrapped by terminal columns: Chinese takes two columns a character and continues under its column.</summary>
public sealed class HelpWrapTests
{
    private const string Row = "  --secret-env <secret-env>      存放密码、授权码或令牌的环境变量（默认 SMTPCONSOLE_PASSWORD），也可以写在配置里，每次运行时读取";

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(45)]
    public void LongChineseRow_FitsTheWidth_AndContinuesUnderTheDescription(int width)
    {
        var lines = HelpWrap.Wrap(Row, width).Split('\n');
        Assert.True(lines.Length > 1);
        Assert.All(lines, line => Assert.True(TerminalText.Columns(line) <= width, $"{TerminalText.Columns(line)} > {width}: {line}"));
        int column = Row.IndexOf('存', StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line =>
        {
            Assert.Equal(new string(' ', column), line[..column]);
            Assert.NotEqual(' ', line[column]);
        });
        // Nothing lost or reordered: only the breaks and the indents are new.
        Assert.Equal(Row[column..].Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(lines.Select(l => l[column..])).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void ClosingPunctuation_NeverStartsALine()
    {
        // 14 columns fit "一二三四五六七"; the full-width comma after it must not open the next line.
        var lines = HelpWrap.Break("一二三四五六七，八九十。", 14);
        Assert.Equal(["一二三四五六", "七，八九十。"], lines);
    }

    [Fact]
    public void AsciiWords_BreakAtSpaces_AndShortLinesStayAsTheyAre()
    {
        Assert.Equal(["connect with", "--starttls", "(port 587)"], HelpWrap.Break("connect with --starttls (port 587)", 12));
        const string help = "选项：\n  --tls   从第一个字节起使用隐式 TLS（端口 465）\n";
        Assert.Equal(help, HelpWrap.Wrap(help, 80));
    }

    [Fact]
    public void AListItem_ContinuesUnderItsText()
    {
        const string note = "  - 554 DT:SPM：邮件被判为垃圾邮件；请修改主题和正文（内容很短的测试邮件常常触发这一规则）。";
        var lines = HelpWrap.Wrap(note, 60).Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("    ", lines[1], StringComparison.Ordinal);
        Assert.NotEqual(' ', lines[1][4]);
        Assert.All(lines, l => Assert.True(TerminalText.Columns(l) <= 60, l));
    }
}
