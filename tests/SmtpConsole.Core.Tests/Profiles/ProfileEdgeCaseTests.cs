using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Core.Tests.Profiles;

public sealed class ProfileEdgeCaseTests : IDisposable
{
    private readonly TemporaryProfileFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_profile_without_a_name_is_an_error(string name)
    {
        _folders.WriteUser("noname.json", $$"""{ "profiles": { "{{name}}": { "host": "h.example", "port": 25, "security": "plain" } } }""");

        var catalog = _folders.Load();

        Assert.Contains(catalog.Diagnostics, diagnostic => diagnostic.IsError && diagnostic.Message.Contains("needs a name", StringComparison.Ordinal));
        Assert.Empty(catalog.Profiles);
    }

    [Fact]
    public void A_name_containing_a_colon_does_not_crash_the_loader()
    {
        _folders.WriteUser("colon.json", """{ "profiles": { "a:b": { "host": "h.example", "port": 25, "security": "plain" } } }""");

        var catalog = _folders.Load();

        Assert.NotEmpty(catalog.Diagnostics);
    }

    [Fact]
    public void A_huge_file_is_skipped_with_an_error()
    {
        var path = Path.Combine(_folders.UserDirectory, "huge.json");
        File.WriteAllText(path, "{ \"profiles\": {} }" + new string(' ', 5 * 1024 * 1024));

        var error = Assert.Single(_folders.Load().Diagnostics);

        Assert.Equal(path, error.File);
        Assert.Contains("larger than 4 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_as_profile_file_is_an_error()
    {
        var error = Assert.Single(_folders.Load(extraFile: _folders.UserDirectory).Diagnostics);

        Assert.Contains("names a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_with_the_real_process_environment_works()
    {
        _folders.WriteShipped("p.json", """{ "profiles": { "p": { "host": "h.example", "port": 25, "security": "plain" } } }""");

        var catalog = ProfileCatalog.Load(_folders.Sources() with { Environment = null });

        Assert.Contains(catalog.SearchedLocations, location => location == "environment: SMTPCONSOLE__* variables");
        Assert.True(catalog.Contains("p"));
    }

    [Fact]
    public void Crlf_line_endings_give_the_same_line_numbers()
    {
        var path = Path.Combine(_folders.UserDirectory, "crlf.json");
        File.WriteAllText(path, "{\r\n  \"profiles\": {\r\n    \"p\": {\r\n      \"hots\": \"x\"\r\n    }\r\n  }\r\n}\r\n");

        var warning = Assert.Single(_folders.Load().Diagnostics, diagnostic => !diagnostic.IsError);

        Assert.Equal(4, warning.Line);
        Assert.Equal(7, warning.Column);
    }
}
