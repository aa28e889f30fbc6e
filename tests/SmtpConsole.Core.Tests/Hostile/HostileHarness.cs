using System.Text;
using System.Text.Json;
using SmtpConsole.Core.Commands;
using SmtpConsole.Core.Session;
using SmtpConsole.Core.Tests.Support;
using SmtpConsole.Core.Transcript;

namespace SmtpConsole.Core.Tests.Hostile;

/// <summary>
/// A <see cref="SessionHarness"/> that also writes the transcript to a text file and a JSON-lines file, as
/// <c>--log</c> would, and checks those files while the session is still alive (no dispose, no extra flush).
/// </summary>
public sealed class HostileHarness : IAsyncDisposable
{
    /// <summary>Longer than any reply timeout used here: a step still running then has hung.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _directory;
    private readonly TranscriptFileSink _text;
    private readonly TranscriptFileSink _json;

    public HostileHarness(int port, TimeSpan? replyTimeout = null, bool allowPlaintextAuth = true, IConsoleInteraction? interaction = null, bool showSecrets = false)
    {
        _directory = Directory.CreateTempSubdirectory("smtpconsole-hostile-");
        Inner = new SessionHarness(port, replyTimeout, insecure: true, allowPlaintextAuth, interaction);
        _text = new TranscriptFileSink(Path.Combine(_directory.FullName, "session.log"), json: false, showSecrets);
        _json = new TranscriptFileSink(Path.Combine(_directory.FullName, "session.jsonl"), json: true, showSecrets);
        Inner.Recorder.AddSink(_text);
        Inner.Recorder.AddSink(_json);
    }

    public SessionHarness Inner { get; }
    public SmtpSession Session => Inner.Session;
    public CommandRunner Runner => Inner.Runner;
    public RecordingSink Sink => Inner.Sink;
    public ConnectOptions Options => Inner.Options;
    public string TextPath => _text.Path;
    public string JsonPath => _json.Path;

    /// <summary>Awaits a step, failing the test instead of hanging when it does not finish.</summary>
    public static Task<T> Bounded<T>(Task<T> step) => step.WaitAsync(HangLimit);

    public static Task Bounded(Task step) => step.WaitAsync(HangLimit);

    /// <summary>Polls until the condition holds; fails after 10 s.</summary>
    public static async Task WaitUntil(Func<bool> condition, string what)
    {
        for (int i = 0; i < 400 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition(), "timed out waiting until " + what);
    }

    public TranscriptEvent FirstError(Func<TranscriptEvent, bool>? where = null) =>
        Sink.Events.FirstOrDefault(e => e.Kind == TranscriptEventKind.Error && (where?.Invoke(e) ?? true))
        ?? throw new Xunit.Sdk.XunitException("no error event in the transcript:\n" + Sink.Dump());

    /// <summary>Reads a transcript file the way another process would while it is still being written.</summary>
    public static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public string ReadText() => ReadShared(TextPath);

    public string ReadJson() => ReadShared(JsonPath);

    /// <summary>Every event up to and including <paramref name="last"/> is already in both files, in order.</summary>
    public void AssertFilesCompleteThrough(TranscriptEvent last)
    {
        var expected = Sink.Events.Where(e => e.Sequence <= last.Sequence).ToList();
        Assert.Contains(last, expected);
        var jsonLines = ReadJson().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(jsonLines.Length >= expected.Count, $"the JSON file has {jsonLines.Length} events, {expected.Count} were recorded");
        for (int i = 0; i < expected.Count; i++)
        {
            using var document = JsonDocument.Parse(jsonLines[i]);
            Assert.Equal(expected[i].Sequence, document.RootElement.GetProperty("seq").GetInt64());
            Assert.Equal(expected[i].Text, document.RootElement.GetProperty("text").GetString());
        }
        string text = ReadText();
        var textLines = expected.SelectMany(e => TranscriptTextFormat.FormatLines(e)).ToList();
        int position = 0;
        foreach (var line in textLines)
        {
            int found = text.IndexOf(line + "\n", position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"the text file lacks (in order) the line: {line}");
            position = found + line.Length + 1;
        }
    }

    /// <summary>Neither file holds a raw terminal escape, BEL, NUL, C1 control or bidi override, whatever the server sent.</summary>
    public void AssertFilesClean()
    {
        foreach (var path in new[] { TextPath, JsonPath })
        {
            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }
            AssertNoDangerousBytes(bytes, Path.GetFileName(path));
        }
        foreach (var e in Sink.Events)
        {
            foreach (var line in TranscriptTextFormat.FormatLines(e)) AssertNoDangerousText(line, "on-screen line");
        }
    }

    public static void AssertNoDangerousBytes(byte[] bytes, string what)
    {
        Assert.True(bytes.AsSpan().IndexOfAny((byte)0x1B, (byte)0x00, (byte)0x07) < 0, $"{what} holds a raw ESC, NUL or BEL byte");
        Assert.True(bytes.AsSpan().IndexOf("\u202E"u8) < 0, $"{what} holds a raw U+202E (right-to-left override)");
        for (int i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == 0xC2 && bytes[i + 1] is >= 0x80 and <= 0x9F) Assert.Fail($"{what} holds a raw C1 control U+00{bytes[i + 1]:X2}");
        }
        Assert.True(bytes.AsSpan().IndexOf((byte)0x7F) < 0, $"{what} holds a raw DEL");
    }

    public static void AssertNoDangerousText(string text, string what)
    {
        foreach (char c in text)
        {
            // The message is built only on failure: this runs for every character of 20,000-line replies.
            if (c < 0x20 || c == 0x7F || c is >= '\u0080' and <= '\u009F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069')
                Assert.Fail($"{what} holds U+{(int)c:X4}: {text}");
        }
        // Issue 13: every invisible format character (Cf), not only the bidi ones, including the supplementary tags.
        foreach (var rune in text.EnumerateRunes())
        {
            if (System.Text.Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format)
                Assert.Fail($"{what} holds the invisible U+{rune.Value:X4}: {text}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync();
        _text.Dispose();
        _json.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the test over it would hide the real result.
        }
    }
}
