using System.Diagnostics;
using System.Text;

namespace SmtpConsole.Tests.EndToEnd;

/// <summary>
/// Drives a real terminal program in a detached tmux session on its own tmux server (<c>-L</c>), so tests never
/// touch a user's tmux: start it, send keys, capture the screen (with <c>-e</c>, including colours), wait for text.
/// Every wait has a timeout; disposing kills the server.
/// </summary>
public sealed class TmuxSession : IDisposable
{
    private readonly string _socket;
    private const string Target = "e2e";

    private TmuxSession(string socket)
    {
        _socket = socket;
    }

    /// <summary>True when a tmux binary can be run.</summary>
    public static bool IsAvailable()
    {
        try
        {
            return Run(["-V"], TimeSpan.FromSeconds(5)).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Starts <paramref name="command"/> (a shell command line) in a width×height window.</summary>
    public static TmuxSession Start(string command, int width = 120, int height = 35, IReadOnlyDictionary<string, string>? environment = null)
    {
        var session = new TmuxSession("smtpconsole-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        var args = new List<string> { "-L", session._socket, "-f", "/dev/null", "new-session", "-d", "-s", Target, "-x", width.ToString(), "-y", height.ToString() };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            args.Add("-e");
            args.Add($"{name}={value}");
        }
        args.Add(command);
        var result = Run(args, TimeSpan.FromSeconds(10));
        if (result.ExitCode != 0) throw new InvalidOperationException($"tmux new-session failed: {result.Output}");
        return session;
    }

    /// <summary>Sends keys by tmux name (<c>Enter</c>, <c>C-q</c>, <c>F2</c>, <c>Up</c>).</summary>
    public void SendKeys(params string[] keys) => Tmux(["send-keys", "-t", Target, .. keys]);

    /// <summary>Types text literally (no key-name interpretation).</summary>
    public void Type(string text) => Tmux(["send-keys", "-t", Target, "-l", text]);

    /// <summary>Types a line and presses Enter.</summary>
    public void SendLine(string text)
    {
        if (text.Length > 0) Type(text);
        SendKeys("Enter");
    }

    /// <summary>
    /// Pastes <paramref name="text"/> as a terminal would: tmux turns each LF into CR (Enter), and with
    /// <paramref name="bracketed"/> wraps it in ESC[200~ … ESC[201~ when the program enabled bracketed paste.
    /// </summary>
    public void Paste(string text, bool bracketed)
    {
        string file = Path.Combine(Path.GetTempPath(), "smtpconsole-paste-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, text);
        try
        {
            Tmux(["load-buffer", "-b", "paste", file]);
            Tmux(bracketed ? ["paste-buffer", "-d", "-p", "-b", "paste", "-t", Target] : ["paste-buffer", "-d", "-b", "paste", "-t", Target]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Resizes the window.</summary>
    public void Resize(int width, int height) => Tmux(["resize-window", "-t", Target, "-x", width.ToString(), "-y", height.ToString()]);

    /// <summary>The visible screen; with <paramref name="escapes"/> the SGR colour sequences are kept.</summary>
    public string Capture(bool escapes = false) =>
        Tmux(escapes ? ["capture-pane", "-p", "-e", "-t", Target] : ["capture-pane", "-p", "-t", Target]);

    /// <summary>Polls the screen until <paramref name="condition"/> holds; false on timeout.</summary>
    public bool WaitUntil(Func<string, bool> condition, TimeSpan timeout, bool escapes = false)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (condition(Capture(escapes))) return true;
            Thread.Sleep(25);
        }
        return condition(Capture(escapes));
    }

    /// <summary>Waits for <paramref name="text"/> on screen; throws with the screen when it does not come.</summary>
    public string WaitForText(string text, TimeSpan? timeout = null)
    {
        string screen = string.Empty;
        if (WaitUntil(s => (screen = s).Contains(text, StringComparison.Ordinal), timeout ?? TimeSpan.FromSeconds(20))) return screen;
        throw new TimeoutException($"\"{text}\" did not appear. Screen:\n{Capture()}");
    }

    public void Dispose()
    {
        try
        {
            Run(["-L", _socket, "kill-server"], TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private string Tmux(IEnumerable<string> args)
    {
        var result = Run(["-L", _socket, .. args], TimeSpan.FromSeconds(10));
        if (result.ExitCode != 0) throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {result.Output}");
        return result.Output;
    }

    private static (int ExitCode, string Output) Run(IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start tmux");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} did not finish in {timeout.TotalSeconds} s");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }
}
