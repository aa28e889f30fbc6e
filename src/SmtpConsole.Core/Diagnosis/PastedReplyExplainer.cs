namespace SmtpConsole.Core.Diagnosis;

/// <summary>
/// Explains pasted text the way <c>smtpconsole explain</c> does: the reply the parser finds, or — when the client
/// library stripped the code — the bare words, explained by text alone and reported as "code not shown".
/// </summary>
public static class PastedReplyExplainer
{
    /// <summary>Parses and explains; <paramref name="adjust"/> may add what the user knows (host, provider).</summary>
    /// <returns>The explanation, or the parser's one-line error when there is neither a code nor a text rule that fits.</returns>
    public static (Explanation? Explanation, string? Error) Explain(string text, Func<ReplyFacts, ReplyFacts>? adjust = null, KnowledgeBase? knowledgeBase = null)
    {
        var parsed = PastedReplyParser.Parse(text);
        var facts = parsed.Facts ?? parsed.UncodedFacts;
        if (facts is null) return (null, parsed.Error);
        if (adjust is not null) facts = adjust(facts);
        var explanation = ReplyExplainer.Explain(facts, knowledgeBase);
        // Words alone with no rule behind them are not a diagnosis: keep the clear "no reply found" error.
        if (!parsed.IsSuccess && explanation.Best is null) return (null, parsed.Error);
        return (explanation, null);
    }
}
