using System.Text;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// Splits a command line into words the way Postfix's smtpd does, so the same typos get the same replies:
/// words are separated by white space, &lt;...&gt; and "..." keep their spaces, and <c>FROM:</c> / <c>TO:</c>
/// become words of their own (so both <c>MAIL FROM:&lt;a@b&gt;</c> and <c>MAIL FROM: &lt;a@b&gt;</c> work).
/// </summary>
internal static class SmtpCommandTokenizer
{
    public static IReadOnlyList<SmtpToken> Tokenize(string line)
    {
        var tokens = new List<SmtpToken>();
        var current = new StringBuilder();
        var malformed = false;
        var position = 0;

        void EndToken()
        {
            if (current.Length > 0)
            {
                tokens.Add(new SmtpToken(current.ToString(), malformed));
            }

            current.Clear();
            malformed = false;
        }

        while (position < line.Length)
        {
            var c = line[position++];
            if (char.IsWhiteSpace(c))
            {
                EndToken();
            }
            else if (c is '<' or '"')
            {
                current.Append(c);
                position = ReadQuoted(line, position, c == '<' ? '>' : '"', current, ref malformed);
            }
            else if (c == ':')
            {
                current.Append(c);
                if (current.Length is 3 or 5 && current.ToString().ToUpperInvariant() is "FROM:" or "TO:")
                {
                    EndToken();
                }
            }
            else
            {
                current.Append(c);
                if (c == '\\' && position < line.Length)
                {
                    current.Append(line[position++]);
                }
            }
        }

        EndToken();
        return tokens;
    }

    /// <summary>Copies a quoted section, honouring nested quotes inside angle brackets and backslash escapes.</summary>
    private static int ReadQuoted(string line, int position, char closing, StringBuilder current, ref bool malformed)
    {
        var expected = new Stack<char>();
        expected.Push(closing);
        while (position < line.Length)
        {
            var c = line[position++];
            current.Append(c);
            if (c == '\\')
            {
                if (position >= line.Length)
                {
                    break;
                }

                current.Append(line[position++]);
            }
            else if (c == expected.Peek())
            {
                expected.Pop();
                if (expected.Count == 0)
                {
                    return position;
                }
            }
            else if (c == '"')
            {
                expected.Push('"');
            }
            else if (c == '<' && expected.Peek() == '>')
            {
                expected.Push('>');
            }
        }

        malformed = true;
        return position;
    }
}
