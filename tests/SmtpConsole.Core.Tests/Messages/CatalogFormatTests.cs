using System.Globalization;
using System.Text;
using CsCheck;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Core.Tests.Messages;

/// <summary>
/// The catalogue's formatting shortcut (plain texts and a single <c>{0}</c> joined without formatting) gives exactly
/// what the catalogue gave before it, <see cref="CompositeFormat"/> with the invariant culture, or fails the same way.
/// (That is not always <see cref="string.Format(IFormatProvider, string, object[])"/>: a text without any placeholder
/// keeps its <c>{{</c> and <c>}}</c> as they are.)
/// </summary>
public class CatalogFormatTests
{
    private static readonly object?[][] ArgumentSets =
    [
        [],
        ["RCPT TO:<a@example.test>"],
        [null],
        [42, "two", 3.5, -7L, 'x'],
        ["a", "b", "c", "d", "e", "f", "g", "h"],
        [12345.678, DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(1500)],
        [new Uri("smtp://mx.example.test:25"), true, (object?)null, 0],
    ];

    [Fact]
    public void EveryCatalogueText_FormatsAsBefore()
    {
        foreach (var language in (UiLanguage[])[UiLanguage.English, UiLanguage.SimplifiedChinese])
            foreach (var (key, text) in MessageCatalog.Entries(language))
                foreach (var args in ArgumentSets)
                    AssertSame(text, args, $"{language} {key}");
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("")]
    [InlineData("reply to {0}")]
    [InlineData("{0}")]
    [InlineData("{0} and {0}")]
    [InlineData("{0}{1}")]
    [InlineData("{1} before {0}")]
    [InlineData("{0,5}|")]
    [InlineData("{0:x8}")]
    [InlineData("{{literal}} {0}")]
    [InlineData("{0} }}")]
    [InlineData("{0")]
    [InlineData("}")]
    [InlineData("}}")]
    [InlineData("a}}b")]
    [InlineData("对 {0} 的回复")]
    public void EdgeTemplates_FormatAsBefore(string template)
    {
        foreach (var args in ArgumentSets) AssertSame(template, args, template);
    }

    private static readonly string[] Pieces = ["a", " ", "{0}", "{1}", "{", "}", "{{", "}}", "{0:x}", "{0,3}", "中", "<x@y>"];

    [Fact]
    public void RandomTemplatesAndArguments_FormatAsBefore()
    {
        var template = Gen.Int[0, Pieces.Length - 1].Array[0, 6].Select(picks => string.Concat(picks.Select(i => Pieces[i])));
        var argument = Gen.OneOf(Gen.String.Select(s => (object?)s), Gen.Int.Select(i => (object?)i), Gen.Const((object?)null));
        Gen.Select(template, argument.Array[0, 3]).Sample((text, args) => AssertSame(text, args, text));
    }

    private static void AssertSame(string template, object?[] args, string what)
    {
        string? expected = null, actual = null;
        Type? expectedError = null, actualError = null;
        try
        {
            expected = string.Format(CultureInfo.InvariantCulture, CompositeFormat.Parse(template), args);
        }
        catch (FormatException ex)
        {
            expectedError = ex.GetType();
        }
        try
        {
            actual = new CatalogFormat(template).Format(args);
        }
        catch (FormatException ex)
        {
            actualError = ex.GetType();
        }
        Assert.True(expected == actual && expectedError == actualError,
            $"{what}: before gave {expected ?? expectedError?.Name}, CatalogFormat gave {actual ?? actualError?.Name}");
    }
}
