using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace SmtpConsole.PracticeServer;

/// <summary>
/// Runs one client connection: moves bytes between the socket (or the TLS stream after STARTTLS) and a
/// <see cref="PracticeSession"/>, and carries out the session's actions. Every failure of the client ends only
/// this connection.
/// </summary>
internal sealed class PracticeConnection(Socket socket, PracticeServerOptions options, PracticeInbox inbox, SslStreamCertificateContext certificate)
{
    // After a timeout the client may not be reading at all; don't wait the full idle timeout again to say goodbye.
    private static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(2);

    public async Task RunAsync(CancellationToken stopping)
    {
        var client = socket.RemoteEndPoint as IPEndPoint;
        var clientName = client?.ToString() ?? "unknown";
        Log($"connect from {clientName}");
        var session = new PracticeSession(options, inbox, client);
        // A client that never says HELO/EHLO is dropped after the shorter greeting timeout, so idle connections
        // cannot hold the server's connection slots for the whole idle timeout.
        var channel = new SmtpStreamChannel(new NetworkStream(socket, ownsSocket: true), options.EffectiveGreetingTimeout, stopping);
        var outcome = "client closed the connection";
        try
        {
            outcome = await ConverseAsync(session, channel).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            outcome = "idle timeout";
            await SayGoodbyeAsync(channel, session.TimedOut()).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            outcome = "server stopping";
        }
        catch (AuthenticationException exception)
        {
            outcome = $"TLS handshake failed: {exception.Message}";
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            outcome = $"lost connection: {exception.Message}";
        }
        finally
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            Log($"disconnect from {clientName} ({outcome})");
        }
    }

    /// <summary>The command loop; returns why the conversation ended.</summary>
    private async Task<string> ConverseAsync(PracticeSession session, SmtpStreamChannel channel)
    {
        var decoder = new DotUnstuffingDecoder();
        var reply = session.Greet();
        while (true)
        {
            channel.Write(reply);
            switch (reply.Action)
            {
                case SessionAction.Close:
                    await channel.FlushAsync().ConfigureAwait(false);
                    return reply.Lines.Count > 0 ? $"sent \"{reply.Lines[^1]}\"" : "closed";

                case SessionAction.StartTls:
                    var protocol = await channel.UpgradeToTlsAsync(certificate).ConfigureAwait(false);
                    session.OnTlsEstablished();
                    Log($"{socket.RemoteEndPoint}: TLS established ({protocol})");
                    break;

                case SessionAction.ReadMessageData:
                    decoder.Reset();
                    if (!await channel.ReadMessageDataAsync(decoder, session.Content).ConfigureAwait(false))
                    {
                        return "lost connection during DATA";
                    }

                    reply = session.CompleteMessageData();
                    continue;

                case SessionAction.ReadChunk:
                    if (!await channel.ReadChunkAsync(reply.ChunkSize, session.Content).ConfigureAwait(false))
                    {
                        return "lost connection during BDAT";
                    }

                    reply = session.CompleteChunk();
                    continue;
            }

            var limit = reply.Action == SessionAction.ReadAuthResponse ? PracticeSession.SaslResponseLimit : options.MaxLineLength;
            var input = await channel.ReadLineAsync(limit).ConfigureAwait(false);
            switch (input.Status)
            {
                case LineReadStatus.Line:
                    reply = session.ProcessLine(input.Line!);
                    if (session.HeloName is not null)
                    {
                        channel.IdleTimeout = options.IdleTimeout;
                    }

                    break;
                case LineReadStatus.TooLong:
                    reply = session.RejectOverlongLine();
                    break;
                case LineReadStatus.InvalidEncoding:
                    reply = session.RejectInvalidEncoding();
                    break;
                default:
                    return "client closed the connection";
            }
        }
    }

    private static async Task SayGoodbyeAsync(SmtpStreamChannel channel, SessionReply reply)
    {
        try
        {
            channel.Write(reply);
            await channel.FlushAsync(GoodbyeTimeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client is gone, not listening, or timed out mid-handshake; closing is all that is left to do.
        }
    }

    private void Log(string line) => options.WriteLog(line);
}
