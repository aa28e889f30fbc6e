using SmtpConsole.Cli;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Tests.Cli;

/// <summary><c>profiles show NAME --lang zh-CN</c> with the shipped profiles: Chinese description and notes, English otherwise.</summary>
public sealed class ProfileChineseShowTests
{
    private static readonly Lazy<ProfileCatalog> Shipped = new(() => ProfileCatalog.Load(new ProfileSources
    {
        ShippedDirectory = ProfileSources.FindShippedDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("profiles/ not found above " + AppContext.BaseDirectory),
        Environment = new Dictionary<string, string>(),
    }));

    [Fact]
    public void ShowQq_InChinese_NamesTheAuthorizationCodeInItsNotes()
    {
        var lines = ProfileShowFormatter.Format(Shipped.Value, "qq", UiLanguage.SimplifiedChinese);
        Assert.Equal("配置 qq：QQ 邮箱（@qq.com）：465 端口，隐式 TLS", lines[0]);
        int connecting = lines.ToList().FindIndex(l => l.StartsWith("连接时注意", StringComparison.Ordinal));
        Assert.True(connecting > 0, string.Join('\n', lines));
        Assert.StartsWith("  - QQ 邮箱：密码是 16 位授权码，不是 QQ 密码。", lines[connecting + 1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("  - 535，提示用授权码登录", StringComparison.Ordinal));
        // The translated fields are sections, never rows of the field table.
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("zh-CN", StringComparison.Ordinal));
    }

    [Fact]
    public void ShowQq_InEnglish_IsUnchanged()
    {
        var lines = ProfileShowFormatter.Format(Shipped.Value, "qq", UiLanguage.English);
        Assert.Equal("Profile qq: QQ Mail (@qq.com): implicit TLS on 465", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  - QQ Mail: the password is the 16-character authorization code (授权码)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("隐式", StringComparison.Ordinal) || l.Contains("zh-CN", StringComparison.Ordinal));
    }

    [Fact]
    public void ShowTable_InChinese_AlignsChineseHeadingsOverAsciiRows()
    {
        var lines = ProfileShowFormatter.Format(Shipped.Value, "163", UiLanguage.SimplifiedChinese);
        int header = lines.ToList().FindIndex(l => l.Contains("字段", StringComparison.Ordinal));
        string head = lines[header];
        int valueColumn = TerminalText.Columns(head[..head.IndexOf("值", StringComparison.Ordinal)]);
        int fromColumn = TerminalText.Columns(head[..head.IndexOf("来源", StringComparison.Ordinal)]);
        for (int i = header + 1; i < lines.Count && lines[i].Length > 0; i++)
        {
            string row = lines[i];
            int from = row.IndexOf("自带 ", StringComparison.Ordinal);
            Assert.Equal(fromColumn, TerminalText.Columns(row[..from]));
            int value = row.IndexOf(' ', 2);
            while (row[value] == ' ') value++;
            Assert.Equal(valueColumn, TerminalText.Columns(row[..value]));
        }
    }

    [Fact]
    public void List_InChinese_WordsBuiltinAutoAndCounts_AndStaysAligned()
    {
        using var folders = new TemporaryProfileFolders();
        folders.WriteShipped("p.json", """
            { "profiles": { "practice": { "builtin": "practice", "security": "plain" },
                            "bad": { "host": "x.example", "port": "nope", "security": "tls" } } }
            """);
        var lines = ProfileListFormatter.Format(folders.Load(), UiLanguage.SimplifiedChinese);
        string practice = Assert.Single(lines, l => l.StartsWith("practice ", StringComparison.Ordinal));
        Assert.Contains("（内置：practice）", practice, StringComparison.Ordinal);
        Assert.Contains("自动", practice, StringComparison.Ordinal);
        string bad = Assert.Single(lines, l => l.StartsWith("bad（无效）", StringComparison.Ordinal));
        // The port column starts at the same terminal column in the header and in both rows, whatever their scripts.
        int port = TerminalText.Columns(lines[0][..lines[0].IndexOf("端口", StringComparison.Ordinal)]);
        Assert.Equal(port, TerminalText.Columns(practice[..practice.IndexOf("自动", StringComparison.Ordinal)]));
        Assert.Equal(port, TerminalText.Columns(bad[..bad.IndexOf("nope", StringComparison.Ordinal)]));
        Assert.Contains("1 个错误，0 个警告：", lines);
    }

    /// <summary>Where a profile and each of its values come from is worded in Chinese too; the file name and line stay.</summary>
    [Fact]
    public void Layers_AreWordedInChinese_FileAndLineStay_JsonKeepsEnglish()
    {
        var show = ProfileShowFormatter.Format(Shipped.Value, "qq", UiLanguage.SimplifiedChinese);
        Assert.Contains(show, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  host\s+smtp\.qq\.com\s+自带 qq\.json:\d+$"));
        Assert.Contains(show, l => l.StartsWith("连接时注意 (自带 qq.json:", StringComparison.Ordinal));
        Assert.DoesNotContain(show, l => l.Contains("shipped", StringComparison.Ordinal));

        var list = ProfileListFormatter.Format(Shipped.Value, UiLanguage.SimplifiedChinese);
        Assert.Contains(list, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^qq\s+smtp\.qq\.com\s+465\s+tls\s+自带$"));

        var origin = Shipped.Value.Explain("qq").First(o => o.Field == "host");
        Assert.StartsWith("shipped qq.json:", ProfileShowFormatter.DescribeOrigin(origin), StringComparison.Ordinal);
    }
}
