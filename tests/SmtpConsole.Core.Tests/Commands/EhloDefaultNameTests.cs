using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Commands;

/// <summary>A bare <c>/ehlo</c> greets with the name the user last used, not the machine's host name.</summary>
public class EhloDefaultNameTests
{
    [Fact]
    public async Task BareEhlo_UsesTheLastTypedEhloOrHeloName_ThenTheConfiguredOne()
    {
        await using var server = new ScriptedSmtpServer(c => MiniSmtp.ServeAsync(c));
        await using var h = new SessionHarness(server.Port);
        await h.Runner.ConnectToAsync(h.Options);

        await h.Runner.ExecuteAsync("/ehlo");
        await h.Runner.ExecuteAsync("EHLO me.example");
        await h.Runner.ExecuteAsync("/ehlo");
        await h.Runner.ExecuteAsync("HELO other.example");
        await h.Runner.ExecuteAsync("/helo");
        await h.Runner.ExecuteAsync("/ehlo third.example");
        await h.Runner.ExecuteAsync("/ehlo");

        var sent = h.Sink.OfKind(TranscriptEventKind.Send).Select(e => e.Text).ToList();
        Assert.Equal(
            ["EHLO " + h.Options.EhloName, "EHLO me.example", "EHLO me.example", "HELO other.example", "HELO other.example", "EHLO third.example", "EHLO third.example"],
            sent);
    }
}
