using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace SmtpConsole.IntegrationTests.Infrastructure;

/// <summary>Reads an SMTP server's greeting line, over plain TCP or implicit TLS.</summary>
public static class SmtpGreetingProbe
{
    /// <summary>
    /// Connects, reads the first reply line and sends QUIT. With
    /// <paramref name="implicitTls"/> the TLS handshake comes first and the
    /// certificate is accepted unchecked: this answers "is it up", not "is it trusted".
    /// </summary>
    public static async Task<string> ReadGreetingAsync(string host, int port, bool implicitTls, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
        Stream stream = tcp.GetStream();
        SslStream? ssl = null;
        try
        {
            if (implicitTls)
            {
                ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = "localhost",
                        RemoteCertificateValidationCallback = static (_, _, _, _) => true,
                    },
                    cts.Token).ConfigureAwait(false);
                stream = ssl;
            }

            var line = new StringBuilder();
            var buffer = new byte[1];
            while (line.Length < 1024)
            {
                var n = await stream.ReadAsync(buffer, cts.Token).ConfigureAwait(false);
                if (n == 0 || buffer[0] == (byte)'\n')
                {
                    break;
                }

                line.Append((char)buffer[0]);
            }

            try
            {
                await stream.WriteAsync("QUIT\r\n"u8.ToArray(), cts.Token).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The greeting is all we came for.
            }

            return line.ToString().TrimEnd('\r');
        }
        finally
        {
            if (ssl is not null)
            {
                await ssl.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>True when the port answers with a 220 greeting within the timeout.</summary>
    public static async Task<bool> GreetsAsync(string host, int port, bool implicitTls, TimeSpan timeout)
    {
        try
        {
            return (await ReadGreetingAsync(host, port, implicitTls, timeout).ConfigureAwait(false)).StartsWith("220", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or AuthenticationException)
        {
            return false;
        }
    }
}
