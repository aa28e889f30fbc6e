using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

public class EhloCapabilitiesTests
{
    [Fact]
    public void Parse_PostfixStyleReply_KnowsEveryExtension()
    {
        var caps = EhloCapabilities.Parse(["mail.example.test", "PIPELINING", "SIZE 10240000", "VRFY", "ETRN", "STARTTLS", "AUTH PLAIN LOGIN CRAM-MD5",
            "AUTH=PLAIN LOGIN", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING", "REQUIRETLS", "X-WEIRD foo"]);
        Assert.Equal("mail.example.test", caps.Domain);
        Assert.True(caps.Pipelining && caps.StartTls && caps.EightBitMime && caps.Dsn && caps.SmtpUtf8 && caps.Chunking && caps.EnhancedStatusCodes && caps.RequireTls);
        Assert.Equal(10240000, caps.Size);
        Assert.Equal(["PLAIN", "LOGIN", "CRAM-MD5"], caps.AuthMechanisms);
        Assert.Contains("X-WEIRD", caps.UnknownKeywords);
        Assert.Equal("foo", caps.Keywords["X-WEIRD"]);
    }

    [Fact]
    public void Parse_LegacyAuthEqualsOnly_StillFindsMechanisms()
    {
        var caps = EhloCapabilities.Parse(["smtp.163.com", "AUTH=LOGIN PLAIN"]);
        Assert.Equal(["LOGIN", "PLAIN"], caps.AuthMechanisms);
    }

    [Theory]
    [InlineData("SIZE")]
    [InlineData("SIZE abc")]
    public void Parse_SizeWithoutNumber_HasNoLimitValue(string line)
    {
        var caps = EhloCapabilities.Parse(["x", line]);
        Assert.True(caps.Has("SIZE"));
        Assert.Null(caps.Size);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-BAD")]
    [InlineData("AUTH= ")]
    [InlineData("14239347")]
    public void Parse_Garbage_IsKeptAsProblemOrIgnored_NeverThrows(string line)
    {
        var caps = EhloCapabilities.Parse(["x", line, "PIPELINING"]);
        Assert.True(caps.Pipelining);
    }

    [Fact]
    public void None_IsEmpty()
    {
        Assert.True(EhloCapabilities.None.IsEmpty);
        Assert.False(EhloCapabilities.None.Auth);
    }
}
