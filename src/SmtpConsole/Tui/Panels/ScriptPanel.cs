using SmtpConsole.Core.Messages;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>Open a script (or a saved transcript) and replay it all at once or one line at a time.</summary>
internal sealed class ScriptPanel : ModalPanel
{
    private readonly TextField _path;
    private readonly Action<string, bool> _open;

    public ScriptPanel(string suggestedPath, Action<string, bool> open, UiLanguage language = UiLanguage.English) : base(language.Say("Script.Title"))
    {
        _open = open;
        Width = Dim.Percent(80);
        Height = 9;
        _path = new TextField { X = 8, Y = 0, Width = Dim.Fill(1), Text = suggestedPath };
        var all = MakeButton(language.Say("Script.RunAll"), () => Submit(stepByStep: false));
        var step = MakeButton(language.Say("Script.StepByStep"), () => Submit(stepByStep: true), isDefault: true);
        var cancel = MakeButton(language.Say("Button.Cancel"), Close);
        step.X = 8;
        step.Y = 4;
        all.X = Pos.Right(step) + 2;
        all.Y = 4;
        cancel.X = Pos.Right(all) + 2;
        cancel.Y = 4;
        Add(new Label { X = 1, Y = 0, Text = language.Say("Save.File") }, _path,
            new Label { X = 8, Y = 2, Width = Dim.Fill(1), Text = language.Say("Script.Help") },
            step, all, cancel);
        _path.Accepting += (_, e) =>
        {
            Submit(stepByStep: true);
            e.Handled = true;
        };
    }

    public TextField Path => _path;

    private void Submit(bool stepByStep)
    {
        string path = (_path.Text ?? string.Empty).Trim();
        if (path.Length == 0) return;
        Close();
        _open(path, stepByStep);
    }

    protected override View? InitialFocus() => _path;
}
