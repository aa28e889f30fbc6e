namespace SmtpConsole.Core.Protocol;

/// <summary>One esmtp-param of a MAIL or RCPT line (RFC 5321 §4.1.2): <c>KEYWORD</c> or <c>KEYWORD=VALUE</c>.</summary>
public sealed record MailParameter(string Keyword, string? Value)
{
    public override string ToString() => Value is null ? Keyword : Keyword + "=" + Value;
}
