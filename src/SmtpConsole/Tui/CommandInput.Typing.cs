using System.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace SmtpConsole.Tui;

/// <summary>
/// Typed characters are collected and put into the field in one text change, before the field is drawn or its text
/// is read, instead of one TextField insertion per key. A terminal without bracketed paste "types" a paste: 150 KB
/// arrive as 150,000 key events, and TextField's per-key work (text rebuilt, undo history, cursor and scroll
/// adjustment, suggestions) cost ~0.2 ms each; one change per main-loop iteration costs that once.
/// </summary>
internal sealed partial class CommandInput
{
    private readonly StringBuilder _typed = new();
    private int _typedAt;

    /// <summary>The text, including characters typed since the field was last drawn.</summary>
    public new string Text
    {
        get
        {
            FlushTyped();
            return base.Text;
        }
        set
        {
            _typed.Clear();
            base.Text = value;
        }
    }

    /// <summary>Characters waiting to be put into the field (tests: the batching is real).</summary>
    internal int PendingTypedLength => _typed.Length;

    /// <summary>A plain character at the insertion point with nothing selected: collected for one text change.</summary>
    private bool TryCollectTyped(Key key)
    {
        if (_search is not null || ReadOnly || !Used || key.IsCtrl || key.IsAlt) return false;
        Rune rune = key.AsRune;
        if (rune.Value == 0 || Rune.IsControl(rune)) return false;
        if (_typed.Length == 0)
        {
            if (SelectedLength != 0) return false;
            string text = base.Text ?? string.Empty;
            _typedAt = Math.Clamp(InsertionPoint, 0, text.Length);
            SetNeedsDraw();
        }
        _typed.Append(rune.ToString());
        return true;
    }

    /// <summary>Puts the collected characters into the field (one text change, the cursor after them).</summary>
    private void FlushTyped()
    {
        if (_typed.Length == 0) return;
        string typed = _typed.ToString();
        _typed.Clear();
        string text = base.Text ?? string.Empty;
        int at = Math.Clamp(_typedAt, 0, text.Length);
        base.Text = string.Concat(text.AsSpan(0, at), typed, text.AsSpan(at));
        InsertionPoint = at + typed.Length;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        FlushTyped();
        return base.OnDrawingContent(context);
    }
}
