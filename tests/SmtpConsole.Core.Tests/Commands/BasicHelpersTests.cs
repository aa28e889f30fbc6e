using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Commands;

/// <summary>/mx and /connect mx: with an injected lookup (no DNS in tests), and the plain-command helpers.</summary>
public class BasicHelpersTests
{
    [Fact]
    public async Task Mx_ListsHostsBestFirst_FromTheInjectedLookup()
    {
        await using var h = new SessionHarness(1);
        string? asked = null;
        h.Runner.Settings = h.Runner.Settings with
        {
            LookupMx = (domain, _) =>
            {
                asked = domain;
                return Task.FromResult<IReadOnlyList<string>>(["mx1.example.test", "mx2.example.test"]);
            },
        };
        Assert.Equal(StepStatus.Ok, (await h.Runner.ExecuteAsync("/mx example.test")).Status);
        Assert.Equal("example.test", asked);
        Assert.Contains(h.Sink.Events, e => e.Text == "MX for example.test: mx1.example.test, mx2.example.test");
    }

    [Fact]
    public async Task Mx_NoRecordsOrLookupFailure_FailsInWords()
    {
        await using var h = new SessionHarness(1);
        h.Runner.Settings = h.Runner.Settings with { LookupMx = (_, _) => Task.FromResult<IReadOnlyList<string>>([]) };
        Assert.Equal(StepStatus.Failed, (await h.Runner.ExecuteAsync("/mx nomx.example.test")).Status);
        Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Error && e.Text.Contains("has no MX records"));
        h.Runner.Settings = h.Runner.Settings with { LookupMx = (_, _) => throw new InvalidOperationException("SERVFAIL") };
        Assert.Equal(StepStatus.Failed, (await h.Runner.ExecuteAsync("/mx broken.example.test")).Status);
        Assert.Contains(h.Sink.Events, e => e.Text.Contains("MX lookup for broken.example.test failed: SERVFAIL"));
    }

    [Fact]
    public async Task ConnectMx_ConnectsToTheBestMx()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port);
        h.Runner.Settings = h.Runner.Settings with { LookupMx = (_, _) => Task.FromResult<IReadOnlyList<string>>(["127.0.0.1", "192.0.2.1"]) };
        var outcome = await h.Runner.ExecuteAsync($"/connect mx:mini.test {server.Port} --plain");
        Assert.Equal(StepStatus.Ok, outcome.Status);
        Assert.Contains(h.Sink.Events, e => e.Text == "connecting to the best MX of mini.test: 127.0.0.1");
        Assert.Equal(220, outcome.Result!.Reply!.Code);
    }

    [Fact]
    public async Task PlainCommandHelpers_SendTheirCommands()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port);
        await h.Runner.ConnectToAsync(h.Options);
        foreach (var line in new[] { "/rset", "/noop", "/vrfy bob", "/expn staff" }) await h.Runner.ExecuteAsync(line);
        Assert.Equal(["RSET", "NOOP", "VRFY bob", "EXPN staff"], h.Sink.OfKind(TranscriptEventKind.Send).Select(e => e.Text));
        Assert.Equal(502, h.Runner.LastResult!.Reply!.Code);
        Assert.Equal(StepStatus.Ok, (await h.Runner.ExecuteAsync("/help compose")).Status);
        Assert.Contains(h.Sink.Events, e => e.Kind == TranscriptEventKind.Info && e.Text.StartsWith("/compose --from", StringComparison.Ordinal));
        Assert.Throws<CommandSyntaxException>(() => CommandLineParser.Parse("/vrfy"));
    }
}
