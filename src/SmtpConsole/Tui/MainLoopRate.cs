using System.Globalization;

namespace SmtpConsole.Tui;

/// <summary>
/// How often Terminal.Gui's main loop may run. Its default, 25 per second, sleeps up to 40 ms between reading a key
/// and drawing it, and a wake-up from the engine (a reply) waits for the same sleep. 100 per second keeps a key's
/// echo and a reply's frame within 10 ms of the loop while an idle iteration costs almost nothing (nothing needs
/// drawing; measured in bench/README.md). <c>SMTPCONSOLE_TUI_ITERATIONS</c> overrides it (bench comparisons).
/// </summary>
internal static class MainLoopRate
{
    public const ushort Default = 100;

    /// <summary>
    /// Terminal.Gui's rate until the first frame is out, then ours: measured, 100 per second from the start made the
    /// first frame later (bench/first-frame.sh: ~60 ms above the tmux baseline instead of ~40 on this VM), as the
    /// extra iterations compete with start-up work for the CPU.
    /// </summary>
    public static void RaiseAfterFirstFrame(Terminal.Gui.App.IApplication app)
    {
        ushort rate = IterationsPerSecond();
        EventHandler<EventArgs>? raise = null;
        raise = (_, _) =>
        {
            app.LayoutAndDrawComplete -= raise;
            Terminal.Gui.App.Application.MaximumIterationsPerSecond = rate;
        };
        app.LayoutAndDrawComplete += raise;
    }

    public static ushort IterationsPerSecond() =>
        Parse(Environment.GetEnvironmentVariable("SMTPCONSOLE_TUI_ITERATIONS"));

    internal static ushort Parse(string? value) =>
        ushort.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ushort rate) && rate is >= 1 and <= 1000
            ? rate
            : Default;
}
