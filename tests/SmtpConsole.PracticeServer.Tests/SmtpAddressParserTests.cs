namespace SmtpConsole.PracticeServer.Tests;

public sealed class SmtpAddressParserTests
{
    [Theory]
    [InlineData("<demo@practice.smtpconsole.test>", "demo@practice.smtpconsole.test", "practice.smtpconsole.test")]
    [InlineData("demo@practice.smtpconsole.test", "demo@practice.smtpconsole.test", "practice.smtpconsole.test")]
    [InlineData("<postmaster>", "postmaster", null)]
    [InlineData("<@a.example,@b.example:user@c.example>", "user@c.example", "c.example")]
    [InlineData("<first.last+tag@sub.example.org>", "first.last+tag@sub.example.org", "sub.example.org")]
    [InlineData("<\"odd @ name\"@example.org>", "\"odd @ name\"@example.org", "example.org")]
    [InlineData("<user@[IPv6:::1]>", "user@[IPv6:::1]", "[IPv6:::1]")]
    [InlineData("<δοκιμή@παράδειγμα.δοκιμή>", "δοκιμή@παράδειγμα.δοκιμή", "παράδειγμα.δοκιμή")]
    public void Accepts_mailboxes(string word, string address, string? domain)
    {
        Assert.True(SmtpAddressParser.TryParse(word, allowEmpty: false, out var parsed, out var parsedDomain));
        Assert.Equal(address, parsed);
        Assert.Equal(domain, parsedDomain);
    }

    [Theory]
    [InlineData("<>")]
    [InlineData("<@x.example:>")]
    public void Empty_address_only_when_allowed(string word)
    {
        Assert.True(SmtpAddressParser.TryParse(word, allowEmpty: true, out var address, out _));
        Assert.Equal("", address);
        Assert.False(SmtpAddressParser.TryParse(word, allowEmpty: false, out _, out _));
    }

    [Theory]
    [InlineData("<")]
    [InlineData("<a@b")]
    [InlineData("a@b>")]
    [InlineData("<a b@c>")]
    [InlineData("<a@b c>")]
    [InlineData("<a@>")]
    [InlineData("<@>")]
    [InlineData("<a@b..>")]
    [InlineData("<a@.b>")]
    [InlineData("<a@123>")]
    [InlineData("<a@[1.2.3]>")]
    [InlineData("<a,b@c>")]
    [InlineData("<a@b:c>")]
    [InlineData("<a@-b>")]
    [InlineData("<a@[]>")]
    [InlineData("<\"unclosed@b>")]
    [InlineData("<\"q\"x@b>")]
    [InlineData("<a<b@c>")]
    public void Rejects_non_mailboxes(string word)
    {
        Assert.False(SmtpAddressParser.TryParse(word, allowEmpty: true, out _, out _));
    }

    // Postfix 3.7 (non-strict) accepts all of these; the practice server must not be stricter than the real thing.
    [Theory]
    [InlineData("<a.@b.example>", "b.example", false)]
    [InlineData("<.a@b.example>", "b.example", false)]
    [InlineData("<a..b@b.example>", "b.example", false)]
    [InlineData("<b@b.example.>", "b.example", false)]
    [InlineData("<@b.example>", "b.example", false)]
    [InlineData("<a@b_c.example>", "b_c.example", false)]
    [InlineData("<<a@b.example>>", "b.example", false)]
    [InlineData("<a(comment)@b.example>", "b.example", false)]
    [InlineData("<a@@b.example>", "b.example", true)]
    [InlineData("<a@x@b.example>", "b.example", true)]
    [InlineData("<a%x@b.example>", "b.example", true)]
    [InlineData("<a!x@b.example>", "b.example", true)]
    public void Accepts_what_postfix_accepts_and_flags_routing(string word, string domain, bool routed)
    {
        Assert.True(SmtpAddressParser.TryParse(word, allowEmpty: false, allowUtf8Domain: false, out _, out var parsedDomain, out var parsedRouted));
        Assert.Equal(domain, parsedDomain);
        Assert.Equal(routed, parsedRouted);
    }

    [Fact]
    public void Non_ascii_domain_needs_smtputf8()
    {
        Assert.False(SmtpAddressParser.TryParse("<a@ex\u00e4mple.test>", allowEmpty: false, allowUtf8Domain: false, out _, out _, out _));
        Assert.True(SmtpAddressParser.TryParse("<a@ex\u00e4mple.test>", allowEmpty: false, allowUtf8Domain: true, out _, out _, out _));
    }

    [Fact]
    public void Domain_labels_longer_than_63_characters_are_rejected()
    {
        Assert.False(SmtpAddressParser.TryParse($"a@{new string('x', 64)}.example", allowEmpty: false, out _, out _));
        Assert.True(SmtpAddressParser.TryParse($"a@{new string('x', 63)}.example", allowEmpty: false, out _, out _));
    }
}
