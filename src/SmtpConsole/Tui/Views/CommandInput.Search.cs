using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace SmtpConsole.Tui;

internal sealed partial class CommandInput
{
    private string? _search;
    private int _searchMatch = -1;
    private string _searchDraft = string.Empty;

    /// <summary>True while Ctrl+R reverse search is active.</summary>
    public bool IsSearching => _search is not null;

    /// <summary>Ctrl+R: type to find the newest history entry containing the text; Ctrl+R again finds older ones.</summary>
    public void StartSearch()
    {
        ResetCompletion();
        _search = string.Empty;
        _searchMatch = -1;
        _searchDraft = Text ?? string.Empty;
        ShowSearch();
    }

    private bool HandleSearchKey(Key key)
    {
        switch (key.KeyCode)
        {
            case KeyCode.R | KeyCode.CtrlMask:
                Search(_searchMatch < 0 ? _history.Count : _searchMatch);
                return true;
            case KeyCode.Esc:
            case KeyCode.G | KeyCode.CtrlMask:
                _search = null;
                SetLine(_searchDraft);
                HintChanged?.Invoke(null);
                return true;
            case KeyCode.Backspace:
                if (_search!.Length > 0) _search = _search[..^1];
                Search(_history.Count);
                return true;
            case KeyCode.Enter:
                return false; // OnAccepting accepts the match and submits it
            case KeyCode.CursorLeft:
            case KeyCode.CursorRight:
            case KeyCode.End:
            case KeyCode.Home:
                AcceptSearch();
                return false;
        }
        if (!key.IsCtrl && !key.IsAlt && key.AsGrapheme is { Length: > 0 } grapheme && !char.IsControl(grapheme[0]))
        {
            _search += grapheme;
            Search(_history.Count);
            return true;
        }
        // Any other key ends the search, keeping the match, and does its usual job.
        AcceptSearch();
        return false;
    }

    private void Search(int before)
    {
        if (_search!.Length == 0)
        {
            ShowSearch();
            return;
        }
        int found = _history.SearchBackward(_search, before);
        if (found >= 0)
        {
            _searchMatch = found;
            SetLine(_history[found]);
        }
        ShowSearch(found < 0);
    }

    private void AcceptSearch()
    {
        _search = null;
        HintChanged?.Invoke(null);
    }

    private void ShowSearch(bool failed = false) =>
        HintChanged?.Invoke(Language.Say(failed ? "Input.SearchFailing" : "Input.Search", _search));
}
