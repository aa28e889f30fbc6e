using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Testing;

/// <summary>
/// Throw-away shipped and user profile folders under the temp directory, so no test touches the real user
/// configuration or the process environment.
/// </summary>
public sealed class TemporaryProfileFolders : IDisposable
{
    public TemporaryProfileFolders()
    {
        Root = Path.Combine(Path.GetTempPath(), "smtpconsole-profile-tests-" + Guid.NewGuid().ToString("N"));
        ShippedDirectory = Path.Combine(Root, "shipped");
        UserDirectory = Path.Combine(Root, "user");
        Directory.CreateDirectory(ShippedDirectory);
        Directory.CreateDirectory(UserDirectory);
    }

    public string Root { get; }

    public string ShippedDirectory { get; }

    public string UserDirectory { get; }

    public string WriteShipped(string fileName, string json) => Write(Path.Combine(ShippedDirectory, fileName), json);

    public string WriteUser(string fileName, string json) => Write(Path.Combine(UserDirectory, fileName), json);

    public string WriteExtra(string fileName, string json) => Write(Path.Combine(Root, fileName), json);

    public ProfileSources Sources(
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyDictionary<string, string?>? overrides = null,
        string? extraFile = null) => new()
    {
        ShippedDirectory = ShippedDirectory,
        UserDirectory = UserDirectory,
        ExtraFile = extraFile,
        Environment = environment ?? new Dictionary<string, string>(),
        CommandLineOverrides = overrides ?? new Dictionary<string, string?>(),
    };

    public ProfileCatalog Load(
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyDictionary<string, string?>? overrides = null,
        string? extraFile = null) => ProfileCatalog.Load(Sources(environment, overrides, extraFile));

    /// <summary>1-based number of the first line of <paramref name="json"/> containing <paramref name="marker"/>.</summary>
    public static int LineOf(string json, string marker)
    {
        var lines = json.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].Contains(marker, StringComparison.Ordinal))
                return index + 1;
        }

        throw new ArgumentException($"'{marker}' not found", nameof(marker));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test run.
        }
    }

    private static string Write(string path, string json)
    {
        File.WriteAllText(path, json.ReplaceLineEndings("\n"));
        return path;
    }
}
