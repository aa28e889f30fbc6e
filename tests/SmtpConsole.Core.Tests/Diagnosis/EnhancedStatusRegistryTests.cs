using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Diagnosis;

public sealed class EnhancedStatusRegistryTests
{
    private static EnhancedStatusRegistry R => EnhancedStatusRegistry.Default;

    [Fact]
    public void AllSecurityCodesX70ToX730ArePresent()
    {
        for (int detail = 0; detail <= 30; detail++)
            Assert.NotNull(R.Lookup($"X.7.{detail}"));
    }

    [Theory]
    [InlineData("X.1.0", 10), InlineData("X.2.0", 4), InlineData("X.3.0", 6), InlineData("X.4.0", 7), InlineData("X.5.0", 6), InlineData("X.6.0", 10)]
    public void SubjectRangesArePresent(string first, int lastDetail)
    {
        string prefix = first[..4];
        for (int d = 0; d <= lastDetail; d++) Assert.NotNull(R.Lookup(prefix + d));
        Assert.NotNull(R.Lookup("X.0.0"));
    }

    [Theory]
    [InlineData("5.7.8", "Authentication credentials invalid", "RFC 4954")]
    [InlineData("5.7.9", "Authentication mechanism is too weak", "RFC 4954")]
    [InlineData("5.7.11", "Encryption required for requested authentication mechanism", "RFC 4954")]
    [InlineData("4.7.14", "Trust relationship required", "RFC 5248")]
    [InlineData("5.7.26", "Multiple authentication checks failed", "RFC 7372")]
    [InlineData("5.1.10", "Recipient address has null MX", "RFC 7505")]
    [InlineData("5.7.30", "REQUIRETLS support required", "RFC 8689")]
    [InlineData("5.3.6", "Requested priority was changed", "RFC 6710")]
    public void Lookup_ReturnsTitleAndRfc(string code, string title, string rfc)
    {
        Assert.True(EnhancedStatusCode.TryParse(code, out var parsed));
        var meaning = R.Lookup(parsed.Value);
        Assert.NotNull(meaning);
        Assert.Equal(title, meaning!.Title);
        Assert.Equal(rfc, meaning.Rfc);
        Assert.False(string.IsNullOrWhiteSpace(meaning.Description));
    }

    [Fact]
    public void ClassesAndSubjectsHaveMeanings()
    {
        foreach (int c in new[] { 2, 4, 5 }) Assert.NotNull(R.GetClass(c));
        for (int s = 0; s <= 7; s++) Assert.NotNull(R.GetSubject(s));
        Assert.Null(R.GetClass(3));
    }

    [Fact]
    public void UnknownDetail_IsNull() => Assert.Null(R.Lookup(new EnhancedStatusCode(5, 7, 139)));

    [Fact]
    public void ReplyCodeMeanings_CoverAuthCodes()
    {
        foreach (int code in new[] { 235, 334, 421, 454, 500, 501, 502, 503, 504, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555 })
            Assert.NotNull(R.GetReplyCode(code));
    }
}
