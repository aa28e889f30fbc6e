using System.Text.Json;

namespace SmtpConsole.Tests.EndToEnd;

/// <summary>
/// Where the local test Postfix is (tests/servers/start.sh writes servers.json; ./test.sh exports its path).
/// The end-to-end test fails, never skips, when the servers are not up.
/// </summary>
public sealed record LocalPostfix(string Host, int SubmissionPort, string CaFile, string MailDir, string User, string Password, string Address)
{
    public static LocalPostfix Load()
    {
        string path = Environment.GetEnvironmentVariable("SMTPCONSOLE_TEST_SERVERS") ?? Path.Combine(RepositoryRoot(), "tests", "servers", ".run", "servers.json");
        if (!File.Exists(path)) throw new InvalidOperationException($"the local test servers are not running ({path} is missing): run tests/servers/start.sh or ./test.sh");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var alice = root.GetProperty("users").EnumerateArray().First(u => u.GetProperty("name").GetString() == "alice");
        return new LocalPostfix(
            root.GetProperty("host").GetString()!,
            root.GetProperty("ports").GetProperty("submission").GetInt32(),
            root.GetProperty("caFile").GetString()!,
            root.GetProperty("mailDir").GetString()!,
            alice.GetProperty("name").GetString()!,
            alice.GetProperty("password").GetString()!,
            alice.GetProperty("address").GetString()!);
    }

    /// <summary>Polls a user's Maildir for a message containing <paramref name="marker"/>.</summary>
    public string WaitForDelivery(string user, string marker, TimeSpan timeout)
    {
        string folder = Path.Combine(MailDir, user, "new");
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder))
                {
                    string text = File.ReadAllText(file);
                    if (text.Contains(marker, StringComparison.Ordinal)) return text;
                }
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException($"no message containing '{marker}' arrived in {folder}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SmtpConsole.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (SmtpConsole.sln) above " + AppContext.BaseDirectory);
    }
}
