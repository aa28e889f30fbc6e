using System.Text;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Tests.Support;

namespace SmtpConsole.Tests.Tui;

/// <summary>QQ and older Chinese servers answer in GBK: the transcript on screen shows the Chinese, marked.</summary>
public sealed class GbkReplyTests
{
    [Fact]
    public void A_Gbk535_IsShownDecodedAndMarkedOnScreen()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        byte[] refusal = [.. "535 "u8, .. Encoding.GetEncoding(936).GetBytes("登录失败，请用授权码登录"), .. "\r\n"u8];
        using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 smtp.qq.example ESMTP\r\n");
            await c.ServeAsync(line => line.StartsWith("NOOP", StringComparison.OrdinalIgnoreCase) ? null : "250 ok\r\n");
            await c.SendBytesAsync(refusal);
            await c.WaitForCloseAsync(TimeSpan.FromSeconds(10));
        });
        using var tui = TuiHarness.Start(width: 100, height: 30);
        tui.Connect(server);

        tui.Submit("NOOP");

        tui.WaitForText("S: 535 登录失败，请用授权码登录" + ServerText.Gb18030Marker);
        Assert.DoesNotContain("\\xb5", tui.Screen(), StringComparison.Ordinal);
    }
}
