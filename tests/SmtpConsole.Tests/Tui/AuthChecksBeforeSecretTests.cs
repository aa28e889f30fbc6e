using SmtpConsole.Core.Session;
using SmtpConsole.Tests.Support;
using SmtpConsole.Tui;
using Terminal.Gui.Input;

namespace SmtpConsole.Tests.Tui;

/// <summary>
/// /auth checks what the session already knows before it asks for a secret — logged in already, inside a mail
/// transaction, no EHLO yet on this connection (a new one is needed after STARTTLS), the mechanism not offered —
/// and says so in the transcript before the masked prompt opens and in the prompt itself. Before, each of these
/// opened the prompt with no word of warning and the server then answered 503/504 to the secret just typed.
/// </summary>
public sealed class AuthChecksBeforeSecretTests
{
    private static TuiHarness StartTls(ScriptedSmtpServer server)
    {
        var tui = TuiHarness.Start(width: 120, height: 40);
        tui.Connect(server, SecurityMode.StartTls, waitFor: "TLS is up");
        return tui;
    }

    /// <summary>Runs <paramref name="auth"/>, and checks the warning came before the prompt and is in it; Esc gives no secret.</summary>
    private static void AssertWarnedBeforeThePrompt(TuiHarness tui, string auth, string warning)
    {
        int before = tui.Host.Store.EventCount;
        tui.Submit(auth);
        var prompt = tui.WaitForPanel<SecretPromptPanel>();
        var events = Enumerable.Range(before, tui.Host.Store.EventCount - before).Select(i => tui.Host.Store.EventAt(i).Text).ToList();
        Assert.Contains(events, e => e.Contains(warning, StringComparison.Ordinal));
        string screen = tui.Screen();
        Assert.Contains(warning.Split(' ')[0], screen);
        Assert.Contains(warning, prompt.PromptText);
        tui.Press(Key.Esc);
        tui.WaitIdle();
    }

    [Fact]
    public void AfterStartTls_WithoutANewEhlo_TheWarningComesFirst()
    {
        using var server = ScriptedSmtpServer.StartTls("503 5.5.1 Error: send HELO/EHLO first");
        using var tui = StartTls(server);
        AssertWarnedBeforeThePrompt(tui, "/auth plain alice", "no EHLO on this connection yet");
    }

    [Fact]
    public void AlreadyAuthenticated_TheWarningComesFirst()
    {
        using var server = ScriptedSmtpServer.StartTls("250-scripted.test\n250 AUTH PLAIN LOGIN", "235 2.7.0 ok");
        using var tui = StartTls(server);
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH PLAIN LOGIN");
        tui.Submit("/auth plain alice pw");
        tui.WaitForText("S: 235");
        tui.WaitIdle();
        AssertWarnedBeforeThePrompt(tui, "/auth login bob", "already authenticated as alice on this connection");
    }

    [Fact]
    public void InsideAMailTransaction_TheWarningComesFirst()
    {
        using var server = ScriptedSmtpServer.StartTls("250-scripted.test\n250 AUTH PLAIN LOGIN", "250 sender ok");
        using var tui = StartTls(server);
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH PLAIN LOGIN");
        tui.Submit("MAIL FROM:<a@scripted.test>");
        tui.WaitForText("S: 250 sender ok");
        tui.WaitIdle();
        AssertWarnedBeforeThePrompt(tui, "/auth plain alice", "a mail transaction is open");
    }

    [Fact]
    public void AMechanismNotOffered_TheWarningIsInThePrompt()
    {
        using var server = ScriptedSmtpServer.StartTls("250-scripted.test\n250 AUTH PLAIN");
        using var tui = StartTls(server);
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH PLAIN");
        tui.WaitIdle();
        AssertWarnedBeforeThePrompt(tui, "/auth login alice", "the server did not advertise LOGIN (it offers PLAIN)");
    }

    [Fact]
    public void EscAtTheSecretPrompt_SaysCancelled_NotHowToRunInteractively()
    {
        // The TUI is interactive: "… or run interactively to be asked" after Esc told the person something untrue.
        using var server = ScriptedSmtpServer.StartTls("250-scripted.test\n250 AUTH PLAIN");
        using var tui = StartTls(server);
        tui.Submit("EHLO me.example");
        tui.WaitForText("250 AUTH PLAIN");
        tui.Submit("/auth plain alice");
        tui.WaitForPanel<SecretPromptPanel>();
        tui.Press(Key.Esc);
        tui.WaitForText("/auth plain alice: cancelled, no secret given");
        Assert.DoesNotContain("run interactively", tui.Screen());
        Assert.DoesNotContain(server.Commands, c => c.StartsWith("AUTH", StringComparison.Ordinal));
    }
}
