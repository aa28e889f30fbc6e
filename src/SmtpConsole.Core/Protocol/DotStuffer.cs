using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SmtpConsole.Core.Protocol;

/// <summary>
/// Streams message bytes into DATA form (RFC 5321 §4.5.2): every line ends in CRLF (bare LF and bare CR become CRLF)
/// and a line that starts with '.' gets a second '.'. Works chunk by chunk, so a 100 MB file never sits in memory;
/// runs of ordinary CRLF lines are found with a vectorised scan and copied in one block.
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
            if (_atLineStart && !_pendingCr)
            {
                // Fast path: whole CRLF lines that need no change are copied in one block (the usual mail text).
                int clean = CleanLines(input);
                if (clean > 0)
                {
                    input[..clean].CopyTo(output[written..]);
                    written += clean;
                    input = input[clean..];
                    if (input.IsEmpty) break;
                }
            }
            written += StuffLine(ref input, output[written..]);
        }
        return written;
    }

    /// <summary>One line (up to and including its first CR or LF, or to the end of the input) the careful way.</summary>
    private int StuffLine(ref ReadOnlySpan<byte> input, Span<byte> output)
    {
        int written = 0;
        if (_pendingCr)
        {
            _pendingCr = false;
            Crlf.CopyTo(output);
            written = 2;
            _atLineStart = true;
            if (input[0] == (byte)'\n')
            {
                input = input[1..];
                return written;
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
            input = [];
            return written;
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
        return written;
    }

    /// <summary>
    /// The length of the leading run of complete lines (it ends just after a LF) that go on the wire unchanged: every
    /// CR followed by LF, every LF preceded by CR, no line starting with '.'. Called at a line start. Vectorised: it
    /// compares each byte with the next one, 16 pairs at a time, so it costs a fraction of a nanosecond per byte.
    /// </summary>
    internal static int CleanLines(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty || input[0] is (byte)'.' or (byte)'\n') return 0;
        int bad = FirstBadPair(input);
        // Everything before the pair (bad, bad + 1) is fine; keep only whole lines of it.
        var candidate = bad < 0 ? input : input[..(bad + 1)];
        return candidate.LastIndexOf((byte)'\n') + 1;
    }

    /// <summary>The first i where (input[i], input[i + 1]) is a bare CR, a bare LF or a LF then '.'; -1 when none.</summary>
    private static int FirstBadPair(ReadOnlySpan<byte> input)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated && input.Length > Vector128<byte>.Count)
        {
            ref byte start = ref MemoryMarshal.GetReference(input);
            var cr = Vector128.Create((byte)'\r');
            var lf = Vector128.Create((byte)'\n');
            var dot = Vector128.Create((byte)'.');
            int last = input.Length - Vector128<byte>.Count - 1; // the second load reads up to i + 16
            for (; i <= last; i += Vector128<byte>.Count)
            {
                var here = Vector128.LoadUnsafe(ref start, (nuint)i);
                var next = Vector128.LoadUnsafe(ref start, (nuint)(i + 1));
                var problem = (Vector128.Equals(here, cr) ^ Vector128.Equals(next, lf))
                    | (Vector128.Equals(here, lf) & Vector128.Equals(next, dot));
                if (problem != Vector128<byte>.Zero) return i + BitOperations.TrailingZeroCount(problem.ExtractMostSignificantBits());
            }
        }
        for (; i + 1 < input.Length; i++)
        {
            byte here = input[i], next = input[i + 1];
            if ((here == (byte)'\r') != (next == (byte)'\n') || (here == (byte)'\n' && next == (byte)'.')) return i;
        }
        return -1;
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
