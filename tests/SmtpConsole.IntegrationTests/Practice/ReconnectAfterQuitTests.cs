using SmtpConsole.Core.Session;
using SmtpConsole.PracticeServer;

namespace SmtpConsole.IntegrationTests.Practice;

/// <summary>
/// QUIT, then /connect again at once (two /connects in one script): the first connection's reader loop sees the
/// server close after its 221 and finishes on its own, resetting the session's capabilities. It used to do so while
/// the second connection was already reading its EHLO, so a STARTTLS the server advertised was reported missing
/// ("does not advertise STARTTLS", exit 3) — seen once in CaFileTrustTests under load. The interleaving is too rare to
/// force here (this test passes without the fix too): it guards the reconnect path, the fix is ConnectAsync waiting for
/// the previous reader loop to finish.
/// </summary>
public class ReconnectAfterQuitTests
{
    [Fact]
    public async Task QuitThenConnectAgain_TheNewConnectionKeepsWhatItsEhloSaid()
    {
        await using var practice = await PracticeSmtpServer.StartAsync(new PracticeServerOptions { IdleTimeout = TimeSpan.FromSeconds(30) });
        var options = new ConnectOptions
        {
            Host = "127.0.0.1",
            Port = practice.Port,
            Security = SecurityMode.StartTls,
            PinnedCertificate = practice.Certificate,
            TlsServerName = "localhost",
            ReplyTimeout = TimeSpan.FromSeconds(5),
            EhloName = "again.example.test",
        };
        var recorder = new Core.Transcript.TranscriptRecorder();
        await using var session = new SmtpSession(recorder);
        var failures = new List<string>();
        for (int round = 0; round < 150; round++)
        {
            var connected = await session.ConnectAsync(options);
            if (!connected.Succeeded || !session.IsTls) failures.Add($"round {round}: {connected.Failure} {connected.Message}");
            var quit = await session.QuitAsync();
            if (quit.Reply?.Code != 221) failures.Add($"round {round}: QUIT got {quit.Reply?.Code}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
