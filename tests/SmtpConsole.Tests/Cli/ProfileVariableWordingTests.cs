using System.Diagnostics;

namespace SmtpConsole.Tests.Cli;

/// <summary>
/// A profile's <c>${variable}</c> with no value: the engine only names it (and its environment variable); each command
/// says how it takes a value. <c>replay</c> has <c>--var</c> and now hands it to the profile too; <c>doctor</c> has no
/// <c>--var</c>, so it must not tell the user to pass one.
/// </summary>
public sealed class ProfileVariableWordingTests : IDisposable
{
    private const string Variable = "h_dedupe_test";
    private const string EnvironmentName = "SMTPCONSOLE_H_DEDUPE_TEST";
    private readonly string _scratch = Directory.CreateTempSubdirectory("profile-vars-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Replay_ProfileVariableMissing_SaysPassVarOrSetTheEnvironment()
    {
        var (exit, _, stderr) = await RunAsync("replay", await ScriptAsync(), "--profile", "p", "--profile-file", await ProfileFileAsync(2));

        Assert.Equal(Core.Scripts.ExitCodes.UsageError, exit);
        Assert.Contains($"profile 'p': variable '{Variable}' has no value (the environment variable {EnvironmentName} is not set either): pass --var {Variable}=VALUE, or set the environment variable {EnvironmentName}", stderr);
    }

    [Fact]
    public async Task Replay_VarGivesTheProfileVariableItsValue()
    {
        using var server = ScriptedSmtpServer.Start("220 scripted.test ESMTP", "250 noop ok", "221 bye");
        var (_, stdout, stderr) = await RunAsync("replay", await ScriptAsync(), "--profile", "p", "--profile-file", await ProfileFileAsync(server.Port), "--var", $"{Variable}=127.0.0.1");

        Assert.DoesNotContain("has no value", stderr);
        Assert.Contains("250 noop ok", stdout);
        Assert.Contains("NOOP", server.Commands);
    }

    [Fact]
    public async Task Doctor_ProfileVariableMissing_NamesTheEnvironmentVariable_NotAFlagItDoesNotHave()
    {
        var (exit, _, stderr) = await RunAsync("doctor", "--profile", "p", "--profile-file", await ProfileFileAsync(2));

        Assert.Equal(Core.Scripts.ExitCodes.UsageError, exit);
        Assert.Contains($"variable '{Variable}' has no value", stderr);
        Assert.Contains($"give it a value in the environment variable {EnvironmentName}", stderr);
        Assert.DoesNotContain("--var", stderr);
    }

    private async Task<string> ScriptAsync()
    {
        string script = Path.Combine(_scratch, "noop.smtp");
        await File.WriteAllTextAsync(script, "NOOP\n");
        return script;
    }

    private async Task<string> ProfileFileAsync(int port)
    {
        string file = Path.Combine(_scratch, "profiles.json");
        await File.WriteAllTextAsync(file, $$"""
            { "profiles": { "p": { "host": "${{{Variable}}}", "port": {{port}}, "security": "plain", "variables": { "{{Variable}}": "the test host" } } } }
            """);
        return file;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "smtpconsole.dll"));
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        info.Environment.Remove(EnvironmentName);
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout, stderr);
    }
}
