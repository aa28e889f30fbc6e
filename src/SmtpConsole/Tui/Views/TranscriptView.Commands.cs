using Terminal.Gui.Input;

namespace SmtpConsole.Tui;

internal sealed partial class TranscriptView
{
    private void CreateCommands()
    {
        AddCommand(Command.Up, () => MoveSelection(-1));
        AddCommand(Command.Down, () => MoveSelection(1));
        Handle(Command.PageUp, PageUp);
        Handle(Command.PageDown, PageDown);
        Handle(Command.Start, ScrollToTop);
        Handle(Command.End, ScrollToEnd);
        Handle(Command.ScrollUp, () => ScrollBy(-3));
        Handle(Command.ScrollDown, () => ScrollBy(3));
        Handle(Command.Accept, () =>
        {
            if (SelectedTranscriptRow is { } row) DetailsRequested?.Invoke(row);
        });
        Bind(Key.CursorUp, Command.Up);
        Bind(Key.CursorDown, Command.Down);
        Bind(Key.PageUp, Command.PageUp);
        Bind(Key.PageDown, Command.PageDown);
        Bind(Key.Home, Command.Start);
        Bind(Key.End, Command.End);
        Bind(Key.Enter, Command.Accept);
        MouseBindings.Add(MouseFlags.WheeledUp, Command.ScrollUp);
        MouseBindings.Add(MouseFlags.WheeledDown, Command.ScrollDown);
    }

    /// <summary>A command that always counts as handled (the view moves, or there is nothing to move).</summary>
    private void Handle(Command command, Action action) => AddCommand(command, () =>
    {
        action();
        return true;
    });

    private void Bind(Key key, Command command)
    {
        KeyBindings.Remove(key);
        KeyBindings.Add(key, command);
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.Esc || key == Key.Tab || key == Key.Tab.WithShift)
        {
            LeaveRequested?.Invoke();
            return true;
        }
        return base.OnKeyDown(key);
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Position is not { } position) return false;
        if (mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || mouse.Flags.HasFlag(MouseFlags.LeftButtonDoubleClicked))
        {
            int row = RowAtScreen(position.Y);
            if (row >= 0 && row < Store.RowCount)
            {
                if (!HasFocus) SetFocus();
                Select(row);
                if (mouse.Flags.HasFlag(MouseFlags.LeftButtonDoubleClicked)) DetailsRequested?.Invoke(Store.RowAt(row));
            }
            return true;
        }
        return false;
    }

    private bool MoveSelection(int delta)
    {
        if (Store.RowCount == 0) return true;
        int lastVisible = LastVisibleRow >= 0 ? LastVisibleRow : Store.RowCount - 1;
        int start = _selectedRow >= 0 ? _selectedRow : lastVisible + (delta < 0 ? 1 : 0);
        Select(Math.Clamp(start + delta, 0, Store.RowCount - 1));
        return true;
    }
}
