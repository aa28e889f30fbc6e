using System.Net.Sockets;

namespace SmtpConsole.Core.Session;

/// <summary>
/// The connection's socket stream, which on Linux asks for an immediate ACK after every write and every read that
/// returned data. Linux delays an ACK up to 40 ms once it sees the conversation as interactive (it sent data soon after
/// receiving some, as every pipelined group and every STARTTLS handshake does); a server writing its replies in pieces
/// with Nagle on (smtp-sink through a long pipelined group, Postfix after a TLS session ticket) then holds its next
/// piece until that timer fires. TCP_QUICKACK sends the pending ACK now, and the kernel clears it again on its own,
/// so it is set again each time.
/// </summary>
internal sealed class QuickAckNetworkStream(Socket socket) : NetworkStream(socket, ownsSocket: true)
{
    private const int IpProtocolTcp = 6;
    private const int TcpQuickAck = 12;
    private static ReadOnlySpan<byte> QuickAckOn => [1, 0, 0, 0];

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read > 0) AcknowledgeQuickly();
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Stream.Read(Span<byte>) (which NetworkStream leaves as it is) comes here through this overload.
    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = base.Read(buffer, offset, count);
        if (read > 0) AcknowledgeQuickly();
        return read;
    }

    /// <summary>Only a latency hint: a socket that refuses it (or just closed) behaves as before, and other systems keep their defaults.</summary>
    public void AcknowledgeQuickly()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            Socket.SetRawSocketOption(IpProtocolTcp, TcpQuickAck, QuickAckOn);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The connection's own reads and writes report any real failure.
        }
    }
}
