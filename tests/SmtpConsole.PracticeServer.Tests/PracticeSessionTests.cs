using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

/// <summary>Greeting, EHLO/HELO, simple commands, error handling and the happy path, without any socket.</summary>
public sealed class PracticeSessionTests
{
    private const string Host = SessionDriver.Host;

    [Fact]
    public void Greeting_names_the_host_and_says_what_the_server_is()
    {
        var driver = new SessionDriver();
        Assert.Equal($"220 {Host} ESMTP SmtpConsole practice server (Postfix-compatible replies)", driver.Session.Greet().ToString());
    }

    [Fact]
    public void Ehlo_before_tls_offers_starttls_but_not_auth()
    {
        var reply = new SessionDriver().Reply("EHLO client.example");
        Assert.Equal(
            [$"250-{Host}", "250-PIPELINING", "250-SIZE 10485760", "250-VRFY", "250-STARTTLS", "250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250-DSN", "250-SMTPUTF8", "250 CHUNKING"],
            reply.Lines);
    }

    [Fact]
    public void Ehlo_after_tls_offers_auth_but_not_starttls()
    {
        var reply = new SessionDriver(tls: true).Reply("EHLO client.example");
        Assert.Equal(
            [$"250-{Host}", "250-PIPELINING", "250-SIZE 10485760", "250-VRFY", "250-AUTH PLAIN LOGIN CRAM-MD5", "250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250-DSN", "250-SMTPUTF8", "250 CHUNKING"],
            reply.Lines);
    }

    [Fact]
    public void Ehlo_with_plaintext_auth_allowed_offers_both()
    {
        var reply = new SessionDriver(new PracticeServerOptions { AllowPlaintextAuth = true, MaxMessageSize = 1000 }).Reply("EHLO x");
        Assert.Contains("250-STARTTLS", reply.Lines);
        Assert.Contains("250-AUTH PLAIN LOGIN CRAM-MD5", reply.Lines);
        Assert.Contains("250-SIZE 1000", reply.Lines);
    }

    [Fact]
    public void Helo_answers_with_the_host_name_only()
    {
        Assert.Equal($"250 {Host}", new SessionDriver().Send("HELO client.example"));
    }

    [Theory]
    [InlineData("HELO", "501 Syntax: HELO hostname")]
    [InlineData("EHLO", "501 Syntax: EHLO hostname")]
    [InlineData("ehlo   ", "501 Syntax: EHLO hostname")]
    public void Hello_without_a_name_is_a_syntax_error_without_enhanced_code(string command, string expected)
    {
        Assert.Equal(expected, new SessionDriver().Send(command));
    }

    [Fact]
    public void Commands_are_case_insensitive()
    {
        var driver = new SessionDriver();
        Assert.StartsWith("250-", driver.Send("ehlo me"));
        Assert.Equal("250 2.1.0 Ok", driver.Send("mail from:<demo@practice.smtpconsole.test>"));
        Assert.Equal("250 2.1.5 Ok", driver.Send("Rcpt To:<friend@PRACTICE.smtpconsole.test>"));
    }

    [Fact]
    public void Happy_path_delivers_the_message_to_the_inbox_with_its_envelope()
    {
        var driver = new SessionDriver(tls: true).Ready(authenticate: true);
        Assert.Equal("250 2.1.0 Ok", driver.Send("MAIL FROM:<demo@practice.smtpconsole.test> SIZE=40 BODY=8BITMIME"));
        Assert.Equal("250 2.1.5 Ok", driver.Send("RCPT TO:<friend@example.org>"));
        Assert.Equal("250 2.1.5 Ok", driver.Send("RCPT TO:<second@practice.smtpconsole.test>"));
        var data = driver.Reply("DATA");
        Assert.Equal("354 End data with <CR><LF>.<CR><LF>", data.ToString());
        Assert.Equal(SessionAction.ReadMessageData, data.Action);

        var queued = driver.Content("Subject: hi\r\n\r\nHello\r\n");

        var message = Assert.Single(driver.Inbox.Messages);
        Assert.Equal($"250 2.0.0 Ok: queued as {message.Id}", queued);
        Assert.Matches("^[0-9A-F]{10}$", message.Id);
        Assert.Equal("demo@practice.smtpconsole.test", message.MailFrom);
        Assert.Equal(["friend@example.org", "second@practice.smtpconsole.test"], message.Recipients);
        Assert.Equal(["SIZE=40", "BODY=8BITMIME"], message.MailParameters);
        Assert.Equal("client.example", message.HeloName);
        Assert.Equal("demo", message.AuthenticatedUser);
        Assert.True(message.UsedTls);
        Assert.Equal("Subject: hi\r\n\r\nHello\r\n", Encoding.UTF8.GetString(message.RawBytes));
        Assert.False(driver.Session.IsInMailTransaction);
    }

    [Fact]
    public void A_second_message_can_follow_on_the_same_session()
    {
        var driver = new SessionDriver().Ready();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("250 2.1.0 Ok", driver.Send("MAIL FROM:<>"));
            Assert.Equal("250 2.1.5 Ok", driver.Send("RCPT TO:<postmaster>"));
            driver.Send("DATA");
            Assert.StartsWith("250 2.0.0 Ok: queued as ", driver.Content("x\r\n"));
        }

        Assert.Equal(2, driver.Inbox.Count);
        Assert.Equal("", driver.Inbox.Messages[0].MailFrom);
    }

    [Fact]
    public void Noop_rset_and_quit_answer_like_postfix()
    {
        var driver = new SessionDriver();
        Assert.Equal("250 2.0.0 Ok", driver.Send("NOOP"));
        Assert.Equal("250 2.0.0 Ok", driver.Send("NOOP with an argument"));
        Assert.Equal("250 2.0.0 Ok", driver.Send("RSET"));
        Assert.Equal("501 5.5.4 Syntax: RSET", driver.Send("RSET now"));
        var quit = driver.Reply("QUIT");
        Assert.Equal("221 2.0.0 Bye", quit.ToString());
        Assert.Equal(SessionAction.Close, quit.Action);
        Assert.True(driver.Session.IsClosed);
    }

    [Fact]
    public void Rset_ends_the_transaction()
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@practice.smtpconsole.test>");
        driver.Send("RCPT TO:<b@practice.smtpconsole.test>");
        Assert.Equal("250 2.0.0 Ok", driver.Send("RSET"));
        Assert.Equal("503 5.5.1 Error: need RCPT command", driver.Send("DATA"));
        Assert.Equal("250 2.1.0 Ok", driver.Send("MAIL FROM:<a@practice.smtpconsole.test>"));
    }

    [Fact]
    public void Ehlo_again_resets_the_transaction()
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@practice.smtpconsole.test>");
        driver.Ready();
        Assert.Equal("250 2.1.0 Ok", driver.Send("MAIL FROM:<a@practice.smtpconsole.test>"));
    }

    [Theory]
    [InlineData("XYZZY")]
    [InlineData("ETRN practice.smtpconsole.test")]
    [InlineData("EXPN demo")]
    public void Unknown_commands_get_postfix_3_7_reply(string command)
    {
        Assert.Equal("500 5.5.2 Error: command not recognized", new SessionDriver().Send(command));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_line_is_bad_syntax(string line)
    {
        Assert.Equal("500 5.5.2 Error: bad syntax", new SessionDriver().Send(line));
    }

    [Theory]
    [InlineData("From: demo@practice.smtpconsole.test")]
    [InlineData("Subject: hello")]
    [InlineData("GET / HTTP/1.1")]
    [InlineData("CONNECT example.org:25 HTTP/1.0")]
    public void Headers_or_http_instead_of_commands_make_postfix_hang_up(string line)
    {
        var reply = new SessionDriver().Ready().Reply(line);
        Assert.Equal("221 2.7.0 Error: I can break rules, too. Goodbye.", reply.ToString());
        Assert.Equal(SessionAction.Close, reply.Action);
    }

    [Fact]
    public void Help_lists_the_commands_and_hints_for_learners()
    {
        var reply = new SessionDriver().Reply("HELP");
        Assert.Equal(214, reply.Code);
        Assert.Equal("214-2.0.0 Commands: AUTH BDAT DATA EHLO HELO HELP MAIL NOOP QUIT RCPT RSET STARTTLS VRFY", reply.Lines[0]);
        Assert.StartsWith("214 2.0.0 ", reply.Lines[^1]);
        Assert.All(reply.Lines.SkipLast(1), line => Assert.StartsWith("214-2.0.0 ", line));
        Assert.Contains(reply.Lines, line => line.Contains("demo / practice", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("VRFY demo@practice.smtpconsole.test", "252 2.0.0 demo@practice.smtpconsole.test")]
    [InlineData("VRFY <nobody@practice.smtpconsole.test>", "252 2.0.0 <nobody@practice.smtpconsole.test>")]
    [InlineData("VRFY postmaster", "252 2.0.0 postmaster")]
    [InlineData("VRFY demo@practice.smtpconsole.test SMTPUTF8", "252 2.0.0 demo@practice.smtpconsole.test")]
    [InlineData("VRFY", "501 5.5.4 Syntax: VRFY address [SMTPUTF8]")]
    [InlineData("VRFY <a@b", "501 5.1.3 Bad recipient address syntax")]
    [InlineData("VRFY someone@example.org", "554 5.7.1 <someone@example.org>: Relay access denied")]
    public void Vrfy_answers_252_like_postfix(string command, string expected)
    {
        Assert.Equal(expected, new SessionDriver().Send(command));
    }

    [Fact]
    public void Vrfy_of_a_remote_address_is_allowed_once_authenticated()
    {
        var driver = new SessionDriver(tls: true).Ready(authenticate: true);
        Assert.Equal("252 2.0.0 someone@example.org", driver.Send("VRFY someone@example.org"));
    }

    [Fact]
    public void Overlong_command_line_is_refused_with_postfix_text()
    {
        var driver = new SessionDriver();
        Assert.Equal($"500 5.5.2 {Host} Error: command too long", driver.Session.RejectOverlongLine().ToString());
        Assert.Equal(1, driver.Session.ErrorCount);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_postfix_text()
    {
        Assert.Equal("500 5.5.2 Error: bad UTF-8 syntax", new SessionDriver().Session.RejectInvalidEncoding().ToString());
    }

    [Fact]
    public void Idle_timeout_reply_closes_the_session()
    {
        var driver = new SessionDriver();
        var reply = driver.Session.TimedOut();
        Assert.Equal($"421 4.4.2 {Host} Error: timeout exceeded", reply.ToString());
        Assert.Equal(SessionAction.Close, reply.Action);
        Assert.True(driver.Session.IsClosed);
    }

    [Fact]
    public void Twentieth_error_is_followed_by_421_and_close()
    {
        var driver = new SessionDriver();
        for (var i = 1; i < 20; i++)
        {
            Assert.Equal(SessionAction.None, driver.Reply("BOGUS").Action);
        }

        var last = driver.Reply("BOGUS");
        Assert.Equal(["500 5.5.2 Error: command not recognized", $"421 4.7.0 {Host} Error: too many errors"], last.Lines);
        Assert.Equal(SessionAction.Close, last.Action);
        Assert.True(driver.Session.IsClosed);
        Assert.Throws<InvalidOperationException>(() => driver.Send("NOOP"));
    }

    [Fact]
    public void Error_limit_is_configurable_and_successful_commands_do_not_count()
    {
        var driver = new SessionDriver(new PracticeServerOptions { HardErrorLimit = 3 });
        driver.Send("BOGUS");
        driver.Send("NOOP");
        driver.Send("BOGUS");
        Assert.Equal(2, driver.Session.ErrorCount);
        Assert.Equal(SessionAction.Close, driver.Reply("MAIL FROM:<a@b.c>").Action);
    }

    [Fact]
    public void A_delivered_message_forgives_earlier_errors()
    {
        var driver = new SessionDriver().Ready();
        driver.Send("BOGUS");
        driver.Send("BOGUS");
        driver.Send("MAIL FROM:<a@practice.smtpconsole.test>");
        driver.Send("RCPT TO:<b@practice.smtpconsole.test>");
        driver.Send("DATA");
        driver.Content("hi\r\n");
        Assert.Equal(0, driver.Session.ErrorCount);
    }

    [Fact]
    public void Starttls_replies_220_and_asks_for_the_handshake()
    {
        var reply = new SessionDriver().Reply("STARTTLS");
        Assert.Equal("220 2.0.0 Ready to start TLS", reply.ToString());
        Assert.Equal(SessionAction.StartTls, reply.Action);
    }

    [Fact]
    public void Starttls_refusals_match_postfix()
    {
        Assert.Equal("501 5.5.4 Syntax: STARTTLS", new SessionDriver().Send("STARTTLS now"));
        Assert.Equal("554 5.5.1 Error: TLS already active", new SessionDriver(tls: true).Send("STARTTLS"));
    }

    [Fact]
    public void Tls_resets_the_session_so_ehlo_is_needed_again()
    {
        var driver = new SessionDriver(new PracticeServerOptions { AllowPlaintextAuth = true }).Ready(authenticate: true);
        driver.Send("MAIL FROM:<a@practice.smtpconsole.test>");
        driver.Session.OnTlsEstablished();
        Assert.True(driver.Session.IsTlsActive);
        Assert.Null(driver.Session.HeloName);
        Assert.Null(driver.Session.AuthenticatedUser);
        Assert.False(driver.Session.IsInMailTransaction);
        Assert.Equal("503 5.5.1 Error: send HELO/EHLO first", driver.Send("MAIL FROM:<a@practice.smtpconsole.test>"));
    }

    [Fact]
    public void Log_receives_a_line_per_message_and_auth()
    {
        var lines = new List<string>();
        var driver = new SessionDriver(new PracticeServerOptions { Log = lines.Add }, tls: true).Ready(authenticate: true);
        driver.Send("MAIL FROM:<demo@practice.smtpconsole.test>");
        driver.Send("RCPT TO:<x@example.org>");
        driver.Send("DATA");
        driver.Content("hi\r\n");
        Assert.Contains(lines, line => line.Contains("AUTH PLAIN as demo: success", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("from=<demo@practice.smtpconsole.test>, to=<x@example.org>, size=4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_throwing_log_sink_does_not_break_the_session()
    {
        var driver = new SessionDriver(new PracticeServerOptions { Log = _ => throw new InvalidOperationException("broken") }, tls: true);
        driver.Ready(authenticate: true);
        Assert.Equal("demo", driver.Session.AuthenticatedUser);
    }

    [Fact]
    public void Content_methods_refuse_to_run_outside_data()
    {
        var session = new SessionDriver().Session;
        Assert.Throws<InvalidOperationException>(() => session.AppendMessageContent([1]));
        Assert.Throws<InvalidOperationException>(() => session.CompleteMessageData());
        Assert.Throws<InvalidOperationException>(() => session.CompleteChunk());
    }

    [Fact]
    public void Command_lines_are_refused_while_data_is_expected()
    {
        var driver = new SessionDriver().Ready();
        driver.Send("MAIL FROM:<a@practice.smtpconsole.test>");
        driver.Send("RCPT TO:<b@practice.smtpconsole.test>");
        driver.Send("DATA");
        Assert.Throws<InvalidOperationException>(() => driver.Send("NOOP"));
    }
}
