using Terminal.Gui.Drivers;
using System.Globalization;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Diagnosis;
using SmtpConsole.Core.Protocol;
using SmtpConsole.Core.Transcript;
using Terminal.Gui.Input;

namespace SmtpConsole.Tui;

internal sealed partial class ConsoleWindow
{
    private void OpenPanel(ModalPanel panel)
    {
        if (App is null) return;
        if (_panels.Count == 0) _focusAfterPanels = _transcript.HasFocus ? _transcript : _input;
        _panels.Add(panel);
        panel.Closed += () =>
        {
            _panels.Remove(panel);
            panel.Dispose();
            // Terminal.Gui dispatches a paste to the application's focused view, which still named the closed panel
            // when a button closed it (F8's "Run all"): a paste while the script ran went nowhere. Say who has it.
            if (_panels.Count == 0 && App?.Navigation is { } navigation && (MostFocused ?? _input) is var target && navigation.GetFocused() != target)
            {
                target.HasFocus = false; // the view kept its focus inside this window; taking it anew tells the application
                target.SetFocus();
            }
        };
        panel.QuitPressed += () => RequestQuit("Ctrl+Q");
        panel.Open(App);
    }

    /// <summary>A prompt whose question was withdrawn (its step was cancelled) goes away by itself.</summary>
    private void CloseSettledPanels()
    {
        for (int i = _panels.Count - 1; i >= 0; i--)
        {
            var panel = _panels[i];
            bool settled = panel switch
            {
                SecretPromptPanel secret => secret.IsSettled,
                ConfirmPanel confirm => confirm.IsSettled,
                _ => false,
            };
            // A framework stop request (e.g. the app-wide quit key) also closes a panel: it has no loop of its own.
            if (settled || panel.StopRequested) panel.Cancel();
        }
    }

    private void ShowHelp()
    {
        var say = _host.Options.Language;
        var lines = new List<StyledLine> { new(Say("Help.Commands"), TextEmphasis.Heading) };
        lines.AddRange(HelpText.Lines(null).Select(l => new StyledLine(l, l.StartsWith("  /", StringComparison.Ordinal) ? TextEmphasis.Code : TextEmphasis.Normal)));
        lines.Add(new StyledLine(string.Empty));
        lines.Add(new StyledLine(Say("Help.Keys"), TextEmphasis.Heading));
        var keys = KeyMap.DescriptionsIn(say);
        int width = keys.Max(d => TextColumns.Of(d.Keys)) + 2;
        lines.AddRange(keys.Select(d => new StyledLine("  " + d.Keys + new string(' ', width - TextColumns.Of(d.Keys)) + d.Action)));
        lines.Add(new StyledLine(string.Empty));
        lines.Add(new StyledLine(Say("Help.Transcript"), TextEmphasis.Heading));
        lines.Add(new StyledLine(Say("Help.Transcript1")));
        lines.Add(new StyledLine(Say("Help.Transcript2")));
        lines.Add(new StyledLine(Say("Help.Transcript3")));
        lines.Add(new StyledLine(string.Empty));
        if (_host.Log is { } log) lines.Add(new StyledLine(Say("Help.SessionLog", log.Path), TextEmphasis.Dim));
        if (_host.History.Path is { } history) lines.Add(new StyledLine(Say("Help.History", history), TextEmphasis.Dim));
        OpenPanel(new TextPanel(Say("Help.Title"), lines, _host.Options.Colour, Say("Panel.Footer")));
    }

    private void ShowInbox()
    {
        var lines = _host.Options.InboxLines is { } inbox
            ? inbox()
            : [Say("Inbox.NotPractice")];
        OpenPanel(new TextPanel(Say("Inbox.Title"), [.. lines.Select(l => new StyledLine(l, l.StartsWith("──", StringComparison.Ordinal) ? TextEmphasis.Heading : TextEmphasis.Normal))], _host.Options.Colour, Say("Panel.Footer")));
    }

    private void ShowConnect() =>
        OpenPanel(new ConnectPanel(_host.Session.Options, _host.Options.ProfileNames(), line => _host.Controller.Submit(line), _host.Options.Language));

    private void ShowDetails()
    {
        var row = _transcript.SelectedTranscriptRow;
        if (row is null)
        {
            int last = _host.Store.FindLast(e => e.Kind == TranscriptEventKind.Reply, _host.Store.EventCount - 1);
            if (last < 0)
            {
                _modeLine.SetHint(Say("Hint.SelectFirst"));
                return;
            }
            row = _host.Store.RowAt(_host.Store.FirstRowOf(last));
        }
        ShowDetails(row.Value);
    }

    private void ShowDetails(TranscriptRow row)
    {
        bool reveal = false;
        TextPanel? panel = null;
        panel = new TextPanel(Say("Key.Details"), DetailLines(row, reveal), _host.Options.Colour,
            row.Event.Secret && row.Event.RevealText is not null ? Say("Panel.FooterSecret") : Say("Panel.Footer"),
            key =>
            {
                if (key.KeyCode != KeyCode.R || !row.Event.Secret || row.Event.RevealText is null) return false;
                reveal = !reveal;
                panel!.SetLines(DetailLines(row, reveal));
                return true;
            });
        OpenPanel(panel);
    }

    /// <summary>Everything known about the event behind a row: timing, text, raw bytes, decoded payload, codes, hint.</summary>
    internal IReadOnlyList<StyledLine> DetailLines(TranscriptRow row, bool reveal)
    {
        var e = row.Event;
        var language = _host.Options.Language;
        string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
        var lines = new List<StyledLine>
        {
            new(Say("Details.Heading", TranscriptTextFormat.KindName(e.Kind), e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.Timestamp.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture), Ms(e.ElapsedMs)), TextEmphasis.Heading),
            new(string.Empty),
        };
        foreach (var line in e.TextFor(reveal).Split('\n')) lines.Add(new StyledLine(line, TextEmphasis.Code));
        if (e.Note is { } note) lines.Add(new StyledLine(Say("Details.Note", note)));
        if (e.Secret) lines.Add(new StyledLine(reveal ? Say("Details.SecretShown") : e.RevealText is null ? Say("Details.SecretHidden") : Say("Details.SecretHiddenRevealable")));
        if (e.Reply is { } reply)
        {
            lines.Add(new StyledLine(string.Empty));
            lines.Add(new StyledLine(Say("Details.Reply"), TextEmphasis.Heading));
            lines.Add(new StyledLine(Say("Details.Code", reply.Code.ToString(CultureInfo.InvariantCulture), ReplyExplainer.DescribeClass(reply.Code, language))));
            if (e.Kind == TranscriptEventKind.Reply && e.ElapsedMs > 0) lines.Add(new StyledLine(Say("Details.Latency", Ms(e.ElapsedMs))));
            if (reply.Enhanced is { } enhanced)
                lines.Add(new StyledLine(Say("Details.Enhanced", enhanced.ToString(), ReplyWording.EnhancedMeaning(enhanced, language))));
            if (reply.Challenge is { } challenge) lines.Add(new StyledLine(Say("Details.Challenge", challenge.Display)));
            if (reply.Problem is { } problem) lines.Add(new StyledLine(Say("Details.Malformed", problem)));
            foreach (var warning in reply.Warnings) lines.Add(new StyledLine(Say("Details.Warning", warning)));
            if (_host.Store.HintOf(row.EventIndex) is { } hint) lines.Add(new StyledLine(hint));
            lines.Add(new StyledLine(string.Empty));
            lines.Add(new StyledLine(Say("Details.RawBytes", reply.RawBytes.Length.ToString(CultureInfo.InvariantCulture)), TextEmphasis.Heading));
            lines.Add(new StyledLine(ServerText.EscapeBytes(reply.RawBytes), TextEmphasis.Code));
        }
        else if (e.Kind == TranscriptEventKind.Send && !e.Secret)
        {
            lines.Add(new StyledLine(string.Empty));
            lines.Add(new StyledLine(Say("Details.OnTheWire"), TextEmphasis.Heading));
            lines.Add(new StyledLine(ServerText.EscapeBytes(System.Text.Encoding.UTF8.GetBytes(e.Text + "\r\n")), TextEmphasis.Code));
            var payload = SaslPayload.Decode(e.Text);
            if (payload.IsValid && payload.Text is { Length: > 0 } text && e.Text.Length >= 4 && !e.Text.Contains(' '))
                lines.Add(new StyledLine(Say("Details.Base64", text), TextEmphasis.Dim));
        }
        return lines;
    }

    private void ShowExplanation()
    {
        var store = _host.Store;
        int eventIndex = _transcript.SelectedTranscriptRow is { Event.Kind: TranscriptEventKind.Reply } selected
            ? selected.EventIndex
            : store.FindLast(e => e.Reply is { Code: >= 400 } || e.Reply is { IsMalformed: true }, store.EventCount - 1);
        if (eventIndex < 0)
        {
            _modeLine.SetHint(Say("Hint.NothingToExplain"));
            return;
        }
        var e = store.EventAt(eventIndex);
        var lines = new List<StyledLine> { new(e.Text.Replace('\n', ' '), TextEmphasis.Code), new(string.Empty) };
        lines.AddRange(ReplyWording.Explain(_host.Session, e, _host.Options.Language).Select(l => new StyledLine(l)));
        OpenPanel(new TextPanel(Say("Key.Explain"), lines, _host.Options.Colour, Say("Panel.Footer")));
    }

    private void ShowTimeline() =>
        OpenPanel(new TextPanel(Say("Timeline.Title"), Timeline.Lines(_host.Store.Events(), Math.Max(40, Viewport.Width * 9 / 10 - 2), _host.Options.Language), _host.Options.Colour, Say("Panel.Footer")));

    private void ShowSave()
    {
        string name = "smtpconsole-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".txt";
        OpenPanel(new SavePanel(Path.Combine(Environment.CurrentDirectory, name), SaveTranscript, _host.Options.Language));
    }

    private void SaveTranscript(string path, TranscriptSaveFormat format)
    {
        // A typo in the folder must not silently create a tree somewhere: ask first.
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            var answer = new TaskCompletionSource<bool>();
            OpenPanel(new ConfirmPanel(Say("Confirm.CreateFolderTitle"), Say("Confirm.CreateFolder", directory), Say("Confirm.Create"), answer, _host.Options.Language));
            answer.Task.ContinueWith(t =>
            {
                if (t.Result) _host.Dispatcher.Post(() => WriteTranscript(path, format));
                else _host.Dispatcher.Post(() => _modeLine.SetHint(Say("Hint.NotSavedNoFolder")));
            }, TaskScheduler.Default);
            return;
        }
        WriteTranscript(path, format);
    }

    private void WriteTranscript(string path, TranscriptSaveFormat format)
    {
        var store = _host.Store;
        string? header = store.EvictedEvents > 0
            ? Say("EvictedEvents", store.EvictedEvents.ToString(CultureInfo.InvariantCulture), _host.Log?.Path)
            : null;
        try
        {
            int count = TranscriptSaver.Save(path, store.Events(), format, _host.Options.ShowSecrets, header);
            SavedTranscriptPath = Path.GetFullPath(path);
            _host.Recorder.Info(Say(format == TranscriptSaveFormat.Text ? "Save.SavedReplayable" : "Save.Saved", count.ToString(CultureInfo.InvariantCulture), Path.GetFullPath(path)));
            if (_host.Options.ShowSecrets) _host.Recorder.Warn(Say("Save.SecretsInClear"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _host.Recorder.Error(Say("Save.Failed", path, ex.Message));
        }
    }

    private void ScriptKey()
    {
        if (_script is { IsFinished: false, IsRunning: false })
        {
            _script.Step();
            return;
        }
        if (_script is { IsRunning: true }) return;
        OpenPanel(new ScriptPanel(Environment.CurrentDirectory + Path.DirectorySeparatorChar, OpenScript, _host.Options.Language));
    }

    private void ScriptRest()
    {
        if (_script is { IsFinished: false, IsRunning: false }) _script.RunRest();
    }

    private void OpenScript(string path, bool stepByStep)
    {
        var host = _host;
        _ = Task.Run(async () =>
        {
            var player = await ScriptSteps.LoadAsync(path, host.Controller, host.Interaction, CancellationToken.None, host.Options.Language).ConfigureAwait(false);
            if (player is null) return;
            player.Changed += host.Dispatcher.MarkActivityChanged;
            host.Dispatcher.Post(() =>
            {
                _script = player;
                _modeLine.SetScript(player.Describe());
                if (!stepByStep) player.RunRest();
            });
        });
    }
}
