using System.Diagnostics;
using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

/// <summary>The connection loop over real sockets: framing, pipelining, TLS switch-over, limits and timeouts.</summary>
public sealed class PracticeConnectionTests
{
    private const string Host = PracticeServerOptions.DefaultHostName;

    [Fact]
    public async Task Lines_starting_with_a_dot_arrive_byte_for_byte()
    {
        await using var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await client.CommandAsync("EHLO dots.test");
        await client.CommandAsync("MAIL FROM:<demo@practice.smtpconsole.test>");
        await client.CommandAsync("RCPT TO:<friend@practice.smtpconsole.test>");
        Assert.Equal("354 End data with <CR><LF>.<CR><LF>", await client.CommandAsync("DATA"));

        // What a client sends: every line that starts with "." gets one more.
        var wire = "Subject: dots\r\n\r\n..leading dot\r\n...two dots\r\n.\r\n";
        await client.WriteAsync(Encoding.ASCII.GetBytes(wire));
        var queued = await client.ReadReplyAsync();

        var message = Assert.Single(server.Inbox.Messages);
        Assert.Equal($"250 2.0.0 Ok: queued as {message.Id}", queued);
        Assert.Equal("Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n", Encoding.ASCII.GetString(message.RawBytes));
    }

    [Fact]
    public async Task Pipelined_commands_in_one_write_get_replies_in_order()
    {
        await using var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await client.WriteAsync("EHLO pipe.test\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@practice.smtpconsole.test>\r\nRCPT TO:<d@elsewhere.example>\r\nDATA\r\n");
        Assert.StartsWith($"250-{Host}\n250-PIPELINING", await client.ReadReplyAsync());
        Assert.Equal("250 2.1.0 Ok", await client.ReadReplyAsync());
        Assert.Equal("250 2.1.5 Ok", await client.ReadReplyAsync());
        Assert.Equal("554 5.7.1 <d@elsewhere.example>: Relay access denied", await client.ReadReplyAsync());
        Assert.Equal("354 End data with <CR><LF>.<CR><LF>", await client.ReadReplyAsync());

        await client.WriteAsync("Subject: p\r\n\r\nbody\r\n.\r\nMAIL FROM:<>\r\nQUIT\r\n");
        Assert.StartsWith("250 2.0.0 Ok: queued as ", await client.ReadReplyAsync());
        Assert.Equal("250 2.1.0 Ok", await client.ReadReplyAsync());
        Assert.Equal("221 2.0.0 Bye", await client.ReadReplyAsync());
        Assert.True(await client.IsClosedByServerAsync());
        Assert.Equal(["c@practice.smtpconsole.test"], server.Inbox.Messages[0].Recipients);
    }

    [Fact]
    public async Task Bdat_chunks_can_be_pipelined_with_their_content()
    {
        await using var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await client.WriteAsync("EHLO x\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@practice.smtpconsole.test>\r\nBDAT 7\r\nHello\r\nBDAT 3 LAST\r\n.\r\nNOOP\r\n");
        await client.ReadReplyAsync();
        await client.ReadReplyAsync();
        await client.ReadReplyAsync();
        Assert.Equal("250 2.0.0 Ok: 7 bytes", await client.ReadReplyAsync());
        Assert.StartsWith("250 2.0.0 Ok: 10 bytes queued as ", await client.ReadReplyAsync());
        Assert.Equal("250 2.0.0 Ok", await client.ReadReplyAsync());
        Assert.Equal("Hello\r\n.\r\n", Encoding.ASCII.GetString(server.Inbox.Messages[0].RawBytes));
    }

    [Fact]
    public async Task Starttls_discards_plaintext_pipelined_after_it_and_resets_the_session()
    {
        await using var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await client.CommandAsync("EHLO x");

        // An attacker-injected command sent in the clear right behind STARTTLS must not run inside TLS.
        await client.WriteAsync("STARTTLS\r\nMAIL FROM:<injected@evil.example>\r\n");
        Assert.Equal("220 2.0.0 Ready to start TLS", await client.ReadReplyAsync());
        await client.StartTlsAsync(server.Certificate);

        Assert.Equal("503 5.5.1 Error: send HELO/EHLO first", await client.CommandAsync("MAIL FROM:<a@b.example>"));
        var ehlo = await client.CommandAsync("EHLO x");
        Assert.Contains("250-AUTH PLAIN LOGIN CRAM-MD5", ehlo, StringComparison.Ordinal);
        Assert.DoesNotContain("STARTTLS", ehlo, StringComparison.Ordinal);
        Assert.Equal("554 5.5.1 Error: TLS already active", await client.CommandAsync("STARTTLS"));
        Assert.Equal("334 VXNlcm5hbWU6", await client.CommandAsync("AUTH LOGIN"));
        Assert.Equal("334 UGFzc3dvcmQ6", await client.CommandAsync(SessionDriver.Base64("demo")));
        Assert.Equal("535 5.7.8 Error: authentication failed: authentication failure", await client.CommandAsync(SessionDriver.Base64("wrong")));
        Assert.Equal("235 2.7.0 Authentication successful", await client.CommandAsync("AUTH PLAIN " + SessionDriver.Plain("demo", "practice")));
    }

    [Fact]
    public async Task Auth_before_starttls_gets_530_over_the_wire()
    {
        await using var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await client.CommandAsync("EHLO x");
        Assert.Equal("530 5.7.0 Must issue a STARTTLS command first", await client.CommandAsync("AUTH LOGIN"));
    }

    [Fact]
    public async Task Idle_client_gets_421_and_is_disconnected()
    {
        await using var server = await ServerFixture.StartAsync(new PracticeServerOptions { IdleTimeout = TimeSpan.FromSeconds(1) });
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        var clock = Stopwatch.StartNew();
        Assert.Equal($"421 4.4.2 {Host} Error: timeout exceeded", await client.ReadReplyAsync());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(8));
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Idle_timeout_also_applies_in_the_middle_of_data()
    {
        await using var server = await ServerFixture.StartAsync(new PracticeServerOptions { IdleTimeout = TimeSpan.FromSeconds(2) });
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await client.WriteAsync("HELO x\r\nMAIL FROM:<>\r\nRCPT TO:<a@practice.smtpconsole.test>\r\nDATA\r\n");
        for (var i = 0; i < 4; i++)
        {
            await client.ReadReplyAsync();
        }

        await client.WriteAsync("Subject: unfinished\r\n");
        Assert.Equal($"421 4.4.2 {Host} Error: timeout exceeded", await client.ReadReplyAsync());
        Assert.Equal(0, server.Inbox.Count);
    }

    [Fact]
    public async Task Ten_megabyte_line_without_crlf_is_refused_and_the_connection_survives()
    {
        await using var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        var piece = new byte[64 * 1024];
        piece.AsSpan().Fill((byte)'A');

        // The server answers as soon as the limit is passed, while the client is still sending.
        var reply = client.ReadReplyAsync();
        for (var sent = 0; sent < 10 * 1024 * 1024; sent += piece.Length)
        {
            await client.WriteAsync(piece);
        }

        Assert.Equal($"500 5.5.2 {Host} Error: command too long", await reply);
        Assert.Equal("250 2.0.0 Ok", await client.CommandAsync("still the same line\r\nNOOP"));
    }

    [Fact]
    public async Task Bare_line_feed_ends_a_command_line()
    {
        await using var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await client.WriteAsync("NOOP\n");
        Assert.Equal("250 2.0.0 Ok", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task Invalid_utf8_gets_500()
    {
        await using var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await client.WriteAsync([.. "NOOP "u8, 0xC3, 0x28, .. "\r\n"u8]);
        Assert.Equal("500 5.5.2 Error: bad UTF-8 syntax", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task Binary_garbage_and_too_many_errors_end_with_421()
    {
        await using var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        for (var i = 0; i < garbage.Length; i += 97)
        {
            garbage[i] = (byte)'\n';
        }

        await client.WriteAsync(garbage);
        string reply;
        do
        {
            reply = await client.ReadReplyAsync();
        }
        while (!reply.StartsWith("421", StringComparison.Ordinal) && !reply.StartsWith("221", StringComparison.Ordinal));

        Assert.True(await client.IsClosedByServerAsync());
        await using var next = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        Assert.Equal("250 2.0.0 Ok", await next.CommandAsync("NOOP"));
    }

    [Fact]
    public async Task Twenty_unknown_commands_get_too_many_errors()
    {
        await using var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await client.WriteAsync(string.Concat(Enumerable.Repeat("WHAT\r\n", 20)));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("500 5.5.2 Error: command not recognized", await client.ReadReplyAsync());
        }

        Assert.Equal($"421 4.7.0 {Host} Error: too many errors", await client.ReadReplyAsync());
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Oversized_message_is_read_to_the_end_then_refused()
    {
        await using var server = await ServerFixture.StartAsync(new PracticeServerOptions { MaxMessageSize = 1000 });
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        await client.WriteAsync("HELO x\r\nMAIL FROM:<>\r\nRCPT TO:<a@practice.smtpconsole.test>\r\nDATA\r\n");
        for (var i = 0; i < 4; i++)
        {
            await client.ReadReplyAsync();
        }

        await client.WriteAsync(string.Concat(Enumerable.Repeat("0123456789012345678901234567890123456789\r\n", 100)) + ".\r\n");
        Assert.Equal("552 5.3.4 Error: message file too big", await client.ReadReplyAsync());
        Assert.Equal("250 2.0.0 Ok", await client.CommandAsync("NOOP"));
        Assert.Equal(0, server.Inbox.Count);
    }

    [Fact]
    public async Task Header_typed_as_a_command_gets_postfix_goodbye()
    {
        await using var server = await ServerFixture.StartAsync();
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(server.EndPoint);
        Assert.Equal("221 2.7.0 Error: I can break rules, too. Goodbye.", await client.CommandAsync("Subject: hello"));
        Assert.True(await client.IsClosedByServerAsync());
    }
}
