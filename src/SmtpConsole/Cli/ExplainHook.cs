using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Doctor;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Cli;

/// <summary>Connects refusals seen by the doctor to the diagnosis knowledge base (cause and fix in one line, in every language it has).</summary>
internal static class ExplainHook
{
    public static Func<SmtpReply, RefusalContext, LocalizedText?> For(string? host, string? provider) => (reply, context) =>
    {
        var facts = ReplyFacts.FromReplyLines([.. reply.FormatLines()]) with
        {
            Phase = context.Verb,
            Host = host,
            Greeting = context.Greeting,
            ProviderHint = provider,
        };
        var explanation = ReplyExplainer.Explain(facts);
        if (explanation.Best is not { } best) return explanation.OneLineHint is { } hint ? LocalizedText.Verbatim(hint) : null;
        return LocalizedText.Of(language =>
        {
            // An entry without a Chinese text is shown in English rather than half-translated.
            var text = language == UiLanguage.English ? null : KnowledgeTranslations.Find(best.Entry.Id, language);
            string cause = text?.Cause ?? best.Entry.Cause;
            var fix = text?.Fix ?? best.Entry.Fix;
            string separator = text is null ? "; " : "；";
            // Each step is a sentence with its own full stop; joined, the stop before the separator would read ".;" / "。；".
            var steps = fix.Select(step => step.TrimEnd().TrimEnd('.', '。'));
            return MessageCatalog.Format(text is null ? UiLanguage.English : language, "Doctor.ExplainedFix", cause, string.Join(separator, steps)).Trim();
        });
    };
}
