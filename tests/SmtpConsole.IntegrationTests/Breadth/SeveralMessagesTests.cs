using SmtpConsole.Core.Session;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Breadth;

/// <summary>More than one message per connection: each transaction starts fresh after the last one ended.</summary>
[Collection(LocalServersCollection.Name)]
public class SeveralMessagesTests(LocalServers servers)
{
    [Fact]
    public async Task DataThenBdat_InOneSession_BothDelivered()
    {
        string first = $"first {Guid.NewGuid():N}";
        string second = $"second {Guid.NewGuid():N}";
        string file = Path.Combine(Path.GetTempPath(), $"second-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(file, $"Subject: {second}\r\nFrom: {servers.Alice.Address}\r\n\r\nsent with BDAT\r\n");
        try
        {
            await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Submission, SecurityMode.StartTls));
            await h.Runner.ConnectToAsync(h.Options);
            await h.RunAsync(
                "/ehlo client.example.test",
                $"/auth scram-sha-1 {servers.Alice.Name} {servers.Alice.Password}",
                $"MAIL FROM:<{servers.Alice.Address}>", $"RCPT TO:<{servers.Bob.Address}>",
                "/data", $"Subject: {first}", "", "sent with DATA", ".",
                "/expect 250",
                $"MAIL FROM:<{servers.Alice.Address}>", $"RCPT TO:<{servers.Bob.Address}>",
                $"/bdat @{file} --chunk 20",
                "/expect 250",
                $"/compose --from {servers.Alice.Address} --to {servers.Bob.Address} --subject \"third {first}\" --text x --bdat",
                "/expect 250",
                "QUIT");
            await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(first) && !m.Contains("third"), TimeSpan.FromSeconds(20));
            await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(second), TimeSpan.FromSeconds(20));
            await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains("third " + first), TimeSpan.FromSeconds(20));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
