using System.Globalization;
using SmtpConsole.Core.Compose;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Session;

namespace SmtpConsole.Core.Commands;

public sealed partial class CommandRunner
{
    /// <summary>
    /// Sends a draft (the TUI's compose dialog): recorded as the equivalent <c>/compose</c> line, so a saved
    /// transcript replays the same message.
    /// </summary>
    public Task<StepOutcome> SendDraftAsync(MessageDraft draft, CancellationToken ct = default) =>
        ExecuteAsync(new ComposeCommand(draft) { Display = draft.ToCommandLine() }, ct);

    /// <summary>What <c>/compose</c> would send to this server now, without sending it (the compose dialog's preview).</summary>
    public ComposedMessage Preview(MessageDraft draft) => MessageComposer.Compose(draft, _session.Capabilities, Settings.BaseDirectory);

    private async Task<StepOutcome> ComposeAsync(ComposeCommand command, CancellationToken ct)
    {
        if (!_session.IsConnected) return Track(await _session.SendCommandAsync("MAIL FROM:<>", ct: ct).ConfigureAwait(false), helper: true);
        var draft = command.Draft;
        try
        {
            if (command.TextFile is { } textFile) draft = draft with { Text = await File.ReadAllTextAsync(Path.GetFullPath(textFile, Settings.BaseDirectory), ct).ConfigureAwait(false) };
            if (command.HtmlFile is { } htmlFile) draft = draft with { Html = await File.ReadAllTextAsync(Path.GetFullPath(htmlFile, Settings.BaseDirectory), ct).ConfigureAwait(false) };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Usage(Messages.RunnerMessages.ComposeBodyUnreadable(ex.Message));
        }
        if (_session.Capabilities.IsEmpty)
            _session.Transcript.Warn(RunnerMessages.ComposeWithoutEhlo);

        ComposedMessage composed;
        try
        {
            composed = MessageComposer.Compose(draft, _session.Capabilities, Settings.BaseDirectory);
        }
        catch (MessageComposeException ex)
        {
            return Usage(Messages.RunnerMessages.ComposeProblem(ex.Message));
        }
        _session.Transcript.Info(MessageComposer.Describe(composed));
        foreach (var note in composed.Notes) _session.Transcript.Info(note);
        foreach (var warning in composed.Warnings) _session.Transcript.Warn(warning);

        string mailFrom = composed.MailFromCommand;
        Advise(_advisor.BeforeCommand(mailFrom, _session.Capabilities, _session.AuthenticatedUser, _session.IsTls));
        var mail = Track(await _session.SendCommandAsync(mailFrom, ct: ct).ConfigureAwait(false), helper: true);
        if (mail.Status != StepStatus.Ok) return mail;

        int accepted = 0;
        foreach (var recipient in composed.Recipients)
        {
            var rcpt = await _session.SendCommandAsync(composed.RcptToCommand(recipient), ct: ct).ConfigureAwait(false);
            var outcome = Track(rcpt, helper: false);
            if (outcome.Status != StepStatus.Ok) return outcome;
            if (rcpt.Succeeded) accepted++;
        }
        if (accepted == 0)
        {
            _session.Transcript.Warn(RunnerMessages.NoRecipientAccepted);
            await _session.SendCommandAsync("RSET", ct: ct).ConfigureAwait(false);
            return new StepOutcome(StepStatus.Failed, LastResult, Messages.StepMessages.EveryRecipientRefused);
        }
        if (accepted < composed.Recipients.Count)
            _session.Transcript.Warn(RunnerMessages.SomeRecipientsRefused(composed.Recipients.Count - accepted, composed.Recipients.Count, accepted));

        using var body = new MemoryStream(composed.Bytes, writable: false);
        var progress = new Progress(this, composed.Bytes.Length);
        if (composed.UseBdat)
            return Track(await _session.SendBdatAsync(body, draft.ChunkSize, progress, ct).ConfigureAwait(false), helper: true);
        var data = await _session.SendCommandAsync("DATA", ct: ct).ConfigureAwait(false);
        if (data.Reply?.Code != 354) return Track(data, helper: true);
        return Track(await _session.SendDataBodyAsync(body, Messages.RunnerMessages.ComposedMessage, progress, ct).ConfigureAwait(false), helper: true);
    }
}
