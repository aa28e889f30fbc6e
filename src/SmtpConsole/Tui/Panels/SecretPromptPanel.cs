using SmtpConsole.Core.Messages;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>
/// The masked prompt a helper opens when it needs a secret (<c>/auth login alice</c>). The text never leaves this
/// panel except as the answer to the runner: it is not echoed, not stored in history, and not logged.
/// </summary>
internal sealed class SecretPromptPanel : ModalPanel
{
    private readonly TaskCompletionSource<string?> _answer;
    private readonly SecretField _field;

    public SecretPromptPanel(string prompt, TaskCompletionSource<string?> answer, Action<IReadOnlyList<string>>? linesPasted = null, UiLanguage language = UiLanguage.English) : base(language.Say("Secret.Title"))
    {
        _answer = answer;
        Width = Dim.Percent(70);
        Height = 8;
        _field = new SecretField { X = 1, Y = 2, Width = Dim.Fill(1) };
        if (linesPasted is not null) _field.LinesPasted += linesPasted;
        _field.Accepting += (_, e) =>
        {
            Submit();
            e.Handled = true;
        };
        Add(
            new Label { X = 1, Y = 0, Width = Dim.Fill(1), Text = prompt + ":" },
            _field,
            new Label { X = 1, Y = 4, Width = Dim.Fill(1), Text = language.Say("Secret.Help") });
    }

    /// <summary>The field (for tests that type into it).</summary>
    public TextField Field => _field;

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

    protected override View? InitialFocus() => _field;
}
