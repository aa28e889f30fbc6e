using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Core.Tests.Profiles;

public sealed class ProfileSourcesTests : IDisposable
{
    private readonly TemporaryProfileFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void On_unix_the_user_folder_is_under_xdg_config_home()
    {
        var directory = ProfileSources.ComputeUserDirectory(Environment(("XDG_CONFIG_HOME", "/cfg"), ("HOME", "/test-home")), isWindows: false);

        Assert.Equal(Path.Combine("/cfg", "smtpconsole", "profiles"), directory);
    }

    [Fact]
    public void On_unix_without_xdg_config_home_the_user_folder_is_under_dot_config()
    {
        var directory = ProfileSources.ComputeUserDirectory(Environment(("HOME", "/test-home")), isWindows: false);

        Assert.Equal(Path.Combine("/test-home", ".config", "smtpconsole", "profiles"), directory);
    }

    [Fact]
    public void A_relative_xdg_config_home_is_ignored_as_the_xdg_specification_requires()
    {
        var directory = ProfileSources.ComputeUserDirectory(Environment(("XDG_CONFIG_HOME", "relative/cfg"), ("HOME", "/test-home")), isWindows: false);

        Assert.Equal(Path.Combine("/test-home", ".config", "smtpconsole", "profiles"), directory);
    }

    [Fact]
    public void On_windows_the_user_folder_is_under_appdata()
    {
        var appData = @"C:\Users\me\AppData\Roaming";

        var directory = ProfileSources.ComputeUserDirectory(Environment(("APPDATA", appData), ("HOME", "/ignored")), isWindows: true);

        // The Windows path, with Windows separators, even when the test runs on Linux.
        Assert.Equal(@"C:\Users\me\AppData\Roaming\smtpconsole\profiles", directory);
    }

    [Fact]
    public void Without_a_home_there_is_no_user_folder()
    {
        Assert.Null(ProfileSources.ComputeUserDirectory(Environment(), isWindows: false));
        Assert.Null(ProfileSources.ComputeUserDirectory(Environment(), isWindows: true));
    }

    [Fact]
    public void The_shipped_folder_next_to_the_executable_wins()
    {
        var beside = Directory.CreateDirectory(Path.Combine(_folders.Root, "app", "profiles")).FullName;

        Assert.Equal(beside, ProfileSources.FindShippedDirectory(Path.Combine(_folders.Root, "app")));
    }

    [Theory]
    [InlineData("SmtpConsole.sln")]
    [InlineData("SmtpConsole.slnx")]
    public void In_a_checkout_the_shipped_folder_is_found_next_to_the_solution(string solutionFile)
    {
        var repository = Path.Combine(_folders.Root, "repo");
        var profiles = Directory.CreateDirectory(Path.Combine(repository, "profiles")).FullName;
        File.WriteAllText(Path.Combine(repository, solutionFile), string.Empty);
        var output = Directory.CreateDirectory(Path.Combine(repository, "tests", "X", "bin", "Debug", "net10.0")).FullName;

        Assert.Equal(profiles, ProfileSources.FindShippedDirectory(output));
    }

    [Fact]
    public void A_profiles_folder_without_a_solution_beside_it_is_not_mistaken_for_the_shipped_folder()
    {
        Directory.CreateDirectory(Path.Combine(_folders.Root, "profiles"));
        var output = Directory.CreateDirectory(Path.Combine(_folders.Root, "somewhere", "bin")).FullName;

        Assert.Null(ProfileSources.FindShippedDirectory(output));
    }

    [Fact]
    public void Default_sources_find_the_shipped_profiles_and_use_the_standard_prefix()
    {
        var sources = ProfileSources.Default("extra.json", new Dictionary<string, string?> { ["port"] = "25" });

        Assert.NotNull(sources.ShippedDirectory);
        Assert.Equal("extra.json", sources.ExtraFile);
        Assert.Equal("SMTPCONSOLE__", sources.EnvironmentPrefix);
        Assert.Null(sources.Environment);
        Assert.Equal("25", sources.CommandLineOverrides["port"]);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;
}
