using System.Text;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

/// <summary>
/// A tab in server text is shown as a space, but a message body line the client sent must be saved byte for byte:
/// its transcript replays it (the record → replay property test found a body "tab\tinside" saved as "tab inside").
/// </summary>
public class ServerTextTabTests
{
    [Fact]
    public void Decode_ServerText_ShowsATabAsASpace()
    {
        Assert.Equal("a b", ServerText.Decode(Encoding.UTF8.GetBytes("a\tb")));
    }

    [Theory]
    [InlineData("tab\tinside")]
    [InlineData("\tleading tab")]
    [InlineData("ünïcode\tand tab")]
    public void Decode_KeepingTabs_KeepsEveryTab(string line)
    {
        Assert.Equal(line, ServerText.Decode(Encoding.UTF8.GetBytes(line), fallback: null, keepTabs: true));
    }

    [Fact]
    public void Decode_KeepingTabs_StillEscapesOtherControls()
    {
        Assert.Equal("a\t\\x1b[31m", ServerText.Decode(Encoding.UTF8.GetBytes("a\t\u001b[31m"), fallback: null, keepTabs: true));
    }
}
