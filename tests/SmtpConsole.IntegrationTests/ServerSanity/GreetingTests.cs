using SmtpConsole.IntegrationTests.Infrastructure;

namespace SmtpConsole.IntegrationTests.ServerSanity;

[Collection(LocalServersCollection.Name)]
public sealed class GreetingTests(LocalServers servers)
{
    public static TheoryData<string> PortNames =>
    [
        nameof(ServerPorts.Smtp), nameof(ServerPorts.Submission), nameof(ServerPorts.SubmissionNoPlaintext),
        nameof(ServerPorts.SubmissionPlainAuth), nameof(ServerPorts.Smtps), nameof(ServerPorts.SmtpsExpired),
        nameof(ServerPorts.SmtpsWrongHost), nameof(ServerPorts.Aiosmtpd), nameof(ServerPorts.Sink),
    ];

    [Theory]
    [MemberData(nameof(PortNames))]
    public async Task Every_port_greets_with_220(string portName)
    {
        var port = (int)typeof(ServerPorts).GetProperty(portName)!.GetValue(servers.Ports)!;
        var implicitTls = portName.StartsWith(nameof(ServerPorts.Smtps), StringComparison.Ordinal);

        var greeting = await SmtpGreetingProbe.ReadGreetingAsync(servers.Host, port, implicitTls, TimeSpan.FromSeconds(10));

        Assert.StartsWith("220 ", greeting);
    }
}
