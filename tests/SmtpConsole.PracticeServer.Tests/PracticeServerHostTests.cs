using System.Net;
using System.Text.RegularExpressions;

namespace SmtpConsole.PracticeServer.Tests;

public sealed partial class PracticeServerHostTests
{
    [GeneratedRegex(@"on 127\.0\.0\.1:(\d+)\.")]
    private static partial Regex PortPattern();

    [GeneratedRegex(@"PEM file to trust it: (\S+)")]
    private static partial Regex PemPattern();

    [Fact]
    public async Task Runs_in_the_foreground_until_cancelled_printing_banner_certificate_and_log()
    {
        var output = new SynchronizedLineWriter();
        var forwarded = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var run = PracticeServerHost.RunForegroundAsync(new PracticeServerOptions { Log = forwarded.Enqueue }, output, stop.Token);

        var text = await output.WaitForAsync("Press Ctrl+C to stop.");
        var port = int.Parse(PortPattern().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var pem = PemPattern().Match(text).Groups[1].Value;
        Assert.True(File.Exists(pem));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(pem));
        Assert.Matches("SHA-256 fingerprint ([0-9A-F]{2}:){31}[0-9A-F]{2}", text);
        Assert.Contains($"swaks --server 127.0.0.1 --port {port} --tls --tls-verify --tls-ca-path {pem}", text, StringComparison.Ordinal);
        Assert.Contains($"smtpconsole --cafile {pem}", text, StringComparison.Ordinal);
        Assert.Contains($"telnet 127.0.0.1 {port}", text, StringComparison.Ordinal);

        await using (var client = await RawSmtpClient.ConnectAndGreetAsync(new IPEndPoint(IPAddress.Loopback, port)))
        {
            await client.CommandAsync("HELO host.test");
            await client.CommandAsync("MAIL FROM:<>");
            await client.CommandAsync("RCPT TO:<a@practice.smtpconsole.test>");
            await client.CommandAsync("DATA");
            await client.CommandAsync("hi\r\n.");
            await client.CommandAsync("QUIT");
        }

        await output.WaitForAsync("disconnect from 127.0.0.1:");
        Assert.Matches(@"\d\d:\d\d:\d\d connect from 127\.0\.0\.1:\d+", output.Snapshot());
        Assert.Matches(@"[0-9A-F]{10}: client=127\.0\.0\.1:\d+, from=<>, to=<a@practice\.smtpconsole\.test>, size=4", output.Snapshot());

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("Stopped. 1 message(s) were received.", output.Snapshot(), StringComparison.Ordinal);
        Assert.False(File.Exists(pem));
        Assert.Contains(forwarded, line => line.StartsWith("connect from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Returns_at_once_when_already_cancelled()
    {
        var output = new SynchronizedLineWriter();
        await PracticeServerHost.RunForegroundAsync(new PracticeServerOptions(), output, new CancellationToken(canceled: true));
        Assert.Equal("", output.Snapshot());
    }
}
