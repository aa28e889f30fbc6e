using System.Text;
using CsCheck;

namespace SmtpConsole.PracticeServer.Tests;

public sealed class DotUnstuffingDecoderTests
{
    private static (string Content, int Consumed, bool Complete) Decode(string wire)
    {
        var decoder = new DotUnstuffingDecoder();
        var buffer = new MessageContentBuffer(long.MaxValue);
        var consumed = decoder.Decode(Encoding.Latin1.GetBytes(wire), buffer);
        return (Encoding.Latin1.GetString(buffer.ToArray()), consumed, decoder.IsComplete);
    }

    [Theory]
    [InlineData(".\r\n", "")]
    [InlineData("a\r\n.\r\n", "a\r\n")]
    [InlineData("..leading dot\r\n.\r\n", ".leading dot\r\n")]
    [InlineData("a\r\n..\r\n.\r\n", "a\r\n.\r\n")]
    [InlineData("a.b\r\n.\r\n", "a.b\r\n")]
    [InlineData(".x\r\n.\r\n", "x\r\n")]
    [InlineData("a\n.\nb\r\n.\r\n", "a\n.\nb\r\n")]
    [InlineData("a\r\n.\nb\r\n.\r\n", "a\r\n\nb\r\n")]
    [InlineData("a\r\n.\rb\r\n.\r\n", "a\r\n\rb\r\n")]
    [InlineData("a\r\n.\r\rb\r\n.\r\n", "a\r\n\r\rb\r\n")]
    [InlineData("a\r\r\n.\r\n", "a\r\r\n")]
    public void Unstuffs_and_stops_only_at_crlf_dot_crlf(string wire, string expected)
    {
        var (content, consumed, complete) = Decode(wire);
        Assert.True(complete);
        Assert.Equal(expected, content);
        Assert.Equal(wire.Length, consumed);
    }

    [Theory]
    [InlineData("a\n.\n")]
    [InlineData("a\r\n.\n")]
    [InlineData("a\n.\r\n")]
    [InlineData("a\r.\r\n")]
    [InlineData("a\r\n.")]
    public void Bare_line_feeds_never_end_the_data(string wire)
    {
        Assert.False(Decode(wire).Complete);
    }

    [Fact]
    public void Leaves_pipelined_commands_after_the_end_mark()
    {
        var (content, consumed, complete) = Decode("hi\r\n.\r\nQUIT\r\n");
        Assert.True(complete);
        Assert.Equal("hi\r\n", content);
        Assert.Equal(7, consumed);
    }

    [Fact]
    public void Round_trips_any_content_split_into_any_pieces()
    {
        var content = Gen.OneOf((byte)'.', (byte)'\r', (byte)'\n', (byte)'a', (byte)0xFF).Array[0, 60]
            .Select(bytes => bytes.Length == 0 || bytes.AsSpan().EndsWith("\r\n"u8) ? bytes : [.. bytes, (byte)'\r', (byte)'\n']);
        Gen.Select(content, Gen.Int[1, 9]).Sample((original, pieceSize) =>
        {
            byte[] wire = [.. Stuff(original), .. "NEXT"u8];
            var decoder = new DotUnstuffingDecoder();
            var output = new MessageContentBuffer(long.MaxValue);
            var consumed = 0;
            while (!decoder.IsComplete && consumed < wire.Length)
            {
                var piece = wire.AsSpan(consumed, Math.Min(pieceSize, wire.Length - consumed));
                consumed += decoder.Decode(piece, output);
            }

            return decoder.IsComplete && output.ToArray().AsSpan().SequenceEqual(original) && consumed == wire.Length - 4;
        });
    }

    /// <summary>What an SMTP client sends for <paramref name="content"/>: dots doubled at line starts, then CRLF.CRLF.</summary>
    private static byte[] Stuff(byte[] content)
    {
        var wire = new List<byte>();
        var atLineStart = true;
        for (var i = 0; i < content.Length; i++)
        {
            if (atLineStart && content[i] == '.')
            {
                wire.Add((byte)'.');
            }

            wire.Add(content[i]);
            atLineStart = content[i] == '\n' && i > 0 && content[i - 1] == '\r';
        }

        wire.AddRange(".\r\n"u8.ToArray());
        return [.. wire];
    }
}
