using SmtpConsole.Core.Messages;
using SmtpConsole.PracticeServer;

namespace SmtpConsole.Cli;

/// <summary>
/// The practice server's banner worded through the message catalogue (<c>Practice.Banner.*</c>). The server project
/// has no catalogue, so its own <see cref="PracticeBanner"/> stays English; the English here is the same text.
/// Commands, addresses and protocol words stay as typed.
/// </summary>
internal static class PracticeBannerText
{
    public static IReadOnlyList<string> Lines(PracticeSmtpServer server, UiLanguage language)
    {
        ArgumentNullException.ThrowIfNull(server);
        string Say(string key, params object?[] args) => MessageCatalog.Format(language, "Practice.Banner." + key, args);
        var host = server.HostName;
        var accounts = string.Join(", ", server.Accounts.Select(account => $"{account.UserName} / {account.Password}"));
        var firstUser = server.Accounts.Count > 0 ? server.Accounts[0].UserName : "demo";
        var authWhen = MessageCatalog.Get(server.Options.AllowPlaintextAuth ? "Practice.Banner.AuthAnyTime" : "Practice.Banner.AuthAfterTls", language);
        return
        [
            Say("What", server.EndPoint),
            Say("Local"),
            Say("Accounts", authWhen, accounts),
            Say("Relay", host),
            Say("Try", firstUser, host),
            Say("Try2", host),
            Say("Elsewhere"),
        ];
    }
}
