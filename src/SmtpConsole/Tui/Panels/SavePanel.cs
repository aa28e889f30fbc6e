using SmtpConsole.Core.Messages;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>Save the transcript: a path and a format (C:/S: text that replays as a script, or JSON lines).</summary>
internal sealed class SavePanel : FilePathPanel
{
    private const int Field = 10;
    private readonly ChoiceView _format;
    private readonly Action<string, TranscriptSaveFormat> _save;

    public SavePanel(string suggestedPath, Action<string, TranscriptSaveFormat> save, UiLanguage language = UiLanguage.English)
        : base(language.Say("Save.Title"), suggestedPath, fieldColumn: Field, language)
    {
        _save = save;
        var format = _format = new ChoiceView(language.Say("Save.Text"), language.Say("Save.Json")) { X = Field };
        _format.Y = Row(width => format.RowsAt(width - Field - 1), gapAfter: 0);
        _format.Height = Dim.Func(_ => format.RowsAt(ContentColumns - Field - 1));
        Add(new Label { X = 1, Y = _format.Y, Text = language.Say("Save.Format") }, _format,
            TextRow(Field, [new StyledLine(language.Say("Save.Redacted"))]));
        var ok = MakeButton(language.Say("Save.Button"), SubmitDefault, isDefault: true);
        var cancel = MakeButton(language.Say("Button.Cancel"), Close);
        ButtonRow(Field, ok, cancel);
        Add(ok, cancel);
        _format.Selected = suggestedPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }

    public ChoiceView Format => _format;

    protected override void SubmitDefault() =>
        Submit(path => _save(path, _format.Selected == 1 ? TranscriptSaveFormat.JsonLines : TranscriptSaveFormat.Text));
}
