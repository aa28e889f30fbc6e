using SmtpConsole.Core.Analysis;
using SmtpConsole.Core.Compose;
using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Proxy;
using SmtpConsole.Core.Sasl;

namespace SmtpConsole.Core.Tests.Messages;

/// <summary>
/// The engine notes that were still English in Chinese: /compose's notes and warnings, the advice on a MAIL line,
/// the "code not shown" of a pasted reply; English (and <c>--json</c>) as before.
/// </summary>
public class ChineseEngineNotesTests
{
    private static readonly EhloCapabilities SevenBitOnly = EhloCapabilities.Parse(["old.example", "SIZE 1000"]);

    [Fact]
    public void Compose_NotesAndWarnings_InChinese_KeepRfcAndKeywords()
    {
        var draft = new MessageDraft { From = "alice@example.test", To = ["bob@example.test"], Subject = "报告 Q3", Text = new string('x', 2000) };
        ComposedMessage composed;
        using (CoreMessages.Speak(UiLanguage.SimplifiedChinese)) composed = MessageComposer.Compose(draft, SevenBitOnly);
        Assert.Contains(composed.Notes, n => n.StartsWith("主题含非 ASCII 字符：已按 RFC 2047 编码为 =?utf-8?", StringComparison.Ordinal));
        Assert.Contains("服务器不提供 8BITMIME：每个部分都编码为 7 位（quoted-printable 或 base64）", composed.Notes);
        Assert.Contains(composed.Warnings, w => w.StartsWith("邮件大小为 ", StringComparison.Ordinal) && w.EndsWith("，但服务器最多接受 1,000 字节：预计会收到 552", StringComparison.Ordinal));

        var english = MessageComposer.Compose(draft, SevenBitOnly);
        Assert.Contains("the server does not offer 8BITMIME: every part is 7-bit (quoted-printable or base64)", english.Notes);
        Assert.Contains(english.Warnings, w => w.EndsWith(" bytes but the server accepts at most 1,000: expect 552", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_BadAddress_InChinese()
    {
        using var speak = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        var ex = Assert.Throws<MessageComposeException>(() => MessageComposer.Compose(new MessageDraft { From = "alice", To = ["bob@example.test"] }, SevenBitOnly));
        Assert.Equal("--from：\"alice\" 不是有效的地址，应写成 alice@example.com 或 \"Alice <alice@example.com>\" 这样的形式", ex.Message);
    }

    [Fact]
    public void Advice_OnMailLine_InChinese()
    {
        using var speak = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        var advice = new SessionAdvisor().BeforeCommand("MAIL FROM:<a@example.test> SIZE=5000 RET=HDRS", SevenBitOnly, null).Select(a => a.Text).ToList();
        Assert.Contains("SIZE=5000 超过了服务器的上限 1000：预计会收到 552", advice);
        Assert.Contains("使用了 RET，但服务器没有声明 DSN", advice);
    }

    [Fact]
    public void PastedReplyWithoutCode_SaysSoInChinese_JsonKeepsEnglish()
    {
        var (explanation, error) = PastedReplyExplainer.Explain("main.CRITICAL: 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM");
        Assert.True(explanation is not null, error);
        string chinese = string.Join('\n', ExplanationFormatter.FormatText(explanation!, language: UiLanguage.SimplifiedChinese));
        Assert.Contains("(5xx（未显示回复码）)", chinese, StringComparison.Ordinal);
        Assert.Contains("(5xx (code not shown))", string.Join('\n', ExplanationFormatter.FormatText(explanation!)), StringComparison.Ordinal);
        Assert.Equal("5xx (code not shown)", explanation!.Facts.CodeDisplay);
    }

    [Fact]
    public async Task ProxyNotListening_InChinese_NamesProxyAndAddress()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Assert.True(ProxyAddress.TryParse($"socks5://127.0.0.1:{port}", out var proxy, out var error), error);
        Assert.Equal($"SOCKS5 proxy 127.0.0.1:{port}", proxy!.Display);
        using var speak = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        var ex = await Assert.ThrowsAsync<ProxyConnectionException>(() => ProxyConnector.ConnectAsync(proxy, "mail.example", 25, TimeSpan.FromSeconds(5), null, CancellationToken.None));
        Assert.Equal($"无法连接 SOCKS5 代理 127.0.0.1:{port}：127.0.0.1:{port}：连接被拒绝（那里没有代理在监听）", ex.Message);
    }

    [Fact]
    public void SaslChallengeNotes_InChinese_KeepAttributeNames()
    {
        const string oauth = "{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"https://mail.google.com/\"}";
        const string scram = "r=abcdefSERVER,s=QSXCR+Q6sek8bf92,i=4096";
        Assert.Equal("OAuth error: status 401: the token was refused: expired, revoked, or not an access token for this user; get a fresh access token; the token must be granted the scope \"https://mail.google.com/\" (ask for it when obtaining the token); the server accepts the token scheme(s) \"bearer\" (send it as \"auth=Bearer <token>\")",
            OAuthErrorChallenge.Explain(oauth));
        using var speak = CoreMessages.Speak(UiLanguage.SimplifiedChinese);
        Assert.Equal("OAuth 错误：状态 401：令牌被拒绝：已过期、已撤销，或不是这个用户的访问令牌；请重新获取访问令牌；令牌必须拥有权限范围（scope）\"https://mail.google.com/\"（获取令牌时申请它）；服务器接受的令牌类型为 \"bearer\"（以 \"auth=Bearer <token>\" 的形式发送）",
            OAuthErrorChallenge.Explain(oauth));
        Assert.Equal("server-first-message：nonce r= 由我们的客户端 nonce 加上服务器的部分 \"SERVER\" 组成；盐值 s=QSXCR+Q6sek8bf92（12 个随机字节，混入密码哈希）；迭代次数 i=4096（由密码推导密钥的 PBKDF2 轮数；越多越难暴力破解）",
            SaslChallengeNote.Describe("SCRAM-SHA-256", scram, "abcdef"));
        Assert.Equal("DIGEST-MD5 质询：realm \"example.test\"；服务器 nonce \"OA6MG9tEQGm2hh\"；保护级别 qop=auth（auth = 仅认证）；算法 md5-sess；字符集 utf-8",
            SaslChallengeNote.Describe("DIGEST-MD5", "realm=\"example.test\",nonce=\"OA6MG9tEQGm2hh\",qop=\"auth\",algorithm=md5-sess,charset=utf-8"));
    }
}
