namespace SmtpConsole.Tests.EndToEnd;

/// <summary>
/// Finds the console to drive end to end: <c>SMTPCONSOLE_E2E_BINARY</c> (e.g. the Native AOT build CI ships), else
/// the <c>smtpconsole.dll</c> built next to the tests (run with <c>dotnet</c>).
/// </summary>
public static class ConsoleBinary
{
    public const string Variable = "SMTPCONSOLE_E2E_BINARY";

    /// <summary>The shell command that starts the console with <paramref name="arguments"/>.</summary>
    public static string Command(string arguments = "")
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } binary)
        {
            if (!File.Exists(binary)) throw new FileNotFoundException($"{Variable}={binary}: no such file");
            return Quote(binary) + " " + arguments;
        }
        string dll = Path.Combine(AppContext.BaseDirectory, "smtpconsole.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"smtpconsole.dll is not next to the tests ({AppContext.BaseDirectory}); build src/SmtpConsole or set {Variable}");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return Quote(dotnet) + " " + Quote(dll) + " " + arguments;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''") + "'";
}
