using SmtpConsole.Cli;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Tests.Cli;

public sealed class ProfileFormatterTests : IDisposable
{
    private const string Shipped = """
        {
          "profiles": {
            "gmail": {
              "description": "Gmail",
              "host": "smtp.gmail.com",
              "port": 587,
              "security": "starttls",
              "secret": { "env": "GMAIL_APP_PASSWORD", "prompt": true },
              "notes": { "connect": [ "Use an App Password." ], "failure": [ "535-5.7.8: App Password." ] },
              "docs": "https://support.google.com/mail/answer/7126229",
              "sources": [ "https://developers.google.com/gmail/imap/imap-smtp" ]
            },
            "practice": { "builtin": "practice", "security": "plain" }
          }
        }
        """;

    private readonly TemporaryProfileFolders _folders = new();

    public ProfileFormatterTests() => _folders.WriteShipped("gmail.json", Shipped);

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void The_list_has_a_header_one_row_per_profile_and_the_searched_places()
    {
        _folders.WriteUser("mine.json", """
            { "profiles": { "mine": { "host": "smtp.example.com", "port": 2525, "security": "plain" },
                            "bad": { "host": "x.example", "port": "nope", "security": "tls" } } }
            """);

        var lines = ProfileListFormatter.Format(_folders.Load(new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__GMAIL__PORT"] = "465" }));

        Assert.Matches(@"^NAME\s+HOST\s+PORT\s+SECURITY\s+DEFINED IN$", lines[0]);
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^gmail\s+smtp\.gmail\.com\s+465\s+starttls\s+shipped, env$"));
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^mine\s+smtp\.example\.com\s+2525\s+plain\s+user$"));
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^practice\s+\(built-in practice\)\s+auto\s+plain\s+shipped$"));
        Assert.Contains(lines, line => line.StartsWith("bad (invalid)", StringComparison.Ordinal) && line.Contains("nope", StringComparison.Ordinal));
        Assert.Contains("Searched:", lines);
        Assert.Contains(lines, line => line.StartsWith("  shipped: ", StringComparison.Ordinal));
        Assert.Contains("1 error, 0 warnings:", lines);
        Assert.Contains(lines, line => line.StartsWith("  ", StringComparison.Ordinal) && line.Contains("port 'nope'", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.Equal(line.TrimEnd(), line));
    }

    [Fact]
    public void Show_prints_each_value_with_where_it_came_from_then_notes_docs_and_sources()
    {
        var lines = ProfileShowFormatter.Format(
            _folders.Load(new Dictionary<string, string> { ["SMTPCONSOLE__PROFILES__GMAIL__PORT"] = "465" }, new Dictionary<string, string?> { ["user"] = "me@gmail.com" }),
            "GMAIL");

        var hostLine = TemporaryProfileFolders.LineOf(Shipped, "\"host\"");
        Assert.Equal("Profile gmail: Gmail", lines[0]);
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, $@"^  host\s+smtp\.gmail\.com\s+shipped gmail\.json:{hostLine}$"));
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^  port\s+465\s+env SMTPCONSOLE__PROFILES__GMAIL__PORT$"));
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^  user\s+me@gmail\.com\s+command line$"));
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^  secret\s+env GMAIL_APP_PASSWORD, else prompt\s+shipped gmail\.json:\d+$"));
        Assert.Contains(lines, line => line.StartsWith("When connecting (shipped gmail.json:", StringComparison.Ordinal) && line.EndsWith("):", StringComparison.Ordinal));
        Assert.Contains("  - Use an App Password.", lines);
        Assert.Contains("  - 535-5.7.8: App Password.", lines);
        Assert.Contains("Documentation: https://support.google.com/mail/answer/7126229", lines);
        Assert.Contains("  - https://developers.google.com/gmail/imap/imap-smtp", lines);
    }

    [Fact]
    public void Show_for_an_unknown_name_suggests_the_closest_names()
    {
        var lines = ProfileShowFormatter.Format(_folders.Load(), "gmial");

        Assert.Equal(["No profile named 'gmial'.", "Did you mean: gmail?", "Run 'smtpconsole profiles' to list all profiles."], lines);
    }

    [Fact]
    public void Show_for_an_invalid_profile_says_so_and_lists_its_problems()
    {
        _folders.WriteUser("bad.json", """{ "profiles": { "bad": { "host": "x.example", "port": 99999, "security": "tls" } } }""");

        var lines = ProfileShowFormatter.Format(_folders.Load(), "bad");

        Assert.Contains(lines, line => line.Contains("INVALID", StringComparison.Ordinal));
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^  port\s+99999\s+user "));
        Assert.Contains(lines, line => line.Contains("port '99999' is not a number", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_catalog_lists_no_profiles()
    {
        var catalog = ProfileCatalog.Load(new ProfileSources { Environment = new Dictionary<string, string>() });

        var lines = ProfileListFormatter.Format(catalog);

        Assert.Equal("No profiles found.", lines[0]);
    }

    [Fact]
    public void Diagnostics_print_like_compiler_messages()
    {
        var withPosition = new ProfileDiagnostic(ProfileDiagnosticSeverity.Error, "bad", "/p/x.json", 3, 7, "p");
        var withoutPosition = new ProfileDiagnostic(ProfileDiagnosticSeverity.Warning, "odd");

        Assert.Equal("/p/x.json(3,7): error: bad", withPosition.ToString());
        Assert.Equal("warning: odd", withoutPosition.ToString());
    }
}
