namespace SmtpConsole.Tui;

internal sealed partial class CommandInput
{
    // Terminal.Gui's clear is a FillRect cell by cell; the same blank written in runs costs a fraction (CellWriter).
    protected override bool OnClearingViewport() => CellWriter.ClearViewport(this);
}
