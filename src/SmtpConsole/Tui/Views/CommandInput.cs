using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>
/// The command line: a text field with history (Up/Down, Ctrl+R), Tab completion, and keys that steer the
/// transcript (PgUp/PgDn; Ctrl+Home/Ctrl+End; Home/End on an empty line) or cancel the pending step (Esc, Ctrl+C).
/// It only raises events; the window decides what they do.
/// </summary>
internal sealed partial class CommandInput : TextField
{
    private readonly CommandHistory _history;
    private int _historyIndex = -1;
    private string _draft = string.Empty;

    public CommandInput(CommandHistory history)
    {
        _history = history;
    }

    /// <summary>The language of the hints this input shows (completion, reverse search).</summary>
    public Core.Messages.UiLanguage Language { get; init; }

    /// <summary>Where Tab completion learns what the server advertised.</summary>
    public Func<CompletionContext> CompletionSource { get; set; } = () => CompletionContext.Empty;

    /// <summary>When false (message body mode) Tab completion is off: body lines are free text.</summary>
    public bool CompletionEnabled { get; set; } = true;

    /// <summary>Enter: the line as typed (empty lines too: they matter in a message body).</summary>
    public event Action<string>? Submitted;

    /// <summary>
    /// A paste with line breaks: every finished line in order (the text before the cursor joins the first); what
    /// follows the last break stays in the field, as in a shell.
    /// </summary>
    public event Action<IReadOnlyList<string>>? LinesPasted;

    /// <summary>Esc, or Ctrl+C with nothing selected.</summary>
    public event Action? CancelRequested;

    /// <summary>A key meant for the transcript (PageUp, PageDown, Ctrl+Home/End, Home/End on an empty line).</summary>
    public event Action<TranscriptKey>? TranscriptKeyPressed;

    /// <summary>Shift+Tab: move into the transcript to select lines.</summary>
    public event Action? FocusTranscriptRequested;

    /// <summary>Hints for the line above the input (completion candidates, search state); null clears.</summary>
    public event Action<string?>? HintChanged;

    protected override bool OnAccepting(Terminal.Gui.Input.CommandEventArgs args)
    {
        FlushTyped();
        if (_search is not null) AcceptSearch();
        string line = Text ?? string.Empty;
        Text = string.Empty;
        _historyIndex = -1;
        _draft = string.Empty;
        ResetCompletion();
        Submitted?.Invoke(line);
        return true;
    }

    // TextField keeps only the first line of a paste; the console wants every line.
    protected override string OnSanitizingPaste(string raw) => raw;

    /// <summary>Characters in the last paste as the terminal library delivered it (it cuts very large ones).</summary>
    public int LastPasteLength { get; private set; }

    protected override bool OnPaste(string text)
    {
        FlushTyped();
        LastPasteLength = text.Length;
        var pasted = PastedText.Parse(text);
        if (!pasted.IsMultiLine) return pasted.Rest.Length == 0 || base.OnPaste(pasted.Rest);
        string current = Text ?? string.Empty;
        int cursor = Math.Clamp(InsertionPoint, 0, current.Length);
        var lines = new List<string>(pasted.Lines);
        lines[0] = current[..cursor] + lines[0];
        string rest = pasted.Rest + current[cursor..];
        _historyIndex = -1;
        _draft = string.Empty;
        ResetCompletion();
        SetLine(rest);
        InsertionPoint = pasted.Rest.Length;
        LinesPasted?.Invoke(lines);
        return true;
    }

    protected override bool OnKeyDown(Key key)
    {
        if (_search is not null && HandleSearchKey(key)) return true;
        if (_completions is null && TryCollectTyped(key)) return true;
        FlushTyped();
        bool tab = key.KeyCode == KeyCode.Tab;
        if (!tab && _completions is not null) ResetCompletion();

        switch (key.KeyCode)
        {
            case KeyCode.CursorUp:
                Recall(-1);
                return true;
            case KeyCode.CursorDown:
                Recall(1);
                return true;
            case KeyCode.Tab:
                Complete();
                return true;
            case KeyCode.Tab | KeyCode.ShiftMask:
                FocusTranscriptRequested?.Invoke();
                return true;
            case KeyCode.R | KeyCode.CtrlMask:
                StartSearch();
                return true;
            case KeyCode.Esc:
                CancelRequested?.Invoke();
                return true;
            case KeyCode.C | KeyCode.CtrlMask when SelectedLength == 0:
                CancelRequested?.Invoke();
                return true;
            case KeyCode.U | KeyCode.CtrlMask:
                // Shell habit: delete from the start of the line to the cursor.
                string text = Text ?? string.Empty;
                int cursor = Math.Clamp(InsertionPoint, 0, text.Length);
                Text = text[cursor..];
                InsertionPoint = 0;
                return true;
            case KeyCode.PageUp:
                TranscriptKeyPressed?.Invoke(TranscriptKey.PageUp);
                return true;
            case KeyCode.PageDown:
                TranscriptKeyPressed?.Invoke(TranscriptKey.PageDown);
                return true;
            case KeyCode.Home | KeyCode.CtrlMask:
                TranscriptKeyPressed?.Invoke(TranscriptKey.Top);
                return true;
            case KeyCode.End | KeyCode.CtrlMask:
                TranscriptKeyPressed?.Invoke(TranscriptKey.Bottom);
                return true;
            case KeyCode.Home when string.IsNullOrEmpty(Text):
                TranscriptKeyPressed?.Invoke(TranscriptKey.Top);
                return true;
            case KeyCode.End when string.IsNullOrEmpty(Text):
                TranscriptKeyPressed?.Invoke(TranscriptKey.Bottom);
                return true;
        }
        return base.OnKeyDown(key);
    }

    /// <summary>Up (-1) or Down (+1) through the history; the half-typed line is kept as the newest entry.</summary>
    public void Recall(int direction)
    {
        int count = _history.Count;
        if (count == 0) return;
        if (direction < 0)
        {
            if (_historyIndex == -1)
            {
                _draft = Text ?? string.Empty;
                _historyIndex = count;
            }
            if (_historyIndex == 0) return;
            _historyIndex = Math.Min(_historyIndex, count) - 1;
            SetLine(_history[_historyIndex]);
        }
        else
        {
            if (_historyIndex == -1) return;
            _historyIndex++;
            if (_historyIndex >= count)
            {
                _historyIndex = -1;
                SetLine(_draft);
            }
            else
            {
                SetLine(_history[_historyIndex]);
            }
        }
    }

    /// <summary>Replaces the text and puts the cursor at the end.</summary>
    public void SetLine(string text)
    {
        Text = text;
        MoveEnd();
    }
}
