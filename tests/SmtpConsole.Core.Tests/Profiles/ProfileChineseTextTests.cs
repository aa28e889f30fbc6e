using System.Text.RegularExpressions;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Core.Tests.Profiles;

/// <summary>
/// A profile's <c>"zh-CN"</c> block: every shipped profile has one, the loader reads it, other languages are refused
/// in words, and a translation never hides a newer English text from a higher layer.
/// </summary>
public sealed partial class ProfileChineseTextTests : IDisposable
{
    private static readonly Lazy<ProfileCatalog> Shipped = new(() => ProfileCatalog.Load(new ProfileSources
    {
        ShippedDirectory = ProfileSources.FindShippedDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("profiles/ not found above " + AppContext.BaseDirectory),
        Environment = new Dictionary<string, string>(),
    }));

    private readonly TemporaryProfileFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    public static TheoryData<string> ShippedProfileNames() => [.. Shipped.Value.Profiles.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(ShippedProfileNames))]
    public void EveryShippedProfile_HasAChineseDescriptionAndNotes_ForEveryEnglishNote(string name)
    {
        Assert.True(Shipped.Value.TryGet(name, out var profile, out _));
        var zh = Assert.IsType<ProfileTranslation>(profile.Chinese);
        Assert.Matches(HanPattern(), zh.Description ?? string.Empty);
        // One Chinese note for each English note, in the same order: every one is a translation, none left out.
        Assert.Equal(profile.Notes.Connect.Count, zh.Notes.Connect.Count);
        Assert.Equal(profile.Notes.Failure.Count, zh.Notes.Failure.Count);
        foreach (var (english, chinese) in profile.Notes.Connect.Zip(zh.Notes.Connect).Concat(profile.Notes.Failure.Zip(zh.Notes.Failure)))
        {
            Assert.Matches(HanPattern(), chinese);
            // Reply codes, ports and addresses a note names stay in the translation.
            foreach (Match token in CodePattern().Matches(english)) Assert.Contains(token.Value, chinese, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("qq")]
    [InlineData("qq-587")]
    [InlineData("163")]
    [InlineData("126")]
    [InlineData("yeah-net")]
    public void QqAndNetEase_ChineseNotes_NameTheAuthorizationCode(string name)
    {
        Assert.True(Shipped.Value.TryGet(name, out var profile, out _));
        var notes = profile.NotesIn(UiLanguage.SimplifiedChinese);
        Assert.Contains(notes.Connect, n => n.Contains("授权码", StringComparison.Ordinal));
        Assert.Contains(notes.Failure, n => n.StartsWith("535", StringComparison.Ordinal) && n.Contains("授权码", StringComparison.Ordinal));
        Assert.DoesNotContain(notes.Connect.Concat(notes.Failure), n => n.Contains("authorization code", StringComparison.Ordinal));
    }

    [Fact]
    public void English_IsWhatItWas_AndChineseFallsBackToItPerList()
    {
        _folders.WriteShipped("p.json", """
            { "profiles": { "p": { "description": "Example", "host": "smtp.example.com", "port": 465, "security": "tls",
              "notes": { "connect": [ "Use the app password." ], "failure": [ "535: wrong password." ] },
              "zh-CN": { "description": "示例", "notes": { "connect": [ "请使用应用专用密码。" ] } } } } }
            """);
        var catalog = _folders.Load();
        Assert.Empty(catalog.Diagnostics);
        Assert.True(catalog.TryGet("p", out var p, out _));
        Assert.Equal("Example", p.DescriptionIn(UiLanguage.English));
        Assert.Equal(["Use the app password."], p.NotesIn(UiLanguage.English).Connect);
        Assert.Equal("示例", p.DescriptionIn(UiLanguage.SimplifiedChinese));
        Assert.Equal(["请使用应用专用密码。"], p.NotesIn(UiLanguage.SimplifiedChinese).Connect);
        Assert.Equal(["535: wrong password."], p.NotesIn(UiLanguage.SimplifiedChinese).Failure);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("zh-TW")]
    [InlineData("zh_CN")]
    [InlineData("en-US")]
    public void AnotherLanguageBlock_IsRefusedInWords_AndTheProfileStillLoads(string language)
    {
        _folders.WriteShipped("p.json", $$"""
            { "profiles": { "p": { "host": "smtp.example.com", "port": 465, "security": "tls", "{{language}}": { "description": "x" } } } }
            """);
        var catalog = _folders.Load();
        var warning = Assert.Single(catalog.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Contains($"'{language}' in profile 'p' is ignored: the only translation a profile may carry is \"zh-CN\"", warning.ToString(), StringComparison.Ordinal);
        Assert.True(catalog.TryGet("p", out var p, out _));
        Assert.Null(p.Chinese);
    }

    [Fact]
    public void AChineseBlockOfTheWrongShape_IsAnError_LikeAnyField()
    {
        _folders.WriteShipped("p.json", """
            { "profiles": { "p": { "host": "smtp.example.com", "port": 465, "security": "tls", "zh-CN": { "notes": { "connect": "不是列表" }, "descripton": "拼错" } } } }
            """);
        var catalog = _folders.Load();
        Assert.Contains(catalog.Diagnostics, d => d.IsError && d.ToString().Contains("'zh-CN.notes.connect' in profile 'p' must be a list", StringComparison.Ordinal));
        Assert.Contains(catalog.Diagnostics, d => !d.IsError && d.ToString().Contains("unknown key 'zh-CN.descripton'", StringComparison.Ordinal));
    }

    [Fact]
    public void AUsersOwnEnglishText_IsNotHiddenBehindTheShippedTranslation()
    {
        _folders.WriteShipped("p.json", """
            { "profiles": { "p": { "description": "Shipped", "host": "smtp.example.com", "port": 465, "security": "tls",
              "notes": { "connect": [ "Shipped note." ] }, "zh-CN": { "description": "内置", "notes": { "connect": [ "内置说明。" ] } } } } }
            """);
        _folders.WriteUser("mine.json", """{ "profiles": { "p": { "description": "Mine", "notes": { "connect": [ "My note." ] } } } }""");
        Assert.True(_folders.Load().TryGet("p", out var p, out _));
        Assert.Equal("Mine", p.DescriptionIn(UiLanguage.SimplifiedChinese));
        Assert.Equal(["My note."], p.NotesIn(UiLanguage.SimplifiedChinese).Connect);

        // A user who also translates their text gets their translation.
        _folders.WriteUser("mine.json", """{ "profiles": { "p": { "description": "Mine", "zh-CN": { "description": "我的" } } } }""");
        Assert.True(_folders.Load().TryGet("p", out p, out _));
        Assert.Equal("我的", p.DescriptionIn(UiLanguage.SimplifiedChinese));
        Assert.Equal(["内置说明。"], p.NotesIn(UiLanguage.SimplifiedChinese).Connect);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanPattern();

    // 535, 5.7.8, 587, name@163.com, smtp.eu.mailgun.org, --var, 'brevo-465' …: what a user types or reads on the wire.
    [GeneratedRegex(@"(?<![\w.@-])(?:\d\.\d{1,3}\.\d{1,3}|\d{3,4}|--[a-z-]+|[\w.-]+@[\w.-]+\w|smtp[\w-]*(?:\.[\w-]+)+)(?![\w@-])")]
    private static partial Regex CodePattern();
}
