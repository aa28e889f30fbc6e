// usage: minimal-smtp-client HOST PORT CAFILE USER PASSWORD FROM TO MESSAGE-FILE
// Run it with SSL_CERT_FILE=CAFILE and an empty SSL_CERT_DIR, as bench/session.sh does: the trust store then holds only
// the CA, which is what smtpconsole's own narrowing achieves in-process.
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

if (args.Length != 8)
{
    Console.Error.WriteLine("usage: minimal-smtp-client HOST PORT CAFILE USER PASSWORD FROM TO MESSAGE-FILE");
    return 2;
}

var (host, port, caFile, user, password, from, to, messageFile) =
    (args[0], int.Parse(args[1]), args[2], args[3], args[4], args[5], args[6], args[7]);
var certificateAuthority = X509CertificateLoader.LoadCertificate(X509Certificate2.CreateFromPem(File.ReadAllText(caFile)).RawData);

using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
await socket.ConnectAsync(host, port);
Stream stream = new NetworkStream(socket, ownsSocket: false);
var buffer = new byte[16 * 1024];

await Expect(220);
await Command("EHLO bench.example.test", 250);
await Command("STARTTLS", 220);
var tls = new SslStream(stream);
await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
{
    TargetHost = host,
    CertificateChainPolicy = new X509ChainPolicy
    {
        TrustMode = X509ChainTrustMode.CustomRootTrust,
        CustomTrustStore = { certificateAuthority },
        RevocationMode = X509RevocationMode.NoCheck,
    },
});
stream = tls;
await Command("EHLO bench.example.test", 250);
await Command("AUTH LOGIN", 334);
await Command(Convert.ToBase64String(Encoding.UTF8.GetBytes(user)), 334);
await Command(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)), 235);
await Command($"MAIL FROM:<{from}>", 250);
await Command($"RCPT TO:<{to}>", 250);
await Command("DATA", 354);
await stream.WriteAsync(DotStuffed(File.ReadAllText(messageFile)));
await Expect(250);
await Command("QUIT", 221);
return 0;

async Task Command(string line, int expected)
{
    await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
    await Expect(expected);
}

// Reads one whole reply (the last line has a space after the code) and fails unless it has the expected code.
async Task Expect(int expected)
{
    var reply = new StringBuilder();
    while (true)
    {
        var read = await stream.ReadAsync(buffer);
        if (read == 0)
        {
            throw new IOException("the server closed the connection");
        }
        reply.Append(Encoding.UTF8.GetString(buffer, 0, read));
        var text = reply.ToString();
        if (!text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            continue;
        }
        var lastLineStart = text.LastIndexOf('\n', text.Length - 3) + 1;
        if (text.Length - lastLineStart >= 5 && text[lastLineStart + 3] == ' ')
        {
            Console.Write(text);
            if (!text.AsSpan(lastLineStart).StartsWith(expected.ToString()))
            {
                throw new IOException($"expected {expected}, got: {text.TrimEnd()}");
            }
            return;
        }
    }
}

static byte[] DotStuffed(string message)
{
    var body = new StringBuilder();
    foreach (var line in message.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
    {
        body.Append(line.StartsWith('.') ? "." : "").Append(line).Append("\r\n");
    }
    return Encoding.UTF8.GetBytes(body.Append(".\r\n").ToString());
}
