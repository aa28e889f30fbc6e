namespace SmtpConsole.PracticeServer;

/// <summary>The short text shown when SmtpConsole opens connected to its practice server.</summary>
public static class PracticeBanner
{
    /// <summary>
    /// What the practice server is, where it listens, the demo accounts, a first command sequence to try, and how
    /// to connect to a real server instead. Plain ASCII so every terminal shows it.
    /// </summary>
    public static IReadOnlyList<string> Lines(PracticeSmtpServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var options = server.Options;
        var host = server.HostName;
        var accounts = string.Join(", ", server.Accounts.Select(account => $"{account.UserName} / {account.Password}"));
        var firstUser = server.Accounts.Count > 0 ? server.Accounts[0].UserName : "demo";
        var authWhen = options.AllowPlaintextAuth ? "with or without /starttls" : "after /starttls";

        return
        [
            $"Practice server: a realistic ESMTP server running inside SmtpConsole on {server.EndPoint}.",
            "It answers like Postfix, and nothing sent to it leaves this machine: received mail lands in its inbox.",
            $"Accounts (AUTH PLAIN, LOGIN or CRAM-MD5, {authWhen}): {accounts}",
            $"Mail to anyone@{host} needs no AUTH; any other domain is refused unless you AUTH (like a real relay).",
            $"Try: EHLO me -> /starttls -> EHLO me -> /auth login {firstUser} -> MAIL FROM:<{firstUser}@{host}>",
            $"     -> RCPT TO:<friend@{host}> -> DATA -> your headers, a blank line, the body -> . -> QUIT",
            "Elsewhere: /connect HOST [PORT] [--tls|--starttls|--plain], or start smtpconsole --profile NAME.",
        ];
    }
}
