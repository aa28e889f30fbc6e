using System.Buffers;
using System.Text;
using CsCheck;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

/// <summary>parse ∘ format = id for well-formed replies, whatever the split of the bytes.</summary>
public class ReplyParserPropertyTests
{
    private static readonly Gen<string> LineText = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789 .-<>@:=ABCXYZ"], 0, 40];

    private static readonly Gen<(int Code, string[] Lines)> Replies =
        Gen.Select(Gen.Int[2, 5], Gen.Int[0, 99], LineText.Array[1, 6], (c, rest, lines) => (c * 100 + rest, lines));

    [Fact]
    public void FormatThenParse_RoundTrips()
    {
        Replies.Sample(r =>
        {
            var original = SmtpReply.Create(r.Code, r.Lines);
            var parser = new ReplyParser();
            var buffer = new ReadOnlySequence<byte>(original.RawBytes);
            Assert.True(parser.TryRead(ref buffer, out var parsed));
            Assert.Equal(r.Code, parsed!.Code);
            Assert.Equal(r.Lines, parsed.Lines);
            Assert.Equal(original.RawBytes, parsed.RawBytes);
            Assert.True(buffer.IsEmpty);
        }, iter: 2000);
    }

    [Fact]
    public void SplitAnywhere_GivesTheSameReply()
    {
        Gen.Select(Replies, Gen.Int[0, 1000]).Sample(t =>
        {
            var original = SmtpReply.Create(t.Item1.Code, t.Item1.Lines);
            int split = t.Item2 % (original.RawBytes.Length + 1);
            var parser = new ReplyParser();
            var first = new ReadOnlySequence<byte>(original.RawBytes[..split]);
            SmtpReply? parsed = null;
            if (!parser.TryRead(ref first, out parsed))
            {
                var rest = new ReadOnlySequence<byte>([.. first.ToArray(), .. original.RawBytes[split..]]);
                Assert.True(parser.TryRead(ref rest, out parsed));
            }
            Assert.Equal(t.Item1.Lines, parsed!.Lines);
        }, iter: 2000);
    }

    [Fact]
    public void ArbitraryBytes_NeverThrowAndAlwaysConsume()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var parser = new ReplyParser(maxLineLength: 64);
            var buffer = new ReadOnlySequence<byte>(bytes);
            int guard = 0;
            while (parser.TryRead(ref buffer, out var reply))
            {
                Assert.NotNull(reply);
                Assert.True(++guard < 1000);
                foreach (var line in reply!.Lines) Assert.DoesNotContain(line, c => c < 0x20 && c != ' ');
            }
            Assert.True(buffer.Length <= 64);
        }, iter: 3000);
    }

    [Fact]
    public void ServerTextDecode_OutputNeverContainsControlCharacters()
    {
        Gen.Byte.Array[0, 100].Sample(bytes =>
        {
            string text = ServerText.Decode(bytes);
            Assert.DoesNotContain(text, c => char.IsControl(c) || c is '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068');
            _ = Encoding.UTF8.GetBytes(text);
        }, iter: 3000);
    }
}
