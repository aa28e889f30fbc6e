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
}
