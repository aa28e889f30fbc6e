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
    [InlineData("<@b>")]
    [InlineData("<a@>")]
    [InlineData("<@>")]
    [InlineData("<a.@b>")]
    [InlineData("<a@b.>")]
    [InlineData("<a@b_c.example>")]
    [InlineData("<a@-b>")]
    [InlineData("<a@[]>")]
    [InlineData("<\"unclosed@b>")]
    [InlineData("<\"q\"x@b>")]
    [InlineData("<a<b@c>")]
    public void Rejects_non_mailboxes(string word)
    {
        Assert.False(SmtpAddressParser.TryParse(word, allowEmpty: true, out _, out _));
    }

    [Fact]
    public void Domain_labels_longer_than_63_characters_are_rejected()
    {
        Assert.False(SmtpAddressParser.TryParse($"a@{new string('x', 64)}.example", allowEmpty: false, out _, out _));
        Assert.True(SmtpAddressParser.TryParse($"a@{new string('x', 63)}.example", allowEmpty: false, out _, out _));
    }
}
