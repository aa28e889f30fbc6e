using CsCheck;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

/// <summary>
/// The neutraliser skips a clean prefix (printable ASCII, and for multi-line text tabs and line feeds) with one
/// vectorised scan: a character needing an escape after a prefix of any length is still escaped, exactly as at the start.
/// </summary>
public class ServerTextFastPathTests
{
    private static readonly Gen<string> Clean = Gen.String[Gen.Char[' ', '~'], 0, 100];

    // Controls, DEL, C1, tabs, line feeds, bidi/zero-width (Cf), separators, lone and paired surrogates, plain text.
    private static readonly string[] Pieces = ["\u0001", "\u001b[2J", "\u007f", "\u0085", "\t", "\n", "\u202e", "\u200b", "\u2028", "\ud800", "\udc00", "\ud83d\ude00", "\udb40\udc41", "é", "中", "ok ", "\r"];

    private static readonly Gen<string> Rest = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[1, 6].Select(string.Concat);

    [Fact]
    public void CleanText_ComesBackAsTheSameString()
    {
        Clean.Sample(text =>
        {
            Assert.Same(text, ServerText.Neutralize(text));
            Assert.Same(text, ServerText.NeutralizeLines(text));
            string lines = text.Replace('~', '\n').Replace('}', '\t');
            Assert.Same(lines, ServerText.NeutralizeLines(lines));
        });
    }

    [Fact]
    public void AfterAnyCleanPrefix_TheRestIsNeutralisedAsOnItsOwn()
    {
        Gen.Select(Clean, Rest).Sample(t =>
        {
            (string prefix, string rest) = t;
            Assert.Equal(prefix + ServerText.Neutralize(rest), ServerText.Neutralize(prefix + rest));
            Assert.Equal(prefix + ServerText.NeutralizeLines(rest), ServerText.NeutralizeLines(prefix + rest));
        });
    }

    [Theory]
    [InlineData("250 ok\u202e", "250 ok\\u202e")]
    [InlineData("250 a long clean prefix of more than thirty-two characters\u001b[2J", "250 a long clean prefix of more than thirty-two characters\\x1b[2J")]
    [InlineData("250 a long clean prefix of more than thirty-two characters\ttab", "250 a long clean prefix of more than thirty-two characters tab")]
    public void Neutralize_EscapesAfterALongCleanPrefix(string text, string expected) =>
        Assert.Equal(expected, ServerText.Neutralize(text));

    [Fact]
    public void NeutralizeLines_KeepsTabsAndLineFeedsAndEscapesTheRest() =>
        Assert.Equal("250-a clean first line that is long enough\n250 b\tc \\x07 \\ud800", ServerText.NeutralizeLines("250-a clean first line that is long enough\n250 b\tc \u0007 \ud800"));
}
