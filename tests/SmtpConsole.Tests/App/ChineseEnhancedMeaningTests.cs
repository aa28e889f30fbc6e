using SmtpConsole.App;
using SmtpConsole.Core.Messages;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Tests.App;

/// <summary>The TUI's reply details word the IANA registry in the console's language (issue 18).</summary>
public sealed class ChineseEnhancedMeaningTests
{
    private static EnhancedStatusCode Code(string text) => EnhancedStatusCode.TryParse(text, out var code) ? code.Value : throw new ArgumentException(text);

    [Fact]
    public void RegisteredCode_InChinese_UsesTheChineseRegistryText()
    {
        Assert.Equal("认证凭据无效：AUTH 失败：用户名、密码或令牌未被接受。（RFC 4954）", ReplyWording.EnhancedMeaning(Code("5.7.8"), UiLanguage.SimplifiedChinese));
        Assert.StartsWith("目标邮箱地址错误：", ReplyWording.EnhancedMeaning(Code("5.1.1"), UiLanguage.SimplifiedChinese));
    }

    [Fact]
    public void UnregisteredCode_InChinese_NamesClassAndSubjectInChinese()
    {
        string text = ReplyWording.EnhancedMeaning(Code("5.7.99"), UiLanguage.SimplifiedChinese);
        Assert.Contains("永久失败", text);
        Assert.Contains("安全或策略状态", text);
    }

    [Fact]
    public void RegisteredCode_InEnglish_IsUnchanged() =>
        Assert.Equal("Authentication credentials invalid: AUTH failed: the user name, password or token was not accepted. (RFC 4954)", ReplyWording.EnhancedMeaning(Code("5.7.8")));
}
