using CsCheck;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Core.Tests.Profiles;

public sealed class ProfileMalformedJsonTests : IDisposable
{
    private const string ValidOther = """{ "profiles": { "other": { "host": "smtp.example.org", "port": 465, "security": "tls" } } }""";

    private readonly TemporaryProfileFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void A_missing_comma_reports_file_line_and_what_was_expected_and_the_other_files_still_load()
    {
        var json = """
            {
              "profiles": {
                "broken": {
                  "host": "smtp.example.com"
                  "port": 587
                }
              }
            }
            """;
        var path = _folders.WriteUser("broken.json", json);
        _folders.WriteUser("other.json", ValidOther);

        var catalog = _folders.Load();

        var error = Assert.Single(catalog.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal(path, error.File);
        Assert.Equal(TemporaryProfileFolders.LineOf(json, "\"port\""), error.Line);
        Assert.Equal(7, error.Column);
        Assert.Contains("expected ',' or '}' after a property value", error.Message, StringComparison.Ordinal);
        Assert.Contains("skipped", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}(5,7): error: malformed JSON", error.ToString(), StringComparison.Ordinal);
        Assert.True(catalog.TryGet("other", out _, out _));
        Assert.False(catalog.Contains("broken"));
    }

    [Fact]
    public void A_missing_comma_in_an_array_says_so()
    {
        var path = _folders.WriteUser("array.json", """
            { "profiles": { "p": { "host": "h", "port": 1, "security": "plain",
              "authMechanisms": [ "PLAIN" "LOGIN" ] } } }
            """);

        var error = Assert.Single(_folders.Load().Diagnostics);

        Assert.Equal(path, error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("expected ',' or ']' after an array element", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_object_says_the_file_ends_too_early()
    {
        _folders.WriteUser("open.json", "{\n  \"profiles\": {\n    \"p\": { \"host\": \"h\"\n");

        var error = Assert.Single(_folders.Load().Diagnostics);

        Assert.Contains("ends too early", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void A_single_backslash_in_a_windows_path_gets_an_escaping_hint()
    {
        _folders.WriteUser("path.json", """
            { "profiles": { "p": { "host": "h", "port": 1, "security": "tls",
              "tls": { "caFile": "C:\Users\me\ca.pem" } } } }
            """);

        var error = Assert.Single(_folders.Load().Diagnostics);

        Assert.Equal(2, error.Line);
        Assert.Contains("backslash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_colon_and_an_unquoted_value_are_explained()
    {
        _folders.WriteUser("colon.json", """{ "profiles": { "p": { "host" "h" } } }""");
        _folders.WriteExtra("value.json", """{ "profiles": { "p": { "host": smtp.example.com } } }""");

        var colon = Assert.Single(_folders.Load().Diagnostics);
        Assert.Contains("expected ':'", colon.Message, StringComparison.Ordinal);

        var value = _folders.Load(extraFile: Path.Combine(_folders.Root, "value.json")).Diagnostics
            .Single(diagnostic => diagnostic.File!.EndsWith("value.json", StringComparison.Ordinal));
        Assert.Contains("expected a value", value.Message, StringComparison.Ordinal);
        Assert.Equal(1, value.Line);
        Assert.Equal(32, value.Column);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        _folders.WriteUser("unicode.json", "{ \"profiles\": { \"p\": { \"description\": \"邮件服务\" \"host\": \"h\" } } }");

        var error = Assert.Single(_folders.Load().Diagnostics);

        Assert.Equal(1, error.Line);
        Assert.Equal(46, error.Column);
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_its_second_occurrence()
    {
        var json = """
            {
              "profiles": {
                "p": {
                  "host": "a.example",
                  "Host": "b.example"
                }
              }
            }
            """;
        _folders.WriteUser("dup.json", json);

        var error = Assert.Single(_folders.Load().Diagnostics);

        Assert.Equal(TemporaryProfileFolders.LineOf(json, "\"Host\""), error.Line);
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n  ", "empty")]
    [InlineData("[ ]", "top level")]
    [InlineData("\"profiles\"", "top level")]
    [InlineData("{ } trailing", "after the closing")]
    public void Empty_files_and_non_object_documents_are_explained(string content, string expected)
    {
        var path = _folders.WriteUser("odd.json", content);

        var error = Assert.Single(_folders.Load().Diagnostics);

        Assert.True(error.IsError);
        Assert.Equal(path, error.File);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_trailing_commas_and_a_byte_order_mark_are_accepted()
    {
        var json = "\uFEFF" + """
            // Written by hand.
            {
              "profiles": {
                /* a relay */
                "relay": { "host": "relay.example", "port": 25, "security": "plain", },
              },
            }
            """;
        File.WriteAllText(Path.Combine(_folders.UserDirectory, "relaxed.json"), json, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var catalog = _folders.Load();

        Assert.Empty(catalog.Diagnostics);
        Assert.True(catalog.TryGet("relay", out _, out _));
    }

    [Fact]
    public void Random_file_content_never_makes_loading_throw()
    {
        var fragments = Gen.OneOf("{", "}", "[", "]", ",", ":", "\"profiles\"", "\"p\"", "\"host\"", "\"port\"", "587",
            "\"x\"", "true", "null", "\"password\"", "\"secret\"", "{\"env\":\"A\"}", " ", "\n", "\\", "//", "/*", "*/", "\u00e9", "-1");
        var documents = Gen.OneOf(
            fragments.Array[0, 40].Select(parts => string.Concat(parts)),
            Gen.String[0, 60]);

        documents.Sample(content =>
        {
            var folders = new TemporaryProfileFolders();
            try
            {
                folders.WriteUser("random.json", content);
                var catalog = folders.Load(new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__P__PORT"] = content });
                foreach (var name in catalog.Profiles.Select(profile => profile.Name).Concat(catalog.InvalidProfileNames))
                    _ = catalog.Explain(name).ToList();
            }
            finally
            {
                folders.Dispose();
            }
        }, iter: 300, threads: 1);
    }
}
