using System.Diagnostics;

namespace SmtpConsole.Tests.Cli;

/// <summary><c>replay</c> words a missing script variable with its own flags (the engine only names the variable).</summary>
public sealed class ScriptVariableWordingTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("replay-vars-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private sealed record Run(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs <c>smtpconsole replay</c> on a script holding <paramref name="scriptText"/> against a port nothing answers.</summary>
    private async Task<Run> ReplayAsync(string scriptText, params string[] extraArguments)
    {
        string script = Path.Combine(_scratch, "script.smtp");
        await File.WriteAllTextAsync(script, scriptText);
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])[Path.Combine(AppContext.BaseDirectory, "smtpconsole.dll"), "replay", script, "--host", "127.0.0.1", "--port", "2", .. extraArguments])
            info.ArgumentList.Add(argument);
        info.Environment.Remove("SMTPCONSOLE_HELO_NAME_ARCH_TEST");
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return new Run(process.ExitCode, await stdout, stderr.Replace(script, "SCRIPT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replay_MissingVariable_SaysPassVarOrSetTheEnvironment()
    {
        var run = await ReplayAsync("EHLO ${HELO_NAME_ARCH_TEST}\n", "--plain");

        Assert.Equal(Core.Scripts.ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("smtpconsole replay: SCRIPT: no value for HELO_NAME_ARCH_TEST: pass --var HELO_NAME_ARCH_TEST=VALUE, or set SMTPCONSOLE_HELO_NAME_ARCH_TEST, or run in a terminal to be asked", run.StandardError);
    }

    /// <summary>"--var =VALUE" (or the value alone, the name forgotten) was echoed in the error: a password on the terminal.</summary>
    [Theory]
    [InlineData("=Zq9-var-secret")]
    [InlineData("Zq9-var-secret")]
    public async Task Replay_MalformedVar_NeverEchoesTheValue(string pair)
    {
        var run = await ReplayAsync("NOOP\n", "--var", pair);

        Assert.Equal(Core.Scripts.ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("expected NAME=VALUE", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq9-var-secret", run.StandardError + run.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>A name no ${NAME} can spell was accepted and never used, so the script failed as if no value was given.</summary>
    [Theory]
    [InlineData("P W=Zq9-var-secret", "'P W'")]
    [InlineData("my-pass=Zq9-var-secret", "'my-pass'")]
    [InlineData("1PASS=Zq9-var-secret", "'1PASS'")]
    public async Task Replay_VarWithANameNoScriptCanUse_IsAUsageError_WithoutTheValue(string pair, string named)
    {
        var run = await ReplayAsync("NOOP\n", "--var", pair);

        Assert.Equal(Core.Scripts.ExitCodes.UsageError, run.ExitCode);
        Assert.Contains($"{named} is not a name a script can use as ${{NAME}}", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq9-var-secret", run.StandardError + run.StandardOutput, StringComparison.Ordinal);
    }
}
