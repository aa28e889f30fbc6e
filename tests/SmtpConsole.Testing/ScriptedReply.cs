namespace SmtpConsole.Testing;

/// <summary>One canned server reply: its text (lines separated by '\n'), an optional delay, or silence.</summary>
/// <param name="Text">The reply as sent, e.g. <c>"250-mx.example\n250 AUTH LOGIN"</c>; null sends nothing (a server that hangs).</param>
/// <param name="Delay">Wait this long before replying.</param>
public sealed record ScriptedReply(string? Text, TimeSpan Delay = default)
{
    public static implicit operator ScriptedReply(string text) => new(text);

    /// <summary>Never answers the command (to exercise timeouts and cancellation).</summary>
    public static ScriptedReply Silence { get; } = new((string?)null);
}
