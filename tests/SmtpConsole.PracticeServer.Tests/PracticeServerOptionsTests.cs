using System.Net;

namespace SmtpConsole.PracticeServer.Tests;

public sealed class PracticeServerOptionsTests
{
    [Fact]
    public void Defaults_match_the_product_requirement()
    {
        var options = new PracticeServerOptions();
        Assert.Equal(0, options.Port);
        Assert.Equal(IPAddress.Loopback, options.BindAddress);
        Assert.Equal("practice.smtpconsole.test", options.HostName);
        Assert.False(options.AllowPlaintextAuth);
        Assert.Equal(10 * 1024 * 1024, options.MaxMessageSize);
        Assert.Equal(TimeSpan.FromMinutes(5), options.IdleTimeout);
        Assert.Equal(2048, options.MaxLineLength);
        Assert.Equal(20, options.HardErrorLimit);
        Assert.Contains(new PracticeAccount("demo", "practice"), options.Accounts);
        Assert.Contains(new PracticeAccount("learner", "smtp-is-fun"), options.Accounts);
        options.Validate();
    }

    public static TheoryData<PracticeServerOptions> Invalid =>
    [
        new() { Port = -1 },
        new() { Port = 70000 },
        new() { HostName = "" },
        new() { HostName = "two words" },
        new() { MaxMessageSize = 0 },
        new() { IdleTimeout = TimeSpan.Zero },
        new() { MaxLineLength = 511 },
        new() { MaxConnections = 0 },
        new() { HardErrorLimit = 0 },
        new() { MaxStoredBytes = 0 },
        new() { Accounts = [new PracticeAccount("", "x")] },
    ];

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_rejects_settings_that_cannot_work(PracticeServerOptions options)
    {
        Assert.ThrowsAny<ArgumentException>(options.Validate);
    }
}
