using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Scripts;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using static SmtpConsole.Core.Tests.Hostile.HostileHarness;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// Issue 13 item 7 and its class: every out-of-range or malformed value a user can type is a one-line error (exit 2
/// in scripts), never an exception from deep inside the runtime.
/// </summary>
public class BadInputTests
{
    private static readonly string LongHost = new('a', 300);

    [Theory]
    [InlineData("/bdat @f --chunk 2147483647")]
    [InlineData("/bdat @f --chunk 67108865")]
    [InlineData("/bdat @f --chunk 0")]
    [InlineData("/bdat @f --chunk -5")]
    [InlineData("/bdat @f --chunk 99999999999999999999")]
    [InlineData("/connect host 99999")]
    [InlineData("/connect host 0")]
    [InlineData("/connect host:70000")]
    [InlineData("/connect " + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example 25")]
    [InlineData("/expect 250 /(unclosed/")]
    [InlineData("/expect 99999999999")]
    [InlineData("/mx")]
    public void Helper_BadValue_OneLineSyntaxError(string line)
    {
        var ex = Assert.Throws<CommandSyntaxException>(() => CommandLineParser.Parse(line));
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Connect_HostOver253Characters_SyntaxError() =>
        Assert.Contains("253", Assert.Throws<CommandSyntaxException>(() => CommandLineParser.Parse("/connect " + LongHost)).Message);

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    [InlineData(1e308)]
    [InlineData(5_000_000)]
    [InlineData(-1)]
    [InlineData(0)]
    public void Timeout_OutOfRange_HasAProblem(double seconds) => Assert.NotNull(ConnectLimits.TimeoutProblem(seconds, "the timeout"));

    [Theory]
    [InlineData(0.001)]
    [InlineData(30)]
    [InlineData(86400)]
    public void Timeout_InRange_Accepted(double seconds) => Assert.Null(ConnectLimits.TimeoutProblem(seconds, "the timeout"));

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("host\tname")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example")]
    public void Host_Malformed_HasAProblem(string host) => Assert.NotNull(ConnectLimits.HostProblem(host));

    [Theory]
    [InlineData("smtp.example.com")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void Host_Fine_NoProblem(string host) => Assert.Null(ConnectLimits.HostProblem(host));

    [Fact]
    public async Task Session_HostOver255Characters_ConnectFailedNotAnException()
    {
        await using var h = new SessionHarness(25);

        var result = await Bounded(h.Session.ConnectAsync(h.Options with { Host = LongHost }));

        Assert.Equal(CommandFailure.ConnectFailed, result.Failure);
        Assert.Contains("253", result.Message);
    }

    [Fact]
    public async Task Session_TimeoutBeyondWhatTimersAccept_ConnectFailedNotAnException()
    {
        await using var h = new SessionHarness(25);

        var result = await Bounded(h.Session.ConnectAsync(h.Options with { ConnectTimeout = TimeSpan.FromSeconds(5_000_000) }));

        Assert.Equal(CommandFailure.ConnectFailed, result.Failure);
    }

    [Fact]
    public async Task Script_VariableWithBothQuotesInAHelper_ExitTwoBeforeConnecting()
    {
        await using var server = new ScriptedSmtpServer(HostileScenarios.WellBehaved);
        await using var h = new HostileHarness(server.Port);
        var variables = new Dictionary<string, string> { ["PASS"] = "a\"b'c" };

        int exit = await Bounded(new ScriptRunner(h.Runner).RunAsync(ScriptReader.Read("/auth plain demo ${PASS}\n", "q.smtp"), variables, new ScriptRunOptions { Target = h.Options }));

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("both kinds of quote", h.FirstError().Text);
        Assert.False(h.Session.IsConnected);
    }
}
