using System.Text;

namespace SmtpConsole.Cli;

/// <summary>
/// Standard output for a headless transcript. On a terminal every event is written as it happens (a person is
/// watching). Redirected to a file or a pipe, events collect in a buffer that is written in batches: at most
/// <see cref="BatchDelay"/> after the first unwritten event, when the buffer fills, before any prompt and on exit.
/// 10,000 pipelined replies then take a handful of <c>write</c> calls instead of 20,000. The crash-safe record is
/// the <c>--transcript</c> file, which still writes every event through at once.
/// </summary>
internal sealed class TranscriptOutput : IDisposable
{
    /// <summary>How long a redirected event may wait in the buffer: a reader at the other end of a pipe still sees it promptly.</summary>
    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(10);

    private const int BufferSize = 64 * 1024;
    private static TranscriptOutput? s_current;

    private readonly Lock _gate = new();
    private readonly Stream _stdout;
    private readonly StreamWriter? _bufferedText;
    private readonly BufferedStream? _bufferedBinary;
    private readonly Timer? _timer;
    private bool _pending;
    private bool _disposed;

    private TranscriptOutput(bool buffered)
    {
        Buffered = buffered;
        _stdout = Console.OpenStandardOutput();
        if (buffered)
        {
            _bufferedBinary = new BufferedStream(_stdout, BufferSize);
            var encoding = Console.OutputEncoding;
            if (encoding.CodePage == Encoding.UTF8.CodePage) encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            _bufferedText = new StreamWriter(_bufferedBinary, encoding, BufferSize, leaveOpen: true) { AutoFlush = false };
            _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        }
        s_current = this;
    }

    /// <summary>True when stdout is redirected and written in batches.</summary>
    public bool Buffered { get; }

    /// <summary>Buffered when stdout is not a terminal.</summary>
    public static TranscriptOutput Open() => new(Console.IsOutputRedirected);

    /// <summary>Writes everything still buffered by the transcript output in use (before a prompt or a message on stderr).</summary>
    public static void FlushCurrent() => s_current?.Flush();

    /// <summary>Writes one event's text.</summary>
    public void WriteText(StringBuilder text)
    {
        if (!Buffered)
        {
            Console.Out.Write(text);
            Console.Out.Flush();
            return;
        }
        lock (_gate)
        {
            if (_disposed) return;
            _bufferedText!.Write(text);
            ScheduleFlush();
        }
    }

    /// <summary>Writes one event as bytes (JSON lines) through <paramref name="write"/>.</summary>
    public void WriteBinary(Action<Stream> write)
    {
        lock (_gate)
        {
            if (_disposed) return;
            if (!Buffered)
            {
                write(_stdout);
                _stdout.Flush();
                return;
            }
            _bufferedText!.Flush(); // keeps the order if text was written before
            write(_bufferedBinary!);
            ScheduleFlush();
        }
    }

    public void Flush()
    {
        if (!Buffered) return;
        lock (_gate)
        {
            if (_disposed) return;
            _pending = false;
            try
            {
                _bufferedText!.Flush();
                _bufferedBinary!.Flush();
            }
            catch (IOException)
            {
                // The reader went away (a closed pipe): what could not be written is lost, as it would be unbuffered.
            }
        }
    }

    public void Dispose()
    {
        Flush();
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _bufferedText?.Dispose();
            _bufferedBinary?.Dispose();
            _stdout.Dispose();
        }
        if (ReferenceEquals(s_current, this)) s_current = null;
    }

    private void ScheduleFlush()
    {
        if (_pending) return;
        _pending = true;
        _timer!.Change(BatchDelay, Timeout.InfiniteTimeSpan);
    }
}
