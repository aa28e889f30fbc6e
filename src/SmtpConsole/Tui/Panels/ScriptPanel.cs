using SmtpConsole.Core.Messages;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>Open a script (or a saved transcript) and replay it all at once or one line at a time.</summary>
internal sealed class ScriptPanel : FilePathPanel
{
    private readonly Action<string, bool> _open;

    public ScriptPanel(string suggestedPath, Action<string, bool> open, UiLanguage language = UiLanguage.English)
        : base(language.Say("Script.Title"), suggestedPath, fieldColumn: 8, language)
    {
        _open = open;
        var help = TextRow(8, [new StyledLine(language.Say("Script.Help"))]);
        var all = MakeButton(language.Say("Script.RunAll"), () => Submit(path => _open(path, false)));
        var step = MakeButton(language.Say("Script.StepByStep"), SubmitDefault, isDefault: true);
        var cancel = MakeButton(language.Say("Button.Cancel"), Close);
        ButtonRow(8, step, all, cancel);
        Add(help, step, all, cancel);
    }

    /// <summary>Enter (and the default button) steps through the script one line at a time.</summary>
    protected override void SubmitDefault() => Submit(path => _open(path, true));
}
