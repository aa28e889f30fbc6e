using SmtpConsole.Core.Platform;
using SmtpConsole.Core.Profiles;

namespace SmtpConsole.Core.Tests.Platform;

/// <summary>Issue 19 §4: per-user folders follow each platform's convention; the platform is injected, so all run on Linux.</summary>
public sealed class HostPlatformsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    private static readonly Func<string, string?> Everything = Env(
        ("APPDATA", @"C:\Users\me\AppData\Roaming"), ("LOCALAPPDATA", @"C:\Users\me\AppData\Local"),
        ("HOME", "/test-home"), ("XDG_CONFIG_HOME", "/xdg/config"), ("XDG_DATA_HOME", "/xdg/data"));

    [Theory]
    [InlineData(HostPlatform.Windows, UserFolderKind.Configuration, @"C:\Users\me\AppData\Roaming\smtpconsole")]
    [InlineData(HostPlatform.Windows, UserFolderKind.Data, @"C:\Users\me\AppData\Local\smtpconsole")]
    [InlineData(HostPlatform.Linux, UserFolderKind.Configuration, "/xdg/config/smtpconsole")]
    [InlineData(HostPlatform.Linux, UserFolderKind.Data, "/xdg/data/smtpconsole")]
    [InlineData(HostPlatform.MacOS, UserFolderKind.Configuration, "/xdg/config/smtpconsole")]
    public void Each_platform_uses_its_own_variables(HostPlatform platform, UserFolderKind kind, string expected) =>
        Assert.Equal(expected, HostPlatforms.UserFolder(platform, kind, Everything));

    [Theory]
    [InlineData(HostPlatform.Linux, UserFolderKind.Configuration, "/test-home/.config/smtpconsole")]
    [InlineData(HostPlatform.Linux, UserFolderKind.Data, "/test-home/.local/share/smtpconsole")]
    [InlineData(HostPlatform.MacOS, UserFolderKind.Configuration, "/test-home/Library/Application Support/smtpconsole")]
    [InlineData(HostPlatform.MacOS, UserFolderKind.Data, "/test-home/Library/Application Support/smtpconsole")]
    public void Without_xdg_unix_platforms_fall_back_to_their_home_convention(HostPlatform platform, UserFolderKind kind, string expected) =>
        Assert.Equal(expected, HostPlatforms.UserFolder(platform, kind, Env(("HOME", "/test-home"), ("XDG_CONFIG_HOME", "relative"), ("XDG_DATA_HOME", "rel"))));

    [Fact]
    public void Windows_never_uses_unix_variables_nor_a_relative_appdata()
    {
        Assert.Null(HostPlatforms.UserFolder(HostPlatform.Windows, UserFolderKind.Configuration, Env(("HOME", "/test-home"), ("XDG_CONFIG_HOME", "/x"))));
        Assert.Null(HostPlatforms.UserFolder(HostPlatform.Windows, UserFolderKind.Data, Env(("LOCALAPPDATA", "relative"))));
        Assert.Equal(@"\\server\share\smtpconsole", HostPlatforms.UserFolder(HostPlatform.Windows, UserFolderKind.Data, Env(("LOCALAPPDATA", @"\\server\share"))));
    }

    [Fact]
    public void Profiles_follow_the_configuration_folder_on_every_platform()
    {
        Assert.Equal(@"C:\Users\me\AppData\Roaming\smtpconsole\profiles", ProfileSources.ComputeUserDirectory(Everything, HostPlatform.Windows));
        Assert.Equal("/test-home/Library/Application Support/smtpconsole/profiles", ProfileSources.ComputeUserDirectory(Env(("HOME", "/test-home")), HostPlatform.MacOS));
        Assert.Equal("/xdg/config/smtpconsole/profiles", ProfileSources.ComputeUserDirectory(Everything, HostPlatform.Linux));
    }

    [Fact]
    public void The_current_platform_matches_the_runtime()
    {
        var expected = OperatingSystem.IsWindows() ? HostPlatform.Windows : OperatingSystem.IsMacOS() ? HostPlatform.MacOS : HostPlatform.Linux;
        Assert.Equal(expected, HostPlatforms.Current);
    }
}
