using System.Net;
using System.Text;
using MimeKit;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// One message the practice server accepted, with its envelope and the content exactly as received
/// (after dot-unstuffing, with no Received: header added), so learners see byte for byte what they sent.
/// </summary>
public sealed class ReceivedMessage
{
    /// <summary>Queue id in the style of Postfix (10 upper-case hex digits), as quoted in "250 2.0.0 Ok: queued as ...".</summary>
    public required string Id { get; init; }

    /// <summary>When the end of the content was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The client's address and port, or null when the session was driven without a socket.</summary>
    public IPEndPoint? ClientEndPoint { get; init; }

    /// <summary>The name the client gave in HELO or EHLO.</summary>
    public string? HeloName { get; init; }

    /// <summary>The user name from a successful AUTH, or null when the client did not authenticate.</summary>
    public string? AuthenticatedUser { get; init; }

    /// <summary>True when the message arrived over TLS (after STARTTLS).</summary>
    public bool UsedTls { get; init; }

    /// <summary>The envelope sender from MAIL FROM, without brackets; empty for the null sender &lt;&gt;.</summary>
    public required string MailFrom { get; init; }

    /// <summary>The accepted envelope recipients from RCPT TO, without brackets, in order.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    /// <summary>The ESMTP parameters given after MAIL FROM, such as <c>SIZE=1234</c> or <c>BODY=8BITMIME</c>.</summary>
    public required IReadOnlyList<string> MailParameters { get; init; }

    /// <summary>The content as received: headers, blank line, body, with transparency dots removed. Do not modify.</summary>
    public required byte[] RawBytes { get; init; }

    /// <summary>Size of <see cref="RawBytes"/>.</summary>
    public int Size => RawBytes.Length;

    /// <summary>
    /// Parses <see cref="RawBytes"/> with MimeKit for display (headers, text body, attachments). Never throws: content
    /// MimeKit cannot parse comes back as a plain-text message holding the raw text, so the inbox can always show it.
    /// </summary>
    public MimeMessage ToMimeMessage()
    {
        try
        {
            using var stream = new MemoryStream(RawBytes, writable: false);
            return MimeMessage.Load(stream);
        }
        catch (FormatException)
        {
            var fallback = new MimeMessage();
            fallback.Body = new TextPart("plain") { Text = Encoding.UTF8.GetString(RawBytes) };
            return fallback;
        }
    }
}
