using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Core.Tests.Profiles;

public sealed class ProfileLookupTests : IDisposable
{
    private readonly TemporaryProfileFolders _folders = new();

    public ProfileLookupTests()
    {
        _folders.WriteShipped("many.json", """
            {
              "profiles": {
                "gmail": { "host": "smtp.gmail.com", "port": 587, "security": "starttls" },
                "gmail-465": { "host": "smtp.gmail.com", "port": 465, "security": "tls" },
                "zoho": { "host": "smtp.zoho.com", "port": 465, "security": "tls" },
                "zoho-eu": { "host": "smtp.zoho.eu", "port": 465, "security": "tls" },
                "qq": { "host": "smtp.qq.com", "port": 465, "security": "tls" },
                "aol": { "host": "smtp.aol.com", "port": 465, "security": "tls" },
                "microsoft365": { "host": "smtp.office365.com", "port": 587, "security": "starttls" },
                "broken": { "host": "x.example", "port": "many", "security": "tls" }
              }
            }
            """);
    }

    public void Dispose() => _folders.Dispose();

    [Theory]
    [InlineData("gmail")]
    [InlineData("GMAIL")]
    [InlineData(" Gmail ")]
    public void Lookup_is_case_insensitive_and_returns_the_defined_name(string typed)
    {
        Assert.True(_folders.Load().TryGet(typed, out var profile, out var suggestions));

        Assert.Equal("gmail", profile.Name);
        Assert.Empty(suggestions);
    }

    [Theory]
    [InlineData("gmial", "gmail")]
    [InlineData("gmai", "gmail")]
    [InlineData("zohoeu", "zoho-eu")]
    [InlineData("microsoft", "microsoft365")]
    [InlineData("office365", "microsoft365")]
    [InlineData("qqq", "qq")]
    public void An_unknown_name_suggests_the_closest_names(string typed, string expectedFirst)
    {
        var catalog = _folders.Load();

        Assert.False(catalog.TryGet(typed, out var profile, out var suggestions));

        Assert.Null(profile);
        Assert.Equal(expectedFirst, suggestions.FirstOrDefault());
    }

    [Fact]
    public void A_prefix_suggests_every_profile_starting_with_it()
    {
        Assert.False(_folders.Load().TryGet("zo", out _, out var suggestions));

        Assert.Equal(["zoho", "zoho-eu"], suggestions);
    }

    [Fact]
    public void Nothing_similar_gives_no_suggestions()
    {
        Assert.False(_folders.Load().TryGet("sendgrid", out _, out var suggestions));

        Assert.Empty(suggestions);
    }

    [Fact]
    public void An_invalid_profile_is_known_but_not_returned()
    {
        var catalog = _folders.Load();

        Assert.False(catalog.TryGet("broken", out _, out _));
        Assert.True(catalog.Contains("broken"));
        Assert.True(catalog.IsInvalid("broken"));
        Assert.Single(catalog.DiagnosticsFor("broken"));
    }

    [Theory]
    [InlineData("gmial", "gmail", 1)]
    [InlineData("gmail", "gmail", 0)]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Edit_distance_counts_adjacent_swaps_as_one(string first, string second, int expected)
    {
        Assert.Equal(expected, ProfileNameSuggester.EditDistance(first, second));
    }
}
