using SmtpConsole.Core.Messages;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>Save the transcript: a path and a format (C:/S: text that replays as a script, or JSON lines).</summary>
internal sealed class SavePanel : FilePathPanel
{
    private readonly ChoiceView _format;
    private readonly Action<string, TranscriptSaveFormat> _save;

    public SavePanel(string suggestedPath, Action<string, TranscriptSaveFormat> save, UiLanguage language = UiLanguage.English)
        : base(language.Say("Save.Title"), suggestedPath, fieldColumn: 10, height: 10, language)
    {
        _save = save;
        _format = new ChoiceView(language.Say("Save.Text"), language.Say("Save.Json")) { X = 10, Y = 2 };
        var ok = MakeButton(language.Say("Save.Button"), SubmitDefault, isDefault: true);
        var cancel = MakeButton(language.Say("Button.Cancel"), Close);
        PlaceButtons(10, 5, ok, cancel);
        Add(new Label { X = 1, Y = 2, Text = language.Say("Save.Format") }, _format,
            new Label { X = 10, Y = 3, Width = Dim.Fill(1), Text = language.Say("Save.Redacted") }, ok, cancel);
        _format.Selected = suggestedPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }

    public ChoiceView Format => _format;

    protected override void SubmitDefault() =>
        Submit(path => _save(path, _format.Selected == 1 ? TranscriptSaveFormat.JsonLines : TranscriptSaveFormat.Text));
}
