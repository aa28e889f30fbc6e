using System.Net;
using System.Text.RegularExpressions;

namespace SmtpConsole.PracticeServer.Tests;

/// <summary>
/// Issue 19 §1 and issue 13 items 6 and 10: where the practice server used to answer differently from Postfix 3.7, or
/// could be abused by a local user. The side-by-side check against the real Postfix is in the integration tests
/// (PracticeMatchesPostfixTests); these pin each fix without a server.
/// </summary>
public sealed partial class PostfixParityTests
{
    [Theory]
    [InlineData(".")]
    [InlineData("*")]
    [InlineData("1")]
    [InlineData("/quit")]
    [InlineData("+YWxpY2U=")]
    [InlineData("YWxpY2U= ")]
    public void A_command_that_does_not_start_with_a_letter_gets_postfix_goodbye(string line)
    {
        var driver = new SessionDriver().Ready();
        var reply = driver.Reply(line);
        if (char.IsAsciiLetter(line[0]))
        {
            // A Base64 answer that does start with a letter is just an unknown command, as in Postfix.
            Assert.Equal("500 5.5.2 Error: command not recognized", reply.ToString());
            return;
        }

        Assert.Equal("221 2.7.0 Error: I can break rules, too. Goodbye.", reply.ToString());
        Assert.Equal(SessionAction.Close, reply.Action);
        Assert.True(driver.Session.IsClosed);
    }

    [Fact]
    public void A_nul_ends_the_command_as_in_postfix()
    {
        Assert.Equal("250 2.0.0 Ok", new SessionDriver().Ready().Send("NOOP\0x"));
    }

    [Theory]
    [InlineData("<b@@practice.smtpconsole.test>", "554 5.7.1 <b@@practice.smtpconsole.test>: Relay access denied")]
    [InlineData("<b%x@practice.smtpconsole.test>", "554 5.7.1 <b%x@practice.smtpconsole.test>: Relay access denied")]
    [InlineData("<b.@practice.smtpconsole.test>", "250 2.1.5 Ok")]
    [InlineData("<b@practice.smtpconsole.test.>", "250 2.1.5 Ok")]
    [InlineData("<@practice.smtpconsole.test>", "250 2.1.5 Ok")]
    [InlineData("<b@[127.0.0.1]>", "250 2.1.5 Ok")]
    public void Recipient_addresses_are_judged_like_postfix(string address, string expected)
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        Assert.Equal(expected, driver.Send("RCPT TO:" + address));
    }

    [Fact]
    public void Non_ascii_domain_passes_only_with_smtputf8()
    {
        var driver = new SessionDriver().Ready();
        Assert.Equal("501 5.1.7 Bad sender address syntax", driver.Send("MAIL FROM:<a@ex\u00e4mple.test>"));
        Assert.Equal("250 2.1.0 Ok", driver.Send("MAIL FROM:<a@ex\u00e4mple.test> SMTPUTF8"));
    }

    [Fact]
    public void Repeated_auth_parameter_is_accepted_like_postfix()
    {
        Assert.Equal("250 2.1.0 Ok", new SessionDriver().Ready().Send("MAIL FROM:<a@b.example> AUTH=<> AUTH=<>"));
    }

    [Fact]
    public void Unknown_mechanism_text_is_postfix_verbatim()
    {
        Assert.Equal("535 5.7.8 Error: authentication failed: Invalid authentication mechanism",
            new SessionDriver(tls: true).Ready().Send("AUTH FOO"));
    }

    [Fact]
    public void Oversize_data_gets_postfix_message_file_too_big()
    {
        var driver = new SessionDriver(new PracticeServerOptions { MaxMessageSize = 4 }).Ready();
        driver.Send("MAIL FROM:<a@b.example>");
        driver.Send("RCPT TO:<x@practice.smtpconsole.test>");
        driver.Send("DATA");
        Assert.Equal("552 5.3.4 Error: message file too big", driver.Content("12345"));
    }

    [Fact]
    public async Task Loopback_clients_are_not_held_to_the_per_client_cap()
    {
        await using var server = await ServerFixture.StartAsync(new PracticeServerOptions { MaxConnectionsPerClient = 2 });
        var clients = new List<RawSmtpClient>();
        try
        {
            // smtp-source -s 21 used to fail at the banner; Postfix exempts mynetworks, and so do we for loopback.
            for (var i = 0; i < 25; i++)
            {
                clients.Add(await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint));
            }

            Assert.Equal("250 2.0.0 Ok", await clients[^1].CommandAsync("NOOP"));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_per_client_cap_applies_when_asked_to_include_loopback()
    {
        await using var server = await ServerFixture.StartAsync(new PracticeServerOptions { MaxConnectionsPerClient = 2, LimitLoopbackClients = true });
        await using var first = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await using var second = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await using (var third = await RawSmtpClient.ConnectAsync(server.EndPoint))
        {
            Assert.Equal($"421 4.7.0 {server.HostName} Error: too many connections from 127.0.0.1", await third.ReadReplyAsync());
        }

        // The refused connection gave its slot back.
        await second.DisposeAsync();
        await Task.Delay(200);
        await using var fourth = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        Assert.Equal("250 2.0.0 Ok", await fourth.CommandAsync("NOOP"));
    }

    [Fact]
    public void Defaults_are_generous()
    {
        var options = new PracticeServerOptions();
        Assert.True(options.MaxConnections >= 100);
        Assert.Equal(50, options.MaxConnectionsPerClient);
        Assert.False(options.LimitLoopbackClients);
        Assert.True(options.EffectiveGreetingTimeout < options.IdleTimeout);
    }

    [Fact]
    public async Task A_client_that_never_greets_is_dropped_after_the_greeting_timeout_but_a_greeted_one_is_not()
    {
        await using var server = await ServerFixture.StartAsync(new PracticeServerOptions
        {
            GreetingTimeout = TimeSpan.FromMilliseconds(300),
            IdleTimeout = TimeSpan.FromSeconds(30),
        });
        await using var silent = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await using var greeted = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await greeted.CommandAsync("EHLO me.example");
        Assert.Equal($"421 4.4.2 {server.HostName} Error: timeout exceeded", await silent.ReadReplyAsync());
        Assert.True(await silent.IsClosedByServerAsync());
        await Task.Delay(600);
        Assert.Equal("250 2.0.0 Ok", await greeted.CommandAsync("NOOP"));
    }

    [Theory]
    [InlineData("evil\u001b]0;owned\u0007", @"evil\x{1B}]0;owned\x{7}")]
    [InlineData("a\r\n12:00:00 connect from forged", @"a\x{D}\x{A}12:00:00 connect from forged")]
    [InlineData("PLAIN\u200b", @"PLAIN\x{200B}")]
    [InlineData("back\\slash", @"back\\slash")]
    [InlineData("tag\U000E0041", @"tag\x{E0041}")]
    [InlineData("caf\u00e9 \u03c9", "caf\u00e9 \u03c9")]
    public void Log_text_is_escaped(string raw, string shown) => Assert.Equal(shown, LogText.Escape(raw));

    [GeneratedRegex(@"PEM file to trust it: (\S+)")]
    private static partial Regex PemPattern();

    [Fact]
    public async Task Foreground_host_keeps_its_certificate_in_a_private_directory_escapes_client_text_and_counts_every_message()
    {
        var output = new SynchronizedLineWriter();
        using var stop = new CancellationTokenSource();
        var run = PracticeServerHost.RunForegroundAsync(new PracticeServerOptions { MaxStoredMessages = 1, AllowPlaintextAuth = true }, output, stop.Token);
        var text = await output.WaitForAsync("Press Ctrl+C to stop.");
        var pem = PemPattern().Match(text).Groups[1].Value;
        var directory = Path.GetDirectoryName(pem)!;

        // Not the old predictable /tmp/smtpconsole-practice-<port>.pem: a fresh directory only we may enter.
        Assert.DoesNotMatch(@"smtpconsole-practice-\d+\.pem$", pem);
        Assert.NotEqual(Path.GetFullPath(Path.GetTempPath()).TrimEnd(Path.DirectorySeparatorChar), directory);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pem));
        }

        var port = int.Parse(Regex.Match(text, @"on 127\.0\.0\.1:(\d+)\.").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using (var client = await RawSmtpClient.ConnectAndGreetAsync(new IPEndPoint(IPAddress.Loopback, port)))
        {
            await client.CommandAsync("EHLO host.test");
            // Client-controlled text reaches the log through the AUTH user name and the envelope sender.
            await client.CommandAsync("AUTH PLAIN " + SessionDriver.Base64("\0x\u001b[2J\n00:00:00 forged\0wrong"));
            for (var i = 0; i < 3; i++)
            {
                await client.CommandAsync("MAIL FROM:<x\u200b@b.example>");
                await client.CommandAsync("RCPT TO:<a@practice.smtpconsole.test>");
                await client.CommandAsync("DATA");
                await client.CommandAsync("hi\r\n.");
            }
        }

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        var log = output.Snapshot();
        Assert.DoesNotContain('\u001b', log);
        Assert.DoesNotContain('\u200b', log);
        Assert.Contains(@"from=<x\x{200B}@b.example>", log, StringComparison.Ordinal);
        Assert.Contains(@"as x\x{1B}[2J\x{A}00:00:00 forged: authentication failure", log, StringComparison.Ordinal);
        // The inbox keeps one message, but three were received.
        Assert.Contains("Stopped. 3 message(s) were received.", log, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public void Certificate_file_is_created_exclusively_and_never_through_a_planted_link()
    {
        var directory = CertificateFile.CreatePrivateDirectory();
        try
        {
            var target = Path.Combine(directory.FullName, "victim");
            File.WriteAllText(target, "keep me");
            var planted = Path.Combine(directory.FullName, "practice.pem");
            File.CreateSymbolicLink(planted, target);
            Assert.Throws<IOException>(() => CertificateFile.WriteNew(planted, "-----BEGIN CERTIFICATE-----"));
            Assert.Equal("keep me", File.ReadAllText(target));
        }
        finally
        {
            CertificateFile.DeleteDirectory(directory);
        }
    }
}
