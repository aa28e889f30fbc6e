using SmtpConsole.Core.Profiles;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Tests.Profiles;

public sealed class ShippedProfilesTests
{
    private static readonly Lazy<ProfileCatalog> Shipped = new(() => ProfileCatalog.Load(new ProfileSources
    {
        ShippedDirectory = ShippedDirectory(),
        Environment = new Dictionary<string, string>(),
    }));

    public static TheoryData<string> ShippedProfileNames()
    {
        var names = new TheoryData<string>();
        foreach (var profile in Shipped.Value.Profiles)
            names.Add(profile.Name);
        return names;
    }

    [Fact]
    public void The_shipped_folder_is_found_from_the_test_output_directory()
    {
        var directory = ShippedDirectory();

        Assert.True(Directory.Exists(directory));
        Assert.NotEmpty(Directory.GetFiles(directory, "*.json"));
    }

    [Fact]
    public void Every_shipped_file_loads_without_any_warning_or_error()
    {
        var catalog = Shipped.Value;

        Assert.True(catalog.Diagnostics.Count == 0, string.Join(Environment.NewLine, catalog.Diagnostics));
        Assert.Empty(catalog.InvalidProfileNames);
    }

    [Theory]
    [MemberData(nameof(ShippedProfileNames))]
    public void Every_shipped_profile_has_host_port_security_and_a_cited_source(string name)
    {
        Assert.True(Shipped.Value.TryGet(name, out var profile, out _));

        if (!profile.IsBuiltin)
        {
            Assert.False(string.IsNullOrWhiteSpace(profile.Host));
            Assert.InRange(profile.Port ?? 0, 1, 65535);
        }

        Assert.True(Enum.IsDefined(profile.Security));
        Assert.False(string.IsNullOrWhiteSpace(profile.Description));
        Assert.False(string.IsNullOrWhiteSpace(profile.Provider));
        Assert.NotEmpty(profile.Sources);
        Assert.All(profile.Sources, source => Assert.False(string.IsNullOrWhiteSpace(source)));
        if (profile.Docs is not null)
            Assert.StartsWith("https://", profile.Docs, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShippedProfileNames))]
    public void Every_shipped_profile_uses_a_secret_source_never_a_literal(string name)
    {
        Assert.True(Shipped.Value.TryGet(name, out var profile, out _));

        // Profiles without a login (local sink, practice server) need no secret at all.
        if (!profile.Secret.IsNone && profile.Secret.EnvironmentVariable is { } variable)
            Assert.Matches("^[A-Z][A-Z0-9_]*$", variable);
    }

    [Theory]
    [InlineData("gmail", "smtp.gmail.com", 587, SecurityMode.StartTls)]
    [InlineData("gmail-465", "smtp.gmail.com", 465, SecurityMode.Tls)]
    [InlineData("google-workspace-relay", "smtp-relay.gmail.com", 587, SecurityMode.StartTls)]
    [InlineData("outlook-com", "smtp-mail.outlook.com", 587, SecurityMode.StartTls)]
    [InlineData("microsoft365", "smtp.office365.com", 587, SecurityMode.StartTls)]
    [InlineData("yahoo", "smtp.mail.yahoo.com", 465, SecurityMode.Tls)]
    [InlineData("yahoo-587", "smtp.mail.yahoo.com", 587, SecurityMode.StartTls)]
    [InlineData("icloud", "smtp.mail.me.com", 587, SecurityMode.StartTls)]
    [InlineData("aol", "smtp.aol.com", 465, SecurityMode.Tls)]
    [InlineData("zoho", "smtp.zoho.com", 465, SecurityMode.Tls)]
    [InlineData("zoho-587", "smtp.zoho.com", 587, SecurityMode.StartTls)]
    [InlineData("zoho-eu", "smtp.zoho.eu", 465, SecurityMode.Tls)]
    [InlineData("zoho-in", "smtp.zoho.in", 465, SecurityMode.Tls)]
    [InlineData("zoho-au", "smtp.zoho.com.au", 465, SecurityMode.Tls)]
    [InlineData("zoho-jp", "smtp.zoho.jp", 465, SecurityMode.Tls)]
    [InlineData("zoho-cn", "smtp.zoho.com.cn", 465, SecurityMode.Tls)]
    [InlineData("zoho-pro", "smtppro.zoho.com", 465, SecurityMode.Tls)]
    [InlineData("qq", "smtp.qq.com", 465, SecurityMode.Tls)]
    [InlineData("qq-587", "smtp.qq.com", 587, SecurityMode.StartTls)]
    [InlineData("exmail", "smtp.exmail.qq.com", 465, SecurityMode.Tls)]
    [InlineData("163", "smtp.163.com", 465, SecurityMode.Tls)]
    [InlineData("163-plain", "smtp.163.com", 25, SecurityMode.Plain)]
    [InlineData("126", "smtp.126.com", 465, SecurityMode.Tls)]
    [InlineData("yeah-net", "smtp.yeah.net", 465, SecurityMode.Tls)]
    [InlineData("263", "smtp.263.net", 465, SecurityMode.Tls)]
    [InlineData("aliyun", "smtp.aliyun.com", 465, SecurityMode.Tls)]
    [InlineData("aliyun-enterprise", "smtp.qiye.aliyun.com", 465, SecurityMode.Tls)]
    [InlineData("sina", "smtp.sina.com", 465, SecurityMode.Tls)]
    [InlineData("ses", "email-smtp.${region}.amazonaws.com", 587, SecurityMode.StartTls)]
    [InlineData("sendgrid", "smtp.sendgrid.net", 587, SecurityMode.StartTls)]
    [InlineData("mailgun", "smtp.mailgun.org", 587, SecurityMode.StartTls)]
    [InlineData("mailgun-eu", "smtp.eu.mailgun.org", 587, SecurityMode.StartTls)]
    [InlineData("postmark", "smtp.postmarkapp.com", 587, SecurityMode.StartTls)]
    [InlineData("brevo", "smtp-relay.brevo.com", 587, SecurityMode.StartTls)]
    [InlineData("mailtrap-sandbox", "sandbox.smtp.mailtrap.io", 2525, SecurityMode.StartTls)]
    [InlineData("mailtrap-live", "live.smtp.mailtrap.io", 587, SecurityMode.StartTls)]
    [InlineData("local-sink", "localhost", 1025, SecurityMode.Plain)]
    [InlineData("local-postfix", "127.0.0.1", 2587, SecurityMode.StartTls)]
    [InlineData("local-postfix-smtps", "127.0.0.1", 2465, SecurityMode.Tls)]
    public void Shipped_profile_has_the_documented_endpoint(string name, string host, int port, SecurityMode security)
    {
        Assert.True(Shipped.Value.TryGet(name, out var profile, out _), name);

        Assert.Equal(host, profile.Host);
        Assert.Equal(port, profile.Port);
        Assert.Equal(security, profile.Security);
    }

    [Theory]
    [InlineData("qq")]
    [InlineData("163")]
    [InlineData("icloud")]
    [InlineData("microsoft365")]
    public void Providers_that_reject_a_foreign_from_say_so(string name)
    {
        Assert.True(Shipped.Value.TryGet(name, out var profile, out _));

        Assert.True(profile.FromMustEqualLogin);
        Assert.NotEmpty(profile.Notes.Connect);
        Assert.NotEmpty(profile.Notes.Failure);
    }

    [Fact]
    public void Provider_specific_login_rules_are_in_the_profiles()
    {
        var catalog = Shipped.Value;

        Assert.True(catalog.TryGet("sendgrid", out var sendGrid, out _));
        Assert.Equal("apikey", sendGrid.User);
        Assert.True(catalog.TryGet("mailtrap-live", out var mailtrap, out _));
        Assert.Equal("api", mailtrap.User);
        Assert.True(catalog.TryGet("gmail", out var gmail, out _));
        Assert.Contains(gmail.Notes.Connect, note => note.Contains("App Password", StringComparison.Ordinal));
        Assert.True(catalog.TryGet("qq", out var qq, out _));
        Assert.Contains(qq.Notes.Connect, note => note.Contains("authorization code", StringComparison.Ordinal));
        Assert.True(catalog.TryGet("ses", out var ses, out _));
        Assert.True(ses.Variables.ContainsKey("region"));
    }

    [Fact]
    public void The_practice_profile_is_built_in_without_host_or_port()
    {
        Assert.True(Shipped.Value.TryGet("practice", out var practice, out _));

        Assert.Equal("practice", practice.Builtin);
        Assert.Null(practice.Host);
        Assert.Null(practice.Port);
    }

    [Fact]
    public void The_local_postfix_profiles_trust_the_test_ca_relative_to_the_current_directory()
    {
        foreach (var name in new[] { "local-postfix", "local-postfix-smtps" })
        {
            Assert.True(Shipped.Value.TryGet(name, out var profile, out _));
            Assert.Equal("alice", profile.User);
            Assert.Equal("tests/servers/.run/tls/ca.pem", profile.Tls.CaFile);
        }
    }

    [Fact]
    public void Every_required_provider_has_a_shipped_profile()
    {
        string[] required =
        [
            "gmail", "gmail-465", "google-workspace-relay", "outlook-com", "microsoft365", "yahoo", "icloud", "zoho",
            "zoho-eu", "zoho-in", "zoho-au", "zoho-jp", "zoho-cn", "zoho-pro", "aol", "qq", "exmail", "163", "126", "yeah-net",
            "263", "aliyun", "aliyun-enterprise", "sina", "ses", "sendgrid", "mailgun", "mailgun-eu", "postmark", "brevo",
            "mailtrap-sandbox", "mailtrap-live", "local-sink", "practice", "local-postfix", "local-postfix-smtps",
        ];

        var missing = required.Where(name => !Shipped.Value.TryGet(name, out _, out _)).ToList();

        Assert.Empty(missing);
    }

    /// <summary>Profiles whose provider the knowledge base has no entries for, and why.</summary>
    private static readonly Dictionary<string, string> ProvidersOutsideTheKnowledgeBase = new(StringComparer.Ordinal)
    {
        ["local-sink"] = "any local test sink (smtp-sink, aiosmtpd): no provider to recognise",
        ["practice"] = "the built-in practice server explains itself",
        ["mailtrap"] = "Mailtrap is not in the knowledge base yet",
    };

    /// <summary>
    /// A profile's provider is the hint explain and the TUI's hints start from: an id the knowledge base does not know
    /// was silently ignored (sina, amazon-ses, yeah, aol…), so a QQ-style 535 advice never reached that profile's user.
    /// Each shipped provider is a knowledge-base id, and the profile's own host is recognised as the same family.
    /// </summary>
    [Theory]
    [MemberData(nameof(ShippedProfileNames))]
    public void Every_shipped_profile_names_a_provider_the_knowledge_base_knows(string name)
    {
        Assert.True(Shipped.Value.TryGet(name, out var profile, out _));
        var recognizer = SmtpConsole.Core.Diagnosis.KnowledgeBase.Default.Recognizer;
        if (ProvidersOutsideTheKnowledgeBase.ContainsKey(profile.Provider!))
        {
            Assert.Null(recognizer.Find(profile.Provider));
            return;
        }
        Assert.True(recognizer.Find(profile.Provider) is not null, $"{name}: provider '{profile.Provider}' is not in providers.json");
        if (profile.Host is { } host && !host.Contains("${", StringComparison.Ordinal) && recognizer.Recognize(host, null) is { } byHost)
            Assert.True(recognizer.IsInFamily(profile.Provider!, byHost.Id) || recognizer.IsInFamily(byHost.Id, profile.Provider!),
                $"{name}: the host {host} is recognised as {byHost.Id}, the profile says {profile.Provider}");
    }

    private static string ShippedDirectory() =>
        ProfileSources.FindShippedDirectory(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The repository's profiles/ folder was not found above " + AppContext.BaseDirectory);
}
