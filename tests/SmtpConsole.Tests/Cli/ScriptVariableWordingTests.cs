using System.Diagnostics;

namespace SmtpConsole.Tests.Cli;

/// <summary><c>replay</c> words a missing script variable with its own flags (the engine only names the variable).</summary>
public sealed class ScriptVariableWordingTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("replay-vars-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Replay_MissingVariable_SaysPassVarOrSetTheEnvironment()
    {
        string script = Path.Combine(_scratch, "needs.smtp");
        await File.WriteAllTextAsync(script, "EHLO ${HELO_NAME_ARCH_TEST}\n");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])[Path.Combine(AppContext.BaseDirectory, "smtpconsole.dll"), "replay", script, "--host", "127.0.0.1", "--port", "2", "--plain"])
            info.ArgumentList.Add(argument);
        info.Environment.Remove("SMTPCONSOLE_HELO_NAME_ARCH_TEST");
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await stdout;

        Assert.Equal(Core.Scripts.ExitCodes.UsageError, process.ExitCode);
        Assert.Contains($"smtpconsole replay: {script}: no value for HELO_NAME_ARCH_TEST: pass --var HELO_NAME_ARCH_TEST=VALUE, or set SMTPCONSOLE_HELO_NAME_ARCH_TEST, or run in a terminal to be asked", stderr);
    }
}
