using System.Text;
using Xunit.Abstractions;

namespace SmtpConsole.Tests.EndToEnd;

/// <summary>
/// The real console in a real terminal (tmux): against the built-in practice server it goes through STARTTLS,
/// AUTH LOGIN with the masked prompt, and a delivered message, then quits with Ctrl+Q. Colours are read back with
/// <c>capture-pane -e</c>.
/// </summary>
public sealed class TmuxEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(20);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "smtpconsole-e2e", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void PracticeServer_StartTls_AuthLogin_AndADeliveredMessage()
    {
        Assert.True(TmuxSession.IsAvailable(), "tmux is required for the end-to-end tests: apt-get install -y tmux");
        Directory.CreateDirectory(_data);
        using var tmux = TmuxSession.Start(ConsoleBinary.Command() + "; echo EXIT=$?; sleep 60", environment: new Dictionary<string, string>
        {
            ["SMTPCONSOLE_DATA_DIR"] = _data,
            ["TERM"] = "xterm-256color",
        });
        try
        {
            tmux.WaitForText("S: 220 practice.smtpconsole.test", TimeSpan.FromSeconds(60));

            tmux.SendLine("EHLO me.example");
            tmux.WaitForText("250-STARTTLS", Step);
            tmux.SendLine("/starttls");
            tmux.WaitForText("TLS is up", Step);
            tmux.SendLine("EHLO me.example");
            tmux.WaitForText("AUTH PLAIN LOGIN", Step);
            Assert.Contains("TLSv1.", tmux.Capture());

            tmux.SendLine("/auth login demo");
            tmux.WaitForText("Secret for demo", Step);
            tmux.SendLine("practice");
            string authenticated = tmux.WaitForText("S: 235", Step);
            Assert.Contains("decoded: \"Username:\"", authenticated);
            Assert.Contains("decoded: \"Password:\"", authenticated);
            Assert.Contains("C: ••••••", authenticated);
            tmux.WaitForText("user demo", Step); // the status line follows within a quarter second

            tmux.SendLine("MAIL FROM:<demo@practice.smtpconsole.test>");
            tmux.WaitForText("S: 250 2.1.0", Step);
            tmux.SendLine("RCPT TO:<friend@practice.smtpconsole.test>");
            tmux.WaitForText("S: 250 2.1.5", Step);
            tmux.SendLine("DATA");
            string body = tmux.WaitForText("DATA>", Step);
            Assert.Contains("message body — '.' alone ends", body);
            tmux.SendLine("Subject: end to end");
            tmux.SendLine("");
            tmux.SendLine(".a line that starts with a dot");
            tmux.SendLine(".");
            string delivered = tmux.WaitForText("queued as", Step);
            Assert.Contains("C: ..a line that starts with a dot", delivered);
            Assert.Contains("smtp>", delivered);

            var coloured = tmux.Capture(escapes: true).Split('\n');
            // Truecolor SGR of BrightGreen (2xx) and BrightCyan (3xx) as Terminal.Gui emits them.
            Assert.Contains("38;2;22;198;12m", coloured.First(l => l.Contains("S: 235", StringComparison.Ordinal)));
            Assert.Contains("38;2;97;214;214m", coloured.First(l => l.Contains("S: 354", StringComparison.Ordinal)));

            tmux.SendKeys("C-q");
            tmux.WaitForText("EXIT=0", Step);
        }
        finally
        {
            output.WriteLine(tmux.Capture());
        }

        string log = Directory.GetFiles(Path.Combine(_data, "sessions"), "*-practice.log").Single();
        string logText = File.ReadAllText(log);
        Assert.Contains("C: QUIT", logText);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("practice")), logText);
        string history = File.ReadAllText(Path.Combine(_data, "history"));
        Assert.Contains("/auth login demo", history);
        Assert.DoesNotContain("\npractice\n", "\n" + history);
    }
}
