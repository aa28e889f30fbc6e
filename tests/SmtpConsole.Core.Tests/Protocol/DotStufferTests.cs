using System.Text;
using CsCheck;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

public class DotStufferTests
{
    private static string Stuff(string input, int chunk = int.MaxValue)
    {
        var stuffer = new DotStuffer();
        byte[] bytes = Encoding.UTF8.GetBytes(input);
        var output = new List<byte>();
        for (int i = 0; i < bytes.Length; i += chunk)
        {
            var piece = bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i));
            var buffer = new byte[DotStuffer.MaxOutputLength(piece.Length)];
            int n = stuffer.Stuff(piece, buffer);
            output.AddRange(buffer[..n]);
        }
        output.AddRange(stuffer.Finish());
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Theory]
    [InlineData("hello\r\n", "hello\r\n.\r\n")]
    [InlineData("hello", "hello\r\n.\r\n")]
    [InlineData(".hidden\r\n", "..hidden\r\n.\r\n")]
    [InlineData("a\r\n.\r\nb\r\n", "a\r\n..\r\nb\r\n.\r\n")]
    [InlineData("a\n.b\n", "a\r\n..b\r\n.\r\n")]
    [InlineData("a\rb", "a\r\nb\r\n.\r\n")]
    [InlineData("", ".\r\n")]
    [InlineData("x.y\r\n", "x.y\r\n.\r\n")]
    public void Stuff_Examples(string input, string expected)
    {
        Assert.Equal(expected, Stuff(input));
        Assert.Equal(expected, Stuff(input, chunk: 1));
    }

    [Fact]
    public void StuffLine_DoublesOnlyALeadingDot()
    {
        Assert.Equal("..x", DotStuffer.StuffLine(".x"));
        Assert.Equal("x.", DotStuffer.StuffLine("x."));
        Assert.Equal(".x", DotStuffer.UnstuffLine("..x"));
    }

    [Fact]
    public void StuffThenUnstuff_RoundTripsCrlfText_AnyChunking()
    {
        var lines = Gen.String[Gen.Char["ab. \t"], 0, 12].Array[0, 12];
        Gen.Select(lines, Gen.Int[1, 20]).Sample(t =>
        {
            string message = string.Concat(t.Item1.Select(l => l + "\r\n"));
            string wire = Stuff(message, t.Item2);
            Assert.EndsWith("\r\n.\r\n", "\r\n" + wire);
            // Unstuff: drop the terminator, then remove one leading dot per line (what a server does).
            string body = wire[..^3];
            var restored = body.Split("\r\n")[..^1].Select(DotStuffer.UnstuffLine);
            Assert.Equal(t.Item1, restored);
            Assert.DoesNotContain("\r\n.\r\n", "\r\n" + body);
        }, iter: 2000);
    }
}
