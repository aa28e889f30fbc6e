using System.Globalization;
using System.Text;

namespace SmtpConsole.Core.Protocol;

/// <summary>
/// One complete server reply: a single line or an RFC 5321 multi-line reply (<c>250-…</c> then <c>250 …</c>).
/// Text is already neutralised for display; <see cref="RawBytes"/> keeps what came off the wire.
/// </summary>
public sealed class SmtpReply
{
    public SmtpReply(int code, IReadOnlyList<string> lines, byte[] rawBytes, string? problem = null, IReadOnlyList<string>? warnings = null)
    {
        Code = code;
        Lines = lines;
        RawBytes = rawBytes;
        Problem = problem;
        Warnings = warnings ?? [];
        if (problem is null && lines.Count > 0 && EnhancedStatusCode.TryParsePrefix(lines[0], out var enhanced, out _)
            && enhanced.Value.Class == code / 100)
        {
            Enhanced = enhanced;
        }
        if (code == 334 && problem is null)
            Challenge = SaslPayload.Decode(lines.Count > 0 ? lines[^1] : string.Empty);
    }

    /// <summary>The three-digit code, or 0 when the reply was malformed.</summary>
    public int Code { get; }

    /// <summary>The text of each line after the code and separator (enhanced code included, as sent).</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The bytes as received, CRLFs included (capped lines are truncated).</summary>
    public byte[] RawBytes { get; }

    /// <summary>Why the reply is not valid SMTP, when it isn't (bad code, over-long line, garbage).</summary>
    public string? Problem { get; }

    /// <summary>Non-fatal oddities, e.g. a multi-line reply whose lines carry different codes.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The RFC 3463 enhanced status code at the start of the text, when present and consistent with the code.</summary>
    public EnhancedStatusCode? Enhanced { get; }

    /// <summary>For a 334 reply, the decoded SASL challenge.</summary>
    public SaslPayload? Challenge { get; }

    public bool IsMalformed => Problem is not null;

    public ReplyClass Class => IsMalformed ? ReplyClass.Malformed : (ReplyClass)(Code / 100);

    public bool IsSuccess => Code is >= 200 and < 400;

    /// <summary>The reply as a transcript shows it: <see cref="FormatLines"/> joined with '\n'. Computed once per reply.</summary>
    public string DisplayText => _displayText ??= string.Join('\n', FormatLines());

    private string? _displayText;

    /// <summary>The text of all lines joined with a space: what people quote in bug reports.</summary>
    public string Text => Lines.Count == 1 ? Lines[0] : string.Join(' ', Lines);

    /// <summary>The reply as it is conventionally written, one string per line: <c>250-first</c>, …, <c>250 last</c>.</summary>
    public IEnumerable<string> FormatLines()
    {
        if (IsMalformed)
        {
            foreach (var line in Lines) yield return line;
            yield break;
        }
        string code = Code.ToString(CultureInfo.InvariantCulture);
        for (int i = 0; i < Lines.Count; i++)
            yield return code + (i == Lines.Count - 1 ? " " : "-") + Lines[i];
    }

    /// <summary>Builds a well-formed reply from text, as the parser would have produced it (for tests and servers).</summary>
    public static SmtpReply Create(int code, params string[] lines)
    {
        var raw = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
            raw.Append(code.ToString(CultureInfo.InvariantCulture)).Append(i == lines.Length - 1 ? ' ' : '-').Append(lines[i]).Append("\r\n");
        return new SmtpReply(code, lines, Encoding.UTF8.GetBytes(raw.ToString()));
    }

    public override string ToString() => string.Join("\n", FormatLines());
}
