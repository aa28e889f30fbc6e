namespace SmtpConsole.Tests.Distribution;

/// <summary>
/// Issue 19 §4: CI cannot run Windows or macOS here, so prove at least that the console builds and publishes for
/// win-x64 and osx-arm64 from Linux, framework-dependent and self-contained (non-AOT), with the right host and native
/// assets and nothing Linux-only. Needs the runtime packs from the NuGet feed (Microsoft.NETCore.App.Runtime.win-x64
/// and .osx-arm64, Microsoft.NETCore.App.Host.*); it fails, never skips, when they are missing.
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class CrossPlatformPublishTests
{
    [Fact]
    public async Task Publishes_for_windows_and_macos_framework_dependent_and_self_contained()
    {
        var work = Directory.CreateTempSubdirectory("smtpconsole-publish-");
        try
        {
            var project = Path.Combine(DotnetCli.RepositoryRoot, "src", "SmtpConsole", "SmtpConsole.csproj");
            foreach (var (rid, host, runtime, native) in new[]
            {
                ("win-x64", "smtpconsole.exe", "coreclr.dll", ".dll"),
                ("osx-arm64", "smtpconsole", "libcoreclr.dylib", ".dylib"),
            })
            {
                foreach (var selfContained in new[] { false, true })
                {
                    var output = Path.Combine(work.FullName, $"{rid}-{(selfContained ? "sc" : "fd")}");
                    var publish = await DotnetCli.RunAsync(DotnetCli.Dotnet,
                        ["publish", project, "-c", "Release", "-r", rid, "--self-contained", selfContained ? "true" : "false", "-p:PublishAot=false", "-o", output, "--nologo"],
                        TimeSpan.FromMinutes(10));
                    Assert.True(publish.ExitCode == 0, $"{rid} self-contained={selfContained}:\n{publish.Output}");

                    var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).ToList();
                    Assert.Contains(host, files);
                    Assert.Contains("smtpconsole.dll", files);
                    Assert.Contains("profiles/gmail.json", files);
                    Assert.Equal(selfContained, files.Contains(runtime));
                    // Nothing built for Linux ends up in a Windows or macOS folder.
                    Assert.DoesNotContain(files, f => f.EndsWith(".so", StringComparison.Ordinal) || f.Contains("runtimes/linux", StringComparison.Ordinal));
                    if (selfContained)
                    {
                        Assert.Contains(files, f => f.EndsWith(native, StringComparison.Ordinal) && f.Contains("onigwrap", StringComparison.Ordinal));
                    }
                }
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
