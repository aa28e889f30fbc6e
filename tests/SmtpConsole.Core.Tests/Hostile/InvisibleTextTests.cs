using System.Text;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// Issue 13 item 9: one neutraliser for every source of text. Invisible format characters (Unicode category Cf) in
/// server replies are shown escaped (so "AUTH PLAIN\u200b" does not look like PLAIN), and script text with ESC/BEL
/// never reaches the screen or a file raw.
/// </summary>
public class InvisibleTextTests
{
    public static TheoryData<int> Invisibles() =>
    [
        0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0x00AD, 0xFFF9, 0xFFFA, 0xFFFB,
        0x202E, 0x2066, 0x061C, 0x180E, 0xE0001, 0xE0041, 0xE007F, 0x2028, 0x2029,
    ];

    [Theory]
    [MemberData(nameof(Invisibles))]
    public void Neutralize_InvisibleCharacter_ShownEscaped(int codePoint)
    {
        string invisible = char.ConvertFromUtf32(codePoint);

        string shown = ServerText.Neutralize("PLAIN" + invisible);

        Assert.StartsWith("PLAIN\\u", shown);
        Assert.DoesNotContain(invisible, shown, StringComparison.Ordinal);
        Assert.Contains(codePoint.ToString("x", System.Globalization.CultureInfo.InvariantCulture), shown);
    }

    [Theory]
    [InlineData("欢迎使用QQ邮箱")]
    [InlineData("Grüße aus Köln")]
    [InlineData("smile 😀 ok")]
    [InlineData("שלום")]
    public void Neutralize_VisibleText_Unchanged(string text) => Assert.Equal(text, ServerText.Neutralize(text));

    [Fact]
    public void Neutralize_LoneSurrogate_ShownEscaped() => Assert.Equal("a\\ud800b", ServerText.Neutralize("a\ud800b"));

    [Fact]
    public async Task ServerAdvertisesPlainWithZeroWidthSpace_ShownEscapedOnScreenAndInFiles()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 hostile.test ESMTP\u2060\r\n");
            await HostileScenarios.Serve(c, line => HostileScenarios.Verb(line) == "EHLO"
                ? "250-hostile.test\r\n250-AUTH PLAIN\u200b\r\n250-X-TAG\U000E0041\U000E0042\r\n250 SIZE\u00AD1000\r\n"
                : HostileScenarios.OkTo(line));
        });
        await using var h = new HostileHarness(server.Port);
        await Bounded(h.Runner.ConnectToAsync(h.Options));

        await Bounded(h.Runner.ExecuteAsync("/ehlo"));

        Assert.Contains(h.Sink.Events, e => e.Text.Contains("AUTH PLAIN\\u200b", StringComparison.Ordinal));
        Assert.Contains("AUTH PLAIN\\u200b", h.ReadText());
        h.AssertFilesClean();
    }

    [Fact]
    public async Task ScriptTextWithTerminalEscapes_NeverRaw()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.WellBehaved);
        await using var h = new HostileHarness(server.Port);
        string script = "NOOP \u001b]0;owned-title\u0007\u202e\u200b\n# comment \u001b[2J\n/expect 250 /ok\u001b/\n/quit\n";

        await Bounded(new ScriptRunner(h.Runner).RunAsync(ScriptReader.Read(script, "esc\u001b[31m.smtp"), new Dictionary<string, string>(), new ScriptRunOptions { Target = h.Options }));

        Assert.Contains(h.Sink.OfKind(TranscriptEventKind.Send), e => e.Text.Contains("\\x1b]0;owned-title\\x07", StringComparison.Ordinal));
        h.AssertFilesClean();
    }

    [Fact]
    public void EveryEvent_IsNeutralisedWhereverItComesFrom()
    {
        var e = new TranscriptEvent(TranscriptEventKind.Info, "line one \u001b[2J\nline two \u200b") { Note = "note \u0007", RevealText = "secret \u202e" };

        Assert.Equal("line one \\x1b[2J\nline two \\u200b", e.Text);
        Assert.Equal("note \\x07", e.Note);
        Assert.Equal("secret \\u202e", e.RevealText);
        Assert.Equal(Encoding.UTF8.GetByteCount(e.Text), e.Text.Length);
    }
}
