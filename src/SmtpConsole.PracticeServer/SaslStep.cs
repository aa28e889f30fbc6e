namespace SmtpConsole.PracticeServer;

/// <summary>The outcome of one step of a server-side SASL exchange.</summary>
internal sealed class SaslStep
{
    private SaslStep(byte[]? challenge, string? userName, bool failed)
    {
        Challenge = challenge;
        UserName = userName;
        Failed = failed;
    }

    /// <summary>Bytes to send base64-encoded after "334 ", when the exchange needs another client response.</summary>
    public byte[]? Challenge { get; }

    /// <summary>The authenticated user when the exchange succeeded.</summary>
    public string? UserName { get; }

    /// <summary>True when the credentials were wrong or the response was malformed.</summary>
    public bool Failed { get; }

    /// <summary>The user name the client claimed, even on failure, for the log line.</summary>
    public string? AttemptedUserName { get; init; }

    public static SaslStep Continue(byte[] challenge) => new(challenge, null, false);

    public static SaslStep Success(string userName) => new(null, userName, false) { AttemptedUserName = userName };

    public static SaslStep Failure(string? attemptedUserName = null) => new(null, null, true) { AttemptedUserName = attemptedUserName };
}
