using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Commands;

public sealed partial class CommandRunner
{
    private bool _failureNotesShown;

    /// <summary>The full explanation of a reply in this session's context (provider, phase), for F4 and <c>explain</c>.</summary>
    public Explanation Explain(SmtpReply reply, string? verb = null) => ReplyExplainer.Explain(FactsFor(reply, verb ?? _session.LastVerb));

    private ReplyFacts FactsFor(SmtpReply reply, string? verb) =>
        ReplyFacts.FromReplyLines([.. reply.FormatLines()]) with
        {
            Host = _session.Options?.Host,
            Greeting = _session.Greeting?.Text,
            Phase = verb,
            ProviderHint = _session.Options?.Profile?.Provider,
        };

    /// <summary>Called when a connection is made: provider notes and rules from the profile take effect.</summary>
    private void OnConnected(ConnectOptions options)
    {
        _failureNotesShown = false;
        Settings = Settings with { AdvisorRules = RulesFor(options) };
        if (options.Profile is not { } profile) return;
        foreach (var note in profile.Notes.Connect) _session.Transcript.Info($"{profile.Name}: {note}");
        if (profile.Docs is { } docs) _session.Transcript.Info($"{profile.Name}: documentation {docs}");
    }

    /// <summary>A one-line diagnosis under every 4xx/5xx reply, and the profile's failure notes once.</summary>
    private void Diagnose(SmtpReply? reply)
    {
        if (reply is null || reply.IsMalformed || reply.Code < 400) return;
        Explanation explanation;
        try
        {
            explanation = ReplyExplainer.Explain(FactsFor(reply, _session.LastVerb));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return; // Advice must never break a session.
        }
        if (explanation.OneLineHint is { } hint) _session.Transcript.Record(new TranscriptEvent(TranscriptEventKind.Info, hint) { IsHint = true });
        if (!_failureNotesShown && _session.Options?.Profile is { Notes.Failure.Count: > 0 } profile)
        {
            _failureNotesShown = true;
            foreach (var note in profile.Notes.Failure) _session.Transcript.Info($"{profile.Name}: {note}");
        }
    }

    private static Analysis.AdvisorRules RulesFor(ConnectOptions options) => options.Profile is { } p
        ? new Analysis.AdvisorRules(p.Description ?? p.Name, p.FromMustEqualLogin, p.AuthMechanisms)
        : Analysis.AdvisorRules.None;
}
