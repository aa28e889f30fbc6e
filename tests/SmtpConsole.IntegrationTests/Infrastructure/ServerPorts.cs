namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>The listeners tests/servers/start.sh opens (see tests/servers/README.md).</summary>
public sealed record ServerPorts
{
    /// <summary>Postfix MTA port: STARTTLS optional, no AUTH.</summary>
    public int Smtp { get; init; }

    /// <summary>Postfix submission: STARTTLS required, then AUTH.</summary>
    public int Submission { get; init; }

    /// <summary>Postfix submission: AUTH advertised before TLS, plaintext mechanisms refused until TLS.</summary>
    public int SubmissionNoPlaintext { get; init; }

    /// <summary>Postfix submission: PLAIN/LOGIN accepted without TLS (the insecure setup).</summary>
    public int SubmissionPlainAuth { get; init; }

    /// <summary>Postfix implicit TLS with the good certificate.</summary>
    public int Smtps { get; init; }

    /// <summary>Postfix implicit TLS with an expired certificate.</summary>
    public int SmtpsExpired { get; init; }

    /// <summary>Postfix implicit TLS with a certificate for wrong.example.</summary>
    public int SmtpsWrongHost { get; init; }

    /// <summary>aiosmtpd: SMTPUTF8, STARTTLS, AUTH PLAIN/LOGIN after TLS.</summary>
    public int Aiosmtpd { get; init; }

    /// <summary>Postfix smtp-sink: accepts and discards everything (benchmarks).</summary>
    public int Sink { get; init; }

    /// <summary>nodemailer smtp-server: STARTTLS optional, AUTH PLAIN/LOGIN/CRAM-MD5/XOAUTH2 after TLS.</summary>
    public int SmtpServer { get; init; }

    /// <summary>nodemailer smtp-server with implicit TLS.</summary>
    public int SmtpServerTls { get; init; }

    /// <summary>Exim 4.96 (GnuTLS): STARTTLS, then AUTH PLAIN/LOGIN/CRAM-MD5; PIPELINING, CHUNKING, no ENHANCEDSTATUSCODES.</summary>
    public int Exim { get; init; }

    /// <summary>Exim with implicit TLS.</summary>
    public int EximTls { get; init; }

    /// <summary>Exim advertising STARTTLS and answering it "454 TLS currently unavailable" (its certificate is missing).</summary>
    public int EximBrokenTls { get; init; }
}
