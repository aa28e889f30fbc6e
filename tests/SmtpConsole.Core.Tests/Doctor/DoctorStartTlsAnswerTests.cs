using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Doctor;

/// <summary>
/// The fix doctor gives when STARTTLS is answered with anything but 220: "try again later" only for a 4xx, and never
/// the knowledge base's account of a 2xx ("accepted, nothing to fix") under a FAIL.
/// </summary>
public class DoctorStartTlsAnswerTests
{
    // Like the app's hook: the knowledge base has words for any reply, a 250 included.
    private static LocalizedText? ExplainAnything(SmtpReply reply, RefusalContext context) => LocalizedText.Verbatim($"explained {reply.Code}: nothing to fix");

    private static async Task<DoctorFinding> StartTlsFindingAsync(string answer, bool withExplain)
    {
        await using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250-scripted.test\n250-STARTTLS\n250 SIZE 1000", answer);
        var doctor = new SmtpDoctor(new TranscriptRecorder(), explain: withExplain ? ExplainAnything : null);
        var report = await doctor.RunAsync(new DoctorOptions
        {
            Target = new ConnectOptions { Host = "127.0.0.1", Port = server.Port, Security = SecurityMode.StartTls, ReplyTimeout = TimeSpan.FromSeconds(5), EhloName = "client.test" },
        }).WaitAsync(TimeSpan.FromSeconds(30));
        return Assert.Single(report.Findings, f => f.Check == "STARTTLS");
    }

    [Theory]
    [InlineData("250 sure", true)]
    [InlineData("250 sure", false)]
    [InlineData("554 5.7.3 TLS not available", false)]
    [InlineData("502 5.5.1 Error: command not implemented", false)]
    public async Task NotA4xx_TheFixNeverSaysTryAgain_NorNothingToFix(string answer, bool withExplain)
    {
        var finding = await StartTlsFindingAsync(answer, withExplain);
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.DoesNotContain("nothing to fix", finding.Fix!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("try again", finding.Fix!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("retrying will not change that", finding.Fix!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A4xx_WithoutAnExplanation_MayPassWithTime()
    {
        var finding = await StartTlsFindingAsync("454 4.3.0 Try again", withExplain: false);
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.Contains("try again later", finding.Fix!, StringComparison.Ordinal);
    }
}
