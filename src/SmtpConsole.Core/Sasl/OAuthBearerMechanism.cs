using System.Globalization;
using System.Net;
using System.Text;
using MailKit.Security;

namespace SmtpConsole.Core.Sasl;

/// <summary>
/// OAUTHBEARER (RFC 7628) as a MailKit <see cref="SaslMechanism"/>. MailKit's class takes host and port from the
/// internal <c>SaslMechanism.Uri</c> that only its own clients set, so this one is given them explicitly.
/// The secret is the OAuth 2.0 access token.
/// </summary>
public sealed class OAuthBearerMechanism : SaslMechanism
{
    private readonly string _host;
    private readonly int _port;

    public OAuthBearerMechanism(NetworkCredential credentials, string host, int port) : base(credentials)
    {
        _host = host.Trim('[', ']');
        _port = port;
    }

    public override string MechanismName => "OAUTHBEARER";

    public override bool SupportsInitialResponse => true;

    protected override byte[] Challenge(byte[]? token, int startIndex, int length, CancellationToken cancellationToken)
    {
        // The client's message is the same whether it rides on AUTH or answers the server's empty 334.
        if (IsAuthenticated) return [];
        IsAuthenticated = true;
        string message = string.Create(CultureInfo.InvariantCulture,
            $"n,a={SaslName(Credentials.UserName)},\u0001host={_host}\u0001port={_port}\u0001auth=Bearer {Credentials.Password}\u0001\u0001");
        return Encoding.UTF8.GetBytes(message);
    }

    /// <summary>RFC 5801 saslname: ',' and '=' are escaped as =2C and =3D.</summary>
    private static string SaslName(string user) => user.Replace("=", "=3D", StringComparison.Ordinal).Replace(",", "=2C", StringComparison.Ordinal);
}
