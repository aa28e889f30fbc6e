using SmtpConsole.Core.Messages;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>
/// A yes/no question whose safe answer (No) is the default: Enter or Esc say no, Y or the button say yes. The panel
/// grows with the question, wrapped to the screen, so its last words (the actual question) are never cut.
/// </summary>
internal sealed class ConfirmPanel : ModalPanel
{
    private readonly TaskCompletionSource<bool> _answer;
    private readonly Button _no;

    public ConfirmPanel(string title, string question, string yesText, TaskCompletionSource<bool> answer, UiLanguage language = UiLanguage.English) : base(title)
    {
        _answer = answer;
        Question = question;
        FitWidth(70);
        var text = TextRow(1, [new StyledLine(question)]);
        var yes = MakeButton(yesText + " (y)", () => Answer(true));
        _no = MakeButton(language.Say("Confirm.No"), () => Answer(false), isDefault: true);
        ButtonRow(1, yes, _no);
        Add(text, yes, _no);
    }

    /// <summary>The question asked (for tests).</summary>
    public string Question { get; }

    public bool IsSettled => _answer.Task.IsCompleted;

    public void Answer(bool yes)
    {
        _answer.TrySetResult(yes);
        Close();
    }

    public override void Cancel() => Answer(false);

    protected override View? InitialFocus() => _no;

    protected override bool OnKeyDown(Key key)
    {
        if (key.KeyCode is KeyCode.Y)
        {
            Answer(true);
            return true;
        }
        if (key.KeyCode is KeyCode.N)
        {
            Answer(false);
            return true;
        }
        return base.OnKeyDown(key);
    }
}
