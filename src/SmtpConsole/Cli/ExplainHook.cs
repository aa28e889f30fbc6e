using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Cli;

/// <summary>Connects refusals seen by the doctor to the diagnosis knowledge base (cause and fix in one line).</summary>
internal static class ExplainHook
{
    public static Func<SmtpReply, string, string?> For(string? host, string? provider) => (reply, verb) =>
    {
        var facts = ReplyFacts.FromReplyLines([.. reply.FormatLines()]) with { Phase = verb, Host = host, ProviderHint = provider };
        var explanation = ReplyExplainer.Explain(facts);
        if (explanation.Best is not { } best) return explanation.OneLineHint;
        return $"{best.Entry.Cause} Fix: {string.Join("; ", best.Entry.Fix)}".Trim();
    };
}
