using System.Diagnostics;

namespace SmtpConsole.IntegrationTests.Support;

/// <summary>Runs the real <c>smtpconsole</c> executable (built next to the tests) and captures what it printed.</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed);

    public static string ExecutablePath
    {
        get
        {
            string path = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "smtpconsole.exe" : "smtpconsole");
            return File.Exists(path) ? path : throw new FileNotFoundException("the smtpconsole apphost was not built next to the tests", path);
        }
    }

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Infrastructure.RepositoryPaths.FindRepositoryRoot(),
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["NO_COLOR"] = "1";
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null) await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"smtpconsole {string.Join(' ', arguments)} did not finish; output so far:\n{await stdout}\n{await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr, stopwatch.Elapsed);
    }
}
