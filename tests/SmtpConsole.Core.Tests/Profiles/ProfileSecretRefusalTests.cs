using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Core.Tests.Profiles;

public sealed class ProfileSecretRefusalTests : IDisposable
{
    private const string SecretValue = "hunter2-DO-NOT-ECHO";

    private readonly TemporaryProfileFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Theory]
    [InlineData("\"password\": \"" + SecretValue + "\"", "password")]
    [InlineData("\"pass\": \"" + SecretValue + "\"", "pass")]
    [InlineData("\"Passwd\": \"" + SecretValue + "\"", "Passwd")]
    [InlineData("\"smtpPassword\": \"" + SecretValue + "\"", "smtpPassword")]
    [InlineData("\"api_key\": \"" + SecretValue + "\"", "api_key")]
    [InlineData("\"token\": \"" + SecretValue + "\"", "token")]
    [InlineData("\"secret\": \"" + SecretValue + "\"", "secret")]
    [InlineData("\"secret\": { \"value\": \"" + SecretValue + "\" }", "secret.value")]
    [InlineData("\"secret\": { \"env\": \"X\", \"password\": \"" + SecretValue + "\" }", "secret.password")]
    [InlineData("\"tls\": { \"password\": \"" + SecretValue + "\" }", "tls.password")]
    [InlineData("\"password\": 123456", "password")]
    public void A_literal_secret_anywhere_in_a_profile_is_refused_with_an_explanation_and_never_echoed(string member, string key)
    {
        var json = $$"""
            {
              "profiles": {
                "leaky": {
                  "host": "smtp.example.com",
                  "port": 587,
                  "security": "starttls",
                  {{member}}
                },
                "fine": { "host": "smtp.example.org", "port": 465, "security": "tls" }
              }
            }
            """;
        var path = _folders.WriteUser("leaky.json", json);

        var catalog = _folders.Load();

        var refusal = Assert.Single(catalog.Diagnostics, diagnostic => diagnostic.IsError);
        Assert.Equal(path, refusal.File);
        Assert.Equal(TemporaryProfileFolders.LineOf(json, member[..8]), refusal.Line);
        Assert.Equal("leaky", refusal.Profile);
        Assert.Contains($"'{key}'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("environment variable", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("\"prompt\": true", refusal.Message, StringComparison.Ordinal);
        Assert.False(catalog.TryGet("leaky", out _, out _));
        Assert.True(catalog.IsInvalid("leaky"));
        Assert.True(catalog.TryGet("fine", out _, out _));
        AssertNeverShown(catalog, "leaky");
    }

    [Fact]
    public void A_password_at_the_top_of_a_file_is_refused_without_echo()
    {
        _folders.WriteUser("top.json", $$"""{ "password": "{{SecretValue}}", "profiles": {} }""");

        var catalog = _folders.Load();

        var refusal = Assert.Single(catalog.Diagnostics);
        Assert.True(refusal.IsError);
        Assert.DoesNotContain(SecretValue, refusal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_in_an_environment_variable_override_is_refused_and_named_by_variable()
    {
        _folders.WriteShipped("gmail.json", """{ "profiles": { "gmail": { "host": "smtp.gmail.com", "port": 587, "security": "starttls" } } }""");
        var environment = new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__GMAIL__PASSWORD"] = SecretValue };

        var catalog = _folders.Load(environment);

        var refusal = Assert.Single(catalog.Diagnostics);
        Assert.True(refusal.IsError);
        Assert.Contains("SMTPCONSOLE__PROFILES__GMAIL__PASSWORD", refusal.Message, StringComparison.Ordinal);
        Assert.False(catalog.TryGet("gmail", out _, out _));
        AssertNeverShown(catalog, "gmail");
    }

    [Fact]
    public void A_password_given_as_a_command_line_override_is_refused_and_not_applied()
    {
        var profile = new ConnectionProfile { Name = "x", Host = "smtp.example.com", Port = 587 };

        var result = ProfileCatalog.ApplyOverrides(profile, new Dictionary<string, string?> { ["--password"] = SecretValue }, out var problems);

        Assert.Equal(profile, result);
        var problem = Assert.Single(problems);
        Assert.True(problem.IsError);
        Assert.Contains("--secret-env", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_named_by_environment_variable_or_prompt_is_accepted()
    {
        _folders.WriteUser("ok.json", """
            {
              "profiles": {
                "by-env": { "host": "a.example", "port": 587, "security": "starttls", "secret": { "env": "MY_SMTP_PASSWORD" } },
                "by-prompt": { "host": "b.example", "port": 587, "security": "starttls", "secret": { "prompt": true } },
                "both": { "host": "c.example", "port": 587, "security": "starttls", "secret": { "env": "MY_SMTP_PASSWORD", "prompt": true } }
              }
            }
            """);

        var catalog = _folders.Load();

        Assert.Empty(catalog.Diagnostics);
        Assert.True(catalog.TryGet("by-env", out var byEnvironment, out _));
        Assert.Equal(new ProfileSecretSource("MY_SMTP_PASSWORD", false), byEnvironment.Secret);
        Assert.True(catalog.TryGet("by-prompt", out var byPrompt, out _));
        Assert.Equal(new ProfileSecretSource(null, true), byPrompt.Secret);
        Assert.True(catalog.TryGet("both", out var both, out _));
        Assert.Equal("env MY_SMTP_PASSWORD, else prompt", both.Secret.Describe());
    }

    [Fact]
    public void An_invalid_environment_variable_name_for_the_secret_is_an_error()
    {
        _folders.WriteUser("bad.json", """{ "profiles": { "p": { "host": "a.example", "port": 587, "security": "starttls", "secret": { "env": "not a name" } } } }""");

        var catalog = _folders.Load();

        var error = Assert.Single(catalog.Diagnostics);
        Assert.True(error.IsError);
        Assert.Contains("secret.env", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("socks5://user:" + SecretValue + "@127.0.0.1:1080")]
    [InlineData("http://user:" + SecretValue + "@proxy.example:3128")]
    [InlineData("socks5://user:" + SecretValue + "${X}@127.0.0.1:1080")]
    public void A_literal_proxy_password_is_refused_like_any_literal_secret_and_never_echoed(string proxy)
    {
        // Issue 13: `profiles show` used to print it.
        _folders.WriteUser("proxy.json", $$"""
            { "profiles": { "proxied": { "host": "smtp.example.com", "port": 587, "security": "starttls", "proxy": "{{proxy}}" } } }
            """);

        var catalog = _folders.Load();

        var refusal = Assert.Single(catalog.Diagnostics, diagnostic => diagnostic.IsError);
        Assert.Contains("password written in 'proxy'", refusal.Message, StringComparison.Ordinal);
        Assert.False(catalog.TryGet("proxied", out _, out _));
        AssertNeverShown(catalog, "proxied");
    }

    [Fact]
    public void A_proxy_password_from_a_variable_is_accepted()
    {
        _folders.WriteUser("proxy.json", """
            { "profiles": { "proxied": { "host": "smtp.example.com", "port": 587, "security": "starttls", "proxy": "socks5://user:${PROXY_PASSWORD}@127.0.0.1:1080" } } }
            """);

        var catalog = _folders.Load();

        Assert.DoesNotContain(catalog.Diagnostics, d => d.IsError && d.Message.Contains("proxy", StringComparison.Ordinal));
    }

    private static void AssertNeverShown(ProfileCatalog catalog, string profile)
    {
        Assert.All(catalog.Diagnostics, diagnostic => Assert.DoesNotContain(SecretValue, diagnostic.ToString(), StringComparison.Ordinal));
        Assert.All(catalog.Explain(profile), origin => Assert.DoesNotContain(SecretValue, origin.Value ?? string.Empty, StringComparison.Ordinal));
    }
}
