namespace SmtpConsole.Tui;

/// <summary>What the explainer may know about the server: its host, its greeting, and the profile's provider.</summary>
internal sealed record ReplyContext(string? Host, string? Greeting, string? Provider)
{
    public static ReplyContext None { get; } = new(null, null, null);
}
