namespace SmtpConsole.PracticeServer.Tests;

/// <summary>
/// A stream whose reads return the given pieces one per call (then end of stream, or hang when told to), and
/// which records writes and the order of reads and writes.
/// </summary>
internal sealed class ScriptedDuplexStream(IEnumerable<byte[]> pieces, bool hangAtEnd = false) : Stream
{
    private readonly Queue<byte[]> pieces = new(pieces);
    private readonly MemoryStream written = new();

    public List<string> Events { get; } = [];

    public string Written => System.Text.Encoding.UTF8.GetString(written.ToArray());

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Events.Add("read");
        if (pieces.Count == 0)
        {
            if (hangAtEnd)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return 0;
        }

        var piece = pieces.Dequeue();
        piece.CopyTo(buffer);
        return piece.Length;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Events.Add("write:" + System.Text.Encoding.UTF8.GetString(buffer.Span).TrimEnd());
        written.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
