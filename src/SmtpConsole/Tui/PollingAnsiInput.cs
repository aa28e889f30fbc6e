using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Terminal.Gui.Drivers;

namespace SmtpConsole.Tui;

/// <summary>
/// Terminal.Gui 2.5.0's ANSI input, with a wait that ends when a key arrives. Its own input thread
/// (<c>InputImpl&lt;T&gt;.Run</c>) checks stdin and, when nothing is there, sleeps 20 ms before checking again, so a
/// key waits 0–20 ms before the main loop can see it. Here the thread blocks in <c>poll()</c> on stdin instead and
/// reads a key as soon as it is there. Everything else (raw mode, reading, parsing, test injection) is
/// <see cref="AnsiInput"/>'s: this class re-implements only <see cref="IInput{T}.Run"/>, which Terminal.Gui calls
/// through the interface.
/// </summary>
internal sealed class PollingAnsiInput : AnsiInput, IInput<char>
{
    /// <summary>
    /// Longest single wait: how soon the thread notices it should stop (Terminal.Gui's loop wakes every 20 ms too,
    /// so idle cost stays the same).
    /// </summary>
    internal const int WaitSliceMs = 20;

    private const short PollIn = 0x001;

    private ConcurrentQueue<char>? _queue;

    /// <summary>Whether stdin can be waited on with poll() (a terminal on Linux or macOS); otherwise the wait is a plain sleep.</summary>
    public bool WaitsOnStdin { get; }

    public PollingAnsiInput() => WaitsOnStdin = IsAttachedToTerminal && (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS());

    /// <summary>Times the loop ran since start (tests).</summary>
    public long Waits => Interlocked.Read(ref _waits);

    private long _waits;

    void IInput<char>.Initialize(ConcurrentQueue<char> inputQueue)
    {
        _queue = inputQueue;
        Initialize(inputQueue);
    }

    void IInput<char>.Run(CancellationToken runCancellationToken)
    {
        var queue = _queue ?? throw new InvalidOperationException("Cannot run input before Initialization");
        using var linked = ExternalCancellationTokenSource is { } external
            ? CancellationTokenSource.CreateLinkedTokenSource(runCancellationToken, external.Token)
            : null;
        var ct = linked?.Token ?? runCancellationToken;
        while (!ct.IsCancellationRequested)
        {
            if (Peek())
            {
                foreach (char c in Read()) queue.Enqueue(c);
                continue;
            }
            Interlocked.Increment(ref _waits);
            // poll() said "readable" yet Peek found nothing (raw mode off, a hang-up): sleep like Terminal.Gui rather than spin.
            if (!WaitsOnStdin || WaitForInput(StdinFd, WaitSliceMs) is InputWait.Other) ct.WaitHandle.WaitOne(WaitSliceMs);
        }
    }

    internal enum InputWait
    {
        /// <summary>Something can be read.</summary>
        Readable,

        /// <summary>Nothing came in time (or a signal interrupted the wait).</summary>
        TimedOut,

        /// <summary>Hang-up, error or a bad descriptor: waiting again at once would spin.</summary>
        Other,
    }

    private const int StdinFd = 0;

    /// <summary>Blocks until <paramref name="fd"/> has input or <paramref name="timeoutMs"/> passed (Linux, macOS).</summary>
    internal static InputWait WaitForInput(int fd, int timeoutMs)
    {
        var poll = new PollFd { Fd = fd, Events = PollIn };
        int ready = Poll(ref poll, 1, timeoutMs);
        if (ready == 0) return InputWait.TimedOut;
        if (ready < 0) return Marshal.GetLastPInvokeError() == EINTR ? InputWait.TimedOut : InputWait.Other;
        return (poll.Revents & PollIn) != 0 ? InputWait.Readable : InputWait.Other;
    }

    private const int EINTR = 4;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

#pragma warning disable SYSLIB1054 // Plain DllImport: blittable arguments only, no generated marshalling (no unsafe code in this assembly).
    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int Poll(ref PollFd fds, nuint nfds, int timeout);
#pragma warning restore SYSLIB1054
}
