namespace SmtpConsole.Core.Protocol;

/// <summary>
/// Streams message bytes into DATA form (RFC 5321 §4.5.2): every line ends in CRLF (bare LF and bare CR become CRLF)
/// and a line that starts with '.' gets a second '.'. Works chunk by chunk, so a 100 MB file never sits in memory.
/// </summary>
public sealed class DotStuffer
{
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    private bool _atLineStart = true;
    private bool _pendingCr;

    /// <summary>How much output room <see cref="Stuff"/> may need for an input of <paramref name="inputLength"/> bytes.</summary>
    public static int MaxOutputLength(int inputLength) => inputLength * 2 + 2;

    /// <summary>Number of bytes that were stuffed (extra dots added) so far.</summary>
    public long DotsAdded { get; private set; }

    /// <summary>Transforms <paramref name="input"/> into <paramref name="output"/>; returns the bytes written.</summary>
    public int Stuff(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int written = 0;
        while (!input.IsEmpty)
        {
            if (_pendingCr)
            {
                _pendingCr = false;
                Crlf.CopyTo(output[written..]);
                written += 2;
                _atLineStart = true;
                if (input[0] == (byte)'\n')
                {
                    input = input[1..];
                    continue;
                }
            }
            if (_atLineStart && input[0] == (byte)'.')
            {
                output[written++] = (byte)'.';
                DotsAdded++;
            }
            int end = input.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                input.CopyTo(output[written..]);
                written += input.Length;
                _atLineStart = false;
                break;
            }
            input[..end].CopyTo(output[written..]);
            written += end;
            if (input[end] == (byte)'\r')
            {
                _pendingCr = true;
                _atLineStart = false;
            }
            else
            {
                Crlf.CopyTo(output[written..]);
                written += 2;
                _atLineStart = true;
            }
            input = input[(end + 1)..];
        }
        return written;
    }

    /// <summary>The bytes that end the DATA: a CRLF when the last line was unterminated, then <c>.CRLF</c>.</summary>
    public byte[] Finish()
    {
        bool needCrlf = _pendingCr || !_atLineStart;
        _pendingCr = false;
        _atLineStart = true;
        return needCrlf ? "\r\n.\r\n"u8.ToArray() : ".\r\n"u8.ToArray();
    }

    /// <summary>Stuffs one body line typed by a person (no line ending inside).</summary>
    public static string StuffLine(string line) => line.StartsWith('.') ? "." + line : line;

    /// <summary>Reverses stuffing of one line as it appears on the wire.</summary>
    public static string UnstuffLine(string line) => line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line;
}
