namespace SmtpConsole.Core.Scripts;

/// <summary>The process exit codes of <c>replay</c> (and <c>doctor</c>), part of the public contract.</summary>
public static class ExitCodes
{
    /// <summary>Every expectation was met.</summary>
    public const int Success = 0;

    /// <summary>An expectation failed, a helper failed, or the server closed the connection early.</summary>
    public const int ExpectationFailed = 1;

    /// <summary>Bad command line, unreadable script, script syntax error, missing variable or secret.</summary>
    public const int UsageError = 2;

    /// <summary>Could not connect, or TLS failed (handshake or certificate).</summary>
    public const int ConnectionFailed = 3;
}
