namespace SmtpConsole.App;

/// <summary>
/// A question the engine asks the person at the keyboard, carried to the UI thread on the <see cref="UiDispatcher"/>
/// and answered by the window through the task it holds. Cancelling the step answers it (withdraws it) from the
/// engine side; the window then closes its panel, or never opens one.
/// </summary>
internal abstract record ScreenQuestion
{
    /// <summary>True once answered or withdrawn.</summary>
    public abstract bool IsSettled { get; }
}
