namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>Finds the repository checkout the tests were built from.</summary>
public static class RepositoryPaths
{
    private static readonly string[] SolutionFiles = ["SmtpConsole.slnx", "SmtpConsole.sln"];

    /// <summary>
    /// The directory holding the solution file, found by walking up from the
    /// test assembly's directory (bin/&lt;config&gt;/&lt;tfm&gt;/ inside the checkout).
    /// </summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (SolutionFiles.Any(f => File.Exists(Path.Combine(dir.FullName, f))))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find the repository root (a directory with {string.Join(" or ", SolutionFiles)}) above {AppContext.BaseDirectory}.");
    }

    /// <summary>tests/servers/ in the checkout: start.sh, stop.sh and the .run/ directory.</summary>
    public static string ServersDirectory => Path.Combine(FindRepositoryRoot(), "tests", "servers");
}
