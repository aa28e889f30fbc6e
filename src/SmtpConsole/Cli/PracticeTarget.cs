using SmtpConsole.Core.Session;
using SmtpConsole.PracticeServer;

namespace SmtpConsole.Cli;

/// <summary>Connection options for the in-process practice server: loopback, and its own ephemeral certificate pinned.</summary>
internal static class PracticeTarget
{
    public static ConnectOptions For(PracticeSmtpServer server, ConnectOptions defaults) => defaults with
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = SecurityMode.Plain,
        PinnedCertificate = server.Certificate,
        TlsServerName = "localhost",
        Label = "practice server",
    };
}
