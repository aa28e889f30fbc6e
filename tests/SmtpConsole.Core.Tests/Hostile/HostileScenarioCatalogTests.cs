using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// Runs every catalogued scenario headlessly from its own ClientSteps, the way another front end's tests will:
/// keeps the catalogue honest and checks the properties every scenario shares (no crash, no hang, safe and complete files).
/// </summary>
public class HostileScenarioCatalogTests
{
    public static TheoryData<string> Names() => [.. HostileScenarios.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Scenario_ClientStepsRunHeadless_NoCrashNoHangFilesCleanAndComplete(string name)
    {
        var scenario = HostileScenarios.All.Single(s => s.Name == name);
        await using var server = new ScriptedSmtpServer(scenario.Script);
        await using var h = new HostileHarness(server.Port, replyTimeout: TimeSpan.FromSeconds(2));

        foreach (var step in scenario.ClientSteps)
        {
            switch (step)
            {
                case "/connect":
                    await Bounded(h.Runner.ConnectToAsync(h.Options));
                    break;
                case "/connect --tls":
                    await Bounded(h.Runner.ConnectToAsync(h.Options with { Security = SecurityMode.Tls }));
                    break;
                case "(wait)":
                    await WaitUntil(() => !h.Session.IsConnected, "the server closes");
                    break;
                default:
                    await Bounded(h.Runner.ExecuteAsync(step.Replace("SECRET", "Catalogue-Pa55", StringComparison.Ordinal)));
                    break;
            }
        }

        Assert.NotEmpty(h.Sink.Events);
        h.AssertFilesCompleteThrough(h.Sink.Events[^1]);
        h.AssertFilesClean();
        Assert.DoesNotContain("Catalogue-Pa55", h.ReadText());
        Assert.Empty(server.Failures);
    }
}
