namespace SmtpConsole.Core.Profiles;

/// <summary>Timeouts for a profile; <see langword="null"/> means the application default.</summary>
/// <param name="Connect">Time allowed to open the TCP connection (and the TLS handshake for implicit TLS).</param>
/// <param name="Command">Time allowed for the server to answer one command.</param>
public sealed record ProfileTimeouts(TimeSpan? Connect, TimeSpan? Command)
{
    /// <summary>Both timeouts left to the application.</summary>
    public static ProfileTimeouts None { get; } = new(null, null);
}
