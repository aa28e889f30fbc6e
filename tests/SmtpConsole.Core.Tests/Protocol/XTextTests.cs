using CsCheck;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

public class XTextTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a b", "a+20b")]
    [InlineData("1+1=2", "1+2B1+3D2")]
    [InlineData("jörg@example.test", "j+C3+B6rg@example.test")]
    [InlineData("QQ2023-报告", "QQ2023-+E6+8A+A5+E5+91+8A")]
    public void Encode_UsesUpperCaseHexForSpacePlusEqualsAndNonAscii(string raw, string xtext)
    {
        Assert.Equal(xtext, XText.Encode(raw));
        Assert.True(XText.TryDecode(xtext, out var decoded, out _));
        Assert.Equal(raw, decoded);
    }

    [Theory]
    [InlineData("a+2", "not followed by two hex digits")]
    [InlineData("a+2b", "upper-case hex")]
    [InlineData("a=b", "must be written as +XX")]
    [InlineData("jörg", "must be written as +XX")]
    public void TryDecode_RejectsMalformedXText(string value, string reason)
    {
        Assert.False(XText.TryDecode(value, out _, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void EncodeThenDecode_RoundTripsAnyText_AndEncodedIsPrintableAscii()
    {
        Gen.String.Sample(text =>
        {
            // Lone surrogates cannot survive UTF-8, which is what xtext carries; skip them.
            if (System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)) != text) return;
            string encoded = XText.Encode(text);
            Assert.All(encoded, c => Assert.InRange(c, '!', '~'));
            Assert.DoesNotContain('=', encoded);
            Assert.True(XText.TryDecode(encoded, out var decoded, out var problem), problem);
            Assert.Equal(text, decoded);
            Assert.Equal(XText.NeedsEncoding(text), encoded != text);
        }, iter: 3000);
    }

    [Fact]
    public void ValidXText_DecodesAndReEncodesToTheSameMeaning()
    {
        var xchar = Gen.Char['!', '~'].Where(c => c is not ('+' or '=')).Select(c => c.ToString());
        var hexchar = Gen.Byte[0, 127].Select(b => "+" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        Gen.OneOf(xchar, hexchar).Array[0, 30].Select(parts => string.Concat(parts)).Sample(xtext =>
        {
            Assert.True(XText.IsValid(xtext));
            Assert.True(XText.TryDecode(xtext, out var decoded, out _));
            Assert.True(XText.TryDecode(XText.Encode(decoded), out var again, out _));
            Assert.Equal(decoded, again);
        }, iter: 2000);
    }
}
