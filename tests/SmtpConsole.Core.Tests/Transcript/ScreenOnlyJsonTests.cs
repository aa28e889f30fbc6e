using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Transcript;

/// <summary>
/// /b64 and /unb64 results are screen only: often a password or its Base64. The text format shows them to whoever typed
/// them; JSON, which programs read and pipes put in files, carries the fact and not the text unless secrets were asked for.
/// </summary>
public sealed class ScreenOnlyJsonTests
{
    private static readonly TranscriptEvent Base64Result =
        new(TranscriptEventKind.Info, "Base64 of \"Wonderland-42\": V29uZGVybGFuZC00Mg==   (screen only: not saved)") { ScreenOnly = true };

    [Fact]
    public void Json_withholds_a_screen_only_text_and_says_why()
    {
        string json = TranscriptJsonFormat.ToJson(Base64Result);
        Assert.DoesNotContain("Wonderland-42", json, StringComparison.Ordinal);
        Assert.DoesNotContain("V29uZGVybGFuZC00Mg", json, StringComparison.Ordinal);
        Assert.Contains("\"screenOnly\":true", json, StringComparison.Ordinal);
        Assert.Contains("not written to JSON", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_with_secrets_shown_keeps_the_text_and_ordinary_events_are_unchanged()
    {
        Assert.Contains("V29uZGVybGFuZC00Mg==", TranscriptJsonFormat.ToJson(Base64Result, showSecrets: true), StringComparison.Ordinal);
        string plain = TranscriptJsonFormat.ToJson(new TranscriptEvent(TranscriptEventKind.Info, "connected"));
        Assert.Contains("\"text\":\"connected\"", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("screenOnly", plain, StringComparison.Ordinal);
    }
}
