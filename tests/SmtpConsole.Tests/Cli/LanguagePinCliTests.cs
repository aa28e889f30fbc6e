using SmtpConsole.Tests.Distribution;

namespace SmtpConsole.Tests.Cli;

/// <summary>
/// Issue 18: the language a real process picks — <c>--lang</c> &gt; <c>SMTPCONSOLE_LANG</c> &gt; the selected profile's
/// <c>"language"</c> &gt; the user's <c>config.json</c> &gt; <c>LC_ALL</c>/<c>LC_MESSAGES</c>/<c>LANG</c> &gt; English —
/// seen in <c>--help</c>, and a bad pinned value as one line naming the file and the allowed values.
/// </summary>
public sealed class LanguagePinCliTests : IDisposable
{
    private const string ChineseHelp = "交互式 SMTP 控制台";
    private const string EnglishHelp = "an interactive SMTP console";

    private readonly string _home = Path.Combine(Path.GetTempPath(), "smtpconsole-tests", "lang-" + Guid.NewGuid().ToString("N"));

    public LanguagePinCliTests() => Directory.CreateDirectory(Path.Combine(_home, ".config", "smtpconsole"));

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string ConfigFile => Path.Combine(_home, ".config", "smtpconsole", "config.json");

    private string ProfileFile(string language)
    {
        string path = Path.Combine(_home, "mine.json");
        File.WriteAllText(path, $"{{\n  \"profiles\": {{\n    \"mine\": {{\n      \"host\": \"127.0.0.1\",\n      \"port\": 9,\n      \"security\": \"plain\",\n      \"language\": \"{language}\"\n    }}\n  }}\n}}\n");
        return path;
    }

    private async Task<(int ExitCode, string Output)> Run(IEnumerable<string> arguments, string lang = "", string variable = "")
    {
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = _home,
            ["XDG_CONFIG_HOME"] = Path.Combine(_home, ".config"),
            ["XDG_DATA_HOME"] = Path.Combine(_home, ".local", "share"),
            ["LC_ALL"] = string.Empty,
            ["LC_MESSAGES"] = string.Empty,
            ["LANG"] = lang,
            ["SMTPCONSOLE_LANG"] = variable,
            ["NO_COLOR"] = "1",
        };
        string dll = Path.Combine(AppContext.BaseDirectory, "smtpconsole.dll");
        return await DotnetCli.RunAsync(DotnetCli.Dotnet, [dll, .. arguments], TimeSpan.FromSeconds(60), environment);
    }

    [Theory]
    [InlineData("zh-CN", "", "", "zh")]          // config beats no locale
    [InlineData("zh-CN", "en_US.UTF-8", "", "zh")] // config beats the locale
    [InlineData("en", "zh_CN.UTF-8", "", "en")]    // …either way
    [InlineData("zh-CN", "", "en", "en")]          // SMTPCONSOLE_LANG beats config
    [InlineData(null, "zh_CN.UTF-8", "", "zh")]    // no config: the locale
    [InlineData(null, "C", "", "en")]
    public async Task UserConfig_SitsBetweenTheVariableAndTheLocale(string? config, string lang, string variable, string expected)
    {
        if (config is not null) File.WriteAllText(ConfigFile, $"{{ \"language\": \"{config}\" }}");
        var (exit, output) = await Run(["--help"], lang, variable);
        Assert.Equal(0, exit);
        Assert.Contains(expected == "zh" ? ChineseHelp : EnglishHelp, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilePin_BeatsConfig_AndLosesToTheVariableAndLang()
    {
        File.WriteAllText(ConfigFile, "{ \"language\": \"en\" }");
        string profiles = ProfileFile("zh-CN");
        string[] withProfile = ["--profile", "mine", "--profile-file", profiles, "--help"];
        Assert.Contains(ChineseHelp, (await Run(withProfile, lang: "C")).Output, StringComparison.Ordinal);
        Assert.Contains(EnglishHelp, (await Run(withProfile, variable: "en")).Output, StringComparison.Ordinal);
        Assert.Contains(EnglishHelp, (await Run(["--lang", "en", .. withProfile])).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadValueInConfig_IsOneLineNamingTheFileAndTheAllowedValues()
    {
        File.WriteAllText(ConfigFile, "{ \"language\": \"klingon\" }");
        var (exit, output) = await Run(["--help"], lang: "zh_CN.UTF-8");
        Assert.Equal(2, exit);
        Assert.Equal($"smtpconsole: {ConfigFile}: unknown language \"klingon\" (use zh-CN or en)", output.Trim());
    }

    [Fact]
    public async Task BadValueInTheSelectedProfile_NamesTheFileLineAndTheAllowedValues()
    {
        string profiles = ProfileFile("fr");
        var (exit, output) = await Run(["--profile", "mine", "--profile-file", profiles]);
        Assert.Equal(2, exit);
        Assert.Contains($"{profiles}(7", output, StringComparison.Ordinal);
        Assert.Contains("unknown language \"fr\" (use zh-CN or en)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // no stack trace
    }
}
