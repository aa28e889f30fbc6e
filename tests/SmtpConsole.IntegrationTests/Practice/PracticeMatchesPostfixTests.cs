using SmtpConsole.Core.Session;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;
using SmtpConsole.PracticeServer;

namespace SmtpConsole.IntegrationTests.Practice;

/// <summary>
/// The practice server must refuse the same mistakes with the same codes as the real Postfix, so what a
/// learner practises is what they will meet.
/// </summary>
[Collection("LocalServers")]
public class PracticeMatchesPostfixTests(LocalServers servers)
{
    public static TheoryData<string, string[], bool> Mistakes => new()
    {
        // name, lines (the last one is the mistake), needs TLS+AUTH first
        { "MAIL before EHLO", ["MAIL FROM:<a@example.test>"], false },
        { "RCPT before MAIL", ["EHLO me.example.test", "RCPT TO:<bob@example.test>"], false },
        { "DATA before RCPT", ["EHLO me.example.test", "MAIL FROM:<a@example.test>", "DATA"], false },
        { "nested MAIL", ["EHLO me.example.test", "MAIL FROM:<a@example.test>", "MAIL FROM:<a@example.test>"], false },
        { "unknown command", ["EHLO me.example.test", "FROBNICATE"], false },
        { "MAIL syntax", ["EHLO me.example.test", "MAIL FROM alice"], false },
        { "SIZE too large", ["EHLO me.example.test", "MAIL FROM:<a@example.test> SIZE=999999999999"], false },
        { "relay without AUTH", ["EHLO me.example.test", "MAIL FROM:<a@example.test>", "RCPT TO:<someone@elsewhere.invalid>"], false },
        { "wrong password", ["EHLO me.example.test", "AUTH PLAIN AHdob2V2ZXIAd3Jvbmc="], true },
        { "AUTH twice", ["EHLO me.example.test", "AUTH PLAIN {good}", "AUTH PLAIN {good}"], true },
        { "AUTH cancelled", ["EHLO me.example.test", "AUTH LOGIN", "*"], true },
        { "STARTTLS with an argument", ["EHLO me.example.test", "STARTTLS now"], false },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task SameMistake_SameCodes(string mistake, string[] lines, bool authenticated)
    {
        await using var practice = await PracticeSmtpServer.StartAsync(new PracticeServerOptions());
        var demo = practice.Accounts[0];
        var practiceReply = await LastReplyAsync(new ConnectOptions { Host = "127.0.0.1", Port = practice.Port, PinnedCertificate = practice.Certificate, TlsServerName = "localhost" },
            lines, authenticated, Plain(demo.UserName, demo.Password));
        int postfixPort = authenticated || mistake == "STARTTLS with an argument" ? servers.Ports.Submission : servers.Ports.Smtp;
        var postfixReply = await LastReplyAsync(new ConnectOptions { Host = servers.Host, Port = postfixPort, CaFile = servers.CaFile },
            lines, authenticated, Plain(servers.Alice.Name, servers.Alice.Password));
        Assert.True(practiceReply.Code == postfixReply.Code && practiceReply.Enhanced == postfixReply.Enhanced,
            $"{mistake}: practice answered '{practiceReply}', Postfix answered '{postfixReply}'");
    }

    private static string Plain(string user, string password) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"\0{user}\0{password}"));

    private static async Task<Core.Protocol.SmtpReply> LastReplyAsync(ConnectOptions options, string[] lines, bool startTls, string goodPlain)
    {
        await using var session = new SmtpSession(new Core.Transcript.TranscriptRecorder());
        var options2 = options with { ReplyTimeout = TimeSpan.FromSeconds(15), EhloName = "me.example.test" };
        Assert.Equal(220, (await session.ConnectAsync(options2)).Reply?.Code);
        if (startTls)
        {
            await session.EhloAsync("me.example.test");
            Assert.True((await session.StartTlsAsync()).Succeeded);
        }
        Core.Protocol.SmtpReply? last = null;
        foreach (var line in lines)
        {
            var result = await session.SendCommandAsync(line.Replace("{good}", goodPlain, StringComparison.Ordinal));
            last = result.Reply ?? throw new Xunit.Sdk.XunitException($"no reply to {line}: {result.Message}");
        }
        return last!;
    }
}
