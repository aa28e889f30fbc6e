using System.Security.Cryptography;
using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

/// <summary>AUTH PLAIN, LOGIN and CRAM-MD5 and their refusals.</summary>
public sealed class PracticeSessionAuthenticationTests
{
    private const string Failed = "535 5.7.8 Error: authentication failed: authentication failure";
    private const string Success = "235 2.7.0 Authentication successful";

    [Fact]
    public void Auth_before_starttls_is_refused_with_530()
    {
        var driver = new SessionDriver().Ready();
        Assert.Equal("530 5.7.0 Must issue a STARTTLS command first", driver.Send("AUTH PLAIN " + SessionDriver.Plain("demo", "practice")));
        Assert.Null(driver.Session.AuthenticatedUser);
    }

    [Fact]
    public void Auth_before_starttls_works_when_plaintext_auth_is_allowed()
    {
        var driver = new SessionDriver(new PracticeServerOptions { AllowPlaintextAuth = true }).Ready();
        Assert.Equal(Success, driver.Send("AUTH PLAIN " + SessionDriver.Plain("demo", "practice")));
    }

    [Fact]
    public void Auth_before_hello_is_a_bad_sequence()
    {
        Assert.Equal("503 5.5.1 Error: send HELO/EHLO first", new SessionDriver(tls: true).Send("AUTH PLAIN"));
    }

    [Theory]
    [InlineData("AUTH")]
    [InlineData("AUTH PLAIN a b")]
    public void Auth_syntax_errors(string command)
    {
        Assert.Equal("501 5.5.4 Syntax: AUTH mechanism", new SessionDriver(tls: true).Ready().Send(command));
    }

    [Theory]
    [InlineData("XOAUTH2")]
    [InlineData("DIGEST-MD5")]
    public void Unsupported_mechanism_is_refused_like_postfix_with_dovecot(string mechanism)
    {
        Assert.Equal(
            "535 5.7.8 Error: authentication failed: Invalid authentication mechanism",
            new SessionDriver(tls: true).Ready().Send($"AUTH {mechanism}"));
    }

    [Theory]
    [InlineData("demo", "practice")]
    [InlineData("DEMO", "practice")]
    [InlineData("learner", "smtp-is-fun")]
    public void Plain_with_initial_response_succeeds(string user, string password)
    {
        var driver = new SessionDriver(tls: true).Ready();
        Assert.Equal(Success, driver.Send("AUTH PLAIN " + SessionDriver.Plain(user, password)));
        Assert.Equal(user.ToLowerInvariant(), driver.Session.AuthenticatedUser);
    }

    [Fact]
    public void Plain_without_initial_response_sends_an_empty_challenge()
    {
        var driver = new SessionDriver(tls: true).Ready();
        var challenge = driver.Reply("auth plain");
        Assert.Equal("334 ", challenge.ToString());
        Assert.Equal(SessionAction.ReadAuthResponse, challenge.Action);
        Assert.Equal(Success, driver.Send(SessionDriver.Plain("demo", "practice")));
    }

    [Fact]
    public void Plain_with_matching_authorization_identity_succeeds_and_with_another_fails()
    {
        var driver = new SessionDriver(tls: true).Ready();
        Assert.Equal(Failed, driver.Send("AUTH PLAIN " + SessionDriver.Base64("learner\0demo\0practice")));
        Assert.Equal(Success, driver.Send("AUTH PLAIN " + SessionDriver.Base64("demo\0demo\0practice")));
    }

    [Theory]
    [InlineData("demo", "wrong")]
    [InlineData("nobody", "practice")]
    [InlineData("demo", "PRACTICE")]
    [InlineData("demo", "")]
    public void Wrong_credentials_get_535(string user, string password)
    {
        var driver = new SessionDriver(tls: true).Ready();
        Assert.Equal(Failed, driver.Send("AUTH PLAIN " + SessionDriver.Plain(user, password)));
        Assert.Null(driver.Session.AuthenticatedUser);
        Assert.Equal(1, driver.Session.ErrorCount);
    }

    [Fact]
    public void Malformed_plain_message_fails()
    {
        Assert.Equal(Failed, new SessionDriver(tls: true).Ready().Send("AUTH PLAIN " + SessionDriver.Base64("demo practice")));
    }

    [Fact]
    public void Login_asks_for_username_then_password()
    {
        var driver = new SessionDriver(tls: true).Ready();
        Assert.Equal("334 VXNlcm5hbWU6", driver.Send("AUTH LOGIN"));
        Assert.Equal("334 UGFzc3dvcmQ6", driver.Send(SessionDriver.Base64("demo")));
        Assert.Equal(Success, driver.Send(SessionDriver.Base64("practice")));
        Assert.Equal("demo", driver.Session.AuthenticatedUser);
    }

    [Fact]
    public void Login_accepts_the_username_as_initial_response()
    {
        var driver = new SessionDriver(tls: true).Ready();
        Assert.Equal("334 UGFzc3dvcmQ6", driver.Send("AUTH LOGIN " + SessionDriver.Base64("demo")));
        Assert.Equal(Failed, driver.Send(SessionDriver.Base64("nope")));
    }

    [Fact]
    public void Cram_md5_verifies_the_hmac_of_the_challenge()
    {
        var driver = new SessionDriver(tls: true).Ready();
        var challengeLine = driver.Send("AUTH CRAM-MD5");
        Assert.StartsWith("334 ", challengeLine);
        var challenge = Encoding.ASCII.GetString(Convert.FromBase64String(challengeLine[4..]));
        Assert.Matches($"^<[0-9]+\\.[0-9]+@{SessionDriver.Host.Replace(".", "\\.", StringComparison.Ordinal)}>$", challenge);

        var digest = Convert.ToHexStringLower(HMACMD5.HashData("smtp-is-fun"u8, Encoding.ASCII.GetBytes(challenge)));
        Assert.Equal(Success, driver.Send(SessionDriver.Base64($"learner {digest}")));
        Assert.Equal("learner", driver.Session.AuthenticatedUser);
    }

    [Fact]
    public void Cram_md5_with_a_wrong_digest_fails()
    {
        var driver = new SessionDriver(tls: true).Ready();
        driver.Send("AUTH CRAM-MD5");
        Assert.Equal(Failed, driver.Send(SessionDriver.Base64("demo 0123456789abcdef0123456789abcdef")));
    }

    [Fact]
    public void Cram_md5_ignores_an_initial_response_and_sends_its_challenge_like_postfix()
    {
        var reply = new SessionDriver(tls: true).Ready().Send("AUTH CRAM-MD5 " + SessionDriver.Base64("demo x"));
        Assert.StartsWith("334 ", reply, StringComparison.Ordinal);
        Assert.Matches("^<[0-9]+\\.[0-9]+@", System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(reply[4..])));
    }

    [Fact]
    public void Star_aborts_the_exchange()
    {
        var driver = new SessionDriver(tls: true).Ready();
        driver.Send("AUTH LOGIN");
        Assert.Equal("501 5.7.0 Authentication aborted", driver.Send("*"));
        Assert.Equal("250 2.0.0 Ok", driver.Send("NOOP"));
    }

    [Fact]
    public void Invalid_base64_is_refused_like_postfix_with_dovecot()
    {
        var driver = new SessionDriver(tls: true).Ready();
        Assert.Equal("535 5.7.8 Error: authentication failed: Invalid base64 data in initial response", driver.Send("AUTH PLAIN not*base64"));
        driver.Send("AUTH LOGIN");
        Assert.Equal("535 5.7.8 Error: authentication failed: Invalid base64 data in continued response", driver.Send("%%%"));
    }

    [Fact]
    public void Equals_sign_is_an_empty_initial_response()
    {
        var driver = new SessionDriver(tls: true).Ready();
        Assert.Equal(Failed, driver.Send("AUTH PLAIN ="));
    }

    [Fact]
    public void Auth_after_success_is_a_bad_sequence()
    {
        var driver = new SessionDriver(tls: true).Ready(authenticate: true);
        Assert.Equal("503 5.5.1 Error: already authenticated", driver.Send("AUTH LOGIN"));
    }

    [Fact]
    public void Auth_during_a_transaction_is_a_bad_sequence()
    {
        var driver = new SessionDriver(tls: true).Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        Assert.Equal("503 5.5.1 Error: MAIL transaction in progress", driver.Send("AUTH PLAIN"));
    }

    [Fact]
    public void Overlong_sasl_response_aborts_with_postfix_text()
    {
        var driver = new SessionDriver(tls: true).Ready();
        driver.Send("AUTH LOGIN");
        Assert.Equal("500 5.5.6 SASL response limit exceeded", driver.Session.RejectOverlongLine().ToString());
        Assert.Equal("250 2.0.0 Ok", driver.Send("NOOP"));
    }

    [Fact]
    public void Custom_accounts_replace_the_defaults()
    {
        var driver = new SessionDriver(new PracticeServerOptions { Accounts = [new PracticeAccount("alice", "s3cret")] }, tls: true).Ready();
        Assert.Equal(Failed, driver.Send("AUTH PLAIN " + SessionDriver.Plain("demo", "practice")));
        Assert.Equal(Success, driver.Send("AUTH PLAIN " + SessionDriver.Plain("alice", "s3cret")));
    }
}
