using SmtpConsole.Core.Platform;

namespace SmtpConsole.Tests.App;

public sealed class DataDirectoryTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Unix_UsesXdgDataHome() =>
        Assert.Equal("/xdg/smtpconsole", DataDirectory.Resolve(Env(("XDG_DATA_HOME", "/xdg"), ("HOME", "/h/u")), isWindows: false));

    [Fact]
    public void Unix_FallsBackToLocalShare_WhenXdgIsUnsetOrRelative()
    {
        Assert.Equal("/h/u/.local/share/smtpconsole", DataDirectory.Resolve(Env(("HOME", "/h/u")), isWindows: false));
        Assert.Equal("/h/u/.local/share/smtpconsole", DataDirectory.Resolve(Env(("XDG_DATA_HOME", "rel"), ("HOME", "/h/u")), isWindows: false));
    }

    [Fact]
    public void Windows_UsesLocalAppData() =>
        Assert.Equal(@"C:\Users\u\AppData\Local\smtpconsole", DataDirectory.Resolve(Env(("LOCALAPPDATA", @"C:\Users\u\AppData\Local")), isWindows: true));

    [Fact]
    public void MacOS_UsesApplicationSupport_UnlessXdgIsSetExplicitly()
    {
        Assert.Equal("/test-users/u/Library/Application Support/smtpconsole", DataDirectory.Resolve(Env(("HOME", "/test-users/u")), HostPlatform.MacOS));
        Assert.Equal("/xdg/smtpconsole", DataDirectory.Resolve(Env(("XDG_DATA_HOME", "/xdg"), ("HOME", "/test-users/u")), HostPlatform.MacOS));
    }

    [Fact]
    public void Windows_IgnoresUnixVariables() =>
        Assert.Equal(@"D:\Local\smtpconsole", DataDirectory.Resolve(Env(("LOCALAPPDATA", @"D:\Local"), ("XDG_DATA_HOME", "/xdg"), ("HOME", "/h")), HostPlatform.Windows));

    [Fact]
    public void Override_WinsEverywhere() =>
        Assert.Equal(Path.GetFullPath("/tmp/sc"), DataDirectory.Resolve(Env((DataDirectory.OverrideVariable, "/tmp/sc"), ("XDG_DATA_HOME", "/xdg")), isWindows: false));

    [Theory]
    [InlineData("mx.example.com", "mx.example.com")]
    [InlineData("::1", "__1")]
    [InlineData("a/b\\c", "a_b_c")]
    [InlineData("", "session")]
    public void SessionLogName_IsSafeAndTimestamped(string host, string expected)
    {
        var start = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        string name = SessionLog.FileName(start, host);
        Assert.EndsWith("-" + expected + ".log", name);
        Assert.Matches(@"^\d{8}-\d{6}-", name);
    }
}
