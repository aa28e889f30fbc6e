using SmtpConsole.Core.Profiles;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Tests.Profiles;

public sealed class ProfileValidationTests : IDisposable
{
    private readonly TemporaryProfileFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void An_unknown_key_warns_with_the_key_profile_file_line_and_closest_known_key()
    {
        var json = """
            {
              "profiles": {
                "relay": {
                  "host": "relay.example.com",
                  "port": 587,
                  "security": "starttls",
                  "ehloNmae": "client.example.com"
                }
              }
            }
            """;
        var path = _folders.WriteUser("relay.json", json);

        var catalog = _folders.Load();

        var warning = Assert.Single(catalog.Diagnostics);
        Assert.Equal(ProfileDiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(path, warning.File);
        Assert.Equal(TemporaryProfileFolders.LineOf(json, "ehloNmae"), warning.Line);
        Assert.Equal("relay", warning.Profile);
        Assert.Contains("'ehloNmae'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'ehloName'?", warning.Message, StringComparison.Ordinal);
        Assert.True(catalog.TryGet("relay", out _, out _));
    }

    [Fact]
    public void A_mistyped_host_key_warns_and_the_missing_host_is_an_error()
    {
        _folders.WriteUser("typo.json", """{ "profiles": { "typo": { "hots": "smtp.example.com", "port": 25, "security": "plain" } } }""");

        var catalog = _folders.Load();

        Assert.Contains(catalog.Diagnostics, diagnostic => !diagnostic.IsError && diagnostic.Message.Contains("did you mean 'host'?", StringComparison.Ordinal));
        Assert.Contains(catalog.Diagnostics, diagnostic => diagnostic.IsError && diagnostic.Message.Contains("has no host", StringComparison.Ordinal));
        Assert.True(catalog.IsInvalid("typo"));
    }

    [Fact]
    public void Unknown_nested_keys_are_named_with_their_path()
    {
        _folders.WriteUser("nested.json", """{ "profiles": { "p": { "host": "h.example", "port": 1, "security": "tls", "tls": { "caFiel": "ca.pem" } } } }""");

        var warning = Assert.Single(_folders.Load().Diagnostics);

        Assert.Contains("'tls.caFiel'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'caFile'", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"abc\"", "abc")]
    [InlineData("0", "0")]
    [InlineData("70000", "70000")]
    [InlineData("-1", "-1")]
    [InlineData("587.5", "587.5")]
    [InlineData("true", "True")]
    public void An_invalid_port_is_an_error_naming_file_and_value_and_only_that_profile_is_dropped(string port, string shown)
    {
        var json = $$"""
            {
              "profiles": {
                "bad": { "host": "smtp.example.com",
                  "port": {{port}},
                  "security": "starttls" },
                "good": { "host": "smtp.example.org", "port": 465, "security": "tls" }
              }
            }
            """;
        var path = _folders.WriteUser("ports.json", json);

        var catalog = _folders.Load();

        var error = Assert.Single(catalog.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal(path, error.File);
        Assert.Equal(TemporaryProfileFolders.LineOf(json, "\"port\""), error.Line);
        Assert.Contains($"port '{shown}' is not a number between 1 and 65535", error.Message, StringComparison.Ordinal);
        Assert.Equal(["good"], catalog.Profiles.Select(profile => profile.Name));
        Assert.Equal(["bad"], catalog.InvalidProfileNames);
    }

    [Fact]
    public void An_invalid_security_is_an_error_with_a_suggestion()
    {
        _folders.WriteUser("sec.json", """{ "profiles": { "p": { "host": "h.example", "port": 587, "security": "startls" } } }""");

        var error = Assert.Single(_folders.Load().Diagnostics);

        Assert.True(error.IsError);
        Assert.Contains("security 'startls' is not one of plain, starttls, tls", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'starttls'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ssl", SecurityMode.Tls)]
    [InlineData("SSL", SecurityMode.Tls)]
    [InlineData("start-tls", SecurityMode.StartTls)]
    [InlineData("none", SecurityMode.Plain)]
    public void Common_security_aliases_are_accepted_with_a_warning(string alias, SecurityMode expected)
    {
        _folders.WriteUser("alias.json", $$"""{ "profiles": { "p": { "host": "h.example", "port": 465, "security": "{{alias}}" } } }""");

        var catalog = _folders.Load();

        var warning = Assert.Single(catalog.Diagnostics);
        Assert.Equal(ProfileDiagnosticSeverity.Warning, warning.Severity);
        Assert.True(catalog.TryGet("p", out var profile, out _));
        Assert.Equal(expected, profile.Security);
    }

    [Fact]
    public void Security_values_are_case_insensitive_without_warning()
    {
        _folders.WriteUser("case.json", """{ "profiles": { "p": { "host": "h.example", "port": 587, "security": "STARTTLS" } } }""");

        var catalog = _folders.Load();

        Assert.Empty(catalog.Diagnostics);
        Assert.True(catalog.TryGet("p", out var profile, out _));
        Assert.Equal(SecurityMode.StartTls, profile.Security);
    }

    [Fact]
    public void Missing_host_port_and_security_are_errors_placed_at_the_profile()
    {
        var json = """
            {
              "profiles": {
                "empty": { "description": "nothing else" }
              }
            }
            """;
        var path = _folders.WriteUser("empty.json", json);

        var catalog = _folders.Load();

        Assert.Equal(3, catalog.Diagnostics.Count);
        Assert.All(catalog.Diagnostics, diagnostic =>
        {
            Assert.True(diagnostic.IsError);
            Assert.Equal(path, diagnostic.File);
            Assert.Equal(TemporaryProfileFolders.LineOf(json, "\"empty\""), diagnostic.Line);
        });
        Assert.Contains(catalog.Diagnostics, diagnostic => diagnostic.Message.Contains("has no host", StringComparison.Ordinal));
        Assert.Contains(catalog.Diagnostics, diagnostic => diagnostic.Message.Contains("has no port", StringComparison.Ordinal));
        Assert.Contains(catalog.Diagnostics, diagnostic => diagnostic.Message.Contains("has no security", StringComparison.Ordinal));
    }

    [Fact]
    public void A_builtin_profile_needs_no_host_or_port_but_unknown_builtins_are_errors()
    {
        _folders.WriteUser("builtin.json", """
            { "profiles": {
                "mine": { "builtin": "practice", "security": "plain" },
                "other": { "builtin": "simulator", "security": "plain" } } }
            """);

        var catalog = _folders.Load();

        Assert.True(catalog.TryGet("mine", out var mine, out _));
        Assert.True(mine.IsBuiltin);
        var error = Assert.Single(catalog.Diagnostics);
        Assert.Contains("unknown builtin 'simulator'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smtp.example.com:587", "includes a port")]
    [InlineData("smtp://smtp.example.com", "is a URL")]
    [InlineData("smtp example com", "contains spaces")]
    public void A_host_with_a_port_url_or_spaces_is_an_error(string host, string problem)
    {
        _folders.WriteUser("host.json", $$"""{ "profiles": { "p": { "host": "{{host}}", "port": 587, "security": "starttls" } } }""");

        var error = Assert.Single(_folders.Load().Diagnostics);

        Assert.True(error.IsError);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("[2001:db8::25]")]
    [InlineData("192.0.2.25")]
    public void Ip_literals_are_valid_hosts(string host)
    {
        _folders.WriteUser("ip.json", $$"""{ "profiles": { "p": { "host": "{{host}}", "port": 25, "security": "plain" } } }""");

        Assert.Empty(_folders.Load().Diagnostics);
    }

    [Theory]
    [InlineData("\"authMechanisms\": \"PLAIN\"", "must be a list")]
    [InlineData("\"authMechanisms\": [ { \"name\": \"PLAIN\" } ]", "must be a list")]
    [InlineData("\"tls\": \"yes\"", "must be an object")]
    [InlineData("\"host\": { \"name\": \"x\" }", "must be a single value")]
    [InlineData("\"tls\": { \"minVersion\": \"1.4\" }", "tls.minVersion '1.4'")]
    [InlineData("\"tls\": { \"insecure\": \"maybe\" }", "tls.insecure must be true or false")]
    [InlineData("\"timeouts\": { \"connectSeconds\": -5 }", "timeouts.connectSeconds '-5'")]
    [InlineData("\"fromMustEqualLogin\": \"sometimes\"", "fromMustEqualLogin must be true or false")]
    [InlineData("\"proxy\": \"localhost:1080\"", "is not a URL like socks5://")]
    [InlineData("\"authMechanisms\": [ \"PLAIN LOGIN\" ]", "is not a SASL mechanism name")]
    [InlineData("\"ehloName\": \"my laptop\"", "must not contain spaces")]
    public void Values_of_the_wrong_shape_or_range_are_errors(string member, string expected)
    {
        var host = member.StartsWith("\"host\"", StringComparison.Ordinal) ? string.Empty : "\"host\": \"h.example\", ";
        var json = $$"""{ "profiles": { "p": { {{host}}"port": 25, "security": "plain", {{member}} } } }""";
        _folders.WriteUser("shape.json", json);

        var catalog = _folders.Load();

        Assert.Contains(catalog.Diagnostics, diagnostic => diagnostic.IsError && diagnostic.Message.Contains(expected, StringComparison.Ordinal));
        Assert.True(catalog.IsInvalid("p"));
    }

    [Fact]
    public void Valid_optional_fields_are_parsed()
    {
        _folders.WriteUser("full.json", """
            {
              "profiles": {
                "full": {
                  "host": "smtp.example.com", "port": 587, "security": "starttls",
                  "user": "me@example.com", "ehloName": "client.example.com",
                  "authMechanisms": [ "login", "PLAIN", "LOGIN" ],
                  "timeouts": { "connectSeconds": 7.5, "commandSeconds": "30" },
                  "tls": { "caFile": "ca.pem", "insecure": false, "minVersion": 1.2, "serverName": "mail.example.com" },
                  "fromMustEqualLogin": true,
                  "proxy": "socks5://127.0.0.1:1080",
                  "notes": { "connect": [ "hello" ], "failure": [ "oops", "again" ] },
                  "docs": "https://example.com/docs",
                  "sources": [ "https://example.com/settings" ]
                }
              }
            }
            """);

        var catalog = _folders.Load();

        Assert.Empty(catalog.Diagnostics);
        Assert.True(catalog.TryGet("full", out var profile, out _));
        Assert.Equal(["LOGIN", "PLAIN"], profile.AuthMechanisms);
        Assert.Equal(TimeSpan.FromSeconds(7.5), profile.Timeouts.Connect);
        Assert.Equal(TimeSpan.FromSeconds(30), profile.Timeouts.Command);
        Assert.Equal(new ProfileTlsPolicy("ca.pem", false, new Version(1, 2), "mail.example.com"), profile.Tls);
        Assert.True(profile.FromMustEqualLogin);
        Assert.Equal("socks5://127.0.0.1:1080", profile.Proxy);
        Assert.Equal(["hello"], profile.Notes.Connect);
        Assert.Equal(["oops", "again"], profile.Notes.Failure);
        Assert.Equal("client.example.com", profile.EhloName);
    }

    [Fact]
    public void An_unknown_auth_mechanism_is_a_warning_with_a_suggestion()
    {
        _folders.WriteUser("mech.json", """{ "profiles": { "p": { "host": "h.example", "port": 1, "security": "tls", "authMechanisms": [ "XOAUTH" ] } } }""");

        var catalog = _folders.Load();

        var warning = Assert.Single(catalog.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Contains("did you mean 'XOAUTH2'?", warning.Message, StringComparison.Ordinal);
        Assert.True(catalog.TryGet("p", out _, out _));
    }

    [Fact]
    public void A_host_variable_that_is_not_declared_is_a_warning()
    {
        _folders.WriteUser("vars.json", """
            { "profiles": { "p": { "host": "smtp.${regoin}.example.com", "port": 587, "security": "starttls",
                                   "variables": { "region": "where" } } } }
            """);

        var warning = Assert.Single(_folders.Load().Diagnostics);

        Assert.False(warning.IsError);
        Assert.Contains("${regoin}", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_variable_reference_is_an_error()
    {
        _folders.WriteUser("vars.json", """{ "profiles": { "p": { "host": "smtp.${region.example.com", "port": 587, "security": "starttls" } } }""");

        var error = Assert.Single(_folders.Load().Diagnostics);

        Assert.True(error.IsError);
        Assert.Contains("without a closing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_top_level_keys_warn_and_suggest_the_profiles_wrapper()
    {
        _folders.WriteUser("flat.json", """{ "gmail": { "host": "smtp.gmail.com" } }""");

        var warning = Assert.Single(_folders.Load().Diagnostics);

        Assert.False(warning.IsError);
        Assert.Contains("\"profiles\"", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profiles_that_are_not_objects_are_errors()
    {
        _folders.WriteUser("scalar.json", """{ "profiles": { "p": "smtp.example.com" } }""");
        _folders.WriteExtra("list.json", """{ "profiles": "gmail" }""");

        var catalog = _folders.Load(extraFile: Path.Combine(_folders.Root, "list.json"));

        Assert.Contains(catalog.Diagnostics, diagnostic => diagnostic.IsError && diagnostic.Message.Contains("profile 'p' must be an object", StringComparison.Ordinal));
        Assert.Contains(catalog.Diagnostics, diagnostic => diagnostic.IsError && diagnostic.Message.Contains("\"profiles\" must be an object", StringComparison.Ordinal));
    }
}
