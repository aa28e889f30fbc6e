using SmtpConsole.Core.Messages;
namespace SmtpConsole.Core.Scripts;

/// <summary>
/// Turns the bytes of a script file into text. Invalid UTF-8 is refused with its line number: silently replacing
/// it with U+FFFD would send something the author never wrote.
/// </summary>
public static class ScriptText
{
    public static string Decode(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        // Valid (the usual case): one string, no intermediate char array (a 10,000-line script is ~600 KB of chars).
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return System.Text.Encoding.UTF8.GetString(bytes);
        char[] chars = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done) return new string(chars, 0, written);
        int line = 1 + bytes[..read].Count((byte)'\n');
        string what = read < bytes.Length ? $"byte 0x{bytes[read]:X2}" : ScriptMessages.TruncatedCharacter;
        throw new ScriptSyntaxException(ScriptMessages.NotUtf8($"{source}:{line}", what));
    }

    public static async Task<string> ReadFileAsync(string path, CancellationToken ct) =>
        Decode(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false), path);

    public static async Task<string> ReadStreamAsync(Stream stream, string source, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), source);
    }
}
