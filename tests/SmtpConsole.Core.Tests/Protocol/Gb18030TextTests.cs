using System.Text;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Tests.Protocol;

public class Gb18030TextTests
{
    private static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936).GetBytes(text);
    }

    [Theory]
    [InlineData("Error: 登录失败")]
    [InlineData("欢迎使用QQ邮箱")]
    [InlineData("请使用授权码登录。详情请看 http://service.mail.qq.com")]
    public void Decode_GbkText_IsReadAndMarked(string text) =>
        Assert.Equal(text + ServerText.Gb18030Marker, ServerText.Decode(Gbk(text)));

    [Theory]
    [InlineData("Grüße aus Köln")]
    [InlineData("café crème")]
    [InlineData("Köln")]
    public void Decode_Latin1Text_IsNotMistakenForChinese(string text)
    {
        string shown = ServerText.Decode(Encoding.Latin1.GetBytes(text));
        Assert.Contains("\\x", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerText.Gb18030Marker, shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8Chinese_IsNotMarked() => Assert.Equal("登录失败", ServerText.Decode(Encoding.UTF8.GetBytes("登录失败")));

    [Fact]
    public void Decode_ExplicitFallback_WinsOverDetection() =>
        Assert.Equal("\u00b5\u00c7\u00c2\u00bc", ServerText.Decode(Gbk("登录"), Encoding.Latin1));

    [Fact]
    public void Decode_GbkWithControlBytes_StaysNeutralised() =>
        Assert.Equal("登录\\x1b[2J失败" + ServerText.Gb18030Marker, ServerText.Decode([.. Gbk("登录"), 0x1B, .. "[2J"u8, .. Gbk("失败")]));
}
