namespace SmtpConsole.PracticeServer;

/// <summary>
/// Collects the content of one message (from DATA or BDAT) up to the size limit. Past the limit it only counts,
/// so a client that sends too much costs no memory yet stays in sync and gets Postfix's 552 at the end.
/// </summary>
internal sealed class MessageContentBuffer(long limit)
{
    private readonly MemoryStream stored = new();

    /// <summary>Bytes received so far, stored or not.</summary>
    public long TotalBytes { get; private set; }

    /// <summary>True once more than the limit arrived; the stored bytes are then incomplete.</summary>
    public bool LimitExceeded => TotalBytes > limit;

    /// <summary>When true, bytes are counted but thrown away (a BDAT chunk that is being skipped after an error).</summary>
    public bool Discarding { get; set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        TotalBytes += bytes.Length;
        if (!Discarding && !LimitExceeded)
        {
            stored.Write(bytes);
        }
    }

    public byte[] ToArray() => stored.ToArray();

    /// <summary>Forgets everything, ready for the next message.</summary>
    public void Reset()
    {
        stored.SetLength(0);
        TotalBytes = 0;
        Discarding = false;
    }
}
