using SmtpConsole.Core.Profiles;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Tests.Profiles;

public sealed class ProfileLayeringTests : IDisposable
{
    private const string ShippedGmail = """
        {
          "profiles": {
            "gmail": {
              "provider": "gmail",
              "host": "smtp.gmail.com",
              "port": 587,
              "security": "starttls",
              "authMechanisms": [ "XOAUTH2", "PLAIN", "LOGIN" ],
              "secret": { "env": "GMAIL_APP_PASSWORD" }
            }
          }
        }
        """;

    private readonly TemporaryProfileFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void Each_layer_overrides_the_ones_below_it_in_order_shipped_user_file_environment_command_line()
    {
        _folders.WriteShipped("gmail.json", ShippedGmail);
        Assert.Equal(587, Port(_folders.Load()));

        var userJson = """
            {
              "profiles": {
                "gmail": { "port": 2001, "user": "me@gmail.com" }
              }
            }
            """;
        var userFile = _folders.WriteUser("mine.json", userJson);
        var withUser = _folders.Load();
        Assert.Equal(2001, Port(withUser));
        AssertOrigin(withUser, "port", ProfileLayer.User, userFile, TemporaryProfileFolders.LineOf(userJson, "\"port\""));

        var extraJson = """{ "profiles": { "gmail": { "port": 2002 } } }""";
        var extraFile = _folders.WriteExtra("extra.json", extraJson);
        var withFile = _folders.Load(extraFile: extraFile);
        Assert.Equal(2002, Port(withFile));
        AssertOrigin(withFile, "port", ProfileLayer.ProfileFile, extraFile, 1);

        var environment = new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__GMAIL__PORT"] = "2003" };
        var withEnvironment = _folders.Load(environment, extraFile: extraFile);
        Assert.Equal(2003, Port(withEnvironment));
        AssertOrigin(withEnvironment, "port", ProfileLayer.Environment, "SMTPCONSOLE__PROFILES__GMAIL__PORT", null);

        var overrides = new Dictionary<string, string?> { ["port"] = "2004" };
        var withCommandLine = _folders.Load(environment, overrides, extraFile);
        Assert.Equal(2004, Port(withCommandLine));
        AssertOrigin(withCommandLine, "port", ProfileLayer.CommandLine, "command line", null);

        // Fields no higher layer touches keep their lower-layer value and origin.
        Assert.True(withCommandLine.TryGet("gmail", out var merged, out _));
        Assert.Equal("smtp.gmail.com", merged.Host);
        Assert.Equal("me@gmail.com", merged.User);
        AssertOrigin(withCommandLine, "host", ProfileLayer.Shipped, Path.Combine(_folders.ShippedDirectory, "gmail.json"),
            TemporaryProfileFolders.LineOf(ShippedGmail, "\"host\""));
        Assert.Empty(withCommandLine.Diagnostics);
    }

    [Fact]
    public void Profiles_list_is_without_command_line_overrides_but_try_get_applies_them()
    {
        _folders.WriteShipped("gmail.json", ShippedGmail);
        var catalog = _folders.Load(overrides: new Dictionary<string, string?> { ["host"] = "smtp.example.net" });

        Assert.Equal("smtp.gmail.com", Assert.Single(catalog.Profiles).Host);
        Assert.True(catalog.TryGet("gmail", out var selected, out _));
        Assert.Equal("smtp.example.net", selected.Host);
    }

    [Fact]
    public void A_higher_layer_list_replaces_the_lower_list_instead_of_merging_by_index()
    {
        _folders.WriteShipped("gmail.json", ShippedGmail);
        _folders.WriteUser("mine.json", """{ "profiles": { "gmail": { "authMechanisms": [ "plain" ] } } }""");

        Assert.True(_folders.Load().TryGet("gmail", out var profile, out _));

        Assert.Equal(["PLAIN"], profile.AuthMechanisms);
    }

    [Fact]
    public void The_secret_object_is_taken_whole_from_the_highest_layer()
    {
        _folders.WriteShipped("gmail.json", ShippedGmail);
        _folders.WriteUser("mine.json", """{ "profiles": { "gmail": { "secret": { "prompt": true } } } }""");

        Assert.True(_folders.Load().TryGet("gmail", out var profile, out _));

        Assert.Equal(new ProfileSecretSource(null, true), profile.Secret);
    }

    [Fact]
    public void A_profile_only_in_the_user_folder_is_listed_as_user()
    {
        _folders.WriteShipped("gmail.json", ShippedGmail);
        _folders.WriteUser("relay.json", """
            { "profiles": { "office-relay": { "host": "relay.example.com", "port": 25, "security": "plain" } } }
            """);

        var catalog = _folders.Load(new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__GMAIL__PORT"] = "465" });

        Assert.True(catalog.TryGet("office-relay", out var relay, out _));
        Assert.Equal(SecurityMode.Plain, relay.Security);
        Assert.Equal("user", catalog.DescribeDefinition("office-relay"));
        Assert.Equal("shipped, env", catalog.DescribeDefinition("gmail"));
    }

    [Fact]
    public void Two_files_of_one_layer_defining_the_same_profile_warn_and_the_later_file_wins()
    {
        _folders.WriteShipped("a.json", """{ "profiles": { "dup": { "host": "a.example", "port": 25, "security": "plain" } } }""");
        var second = _folders.WriteShipped("b.json", """{ "profiles": { "dup": { "host": "b.example" } } }""");

        var catalog = _folders.Load();

        Assert.True(catalog.TryGet("dup", out var profile, out _));
        Assert.Equal("b.example", profile.Host);
        var warning = Assert.Single(catalog.Diagnostics);
        Assert.Equal(ProfileDiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(second, warning.File);
        Assert.Contains("also defined in", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_profile_file_is_an_error_but_the_other_layers_still_load()
    {
        _folders.WriteShipped("gmail.json", ShippedGmail);

        var missing = Path.Combine(_folders.Root, "nope.json");
        var catalog = _folders.Load(extraFile: missing);

        var error = Assert.Single(catalog.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal(missing, error.File);
        Assert.True(catalog.TryGet("gmail", out _, out _));
    }

    [Fact]
    public void A_missing_user_folder_is_normal_but_a_missing_shipped_folder_is_reported()
    {
        var catalog = ProfileCatalog.Load(new ProfileSources
        {
            ShippedDirectory = Path.Combine(_folders.Root, "no-shipped"),
            UserDirectory = Path.Combine(_folders.Root, "no-user"),
            Environment = new Dictionary<string, string>(),
        });

        var warning = Assert.Single(catalog.Diagnostics);
        Assert.Equal(ProfileDiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("shipped profiles folder was not found", warning.Message, StringComparison.Ordinal);
        Assert.Contains(catalog.SearchedLocations, location => location.Contains("no-user", StringComparison.Ordinal) && location.Contains("not found", StringComparison.Ordinal));
    }

    private static int? Port(ProfileCatalog catalog) =>
        catalog.TryGet("gmail", out var profile, out _) ? profile.Port : null;

    private static void AssertOrigin(ProfileCatalog catalog, string field, ProfileLayer layer, string source, int? line)
    {
        var origin = Assert.Single(catalog.Explain("gmail"), candidate => candidate.Field == field);
        Assert.Equal(layer, origin.Layer);
        Assert.Equal(source, origin.Source);
        Assert.Equal(line, origin.Line);
    }
}
