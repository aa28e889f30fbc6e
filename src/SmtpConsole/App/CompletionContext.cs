using SmtpConsole.Core.Protocol;

namespace SmtpConsole.App;

/// <summary>What completion knows about the session: what the server advertised and which profiles exist.</summary>
internal sealed record CompletionContext(EhloCapabilities Capabilities, IReadOnlyList<string> ProfileNames)
{
    public static CompletionContext Empty { get; } = new(EhloCapabilities.None, []);
}
