namespace SmtpConsole.PracticeServer;

/// <summary>
/// Turns the byte stream after DATA into message content: removes the transparency dot that starts a line
/// (RFC 5321 section 4.5.2) and stops at the end-of-data mark. Only CR LF "." CR LF ends the data; a bare LF
/// never starts a line, which closes the SMTP smuggling hole (a "\n.\n" inside the content stays content).
/// Input may arrive in pieces of any size; the decoder keeps its position between calls.
/// </summary>
internal sealed class DotUnstuffingDecoder
{
    private State state = State.LineStart;

    private enum State
    {
        /// <summary>At the very start of the data or right after CR LF.</summary>
        LineStart,

        /// <summary>A line started with ".", which is not yet copied.</summary>
        DotAtLineStart,

        /// <summary>A line is "." followed by CR; one LF more ends the data.</summary>
        DotThenCr,

        /// <summary>Inside a line.</summary>
        InLine,

        /// <summary>Inside a line, right after CR.</summary>
        AfterCr,

        /// <summary>The end-of-data mark has been read.</summary>
        Complete,
    }

    /// <summary>True once the end-of-data mark has been consumed.</summary>
    public bool IsComplete => state == State.Complete;

    /// <summary>
    /// Decodes as much of <paramref name="input"/> as belongs to the message and returns how many bytes were
    /// consumed; bytes after the end-of-data mark (pipelined commands) are left for the caller.
    /// </summary>
    public int Decode(ReadOnlySpan<byte> input, MessageContentBuffer output)
    {
        // Copy runs of ordinary bytes in one go; only the bytes around line starts need individual attention.
        var runStart = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            switch (state)
            {
                case State.LineStart:
                    if (b == (byte)'.')
                    {
                        output.Append(input[runStart..i]);
                        runStart = i + 1;
                        state = State.DotAtLineStart;
                    }
                    else
                    {
                        state = b == (byte)'\r' ? State.AfterCr : State.InLine;
                    }

                    break;

                case State.DotAtLineStart:
                    // The dot has been dropped; whatever follows is ordinary content.
                    state = b == (byte)'\r' ? State.DotThenCr : State.InLine;
                    if (b == (byte)'\r')
                    {
                        output.Append(input[runStart..i]);
                        runStart = i + 1;
                    }

                    break;

                case State.DotThenCr:
                    if (b == (byte)'\n')
                    {
                        output.Append(input[runStart..i]);
                        state = State.Complete;
                        return i + 1;
                    }

                    // Not the end after all: the CR held back belongs to the content.
                    output.Append(input[runStart..i]);
                    output.Append("\r"u8);
                    runStart = i;
                    state = b == (byte)'\r' ? State.AfterCr : State.InLine;
                    break;

                case State.InLine:
                    if (b == (byte)'\r')
                    {
                        state = State.AfterCr;
                    }

                    break;

                case State.AfterCr:
                    state = b switch
                    {
                        (byte)'\n' => State.LineStart,
                        (byte)'\r' => State.AfterCr,
                        _ => State.InLine,
                    };
                    break;

                default:
                    return i;
            }
        }

        output.Append(input[runStart..]);
        return input.Length;
    }

    /// <summary>Starts over for the next message.</summary>
    public void Reset() => state = State.LineStart;
}
