using System.Text;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// The non-standard but ubiquitous LOGIN mechanism: the server asks "Username:" then "Password:" (base64-encoded
/// as VXNlcm5hbWU6 and UGFzc3dvcmQ6). An initial response, if any, is the user name.
/// </summary>
internal sealed class LoginSaslMechanism(IReadOnlyList<PracticeAccount> accounts) : SaslServerMechanism(accounts)
{
    private string? userName;

    public override string Name => "LOGIN";

    public override SaslStep Start(byte[]? initialResponse)
    {
        if (initialResponse is null)
        {
            return SaslStep.Continue("Username:"u8.ToArray());
        }

        userName = Encoding.UTF8.GetString(initialResponse);
        return SaslStep.Continue("Password:"u8.ToArray());
    }

    public override SaslStep Continue(byte[] response)
    {
        if (userName is null)
        {
            userName = Encoding.UTF8.GetString(response);
            return SaslStep.Continue("Password:"u8.ToArray());
        }

        return Verify(userName, Encoding.UTF8.GetString(response));
    }
}
