namespace SmtpConsole.Tui;

internal sealed partial class CommandInput
{
    private IReadOnlyList<string>? _completions;
    private int _completionIndex;
    private string? _lastCompletion;

    /// <summary>
    /// Tab: a single candidate is inserted; several insert their common prefix and are listed above the input;
    /// pressing Tab again cycles through them.
    /// </summary>
    public void Complete()
    {
        if (!CompletionEnabled) return;
        string text = Text ?? string.Empty;
        if (_completions is { Count: > 1 } && text == _lastCompletion)
        {
            _completionIndex = (_completionIndex + 1) % _completions.Count;
            ApplyCompletion(_completions[_completionIndex]);
            return;
        }
        var candidates = CommandCompletion.Candidates(text, CompletionSource());
        if (candidates.Count == 0)
        {
            HintChanged?.Invoke(Language.Say("Input.NoCompletion"));
            return;
        }
        if (candidates.Count == 1)
        {
            ApplyCompletion(candidates[0]);
            _completions = null;
            HintChanged?.Invoke(null);
            return;
        }
        _completions = candidates;
        string common = CommandCompletion.CommonPrefix(candidates);
        if (common.Length > text.Length)
        {
            _completionIndex = -1;
            ApplyCompletion(text + common[text.Length..]);
        }
        else
        {
            _completionIndex = 0;
            ApplyCompletion(candidates[0]);
        }
        HintChanged?.Invoke("Tab: " + string.Join("  ", candidates.Select(c => Label(c, text))));
    }

    private void ApplyCompletion(string line)
    {
        SetLine(line);
        _lastCompletion = line;
    }

    private void ResetCompletion()
    {
        if (_completions is null) return;
        _completions = null;
        _lastCompletion = null;
        HintChanged?.Invoke(null);
    }

    /// <summary>
    /// How a candidate is listed: whole while the verb is being typed ("RCPT TO:&lt;", not "TO:&lt;"), else its
    /// last word (the parameter or mechanism being completed).
    /// </summary>
    private static string Label(string candidate, string typed) =>
        typed.TrimStart().Contains(' ') ? LastWord(candidate) : candidate.TrimEnd();

    private static string LastWord(string line)
    {
        string trimmed = line.TrimEnd();
        int space = trimmed.LastIndexOf(' ');
        return space < 0 ? trimmed : trimmed[(space + 1)..];
    }
}
