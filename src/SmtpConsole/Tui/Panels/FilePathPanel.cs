using SmtpConsole.Core.Messages;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>
/// A panel that asks for a file: the "File:" field on the first row, focused when it opens, where Enter does the
/// panel's default action. An empty path does nothing (the panel stays open).
/// </summary>
internal abstract class FilePathPanel : ModalPanel
{
    private readonly TextField _path;

    protected FilePathPanel(string title, string suggestedPath, int fieldColumn, UiLanguage language) : base(title)
    {
        FitWidth(80);
        _path = new TextField { X = fieldColumn, Width = Dim.Fill(1), Text = suggestedPath };
        _path.Y = Row(1);
        Add(new Label { X = 1, Y = 0, Text = language.Say("Save.File") }, _path);
        _path.Accepting += (_, e) =>
        {
            SubmitDefault();
            e.Handled = true;
        };
    }

    public TextField Path => _path;

    /// <summary>What Enter in the path field does.</summary>
    protected abstract void SubmitDefault();

    /// <summary>Closes the panel and hands the path on, unless the field is empty.</summary>
    protected void Submit(Action<string> use)
    {
        string path = (_path.Text ?? string.Empty).Trim();
        if (path.Length == 0) return;
        Close();
        use(path);
    }

    protected override View? InitialFocus() => _path;
}
