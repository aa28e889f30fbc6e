using System.Text;

namespace SmtpConsole.Cli;

/// <summary>Masked prompts on a plain terminal (for headless commands; the TUI has its own dialog).</summary>
internal static class TerminalPrompt
{
    /// <summary>True when a person can answer: stdin is a terminal.</summary>
    public static bool IsInteractive => !Console.IsInputRedirected;

    /// <summary>Reads a line without echoing it; null when there is no terminal or the user pressed Ctrl+C/Esc.</summary>
    public static string? ReadSecret(string prompt)
    {
        if (!IsInteractive) return null;
        TranscriptOutput.FlushCurrent(); // what led to the question is on the screen (or in the file) first
        Console.Error.Write(prompt + ": ");
        var sb = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Escape)
            {
                Console.Error.WriteLine();
                return null;
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (sb.Length > 0) sb.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar)) sb.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return sb.ToString();
    }
}
