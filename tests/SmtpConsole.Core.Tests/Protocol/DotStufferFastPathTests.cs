using CsCheck;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

/// <summary>
/// The vectorised fast path (whole clean CRLF lines copied in one block) against a byte-at-a-time reference of
/// RFC 5321 §4.5.2 stuffing, for any mix of CR, LF, dots and text and any chunking.
/// </summary>
public class DotStufferFastPathTests
{
    /// <summary>The rules one byte at a time: CRLF, bare CR and bare LF end a line with CRLF; a leading '.' is doubled.</summary>
    private static byte[] Reference(byte[] input)
    {
        var output = new List<byte>();
        bool lineStart = true;
        for (int i = 0; i < input.Length; i++)
        {
            byte b = input[i];
            if (b == '\r' || b == '\n')
            {
                output.Add((byte)'\r');
                output.Add((byte)'\n');
                if (b == '\r' && i + 1 < input.Length && input[i + 1] == '\n') i++;
                lineStart = true;
                continue;
            }
            if (lineStart && b == '.') output.Add((byte)'.');
            output.Add(b);
            lineStart = false;
        }
        if (!lineStart) output.AddRange("\r\n"u8.ToArray());
        output.AddRange(".\r\n"u8.ToArray());
        return [.. output];
    }

    private static byte[] Stuff(byte[] input, int chunk)
    {
        var stuffer = new DotStuffer();
        var output = new List<byte>();
        var buffer = new byte[DotStuffer.MaxOutputLength(Math.Max(1, chunk))];
        for (int i = 0; i < input.Length; i += chunk)
        {
            int n = stuffer.Stuff(input.AsSpan(i, Math.Min(chunk, input.Length - i)), buffer);
            output.AddRange(buffer[..n]);
        }
        output.AddRange(stuffer.Finish());
        return [.. output];
    }

    [Fact]
    public void AnyBytesAnyChunking_MatchTheReference()
    {
        // Mostly CRLF text (so the fast path runs long), with bare CR, bare LF and dots sprinkled in.
        string[] pieces = ["abc", "hello world ", "\r\n", "\r\n", "\r\n", "\r\n.", ".", "\n", "\r", "..", "\r\n\r\n", "x"];
        var piece = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]);
        var text = piece.Array[0, 80].Select(p => System.Text.Encoding.ASCII.GetBytes(string.Concat(p)));
        Gen.Select(text, Gen.Int[1, 70]).Sample(t =>
        {
            Assert.Equal(Reference(t.Item1), Stuff(t.Item1, t.Item2));
        }, iter: 5000);
    }

    [Fact]
    public void LongCleanText_IsCopiedAsWholeLines()
    {
        byte[] text = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"line {i} of ordinary text\r\n")));
        Assert.Equal(text.Length, DotStuffer.CleanLines(text));
        int lastLine = "line 199 of ordinary text\r\n".Length;
        Assert.Equal(text.Length - lastLine, DotStuffer.CleanLines(text.AsSpan(0, text.Length - 1))); // a CR split from its LF waits
        text[110] = (byte)'\n'; // a bare LF inside line 4 (lines 0-3 are 25 bytes each): the run stops before line 4
        Assert.Equal(100, DotStuffer.CleanLines(text));
        Assert.Equal(Reference(text), Stuff(text, 64 * 1024));
        Assert.Equal(Reference(text), Stuff(text, 17));
    }
}
