using SmtpConsole.Core.Profiles;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Tests.Profiles;

public sealed class ProfileOverridesTests
{
    private static readonly ConnectionProfile Gmail = new()
    {
        Name = "gmail",
        Host = "smtp.gmail.com",
        Port = 587,
        Security = SecurityMode.StartTls,
        AuthMechanisms = ["XOAUTH2"],
        Secret = new ProfileSecretSource("GMAIL_APP_PASSWORD", false),
    };

    [Fact]
    public void Overrides_replace_the_named_fields_in_any_common_spelling()
    {
        var overrides = new Dictionary<string, string?>
        {
            ["host"] = "smtp.example.net",
            ["--port"] = "2525",
            ["Security"] = "tls",
            ["user"] = "me@example.net",
            ["ca-file"] = "/tmp/ca.pem",
            ["insecure"] = null,
            ["tls_min_version"] = "1.3",
            ["sni"] = "mail.example.net",
            ["auth-mechanisms"] = "plain,login",
            ["secret-env"] = "OTHER_PASSWORD",
            ["prompt"] = "true",
            ["ehlo"] = "client.example.net",
            ["connect-timeout"] = "5",
            ["command-timeout"] = "60",
            ["proxy"] = "socks5://127.0.0.1:1080",
        };

        var result = ProfileCatalog.ApplyOverrides(Gmail, overrides, out var problems);

        Assert.Empty(problems);
        Assert.Equal("smtp.example.net", result.Host);
        Assert.Equal(2525, result.Port);
        Assert.Equal(SecurityMode.Tls, result.Security);
        Assert.Equal("me@example.net", result.User);
        Assert.Equal(new ProfileTlsPolicy("/tmp/ca.pem", true, new Version(1, 3), "mail.example.net"), result.Tls);
        Assert.Equal(["PLAIN", "LOGIN"], result.AuthMechanisms);
        Assert.Equal(new ProfileSecretSource("OTHER_PASSWORD", true), result.Secret);
        Assert.Equal("client.example.net", result.EhloName);
        Assert.Equal(new ProfileTimeouts(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)), result.Timeouts);
        Assert.Equal("socks5://127.0.0.1:1080", result.Proxy);
        Assert.Equal("gmail", result.Name);
    }

    [Theory]
    [InlineData("port", "abc", "not a number between 1 and 65535")]
    [InlineData("port", "0", "not a number between 1 and 65535")]
    [InlineData("security", "secure", "not one of plain, starttls, tls")]
    [InlineData("host", "smtp.example.net:25", "includes a port")]
    [InlineData("insecure", "perhaps", "must be true or false")]
    [InlineData("connect-timeout", "-1", "number of seconds")]
    [InlineData("port", "", "needs a value")]
    public void An_invalid_override_is_reported_and_the_profile_value_is_kept(string key, string value, string expected)
    {
        var result = ProfileCatalog.ApplyOverrides(Gmail, new Dictionary<string, string?> { [key] = value }, out var problems);

        Assert.Equal(Gmail, result);
        var problem = Assert.Single(problems);
        Assert.True(problem.IsError);
        Assert.Equal("gmail", problem.Profile);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_override_suggests_the_closest_setting()
    {
        ProfileCatalog.ApplyOverrides(Gmail, new Dictionary<string, string?> { ["prot"] = "25" }, out var problems);

        var problem = Assert.Single(problems);
        Assert.Contains("did you mean 'port'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_command_line_overrides_given_to_the_catalog_are_reported_at_load()
    {
        using var folders = new TemporaryProfileFolders();

        var catalog = folders.Load(overrides: new Dictionary<string, string?> { ["port"] = "99999" });

        var problem = Assert.Single(catalog.Diagnostics);
        Assert.True(problem.IsError);
        Assert.Null(problem.File);
        Assert.Contains("command-line port", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ignores_rejected_command_line_values()
    {
        using var folders = new TemporaryProfileFolders();
        folders.WriteShipped("gmail.json", """{ "profiles": { "gmail": { "host": "smtp.gmail.com", "port": 587, "security": "starttls", "secret": { "env": "A", "prompt": true } } } }""");

        var catalog = folders.Load(overrides: new Dictionary<string, string?> { ["port"] = "abc", ["secret-env"] = "B" });

        var origins = catalog.Explain("gmail");
        Assert.Equal(ProfileLayer.Shipped, Assert.Single(origins, origin => origin.Field == "port").Layer);
        Assert.Equal("env B, else prompt", Assert.Single(origins, origin => origin.Field == "secret").Value);
    }

    [Fact]
    public void Explain_lists_command_line_values_with_their_origin()
    {
        using var folders = new TemporaryProfileFolders();
        folders.WriteShipped("gmail.json", """{ "profiles": { "gmail": { "host": "smtp.gmail.com", "port": 587, "security": "starttls" } } }""");

        var catalog = folders.Load(overrides: new Dictionary<string, string?> { ["port"] = "465", ["ca-file"] = "ca.pem", ["secret-env"] = "X" });

        var origins = catalog.Explain("gmail");
        Assert.Equal(new ProfileValueOrigin("port", "465", ProfileLayer.CommandLine, "command line", null), Assert.Single(origins, origin => origin.Field == "port"));
        Assert.Equal("ca.pem", Assert.Single(origins, origin => origin.Field == "tls.caFile").Value);
        Assert.Equal("env X", Assert.Single(origins, origin => origin.Field == "secret").Value);
    }
}
