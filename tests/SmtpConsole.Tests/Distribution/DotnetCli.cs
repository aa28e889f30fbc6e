using System.Diagnostics;

namespace SmtpConsole.Tests.Distribution;

/// <summary>Runs the .NET SDK (or an installed tool) as a child process for the packaging tests.</summary>
internal static class DotnetCli
{
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The repository root: the nearest ancestor of the test binaries holding SmtpConsole.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SmtpConsole.sln"))) return directory.FullName;
            }
            throw new InvalidOperationException($"no SmtpConsole.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>Release or Debug, as the tests themselves were built, so packing reuses that build.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Debug", StringComparer.Ordinal) ? "Debug" : "Release";

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
