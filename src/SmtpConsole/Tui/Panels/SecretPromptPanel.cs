using SmtpConsole.Core.Messages;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>
/// The masked prompt a helper opens when it needs a secret (<c>/auth login alice</c>). The text never leaves this
/// panel except as the answer to the runner: it is not echoed, not stored in history, and not logged. The prompt
/// (with any warning the checks before it produced) wraps to the screen rather than being cut.
/// </summary>
internal sealed class SecretPromptPanel : ModalPanel
{
    private readonly TaskCompletionSource<string?> _answer;
    private readonly SecretField _field;
    private readonly LinesView _notice;
    private readonly UiLanguage _language;

    public SecretPromptPanel(string prompt, TaskCompletionSource<string?> answer, Action<IReadOnlyList<string>>? linesPasted = null, UiLanguage language = UiLanguage.English) : base(language.Say("Secret.Title"))
    {
        _answer = answer;
        _language = language;
        PromptText = prompt;
        FitWidth(70);
        var lines = prompt.Split('\n');
        lines[^1] += ":";
        var text = TextRow(1, [.. lines.Select(l => new StyledLine(l))]);
        _field = new SecretField { X = 1, Width = Dim.Fill(1) };
        _field.Y = Row(1);
        if (linesPasted is not null) _field.LinesPasted += linesPasted;
        _field.PasteRefused += OnPasteRefused;
        _field.Accepting += (_, e) =>
        {
            Submit();
            e.Handled = true;
        };
        var help = TextRow(1, [new StyledLine(language.Say("Secret.Help"))], gapAfter: 0);
        _notice = TextRow(1, [], gapAfter: 0);
        Add(text, _field, help, _notice);
    }

    /// <summary>What the prompt says above the field (with any warning the checks before it produced).</summary>
    public string PromptText { get; }

    /// <summary>The field (for tests that type into it).</summary>
    public TextField Field => _field;

    /// <summary>What the panel says about a paste it did not use (empty when none).</summary>
    public string Notice => _notice.AllText;

    /// <summary>The answer was given (or withdrawn) elsewhere, e.g. the step was cancelled.</summary>
    public bool IsSettled => _answer.Task.IsCompleted;

    public void Submit()
    {
        string secret = _field.Text ?? string.Empty;
        _field.Text = string.Empty;
        _answer.TrySetResult(secret);
        Close();
    }

    public override void Cancel()
    {
        _field.Text = string.Empty;
        _answer.TrySetResult(null);
        Close();
    }

    private void OnPasteRefused(int lines)
    {
        _notice.Lines = [new StyledLine(_language.Say("Secret.PasteRefused", lines), TextEmphasis.Code)];
        SetNeedsLayout();
        SetNeedsDraw();
    }

    protected override View? InitialFocus() => _field;
}
