namespace SmtpConsole.Core.Messages;

/// <summary>The language the console speaks to its user. SMTP on the wire is never translated.</summary>
public enum UiLanguage
{
    English,

    /// <summary>Simplified Chinese (zh-CN); also used for zh_SG, zh_TW and zh_HK until someone translates those.</summary>
    SimplifiedChinese,
}
