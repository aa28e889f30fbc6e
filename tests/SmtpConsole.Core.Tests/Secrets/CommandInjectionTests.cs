using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Tests.Hostile;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;

namespace SmtpConsole.Core.Tests.Secrets;

/// <summary>
/// CR or LF smuggled into a helper argument, a variable, a body line or a connection default must never put a second
/// command on the wire: each is refused and the server receives nothing it was not meant to.
/// </summary>
public class CommandInjectionTests
{
    private const string Injected = "RCPT TO:<victim@evil.test>";

    public static TheoryData<string> InjectingLines() =>
    [
        $"NOOP\r\n{Injected}",
        $"NOOP\n{Injected}",
        $"MAIL FROM:<a@b>\r{Injected}",
        $"/ehlo \"client\r\n{Injected}\"",
        $"/helo 'client\n{Injected}'",
        $"/vrfy \"postmaster\r\n{Injected}\"",
        $"/auth login alice \"secret\r\n{Injected}\"",
        $"/auth plain \"al\nice\" secret",
        $"/auth xoauth2 alice \"token\0{Injected}\"",
        $"/connect \"127.0.0.1\r\n{Injected}\"",
    ];

    [Theory]
    [MemberData(nameof(InjectingLines))]
    public async Task Execute_LineWithCrLfOrNul_RefusedAndNothingInjected(string line)
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.WellBehaved);
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Runner.ConnectToAsync(h.Options));

        var outcome = await Bounded(h.Runner.ExecuteAsync(line));

        Assert.Equal(StepStatus.UsageError, outcome.Status);
        Assert.Single(h.Sink.OfKind(TranscriptEventKind.Error));
        Assert.Equal(250, (await Bounded(h.Runner.ExecuteAsync("NOOP"))).Result!.Reply!.Code);
        Assert.DoesNotContain(server.Received, l => l.Contains("victim", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Received, l => l.StartsWith("AUTH", StringComparison.Ordinal));
        Assert.Equal("NOOP", server.Received[^1]);
    }

    [Fact]
    public async Task DataBodyLine_WithCrLfDotCrLf_RefusedSoNoSecondMessageIsSmuggled()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.WellBehaved);
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Runner.ConnectToAsync(h.Options));
        foreach (var step in new[] { "MAIL FROM:<a@b>", "RCPT TO:<c@d>", "/data" }) await Bounded(h.Runner.ExecuteAsync(step));

        var smuggle = await Bounded(h.Runner.ExecuteAsync($"innocent\r\n.\r\nMAIL FROM:<x@y>\r\n{Injected}"));

        Assert.Equal(StepStatus.Failed, smuggle.Status);
        Assert.Equal(RunnerMode.DataBody, h.Runner.Mode);
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Error), e => e.Text.StartsWith("refused: the command contains a carriage return", StringComparison.Ordinal));
        Assert.Equal(StepStatus.Ok, (await Bounded(h.Runner.ExecuteAsync("."))).Status);
        Assert.DoesNotContain(server.Received, l => l.Contains("victim", StringComparison.Ordinal) || l.Contains("innocent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScriptVariable_WithCrLf_RefusedBeforeSendingEvenWhenResolverIsBypassed()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.WellBehaved);
        await using var h = new HostileHarness(server.Port);
        var document = ScriptReader.Read("EHLO me\nMAIL FROM:<${FROM}>\nRCPT TO:<c@d>\n", "inject.smtp");
        var values = new Dictionary<string, string> { ["FROM"] = $"a@b>\r\n{Injected}\r\nX:<" };

        int exit = await Bounded(new ScriptRunner(h.Runner).RunAsync(document, values, new ScriptRunOptions { Target = h.Options }));

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.DoesNotContain(server.Received, l => l.Contains("victim", StringComparison.Ordinal) || l.StartsWith("MAIL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("given")]
    [InlineData("environment")]
    [InlineData("prompt")]
    public void VariableResolver_ValueWithLineBreakOrNul_RefusedFromEverySource(string source)
    {
        foreach (var bad in new[] { "x\r\nRSET", "x\nRSET", "x\rRSET", "x\0RSET" })
        {
            var resolver = source switch
            {
                "given" => new VariableResolver(new Dictionary<string, string> { ["V"] = bad }, environment: _ => null),
                "environment" => new VariableResolver(new Dictionary<string, string>(), environment: name => name == "SMTPCONSOLE_V" ? bad : null),
                _ => new VariableResolver(new Dictionary<string, string>(), environment: _ => null, prompt: _ => bad),
            };
            var refused = Assert.Throws<ScriptSyntaxException>(() => resolver.ResolveAll(["V"], "s.smtp"));
            Assert.Contains("inject", refused.Message);
        }
    }

    [Fact]
    public async Task ConnectionDefault_EhloNameWithCrLf_RefusedOnTheWire()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.WellBehaved);
        await using var h = new HostileHarness(server.Port);
        // What a profile value ends up as: a connection default the user never typed.
        h.Runner.Settings = h.Runner.Settings with { Defaults = h.Options with { EhloName = $"client.test\r\n{Injected}" } };
        await Bounded(h.Runner.ExecuteAsync($"/connect 127.0.0.1 {server.Port}"));

        var ehlo = await Bounded(h.Runner.ExecuteAsync("/ehlo"));

        Assert.Equal(StepStatus.UsageError, ehlo.Status);
        Assert.Equal(250, (await Bounded(h.Runner.ExecuteAsync("NOOP"))).Result!.Reply!.Code);
        Assert.DoesNotContain(server.Received, l => l.Contains("victim", StringComparison.Ordinal) || l.StartsWith("EHLO", StringComparison.Ordinal));
    }
}
