using SmtpConsole.Cli;
using SmtpConsole.Core.Messages;

namespace SmtpConsole.Tests.Cli;

public sealed class CliRemediesTests
{
    public static TheoryData<Remedy, string> Flags => new()
    {
        { Remedy.UseStartTls, "--allow-plaintext-auth" },
        { Remedy.UseImplicitTls, "--tls" },
        { Remedy.TrustCaFile, "--cafile FILE" },
        { Remedy.AcceptUnverifiedCertificate, "--insecure" },
        { Remedy.AllowPlaintextAuth, "--allow-plaintext-auth" },
        { Remedy.Reconnect, "/connect" },
        { Remedy.LongerTimeout, "--timeout SECONDS" },
        { Remedy.NoInitialResponse, "--no-initial" },
        { Remedy.AllowOlderTls, "--tls-min 1.0" },
        { Remedy.ChooseTlsMode, "--starttls" },
        { Remedy.ChangeEhloName, "--ehlo-name NAME" },
    };

    [Theory]
    [MemberData(nameof(Flags))]
    public void EachRemedy_NamesTheSameFlag_InBothLanguages_AndTheChineseIsChinese(Remedy remedy, string flag)
    {
        string english = CliRemedies.For(remedy, UiLanguage.English)!;
        string chinese = CliRemedies.For(remedy, UiLanguage.SimplifiedChinese)!;
        Assert.Contains(flag, english, StringComparison.Ordinal);
        Assert.Contains(flag, chinese, StringComparison.Ordinal);
        Assert.False(english.Any(c => c >= 0x4E00 && c <= 0x9FFF), english);
        Assert.Contains(chinese, c => c >= 0x4E00 && c <= 0x9FFF);
    }

    [Fact]
    public void EnglishWording_IsWhatReplayPrintedBefore()
    {
        Assert.Equal("pass --cafile FILE with the CA that signed the server's certificate", CliRemedies.For(Remedy.TrustCaFile, UiLanguage.English));
        Assert.Equal("try --no-initial", CliRemedies.For(Remedy.NoInitialResponse, UiLanguage.English));
    }

    [Fact]
    public void RemediesTheCommandLineCannotAct_OnAreLeftOut()
    {
        Assert.Null(CliRemedies.For(Remedy.QuitConsole, UiLanguage.English));
    }
}
