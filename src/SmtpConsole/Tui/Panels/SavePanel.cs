using SmtpConsole.Core.Messages;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>Save the transcript: a path and a format (C:/S: text that replays as a script, or JSON lines).</summary>
internal sealed class SavePanel : ModalPanel
{
    private readonly TextField _path;
    private readonly ChoiceView _format;
    private readonly Action<string, TranscriptSaveFormat> _save;

    public SavePanel(string suggestedPath, Action<string, TranscriptSaveFormat> save, UiLanguage language = UiLanguage.English) : base(language.Say("Save.Title"))
    {
        _save = save;
        Width = Dim.Percent(80);
        Height = 10;
        _path = new TextField { X = 10, Y = 0, Width = Dim.Fill(1), Text = suggestedPath };
        _format = new ChoiceView(language.Say("Save.Text"), language.Say("Save.Json")) { X = 10, Y = 2 };
        var ok = MakeButton(language.Say("Save.Button"), Submit, isDefault: true);
        var cancel = MakeButton(language.Say("Button.Cancel"), Close);
        ok.X = 10;
        ok.Y = 5;
        cancel.X = Pos.Right(ok) + 2;
        cancel.Y = 5;
        Add(new Label { X = 1, Y = 0, Text = language.Say("Save.File") }, _path, new Label { X = 1, Y = 2, Text = language.Say("Save.Format") }, _format,
            new Label { X = 10, Y = 3, Width = Dim.Fill(1), Text = language.Say("Save.Redacted") }, ok, cancel);
        _path.Accepting += (_, e) =>
        {
            Submit();
            e.Handled = true;
        };
        _format.Selected = suggestedPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }

    public TextField Path => _path;
    public ChoiceView Format => _format;

    private void Submit()
    {
        string path = (_path.Text ?? string.Empty).Trim();
        if (path.Length == 0) return;
        Close();
        _save(path, _format.Selected == 1 ? TranscriptSaveFormat.JsonLines : TranscriptSaveFormat.Text);
    }

    protected override View? InitialFocus() => _path;
}
