using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Commands;

/// <summary>
/// Issue 19 §2: ORCPT=utf-8;… (RFC 6533 utf-8-addr) is not xtext. It used to be flagged as invalid xtext with a
/// "+CF+89" rewrite that no server expects; it must go as typed, and only rfc822; is checked as xtext.
/// </summary>
public class Utf8OriginalRecipientTests
{
    [Theory]
    [InlineData("ORCPT=utf-8;\u03c9mega@example.test")]
    [InlineData("ORCPT=UTF-8;j\u00f6rg@b\u00fccher.example")]
    [InlineData("ORCPT=utf-8;a\\x{2B}tag@example.test")]
    [InlineData("ORCPT=utf-8;caf\\x{E9}@example.test")]
    public void Utf8_addr_as_typed_has_no_problem(string parameters) =>
        Assert.Empty(MailParameters.Check("RCPT", parameters));

    [Theory]
    [InlineData("ORCPT=utf-8;a+tag@example.test", "\\x{2B}")]
    [InlineData("ORCPT=utf-8;a=b@example.test", "\\x{3D}")]
    [InlineData("ORCPT=utf-8;a\\b@example.test", "\\x{5C}")]
    public void Characters_utf8_addr_must_escape_are_named_with_their_escape(string parameters, string escape)
    {
        var problem = Assert.Single(MailParameters.Check("RCPT", parameters));
        Assert.Contains(escape, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("xtext", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfc822_is_still_checked_as_xtext()
    {
        var problem = Assert.Single(MailParameters.Check("RCPT", "ORCPT=rfc822;\u03c9mega@example.test"));
        Assert.Contains("ORCPT=rfc822;+CF+89mega@example.test", problem, StringComparison.Ordinal);
    }
}
