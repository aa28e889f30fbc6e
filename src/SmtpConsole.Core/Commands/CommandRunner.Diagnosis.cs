using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Commands;

public sealed partial class CommandRunner
{
    private bool _failureNotesShown;

    /// <summary>The full explanation of a reply in this session's context (provider, phase), for <c>explain</c>.</summary>
    public Explanation Explain(SmtpReply reply, string? verb = null) => ReplyExplainer.Explain(_session.FactsFor(reply, verb ?? _session.LastVerb));

    /// <summary>Called when a connection is made: provider notes and rules from the profile take effect.</summary>
    private void OnConnected(ConnectOptions options)
    {
        _failureNotesShown = false;
        Settings = Settings with { AdvisorRules = RulesFor(options) };
        if (options.Profile is not { } profile) return;
        foreach (var note in profile.NotesIn(Messages.CoreMessages.Language).Connect) _session.Transcript.Info($"{profile.Name}: {note}");
        if (profile.Docs is { } docs) _session.Transcript.Info(RunnerMessages.ProfileDocumentation(profile.Name, docs));
    }

    /// <summary>The profile's failure notes, once, after the first 4xx/5xx (the reply event itself carries the engine's hint).</summary>
    private void Diagnose(SmtpReply? reply)
    {
        if (reply is null || reply.IsMalformed || reply.Code < 400) return;
        if (!_failureNotesShown && _session.Options?.Profile is { Notes.Failure.Count: > 0 } profile)
        {
            _failureNotesShown = true;
            foreach (var note in profile.NotesIn(Messages.CoreMessages.Language).Failure) _session.Transcript.Info($"{profile.Name}: {note}");
        }
    }

    private static Analysis.AdvisorRules RulesFor(ConnectOptions options) => options.Profile is { } p
        ? new Analysis.AdvisorRules(p.Description ?? p.Name, p.FromMustEqualLogin, p.AuthMechanisms)
        : Analysis.AdvisorRules.None;
}
