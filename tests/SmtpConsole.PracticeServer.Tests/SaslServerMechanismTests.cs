using System.Security.Cryptography;
using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

public sealed class SaslServerMechanismTests
{
    private static readonly IReadOnlyList<PracticeAccount> Accounts = [PracticeAccount.Demo, PracticeAccount.Learner];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("plain", "PLAIN")]
    [InlineData("Login", "LOGIN")]
    [InlineData("cram-md5", "CRAM-MD5")]
    public void Creates_the_offered_mechanisms_case_insensitively(string name, string expected)
    {
        Assert.Equal(expected, SaslServerMechanism.Create(name, Accounts, "h.test")?.Name);
    }

    [Fact]
    public void Unknown_mechanisms_are_not_created()
    {
        Assert.Null(SaslServerMechanism.Create("GSSAPI", Accounts, "h.test"));
        Assert.Equal(["PLAIN", "LOGIN", "CRAM-MD5"], SaslServerMechanism.SupportedNames);
    }

    [Fact]
    public void Plain_checks_the_three_part_message()
    {
        var plain = new PlainSaslMechanism(Accounts);
        Assert.Equal("demo", plain.Start(Utf8("\0demo\0practice")).UserName);
        Assert.True(plain.Start(Utf8("\0demo\0practice\0extra")).Failed);
        Assert.True(plain.Start(Utf8("demo\0practice")).Failed);
        var failure = plain.Start(Utf8("\0demo\0nope"));
        Assert.True(failure.Failed);
        Assert.Equal("demo", failure.AttemptedUserName);
    }

    [Fact]
    public void Login_asks_in_the_traditional_words()
    {
        var login = new LoginSaslMechanism(Accounts);
        Assert.Equal("Username:", Encoding.ASCII.GetString(login.Start(null).Challenge!));
        Assert.Equal("Password:", Encoding.ASCII.GetString(login.Continue(Utf8("learner")).Challenge!));
        Assert.Equal("learner", login.Continue(Utf8("smtp-is-fun")).UserName);
    }

    [Fact]
    public void Cram_md5_challenges_differ_and_verify_with_hmac_md5()
    {
        var first = new CramMd5SaslMechanism(Accounts, "h.test");
        var second = new CramMd5SaslMechanism(Accounts, "h.test");
        var challenge = first.Start(null).Challenge!;
        Assert.NotEqual(challenge, second.Start(null).Challenge!);
        Assert.EndsWith("@h.test>", first.ChallengeText);

        var digest = Convert.ToHexString(HMACMD5.HashData("practice"u8, challenge));
        Assert.Equal("demo", first.Continue(Utf8($"demo {digest}")).UserName);
        Assert.True(second.Continue(Utf8($"demo {digest}")).Failed);
        Assert.True(second.Continue(Utf8("nospace")).Failed);
        Assert.True(second.Continue(Utf8($"nobody {digest}")).Failed);
    }
}
