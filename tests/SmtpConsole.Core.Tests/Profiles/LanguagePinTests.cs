using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Platform;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Core.Tests.Profiles;

/// <summary>Issue 18: a profile or the user's config.json may pin the interface language; bad values are one clear line naming the file.</summary>
public sealed class LanguagePinTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smtpconsole-tests", "pin-" + Guid.NewGuid().ToString("N"));

    public LanguagePinTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static ProfileCatalog Load(string file) => ProfileCatalog.Load(new ProfileSources { ExtraFile = file, Environment = new Dictionary<string, string>() });

    [Fact]
    public void Profile_PinsItsLanguage_AndSaysWhereItIsWritten()
    {
        string file = Write("mine.json", "{\n  \"profiles\": {\n    \"mine\": {\n      \"host\": \"smtp.example.test\",\n      \"port\": 587,\n      \"security\": \"starttls\",\n      \"language\": \"zh-CN\"\n    }\n  }\n}\n");
        var catalog = Load(file);
        Assert.True(catalog.TryGet("mine", out var profile, out _), string.Join("\n", catalog.Diagnostics));
        Assert.Equal("zh-CN", profile.Language);
        var origin = Assert.Single(catalog.Explain("mine"), o => o.Field == "language");
        Assert.Equal(file, origin.Source);
        Assert.Equal(7, origin.Line);
    }

    [Fact]
    public void Profile_WithAnUnknownLanguage_IsAnErrorNamingTheFileLineAndAllowedValues()
    {
        string file = Write("bad.json", "{\n  \"profiles\": {\n    \"bad\": {\n      \"host\": \"smtp.example.test\",\n      \"port\": 587,\n      \"security\": \"starttls\",\n      \"language\": \"fr\"\n    }\n  }\n}\n");
        var catalog = Load(file);
        Assert.True(catalog.IsInvalid("bad"));
        var diagnostic = Assert.Single(catalog.DiagnosticsFor("bad"), d => d.IsError);
        string text = diagnostic.ToString();
        Assert.Contains(file, text, StringComparison.Ordinal);
        Assert.Contains("(7", text, StringComparison.Ordinal);
        Assert.Contains("unknown language \"fr\" (use zh-CN or en)", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public void UserConfig_PinsTheLanguage()
    {
        string path = Write("config.json", "// my settings\n{ \"language\": \"zh-CN\", }\n");
        Assert.Equal(new LanguagePin("zh-CN", path), UserConfigFile.ReadLanguage(path));
        Assert.Null(UserConfigFile.ReadLanguage(Write("other.json", "{ \"theme\": \"dark\" }")));
        Assert.Null(UserConfigFile.ReadLanguage(Path.Combine(_folder, "missing.json")));
    }

    [Theory]
    [InlineData("{ \"language\": ", "not valid JSON (line 1)")]
    [InlineData("[\"zh-CN\"]", "expected a JSON object")]
    [InlineData("{ \"language\": 7 }", "\"language\" must be text: \"zh-CN\" or \"en\"")]
    public void UserConfig_Broken_IsOneLineNamingTheFile(string text, string expected)
    {
        string path = Write("config.json", text);
        var error = Assert.Throws<ArgumentException>(() => UserConfigFile.ReadLanguage(path));
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void UserConfig_LivesNextToTheUserProfilesFolder()
    {
        string? Env(string name) => name == "HOME" ? "/test-home" : null;
        Assert.Equal("/test-home/.config/smtpconsole/config.json", UserConfigFile.PathFor(Env, HostPlatform.Linux));
        Assert.Equal("/test-home/.config/smtpconsole/profiles", ProfileSources.ComputeUserDirectory(Env, HostPlatform.Linux));
    }
}
