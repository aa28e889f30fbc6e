using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;

namespace SmtpConsole.App;

/// <summary>What the command line decided before the TUI starts.</summary>
internal sealed record TuiStartOptions
{
    /// <summary>Where to connect at start; null starts the built-in practice server and connects to it.</summary>
    public ConnectOptions? Target { get; init; }

    /// <summary>Defaults for later /connect lines (timeouts, trust).</summary>
    public required ConnectOptions Defaults { get; init; }

    public string? ProfileFile { get; init; }
    public bool AllowPlaintextAuth { get; init; }
    public bool ShowSecrets { get; init; }

    /// <summary>The screen's language (<c>--lang</c> or the locale).</summary>
    public UiLanguage Language { get; init; } = UiLanguage.English;

    /// <summary>History and session logs go here; null uses the user's data directory (see <see cref="DataDirectory"/>).</summary>
    public string? DataDirectory { get; init; }
}
