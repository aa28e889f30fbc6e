using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Tui;

/// <summary>
/// Reply advice from the diagnosis knowledge base: the one-line hint under each 4xx/5xx, the full explanation on
/// F4, and enhanced status code meanings from the IANA registry. It sees the transcript in order (the store asks
/// for a hint as each event arrives), so it knows which command a reply answers.
/// </summary>
internal sealed class KnowledgeReplyAdvisor : IReplyAdvisor
{
    /// <summary>Replies whose context (command, host) is remembered for F4; older ones are explained without it.</summary>
    private const int RememberedReplies = 10_000;

    private readonly Func<ReplyContext> _context;
    private readonly Dictionary<long, string?> _phaseBySequence = [];
    private readonly Queue<long> _remembered = new();
    private string? _lastVerb;
    private bool _inBody;
    private int _lastReplyCode;

    /// <param name="context">Where the session is talking to (host, greeting, provider); read on the UI thread.</param>
    public KnowledgeReplyAdvisor(Func<ReplyContext> context)
    {
        _context = context;
    }

    public string? Hint(TranscriptEvent replyEvent)
    {
        switch (replyEvent.Kind)
        {
            case TranscriptEventKind.Connect:
                _lastVerb = "CONNECT";
                return null;
            case TranscriptEventKind.Send:
                OnSend(replyEvent);
                return null;
            case TranscriptEventKind.Reply when replyEvent.Reply is { } reply:
                string? phase = _lastVerb;
                _lastReplyCode = reply.Code;
                if (reply.Code == 354) _inBody = true;
                if (reply.Code < 400) return null;
                Remember(replyEvent.Sequence, phase);
                return ReplyExplainer.Explain(Facts(reply, phase)).OneLineHint;
            default:
                return null;
        }
    }

    public IReadOnlyList<string> Explain(TranscriptEvent replyEvent)
    {
        if (replyEvent.Reply is not { } reply) return ["Not a server reply: select an S: line (or run a command first)."];
        if (reply.IsMalformed) return ["This reply is not valid SMTP: " + reply.Problem, "Raw: " + ServerText.EscapeBytes(reply.RawBytes)];
        _phaseBySequence.TryGetValue(replyEvent.Sequence, out string? phase);
        return ExplanationFormatter.FormatText(ReplyExplainer.Explain(Facts(reply, phase)));
    }

    public string? EnhancedMeaning(EnhancedStatusCode code)
    {
        var registry = EnhancedStatusRegistry.Default;
        if (registry.Lookup(code) is { } meaning) return $"{meaning.Title}: {meaning.Description} ({meaning.Rfc})";
        string cls = registry.GetClass(code.Class)?.Title ?? "?";
        string subject = registry.GetSubject(code.Subject)?.Title ?? "?";
        return $"not in the IANA registry; class {code.Class} ({cls}), subject {code.Subject} ({subject})";
    }

    private ReplyFacts Facts(SmtpReply reply, string? phase)
    {
        var facts = ReplyFacts.FromReplyLines([.. reply.FormatLines()]);
        var context = _context();
        return facts with { Host = context.Host, Greeting = context.Greeting, ProviderHint = context.Provider, Phase = phase };
    }

    private void OnSend(TranscriptEvent send)
    {
        if (_inBody)
        {
            // Body lines are stuffed, so a lone '.' is always the end of the message; its reply answers DATA.
            if (send.Text == ".") _inBody = false;
            _lastVerb = "DATA";
            return;
        }
        // Secret lines and anything answering a 334 are SASL responses.
        if (send.Secret || _lastReplyCode == 334)
        {
            _lastVerb = "AUTH";
            return;
        }
        string verb = SmtpCommandText.Verb(send.Text);
        if (verb.Length > 0) _lastVerb = verb;
    }

    private void Remember(long sequence, string? phase)
    {
        _phaseBySequence[sequence] = phase;
        _remembered.Enqueue(sequence);
        if (_remembered.Count > RememberedReplies) _phaseBySequence.Remove(_remembered.Dequeue());
    }
}
