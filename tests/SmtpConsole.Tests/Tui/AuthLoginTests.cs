using System.Text;
using SmtpConsole.Core.Session;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

public sealed class AuthLoginTests
{
    private const string Secret = "Tr0ub4dor&3-horse";

    [Fact]
    public void AuthLoginHelper_OverStartTls_ShowsDecodedPromptsAndAMaskedSecret_StoredNowhere()
    {
        using var server = ScriptedSmtpServer.StartTls(
            "250-scripted.test\n250 AUTH LOGIN PLAIN",
            "334 VXNlcm5hbWU6",
            "334 UGFzc3dvcmQ6",
            "235 2.7.0 Authentication successful");
        using var tui = TuiHarness.Start(width: 120, height: 40);
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS is up");

        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH LOGIN PLAIN");
        tui.Submit("/auth login alice");

        var prompt = tui.WaitForPanel<SecretPromptPanel>();
        Assert.True(prompt.Field.Secret);
        Assert.True(prompt.Field.HasFocus);
        tui.Type(Secret);
        Assert.DoesNotContain(Secret, tui.Screen());
        tui.Press(Key.Enter);

        tui.WaitForText("S: 235 2.7.0");
        tui.WaitIdle();
        string screen = tui.Screen();
        Assert.Contains("decoded: \"Username:\"", screen);
        Assert.Contains("decoded: \"Password:\"", screen);
        Assert.Contains("user \"alice\" in Base64", screen);
        Assert.Contains("C: ••••••", screen);
        Assert.Contains("user alice", tui.Window.Status.ShownText);
        Assert.Contains("TLS", tui.Window.Status.ShownText);

        string base64Secret = Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret));
        Assert.Contains(base64Secret, server.Commands);
        Assert.DoesNotContain(Secret, screen);
        Assert.DoesNotContain(base64Secret, screen);

        string history = File.ReadAllText(DataDirectory.HistoryFile(tui.DataDirectory));
        Assert.Contains("/auth login alice", history);
        Assert.DoesNotContain(Secret, history);
        Assert.DoesNotContain(base64Secret, history);

        string log = File.ReadAllText(tui.Host.Log!.Path);
        Assert.Contains("S: 334 VXNlcm5hbWU6", log);
        Assert.DoesNotContain(Secret, log);
        Assert.DoesNotContain(base64Secret, log);
    }

    [Fact]
    public void RawAuthLines_TypedAfterA334_AreMaskedAndKeptOutOfTheHistory()
    {
        string user = Convert.ToBase64String(Encoding.UTF8.GetBytes("bob"));
        string password = Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret));
        using var server = ScriptedSmtpServer.StartTls(
            "250-scripted.test\n250 AUTH LOGIN",
            "334 VXNlcm5hbWU6",
            "334 UGFzc3dvcmQ6",
            "235 2.7.0 ok");
        using var tui = TuiHarness.Start(width: 120, height: 40);
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS is up");

        tui.Submit("EHLO me.example");
        tui.Submit("AUTH LOGIN");
        tui.Submit(user);
        tui.Submit(password);
        tui.WaitForText("S: 235");
        tui.WaitIdle();

        Assert.Contains("decoded: \"bob\"", tui.Screen());
        Assert.DoesNotContain(password, tui.Screen());
        var history = tui.Host.History.Snapshot();
        Assert.Equal(["EHLO me.example", "AUTH LOGIN"], history);
        Assert.DoesNotContain(password, File.ReadAllText(tui.Host.Log!.Path));
    }

    [Fact]
    public void AuthWithoutTls_AsksForConsent_AndNoMeansNothingIsSent()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250-scripted.test\n250 AUTH PLAIN");
        using var tui = TuiHarness.Start();
        tui.Connect(server);
        tui.Submit("EHLO me");
        tui.WaitForText("250 AUTH PLAIN");

        tui.Submit("/auth plain alice " + Secret);
        Assert.True(tui.WaitUntil(() => tui.Window.TopPanel is ConfirmPanel), "the plaintext consent question should open");
        tui.Press(Key.Enter);

        tui.WaitForText("refused to send credentials");
        tui.WaitIdle();
        Assert.Equal(["EHLO me"], server.Commands);
        Assert.Equal(["EHLO me", "/auth plain alice"], tui.Host.History.Snapshot());
    }

    [Fact]
    public void CancellingTheSecretPrompt_AbortsTheHelper()
    {
        using var server = ScriptedSmtpServer.StartTls("250-scripted.test\n250 AUTH LOGIN");
        using var tui = TuiHarness.Start();
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS is up");
        tui.Submit("EHLO me");
        tui.Submit("/auth login alice");
        tui.WaitForPanel<SecretPromptPanel>();

        tui.Press(Key.Esc);

        tui.WaitForText("no secret given");
        Assert.Null(tui.Window.TopPanel);
        Assert.DoesNotContain(server.Commands, c => c.StartsWith("AUTH", StringComparison.Ordinal));
    }
}
