using System.Text;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Sasl;
using SmtpConsole.Core.Tests.Hostile;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;
using Connection = SmtpConsole.Testing.ScriptedSmtpServer.ServerConnection;

namespace SmtpConsole.Core.Tests.Secrets;

/// <summary>
/// Issue 13 item 2: raw AUTH lines are recognised by SMTP whitespace (space or tab, any run), a lost tab still masks,
/// every answer to a 334 is secret unless the console itself started a bare AUTH LOGIN (never judged from the
/// challenge text), SASL answers inside /pipeline are masked, and the plaintext-consent check covers all of them.
/// </summary>
public class RawAuthMaskingTests
{
    private const string Password = "Tab-Pa55-w0rd";
    private static readonly string PlainResponse = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0alice\0" + Password));
    private static readonly string PasswordB64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Password));

    [Theory]
    [InlineData("AUTH\tPLAIN\tAGFsaWNl", true)]
    [InlineData("AUTH  \t PLAIN \t AGFsaWNl", true)]
    [InlineData("AUTH PLAINAGFsaWNlAHBhc3M=", true)]
    [InlineData("AUTHPLAIN AGFsaWNl", true)]
    [InlineData("auth\tplain", false)]
    [InlineData("AUTH LOGIN", false)]
    [InlineData("AUTH CRAM-MD5", false)]
    [InlineData("AUTH X-UNKNOWN-MECH", true)]
    [InlineData("MAIL FROM:<a@b>", false)]
    public void MayHoldSecret_BySmtpWhitespace(string line, bool secret) => Assert.Equal(secret, AuthCommandLine.MayHoldSecret(line));

    [Fact]
    public void Annotate_AdvertisedMechanismIsNotTakenForAGluedSecret() =>
        Assert.False(AuthCommandLine.Annotate("AUTH X-VENDOR", ["X-VENDOR"]).Secret);

    /// <summary>Answers AUTH with the given challenges one by one, then 235; records every line.</summary>
    private static Func<Connection, Task> AuthServer(params string[] challenges) => async c =>
    {
        await c.SendAsync(HostileScenarios.Greeting);
        int step = -1;
        while (await c.ReadLineAsync() is { } line)
        {
            if (step >= 0)
            {
                step++;
                await c.SendAsync(step < challenges.Length ? $"334 {challenges[step]}\r\n" : "235 2.7.0 Authentication successful\r\n");
                if (step >= challenges.Length) step = -1;
                continue;
            }
            if (line.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase) && AuthCommandLine.Words(line).Length <= 2 && challenges.Length > 0)
            {
                step = 0;
                await c.SendAsync($"334 {challenges[0]}\r\n");
                continue;
            }
            await c.SendAsync(line.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase) ? "235 2.7.0 Authentication successful\r\n" : HostileScenarios.OkTo(line));
        }
    };

    private static void AssertNowhere(HostileHarness h, params string[] secrets)
    {
        string text = h.ReadText(), json = h.ReadJson(), dump = h.Sink.Dump();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(secret, json);
            Assert.DoesNotContain(secret, dump);
        }
    }

    [Theory]
    [InlineData("AUTH\tPLAIN\t{0}")]
    [InlineData("AUTH \t PLAIN  {0}")]
    [InlineData("AUTH PLAIN{0}")]
    [InlineData("AUTHPLAIN {0}")]
    public async Task RawAuthLine_TabsOrLostSeparator_MaskedEverywhere(string form)
    {
        await using var server = new ScriptedSmtpServer(AuthServer());
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Runner.ConnectToAsync(h.Options));
        string line = string.Format(System.Globalization.CultureInfo.InvariantCulture, form, PlainResponse);

        await Bounded(h.Runner.ExecuteAsync(line));

        Assert.Contains(line, server.Received);
        var sent = Assert.Single(h.Sink.OfKind(TranscriptEventKind.Send), e => e.Text.StartsWith("AUTH", StringComparison.Ordinal));
        Assert.True(sent.Secret);
        AssertNowhere(h, PlainResponse, PlainResponse[4..20]);
    }

    [Theory]
    [InlineData("AUTH\tPLAIN\t{0}")]
    [InlineData("AUTH PLAIN{0}")]
    public async Task RawAuthLine_NoTlsNoConsent_NothingSent(string form)
    {
        await using var server = new ScriptedSmtpServer(AuthServer());
        await using var h = new HostileHarness(server.Port, allowPlaintextAuth: false);
        await Bounded(h.Runner.ConnectToAsync(h.Options));

        var outcome = await Bounded(h.Runner.ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, form, PlainResponse)));

        Assert.Equal(StepStatus.Failed, outcome.Status);
        Assert.DoesNotContain(server.Received, l => l.Contains(PlainResponse, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CramMd5ChallengeSayingLogin_ProofStillMasked()
    {
        // The challenge text decodes to "<login@username.example>": it must not make the proof look like a user name.
        string challenge = Convert.ToBase64String(Encoding.UTF8.GetBytes("<login.user.name@username.example>"));
        await using var server = new ScriptedSmtpServer(AuthServer(challenge));
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Runner.ConnectToAsync(h.Options));
        string proof = Convert.ToBase64String(Encoding.UTF8.GetBytes("alice 3f2a9c0d1e8b7a6c5d4e3f2a1b0c9d8e"));

        await Bounded(h.Runner.ExecuteAsync("AUTH CRAM-MD5"));
        await Bounded(h.Runner.ExecuteAsync(proof));

        Assert.Contains(proof, server.Received);
        AssertNowhere(h, proof);
    }

    [Fact]
    public async Task RawAuthLogin_FirstAnswerIsUserName_SecondIsSecret_WhateverThePromptsSay()
    {
        // Prompts swapped on purpose: state decides, not text.
        string userPrompt = Convert.ToBase64String(Encoding.UTF8.GetBytes("Password:"));
        string passPrompt = Convert.ToBase64String(Encoding.UTF8.GetBytes("Username:"));
        await using var server = new ScriptedSmtpServer(AuthServer(userPrompt, passPrompt));
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Runner.ConnectToAsync(h.Options));
        string userB64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("alice"));

        await Bounded(h.Runner.ExecuteAsync("AUTH\tLOGIN"));
        await Bounded(h.Runner.ExecuteAsync(userB64));
        await Bounded(h.Runner.ExecuteAsync(PasswordB64));

        var sends = h.Sink.OfKind(TranscriptEventKind.Send).ToList();
        Assert.Contains(sends, e => !e.Secret && e.Text == userB64);
        Assert.Contains(sends, e => e.Secret);
        AssertNowhere(h, PasswordB64);
    }

    [Fact]
    public async Task SaslAnswersInsidePipeline_Masked()
    {
        string userPrompt = Convert.ToBase64String(Encoding.UTF8.GetBytes("Username:"));
        string passPrompt = Convert.ToBase64String(Encoding.UTF8.GetBytes("Password:"));
        await using var server = new ScriptedSmtpServer(AuthServer(userPrompt, passPrompt));
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Runner.ConnectToAsync(h.Options));
        string userB64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("alice"));

        await Bounded(h.Runner.ExecuteAsync("AUTH LOGIN"));
        await Bounded(h.Runner.ExecuteAsync("/pipeline"));
        await Bounded(h.Runner.ExecuteAsync(userB64));
        await Bounded(h.Runner.ExecuteAsync(PasswordB64));
        await Bounded(h.Runner.ExecuteAsync("/end"));

        Assert.Contains(PasswordB64, server.Received);
        AssertNowhere(h, PasswordB64);
    }

    [Fact]
    public async Task SaslAnswersInsidePipeline_NoTlsNoConsent_NothingSent()
    {
        await using var server = new ScriptedSmtpServer(AuthServer(Convert.ToBase64String(Encoding.UTF8.GetBytes("Username:"))));
        await using var h = new HostileHarness(server.Port, allowPlaintextAuth: true);
        await Bounded(h.Runner.ConnectToAsync(h.Options));
        await Bounded(h.Runner.ExecuteAsync("AUTH LOGIN"));
        h.Runner.Settings = h.Runner.Settings with { AllowPlaintextAuth = false };

        await Bounded(h.Runner.ExecuteAsync("/pipeline"));
        await Bounded(h.Runner.ExecuteAsync(PasswordB64));
        var end = await Bounded(h.Runner.ExecuteAsync("/end"));

        Assert.Equal(StepStatus.Failed, end.Status);
        Assert.DoesNotContain(PasswordB64, server.Received);
    }

    [Fact]
    public async Task AuthWithTabInsidePipeline_Refused()
    {
        await using var server = new ScriptedSmtpServer(AuthServer());
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Runner.ConnectToAsync(h.Options));
        await Bounded(h.Runner.ExecuteAsync("/pipeline"));

        var collect = await Bounded(h.Runner.ExecuteAsync("AUTH\tPLAIN\t" + PlainResponse));

        Assert.Equal(StepStatus.UsageError, collect.Status);
        AssertNowhere(h, PlainResponse);
    }

    [Fact]
    public void MistypedHelperWithTab_ErrorNamesOnlyTheHelper()
    {
        var ex = Assert.Throws<CommandSyntaxException>(() => CommandLineParser.Parse("/atuh\tlogin\tdemo\tpractice"));
        Assert.DoesNotContain("practice", ex.Message);
    }

    [Theory]
    [InlineData("/connect smtp.example 587 --proxy socks5://user:Pr0xy-Pa55@127.0.0.1:1080")]
    [InlineData("/connect smtp.example 587 --proxy 'socks5://user:Pr0xy-Pa55@127.0.0.1:1080'")]
    [InlineData("/connect smtp.example --proxy \"http://user:Pr0xy-Pa55@proxy.example:3128\" --starttls")]
    public void ConnectWithProxyCredentials_DisplayHasNoPassword(string line) =>
        Assert.DoesNotContain("Pr0xy-Pa55", CommandLineParser.Parse(line).Display);
}
