using SmtpConsole.Core.Profiles;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Tests.Profiles;

public sealed class ProfileEnvironmentTests : IDisposable
{
    private readonly TemporaryProfileFolders _folders = new();

    public ProfileEnvironmentTests()
    {
        _folders.WriteShipped("gmail.json", """
            { "profiles": { "gmail": { "host": "smtp.gmail.com", "port": 587, "security": "starttls", "authMechanisms": [ "XOAUTH2" ] } } }
            """);
    }

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void An_environment_variable_overrides_a_shipped_value_and_is_named_as_the_origin()
    {
        var catalog = _folders.Load(new Dictionary<string, string>
        {
            ["SMTPCONSOLE__PROFILES__GMAIL__PORT"] = "2525",
            ["SMTPCONSOLE__PROFILES__GMAIL__SECURITY"] = "plain",
            ["UNRELATED"] = "ignored",
        });

        Assert.Empty(catalog.Diagnostics);
        Assert.True(catalog.TryGet("gmail", out var gmail, out _));
        Assert.Equal(2525, gmail.Port);
        Assert.Equal(SecurityMode.Plain, gmail.Security);
        var origin = Assert.Single(catalog.Explain("gmail"), candidate => candidate.Field == "port");
        Assert.Equal(ProfileLayer.Environment, origin.Layer);
        Assert.Equal("SMTPCONSOLE__PROFILES__GMAIL__PORT", origin.Source);
    }

    [Fact]
    public void A_whole_profile_can_come_from_the_environment_and_is_named_in_lower_case()
    {
        var catalog = _folders.Load(new Dictionary<string, string>
        {
            ["SMTPCONSOLE__PROFILES__MYRELAY__HOST"] = "relay.example.com",
            ["SMTPCONSOLE__PROFILES__MYRELAY__PORT"] = "25",
            ["SMTPCONSOLE__PROFILES__MYRELAY__SECURITY"] = "plain",
            ["SMTPCONSOLE__PROFILES__MYRELAY__SECRET__ENV"] = "RELAY_PASSWORD",
        });

        Assert.True(catalog.TryGet("myrelay", out var relay, out _));
        Assert.Equal("myrelay", relay.Name);
        Assert.Equal("RELAY_PASSWORD", relay.Secret.EnvironmentVariable);
        Assert.Equal("env", catalog.DescribeDefinition("myrelay"));
    }

    [Fact]
    public void A_list_in_an_environment_variable_is_comma_separated_or_indexed()
    {
        var commaSeparated = _folders.Load(new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__GMAIL__AUTHMECHANISMS"] = "plain, login" });
        var indexed = _folders.Load(new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__GMAIL__AUTHMECHANISMS__0"] = "LOGIN" });

        Assert.True(commaSeparated.TryGet("gmail", out var first, out _));
        Assert.Equal(["PLAIN", "LOGIN"], first.AuthMechanisms);
        Assert.True(indexed.TryGet("gmail", out var second, out _));
        Assert.Equal(["LOGIN"], second.AuthMechanisms);
    }

    [Fact]
    public void An_unknown_key_in_the_environment_warns_naming_the_variable()
    {
        var catalog = _folders.Load(new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__GMAIL__HOTS"] = "x" });

        var warning = Assert.Single(catalog.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Null(warning.File);
        Assert.Contains("SMTPCONSOLE__PROFILES__GMAIL__HOTS", warning.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'host'?", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_port_in_the_environment_names_the_variable()
    {
        var catalog = _folders.Load(new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__GMAIL__PORT"] = "http" });

        var error = Assert.Single(catalog.Diagnostics);
        Assert.True(error.IsError);
        Assert.Contains("port 'http'", error.Message, StringComparison.Ordinal);
        Assert.Contains("SMTPCONSOLE__PROFILES__GMAIL__PORT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_settings_under_the_prefix_are_not_reported()
    {
        var catalog = _folders.Load(new Dictionary<string, string> { ["SMTPCONSOLE__LOGGING__LEVEL"] = "debug" });

        Assert.Empty(catalog.Diagnostics);
    }

    [Fact]
    public void The_environment_prefix_can_be_changed()
    {
        var sources = _folders.Sources(new Dictionary<string, string>
        {
            ["MYAPP__PROFILES__GMAIL__PORT"] = "2626",
            ["SMTPCONSOLE__PROFILES__GMAIL__PORT"] = "2727",
        }) with { EnvironmentPrefix = "MYAPP__" };

        Assert.True(ProfileCatalog.Load(sources).TryGet("gmail", out var gmail, out _));
        Assert.Equal(2626, gmail.Port);
    }
}
