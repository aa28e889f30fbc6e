using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.App;

/// <summary>How to assemble a console: where its files go and how it looks. Tests set every field.</summary>
internal sealed record ConsoleHostOptions
{
    /// <summary>History and session logs go here.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The host named in the session log's file name; null writes no session log.</summary>
    public string? LogHost { get; init; }

    /// <summary>False under NO_COLOR: only text styles and gutters distinguish lines.</summary>
    public bool Colour { get; init; } = true;

    /// <summary>--show-secrets: saved transcripts are not redacted (the session log always is).</summary>
    public bool ShowSecrets { get; init; }

    /// <summary>Keep the history in a file (false: memory only).</summary>
    public bool PersistHistory { get; init; } = true;

    public RunnerSettings RunnerSettings { get; init; } = new();

    /// <summary>Profile names for completion and the connect dialog.</summary>
    public Func<IReadOnlyList<string>> ProfileNames { get; init; } = () => [];

    /// <summary>The practice server's inbox as lines (F10); null when not talking to the practice server.</summary>
    public Func<IReadOnlyList<string>>? InboxLines { get; init; }

    /// <summary>The session log stops (saying so) at this size; null: no cap. From SMTPCONSOLE_LOG_CAP_MB by default.</summary>
    public long? MaxSessionLogBytes { get; init; } = SessionLog.CapFromEnvironment(Environment.GetEnvironmentVariable("SMTPCONSOLE_LOG_CAP_MB"));

    public int MaxTranscriptEvents { get; init; } = Core.Transcript.TranscriptStore.DefaultMaxEvents;

    /// <summary>The language of the screen's own words (SMTP on the wire is never translated).</summary>
    public UiLanguage Language { get; init; } = UiLanguage.English;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
