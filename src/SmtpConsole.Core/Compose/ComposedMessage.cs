using MimeKit;
using SmtpConsole.Core.Protocol;

namespace SmtpConsole.Core.Compose;

/// <summary>A draft turned into wire bytes, with the envelope and MAIL parameters that match its content.</summary>
public sealed record ComposedMessage
{
    public required MimeMessage Message { get; init; }

    /// <summary>The message exactly as it goes to the server (CRLF line ends, before any dot-stuffing).</summary>
    public required byte[] Bytes { get; init; }

    /// <summary>The reverse-path for MAIL FROM (address only).</summary>
    public required string Sender { get; init; }

    /// <summary>Every RCPT TO address: To, Cc, Bcc, without duplicates.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    /// <summary>SIZE=, BODY=, SMTPUTF8, RET=, ENVID= as chosen for this message and server.</summary>
    public required IReadOnlyList<MailParameter> MailParameters { get; init; }

    /// <summary>NOTIFY= for each RCPT TO (empty for none).</summary>
    public required IReadOnlyList<MailParameter> RecipientParameters { get; init; }

    /// <summary>True when the message has octets above 127 (8-bit text parts or UTF-8 headers).</summary>
    public required bool EightBit { get; init; }

    /// <summary>True when the message should go with BDAT rather than DATA.</summary>
    public required bool UseBdat { get; init; }

    /// <summary>Why each choice was made, in words, for the transcript.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Choices the server may refuse (an extension it did not advertise).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    public string MailFromCommand => $"MAIL FROM:<{Sender}>" + string.Concat(MailParameters.Select(p => " " + p));

    public string RcptToCommand(string recipient) => $"RCPT TO:<{recipient}>" + string.Concat(RecipientParameters.Select(p => " " + p));
}
