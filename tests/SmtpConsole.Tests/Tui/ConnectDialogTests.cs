using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace SmtpConsole.Tests.Tui;

public sealed class ConnectDialogTests
{
    [Fact]
    public void F2_HasACaFileField_AndAnExplicitDontVerifyCheckbox()
    {
        using var tui = TuiHarness.Start(writeLog: false);
        tui.Press(Key.F2);
        var panel = Assert.IsType<ConnectPanel>(tui.Window.TopPanel);
        string screen = tui.Screen();
        Assert.Contains("CA file:", screen);
        Assert.Contains("don't verify the certificate", screen);

        panel.Host.Text = "mx.example.test";
        panel.Port.Text = "587";
        panel.Security.Selected = 1;
        panel.CaFile.Text = "/etc/ssl/private ca.pem";
        Assert.Equal("/connect mx.example.test 587 --starttls --cafile \"/etc/ssl/private ca.pem\"", panel.CommandLine());

        panel.CaFile.Text = string.Empty;
        panel.Insecure.Value = CheckState.Checked;
        Assert.Equal("/connect mx.example.test 587 --starttls --insecure", panel.CommandLine());
        tui.Press(Key.Esc);
    }
}
