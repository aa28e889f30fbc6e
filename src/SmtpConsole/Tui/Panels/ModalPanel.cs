using Terminal.Gui.Drivers;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SmtpConsole.Tui;

/// <summary>
/// A dialog shown without a nested main loop: <see cref="IApplication.Begin"/> makes it the top runnable (so it
/// gets the keys and draws on top) and <see cref="Close"/> ends it. The console's own loop keeps running meanwhile,
/// so the transcript goes on updating behind a dialog, and tests drive dialogs with injected keys.
/// Esc cancels; Ctrl+Q cancels and quits the console (the key bar behind the dialog says "^Q Quit").
/// </summary>
internal abstract class ModalPanel : Window
{
    private SessionToken? _token;

    protected ModalPanel(string title)
    {
        Title = title;
        X = Pos.Center();
        Y = Pos.Center();
    }

    public bool IsOpen => _token is not null;

    /// <summary>Raised after the panel closed (for whatever reason).</summary>
    public event Action? Closed;

    /// <summary>Ctrl+Q was pressed in the panel: it cancelled itself, and the console should quit.</summary>
    public event Action? QuitPressed;

    public void Open(IApplication app)
    {
        _token = app.Begin(this);
        InitialFocus()?.SetFocus();
    }

    public void Close()
    {
        if (_token is not { } token) return;
        _token = null;
        App?.End(token);
        Closed?.Invoke();
    }

    /// <summary>What Esc, Ctrl+Q (and a framework stop request) do: close without doing anything.</summary>
    public virtual void Cancel() => Close();

    /// <summary>The view that gets focus when the panel opens.</summary>
    protected abstract View? InitialFocus();

    protected override bool OnKeyDown(Key key)
    {
        if (key.KeyCode is KeyCode.Esc)
        {
            Cancel();
            return true;
        }
        if (key.KeyCode is (KeyCode.Q | KeyCode.CtrlMask))
        {
            Cancel();
            QuitPressed?.Invoke();
            return true;
        }
        return base.OnKeyDown(key);
    }

    /// <summary>A button that runs <paramref name="action"/> when pressed (Enter, Space or a click).</summary>
    protected static Button MakeButton(string text, Action action, bool isDefault = false)
    {
        var button = new Button { Text = text, IsDefault = isDefault };
        button.Accepting += (_, e) =>
        {
            action();
            e.Handled = true;
        };
        return button;
    }

    /// <summary>
    /// Sizes the panel for the screen it opens on: <paramref name="percent"/> of a wide screen, but at least 76
    /// columns (nearly the whole width of a narrow one), so dialog text and buttons are not cut at 60 or 80 columns.
    /// </summary>
    protected void FitWidth(int percent)
    {
        _percent = percent;
        Width = Dim.Func(_ => PanelColumns);
    }

    private int _percent = 80;

    private int ScreenColumns => App?.Screen.Width ?? 80;

    private int ScreenRows => App?.Screen.Height ?? 24;

    /// <summary>The panel's width on this screen.</summary>
    public int PanelColumns => ColumnsFor(ScreenColumns, _percent);

    /// <summary>The panel's width on a screen <paramref name="screen"/> columns wide.</summary>
    public static int ColumnsFor(int screen, int percent) => Math.Max(12, Math.Min(screen - 2, Math.Max(screen * percent / 100, 76)));

    /// <summary>Columns inside the border.</summary>
    protected int ContentColumns => PanelColumns - 2;

    // The rows of a form, top to bottom: each row's height may depend on the width (wrapped text, flowing buttons).
    private readonly List<(Func<int, int> Height, int Gap)> _rows = [];

    /// <summary>
    /// Adds a row to the panel's form and returns its top. The panel's height follows its rows (with the blank gaps
    /// dropped when the screen is too short for them); everything is worked out again at every layout, so a resize
    /// re-wraps the text and reflows the buttons.
    /// </summary>
    protected Pos Row(Func<int, int> heightAtContentWidth, int gapAfter = 1)
    {
        int index = _rows.Count;
        _rows.Add((heightAtContentWidth, gapAfter));
        Height = Dim.Func(_ => Math.Min(ScreenRows, Top(_rows.Count) + 2));
        return Pos.Func(_ => Top(index));
    }

    /// <summary>A row of fixed height.</summary>
    protected Pos Row(int height, int gapAfter = 1) => Row(_ => height, gapAfter);

    private int Top(int index)
    {
        int width = ContentColumns;
        bool compact = Sum(_rows.Count, width, gaps: true) + 2 > ScreenRows;
        return Sum(index, width, gaps: !compact);
    }

    private int Sum(int count, int width, bool gaps)
    {
        int y = 0;
        for (int i = 0; i < count; i++)
        {
            y += Math.Max(0, _rows[i].Height(width));
            // No gap after the last row: the border follows.
            if (gaps && i < _rows.Count - 1) y += _rows[i].Gap;
        }
        return y;
    }

    /// <summary>
    /// A text row from column <paramref name="x"/> to one column before the border, wrapped to that width (a
    /// continuation indented by two): never cut at the edge.
    /// </summary>
    protected LinesView TextRow(int x, IReadOnlyList<StyledLine> lines, int gapAfter = 1, bool colour = true)
    {
        var view = new LinesView { X = x, Width = Dim.Fill(1), CanFocus = false, Lines = lines, Colour = colour };
        view.Y = Row(width => view.RowsAt(width - x - 1), gapAfter);
        view.Height = Dim.Func(_ => view.RowsAt(ContentColumns - x - 1));
        return view;
    }

    /// <summary>
    /// Puts <paramref name="buttons"/> on a row of their own from column <paramref name="x"/>, two columns apart,
    /// going on to another line when the next does not fit the width.
    /// </summary>
    protected void ButtonRow(int x, params Button[] buttons)
    {
        int row = _rows.Count;
        Row(width => 2 * FlowButtons(x, width, buttons).Max(p => p.Line + 1), gapAfter: 0);
        for (int i = 0; i < buttons.Length; i++)
        {
            int index = i;
            buttons[i].X = Pos.Func(_ => FlowButtons(x, ContentColumns, buttons)[index].X);
            buttons[i].Y = Pos.Func(_ => Top(row) + 2 * FlowButtons(x, ContentColumns, buttons)[index].Line);
        }
    }

    private static (int X, int Line)[] FlowButtons(int x, int width, Button[] buttons)
    {
        var places = new (int X, int Line)[buttons.Length];
        int column = x, line = 0;
        for (int i = 0; i < buttons.Length; i++)
        {
            int need = ButtonColumns(buttons[i]);
            if (column > x && column + need > width)
            {
                line++;
                column = x;
            }
            places[i] = (column, line);
            column += need + 2;
        }
        return places;
    }

    /// <summary>A button's columns as drawn: "⟦ text ⟧" (a default one "⟦► text ◄⟧") and its shadow.</summary>
    private static int ButtonColumns(Button button) => TextColumns.Of(button.Text ?? string.Empty) + 4 + (button.IsDefault ? 2 : 0) + 1;
}
