using System.Text;

namespace SmtpConsole.App;

/// <summary>
/// A paste as lines: CR LF, CR and LF all end a line; control characters other than tab are dropped (a pasted ESC
/// must not become a key). The text after the last line break is not a finished line: it stays in the input.
/// </summary>
internal readonly record struct PastedText(IReadOnlyList<string> Lines, string Rest)
{
    public static PastedText Parse(string raw)
    {
        raw = UndoDoubledCarriageReturns(raw);
        var lines = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c is '\r' or '\n')
            {
                lines.Add(current.ToString());
                current.Clear();
                if (c == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n') i++;
            }
            else if (c == '\t' || !char.IsControl(c))
            {
                current.Append(c);
            }
        }
        return new PastedText(lines, current.ToString());
    }

    public bool IsMultiLine => Lines.Count > 0;

    /// <summary>
    /// tmux pastes every LF as CR, so a CR LF text (copied from a Windows file or a mail source) arrives as CR CR:
    /// read as is, every line would be followed by an empty one — in a message body the first one ends the headers.
    /// When the paste has no LF and every run of CRs is even (CR LF pairs, a blank line being two of them), each pair
    /// is one line end. An LF text keeps its single CRs (a run of one) and is left alone.
    /// </summary>
    private static string UndoDoubledCarriageReturns(string raw)
    {
        if (raw.Contains('\n') || !raw.Contains("\r\r", StringComparison.Ordinal)) return raw;
        for (int i = 0; i < raw.Length;)
        {
            if (raw[i] != '\r')
            {
                i++;
                continue;
            }
            int run = 0;
            while (i < raw.Length && raw[i] == '\r')
            {
                run++;
                i++;
            }
            if (run % 2 != 0) return raw;
        }
        var halved = new StringBuilder(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            halved.Append(raw[i]);
            if (raw[i] == '\r') i++; // skip the second CR of the pair
        }
        return halved.ToString();
    }
}
