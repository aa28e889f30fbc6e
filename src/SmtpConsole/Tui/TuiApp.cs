namespace SmtpConsole.Tui;

/// <summary>Starts the full-screen console. Kept out of Program so --help/--version never load Terminal.Gui.</summary>
internal static class TuiApp
{
    public static Task<int> RunAsync(TuiStartOptions options, CancellationToken ct)
    {
        _ = (options, ct);
        Console.Error.WriteLine("the full-screen console is being built; use 'smtpconsole replay' for now");
        return Task.FromResult(2);
    }
}
