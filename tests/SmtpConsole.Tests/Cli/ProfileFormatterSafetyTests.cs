using CsCheck;
using SmtpConsole.Cli;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Tests.Cli;

/// <summary>
/// The profile formatters never throw on what the loader accepts or refuses, and never print a refused secret.
/// (These checks ran inside the Core profile tests before the formatters moved to the CLI.)
/// </summary>
public sealed class ProfileFormatterSafetyTests : IDisposable
{
    private const string SecretValue = "hunter2-DO-NOT-ECHO";

    private readonly TemporaryProfileFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Theory]
    [InlineData("\"password\": \"" + SecretValue + "\"")]
    [InlineData("\"secret\": \"" + SecretValue + "\"")]
    [InlineData("\"secret\": { \"value\": \"" + SecretValue + "\" }")]
    [InlineData("\"secret\": { \"env\": \"X\", \"password\": \"" + SecretValue + "\" }")]
    [InlineData("\"tls\": { \"password\": \"" + SecretValue + "\" }")]
    public void A_refused_literal_secret_is_never_printed(string member)
    {
        _folders.WriteUser("leaky.json", $$"""{ "profiles": { "leaky": { "host": "smtp.example.com", "port": 587, "security": "starttls", {{member}} } } }""");

        var catalog = _folders.Load();

        Assert.True(catalog.IsInvalid("leaky"));
        AssertNeverShown(catalog, "leaky");
    }

    [Fact]
    public void A_secret_in_an_environment_override_is_never_printed()
    {
        _folders.WriteShipped("gmail.json", """{ "profiles": { "gmail": { "host": "smtp.gmail.com", "port": 587, "security": "starttls" } } }""");

        var catalog = _folders.Load(new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__GMAIL__PASSWORD"] = SecretValue });

        AssertNeverShown(catalog, "gmail");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a:b")]
    public void Odd_profile_names_are_listed_without_crashing(string name)
    {
        _folders.WriteUser("odd.json", $$"""{ "profiles": { "{{name}}": { "host": "h.example", "port": 25, "security": "plain" } } }""");

        var lines = ProfileListFormatter.Format(_folders.Load());

        Assert.NotEmpty(lines);
    }

    [Fact]
    public void Random_file_content_never_makes_the_formatters_throw()
    {
        var fragments = Gen.OneOf("{", "}", "[", "]", ",", ":", "\"profiles\"", "\"p\"", "\"host\"", "\"port\"", "587",
            "\"x\"", "true", "null", "\"notes\"", "\"description\"", " ", "\n", "\\", "//", "\u00e9", "\u4e2d\u6587", "-1");
        var documents = Gen.OneOf(fragments.Array[0, 40].Select(parts => string.Concat(parts)), Gen.String[0, 60]);

        documents.Sample(content =>
        {
            using var folders = new TemporaryProfileFolders();
            folders.WriteUser("random.json", content);
            var catalog = folders.Load(new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__P__PORT"] = content });
            _ = ProfileListFormatter.Format(catalog);
            foreach (var name in catalog.Profiles.Select(profile => profile.Name).Concat(catalog.InvalidProfileNames))
                _ = ProfileShowFormatter.Format(catalog, name);
        }, iter: 200, threads: 1);
    }

    private static void AssertNeverShown(ProfileCatalog catalog, string profile)
    {
        Assert.All(ProfileListFormatter.Format(catalog), line => Assert.DoesNotContain(SecretValue, line, StringComparison.Ordinal));
        Assert.All(ProfileShowFormatter.Format(catalog, profile), line => Assert.DoesNotContain(SecretValue, line, StringComparison.Ordinal));
    }
}
