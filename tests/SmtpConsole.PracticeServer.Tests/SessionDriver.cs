using System.Text;

namespace SmtpConsole.PracticeServer.Tests;

/// <summary>Drives a <see cref="PracticeSession"/> the way the connection loop does, without sockets.</summary>
internal sealed class SessionDriver
{
    public SessionDriver(PracticeServerOptions? options = null, bool tls = false)
    {
        Options = options ?? new PracticeServerOptions();
        Session = new PracticeSession(Options, Inbox);
        if (tls)
        {
            Session.OnTlsEstablished();
        }
    }

    public PracticeServerOptions Options { get; }

    public PracticeInbox Inbox { get; } = new();

    public PracticeSession Session { get; }

    public const string Host = PracticeServerOptions.DefaultHostName;

    /// <summary>Sends one line and returns the reply text (lines joined with CRLF).</summary>
    public string Send(string line) => Session.ProcessLine(line).ToString();

    public SessionReply Reply(string line) => Session.ProcessLine(line);

    /// <summary>Sends DATA content (already unstuffed) and returns the reply after the end mark.</summary>
    public string Content(string content) => Content(Encoding.UTF8.GetBytes(content));

    public string Content(byte[] content)
    {
        Session.AppendMessageContent(content);
        return Session.CompleteMessageData().ToString();
    }

    public string Chunk(byte[] content)
    {
        Session.AppendMessageContent(content);
        return Session.CompleteChunk().ToString();
    }

    /// <summary>EHLO, then (when TLS is active) AUTH PLAIN as demo.</summary>
    public SessionDriver Ready(bool authenticate = false)
    {
        Assert.StartsWith("250", Send("EHLO client.example"));
        if (authenticate)
        {
            Assert.Equal("235 2.7.0 Authentication successful", Send("AUTH PLAIN " + Plain("demo", "practice")));
        }

        return this;
    }

    public static string Plain(string user, string password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}"));

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
