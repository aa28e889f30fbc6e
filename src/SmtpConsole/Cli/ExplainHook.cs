using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Cli;

/// <summary>Connects refusals to the diagnosis knowledge base (cause and fix in one line).</summary>
internal static class ExplainHook
{
    public static string? Explain(SmtpReply reply, string verb)
    {
        _ = (reply, verb);
        return null;
    }
}
