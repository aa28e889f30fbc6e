using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Tests.Support;

namespace SmtpConsole.Core.Tests.Commands;

/// <summary>
/// The command runner's own prompts and usage errors (the /auth secret prompt, /end, /pipeline, /unb64) come from the
/// catalogue: Chinese in a Chinese session (they were English literals in the runner), English otherwise.
/// </summary>
public class ChineseRunnerTextsTests
{
    private sealed class PromptRecorder : IConsoleInteraction
    {
        public List<string> Prompts { get; } = [];
        public List<string> Questions { get; } = [];
        public Task<string?> PromptSecretAsync(string prompt, CancellationToken ct)
        {
            Prompts.Add(prompt);
            return Task.FromResult<string?>(null);
        }
        public Task<bool> ConfirmPlaintextAuthAsync(string question, CancellationToken ct)
        {
            Questions.Add(question);
            return Task.FromResult(true);
        }
        public void ReportDataProgress(long sent, long total) { }
    }

    private static ScriptedSmtpServer AuthServer() => new(async c =>
    {
        await c.SendAsync("220 auth.test ESMTP\r\n");
        while (await c.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase)) await c.SendAsync("250-auth.test\r\n250-PIPELINING\r\n250 AUTH PLAIN LOGIN\r\n");
            else if (line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase)) { await c.SendAsync("221 bye\r\n"); return; }
            else await c.SendAsync("250 ok\r\n");
        }
    });

    [Theory]
    [InlineData(UiLanguage.SimplifiedChinese, "alice 的密码或授权码（LOGIN）", "/auth login alice：没有提供密码", "/end 之前没有 /pipeline", "/unb64：不是有效的 Base64")]
    [InlineData(UiLanguage.English, "Secret for alice (LOGIN)", "/auth login alice: no secret given", "/end without /pipeline", "/unb64: not valid Base64")]
    public async Task PromptsAndUsageErrors_SpeakTheSessionLanguage(UiLanguage language, string prompt, string noSecret, string endWithoutPipeline, string notBase64)
    {
        using var speak = CoreMessages.Speak(language);
        await using var server = AuthServer();
        var interaction = new PromptRecorder();
        await using var h = new SessionHarness(server.Port, interaction: interaction);
        await h.Runner.ConnectToAsync(h.Options);
        await h.Runner.ExecuteAsync("/ehlo");

        var auth = await h.Runner.ExecuteAsync("/auth login alice");
        Assert.Equal(prompt, Assert.Single(interaction.Prompts));
        string consent = Assert.Single(interaction.Questions);
        Assert.Contains(language == UiLanguage.English ? "This connection is not encrypted" : "这个连接没有加密", consent, StringComparison.Ordinal);
        Assert.Contains("/starttls", consent, StringComparison.Ordinal);
        Assert.StartsWith(noSecret, auth.Message, StringComparison.Ordinal);

        Assert.Equal(endWithoutPipeline, (await h.Runner.ExecuteAsync("/end")).Message);
        Assert.Equal(notBase64, (await h.Runner.ExecuteAsync("/unb64 !!!")).Message);
    }

    /// <summary>The notes beside a client SASL response (what it carries, the secret masked) are worded per language too.</summary>
    [Theory]
    [InlineData("PLAIN", "AGFsaWNlAHNlY3JldA==", "authzid=（无） user=“alice” password=", "authzid=(none) user=\"alice\" password=")]
    [InlineData("CRAM-MD5", "YWxpY2UgZGlnZXN0", "用户名，以及以密码为密钥对质询计算的 HMAC-MD5 摘要", "the user and an HMAC-MD5 digest of the challenge keyed with the password")]
    [InlineData("NTLM", "TlRMTVNTUAAB", "NTLM 协商消息（不含凭据）", "NTLM negotiate message (no credentials)")]
    public void SaslResponseNotes_SpeakTheSessionLanguage_AndNeverShowTheSecret(string mechanism, string base64, string chinese, string english)
    {
        (bool secret, string? note) Describe(UiLanguage language)
        {
            using var speak = CoreMessages.Speak(language);
            return SmtpConsole.Core.Sasl.SaslResponseNote.Describe(mechanism, 0, base64, "alice");
        }
        var zh = Describe(UiLanguage.SimplifiedChinese);
        var en = Describe(UiLanguage.English);
        Assert.Contains(chinese, zh.note, StringComparison.Ordinal);
        Assert.Contains(english, en.note, StringComparison.Ordinal);
        Assert.Equal(en.secret, zh.secret);
        Assert.DoesNotContain("secret", zh.note, StringComparison.Ordinal);
    }

    /// <summary>/b64, /unb64 and the note under a 334 challenge are worded per language; the payload stays as decoded.</summary>
    [Theory]
    [InlineData(UiLanguage.SimplifiedChinese, "“abc” 的 Base64：YWJj   （只显示在屏幕上，不保存）", "解码后：“Username:”", "解码后（二进制，3 字节）：十六进制 00ff10", "无效的 Base64：含有 Base64 字母表以外的字符")]
    [InlineData(UiLanguage.English, "Base64 of \"abc\": YWJj   (screen only: not saved)", "decoded: \"Username:\"", "decoded (binary, 3 bytes): hex 00ff10", "invalid Base64: contains characters outside the Base64 alphabet")]
    public async Task Base64Helpers_AndChallengeNotes_SpeakTheSessionLanguage(UiLanguage language, string encoded, string challenge, string binary, string invalid)
    {
        using var speak = CoreMessages.Speak(language);
        await using var server = AuthServer();
        await using var h = new SessionHarness(server.Port, interaction: new PromptRecorder());
        await h.Runner.ConnectToAsync(h.Options);
        await h.Runner.ExecuteAsync("/b64 abc");
        await h.Runner.ExecuteAsync("/unb64 AP8Q");
        Assert.Contains(h.Sink.Events, e => e.Text == encoded);
        Assert.Contains(h.Sink.Events, e => e.Text.StartsWith(binary, StringComparison.Ordinal));
        Assert.Equal(challenge, SmtpConsole.Core.Protocol.SaslPayloadWording.Note(SmtpConsole.Core.Protocol.SaslPayload.Decode("VXNlcm5hbWU6")));
        Assert.Equal(invalid, SmtpConsole.Core.Protocol.SaslPayloadWording.Note(SmtpConsole.Core.Protocol.SaslPayload.Decode("a*cd")));
    }
}
