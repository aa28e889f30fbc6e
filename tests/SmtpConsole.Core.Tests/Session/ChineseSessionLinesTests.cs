using System.Text.RegularExpressions;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Session;

/// <summary>
/// Issue 18: the session's own lines (connecting, TLS, certificate verdicts, STARTTLS refusals, timeouts, closes,
/// reply warnings) are worded in the engine's language; what went over the wire is never translated, and without
/// a Chinese scope the English texts are exactly as before.
/// </summary>
public partial class ChineseSessionLinesTests
{
    private const string Greeting = "220 test.example ESMTP ready\r\n";
    private const string Ehlo = "250-test.example\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n";

    [Fact]
    public async Task PlainConnect_SaysConnectingAndConnected_InChinese()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line == "QUIT" ? "221 bye\r\n" : "250 ok\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        var connect = h.Sink.OfKind(TranscriptEventKind.Connect).Select(e => e.Text).ToList();
        Assert.Contains($"正在连接 127.0.0.1:{server.Port}（明文）", connect);
        Assert.Contains(connect, t => t.StartsWith($"已连接到 127.0.0.1:{server.Port}，用时 ", StringComparison.Ordinal) && t.EndsWith(" ms", StringComparison.Ordinal));
        // The wire is untouched: the greeting reply is the server's own text.
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Reply), e => e.Text == "220 test.example ESMTP ready");
        AssertNoEnglishSentence(h.Events);
    }

    [Fact]
    public async Task PlainConnect_WithoutAScope_StaysEnglish()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(_ => "250 ok\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        var connect = h.Sink.OfKind(TranscriptEventKind.Connect).Select(e => e.Text).ToList();
        Assert.Contains($"connecting to 127.0.0.1:{server.Port} (plain)", connect);
        Assert.Contains(connect, t => t.StartsWith($"connected to 127.0.0.1:{server.Port} in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImplicitTls_HandshakeCertificateAndVerdict_AreChinese()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        using var cert = ScriptedSmtpServer.CreateCertificate();
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.StartTlsAsync(cert);
            await c.SendAsync(Greeting);
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using (var strict = new SessionHarness(server.Port, insecure: false))
        {
            var refused = await strict.ConnectAsync(SecurityMode.Tls);
            Assert.Equal(CommandFailure.TlsFailed, refused.Failure);
            Assert.StartsWith("TLS 证书被拒绝：证书链不受信任：它终止于“CN=localhost”", refused.Message, StringComparison.Ordinal);
            Assert.Contains(strict.Sink.OfKind(TranscriptEventKind.Info), e => e.Text == "TLS 失败，连接已关闭");
            AssertNoEnglishSentence(strict.Events);
        }
        await using var lax = new SessionHarness(server.Port, insecure: true);
        var ok = await lax.ConnectAsync(SecurityMode.Tls);
        Assert.Equal(220, ok.Reply!.Code);
        var tls = lax.Sink.OfKind(TranscriptEventKind.Tls).Select(e => e.Text).ToList();
        Assert.Contains("正在与 127.0.0.1 进行 TLS 握手…", tls);
        Assert.Contains(tls, t => t.StartsWith("TLS 加密连接已建立：TLSv1.", StringComparison.Ordinal) && t.Contains("，加密套件 TLS_", StringComparison.Ordinal));
        Assert.Contains(tls, t => t.StartsWith("服务器证书：\n主体：CN=localhost\n颁发者：CN=localhost\n名称：DNS:localhost", StringComparison.Ordinal));
        var warnings = lax.Sink.OfKind(TranscriptEventKind.Warn).Select(e => e.Text).ToList();
        Assert.Contains(warnings, w => w.StartsWith("已关闭证书验证：不会验证服务器证书", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("证书未通过验证，但因已按要求关闭证书验证仍被接受：证书链不受信任", StringComparison.Ordinal));
        AssertNoEnglishSentence(lax.Events);
    }

    [Fact]
    public async Task StartTls_InjectedBytesAndTheEhloReminder_AreChinese()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        using var cert = ScriptedSmtpServer.CreateCertificate();
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            Assert.StartsWith("EHLO", await c.ReadLineAsync());
            await c.SendAsync(Ehlo);
            Assert.Equal("STARTTLS", await c.ReadLineAsync());
            await c.SendAsync("220 2.0.0 Ready to start TLS\r\n250 forged-after-tls\r\n");
            await c.StartTlsAsync(cert);
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await h.Session.EhloAsync(null);
        var tls = await h.Session.StartTlsAsync();
        Assert.True(h.Session.IsTls, h.Dump());
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Warn), e => e.Text.StartsWith("已丢弃服务器在 “220” 之后、TLS 之前发来的 ", StringComparison.Ordinal) && e.Text.Contains("forged-after-tls", StringComparison.Ordinal));
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Info), e => e.Text.StartsWith("TLS 加密连接已建立。服务器已忘记之前的 EHLO", StringComparison.Ordinal));
        Assert.Equal(220, tls.Reply!.Code);
    }

    [Fact]
    public async Task StartTls_Refused_ClosesWithAChineseReason()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line == "STARTTLS" ? "454 4.7.0 TLS not available due to local problem\r\n" : "250 ok\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        var tls = await h.Session.StartTlsAsync();
        Assert.Equal(CommandFailure.TlsFailed, tls.Failure);
        Assert.Equal("STARTTLS 失败：服务器回复 454 而不是 220；由于要求使用 TLS，连接已关闭，不会再以明文发送任何内容", tls.Message);
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Error), e => e.Text == tls.Message);
        // The server's own reply text is not translated.
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Reply), e => e.Text == "454 4.7.0 TLS not available due to local problem");
    }

    [Fact]
    public async Task Timeout_And_ServerClose_AreChinese()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ReadLineAsync(); // NOOP: no answer, then the server hangs up
            await Task.Delay(800);
            c.Close();
        });
        await using var h = new SessionHarness(server.Port, replyTimeout: TimeSpan.FromMilliseconds(300));
        await h.ConnectAsync();
        var noop = await h.Session.SendCommandAsync("NOOP");
        Assert.Equal(CommandFailure.Timeout, noop.Failure);
        Assert.Equal("0.3 秒内没有收到 \"NOOP\" 的回复；连接仍然打开", noop.Message);
        await SmtpSessionTests.WaitUntil(() => !h.Session.IsConnected);
        await SmtpSessionTests.WaitUntil(() => h.Sink.OfKind(TranscriptEventKind.Info).Any(e => e.Text == "服务器关闭了连接"));
    }

    [Fact]
    public async Task ReplyWarnings_BareLfAndMixedCodes_AreChinese()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            Assert.StartsWith("EHLO", await c.ReadLineAsync());
            await c.SendAsync("250-test.example\n251 PIPELINING\r\n");
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await h.Session.EhloAsync(null);
        var warnings = h.Sink.OfKind(TranscriptEventKind.Warn).Select(e => e.Text).ToList();
        Assert.Contains("行尾是单独的 LF，而不是 CRLF", warnings);
        Assert.Contains("多行回复中的回复码不一致：先是 250，后是 251", warnings);
    }

    [Fact]
    public async Task ConnectionRefused_IsChinese()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        await using var h = new SessionHarness(port);
        var result = await h.ConnectAsync();
        Assert.Equal(CommandFailure.ConnectFailed, result.Failure);
        Assert.Equal($"无法连接：127.0.0.1:{port}：连接被拒绝（该端口上没有服务在监听）", result.Message);
    }

    [Fact]
    public async Task AuthLogin_WarningsAndNotes_AreChinese_TheWireIsNot()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            Assert.StartsWith("EHLO", await c.ReadLineAsync());
            await c.SendAsync("250-test.example\r\n250 AUTH LOGIN\r\n");
            Assert.Equal("AUTH LOGIN", await c.ReadLineAsync());
            await c.SendAsync("334 VXNlcm5hbWU6\r\n");
            await c.ReadLineAsync();
            await c.SendAsync("334 UGFzc3dvcmQ6\r\n");
            await c.ReadLineAsync();
            await c.SendAsync("535 5.7.8 Error: authentication failed\r\n");
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await h.Session.EhloAsync(null);
        var result = await SmtpConsole.Core.Sasl.SaslAuthenticator.AuthenticateAsync(h.Session, new SmtpConsole.Core.Sasl.AuthRequest("LOGIN", "alice", "pw") { AllowPlaintext = true });
        Assert.Equal(535, result.Reply!.Code);
        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Warn), e => e.Text == "按你的许可，在没有 TLS 的情况下发送凭据");
        var sent = h.Sink.OfKind(TranscriptEventKind.Send).ToList();
        Assert.Contains(sent, e => e.Text == "YWxpY2U=" && e.Note == "用户名 \"alice\"（Base64 编码）");
        Assert.Contains(sent, e => e.Secret && e.Note == "密码（Base64 编码，已隐藏）");
        Assert.Contains(sent, e => e.Text == "AUTH LOGIN");
    }

    [Fact]
    public async Task RunnerHelpers_EhloSummaryAndDataPrompt_AreChinese()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line.StartsWith("EHLO", StringComparison.Ordinal) ? "250-test.example\r\n250-SIZE 1000000\r\n250 STARTTLS\r\n"
                : line == "DATA" ? "354 go ahead\r\n" : "250 ok\r\n");
        });
        await using var h = new SessionHarness(server.Port);
        await h.ConnectAsync();
        await h.RunAsync("/ehlo", "MAIL FROM:<a@test.example>", "RCPT TO:<b@test.example>", "DATA");
        var info = h.Sink.OfKind(TranscriptEventKind.Info).Select(e => e.Text).ToList();
        Assert.Contains("服务器提供：邮件最大 1,000,000 字节，不提供 AUTH（通常要在 STARTTLS 之后才有），可用 STARTTLS", info);
        Assert.Contains(info, t => t.StartsWith("354：现在输入邮件", StringComparison.Ordinal));
        AssertNoEnglishSentence(h.Events);
    }

    [Fact]
    public async Task HintUnderAFailedReply_IsTheEntrysChineseHint()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync(Greeting);
            await c.ServeAsync(line => line.StartsWith("AUTH", StringComparison.Ordinal) ? "535 5.7.8 Error: authentication failed\r\n" : "250 ok\r\n");
        });
        string english;
        await using (var h = new SessionHarness(server.Port))
        {
            await h.ConnectAsync();
            await h.Session.SendCommandAsync("AUTH PLAIN AGFsaWNlAHB3");
            english = h.Session.LastReplyContext!.Hint!;
        }
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        await using var zh = new SessionHarness(server.Port);
        await zh.ConnectAsync();
        await zh.Session.SendCommandAsync("AUTH PLAIN AGFsaWNlAHB3");
        var context = zh.Session.LastReplyContext!;
        var entry = context.Explanation!.Best!.Entry;
        var translated = SmtpConsole.Core.Diagnosis.KnowledgeTranslations.Find(entry.Id, UiLanguage.SimplifiedChinese)!;
        Assert.Equal(string.IsNullOrWhiteSpace(translated.Hint) ? translated.Title : translated.Hint, context.Hint);
        Assert.NotEqual(english, context.Hint);
        Assert.Contains(zh.Sink.OfKind(TranscriptEventKind.Reply), e => e.Context?.Hint == context.Hint);
    }

    [Fact]
    public async Task Socks5Proxy_Steps_AreChinese()
    {
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        await using var proxy = new ScriptedSmtpServer(async c =>
        {
            Assert.Equal(new byte[] { 5, 1, 0 }, await c.ReadBytesAsync(3));
            await c.SendBytesAsync([5, 0]);
            byte[] head = await c.ReadBytesAsync(5);
            await c.ReadBytesAsync(head[4] + 2);
            await c.SendBytesAsync([5, 0, 0, 1, 10, 0, 0, 7, 0x1F, 0x90]);
            await c.SendAsync("220 smtp.unresolvable.example ESMTP via proxy\r\n");
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(5));
        });
        await using var h = new SessionHarness(proxy.Port);
        var result = await h.Session.ConnectAsync(h.Options with { Host = "smtp.unresolvable.example", Port = 587, Proxy = new Uri($"socks5://127.0.0.1:{proxy.Port}") });
        Assert.True(result.Succeeded, h.Dump());
        var connect = h.Sink.OfKind(TranscriptEventKind.Connect).Select(e => e.Text).ToList();
        Assert.Contains($"正在连接 smtp.unresolvable.example:587（明文），经由 SOCKS5 代理 127.0.0.1:{proxy.Port} → smtp.unresolvable.example:587", connect);
        Assert.Contains($"已连接到 SOCKS5 代理 127.0.0.1:{proxy.Port}；正在请求它建立到 smtp.unresolvable.example:587 的隧道", connect);
        Assert.Contains("SOCKS5：CONNECT smtp.unresolvable.example:587（主机名由代理解析）", connect);
        Assert.Contains("SOCKS5：隧道已建立（代理一侧的地址是 10.0.0.7:8080）", connect);
        Assert.Contains(connect, t => t.StartsWith($"已通过 SOCKS5 代理 127.0.0.1:{proxy.Port} 连接到 smtp.unresolvable.example:587，用时 ", StringComparison.Ordinal));
        AssertNoEnglishSentence(h.Events);
    }

    [Fact]
    public void HostAndTimeoutProblems_AreChinese_EnglishUnchanged()
    {
        Assert.Equal("the host name contains a space or a control character", ConnectLimits.HostProblem("smtp qq.com"));
        Assert.Equal("--timeout must be a number of seconds greater than 0 and at most 86400 (one day)", ConnectLimits.TimeoutProblem(0, "--timeout"));
        using var chinese = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        Assert.Equal("主机名中含有空格或控制字符", ConnectLimits.HostProblem("smtp qq.com"));
        Assert.Equal("主机名为空", ConnectLimits.HostProblem(" "));
        Assert.Equal("--timeout 必须是大于 0、最多 86400 的秒数（一天）", ConnectLimits.TimeoutProblem(0, "--timeout"));
    }

    /// <summary>The class of the defect: no line the session itself wrote may still be an English sentence.</summary>
    private static void AssertNoEnglishSentence(IEnumerable<TranscriptEvent> events)
    {
        foreach (var e in events.Where(e => e.Kind is TranscriptEventKind.Info or TranscriptEventKind.Warn or TranscriptEventKind.Error or TranscriptEventKind.Connect or TranscriptEventKind.Tls))
        {
            // Certificate fields (CN=…, DNS:…) and the cipher suite's name are data, not sentences.
            Assert.False(EnglishWords().IsMatch(e.Text), $"English left in a Chinese session line: {e.Kind}: {e.Text}");
        }
    }

    [GeneratedRegex(@"\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b")]
    private static partial Regex EnglishWords();
}
