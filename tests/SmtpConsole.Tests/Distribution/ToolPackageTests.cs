using System.IO.Compression;

namespace SmtpConsole.Tests.Distribution;

/// <summary>
/// Issue 19 §3 and §4: <c>dotnet tool install smtpconsole</c> works from a local folder, the installed tool finds its
/// shipped profiles and knowledge base, and the package carries nothing only Linux can use. One pack, one install.
/// </summary>
[Collection(DistributionCollection.Name)]
public sealed class ToolPackageTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Packs_installs_into_a_tool_path_and_runs_version_explain_and_profiles()
    {
        var work = Directory.CreateTempSubdirectory("smtpconsole-tool-");
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            var toolPath = Path.Combine(work.FullName, "tools");
            var project = Path.Combine(DotnetCli.RepositoryRoot, "src", "SmtpConsole", "SmtpConsole.csproj");
            var pack = await DotnetCli.RunAsync(DotnetCli.Dotnet, ["pack", project, "-c", DotnetCli.Configuration, "--no-build", "-o", feed, "--nologo"], Slow);
            Assert.True(pack.ExitCode == 0, pack.Output);
            var package = Assert.Single(Directory.GetFiles(feed, "smtpconsole.*.nupkg"));

            AssertPackageContents(package);

            var install = await DotnetCli.RunAsync(DotnetCli.Dotnet,
                ["tool", "install", "smtpconsole", "--add-source", feed, "--tool-path", toolPath, "--ignore-failed-sources"], Slow);
            Assert.True(install.ExitCode == 0, install.Output);
            var tool = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "smtpconsole.exe" : "smtpconsole");
            Assert.True(File.Exists(tool), $"no {tool} after install:\n{install.Output}");

            var version = await DotnetCli.RunAsync(tool, ["--version"], TimeSpan.FromMinutes(1));
            Assert.Equal(0, version.ExitCode);
            Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());

            var explain = await DotnetCli.RunAsync(tool, ["explain", "535 5.7.8 Username and Password not accepted"], TimeSpan.FromMinutes(1));
            Assert.True(explain.ExitCode == 0, explain.Output);
            Assert.Contains("5.7.8", explain.Output, StringComparison.Ordinal);
            Assert.Contains("password", explain.Output, StringComparison.OrdinalIgnoreCase);

            // The shipped profiles travel inside the package (found beside the tool's own assembly).
            var profiles = await DotnetCli.RunAsync(tool, ["profiles"], TimeSpan.FromMinutes(1),
                new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = Path.Combine(work.FullName, "config"), ["APPDATA"] = Path.Combine(work.FullName, "config") });
            Assert.True(profiles.ExitCode == 0, profiles.Output);
            Assert.Contains("gmail", profiles.Output, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void AssertPackageContents(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var names = zip.Entries.Select(entry => entry.FullName.Replace('\\', '/')).ToList();
        const string tool = "tools/net10.0/any/";
        Assert.Contains(tool + "DotnetToolSettings.xml", names);
        Assert.Contains(tool + "smtpconsole.dll", names);
        Assert.Contains(tool + "profiles/gmail.json", names);
        Assert.Contains(tool + "profiles/local.json", names);

        // Every native asset for Linux has a Windows and a macOS counterpart: nothing in the package is Linux-only.
        var nativeRids = names.Where(n => n.StartsWith(tool + "runtimes/", StringComparison.Ordinal) && n.Contains("/native/", StringComparison.Ordinal))
            .Select(n => n[(tool.Length + "runtimes/".Length)..].Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        if (nativeRids.Any(rid => rid.StartsWith("linux", StringComparison.Ordinal)))
        {
            Assert.Contains("win-x64", nativeRids);
            Assert.Contains("osx-arm64", nativeRids);
        }
        Assert.DoesNotContain(names, n => n.StartsWith(tool, StringComparison.Ordinal) && !n.Contains("/runtimes/", StringComparison.Ordinal)
            && (n.EndsWith(".so", StringComparison.Ordinal) || n.EndsWith(".sh", StringComparison.Ordinal)));
    }
}
