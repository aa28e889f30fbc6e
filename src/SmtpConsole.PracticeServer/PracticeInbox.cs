namespace SmtpConsole.PracticeServer;

/// <summary>
/// The messages the practice server accepted, oldest first. Thread-safe: connections add while the UI reads.
/// </summary>
/// <param name="capacity">How many messages to keep; the oldest are dropped beyond this.</param>
/// <param name="maxTotalBytes">
/// How many content bytes to keep in all; the oldest messages are dropped beyond this, but never the newest one,
/// so a long-running practice server cannot grow without bound.
/// </param>
public sealed class PracticeInbox(int capacity = 1000, long maxTotalBytes = PracticeInbox.DefaultMaxTotalBytes)
{
    /// <summary>The default for <c>maxTotalBytes</c>: 256 MiB.</summary>
    public const long DefaultMaxTotalBytes = 256L * 1024 * 1024;

    private readonly Lock gate = new();
    private readonly List<ReceivedMessage> messages = [];
    private long totalBytes;
    private long totalReceived;

    /// <summary>
    /// Raised after a message is added, on the connection's thread. UI code must marshal to its own thread.
    /// An exception thrown by a handler is swallowed so that it cannot break the client's SMTP session.
    /// </summary>
    public event EventHandler<ReceivedMessageEventArgs>? MessageReceived;

    /// <summary>The number of messages held.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return messages.Count;
            }
        }
    }

    /// <summary>Every message ever added (since the last <see cref="Clear"/>), including those dropped to stay within the limits.</summary>
    public long TotalReceived
    {
        get
        {
            lock (gate)
            {
                return totalReceived;
            }
        }
    }

    /// <summary>A snapshot of the messages, oldest first.</summary>
    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    /// <summary>Finds a message by its queue id.</summary>
    public ReceivedMessage? Find(string id)
    {
        lock (gate)
        {
            return messages.Find(message => message.Id == id);
        }
    }

    /// <summary>Removes every message.</summary>
    public void Clear()
    {
        lock (gate)
        {
            messages.Clear();
            totalBytes = 0;
            totalReceived = 0;
        }
    }

    /// <summary>Adds a message and raises <see cref="MessageReceived"/>.</summary>
    public void Add(ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            messages.Add(message);
            totalBytes += message.Size;
            totalReceived++;
            while (messages.Count > 1 && (messages.Count > capacity || totalBytes > maxTotalBytes))
            {
                totalBytes -= messages[0].Size;
                messages.RemoveAt(0);
            }
        }

        try
        {
            MessageReceived?.Invoke(this, new ReceivedMessageEventArgs(message));
        }
#pragma warning disable CA1031 // A faulty UI handler must not turn into a failed delivery for the client.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>True when a message with this id is held, so new ids can be made unique.</summary>
    internal bool ContainsId(string id) => Find(id) is not null;
}
