using System.Text.Encodings.Web;
using System.Text.Json;

namespace SmtpConsole.Core.Transcript;

/// <summary>
/// One JSON object per event (JSON lines): <c>ts</c>, <c>ms</c>, <c>kind</c>, <c>text</c>; replies add <c>code</c>,
/// <c>enhanced</c>, <c>lines</c>, <c>decoded</c>, and what the engine knows: <c>verb</c> and <c>command</c> (the command
/// answered, secrets masked), <c>phase</c>, <c>hint</c> (the one-line hint under a failure) and <c>cause</c> (a session-state rule); sends add <c>secret</c> and <c>note</c>.
/// Written with <see cref="Utf8JsonWriter"/> so it stays trim- and AOT-safe.
/// </summary>
public static class TranscriptJsonFormat
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Reply text may hold anything; the relaxed encoder keeps non-ASCII readable while JSON still escapes controls.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The text of a screen-only event in JSON (JSON stays English, like every other field name and value here).</summary>
    public const string ScreenOnlyWithheld = "(screen only: shown on the terminal, not written to JSON)";

    public static void Write(Stream output, TranscriptEvent e, bool showSecrets = false)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        Write(writer, e, showSecrets);
        writer.Flush();
    }

    public static string ToJson(TranscriptEvent e, bool showSecrets = false)
    {
        using var stream = new MemoryStream();
        Write(stream, e, showSecrets);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter w, TranscriptEvent e, bool showSecrets)
    {
        w.WriteStartObject();
        w.WriteString("ts", e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("ms", Math.Round(e.ElapsedMs, 3));
        w.WriteNumber("seq", e.Sequence);
        w.WriteString("kind", TranscriptTextFormat.KindName(e.Kind));
        // A screen-only result (/b64, /unb64: often a password or its Base64) is for the eyes of whoever typed it; JSON
        // is read by programs and lands in files, so it gets the fact, not the text, unless secrets were asked for.
        w.WriteString("text", e.ScreenOnly && !showSecrets ? ScreenOnlyWithheld : e.TextFor(showSecrets));
        if (e.ScreenOnly) w.WriteBoolean("screenOnly", true);
        switch (e.Kind)
        {
            case TranscriptEventKind.Reply when e.Reply is { } reply:
                w.WriteNumber("code", reply.Code);
                if (reply.Enhanced is { } enhanced) w.WriteString("enhanced", enhanced.ToString());
                else w.WriteNull("enhanced");
                w.WriteStartArray("lines");
                foreach (var line in reply.Lines) w.WriteStringValue(line);
                w.WriteEndArray();
                if (reply.Challenge is { } challenge) w.WriteString("decoded", challenge.Display);
                else w.WriteNull("decoded");
                if (reply.Problem is not null) w.WriteString("problem", reply.Problem);
                if (e.Context is { } context)
                {
                    if (context.Answers is { } answers)
                    {
                        w.WriteString("verb", answers.Verb);
                        w.WriteString("command", answers.Line);
                    }
                    else
                    {
                        w.WriteNull("verb");
                    }
                    w.WriteString("phase", context.Phase.ToString());
                    if (context.Hint is { } hint) w.WriteString("hint", hint);
                    else w.WriteNull("hint");
                    if (context.StateHint is { } state) w.WriteString("cause", state.Rule.ToString());
                }
                // Text that was re-decoded (GB18030) or escaped is not what came off the wire: keep the bytes too.
                if (!System.Text.Unicode.Utf8.IsValid(reply.RawBytes)) w.WriteString("raw", Protocol.ServerText.EscapeBytes(reply.RawBytes));
                if (reply.Warnings.Count > 0)
                {
                    w.WriteStartArray("warnings");
                    foreach (var warning in reply.Warnings) w.WriteStringValue(warning);
                    w.WriteEndArray();
                }
                break;
            case TranscriptEventKind.Send:
                w.WriteBoolean("secret", e.Secret);
                if (e.Note is not null) w.WriteString("note", e.Note);
                else w.WriteNull("note");
                break;
            case TranscriptEventKind.Expect:
                w.WriteBoolean("passed", e.Passed ?? false);
                break;
        }
        if (e.Remedy != Messages.Remedy.None) w.WriteString("remedy", e.Remedy.ToString());
        if (e.CertificateProblems is { Count: > 0 } problems)
        {
            w.WriteStartArray("certificateProblems");
            foreach (var kind in problems) w.WriteStringValue(kind.ToString());
            w.WriteEndArray();
        }
        if (e.Helper != HelperBoundary.None) w.WriteString("helper", e.Helper == HelperBoundary.Start ? "start" : "end");
        w.WriteEndObject();
    }
}
