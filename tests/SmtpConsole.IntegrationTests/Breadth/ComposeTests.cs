using MimeKit;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;
using SmtpConsole.IntegrationTests.Infrastructure;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Breadth;

/// <summary><c>/compose</c> through the real Postfix, checked in the delivered Maildir file with MimeKit.</summary>
[Collection(LocalServersCollection.Name)]
public class ComposeTests(LocalServers servers)
{
    [Fact]
    public async Task ChineseSubjectAndAttachment_AfterStartTlsAndAuth_ArriveIntact()
    {
        string file = Path.Combine(Path.GetTempPath(), $"季度报告-{Guid.NewGuid():N}.pdf");
        byte[] content = new byte[40_000];
        new Random(42).NextBytes(content);
        await File.WriteAllBytesAsync(file, content);
        string tag = Guid.NewGuid().ToString("N");
        string subject = $"报告 Q3 {tag}";
        try
        {
            await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Submission, SecurityMode.StartTls));
            await h.Runner.ConnectToAsync(h.Options);
            await h.RunAsync(
                "/ehlo client.example.test",
                $"/auth plain {servers.Alice.Name} {servers.Alice.Password}",
                $"/compose --from \"Alice <{servers.Alice.Address}>\" --to {servers.Bob.Address} --cc carol@example.test --subject \"{subject}\" --text \"body\" --html \"<p>hi</p>\" --attach @{file}",
                "QUIT");
            string delivered = await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(tag), TimeSpan.FromSeconds(20));
            Assert.Matches(@"(?m)^Subject: =\?utf-8\?[bBqQ]\?", delivered);
            var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(delivered)));
            Assert.Equal(subject, message.Subject);
            Assert.Equal("body", message.TextBody!.TrimEnd());
            Assert.Contains("<p>hi</p>", message.HtmlBody!);
            var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
            Assert.Equal(Path.GetFileName(file), attachment.FileName);
            using var decoded = new MemoryStream();
            attachment.Content!.DecodeTo(decoded);
            Assert.Equal(content, decoded.ToArray());
            await servers.WaitForDeliveredMessageAsync("catchall", m => m.Contains(tag), TimeSpan.FromSeconds(20));

            var sends = h.Events.Where(e => e.Kind == TranscriptEventKind.Send).Select(e => e.Text).ToList();
            Assert.Contains(sends, s => s.StartsWith($"MAIL FROM:<{servers.Alice.Address}> SIZE=", StringComparison.Ordinal));
            Assert.Contains($"RCPT TO:<{servers.Bob.Address}>", sends);
            Assert.Contains("RCPT TO:<carol@example.test>", sends);
            Assert.Contains("DATA", sends);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task EightBitText_OnPostfix_GoesAsBdatWithBody8BitMime()
    {
        await using var h = new EngineHarness(servers.EngineOptions(servers.Ports.Smtp, SecurityMode.Plain));
        string tag = Guid.NewGuid().ToString("N");
        await h.Runner.ConnectToAsync(h.Options);
        await h.RunAsync("/ehlo client.example.test", $"/compose --from {servers.Alice.Address} --to {servers.Bob.Address} --subject \"8bit {tag}\" --text \"你好，世界\\nzweite Zeile: grüße\"", "QUIT");
        var sends = h.Events.Where(e => e.Kind == TranscriptEventKind.Send).Select(e => e.Text).ToList();
        Assert.Contains(sends, s => s.StartsWith("MAIL FROM:", StringComparison.Ordinal) && s.Contains(" BODY=8BITMIME"));
        Assert.Contains(sends, s => s.StartsWith("BDAT ", StringComparison.Ordinal) && s.EndsWith(" LAST", StringComparison.Ordinal));
        Assert.DoesNotContain("DATA", sends);
        string delivered = await servers.WaitForDeliveredMessageAsync("bob", m => m.Contains(tag), TimeSpan.FromSeconds(20));
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(delivered)));
        Assert.Equal("你好，世界\nzweite Zeile: grüße", message.TextBody!.TrimEnd().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
