using SmtpConsole.App;

namespace SmtpConsole.Tests.App;

/// <summary>
/// How a paste becomes lines. tmux turns every LF into CR, so a CR LF text arrives as CR CR: each pair is one line
/// end (a blank line is two pairs), while an LF text (single CRs) keeps its genuine blank lines.
/// </summary>
public sealed class PastedTextTests
{
    [Theory]
    [InlineData("a\r\rb\r\r", new[] { "a", "b" }, "")] // CR LF text through tmux
    [InlineData("Subject: x\r\r\r\rbody\r\r.\r\r", new[] { "Subject: x", "", "body", "." }, "")] // with its blank line
    [InlineData("a\rb\r", new[] { "a", "b" }, "")] // LF text through tmux
    [InlineData("a\r\rb\r", new[] { "a", "", "b" }, "")] // LF text with a genuine blank line: a single CR is there
    [InlineData("a\r\nb\r\n", new[] { "a", "b" }, "")] // CR LF as is (a terminal that does not translate)
    [InlineData("a\n\nb\n", new[] { "a", "", "b" }, "")]
    [InlineData("a\r\rb", new[] { "a" }, "b")] // the unfinished last line stays in the input
    [InlineData("tab\there\r\r", new[] { "tab\there" }, "")]
    public void Lines(string raw, string[] lines, string rest)
    {
        var pasted = PastedText.Parse(raw);
        Assert.Equal(lines, pasted.Lines);
        Assert.Equal(rest, pasted.Rest);
    }
}
