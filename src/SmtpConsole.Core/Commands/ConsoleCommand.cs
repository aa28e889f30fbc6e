namespace SmtpConsole.Core.Commands;

/// <summary>One parsed line of the command language (typed in the TUI or read from a script).</summary>
public abstract record ConsoleCommand
{
    /// <summary>The line as written, with any secret argument removed, for the transcript and history.</summary>
    public required string Display { get; init; }
}

/// <summary>A line that does not start with '/' or '#': sent as one SMTP command.</summary>
public sealed record RawCommand(string Line) : ConsoleCommand;

/// <summary>A '#' comment or an empty line: nothing happens.</summary>
public sealed record CommentCommand(string Text) : ConsoleCommand;

/// <summary><c>/connect HOST [PORT] [--tls|--starttls|--plain]</c>, <c>/connect PROFILE</c> or <c>/connect mx:DOMAIN</c>.</summary>
public sealed record ConnectCommand(string Target, int? Port, Session.SecurityMode? Security, bool Insecure, string? CaFile) : ConsoleCommand
{
    /// <summary><c>--proxy URL</c>: overrides the proxy of the defaults or profile for this connection.</summary>
    public Uri? Proxy { get; init; }

    /// <summary><c>--no-proxy</c>: connect directly even when the defaults or profile name a proxy.</summary>
    public bool NoProxy { get; init; }
}

/// <summary><c>/ehlo [NAME]</c> or <c>/helo [NAME]</c>.</summary>
public sealed record EhloCommand(string? Name, bool Helo) : ConsoleCommand;

public sealed record StartTlsCommand : ConsoleCommand;

/// <summary><c>/auth MECHANISM USER [SECRET] [--initial|--no-initial]</c>; the secret is prompted (masked) when absent.</summary>
public sealed record AuthCommand(string Mechanism, string User, string? Secret, Sasl.InitialResponseMode InitialResponse) : ConsoleCommand;

/// <summary><c>/data</c> (body lines follow until a lone '.') or <c>/data @FILE</c>.</summary>
public sealed record DataCommand(string? File) : ConsoleCommand
{
    /// <summary>The message bytes recorded in a saved transcript: sent instead of reading <see cref="File"/>.</summary>
    public byte[]? Inline { get; init; }
}

/// <summary><c>/bdat @FILE [--chunk N]</c>: CHUNKING (RFC 3030).</summary>
public sealed record BdatCommand(string File, int ChunkSize) : ConsoleCommand
{
    /// <summary>The message bytes recorded in a saved transcript: sent instead of reading <see cref="File"/>.</summary>
    public byte[]? Inline { get; init; }
}

/// <summary><c>/b64 TEXT</c>: shows TEXT in Base64 (nothing is sent).</summary>
public sealed record Base64EncodeCommand(string Text) : ConsoleCommand;

/// <summary><c>/unb64 TEXT</c>: decodes Base64 (text, or hex when binary).</summary>
public sealed record Base64DecodeCommand(string Text) : ConsoleCommand;

/// <summary><c>/expect CODE|Nxx [/REGEX/]</c>: checks the last reply.</summary>
public sealed record ExpectCommand(ExpectationSpec Spec) : ConsoleCommand;

/// <summary><c>/pipeline</c>: following commands are sent together at <c>/end</c> (RFC 2920).</summary>
public sealed record PipelineStartCommand : ConsoleCommand;

public sealed record PipelineEndCommand : ConsoleCommand;

/// <summary><c>/mx DOMAIN</c>: lists MX hosts.</summary>
public sealed record MxCommand(string Domain) : ConsoleCommand;

public sealed record QuitCommand : ConsoleCommand;

/// <summary><c>/help [TOPIC]</c>.</summary>
public sealed record HelpCommand(string? Topic) : ConsoleCommand;
