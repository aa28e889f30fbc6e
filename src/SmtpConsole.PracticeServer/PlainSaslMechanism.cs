using System.Text;

namespace SmtpConsole.PracticeServer;

/// <summary>SASL PLAIN (RFC 4616): one message "authzid NUL authcid NUL password".</summary>
internal sealed class PlainSaslMechanism(IReadOnlyList<PracticeAccount> accounts) : SaslServerMechanism(accounts)
{
    public override string Name => "PLAIN";

    // Without an initial response the server sends an empty challenge ("334 ") and waits for the message.
    public override SaslStep Start(byte[]? initialResponse) =>
        initialResponse is null ? SaslStep.Continue([]) : Continue(initialResponse);

    public override SaslStep Continue(byte[] response)
    {
        var parts = Encoding.UTF8.GetString(response).Split('\0');
        if (parts.Length != 3)
        {
            return SaslStep.Failure();
        }

        var (authorizationId, userName, password) = (parts[0], parts[1], parts[2]);

        // Acting on behalf of another user (proxy authorization) is not something demo accounts may do.
        if (authorizationId.Length > 0 && !string.Equals(authorizationId, userName, StringComparison.OrdinalIgnoreCase))
        {
            return SaslStep.Failure(userName);
        }

        return Verify(userName, password);
    }
}
