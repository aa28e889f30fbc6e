using System.Globalization;
using Xunit.Abstractions;

namespace SmtpConsole.Tests.EndToEnd;

/// <summary>
/// What a newcomer does in a terminal against the real local Postfix, only through the TUI: plain connect,
/// EHLO, STARTTLS, EHLO again, AUTH LOGIN with the masked prompt, MAIL/RCPT/DATA with a dot line — and the
/// message lands in the Maildir byte for byte.
/// </summary>
public sealed class TmuxPostfixEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(20);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "smtpconsole-e2e", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void LocalPostfix_StartTls_AuthLogin_DeliversTheMessage()
    {
        Assert.True(TmuxSession.IsAvailable(), "tmux is required for the end-to-end tests: apt-get install -y tmux");
        var postfix = LocalPostfix.Load();
        string subject = "tui end to end " + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(_data);
        string port = postfix.SubmissionPort.ToString(CultureInfo.InvariantCulture);
        using var tmux = TmuxSession.Start(ConsoleBinary.Command($"{postfix.Host} {port} --plain --cafile {postfix.CaFile}") + "; echo EXIT=$?; sleep 60",
            environment: new Dictionary<string, string> { ["SMTPCONSOLE_DATA_DIR"] = _data, ["TERM"] = "xterm-256color" });
        try
        {
            tmux.WaitForText("S: 220 mx.example.test ESMTP Postfix", TimeSpan.FromSeconds(60));
            tmux.SendLine("EHLO client.example.test");
            tmux.WaitForText("250-STARTTLS", Step);
            tmux.SendLine("/starttls");
            tmux.WaitForText("certificate verified", Step);
            tmux.SendLine("/ehlo client.example.test");
            tmux.WaitForText("AUTH PLAIN LOGIN", Step);

            tmux.SendLine($"/auth login {postfix.User}");
            tmux.WaitForText($"Secret for {postfix.User}", Step);
            tmux.SendLine(postfix.Password);
            string authenticated = tmux.WaitForText("S: 235 2.7.0", Step);
            Assert.Contains("decoded: \"Username:\"", authenticated);
            Assert.Contains("decoded: \"Password:\"", authenticated);
            Assert.DoesNotContain(postfix.Password, authenticated);

            tmux.SendLine($"MAIL FROM:<{postfix.Address}>");
            tmux.WaitForText("S: 250 2.1.0", Step);
            tmux.SendLine("RCPT TO:<bob@example.test>");
            tmux.WaitForText("S: 250 2.1.5", Step);
            tmux.SendLine("/data");
            tmux.WaitForText("DATA>", Step);
            tmux.SendLine($"Subject: {subject}");
            tmux.SendLine("");
            tmux.SendLine(".this line starts with a dot");
            tmux.SendLine(".");
            tmux.WaitForText("queued as", Step);

            var coloured = tmux.Capture(escapes: true).Split('\n');
            Assert.Contains("38;2;22;198;12m", coloured.Last(l => l.Contains("S: 250 2.0.0 Ok: queued", StringComparison.Ordinal)));

            tmux.SendKeys("C-q");
            tmux.WaitForText("EXIT=0", Step);
        }
        finally
        {
            output.WriteLine(tmux.Capture());
        }

        string delivered = postfix.WaitForDelivery("bob", subject, Step);
        Assert.Contains("\n.this line starts with a dot\n", delivered.Replace("\r\n", "\n"));
        string log = Directory.GetFiles(Path.Combine(_data, "sessions"), "*.log").Single();
        Assert.DoesNotContain(postfix.Password, File.ReadAllText(log));
    }
}
