using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Sasl;
using SmtpConsole.Core.Tests.Hostile;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;

namespace SmtpConsole.Core.Tests.Secrets;

/// <summary>
/// By default no secret reaches a transcript file (text or JSON), a recording sink, the command history or an
/// error message: not the password, not its Base64, not the whole PLAIN/XOAUTH2 response, not a CRAM-MD5 digest,
/// SCRAM proof or DIGEST-MD5 response. Every mechanism runs a full exchange against a server that checks the maths.
/// </summary>
public class SecretsTests
{
    /// <summary>
    /// MailKit's DIGEST-MD5 and OAUTHBEARER need a service URI that only MailKit's own clients can set, so the console
    /// cannot complete them (reported; the servers here are ready for when it can). Their client steps still run,
    /// must end in a clear error rather than an exception, and are grepped like the others.
    /// </summary>
    public static TheoryData<string, InitialResponseMode> Exchanges()
    {
        var data = new TheoryData<string, InitialResponseMode>();
        foreach (var mechanism in SaslServers.Mechanisms) data.Add(mechanism, InitialResponseMode.Auto);
        data.Add("LOGIN", InitialResponseMode.Always);
        foreach (var mechanism in new[] { "PLAIN", "SCRAM-SHA-256", "XOAUTH2", "OAUTHBEARER" }) data.Add(mechanism, InitialResponseMode.Never);
        return data;
    }

    [Theory]
    [MemberData(nameof(Exchanges))]
    public async Task Auth_FullExchange_NoFormOfTheSecretInAnyArtefact(string mechanism, InitialResponseMode initial)
    {
        var capture = new SaslCapture();
        await using var server = new ScriptedSmtpServer(SaslServers.Serve(capture));
        await using var h = new HostileHarness(server.Port);
        string secret = SaslServers.UsesToken(mechanism) ? SaslServers.Token : SaslServers.Password;

        // Once through the API the TUI's helpers use…
        await Bounded(h.Session.ConnectAsync(h.Options));
        await Bounded(h.Session.EhloAsync(null));
        var direct = await Bounded(SaslAuthenticator.AuthenticateAsync(h.Session, new AuthRequest(mechanism, SaslServers.User, secret) { AllowPlaintext = true, InitialResponse = initial }));
        Assert.True(direct.Reply?.Code == 235, string.Join("; ", capture.Verdicts) + "\n" + h.Sink.Dump());
        await Bounded(h.Session.QuitAsync());

        // …and once as typed, through the command language (what history keeps is the parsed command's Display).
        string flag = initial switch { InitialResponseMode.Always => " --initial", InitialResponseMode.Never => " --no-initial", _ => string.Empty };
        string typed = $"/auth {mechanism.ToLowerInvariant()} {SaslServers.User} {secret}{flag}";
        var history = CommandLineParser.Parse(typed).Display;
        await Bounded(h.Runner.ConnectToAsync(h.Options));
        await Bounded(h.Runner.ExecuteAsync("/ehlo"));
        var step = await Bounded(h.Runner.ExecuteAsync(typed));

        Assert.True(step.Status == StepStatus.Ok, string.Join("; ", capture.Verdicts) + "\n" + h.Sink.Dump());
        Assert.Equal([mechanism + " ok", mechanism + " ok"], capture.Verdicts);
        Assert.Equal(SaslServers.User, h.Session.AuthenticatedUser);
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Send), e => e.Secret && e.Text.Contains(TranscriptEvent.RedactedText, StringComparison.Ordinal));
        Assert.True(capture.SecretForms.Count >= 1, "the server recorded no secret-bearing line, so the grep would prove nothing");
        var forms = SecretForms.Of(SaslServers.User, SaslServers.Password, SaslServers.Token, capture);
        SecretForms.AssertAbsent(forms,
        [
            ("text transcript file", h.ReadText()),
            ("JSON transcript file", h.ReadJson()),
            .. SecretForms.Rendered(h.Sink),
            ("history (command display)", history),
            ("result message", direct.Message),
            ("step message", step.Message),
        ]);
    }

    [Fact]
    public async Task ShowSecrets_FileSinksRevealTheWireLines_RecordingSinkStillMasked()
    {
        var capture = new SaslCapture();
        await using var server = new ScriptedSmtpServer(SaslServers.Serve(capture));
        await using var h = new HostileHarness(server.Port, showSecrets: true);
        await Bounded(h.Runner.ConnectToAsync(h.Options));
        await Bounded(h.Runner.ExecuteAsync("/ehlo"));

        Assert.Equal(StepStatus.Ok, (await Bounded(h.Runner.ExecuteAsync($"/auth login {SaslServers.User} {SaslServers.Password}"))).Status);
        Assert.Equal(StepStatus.Ok, (await Bounded(h.Runner.ExecuteAsync($"/auth plain {SaslServers.User} {SaslServers.Password}"))).Status);

        string passwordBase64 = SaslServers.Encode(SaslServers.Password);
        string plainLine = "AUTH PLAIN " + SaslServers.Encode($"\0{SaslServers.User}\0{SaslServers.Password}");
        foreach (var file in new[] { h.ReadText(), h.ReadJson() })
        {
            Assert.Contains(passwordBase64, file);
            Assert.Contains(plainLine, file);
        }
        SecretForms.AssertAbsent([passwordBase64, plainLine], SecretForms.Rendered(h.Sink));
    }

    [Fact]
    public async Task Auth_PlainInitialResponseUnanswered_TimeoutErrorShowsOnlyTheRedactedCommand()
    {
        await using var server = new ScriptedSmtpServer(SaslServers.SilentAfterAuthCommand);
        await using var h = new HostileHarness(server.Port, replyTimeout: TimeSpan.FromSeconds(2));
        await Bounded(h.Runner.ConnectToAsync(h.Options));

        var step = await Bounded(h.Runner.ExecuteAsync($"/auth plain {SaslServers.User} {SaslServers.Password}"));

        Assert.Equal(StepStatus.Failed, step.Status);
        var error = h.FirstError();
        Assert.StartsWith($"no reply to \"AUTH PLAIN {TranscriptEvent.RedactedText}\" within 2 s", error.Text);
        h.AssertFilesCompleteThrough(error);
        AssertNoSecretAnywhere(h, step.Message, step.Result?.Message);
    }

    [Fact]
    public async Task Auth_RawAuthPlainTypedAndConnectionClosed_ErrorShowsOnlyTheRedactedCommand()
    {
        await using var server = new ScriptedSmtpServer(SaslServers.CloseOnAuthCommand);
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Runner.ConnectToAsync(h.Options));
        string typed = "AUTH PLAIN " + SaslServers.Encode($"\0{SaslServers.User}\0{SaslServers.Password}");

        var step = await Bounded(h.Runner.ExecuteAsync(typed));

        Assert.Equal(StepStatus.Failed, step.Status);
        var error = h.FirstError();
        Assert.Equal($"the server closed the connection without replying to \"AUTH PLAIN {TranscriptEvent.RedactedText}\"", error.Text);
        AssertNoSecretAnywhere(h, step.Message, step.Result?.Message);
    }

    [Fact]
    public async Task Auth_LoginPasswordStepUnanswered_TimeoutErrorNamesNoSecret()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.SilentAfterPassword);
        await using var h = new HostileHarness(server.Port, replyTimeout: TimeSpan.FromSeconds(2));
        await Bounded(h.Runner.ConnectToAsync(h.Options));

        var step = await Bounded(h.Runner.ExecuteAsync($"/auth login {SaslServers.User} {SaslServers.Password}"));

        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.Equal($"no reply to \"{TranscriptEvent.RedactedText}\" within 2 s; the connection is still open", h.FirstError().Text);
        AssertNoSecretAnywhere(h, step.Message, step.Result?.Message);
    }

    internal static void AssertNoSecretAnywhere(HostileHarness h, params string?[] messages)
    {
        var forms = SecretForms.Of(SaslServers.User, SaslServers.Password, SaslServers.Token);
        SecretForms.AssertAbsent(forms,
        [
            ("text transcript file", h.ReadText()),
            ("JSON transcript file", h.ReadJson()),
            .. SecretForms.Rendered(h.Sink),
            .. messages.Select(m => ("message", m)),
        ]);
    }
}
