using System.Text.Json;
using SmtpConsole.IntegrationTests.Support;

namespace SmtpConsole.IntegrationTests.Cli;

/// <summary>The real <c>smtpconsole explain</c> process (no servers needed): stdin, replies without a code, JSON.</summary>
public class ExplainCommandTests
{
    [Fact]
    public async Task Dash_ReadsTheReplyFromStdin()
    {
        // nodemailer/nodemailer#1656 (Gmail), piped in as a user would paste a log.
        var r = await AppProcess.RunAsync(["explain", "-"], standardInput:
            "Error: Invalid login: 535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials 2adb3069b0e04-521f38d7f71sm2899713e87.194 - gsmtp\n");
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        Assert.Contains("[gmail-535-bad-credentials]", r.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyWithoutCode_IsExplainedFromItsWords_AndSaysTheCodeIsNotShown()
    {
        // gshang2017/docker#18: the client logged QQ's words without the 535.
        var r = await AppProcess.RunAsync(["explain", "-"], standardInput:
            "[2020-03-02 07:32:28,865] ERROR {cps.worker:531} Error sending email: Login Fail. Please enter your authorization code to login. More information in http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256\n");
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        Assert.Contains("[qq-535-authorization-code]", r.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("code not shown", r.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("500", r.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextWithNeitherCodeNorKnownWords_IsAOneLineError()
    {
        var r = await AppProcess.RunAsync(["explain", "connection timed out after 30 seconds on port 465"]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("smtpconsole explain: No SMTP reply found", r.StandardError, StringComparison.Ordinal);
        Assert.Single(r.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Json_NeverShowsAnInferredCode()
    {
        var r = await AppProcess.RunAsync(["explain", "--json", "main.CRITICAL: 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM"]);
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        using var doc = JsonDocument.Parse(r.StandardOutput);
        var reply = doc.RootElement.GetProperty("reply");
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("code").ValueKind);
        Assert.True(reply.GetProperty("codeInferred").GetBoolean());
        Assert.Equal(5, reply.GetProperty("codeClass").GetInt32());
        Assert.Equal("5xx (code not shown)", reply.GetProperty("codeDisplay").GetString());
        Assert.Equal("m365-530-5.7.57-not-authenticated", doc.RootElement.GetProperty("matches")[0].GetProperty("id").GetString());
    }
}
