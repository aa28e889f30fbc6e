namespace SmtpConsole.Messages.Generator;

/// <summary>
/// How many values a catalogue text takes: the highest <c>{n}</c> plus one, read the way <c>string.Format</c> reads it
/// (<c>{{</c> and <c>}}</c> are literal braces; a hole may carry <c>,alignment</c> and <c>:format</c>).
/// </summary>
internal static class CompositeFormatText
{
    /// <summary>The number of values <paramref name="text"/> takes, or -1 with <paramref name="problem"/> when string.Format would throw on it.</summary>
    public static int CountValues(string text, out string? problem)
    {
        problem = null;
        int highest = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '}')
            {
                if (i + 1 < text.Length && text[i + 1] == '}') { i++; continue; }
                problem = $"a lone '}}' at position {i} (write '}}}}' for a brace)";
                return -1;
            }
            if (c != '{') continue;
            if (i + 1 < text.Length && text[i + 1] == '{') { i++; continue; }

            int start = i;
            int index = 0, digits = 0;
            for (i++; i < text.Length && text[i] is >= '0' and <= '9' && digits < 6; i++, digits++) index = (index * 10) + (text[i] - '0');
            while (i < text.Length && text[i] == ' ') i++;
            if (digits == 0 || i >= text.Length || text[i] is not ('}' or ',' or ':'))
            {
                problem = $"'{{' at position {start} does not start a placeholder like {{0}} (write '{{{{' for a brace)";
                return -1;
            }
            while (i < text.Length && text[i] != '}') i++;
            if (i >= text.Length)
            {
                problem = $"the placeholder at position {start} is not closed";
                return -1;
            }
            highest = Math.Max(highest, index);
        }
        return highest + 1;
    }
}
