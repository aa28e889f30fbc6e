using SmtpConsole.Core.Messages;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using MailKit.Security;

namespace SmtpConsole.Core.Sasl;

/// <summary>
/// DIGEST-MD5 (RFC 2831) as a MailKit <see cref="SaslMechanism"/>. MailKit's own class builds digest-uri from
/// <c>SaslMechanism.Uri</c>, which only its SmtpClient can set (the property is internal in 4.x), so used on its
/// own it fails on the first challenge. This one takes the host explicitly: digest-uri is <c>smtp/HOST</c>.
/// </summary>
public sealed class DigestMd5Mechanism : SaslMechanism
{
    private readonly string _host;
    private readonly string _service;
    private string? _expectedRspAuth;

    /// <param name="credentials">User and password.</param>
    /// <param name="host">The server's host name, as in digest-uri.</param>
    /// <param name="service">The digest-uri service: "smtp" for SMTP (RFC 4954 registers it).</param>
    public DigestMd5Mechanism(NetworkCredential credentials, string host, string service = "smtp") : base(credentials)
    {
        _host = host.Trim('[', ']');
        _service = service;
    }

    public override string MechanismName => "DIGEST-MD5";

    /// <summary>The digest-uri sent to the server: "smtp/HOST".</summary>
    public string DigestUri => _service + "/" + _host;

    /// <summary>Fixed client nonce for tests that check the digest against known values; random otherwise.</summary>
    internal string? ClientNonce { get; set; }

    protected override byte[] Challenge(byte[]? token, int startIndex, int length, CancellationToken cancellationToken)
    {
        if (token is null) throw new NotSupportedException("DIGEST-MD5 has no initial response: the server speaks first");
        string text = Encoding.UTF8.GetString(token, startIndex, length);
        if (_expectedRspAuth is null) return Respond(text);

        var directives = DigestDirectives.Parse(text);
        string? rspauth = DigestDirectives.Get(directives, "rspauth");
        if (rspauth is null) throw new SaslException(MechanismName, SaslErrorCode.InvalidChallenge, SaslDigestMessages.NoRspAuth);
        if (!string.Equals(rspauth, _expectedRspAuth, StringComparison.OrdinalIgnoreCase))
            throw new SaslException(MechanismName, SaslErrorCode.IncorrectHash, SaslDigestMessages.RspAuthMismatch);
        IsAuthenticated = true;
        return [];
    }

    private byte[] Respond(string challengeText)
    {
        var challenge = DigestDirectives.Parse(challengeText);
        string nonce = DigestDirectives.Get(challenge, "nonce") ?? throw new SaslException(MechanismName, SaslErrorCode.InvalidChallenge, SaslDigestMessages.NoNonce);
        var qops = (DigestDirectives.Get(challenge, "qop") ?? "auth").Split(',', StringSplitOptions.TrimEntries);
        if (!qops.Contains("auth", StringComparer.OrdinalIgnoreCase))
            throw new SaslException(MechanismName, SaslErrorCode.InvalidChallenge, SaslDigestMessages.NoAuthQop(string.Join(',', qops)));
        bool utf8 = DigestDirectives.Get(challenge, "charset")?.Equals("utf-8", StringComparison.OrdinalIgnoreCase) == true;
        string realm = challenge.FirstOrDefault(d => d.Key == "realm").Value ?? string.Empty;
        string cnonce = ClientNonce ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        const string nc = "00000001";
        var encoding = utf8 ? Encoding.UTF8 : Encoding.Latin1;

        string response = Compute(encoding, realm, nonce, cnonce, nc, "AUTHENTICATE:" + DigestUri);
        _expectedRspAuth = Compute(encoding, realm, nonce, cnonce, nc, ":" + DigestUri);

        var builder = new StringBuilder();
        builder.Append("username=").Append(DigestDirectives.Quote(Credentials.UserName));
        if (realm.Length > 0) builder.Append(",realm=").Append(DigestDirectives.Quote(realm));
        builder.Append(",nonce=").Append(DigestDirectives.Quote(nonce));
        builder.Append(",cnonce=").Append(DigestDirectives.Quote(cnonce));
        builder.Append(",nc=").Append(nc);
        builder.Append(",qop=auth");
        builder.Append(",digest-uri=").Append(DigestDirectives.Quote(DigestUri));
        builder.Append(",response=").Append(response);
        if (utf8) builder.Append(",charset=utf-8");
        return encoding.GetBytes(builder.ToString());
    }

    /// <summary>RFC 2831 §2.1.2.1: KD(HEX(H(A1)), nonce:nc:cnonce:qop:HEX(H(A2))) with A1 = H(user:realm:pass):nonce:cnonce.</summary>
    private string Compute(Encoding encoding, string realm, string nonce, string cnonce, string nc, string a2)
    {
        byte[] userHash = MD5.HashData(encoding.GetBytes($"{Credentials.UserName}:{realm}:{Credentials.Password}"));
        byte[] tail = encoding.GetBytes($":{nonce}:{cnonce}");
        byte[] a1 = [.. userHash, .. tail];
        string ha1 = Hex(MD5.HashData(a1));
        string ha2 = Hex(MD5.HashData(Encoding.ASCII.GetBytes(a2)));
        return Hex(MD5.HashData(encoding.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}"))));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    public override void Reset()
    {
        _expectedRspAuth = null;
        base.Reset();
    }
}
